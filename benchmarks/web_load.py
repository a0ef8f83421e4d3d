"""HTTP load benchmark: withdrawal decisions and séance checks over HTTP, against the same
answers computed in-process, in the same run (issue 10 item 7).

Run: ``python benchmarks/web_load.py`` (``--seconds 5 --connections 16``). It starts
``groupement-rules serve`` (one worker) on a free port of 127.0.0.1, drives it with a
small load generator of our own (asyncio, HTTP/1.1 keep-alive, a bounded number of
connections and a bounded duration, 127.0.0.1 only), and prints for each question:
requests/s, p50 and p99 latency, and the ratio HTTP / in-process. Nothing passes or
fails: the goals are printed beside the figures. The load generator runs on the same
machine and takes CPU from the server: the figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from importlib import resources

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "groupement_rules", "serve", "--port", str(port)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while True:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/health", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"the server did not start: {proc.stderr.read()!r}") from None
            if time.perf_counter() - t0 > 30:
                proc.kill()
                raise SystemExit("the server did not answer /health in 30 s") from None
            time.sleep(0.02)
    print(f"  server ready (first /health answered) in {time.perf_counter() - t0:.2f} s")
    return proc


def request_bytes(method: str, path: str, body: bytes = b"", ctype: str = "") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\n"
    if body:
        head += f"Content-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


async def _connection(
    port: int, requests: list[bytes], until: float, latencies: list[float], i: int
) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    n = i
    try:
        while time.perf_counter() < until:
            req = requests[n % len(requests)]
            n += 1
            t = time.perf_counter()
            writer.write(req)
            head = await reader.readuntil(b"\r\n\r\n")
            status = head[9:12]
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - t)
            if status != b"200":
                raise SystemExit(f"HTTP {status.decode()} for {req[:60]!r}")
    finally:
        writer.close()


async def load(port: int, requests: list[bytes], seconds: float, connections: int) -> list[float]:
    latencies: list[float] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(
        *(_connection(port, requests, until, latencies, i) for i in range(connections))
    )
    return latencies


def in_process(fn: object, seconds: float) -> float:
    """Calls per second of ``fn`` (the same answer and JSON the server gives)."""
    n = 0
    t0 = time.perf_counter()
    until = t0 + seconds
    while time.perf_counter() < until:
        for _ in range(50):
            fn()  # type: ignore[operator]
        n += 50
    return n / (time.perf_counter() - t0)


def report(label: str, value: str, goal: str = "") -> None:
    print(f"  {label:<52} {value:>16}   {('goal: ' + goal) if goal else ''}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0, help="duration of each load (max 60)")
    ap.add_argument("--connections", type=int, default=16, help="concurrent connections (max 64)")
    args = ap.parse_args()
    seconds = min(max(args.seconds, 0.5), 60.0)
    connections = min(max(args.connections, 1), 64)

    from groupement_rules.web.app import dumps
    from groupement_rules.web.questions import answer, load_policies, result_dict

    pol = load_policies()
    seed = (resources.files("groupement_rules") / "data" / "seed-seance.json").read_bytes()
    seed_facts = json.loads(seed)
    days = [f"2028-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 8, 15, 22)]
    cycle = itertools.cycle(days)

    questions = {
        "baseline: GET /health (this stack's ceiling on this machine now)": (
            [request_bytes("GET", "/health")],
            lambda: dumps({"status": "ok"}),
            0,
        ),
        "withdrawal (GET /withdraw)": (
            [request_bytes("GET", f"/withdraw?date={d}") for d in days],
            lambda: dumps(result_dict(answer(pol, "withdraw", {"date": next(cycle)}), "fr")),
            2000,
        ),
        "séance check of the seed (POST /check-seance)": (
            [request_bytes("POST", "/check-seance", seed, "application/json")],
            lambda: dumps(result_dict(answer(pol, "check-seance", {}, dict(seed_facts)), "fr")),
            1000,
        ),
    }
    port = free_port()
    print(
        f"groupement-rules HTTP benchmark: 1 worker, {connections} connections, "
        f"{seconds:g} s each, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    proc = start_server(port)
    try:
        for label, (reqs, fn, goal) in questions.items():
            print(label)
            asyncio.run(load(port, reqs, min(1.0, seconds), connections))  # warm
            lat = asyncio.run(load(port, reqs, seconds, connections))
            rate = len(lat) / seconds
            lat.sort()
            p50 = statistics.median(lat) * 1000
            p99 = lat[int(len(lat) * 0.99) - 1] * 1000
            local = in_process(fn, seconds)
            report("HTTP requests/s", f"{rate:,.0f}", f">= {goal:,}/s" if goal else "")
            report("HTTP latency p50 / p99", f"{p50:.1f} / {p99:.1f} ms", "p99 < 50 ms")
            report("in-process answers + JSON /s", f"{local:,.0f}")
            report("ratio HTTP / in-process", f"{rate / local:.2f}")
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
