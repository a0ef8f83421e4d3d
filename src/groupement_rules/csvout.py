"""CSV that we write: cells a spreadsheet cannot run, files never left half-written.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some,
a tab or a carriage return) as a formula: a délibération title such as
``=HYPERLINK("http://…")`` copied from a hostile source would run when a secretary
opens the file (« CSV injection », OWASP). :func:`neutralise` puts an apostrophe
before such a cell, the mark spreadsheets themselves use for « text, not a formula »;
a cell that is a plain signed number (``-3``, ``+12.5``) is left as it is, since a
spreadsheet reads it as that number whichever way it is written.

:func:`atomic_write` opens a file for writing whose content appears under its name
only once complete: it is written beside the target and renamed over it on success,
removed on failure, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO, cast

#: First characters that make a spreadsheet evaluate a cell (OWASP, CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")

_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise(cell: str) -> str:
    """``cell``, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    if cell and cell[0] in FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def neutralise_row(row: Mapping[str, Any], fieldnames: Sequence[str]) -> dict[str, str]:
    """The row's cells for ``fieldnames`` as text (missing and ``None`` = empty), neutralised."""
    out: dict[str, str] = {}
    for name in fieldnames:
        value = row.get(name)
        out[name] = neutralise("" if value is None else str(value))
    return out


def write_rows(
    stream: TextIO,
    fieldnames: Sequence[str],
    rows: Iterable[Mapping[str, Any]],
    *,
    delimiter: str = ",",
    lineterminator: str = "\r\n",
) -> int:
    """Write a header and the rows as CSV, every cell neutralised; the number of rows."""
    writer = csv.DictWriter(
        stream,
        fieldnames=list(fieldnames),
        delimiter=delimiter,
        lineterminator=lineterminator,
        extrasaction="ignore",
    )
    writer.writerow({name: neutralise(name) for name in fieldnames})
    count = 0
    for row in rows:
        writer.writerow(neutralise_row(row, fieldnames))
        count += 1
    return count


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` only when the block ends normally
    (the one atomic writer, :func:`groupement_rules.outputs.open_output`); on an
    exception ``path`` is left as it was."""
    from .outputs import open_output

    with open_output(path, encoding=encoding, newline=newline) as stream:
        yield cast("TextIO", stream)


__all__ = ["FORMULA_STARTS", "atomic_write", "neutralise", "neutralise_row", "write_rows"]
