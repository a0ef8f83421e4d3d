"""The shared progress display: on a terminal's standard error only, never in a pipe,
off with ``--no-progress``; the clock is injected (no sleeping)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from groupement_rules.commands.progress import Progress

pty = pytest.importorskip("pty")

HEADER = (
    "name;kind;insee;need;authorisation_date;authorisation_transmitted_on;signed_on;sent_on;"
    "annexes;orders;withdrawal_sent_on\n"
)
ROW = "Commune {n};commune;49007;120;2026-01-05;2026-01-07;2026-01-10;2026-01-12;1,2;;\n"

# a clock that moves a second each time it is read: every draw is past the first second
RUN = (
    "import sys, itertools; import groupement_rules.commands.progress as P; "
    "ticks = itertools.count(); P.Progress.__init__.__defaults__ = (lambda: float(next(ticks)),); "
    "from groupement_rules.cli import main; sys.exit(main(sys.argv[1:]))"
)


def _adherents(tmp_path: Path, n: int = 5) -> Path:
    f = tmp_path / "adherents.csv"
    f.write_text(HEADER + "".join(ROW.format(n=i) for i in range(n)), encoding="utf-8")
    return f


def _run(args: list[str], *, tty_stderr: bool) -> tuple[bytes, bytes]:
    """Run the command with standard output in a pipe, standard error a terminal or a pipe."""
    if not tty_stderr:
        done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, check=False)
        return done.stdout, done.stderr
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-c", RUN, *args], stdout=subprocess.PIPE, stderr=slave
        )
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed (Linux)
                break
            if not chunk:
                break
            err += chunk
        out = proc.stdout.read() if proc.stdout else b""
        proc.wait()
    finally:
        os.close(master)
    return out, err


@pytest.mark.parametrize(
    "lang,shown", [("en", b"adherents read: 5"), ("fr", "adhérents lus : 5".encode())]
)
def test_check_adherents_shows_progress_on_a_terminal(
    tmp_path: Path, lang: str, shown: bytes
) -> None:
    f = _adherents(tmp_path)
    out, err = _run(
        ["check-adherents", str(f), "--on", "2027-01-01", "--lang", lang], tty_stderr=True
    )
    assert shown in err and shown not in out  # on standard error only
    # erased (blanks between two carriage returns) before the summary line comes
    assert re.search(rb"\r +\r[^\r]*on 2027-01-01", err)


def test_no_progress_in_a_pipe_or_with_the_flag(tmp_path: Path) -> None:
    f = _adherents(tmp_path)
    args = ["check-adherents", str(f), "--on", "2027-01-01", "--lang", "en"]
    _, err = _run(args, tty_stderr=False)
    assert b"read:" not in err and b"\r" not in err.replace(b"\r\n", b"\n")
    _, err = _run([*args, "--no-progress"], tty_stderr=True)
    assert b"read:" not in err and b"\r" not in err.replace(b"\r\n", b"\n")


def test_json_on_stdout_keeps_its_document_clean(tmp_path: Path) -> None:
    import json

    f = _adherents(tmp_path)
    out, err = _run(["check-adherents", str(f), "--on", "2027-01-01", "--json"], tty_stderr=True)
    assert json.loads(out)["summary"]["adherents"] == 5
    assert "adhérents lus".encode() in err


def test_counting_waits_a_second_and_clear_erases() -> None:
    now = [0.0]
    stream = io.StringIO()
    p = Progress(stream, "en", clock=lambda: now[0])
    items = p.counting("adherents", range(3))
    assert next(items) == 0 and stream.getvalue() == ""
    now[0] = 1.5
    assert next(items) == 1 and stream.getvalue() == "\radherents read: 2"
    p.clear()
    assert stream.getvalue().endswith("\r" + " " * len("adherents read: 2") + "\r")
    assert list(items) == [2]
