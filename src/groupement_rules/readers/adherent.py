"""Read one adherent's facts from JSON or TOML (CLI ``check-adherent``).

The format is documented in ``docs/convention.md`` and by the JSON Schema
shipped as ``groupement_rules/schemas/adherent.schema.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..convention.facts import (
    Adherent,
    Authorisation,
    Exclusion,
    Order,
    WithdrawalLetter,
)
from ..errors import InputError
from ..insee import departement_of
from .structured import Fields, load_document

KEYS = (
    "$schema",
    "name",
    "kind",
    "insee",
    "departement",
    "representation",
    "need",
    "authorisation",
    "signed_on",
    "sent_on",
    "received_on",
    "annexes",
    "orders",
    "withdrawal_letters",
    "exclusion",
)


def adherent_from_dict(data: Any, where: str = "") -> Adherent:
    """Build :class:`Adherent` facts from a parsed JSON/TOML object."""
    f = Fields(data, where, KEYS)
    insee = f.string("insee")
    if insee is not None:
        try:
            departement_of(insee)
        except ValueError as e:
            raise InputError(f.path("insee"), str(e)) from None
    auth = None
    a = f.object("authorisation", ("date", "number", "transmitted_on"))
    if a is not None:
        t = a.raw("transmitted_on")
        auth = Authorisation(
            date=a.req_date("date"),
            number=a.string("number"),
            transmitted_on=None if t is False else a.date("transmitted_on"),
            transmitted=False if t is False else None,
        )
    annexes = None
    if "annexes" in f.data and f.raw("annexes") is not None:
        nums = f.array("annexes")
        for i, n in enumerate(nums):
            if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                raise InputError(
                    f"{f.path('annexes')}[{i}]", f"expected an annex number, got {n!r}"
                )
        annexes = frozenset(nums)
    orders = tuple(
        Order(
            date=o.req_date("date"),
            accounts=o.integer("accounts", required=True) or 0,
            purchase_order=bool(o.boolean("purchase_order", False)),
        )
        for o in f.objects("orders", ("date", "accounts", "purchase_order"))
    )
    letters = []
    for w in f.objects("withdrawal_letters", ("sent_on", "received_on", "deliberation_on")):
        try:
            letters.append(
                WithdrawalLetter(
                    w.date("sent_on"), w.date("received_on"), w.date("deliberation_on")
                )
            )
        except ValueError as err:
            raise InputError(w.where, str(err)) from None
    exclusion = None
    x = f.object(
        "exclusion", ("effective_on", "judgment_on", "court", "decided_on", "formal_notice_on")
    )
    if x is not None:
        exclusion = Exclusion(
            x.req_date("effective_on"),
            x.date("judgment_on"),
            x.string("court"),
            x.date("decided_on"),
            x.date("formal_notice_on"),
        )
    return Adherent(
        name=f.req_string("name"),
        kind=f.req_string("kind"),
        insee=insee,
        departement=f.string("departement"),
        representation=f.string("representation"),
        need=f.integer("need"),  # 0 is a finding (need-not-positive); below, no count
        authorisation=auth,
        signed_on=f.date("signed_on"),
        sent_on=f.date("sent_on"),
        received_on=f.date("received_on"),
        annexes=annexes,
        orders=orders,
        withdrawal_letters=tuple(letters),
        exclusion=exclusion,
    )


def load_adherent(path: str | Path) -> Adherent:
    """Read an adherent file (JSON or TOML, same keys)."""
    return adherent_from_dict(load_document(path), str(path))


#: The columns of an adherents CSV file: the adherent file's keys, one cell each, with
#: the nested ones flattened (``authorisation_date``, ``withdrawal_sent_on``...).
CSV_COLUMNS = (
    "name",
    "kind",
    "insee",
    "departement",
    "representation",
    "need",
    "authorisation_date",
    "authorisation_number",
    "authorisation_transmitted_on",
    "signed_on",
    "sent_on",
    "received_on",
    "annexes",
    "orders",
    "withdrawal_sent_on",
    "withdrawal_received_on",
    "withdrawal_deliberation_on",
    "exclusion_effective_on",
    "exclusion_judgment_on",
    "exclusion_court",
    "exclusion_decided_on",
    "exclusion_formal_notice_on",
)
_NESTED = {
    "authorisation": ("date", "number", "transmitted_on"),
    "withdrawal": ("sent_on", "received_on", "deliberation_on"),
    "exclusion": ("effective_on", "judgment_on", "court", "decided_on", "formal_notice_on"),
}
_INTS = ("need",)


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.replace(",", ";").split(";") if x.strip()]


def _cells_to_dict(cells: dict[str, str], where: str) -> dict[str, Any]:
    """One CSV row as the adherent file's object (so both share one reader)."""
    doc: dict[str, Any] = {}
    for col, raw in cells.items():
        cell = raw.strip()
        if not cell:
            continue
        head, _, rest = col.partition("_")
        if head in _NESTED and rest in _NESTED[head]:
            key = "withdrawal_letters" if head == "withdrawal" else head
            if key == "withdrawal_letters":
                doc.setdefault(key, [{}])[0][rest] = cell
            else:
                doc.setdefault(key, {})[rest] = False if cell.lower() == "false" else cell
        elif col in _INTS:
            try:
                doc[col] = int(cell)
            except ValueError:
                raise InputError(
                    f"{where}, {col}", f"expected a whole number, got {cell!r}"
                ) from None
        elif col == "annexes":
            try:
                doc[col] = [int(x) for x in _split(cell)]
            except ValueError:
                raise InputError(
                    f"{where}, {col}", f"expected annex numbers, got {cell!r}"
                ) from None
        elif col == "orders":
            doc[col] = [_order(x, f"{where}, orders") for x in _split(cell)]
        else:
            doc[col] = cell
    return doc


def _order(item: str, where: str) -> dict[str, Any]:
    """``2026-09-01=120*``: an order of 120 accounts; ``*`` marks the purchase order."""
    day, eq, count = item.partition("=")
    po = count.endswith("*")
    try:
        accounts = int(count.rstrip("*"))
    except ValueError:
        accounts = -1
    if not eq or accounts < 0:
        raise InputError(
            where, f"expected DATE=ACCOUNTS (a * for the purchase order), got {item!r}"
        )
    return {"date": day.strip(), "accounts": accounts, "purchase_order": po}


def adherents_from_csv(text: str, name: str = "<csv>") -> Iterator[tuple[int, Adherent | str]]:
    """Each row of an adherents CSV file (``;`` or ``,`` separated, a header row of
    :data:`CSV_COLUMNS`) as ``(line, adherent)``, or ``(line, reason)`` when the row
    cannot be read: one bad row does not stop the batch."""
    import csv
    import io

    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, [])

    def lines() -> Iterator[tuple[int, list[str]]]:
        for row in reader:
            yield reader.line_num, row

    return _adherents_from_rows(header, lines(), name)


def _adherents_from_rows(
    header: list[str], rows: Iterator[tuple[int, list[str]]], name: str
) -> Iterator[tuple[int, Adherent | str]]:
    header = [h.strip() for h in header]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        raise InputError(
            f"{name}:1", f"unknown columns {unknown} (known: {', '.join(CSV_COLUMNS)})"
        )
    if "name" not in header or "kind" not in header:
        raise InputError(f"{name}:1", "the header needs at least the columns name and kind")
    return _each_row(header, rows, name)


def _each_row(
    header: list[str], rows: Iterator[tuple[int, list[str]]], name: str
) -> Iterator[tuple[int, Adherent | str]]:
    for line, cells in rows:
        where = f"{name}:{line}"
        if not any(c.strip() for c in cells):
            continue  # a blank line
        if len(cells) > len(header):
            yield line, f"{where}: more cells than columns"
            continue
        row = dict(zip(header, cells, strict=False))
        try:
            yield line, adherent_from_dict(_cells_to_dict(row, where), where)
        except InputError as e:
            yield line, str(e)
        except ValueError as e:
            yield line, f"{where}: {e}"


def adherents_from_xlsx(path: str | Path) -> Iterator[tuple[int, Adherent | str]]:
    """Each row of the first sheet of an adherents workbook (``.xlsx``), as for a CSV
    file: the first row names the columns. Needs the ``xlsx`` extra (openpyxl, MIT),
    imported only here; a formula cell counts for the value it last computed."""
    import datetime as dt

    name = str(path)
    try:
        from openpyxl import load_workbook  # type: ignore[import-untyped]
    except ImportError:
        raise InputError(
            name, "reading .xlsx needs openpyxl: pip install 'groupement-rules[xlsx]'"
        ) from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError(name, f"not a readable .xlsx workbook ({type(e).__name__})") from None

    def text(cell: object) -> str:
        if cell is None:
            return ""
        if isinstance(cell, dt.datetime):
            return cell.date().isoformat()
        if isinstance(cell, dt.date):
            return cell.isoformat()
        if isinstance(cell, float) and cell.is_integer():
            return str(int(cell))
        return str(cell)

    rows = book.active.iter_rows(values_only=True)
    header = [text(c) for c in next(rows, ())]
    numbered = ((i, [text(c) for c in row]) for i, row in enumerate(rows, start=2))
    return _adherents_from_rows(header, numbered, name)


def load_adherents(path: str | Path) -> Iterator[tuple[int, Adherent | str]]:
    """Read an adherents file: a workbook (``.xlsx``) or CSV text (UTF-8)."""
    if str(path).lower().endswith(".xlsx"):
        return adherents_from_xlsx(path)
    return load_adherents_csv(path)


def load_adherents_csv(path: str | Path) -> Iterator[tuple[int, Adherent | str]]:
    """Read an adherents CSV file (UTF-8); see :func:`adherents_from_csv`."""
    from .structured import read_text

    return adherents_from_csv(read_text(path), str(path))
