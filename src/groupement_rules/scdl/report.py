"""Checking an SCDL file, or one row: the reports and their summary.

:func:`open_scdl` opens a file (or ``-``, or a binary stream) once and reads its
header; :meth:`ScdlFile.scan` reads every record once (any unreadable byte or record
is an :class:`~groupement_rules.errors.InputError` then, before a row is reported) and
learns the file-level facts (duplicated DELIB_ID); :meth:`ScdlFile.rows` then checks
each row, streaming. :func:`check_row` checks one row given as a mapping: the checks
of a row alone (every check but the file-level DELIB_ID ones), for use as a
user-defined function of DuckDB or Polars (``docs/reading.md``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, BinaryIO

import attrs

from ..decision import Finding, Severity
from ..errors import InputError
from .checks import Plan
from .facts import ScdlRow, cell_text
from .findings import emit
from .ids import PROGRESS_EVERY, Stats, check_id, first_pass
from .law import council_size_check, outcome_check
from .reading import Header, Source, open_source, read_header, records, sniff
from .schema import Schema, load_schema

_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def severity_at_least(minimum: Severity | str) -> Callable[[Finding], bool]:
    """A test of findings at ``minimum`` or above (``info`` < ``warning`` < ``error``)."""
    try:
        floor = _RANK[Severity(minimum)]
    except ValueError:
        raise InputError("min-severity", f"not a severity: {minimum!r}") from None
    return lambda f: _RANK[f.severity] >= floor


@attrs.frozen
class RowReport:
    """One data row: its number (1 = first after the header), file line, DELIB_ID, findings."""

    row: int
    line: int
    delib_id: str
    findings: tuple[Finding, ...]

    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def to_dict(
        self, lang: str = "fr", keep: Callable[[Finding], bool] | None = None
    ) -> dict[str, Any]:
        return {
            "row": self.row,
            "line": self.line,
            "DELIB_ID": self.delib_id,
            "findings": [f.to_dict(lang) for f in self.findings if keep is None or keep(f)],
        }


def _compile(schema: Schema, index: Mapping[str, int], width: int) -> Plan:
    """The schema's checks for a header, then the law's, each row's values parsed once."""
    plan = Plan(schema, index, width)
    law = (
        outcome_check(plan.value_of("VOTE_POUR"), plan.value_of("VOTE_CONTRE")),
        council_size_check(
            plan.value_of("VOTE_EFFECTIF"), plan.value_of("DELIB_DATE"), plan.slot.get("COLL_SIRET")
        ),
    )
    plan.checks.extend(c for c in law if c is not None)
    plan.freeze()
    return plan


def _row_findings(plan: Plan, cells: tuple[str, ...], n: int, out: list[Finding]) -> None:
    plan.check_fields(cells, n, out)
    values = plan.row_values(cells)
    for check in plan.checks:
        check(cells, values, n, out)


class ScdlFile:
    """An SCDL file opened for checking: its header findings, and the checked rows.

    It holds the file open (once); close it, or use it as a context manager.
    """

    def __init__(self, source: Source, header: Header, schema: Schema) -> None:
        self.source = source
        self.header = header
        self.schema = schema
        self._stats: Stats | None = None

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return self.source.size

    def __enter__(self) -> ScdlFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.source.close()

    def scan(self, progress: Callable[[float], None] | None = None) -> Stats:
        """Read every record once: InputError for an unreadable file, else its statistics.

        ``progress`` is called now and then with the fraction of the file read.
        """
        if self._stats is None:
            self._stats = first_pass(self.source, self.header, progress)
        return self._stats

    def rows(self, progress: Callable[[float], None] | None = None) -> Iterator[RowReport]:
        """Check each data row, streaming (after :meth:`scan`, done here if not yet).

        ``progress`` is called now and then with the fraction of the file checked. The
        file is read once per pass through one handle: iterate one ``rows()`` at a time.
        """
        stats = self.scan()
        plan = _compile(self.schema, self.header.index, len(self.header.columns))
        recs = records(self.source, self.header.separator)
        next(recs, None)
        n = 0
        width = plan.width
        cells_of = plan.cells
        id_slot = plan.id_slot
        strip = str.strip
        for line, rec in recs:
            stripped = list(map(strip, rec))
            if not any(stripped):
                continue
            n += 1
            if progress is not None and not n % PROGRESS_EVERY:
                progress(self.source.fraction())
            if len(rec) < width:
                stripped += [""] * (width - len(rec))
            cells = cells_of(stripped)
            findings: list[Finding] = []
            if len(rec) != width:
                values = {"fields": len(rec), "expected": width, "line": line}
                findings.append(emit("row-length", values, row=n))
            _row_findings(plan, cells, n, findings)
            delib_id = cells[id_slot] if id_slot is not None else ""
            check_id(delib_id, n, stats, findings)
            yield RowReport(n, line, delib_id, tuple(findings))


def open_scdl(
    path: str | os.PathLike[str] | BinaryIO,
    schema: Schema | None = None,
    *,
    max_bytes: int | None = None,
) -> ScdlFile:
    """Open an SCDL CSV once (a path, ``-`` for standard input, or a binary stream):
    encoding and separator checked, header read (InputError otherwise)."""
    source = open_source(path, max_bytes=max_bytes)
    try:
        sep = sniff(source)
        schema = schema or load_schema()
        recs = records(source, sep)
        try:
            first = next(recs, None)
        finally:
            recs.close()
        if first is None:
            raise InputError(source.name, "empty file")
        header = read_header(schema, first[1], sep, source.name)
    except BaseException:
        source.close()
        raise
    return ScdlFile(source, header, schema)


@attrs.frozen
class Summary:
    """Counts over a file: rows, rows with an error or a warning, codes, outcomes.

    ``header_errors`` counts the header's error findings (a required column missing):
    such a file has errors even when no row has one.
    """

    rows: int
    rows_with_errors: int
    rows_with_warnings: int
    codes: Mapping[str, int]
    outcomes: Mapping[str, int]
    header_errors: int = 0

    def has_errors(self) -> bool:
        return bool(self.rows_with_errors or self.header_errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "rows_with_errors": self.rows_with_errors,
            "rows_with_warnings": self.rows_with_warnings,
            "header_errors": self.header_errors,
            "codes": dict(sorted(self.codes.items())),
            "outcomes": dict(sorted(self.outcomes.items())),
        }


class SummaryBuilder:
    """Counts as rows stream by (constant memory)."""

    def __init__(self, header_findings: Iterable[Finding] = ()) -> None:
        header_findings = tuple(header_findings)
        self.rows = 0
        self.errors = 0
        self.warnings = 0
        self.header_errors = sum(f.severity is Severity.ERROR for f in header_findings)
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
        return Summary(
            self.rows,
            self.errors,
            self.warnings,
            dict(self.codes),
            dict(self.outcomes),
            self.header_errors,
        )


def check_scdl(
    path: str | os.PathLike[str] | BinaryIO, schema: Schema | None = None
) -> tuple[ScdlFile, list[RowReport], Summary]:
    """Check a whole (small) file at once; for large files iterate ``open_scdl(p).rows()``."""
    with open_scdl(path, schema) as f:
        builder = SummaryBuilder(f.header.findings)
        rows = []
        for r in f.rows():
            builder.add(r)
            rows.append(r)
    return f, rows, builder.build()


class RowChecker:
    """The checks of one row alone, compiled once for a schema (the bundled one by default).

    Every check of the file checker but the file-level ones (duplicated DELIB_ID, an ID
    that lost a trailing zero), which need the other rows.
    """

    def __init__(self, schema: Schema | None = None) -> None:
        self.schema = schema or load_schema()
        self._names = self.schema.names
        index = {c: i for i, c in enumerate(self._names)}
        self._plan = _compile(self.schema, index, len(self._names))

    def __call__(self, row: Mapping[str, object] | ScdlRow) -> tuple[Finding, ...]:
        if isinstance(row, ScdlRow):
            row = row.to_dict()
        elif not isinstance(row, Mapping):
            raise InputError("row", f"an SCDL row is a mapping, not {type(row).__name__}")
        cells = tuple(cell_text(row.get(c), c) for c in self._names)
        out: list[Finding] = []
        _row_findings(self._plan, cells, 1, out)
        return tuple(out)


_DEFAULT_CHECKER: RowChecker | None = None


def check_row(row: Mapping[str, object] | ScdlRow) -> tuple[Finding, ...]:
    """The findings of one SCDL row (column → value; ``None`` or absent = empty cell).

    Values may be text, integers or dates (as a data frame or a database gives them).
    Findings carry ``row=1``. See :class:`RowChecker` for another schema.
    """
    global _DEFAULT_CHECKER
    if _DEFAULT_CHECKER is None:
        _DEFAULT_CHECKER = RowChecker()
    return _DEFAULT_CHECKER(row)


def row_codes(row: Mapping[str, object] | ScdlRow, min_severity: str = "warning") -> list[str]:
    """The codes of a row's findings at ``min_severity`` or above, in order (a UDF's answer)."""
    keep = severity_at_least(min_severity)
    return [f.code for f in check_row(row) if keep(f)]


__all__ = [
    "RowChecker",
    "RowReport",
    "ScdlFile",
    "Summary",
    "SummaryBuilder",
    "check_row",
    "check_scdl",
    "open_scdl",
    "row_codes",
    "severity_at_least",
]
