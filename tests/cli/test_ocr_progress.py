"""The OCR of a scanned PDF (issue 14, item 2): its progress on a terminal's standard
error (never in a pipe, off with ``--no-progress``; the library prints nothing), and
the ``ocrmypdf`` process group stopped cleanly on a timeout and on Ctrl-C.

A fake ``ocrmypdf`` (a shell script put first on ``PATH``) stands for the real one, so
that these tests need no OCR install: it waits, then copies a PDF with a text layer
to its output. The real OCR is tested in tests/readers/test_pdf.py (skipped without
ocrmypdf and tesseract-ocr-fra).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from groupement_rules.errors import InputError
from groupement_rules.readers.text import pdf as pdf_module
from pdf_factory import scanned_pdf, text_pdf

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")
pty = pytest.importorskip("pty")

REPO = Path(__file__).resolve().parents[2]
TEXT = (REPO / "examples" / "deliberation.txt").read_text(encoding="utf-8")

FAKE_OCRMYPDF = """#!/bin/sh
# a fake ocrmypdf: the last argument is the output PDF
for a; do out=$a; done
if [ -n "$FAKE_OCR_PIDS" ]; then
  sleep 300 &
  echo $! >> "$FAKE_OCR_PIDS"
  echo $$ >> "$FAKE_OCR_PIDS"
fi
sleep "${FAKE_OCR_SECONDS:-0}"
if [ -n "$FAKE_OCR_FAIL" ]; then echo "$FAKE_OCR_FAIL" >&2; exit 1; fi
cp "$FAKE_OCR_RESULT" "$out"
"""
FAKE_TESSERACT = "#!/bin/sh\necho 'List of available languages (2):'\necho eng\necho fra\n"


@pytest.fixture
def fake_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """PATH with the fake ocrmypdf and tesseract first; the environment they read."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in (("ocrmypdf", FAKE_OCRMYPDF), ("tesseract", FAKE_TESSERACT)):
        (bin_dir / name).write_text(script, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    result = tmp_path / "ocred.pdf"
    result.write_bytes(text_pdf(TEXT))
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "FAKE_OCR_RESULT": str(result),
        "FAKE_OCR_SECONDS": "1",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    f = tmp_path / "scan.pdf"
    f.write_bytes(scanned_pdf(text_pdf(TEXT[:800]), scale=1.0))
    return f


def _gone(pid: int, within: float = 10.0) -> bool:
    """The process ends within ``within`` seconds (a signal is delivered asynchronously;
    a zombie left to its new parent counts as ended)."""
    deadline = time.monotonic() + within
    while True:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except FileNotFoundError:
            return True
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def _pids(f: Path) -> list[int]:
    return [int(x) for x in f.read_text().split()] if f.exists() else []


def test_the_fake_is_what_the_reader_calls(fake_ocr: dict[str, str], scan: Path) -> None:
    assert pdf_module.ocr_available()
    pt = pdf_module.pdf_text(scan.read_bytes(), "scan.pdf")
    # the text is the fake's result, not the scan's (which has no text layer)
    assert pt.method == "ocr" and "VILLEDIEU-LES-BOIS" in pt.text


def test_progress_is_told_the_time_taken_and_the_library_prints_nothing(
    fake_ocr: dict[str, str], scan: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    seen: list[float] = []
    pt = pdf_module.pdf_text(scan.read_bytes(), "scan.pdf", progress=seen.append)
    assert pt.method == "ocr"
    assert len(seen) >= 2 and seen == sorted(seen) and 0 < seen[0] < seen[-1] < 60
    pdf_module.pdf_text(scan.read_bytes(), "scan.pdf")  # no callback: silent
    assert capfd.readouterr() == ("", "")


def test_a_failed_ocr_is_one_line(
    fake_ocr: dict[str, str], scan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_OCR_FAIL", "PriorOcrFoundError: page already has text")
    monkeypatch.setenv("FAKE_OCR_SECONDS", "0")
    with pytest.raises(InputError) as e:
        pdf_module.pdf_text(scan.read_bytes(), "scan.pdf")
    assert str(e.value) == "scan.pdf: OCR failed: PriorOcrFoundError: page already has text"


def test_a_timeout_stops_the_whole_process_group(
    fake_ocr: dict[str, str], scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pids = tmp_path / "pids"
    monkeypatch.setenv("FAKE_OCR_PIDS", str(pids))
    monkeypatch.setenv("FAKE_OCR_SECONDS", "300")
    monkeypatch.setattr(pdf_module, "OCR_TIMEOUT", 1)
    start = time.monotonic()
    with pytest.raises(InputError, match="OCR took more than 1 s; stopped"):
        pdf_module.pdf_text(scan.read_bytes(), "scan.pdf")
    assert time.monotonic() - start < 60  # not the fake's 300 s
    child, script = _pids(pids)
    assert _gone(script) and _gone(child)  # the script and what it started


@pytest.mark.parametrize(
    ("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["ctrl-c", "sigterm"]
)
def test_an_interruption_stops_the_ocr(
    fake_ocr: dict[str, str], scan: Path, tmp_path: Path, sig: int, status: int
) -> None:
    """Ctrl-C (SIGINT) or SIGTERM while the OCR runs: the fake ocrmypdf and what it
    started are stopped, the OCR's temporary folder and ``--output``'s temporary file
    removed, and the status is the signal's (130, 143), with no traceback."""
    pids = tmp_path / "pids"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = {
        **os.environ,
        **fake_ocr,
        "FAKE_OCR_PIDS": str(pids),
        "FAKE_OCR_SECONDS": "300",
        "TMPDIR": str(tmp),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "groupement_rules", "read", str(scan), "-o", str(out_dir / "a")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_pids(pids)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(_pids(pids)) == 2, "the fake ocrmypdf did not start"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # pragma: no cover - only when the test fails
            proc.kill()
            proc.wait()
    assert proc.returncode == status, err
    assert b"Traceback" not in err and out == b""
    child, script = _pids(pids)
    assert _gone(script) and _gone(child)
    assert list(tmp.iterdir()) == []  # the OCR's temporary folder removed
    assert list(out_dir.iterdir()) == []  # and --output's temporary file


# a clock that moves a second each time it is read: every draw is past the first second
RUN = (
    "import sys, itertools; import groupement_rules.commands.progress as P; "
    "ticks = itertools.count(); P.Progress.__init__.__defaults__ = (lambda: float(next(ticks)),); "
    "from groupement_rules.cli import main; sys.exit(main(sys.argv[1:]))"
)


def _on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, bytes, bytes]:
    """Run the command with standard output in a pipe and standard error a terminal."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-c", RUN, *args],
            stdout=subprocess.PIPE,
            stderr=slave,
            env={**os.environ, **env},
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
        code = proc.wait()
    finally:
        os.close(master)
    return code, out, err


COMMANDS = [
    ["read", "{scan}"],
    ["check-seance", "{scan}"],
    ["scdl-write", "{scan}"],
    ["report", "--on", "2027-01-01", "--seance", "{scan}"],
    ["executory", "{scan}"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_ocr_progress_on_a_terminal(fake_ocr: dict[str, str], scan: Path, argv: list[str]) -> None:
    args = [a.replace("{scan}", str(scan)) for a in argv] + ["--lang", "en"]
    code, out, err = _on_a_terminal(args, fake_ocr)
    assert code in (0, 1), err
    assert re.search(rb"recognising a scan's text \(OCR\): \d+ s", err)
    assert b"OCR" not in out and out  # the answer on stdout, clean
    assert re.search(rb"\r +\r", err)  # erased before the answer
    code, _out, err = _on_a_terminal([*args, "--no-progress"], fake_ocr)
    assert b"OCR" not in err


def test_no_ocr_progress_in_a_pipe(fake_ocr: dict[str, str], scan: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", RUN, "read", str(scan), "--lang", "en"],
        capture_output=True,
        env={**os.environ, **fake_ocr},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""


def test_ocr_progress_in_french(fake_ocr: dict[str, str], scan: Path) -> None:
    _code, _out, err = _on_a_terminal(["read", str(scan)], fake_ocr)
    assert re.search(rb"reconnaissance du texte d'un scan \(OCR\) : \d+ s", err)
