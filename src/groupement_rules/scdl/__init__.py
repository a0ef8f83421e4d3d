"""SCDL « Délibérations »: read, check and write the national open-data CSV (SPEC Part D).

Reading streams the rows (memory does not grow with the number of rows: the
duplicated-DELIB_ID check keeps 8 bytes a row, in memory up to 65 536 IDs and in an
anonymous temporary file beyond) and checks each row against:

1. the field constraints of the bundled schema (``schemas/scdl-deliberations-2.1.5.json``,
   OpenDataFrance, Licence Ouverte 2.0): required, pattern, type (integer, date, uri);
2. its ``custom_checks`` (SIRET, year interval, cohesive columns, comparisons,
   sums, ACTES nomenclature), read from the schema, plus the vote rules of the
   schema, which are always applied (VOTE_REEL = VOTE_POUR + VOTE_CONTRE +
   VOTE_ABSTENTION; VOTE_EFFECTIF ≥ VOTE_REEL ≥ each count; all five or none);
3. what the law lets the columns say beyond Validata: the outcome by majority of
   suffrages exprimés (CGCT L2121-20), the plausibility of VOTE_EFFECTIF against the
   largest council of L2121-2 for a commune, duplicated DELIB_ID, and IDs that lost a
   trailing zero in a spreadsheet.

Each problem is a :class:`Finding` with a stable code (``CODES``), the data row
number (1 = first row after the header) and the column. See ``docs/reading.md``.

Speed: the schema is compiled once per file into checks by column position
(:class:`_Plan`); each row is a tuple of stripped cells, its counts and dates are
parsed once, and cells already seen to pass a test (counts, dates, SIRETs, codes,
which repeat) are remembered in bounded sets, so a clean row costs a few set lookups.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import heapq
import io
import json
import operator
import re
import sys
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import attrs

from ..decision import Citation, Finding, Severity
from ..errors import InputError

SCHEMA_FILE = "scdl-deliberations-2.1.5.json"
VOTE_COLUMNS = ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")
MAX_FIELD = 1024 * 1024

SCHEMA_CITATION = Citation(
    "SCDL Délibérations 2.1.5",
    "schéma (OpenDataFrance, Licence Ouverte 2.0)",
    url="https://schema.data.gouv.fr/schemas/scdl/deliberations/2.1.5/schema.json",
)
L2121_20 = Citation("CGCT", "L2121-20", legifrance_id="LEGIARTI000006389872")
L2121_2 = Citation("CGCT", "L2121-2", legifrance_id="LEGIARTI000028083247")

#: Every finding code of the SCDL checker, with its severity and what it means.
CODES: dict[str, tuple[Severity, str]] = {
    "column-missing": (Severity.ERROR, "a required column is absent from the header"),
    "column-missing-optional": (Severity.INFO, "an optional column is absent from the header"),
    "column-extra": (Severity.WARNING, "a column that the schema does not define"),
    "row-length": (Severity.ERROR, "the row does not have as many fields as the header"),
    "field-required-missing": (Severity.ERROR, "a required cell is empty"),
    "field-pattern-mismatch": (Severity.ERROR, "a cell does not match the schema's pattern"),
    "field-type-invalid": (Severity.ERROR, "a cell is not a valid integer / date / URI"),
    "siret-invalid": (Severity.ERROR, "COLL_SIRET fails the SIRET check digit"),
    "year-interval-invalid": (Severity.ERROR, "BUDGET_ANNEE is not a year or year/year+n"),
    "columns-not-cohesive": (Severity.ERROR, "columns that go together are not all filled"),
    "vote-columns-incomplete": (
        Severity.ERROR,
        "the five vote columns are not all filled or all empty",
    ),
    "pref-date-before-delib-date": (Severity.ERROR, "PREF_DATE is before DELIB_DATE"),
    "vote-reel-exceeds-effectif": (Severity.ERROR, "VOTE_REEL > VOTE_EFFECTIF"),
    "vote-count-exceeds-reel": (
        Severity.ERROR,
        "VOTE_POUR, VOTE_CONTRE or VOTE_ABSTENTION > VOTE_REEL",
    ),
    "vote-sum-mismatch": (Severity.ERROR, "VOTE_REEL ≠ VOTE_POUR + VOTE_CONTRE + VOTE_ABSTENTION"),
    "columns-compare-failed": (Severity.ERROR, "a comparison between two columns fails"),
    "columns-sum-mismatch": (Severity.ERROR, "a column is not the sum of others"),
    "matiere-nom-not-actes": (
        Severity.ERROR,
        "DELIB_MATIERE_NOM does not start with an ACTES level-1 name",
    ),
    "vote-outcome": (Severity.INFO, "the outcome the vote columns give (L2121-20)"),
    "vote-tie": (
        Severity.WARNING,
        "as many pour as contre: the president's vote decides (L2121-20)",
    ),
    "vote-effectif-exceeds-council-size": (
        Severity.WARNING,
        "VOTE_EFFECTIF of a commune is larger than the largest council of L2121-2",
    ),
    "delib-id-duplicated": (Severity.WARNING, "the same DELIB_ID on several rows"),
    "delib-id-lost-trailing-zero": (
        Severity.WARNING,
        "a numeric DELIB_ID shorter than the file's usual format (a spreadsheet dropped a 0)",
    ),
}

#: Communes whose council is not sized by L2121-2 (PLM law: L2511-1 and following).
PLM_SIRENS = {"217500016": "Paris", "216901231": "Lyon", "211300553": "Marseille"}

ACTES_LEVEL1 = (
    "commande publique",
    "urbanisme",
    "domaine et patrimoine",
    "fonction publique",
    "institutions et vie politique",
    "libertes publiques et pouvoirs de police",
    "finances locales",
    "domaines de competences par themes",
    "autres domaines de competences",
)

_BUILTIN_VOTE_CHECKS: tuple[dict[str, Any], ...] = (
    {
        "name": "cohesive-columns-value",
        "params": {"column": "VOTE_EFFECTIF", "othercolumns": list(VOTE_COLUMNS[1:])},
    },
    {
        "name": "compare-columns-value",
        "params": {"column": "VOTE_EFFECTIF", "op": ">=", "column2": "VOTE_REEL"},
    },
    {
        "name": "compare-columns-value",
        "params": {"column": "VOTE_REEL", "op": ">=", "column2": "VOTE_POUR"},
    },
    {
        "name": "compare-columns-value",
        "params": {"column": "VOTE_REEL", "op": ">=", "column2": "VOTE_CONTRE"},
    },
    {
        "name": "compare-columns-value",
        "params": {"column": "VOTE_REEL", "op": ">=", "column2": "VOTE_ABSTENTION"},
    },
    {
        "name": "sum-columns-value",
        "params": {"column": "VOTE_REEL", "columns": list(VOTE_COLUMNS[2:])},
    },
)


@attrs.frozen
class Field:
    name: str
    type: str
    required: bool
    pattern: re.Pattern[str] | None
    format: str | None


@attrs.frozen
class Schema:
    """The parts of a Table Schema the checker uses."""

    name: str
    version: str
    fields: tuple[Field, ...]
    checks: tuple[Mapping[str, Any], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def load_schema(data: Mapping[str, Any] | None = None) -> Schema:
    """The bundled SCDL schema (or another Table Schema given as a dict)."""
    if data is None:
        return _default_schema()
    try:
        fields = []
        for f in data["fields"]:
            c = f.get("constraints") or {}
            pat = c.get("pattern")
            fields.append(
                Field(
                    name=str(f["name"]),
                    type=str(f.get("type", "string")),
                    required=bool(c.get("required", False)),
                    pattern=re.compile(pat) if pat else None,
                    format=f.get("format"),
                )
            )
        checks: list[Mapping[str, Any]] = list(data.get("custom_checks") or [])
    except (KeyError, TypeError, re.error) as e:
        raise InputError("<schema>", f"not a usable Table Schema: {e}") from None
    seen = {json.dumps(c, sort_keys=True) for c in checks}
    for c in _BUILTIN_VOTE_CHECKS:
        if json.dumps(c, sort_keys=True) not in seen:
            checks.append(c)
    return Schema(
        name=str(data.get("name", "?")),
        version=str(data.get("version", "?")),
        fields=tuple(fields),
        checks=tuple(checks),
    )


@functools.cache
def _default_schema() -> Schema:
    ref = resources.files("groupement_rules") / "schemas" / SCHEMA_FILE
    return load_schema(json.loads(ref.read_text(encoding="utf-8")))


# ----------------------------------------------------------------------------- findings


def _finding(
    code: str,
    fr: str,
    en: str,
    *,
    row: int | None = None,
    column: str | None = None,
    values: Mapping[str, Any] | None = None,
    citation: Citation = SCHEMA_CITATION,
) -> Finding:
    # positional: attrs' __init__ is noticeably faster without keywords (hot path)
    return Finding(code, CODES[code][0], fr, en, citation, dict(values or {}), None, row, column)


@attrs.frozen
class RowReport:
    """One data row: its number (1 = first after the header), line, DELIB_ID, findings."""

    row: int
    line: int
    delib_id: str
    findings: tuple[Finding, ...]

    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def to_dict(self, lang: str = "fr") -> dict[str, Any]:
        return {
            "row": self.row,
            "line": self.line,
            "DELIB_ID": self.delib_id,
            "findings": [f.to_dict(lang) for f in self.findings],
        }


# ----------------------------------------------------------------------------- reading


def _open(path: Path) -> TextIO:
    try:
        return open(path, encoding="utf-8-sig", newline="", errors="strict")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a file") from None
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from None


def _sniff(path: Path) -> str:
    """The separator (',' or ';'), from the header line; InputError for non-UTF-8 text."""
    name = str(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except OSError as e:
        raise InputError(name, e.strerror or str(e)) from None
    if not head.strip():
        raise InputError(name, "empty file")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, "UTF-16 text, not UTF-8; SCDL files are UTF-8: convert the file")
    if b"\x00" in head:
        raise InputError(name, "binary file (contains NUL bytes), not a CSV text file")
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 4:  # a character cut by the 64 KiB window
            text = head[: e.start].decode("utf-8-sig")
        else:
            raise InputError(
                name,
                f"not UTF-8 (byte {e.start}: {e.reason}); SCDL files are UTF-8: "
                "convert it (e.g. iconv -f WINDOWS-1252 -t UTF-8)",
            ) from None
    first = text.splitlines()[0] if text.splitlines() else ""
    return ";" if first.count(";") > first.count(",") else ","


def _records(path: Path, sep: str) -> Generator[tuple[int, list[str]], None, None]:
    """(physical line where the record starts, fields), streaming."""
    name = str(path)
    csv.field_size_limit(MAX_FIELD)
    fh = _open(path)
    with fh:
        reader = csv.reader(fh, delimiter=sep, quotechar='"', strict=False)
        start = 1
        try:
            for rec in reader:
                yield start, rec
                start = reader.line_num + 1
        except (UnicodeDecodeError, csv.Error) as e:
            raise _read_error(name, reader, e) from None


def _read_error(name: str, reader: Any, e: UnicodeDecodeError | csv.Error) -> InputError:
    if isinstance(e, UnicodeDecodeError):
        return InputError(
            f"{name}:{reader.line_num + 1}",
            f"not UTF-8 ({e.reason}); SCDL files are UTF-8: convert the file",
        )
    return InputError(f"{name}:{reader.line_num}", f"unreadable CSV: {e}")


@attrs.frozen
class Header:
    columns: tuple[str, ...]
    index: Mapping[str, int]
    findings: tuple[Finding, ...]
    separator: str


def _header(schema: Schema, cols: list[str], sep: str, name: str) -> Header:
    cols = [c.strip().lstrip("\ufeff").strip('"').strip() for c in cols]
    known = set(schema.names)
    if not any(c in known for c in cols):
        raise InputError(
            name,
            "not an SCDL « Délibérations » file: no column of the schema in the header "
            f"(first columns: {', '.join(cols[:3])[:120]})",
        )
    index: dict[str, int] = {}
    findings: list[Finding] = []
    for i, c in enumerate(cols):
        if c in known and c not in index:
            index[c] = i
        else:
            findings.append(
                _finding(
                    "column-extra",
                    f"colonne « {c} » non définie par le schéma (ignorée)",
                    f"column '{c}' is not defined by the schema (ignored)",
                    column=c,
                    values={"position": i + 1},
                )
            )
    for f in schema.fields:
        if f.name not in index:
            code = "column-missing" if f.required else "column-missing-optional"
            findings.append(
                _finding(
                    code,
                    f"colonne {'obligatoire' if f.required else 'facultative'} {f.name} absente",
                    f"{'required' if f.required else 'optional'} column {f.name} is missing",
                    column=f.name,
                )
            )
    return Header(tuple(cols), index, tuple(findings), sep)


_INT = re.compile(r"[+-]?\d{1,18}")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}:\S+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_int(v: str) -> int | None:
    return int(v) if _INT.fullmatch(v) else None


def _parse_date(v: str) -> dt.date | None:
    if not _DATE.fullmatch(v):
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        return None


def siret_valid(value: str) -> bool:
    """Luhn check of a SIRET (La Poste, SIREN 356000000: digit sum multiple of 5)."""
    if not re.fullmatch(r"\d{14}", value):
        return False
    if value.startswith("356000000"):
        return sum(int(c) for c in value) % 5 == 0
    total = 0
    for i, c in enumerate(reversed(value)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _fold(s: str) -> str:
    import unicodedata

    return "".join(
        c for c in unicodedata.normalize("NFD", s.lower()) if unicodedata.category(c) != "Mn"
    )


#: Cells longer than this are checked without the per-value caches (which then hold
#: at most a few thousand short strings: memory stays bounded whatever the file).
_CACHED_LEN = 64
_GOOD_MAX = 4096
_TYPE_BAD = 1
_PATTERN_BAD = 2


def _field_test(f: Field) -> Callable[[str], int] | None:
    """A test of a non-empty cell of ``f``: 0 when it is fine, else ``_TYPE_BAD | _PATTERN_BAD``."""
    type_ok: Callable[[str], object] | None = None
    if f.type == "integer":
        type_ok = _INT.fullmatch
    elif f.type == "date":
        type_ok = _parse_date
    elif f.format == "uri":
        type_ok = _URI.fullmatch
    pattern = f.pattern.search if f.pattern is not None else None
    if type_ok is None and pattern is None:
        return None

    def test(v: str) -> int:
        bad = _TYPE_BAD if type_ok is not None and type_ok(v) is None else 0
        if pattern is not None and pattern(v) is None:
            bad |= _PATTERN_BAD
        return bad

    return test


def _required_missing(col: str, n: int) -> Finding:
    return _finding(
        "field-required-missing",
        f"{col} est obligatoire et vide",
        f"{col} is required and empty",
        row=n,
        column=col,
    )


def _field_findings(f: Field, v: str, bad: int, n: int) -> list[Finding]:
    out: list[Finding] = []
    if bad & _TYPE_BAD:
        if f.type == "integer":
            out.append(_type_error(f.name, v, "entier", "integer", n))
        elif f.type == "date":
            out.append(_type_error(f.name, v, "date AAAA-MM-JJ", "date YYYY-MM-DD", n))
        else:
            out.append(_type_error(f.name, v, "URI", "URI", n))
    if bad & _PATTERN_BAD and f.pattern is not None:
        out.append(
            _finding(
                "field-pattern-mismatch",
                f"{f.name} « {v[:60]} » ne respecte pas le motif {f.pattern.pattern}",
                f"{f.name} '{v[:60]}' does not match the pattern {f.pattern.pattern}",
                row=n,
                column=f.name,
                values={"value": v[:200], "pattern": f.pattern.pattern},
            )
        )
    return out


def _type_error(col: str, v: str, fr: str, en: str, n: int) -> Finding:
    return _finding(
        "field-type-invalid",
        f"{col} « {v[:60]} » n'est pas un(e) {fr} valide",
        f"{col} '{v[:60]}' is not a valid {en}",
        row=n,
        column=col,
        values={"value": v[:200], "type": en},
    )


def _raw_value(v: str) -> int | dt.date | None:
    """What a cell compares as: an integer, else a date, else None (empty or neither)."""
    if not v:
        return None
    if _INT.fullmatch(v):
        return int(v)
    return _parse_date(v)


# A cell longer than this is neither an integer of the schema nor a date: None.
_VALUE_LEN = 40

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}

_SIRET14 = re.compile(r"\d{14}")


def _remember(good: set[str], v: str, max_len: int) -> None:
    """Add a cell that passed to a bounded set of passing cells (short cells only)."""
    if len(v) <= max_len:
        if len(good) >= _GOOD_MAX:
            good.clear()
        good.add(v)


#: A compiled check: (the row's cells by slot, their values by value slot, row number,
#: findings to append to).
_Check = Callable[[Sequence[str], Sequence[Any], int, list[Finding]], None]


def _getter(slots: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """Cells at these positions, always as a tuple."""
    if len(slots) == 1:
        only = slots[0]
        return lambda cells: (cells[only],)
    if not slots:
        return lambda cells: ()
    get = operator.itemgetter(*slots)
    return get


class _Plan:
    """The schema compiled once for a header: what to check on each row, by position.

    ``slot`` numbers the schema columns the header has (in header order); each row
    becomes a tuple of its stripped cells by slot. Cells that comparisons, sums and
    the law use are parsed once per row into ``values`` (an integer, else a date,
    else None), through a bounded cache since counts and dates repeat.
    """

    def __init__(self, schema: Schema, header: Header) -> None:
        self.slot = {c: k for k, c in enumerate(header.index)}
        self.cells = _getter(list(header.index.values()))
        self.width = len(header.columns)
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
        self.checks: list[_Check] = []
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
        self.law = self._compile_law()
        self.values = _getter([self.slot[c] for c in self.value_columns])
        self.id_slot = self.slot.get("DELIB_ID")

    def _value(self, col: str) -> int:
        if col not in self.value_columns:
            self.value_columns.append(col)
        return self.value_columns.index(col)

    def row_values(self, cells: Sequence[str]) -> list[Any]:
        known = self.known_values
        return [known[v] if v in known else self._parse_value(v) for v in self.values(cells)]

    def _parse_value(self, v: str) -> int | dt.date | None:
        if len(v) >= _VALUE_LEN:
            return None  # too long for an integer of 18 digits or a date
        value = _raw_value(v)
        if len(self.known_values) >= _GOOD_MAX:
            self.known_values.clear()
        self.known_values[v] = value
        return value

    def _compile(self, check: Mapping[str, Any]) -> _Check | _Compare | None:
        name = check.get("name")
        p = check.get("params") or {}
        col = p.get("column")
        if not isinstance(col, str) or col not in self.slot:
            return None
        s = self.slot[col]
        if name in ("french-siret-value", "siret"):
            return _siret_check(col, s)
        if name == "year-interval-value":
            return _year_check(col, s, str(p.get("allow-year-only", "no")) == "yes")
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
                self._value(col),
                self._value(col2),
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
            return _sum_check(col, cols, self._value(col), [self._value(c) for c in cols])
        if name in ("nomenclature-actes-value", "nomenclature-acte"):
            return _actes_check(col, s)
        return None

    def _compile_law(self) -> _Check:
        def value_of(col: str) -> int | None:
            return self._value(col) if col in self.slot else None

        return _law_check(
            value_of("VOTE_POUR"),
            value_of("VOTE_CONTRE"),
            value_of("VOTE_EFFECTIF"),
            value_of("DELIB_DATE"),
            self.slot.get("COLL_SIRET"),
        )

    def check_fields(self, cells: Sequence[str], n: int, out: list[Finding]) -> None:
        """The field constraints (required, type, pattern), in schema order."""
        for slot, f, test, good in self.fields:
            v = cells[slot]
            if not v:
                if f.required:
                    out.append(_required_missing(f.name, n))
                continue
            if test is None or (good is not None and v in good):
                continue
            bad = test(v)
            if bad:
                out += _field_findings(f, v, bad, n)
            elif good is not None and len(v) <= _CACHED_LEN:
                if len(good) >= _GOOD_MAX:
                    good.clear()
                good.add(v)


def _siret_check(col: str, s: int) -> _Check:
    good: set[str] = set()

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        v = cells[s]
        if not v or v in good:
            return
        if not (_SIRET14.fullmatch(v) and not siret_valid(v)):
            _remember(good, v, _CACHED_LEN)
        else:
            out.append(
                _finding(
                    "siret-invalid",
                    f"{col} {v} n'est pas un SIRET valide (clé de contrôle)",
                    f"{col} {v} is not a valid SIRET (check digit)",
                    row=n,
                    column=col,
                    values={"value": v},
                )
            )

    return check


def _year_check(col: str, s: int, allow_year_only: bool) -> _Check:
    good: set[str] = set()

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        v = cells[s]
        if not v or v in good:
            return
        if _year_interval_ok(v, allow_year_only):
            _remember(good, v, _CACHED_LEN)
        else:
            out.append(
                _finding(
                    "year-interval-invalid",
                    f"{col} « {v} » n'est ni une année ni un intervalle année/année",
                    f"{col} '{v}' is neither a year nor a year/year interval",
                    row=n,
                    column=col,
                    values={"value": v},
                )
            )

    return check


def _cohesive_check(col: str, cols: list[str], present: list[str], slots: list[int]) -> _Check:
    get = _getter(slots)
    code = "vote-columns-incomplete" if col == "VOTE_EFFECTIF" else "columns-not-cohesive"

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        mine = get(cells)
        if not any(mine) or all(mine):
            return
        filled = [c for c, v in zip(present, mine, strict=True) if v]
        empty = [c for c, v in zip(present, mine, strict=True) if not v]
        out.append(
            _finding(
                code,
                f"{', '.join(cols)} doivent être toutes remplies ou toutes vides "
                f"(vides : {', '.join(empty)})",
                f"{', '.join(cols)} must all be filled or all be empty (empty: {', '.join(empty)})",
                row=n,
                column=empty[0],
                values={"filled": filled, "empty": empty},
            )
        )

    return check


#: A comparison between two value slots: (i, j, holds, col, col2, op, code, column).
_Compare = tuple[int, int, Callable[[Any, Any], bool], str, str, str, str, str]


def _compare_group(specs: list[_Compare]) -> _Check:
    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        for i, j, holds, col, col2, op, code, column in specs:
            a = values[i]
            b = values[j]
            if a is None or type(a) is not type(b):
                continue  # Validata skips a row when a cell it uses is empty
            if not holds(a, b):
                out.append(
                    _finding(
                        code,
                        f"{col} ({a}) devrait être {op} {col2} ({b})",
                        f"{col} ({a}) should be {op} {col2} ({b})",
                        row=n,
                        column=column,
                        values={col: str(a), col2: str(b), "op": op},
                    )
                )

    return check


def _sum_check(col: str, cols: list[str], t: int, parts: list[int]) -> _Check:
    code = "vote-sum-mismatch" if col == "VOTE_REEL" else "columns-sum-mismatch"
    get = _getter(parts)
    names = " + ".join(cols)

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        total = values[t]
        if type(total) is not int:
            return
        xs = get(values)
        s = 0
        for x in xs:
            if type(x) is not int:
                return
            s += x
        if s != total:
            out.append(
                _finding(
                    code,
                    f"{col} ({total}) ≠ {names} ({s})",
                    f"{col} ({total}) ≠ {names} ({s})",
                    row=n,
                    column=col,
                    values={col: total, "sum": s, "difference": s - total},
                )
            )

    return check


def _actes_check(col: str, s: int) -> _Check:
    good: set[str] = set()

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        v = cells[s]
        if not v or v in good:
            return
        if _actes_ok(v):
            _remember(good, v, 2 * _CACHED_LEN)
        else:
            out.append(
                _finding(
                    "matiere-nom-not-actes",
                    f"{col} « {v[:60]} » ne commence pas par un domaine ACTES suivi de « / »",
                    f"{col} '{v[:60]}' does not start with an ACTES level-1 name and '/'",
                    row=n,
                    column=col,
                    values={"value": v[:200]},
                )
            )

    return check


def _compare_code(col: str, col2: str) -> str:
    if col == "VOTE_EFFECTIF" and col2 == "VOTE_REEL":
        return "vote-reel-exceeds-effectif"
    if col == "VOTE_REEL" and col2 in VOTE_COLUMNS:
        return "vote-count-exceeds-reel"
    if col == "PREF_DATE" and col2 == "DELIB_DATE":
        return "pref-date-before-delib-date"
    return "columns-compare-failed"


def _year_interval_ok(v: str, allow_year_only: bool) -> bool:
    m = re.fullmatch(r"(\d{4})(?:/(\d{4}))?", v)
    if not m:
        return False
    if m.group(2) is None:
        return allow_year_only
    return int(m.group(1)) < int(m.group(2))


def _actes_ok(v: str) -> bool:
    if "/" not in v:
        return False
    prefix, _, rest = v.partition("/")
    if prefix != prefix.rstrip() or rest != rest.lstrip():
        return False
    return _fold(prefix.strip()) in ACTES_LEVEL1


_OUTCOME_LABELS = {
    "adopted": ("adoptée", "adopted"),
    "rejected": ("rejetée", "rejected"),
    "tie": ("à égalité", "tied"),
}


@functools.lru_cache(maxsize=4096)
def _outcome(pour: int, contre: int) -> tuple[str, str, str]:
    """The outcome by majority of suffrages exprimés (L2121-20), and its two messages."""
    exprimes = pour + contre
    if pour > contre:
        outcome = "adopted"
    elif pour < contre or exprimes == 0:
        outcome = "rejected"
    else:
        outcome = "tie"
    fr, en = _OUTCOME_LABELS[outcome]
    return (
        outcome,
        f"{pour} pour, {contre} contre sur {exprimes} suffrages exprimés : "
        f"délibération {fr} (majorité absolue des suffrages exprimés)",
        f"{pour} for, {contre} against out of {exprimes} votes cast: "
        f"{en} (absolute majority of the votes cast)",
    )


def _commune_siren(siret: str) -> str | None:
    """The SIREN of a commune whose council L2121-2 sizes (not Paris, Lyon, Marseille)."""
    if not _SIRET14.fullmatch(siret):
        return None
    siren = siret[:9]
    return siren if siren.startswith("21") and siren not in PLM_SIRENS else None


def _law_check(
    pour_i: int | None,
    contre_i: int | None,
    effectif_i: int | None,
    date_i: int | None,
    siret_slot: int | None,
) -> _Check:
    """What CGCT lets the columns say: the outcome, and the council size of a commune."""
    outcome_severity = CODES["vote-outcome"][0]
    communes: dict[str, str | None] = {}  # SIRET → SIREN of a commune sized by L2121-2

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        pour = values[pour_i] if pour_i is not None else None
        contre = values[contre_i] if contre_i is not None else None
        if type(pour) is int and type(contre) is int:
            outcome, fr, en = _outcome(pour, contre)
            exprimes = pour + contre
            out.append(
                Finding(
                    "vote-outcome",
                    outcome_severity,
                    fr,
                    en,
                    L2121_20,
                    {"pour": pour, "contre": contre, "exprimes": exprimes, "outcome": outcome},
                    None,
                    n,
                    "VOTE_POUR",
                )
            )
            if outcome == "tie" and exprimes > 0:
                out.append(
                    _finding(
                        "vote-tie",
                        "partage égal des voix : la voix du président est prépondérante, sauf "
                        "au scrutin secret où la proposition est rejetée ; les colonnes ne le "
                        "disent pas",
                        "equal split: the president's vote decides, except in a secret ballot "
                        "where the proposal is rejected; the columns do not say which",
                        row=n,
                        column="VOTE_POUR",
                        values={"pour": pour, "contre": contre},
                        citation=L2121_20,
                    )
                )
        effectif = values[effectif_i] if effectif_i is not None else None
        if type(effectif) is not int:
            return
        siret = cells[siret_slot] if siret_slot is not None else ""
        if siret in communes:
            siren = communes[siret]
        else:
            siren = _commune_siren(siret)
            if len(communes) >= _GOOD_MAX:
                communes.clear()
            communes[siret] = siren
        date = values[date_i] if date_i is not None else None
        if siren is not None and type(date) is dt.date:
            cap = _council_cap(date)
            if cap is not None and effectif > cap:
                out.append(
                    _finding(
                        "vote-effectif-exceeds-council-size",
                        f"VOTE_EFFECTIF {effectif} : aucun conseil municipal n'a plus de {cap} "
                        f"membres le {date.isoformat()} (hors Paris, Lyon, Marseille)",
                        f"VOTE_EFFECTIF {effectif}: no municipal council has more than {cap} "
                        f"members on {date.isoformat()} (Paris, Lyon, Marseille excepted)",
                        row=n,
                        column="VOTE_EFFECTIF",
                        values={"VOTE_EFFECTIF": effectif, "max_seats": cap, "siren": siren},
                        citation=L2121_2,
                    )
                )

    return check


@functools.lru_cache(maxsize=64)
def _council_cap(on: dt.date) -> int | None:
    from ..policy import PolicyError
    from ..seance.policy import default_cgct, max_council_seats

    try:
        return max_council_seats(default_cgct(), on)
    except (PolicyError, LookupError, ValueError):
        return None


def _blake_hash(v: str) -> int:
    import hashlib  # only on 32-bit builds: loading OpenSSL costs about 3 MB of memory

    return int.from_bytes(
        hashlib.blake2b(v.encode("utf-8"), digest_size=8).digest(), "little", signed=True
    )


#: A 64-bit hash of an ID: Python's keyed SipHash where it is 64 bits wide (stable within
#: one process, which runs both passes), else (32-bit builds) 8 bytes of BLAKE2b.
_id_hash: Callable[[str], int] = hash if sys.hash_info.width >= 64 else _blake_hash


_FRACTION = re.compile(r"\d{1,6}\.(\d{1,12})")
#: Hashes sorted in memory at a time; a file with more IDs spills sorted runs of this
#: many hashes (8 bytes each) to a temporary file and merges them: memory stays bounded.
_RUN = 1 << 16
_READ = 1 << 11  # hashes read back at a time from each run


@attrs.frozen
class _Stats:
    duplicates: frozenset[int]
    modal_fraction: int | None


class _IdHashes:
    """The 64-bit hashes of the IDs: which are seen more than once, in bounded memory.

    Up to ``_RUN`` hashes are kept in an ``array`` (8 bytes each, no Python object per
    row); beyond, each full array is sorted and written as a run to an anonymous
    temporary file (8 bytes a row on disk), and the runs are merged at the end.
    """

    def __init__(self) -> None:
        self.buffer = array("q")
        self.file: BinaryIO | None = None
        self.runs: list[tuple[int, int]] = []  # (first hash, count) in the file
        self.spilled = 0

    def spill(self) -> None:
        if not self.buffer:
            return
        if self.file is None:
            # closed by duplicates() (or on a read error): it lives across the whole pass
            self.file = tempfile.TemporaryFile(prefix="groupement-rules-scdl-")  # noqa: SIM115
        run = array("q", sorted(self.buffer))
        self.file.seek(self.spilled * 8)
        run.tofile(self.file)
        self.runs.append((self.spilled, len(run)))
        self.spilled += len(run)
        self.buffer = array("q")

    def _run(self, first: int, count: int) -> Iterator[int]:
        assert self.file is not None
        end = first + count
        while first < end:
            chunk = array("q")
            self.file.seek(first * 8)
            chunk.fromfile(self.file, min(_READ, end - first))
            first += len(chunk)
            yield from chunk

    def duplicates(self) -> frozenset[int]:
        try:
            if self.file is None:
                ordered: Iterable[int] = sorted(self.buffer)
            else:
                self.spill()
                ordered = heapq.merge(*(self._run(f, c) for f, c in self.runs))
            dups = set()
            previous = None
            for h in ordered:
                if h == previous:
                    dups.add(h)
                previous = h
            return frozenset(dups)
        finally:
            if self.file is not None:
                self.file.close()


def _first_pass(path: Path, header: Header, sep: str) -> _Stats:
    """DELIB_ID statistics: the hashes seen twice and the usual numeric format (see _IdHashes)."""
    idx = header.index.get("DELIB_ID")
    if idx is None:
        return _Stats(frozenset(), None)
    hashes = _IdHashes()
    lengths: Counter[int] = Counter()
    fraction = _FRACTION.fullmatch
    csv.field_size_limit(MAX_FIELD)
    with _open(path) as fh:  # the records of _records, without tracking lines (hot loop)
        reader = csv.reader(fh, delimiter=sep, quotechar='"', strict=False)
        append = hashes.buffer.append
        id_hash = _id_hash
        try:
            next(reader, None)
            for rec in reader:
                if not rec or (len(rec) == 1 and not rec[0].strip()):
                    continue
                v = rec[idx].strip() if idx < len(rec) else ""
                if not v:
                    continue
                append(id_hash(v))
                if len(hashes.buffer) >= _RUN:
                    hashes.spill()
                    append = hashes.buffer.append
                m = fraction(v)
                if m:
                    lengths[len(m.group(1))] += 1
        except (UnicodeDecodeError, csv.Error) as e:
            if hashes.file is not None:
                hashes.file.close()
            raise _read_error(str(path), reader, e) from None
    dups = hashes.duplicates()
    modal = None
    total = sum(lengths.values())
    if total:
        length, count = lengths.most_common(1)[0]
        if count * 2 > total:
            modal = length
    return _Stats(dups, modal)


def _check_ids(v: str, n: int, stats: _Stats, out: list[Finding]) -> None:
    if not v:
        return
    if stats.duplicates and _id_hash(v) in stats.duplicates:
        out.append(
            _finding(
                "delib-id-duplicated",
                f"DELIB_ID {v} figure sur plusieurs lignes (le schéma ne l'impose pas unique, "
                "mais un numéro d'acte l'est)",
                f"DELIB_ID {v} is on several rows (the schema does not require uniqueness, "
                "but an act's number is unique)",
                row=n,
                column="DELIB_ID",
                values={"DELIB_ID": v},
            )
        )
    modal = stats.modal_fraction
    if modal is None:
        return
    dot = v.find(".")
    if dot < 0 or len(v) - dot - 1 >= modal:
        return  # a match's fraction is all after the only dot: not shorter than usual
    m = _FRACTION.fullmatch(v)
    if m and len(m.group(1)) < modal:
        restored = v + "0" * (modal - len(m.group(1)))
        out.append(
            _finding(
                "delib-id-lost-trailing-zero",
                f"DELIB_ID {v} est plus court que le format du fichier "
                f"({modal} chiffres après le point) : probablement {restored}, "
                "un tableur ayant lu le numéro comme un nombre",
                f"DELIB_ID {v} is shorter than the file's format ({modal} digits "
                f"after the point): probably {restored}, a spreadsheet read it as a number",
                row=n,
                column="DELIB_ID",
                values={"DELIB_ID": v, "probably": restored},
            )
        )


@attrs.frozen
class ScdlFile:
    """An SCDL file opened for checking: its header findings, and a row iterator."""

    path: Path
    header: Header
    schema: Schema

    def rows(self) -> Iterator[RowReport]:
        """Check each data row, streaming (two passes over the file)."""
        stats = _first_pass(self.path, self.header, self.header.separator)
        plan = _Plan(self.schema, self.header)
        records = _records(self.path, self.header.separator)
        next(records, None)
        n = 0
        width = plan.width
        cells_of = plan.cells
        id_slot = plan.id_slot
        strip = str.strip
        checks = plan.checks
        law = plan.law
        for line, rec in records:
            stripped = list(map(strip, rec))
            if not any(stripped):
                continue
            n += 1
            if len(rec) < width:
                stripped += [""] * (width - len(rec))
            cells = cells_of(stripped)
            findings: list[Finding] = []
            if len(rec) != width:
                findings.append(
                    _finding(
                        "row-length",
                        f"{len(rec)} champs au lieu de {width}",
                        f"{len(rec)} fields instead of {width}",
                        row=n,
                        values={"fields": len(rec), "expected": width, "line": line},
                    )
                )
            plan.check_fields(cells, n, findings)
            values = plan.row_values(cells)
            for check in checks:
                check(cells, values, n, findings)
            delib_id = cells[id_slot] if id_slot is not None else ""
            _check_ids(delib_id, n, stats, findings)
            law(cells, values, n, findings)
            yield RowReport(n, line, delib_id, tuple(findings))


def open_scdl(path: str | Path, schema: Schema | None = None) -> ScdlFile:
    """Open an SCDL CSV: encoding and separator checked, header read (InputError otherwise)."""
    p = Path(path)
    sep = _sniff(p)
    schema = schema or load_schema()
    records = _records(p, sep)
    first = next(records, None)
    if first is None:
        raise InputError(str(p), "empty file")
    header = _header(schema, first[1], sep, str(p))
    records.close()
    return ScdlFile(p, header, schema)


@attrs.frozen
class Summary:
    rows: int
    rows_with_errors: int
    rows_with_warnings: int
    codes: Mapping[str, int]
    outcomes: Mapping[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "rows_with_errors": self.rows_with_errors,
            "rows_with_warnings": self.rows_with_warnings,
            "codes": dict(sorted(self.codes.items())),
            "outcomes": dict(sorted(self.outcomes.items())),
        }


class SummaryBuilder:
    """Counts as rows stream by (constant memory)."""

    def __init__(self, header_findings: Iterable[Finding] = ()) -> None:
        self.rows = 0
        self.errors = 0
        self.warnings = 0
        self.codes: Counter[str] = Counter(f.code for f in header_findings)
        self.outcomes: Counter[str] = Counter()

    def add(self, r: RowReport) -> None:
        self.rows += 1
        self.errors += r.has_errors()
        self.warnings += any(f.severity is Severity.WARNING for f in r.findings)
        for f in r.findings:
            self.codes[f.code] += 1
            if f.code == "vote-outcome":
                self.outcomes[str(f.values.get("outcome"))] += 1

    def build(self) -> Summary:
        return Summary(self.rows, self.errors, self.warnings, dict(self.codes), dict(self.outcomes))


def check_scdl(
    path: str | Path, schema: Schema | None = None
) -> tuple[ScdlFile, list[RowReport], Summary]:
    """Check a whole (small) file at once; for large files iterate ``open_scdl(p).rows()``."""
    f = open_scdl(path, schema)
    builder = SummaryBuilder(f.header.findings)
    rows = []
    for r in f.rows():
        builder.add(r)
        rows.append(r)
    return f, rows, builder.build()


# ----------------------------------------------------------------------------- writing

#: What a séance carries that no SCDL column can hold (docs/reading.md).
NOT_CARRIED = (
    "presents",
    "represented (procurations)",
    "stood_aside (déports)",
    "blancs_nuls",
    "secret",
    "arrived/left",
)


@attrs.frozen
class WrittenRow:
    row: Mapping[str, str]
    notes: tuple[str, ...]


def scdl_rows_from_facts(
    facts: Mapping[str, Any],
    *,
    coll_nom: str | None = None,
    coll_siret: str = "",
    matiere_code: str = "",
    matiere_nom: str = "",
    delib_url: str = "",
    schema: Schema | None = None,
) -> list[WrittenRow]:
    """SCDL rows (one per délibération) from séance facts in the Part B input format.

    VOTE_EFFECTIF = members en exercice (declared, else the members named);
    VOTE_REEL = votants (abstentions included: the sum rule of the schema);
    VOTE_POUR / VOTE_CONTRE / VOTE_ABSTENTION as counted. The five are written only
    when all are known (the schema's "all or none"): nothing is guessed.
    """
    schema = schema or load_schema()
    commune = facts.get("commune") or {}
    out: list[WrittenRow] = []
    for d in facts.get("deliberations") or []:
        notes: list[str] = []
        row = dict.fromkeys(schema.names, "")
        row["COLL_NOM"] = coll_nom or str(commune.get("name") or "")
        row["COLL_SIRET"] = coll_siret
        row["DELIB_ID"] = str(d.get("number") or "")
        row["DELIB_DATE"] = str(facts.get("date") or "")
        row["DELIB_MATIERE_CODE"] = matiere_code
        row["DELIB_MATIERE_NOM"] = matiere_nom
        row["DELIB_OBJET"] = str(d.get("title") or "")
        row["DELIB_URL"] = delib_url
        declared = d.get("declared") or {}
        vote = d.get("vote") or {}
        effectif = declared.get("en_exercice")
        if effectif is None and facts.get("members"):
            effectif = len(facts["members"])
        pour, contre, abst = vote.get("pour"), vote.get("contre"), vote.get("abstentions")
        votants = declared.get("votants")
        blancs = vote.get("blancs_nuls") or 0
        if votants is None and pour is not None and contre is not None and abst is not None:
            votants = pour + contre + abst + blancs
        five = (effectif, votants, pour, contre, abst)
        if None in five:
            missing = [c for c, v in zip(VOTE_COLUMNS, five, strict=True) if v is None]
            notes.append(f"vote columns left empty: unknown {', '.join(missing)}")
        else:
            for c, v in zip(VOTE_COLUMNS, five, strict=True):
                row[c] = str(v)
            if blancs:
                notes.append(
                    f"{blancs} bulletins blancs/nuls count in VOTE_REEL (votants) but in no "
                    "other column: the row cannot satisfy the schema's sum rule"
                )
        if declared.get("presents") is not None or facts.get("proxies"):
            notes.append("présents and procurations have no SCDL column (not written)")
        if d.get("stood_aside"):
            notes.append("déports have no SCDL column (not written)")
        for c in (
            "COLL_SIRET",
            "DELIB_ID",
            "DELIB_DATE",
            "DELIB_MATIERE_CODE",
            "DELIB_MATIERE_NOM",
            "DELIB_OBJET",
        ):
            if not row.get(c):
                notes.append(f"{c} is required and unknown: left empty")
        out.append(WrittenRow({k: row[k] for k in schema.names}, tuple(notes)))
    return out


def write_scdl(
    rows: Iterable[Mapping[str, str]], stream: TextIO, schema: Schema | None = None
) -> None:
    """Write rows as SCDL CSV: UTF-8, comma, header of the 17 columns in order, CRLF."""
    schema = schema or load_schema()
    w = csv.DictWriter(
        stream, fieldnames=list(schema.names), lineterminator="\r\n", extrasaction="ignore"
    )
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, "") for k in schema.names})


def scdl_text(rows: Sequence[Mapping[str, str]]) -> str:
    buf = io.StringIO()
    write_scdl(rows, buf)
    return buf.getvalue()


__all__ = [
    "CODES",
    "NOT_CARRIED",
    "RowReport",
    "ScdlFile",
    "Schema",
    "Summary",
    "SummaryBuilder",
    "WrittenRow",
    "check_scdl",
    "load_schema",
    "open_scdl",
    "scdl_rows_from_facts",
    "scdl_text",
    "siret_valid",
    "write_scdl",
]
