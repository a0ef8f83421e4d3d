"""Startup times of the command line and the server (issues 10 and 14), as ratios to
``python -c pass`` measured in the same run (the machine's load moves both alike).

    python benchmarks/startup.py --repeat 5

Rows: ``import groupement_rules``, ``groupement-rules --help``, ``groupement-rules
report`` and ``groupement-rules serve`` until its first ``/health`` answers (skipped
when the ``[web]`` extra is missing). Each figure is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request

PY = sys.executable


def _run(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve_to_health() -> float:
    port = _free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [PY, "-m", "groupement_rules", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while proc.poll() is None and time.perf_counter() - start < 30:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as r:
                    if r.status == 200:
                        return time.perf_counter() - start
            except OSError:
                time.sleep(0.01)
        return float("nan")
    finally:
        proc.terminate()
        proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each row (best kept)")
    args = parser.parse_args()
    gr = [PY, "-m", "groupement_rules"]
    rows: list[tuple[str, object]] = [
        ("python -c pass", [PY, "-c", "pass"]),
        ("import groupement_rules", [PY, "-c", "import groupement_rules"]),
        ("groupement-rules --help", [*gr, "--help"]),
        ("groupement-rules report", [*gr, "report", "--on", "2027-01-01"]),
    ]
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401

        rows.append(("serve to first /health", _serve_to_health))
    except ImportError:
        pass
    base = 0.0
    for name, what in rows:
        times = [what() if callable(what) else _run(what) for _ in range(args.repeat)]  # type: ignore[arg-type]
        best = min(times)
        base = base or best
        print(f"{name:28} {best * 1000:7.0f} ms  {best / base:5.1f} x python -c pass")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
