"""PDFs, the form in which délibérations are published (SPEC D): their text layer, read
with pypdfium2 (the optional ``[pdf]`` extra), or OCR when a page is a scan.

- The text layer is taken page by page. A page set in two columns (a vertical gutter
  that no line crosses) is read column by column, after what spans both (its heading).
- PDFium marks a hyphen it found at a line end (``\\x02``) and joins the two lines: the
  hyphen is dropped inside a word (« délibé-/rations » → « délibérations ») and kept
  between number words (« vingt-/six » → « vingt-six ») and after ``vice``.
- A PDF with no text layer is a scan. It is read through OCR when ``ocrmypdf`` and
  Tesseract's French data are installed (one thread); otherwise it is refused with one
  line that says so.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ...errors import InputError
from ..french_dates import NUMBER_WORDS

#: Fewer characters than this on every page: no text layer (a scan).
MIN_TEXT_CHARS = 20
#: OCR of a scan: at most this many seconds.
OCR_TIMEOUT = 600

_EXTRA = "reading a PDF needs the [pdf] extra: pip install 'groupement-rules[pdf]'"
_SCAN = (
    "a scanned PDF (no text layer): install ocrmypdf and tesseract-ocr-fra to read it through OCR"
)
_SOFT = re.compile(r"(\w*)\x02[ ]?(\w*)")
_KEEP_HYPHEN_AFTER = frozenset({"vice", "ex", "demi", "mi", "semi", "non"})


@attrs.frozen
class PdfText:
    """The text of a PDF and how it was obtained."""

    text: str
    pages: int
    #: ``text-layer`` or ``ocr``
    method: str


def is_pdf(data: bytes) -> bool:
    """A PDF starts with ``%PDF-`` (white space before it tolerated; a text that quotes
    the marker further on is still a text)."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def pdf_text(
    data: bytes,
    where: str = "<pdf>",
    *,
    ocr: bool = True,
    progress: Callable[[float], None] | None = None,
) -> PdfText:
    """The text of the PDF ``data``; a scan is read through OCR when it is installed.

    ``progress``, when given, is called while the OCR runs with the seconds it has
    taken so far (about every :data:`POLL` seconds); without it nothing is printed.
    Raises :class:`InputError` (one line) for a file that is not a readable PDF, a scan
    without OCR, an OCR that fails or takes more than :data:`OCR_TIMEOUT` seconds, or a
    missing ``[pdf]`` extra.
    """
    pages = _text_layer(data, where)
    if sum(len(p.strip()) for p in pages) >= MIN_TEXT_CHARS:
        return PdfText(_join(pages), len(pages), "text-layer")
    if not ocr or not ocr_available():
        raise InputError(where, _SCAN)
    return PdfText(_join(_text_layer(_ocr(data, where, progress), where)), len(pages), "ocr")


def _join(pages: Sequence[str]) -> str:
    return "\n\f".join(_soft_hyphens(p) for p in pages)


def _soft_hyphens(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        fa, fb = a.lower(), b.lower()
        keep = (fa in NUMBER_WORDS and fb in NUMBER_WORDS) or fa in _KEEP_HYPHEN_AFTER
        return a + ("-" if keep or b[:1].isupper() else "") + b

    return _SOFT.sub(repl, text) if "\x02" in text else text


def _open(data: bytes, where: str) -> Any:
    try:
        import pypdfium2 as pdfium  # lazy: the [pdf] extra
    except ImportError:
        raise InputError(where, _EXTRA) from None
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise InputError(where, f"not a readable PDF ({e})") from None


def _text_layer(data: bytes, where: str) -> list[str]:
    pdf = _open(data, where)
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                out.append(_page_text(page))
            finally:
                page.close()
        return out
    finally:
        pdf.close()


def _page_text(page: Any) -> str:
    tp = page.get_textpage()
    try:
        width, height = page.get_size()
        gutter = _gutter(tp, width, height)
        if gutter is None:
            return str(tp.get_text_bounded())
        top = gutter[1]  # what spans both columns, above them: a heading
        parts = []
        if top < height:
            parts.append(tp.get_text_bounded(left=0, bottom=top, right=width, top=height))
        parts.append(tp.get_text_bounded(left=0, bottom=0, right=gutter[0], top=top))
        parts.append(tp.get_text_bounded(left=gutter[0], bottom=0, right=width, top=top))
        return "\n".join(str(p) for p in parts if p)
    finally:
        tp.close()


def _gutter(tp: Any, width: float, height: float) -> tuple[float, float] | None:
    """(x, y): a vertical gutter at x that no line below y crosses, with lines that fill
    both sides below y (a page in two columns), or None.

    A row of a table (a label on the left, a short value on the right) does not fill the
    right side: it is not read as a column.
    """
    n = tp.count_rects()
    if n < 6:
        return None
    rects = [tp.get_rect(i) for i in range(n)]  # (left, bottom, right, top)
    for frac in (0.5, 0.45, 0.55, 0.4, 0.6):
        x = width * frac
        crossing = [r for r in rects if r[0] < x < r[2]]
        y = min((r[1] for r in crossing), default=height)
        cols = [r for r in rects if r[3] <= y + 0.5]
        if len(cols) + len(crossing) < len(rects):
            continue  # a line that crosses the gutter below another: no columns
        left = [r for r in cols if r[2] <= x]
        right = [r for r in cols if r[0] >= x]
        if len(left) < 3 or len(right) < 3:
            continue
        fill_l = sum(r[2] - r[0] for r in left) / len(left) / x
        fill_r = sum(r[2] - r[0] for r in right) / len(right) / (width - x)
        if fill_l >= 0.5 and fill_r >= 0.5:
            return x, y
    return None


def ocr_available() -> bool:
    """``ocrmypdf`` and Tesseract with its French data are installed."""
    if shutil.which("ocrmypdf") is None or shutil.which("tesseract") is None:
        return False
    try:
        langs = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return False
    return "fra" in langs


def _ocr(data: bytes, where: str, progress: Callable[[float], None] | None = None) -> bytes:
    """The PDF with a text layer added by OCR (French, one thread).

    ``ocrmypdf`` runs in a process group of its own, polled every :data:`POLL` seconds
    (``progress`` told the time taken); past :data:`OCR_TIMEOUT`, or when the wait is
    interrupted (Ctrl-C; the command line turns SIGTERM into an interruption too), the
    group (ocrmypdf and its Tesseract) is stopped and reaped.
    Its messages go to a file, so that a talkative run cannot fill a pipe and stall.
    """
    with tempfile.TemporaryDirectory(prefix="gr-ocr-") as tmp:
        src, dst, log = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf", Path(tmp) / "ocr.log"
        src.write_bytes(data)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        cmd = ["ocrmypdf", "--jobs", "1", "-l", "fra", "--force-ocr", "--quiet"]
        with open(log, "wb") as err:
            try:
                proc = subprocess.Popen(
                    [*cmd, str(src), str(dst)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                    env=env,
                    process_group=0,
                )
            except OSError as e:
                raise InputError(where, f"OCR failed ({e})") from None
            try:
                code = _wait(proc, progress)
            finally:
                if proc.poll() is None:
                    _stop(proc)
        if code is None:
            raise InputError(where, f"OCR took more than {OCR_TIMEOUT} s; stopped")
        if code != 0 or not dst.exists():
            text = log.read_text(encoding="utf-8", errors="replace").strip()
            last = (text.splitlines() or ["no message"])[-1]
            raise InputError(where, f"OCR failed: {last}")
        return dst.read_bytes()


#: Seconds between two looks at a running OCR (and two calls of its progress callback).
POLL = 0.2
#: Seconds a stopped OCR is given to end before it is killed.
GRACE = 3.0


def _wait(proc: subprocess.Popen[bytes], progress: Callable[[float], None] | None) -> int | None:
    """The exit status of ``proc``, or None when it ran past :data:`OCR_TIMEOUT`."""
    start = time.monotonic()
    while True:
        try:
            return proc.wait(timeout=POLL)
        except subprocess.TimeoutExpired:
            pass
        elapsed = time.monotonic() - start
        if elapsed > OCR_TIMEOUT:
            return None
        if progress is not None:
            progress(elapsed)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End the process group of ``proc``: SIGTERM, then SIGKILL after :data:`GRACE` s."""
    for sig, wait in ((signal.SIGTERM, GRACE), (signal.SIGKILL, None)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    # what the group left (a Tesseract that ignored SIGTERM): killed, not waited for
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


__all__ = ["PdfText", "is_pdf", "ocr_available", "pdf_text"]
