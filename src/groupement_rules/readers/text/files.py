"""Reading files: a text file (and a PDF) into a reading; the séance input of
``check-seance`` whatever its kind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ...errors import InputError
from ...inputs import MAX_DOCUMENT_BYTES
from .reader import read_extract
from .record import FORMAT, ExtractResult

#: The largest text file read (the real extracts and PVs are under 20 KB; a whole
#: year's registre is under 1 MB): above it, reading would take seconds per MB.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: The largest PDF read: the limit of every document the library reads.
MAX_PDF_BYTES = MAX_DOCUMENT_BYTES

#: Told, while a long step runs (the OCR of a scan), how many seconds it has taken so
#: far; the commands pass one that draws on a terminal, the library none (it prints
#: nothing).
OnProgress = Callable[[float], None]


def read_extract_file(path: str, *, progress: OnProgress | None = None) -> ExtractResult:
    """Read a text file (UTF-8) or a PDF (``-``: standard input) and its séance facts;
    InputError names the file.

    An empty file, or a text in which nothing of a séance is recognised (no date,
    commune, member, délibération or publication line), is an error, not empty facts.
    ``progress`` is told how long the OCR of a scan has run (:data:`OnProgress`).
    """
    from ... import inputs

    # read once: standard input, a pipe or a FIFO cannot be read a second time
    data = inputs.read_bytes(path, MAX_PDF_BYTES)
    return read_extract_bytes(data, inputs.source_name(path), progress=progress)


def read_extract_bytes(
    data: bytes, name: str, *, progress: OnProgress | None = None
) -> ExtractResult:
    """:func:`read_extract_file` on bytes already read; ``name`` names them in errors."""
    from pathlib import Path

    from ... import inputs

    path = name
    if Path(path).suffix.lower() == ".pdf" or data.startswith(b"%PDF-"):
        if not data:
            raise InputError(path, "empty file")
        return _checked(path, read_pdf(data, where=path, progress=progress))
    if len(data) > MAX_FILE_BYTES:
        raise InputError(path, f"too large ({len(data)} bytes; at most {MAX_FILE_BYTES})")
    text = inputs.decode_text(data, name)
    if not text.strip():
        raise InputError(name, "empty file")
    try:
        r = read_extract(text)
    except InputError as e:
        raise InputError(name, e.reason) from None
    return _checked(name, r)


def read_pdf(
    data: bytes,
    *,
    where: str = "<pdf>",
    ocr: bool = True,
    progress: OnProgress | None = None,
) -> ExtractResult:
    """Read a PDF (its text layer, or OCR for a scan when installed) into séance facts.

    The reading records how the text was obtained (``document``: pages, method).
    """
    from .pdf import pdf_text

    pt = pdf_text(data, where, ocr=ocr, progress=progress)
    try:
        r = read_extract(pt.text)
    except InputError as e:
        raise InputError(where, e.reason) from None
    return attrs.evolve(r, document={"kind": "pdf", "pages": pt.pages, "method": pt.method})


def _checked(path: str, r: ExtractResult) -> ExtractResult:
    if nothing_read(r):
        raise InputError(
            path,
            "no séance fact recognised (no date, commune, member, délibération or "
            "publication line): is it the text of a délibération?",
        )
    return r


def nothing_read(r: ExtractResult) -> bool:
    """True when the text gave no fact at all of a séance."""
    f = r.facts
    return (
        f["date"] is None
        and f["commune"]["name"] is None
        and f["convocation"]["sent_on"] is None
        and f["president"] is None
        and not any(f[k] for k in ("secretaries", "members", "absent", "proxies", "deliberations"))
        and not r.publication["stated"]
    )


def load_seance_input(path: str, *, progress: OnProgress | None = None) -> dict[str, Any]:
    """Séance facts in the Part B input format from a file, whatever its kind.

    A ``.txt`` (or ``.pdf``) file is read with :func:`read_extract`; a JSON/TOML file is
    either the facts themselves or the output of ``read --json`` (its ``facts`` are taken);
    another name (``-``, standard input) is told by its content (:func:`read_input`).
    """
    return load_seance_reading(path, progress=progress)[0]


def load_seance_reading(
    path: str, *, progress: OnProgress | None = None
) -> tuple[dict[str, Any], tuple[Mapping[str, Any], ...]]:
    """The séance facts of a file and the disagreements its reading recorded (a text or
    a PDF read here, or the saved output of ``read --json``; none for plain facts)."""
    doc = read_input(path, progress=progress)
    if isinstance(doc, ExtractResult):
        return numbered(doc.facts), tuple(doc.disagreements)
    if doc.get("format") == FORMAT and isinstance(doc.get("facts"), dict):
        raw = doc.get("disagreements")
        dis = tuple(d for d in raw if isinstance(d, dict)) if isinstance(raw, list) else ()
        return numbered(doc["facts"]), dis
    return doc, ()


def numbered(facts: Mapping[str, Any]) -> dict[str, Any]:
    """The facts read from a text, each délibération whose number the text does not give
    named by its place in the text (``#1``, ``#2``…), so that the séance can be checked
    and its findings located. The number stays unread in the reading record; ``#`` marks
    a place, never a number the text prints."""
    out = dict(facts)
    items = out.get("deliberations")
    if isinstance(items, list):
        out["deliberations"] = [
            {**d, "number": f"#{i}"} if isinstance(d, dict) and not d.get("number") else d
            for i, d in enumerate(items, 1)
        ]
    return out


#: Files read as text (or as a PDF's text layer) rather than as structured facts.
TEXT_SUFFIXES = (".txt", ".text", ".pdf")


def read_input(path: str, *, progress: OnProgress | None = None) -> dict[str, Any] | ExtractResult:
    """A file of facts (JSON, TOML: the parsed document) or a délibération (a text, a
    PDF: its reading), told by its suffix (:data:`TEXT_SUFFIXES`,
    :data:`DOCUMENT_SUFFIXES`), else, for standard input (``-``), a FIFO or another
    suffix, by its content, read once: a PDF, JSON, TOML, else a text. A text in which
    no séance fact is recognised reports the TOML error it also is."""
    from pathlib import Path

    from ... import inputs
    from ..structured import DOCUMENT_SUFFIXES, load_document, parse_document

    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_extract_file(path, progress=progress)
    if suffix in DOCUMENT_SUFFIXES:
        return load_document(path)
    data = inputs.read_bytes(path, MAX_PDF_BYTES)
    name = inputs.source_name(path)
    if data.startswith(b"%PDF-"):
        return read_extract_bytes(data, name, progress=progress)
    text = inputs.decode_text(data, name)
    try:
        return parse_document(text, name)
    except InputError as as_document:
        if text.lstrip().startswith(("{", "[")):
            raise
        try:
            return read_extract_bytes(data, name)
        except InputError:
            raise as_document from None
