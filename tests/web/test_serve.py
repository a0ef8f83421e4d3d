"""``groupement-rules serve`` from the command line: it starts, answers, and refuses bad options."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_starts_and_answers(tmp_path: Path) -> None:
    key = tmp_path / "key.txt"
    key.write_text("k-123\n", encoding="utf-8")
    port = _free_port()
    cmd = [sys.executable, "-m", "groupement_rules", "serve", "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--api-key-file", str(key)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as r:
                    assert json.load(r)["status"] == "ok"
                    break
            except OSError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "serve did not answer /health"
                time.sleep(0.1)
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(f"{base}/withdraw?date=2028-06-01", timeout=5)
        assert e.value.code == 401
        req = urllib.request.Request(
            f"{base}/withdraw?date=2028-06-01", headers={"Authorization": "Bearer k-123"}
        )
        with urllib.request.urlopen(req, timeout=5) as r:
            doc = json.load(r)
        assert (doc["answer"], doc["effective_on"]) == ("allowed", "2028-07-19")
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--port", "70000"], "not a port number"),
        (["--workers", "0"], "must be at least 1"),
        (["--api-key-file", "/nonexistent/key"], "/nonexistent/key"),
        (["--policy", "/nonexistent/policy.toml"], "/nonexistent/policy.toml"),
    ],
)
def test_serve_refuses_bad_options_in_one_line(args: list[str], said: str) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "groupement_rules", "serve", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert said in r.stderr and len(r.stderr.strip().splitlines()) == 1
