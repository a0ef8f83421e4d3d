"""The schema's checks on one row: field constraints and Validata's ``custom_checks``.

1. Field constraints of the schema: required, pattern, type (integer, date, URI).
2. Its ``custom_checks``: SIRET (python-stdnum's rule, the one Validata applies: the
   SIREN's check digit, then the SIRET's, La Poste's establishments by their own
   rule), year interval, cohesive columns, comparisons, sums, ACTES nomenclature,
   plus the vote rules of :data:`~.schema.BUILTIN_VOTE_CHECKS`.

Speed: the schema is compiled once per header into checks by column position
(:class:`Plan`); each row is a tuple of stripped cells, the cells that comparisons,
sums and the law use are parsed once, and cells already seen to pass a test (counts,
dates, SIRETs, codes, which repeat) are remembered in bounded sets, so a clean row
costs a few set lookups.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..decision import Finding
from ..seance.names import fold
from .findings import emit
from .schema import ACTES_LEVEL1, VOTE_COLUMNS, Field, Schema

INT = re.compile(r"[+-]?\d{1,18}")
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}:\S+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SIRET14 = re.compile(r"\d{14}")

#: Cells longer than this are checked without the per-value caches (which then hold
#: at most a few thousand short strings: memory stays bounded whatever the file).
CACHED_LEN = 64
GOOD_MAX = 4096
_TYPE_BAD = 1
_PATTERN_BAD = 2
# A cell longer than this is neither an integer of the schema nor a date: None.
_VALUE_LEN = 40

_EXPECTED = {
    "integer": {"fr": "un entier", "en": "an integer"},
    "date": {"fr": "une date AAAA-MM-JJ valide", "en": "a valid date YYYY-MM-DD"},
    "uri": {"fr": "une URI", "en": "a URI"},
}

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}


def parse_date(v: str) -> dt.date | None:
    """An ISO date ``AAAA-MM-JJ`` (the schema's ``date``), else None."""
    if not _DATE.fullmatch(v):
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        return None


def siret_valid(value: str) -> bool:
    """Whether ``value`` is a valid SIRET by python-stdnum's rule (the one Validata uses).

    Fourteen digits whose SIREN (the first nine) passes its Luhn check, and whose
    fourteen pass the Luhn check, except La Poste's establishments (SIREN 356000000,
    head office excepted), whose digits add up to a multiple of 5.
    """
    if not SIRET14.fullmatch(value):
        return False
    from stdnum.fr import siret  # imported on first use: the core import stays light

    return bool(siret.is_valid(value))


def actes_level1(v: str) -> int | None:
    """The ACTES level-1 number (1–9) ``v`` starts with, then ``/`` (no space around it)."""
    prefix, slash, rest = v.partition("/")
    if not slash or prefix != prefix.rstrip() or rest != rest.lstrip():
        return None
    # NFC first: the one fold keeps the length of its text, so a decomposed accent
    # (« e » + U+0301, as some systems write) would survive it
    name = fold(unicodedata.normalize("NFC", prefix.strip()))
    return ACTES_LEVEL1.index(name) + 1 if name in ACTES_LEVEL1 else None


def actes_ok(v: str) -> bool:
    """Whether ``v`` starts with an ACTES level-1 name then ``/`` (no space around it)."""
    return actes_level1(v) is not None


def year_interval_ok(v: str, allow_year_only: bool) -> bool:
    m = re.fullmatch(r"(\d{4})(?:/(\d{4}))?", v)
    if not m:
        return False
    if m.group(2) is None:
        return allow_year_only
    return int(m.group(1)) < int(m.group(2))


def _field_test(f: Field) -> Callable[[str], int] | None:
    """A test of a non-empty cell of ``f``: 0 when it is fine, else ``_TYPE_BAD | _PATTERN_BAD``."""
    type_ok: Callable[[str], object] | None = None
    if f.type == "integer":
        type_ok = INT.fullmatch
    elif f.type == "date":
        type_ok = parse_date
    elif f.format == "uri":
        type_ok = URI.fullmatch
    pattern = f.pattern.search if f.pattern is not None else None
    if type_ok is None and pattern is None:
        return None

    def test(v: str) -> int:
        bad = _TYPE_BAD if type_ok is not None and type_ok(v) is None else 0
        if pattern is not None and pattern(v) is None:
            bad |= _PATTERN_BAD
        return bad

    return test


def _field_findings(f: Field, v: str, bad: int, n: int) -> list[Finding]:
    out: list[Finding] = []
    if bad & _TYPE_BAD:
        kind = f.type if f.type in ("integer", "date") else "uri"
        values = {"column": f.name, "value": v[:200], "type": kind, "expected": _EXPECTED[kind]}
        out.append(emit("field-type-invalid", values, row=n, column=f.name))
    if bad & _PATTERN_BAD and f.pattern is not None:
        values = {"column": f.name, "value": v[:200], "pattern": f.pattern.pattern}
        out.append(emit("field-pattern-mismatch", values, row=n, column=f.name))
    return out


def _raw_value(v: str) -> int | dt.date | None:
    """What a cell compares as: an integer, else a date, else None (empty or neither)."""
    if not v:
        return None
    if INT.fullmatch(v):
        return int(v)
    return parse_date(v)


def remember(good: set[str], v: str, max_len: int) -> None:
    """Add a cell that passed to a bounded set of passing cells (short cells only)."""
    if len(v) <= max_len:
        if len(good) >= GOOD_MAX:
            good.clear()
        good.add(v)


#: A compiled check: (the row's cells by slot, their values by value slot, row number,
#: findings to append to).
Check = Callable[[Sequence[str], Sequence[Any], int, list[Finding]], None]

#: A comparison between two value slots: (i, j, holds, col, col2, op, code, column).
_Compare = tuple[int, int, Callable[[Any, Any], bool], str, str, str, str, str]


def getter(slots: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """Cells at these positions, always as a tuple."""
    if len(slots) == 1:
        only = slots[0]
        return lambda cells: (cells[only],)
    if not slots:
        return lambda cells: ()
    return operator.itemgetter(*slots)


class Plan:
    """The schema compiled once for a header: what to check on each row, by position.

    ``slot`` numbers the schema columns the header has (in header order); each row
    becomes a tuple of its stripped cells by slot. Cells that comparisons, sums and
    the law use are parsed once per row into ``values`` (an integer, else a date,
    else None), through a bounded cache since counts and dates repeat.
    """

    def __init__(self, schema: Schema, index: Mapping[str, int], width: int) -> None:
        self.slot = {c: k for k, c in enumerate(index)}
        self.cells = getter(list(index.values()))
        self.width = width
        self.value_columns: list[str] = []
        self.known_values: dict[str, int | dt.date | None] = {}
        self.fields: list[tuple[int, Field, Callable[[str], int] | None, set[str] | None]] = []
        for f in schema.fields:
            if f.name not in self.slot:
                continue  # reported once in the header
            test = _field_test(f)
            if test is None and not f.required:
                continue
            # cells known to pass (bounded): counts, dates, codes and SIRETs repeat; URIs do not
            good: set[str] | None = None if test is None or f.format == "uri" else set()
            self.fields.append((self.slot[f.name], f, test, good))
        self.checks: list[Check] = []
        group: list[_Compare] | None = None
        for check in schema.checks:
            compiled = self._compile(check)
            if compiled is None:
                continue
            if isinstance(compiled, tuple):  # consecutive comparisons run in one loop
                if group is None:
                    group = []
                    self.checks.append(_compare_group(group))
                group.append(compiled)
            else:
                group = None
                self.checks.append(compiled)
        self.id_slot = self.slot.get("DELIB_ID")

    def value(self, col: str) -> int:
        """The value slot of ``col`` (parsed once per row for comparisons, sums, the law)."""
        if col not in self.value_columns:
            self.value_columns.append(col)
        return self.value_columns.index(col)

    def value_of(self, col: str) -> int | None:
        """The value slot of ``col``, or None when the header lacks it."""
        return self.value(col) if col in self.slot else None

    def freeze(self) -> None:
        """Fix the value slots once every check has asked for its own."""
        self.values = getter([self.slot[c] for c in self.value_columns])

    def row_values(self, cells: Sequence[str]) -> list[Any]:
        known = self.known_values
        return [known[v] if v in known else self._parse_value(v) for v in self.values(cells)]

    def _parse_value(self, v: str) -> int | dt.date | None:
        if len(v) >= _VALUE_LEN:
            return None  # too long for an integer of 18 digits or a date
        value = _raw_value(v)
        if len(self.known_values) >= GOOD_MAX:
            self.known_values.clear()
        self.known_values[v] = value
        return value

    def _compile(self, check: Mapping[str, Any]) -> Check | _Compare | None:
        name = check.get("name")
        p = check.get("params") or {}
        col = p.get("column")
        if not isinstance(col, str) or col not in self.slot:
            return None
        s = self.slot[col]
        if name in ("french-siret-value", "siret"):
            return _cell_check(col, s, siret_valid, "siret-invalid", CACHED_LEN, SIRET14.fullmatch)
        if name == "year-interval-value":
            year_only = str(p.get("allow-year-only", "no")) == "yes"
            return _cell_check(
                col,
                s,
                lambda v: year_interval_ok(v, year_only),
                "year-interval-invalid",
                CACHED_LEN,
            )
        if name == "cohesive-columns-value":
            cols = [col, *[c for c in p.get("othercolumns", []) if isinstance(c, str)]]
            present = [c for c in cols if c in self.slot]
            if len(present) < 2:
                return None  # one column is always "all filled or all empty"
            return _cohesive_check(col, cols, present, [self.slot[c] for c in present])
        if name == "compare-columns-value":
            col2 = p.get("column2")
            op = p.get("op")
            if not isinstance(col2, str) or not isinstance(op, str) or op not in _OPS:
                return None
            if col2 not in self.slot:
                return None  # an absent cell: skipped, as Validata does
            return (
                self.value(col),
                self.value(col2),
                _OPS[op],
                col,
                col2,
                op,
                _compare_code(col, col2),
                col2 if col == "VOTE_REEL" else col,
            )
        if name == "sum-columns-value":
            cols = [c for c in p.get("columns", []) if isinstance(c, str)]
            if any(c not in self.slot for c in cols):
                return None  # an absent count: nothing to add up
            return _sum_check(col, cols, self.value(col), [self.value(c) for c in cols])
        if name in ("nomenclature-actes-value", "nomenclature-acte"):
            return _cell_check(col, s, actes_ok, "matiere-nom-not-actes", 2 * CACHED_LEN)
        return None

    def check_fields(self, cells: Sequence[str], n: int, out: list[Finding]) -> None:
        """The field constraints (required, type, pattern), in schema order."""
        for slot, f, test, good in self.fields:
            v = cells[slot]
            if not v:
                if f.required:
                    out.append(
                        emit("field-required-missing", {"column": f.name}, row=n, column=f.name)
                    )
                continue
            if test is None or (good is not None and v in good):
                continue
            bad = test(v)
            if bad:
                out += _field_findings(f, v, bad, n)
            elif good is not None and len(v) <= CACHED_LEN:
                if len(good) >= GOOD_MAX:
                    good.clear()
                good.add(v)


def _cell_check(
    col: str,
    s: int,
    ok: Callable[[str], bool],
    code: str,
    max_len: int,
    applies: Callable[[str], object] | None = None,
) -> Check:
    """A test of one cell (skipped when empty, or when ``applies`` says it does not apply)."""
    good: set[str] = set()

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        v = cells[s]
        if not v or v in good:
            return
        if (applies is not None and not applies(v)) or ok(v):
            remember(good, v, max_len)
        else:
            out.append(emit(code, {"column": col, "value": v[:200]}, row=n, column=col))

    return check


def _cohesive_check(col: str, cols: list[str], present: list[str], slots: list[int]) -> Check:
    get = getter(slots)
    code = "vote-columns-incomplete" if col == "VOTE_EFFECTIF" else "columns-not-cohesive"
    listed = ", ".join(cols)

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        mine = get(cells)
        if not any(mine) or all(mine):
            return
        filled = [c for c, v in zip(present, mine, strict=True) if v]
        empty = [c for c, v in zip(present, mine, strict=True) if not v]
        values_ = {
            "columns": listed,
            "filled": filled,
            "empty": empty,
            "empty_text": ", ".join(empty),
        }
        out.append(emit(code, values_, row=n, column=empty[0]))

    return check


def _compare_group(specs: list[_Compare]) -> Check:
    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        for i, j, holds, col, col2, op, code, column in specs:
            a = values[i]
            b = values[j]
            if a is None or type(a) is not type(b):
                continue  # Validata skips a row when a cell it uses is empty
            if not holds(a, b):
                left = a if type(a) is int else a.isoformat()
                right = b if type(b) is int else b.isoformat()
                values_ = {"column": col, "column2": col2, "op": op, "left": left, "right": right}
                out.append(emit(code, values_, row=n, column=column))

    return check


def _sum_check(col: str, cols: list[str], t: int, parts: list[int]) -> Check:
    code = "vote-sum-mismatch" if col == "VOTE_REEL" else "columns-sum-mismatch"
    get = getter(parts)
    names = " + ".join(cols)

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        total = values[t]
        if type(total) is not int:
            return
        s = 0
        for x in get(values):
            if type(x) is not int:
                return
            s += x
        if s != total:
            values_ = {
                "column": col,
                "total": total,
                "parts": names,
                "sum": s,
                "difference": s - total,
            }
            out.append(emit(code, values_, row=n, column=col))

    return check


def _compare_code(col: str, col2: str) -> str:
    if col == "VOTE_EFFECTIF" and col2 == "VOTE_REEL":
        return "vote-reel-exceeds-effectif"
    if col == "VOTE_REEL" and col2 in VOTE_COLUMNS:
        return "vote-count-exceeds-reel"
    if col == "PREF_DATE" and col2 == "DELIB_DATE":
        return "pref-date-before-delib-date"
    return "columns-compare-failed"


__all__ = [
    "Check",
    "Plan",
    "actes_level1",
    "actes_ok",
    "parse_date",
    "siret_valid",
    "year_interval_ok",
]
