"""SCDL « Délibérations »: read, check and write the national open-data CSV (SPEC Part D).

The rooms:

- :mod:`.schema`: the bundled Table Schema 2.1.5 (OpenDataFrance, Licence Ouverte 2.0),
  the vote rules always applied, the ACTES nomenclature;
- :mod:`.facts`: one row as a typed fact (:class:`ScdlRow`, the 17 columns);
- :mod:`.reading`: the source read once (a path, ``-``, a pipe), its dialect, records
  and header, errors at the file's line;
- :mod:`.checks`: the schema's field constraints and ``custom_checks`` on a row;
- :mod:`.law`: what the CGCT lets the columns say (outcome by L2121-20, council size
  by L2121-2);
- :mod:`.ids`: the file-level DELIB_ID checks (duplicated, lost trailing zero);
- :mod:`.findings`: the catalogue of codes, severities and messages;
- :mod:`.report`: checking a file (streaming, constant memory) or one row (a UDF);
- :mod:`.writing`: séance facts → SCDL rows, CSV written safely.

See ``docs/reading.md``.
"""

from __future__ import annotations

from .checks import siret_valid
from .facts import ScdlRow
from .findings import CATALOGUE, CODES
from .reading import MAX_BYTES, Header
from .report import (
    RowChecker,
    RowReport,
    ScdlFile,
    Summary,
    SummaryBuilder,
    check_row,
    check_scdl,
    open_scdl,
    row_codes,
    severity_at_least,
)
from .schema import SCHEMA_CITATION, VOTE_COLUMNS, Field, Schema, load_schema
from .writing import (
    NOT_CARRIED,
    WrittenRow,
    check_matiere,
    check_siret,
    scdl_rows_from_facts,
    scdl_text,
    write_scdl,
)

__all__ = [
    "CATALOGUE",
    "CODES",
    "MAX_BYTES",
    "NOT_CARRIED",
    "SCHEMA_CITATION",
    "VOTE_COLUMNS",
    "Field",
    "Header",
    "RowChecker",
    "RowReport",
    "ScdlFile",
    "ScdlRow",
    "Schema",
    "Summary",
    "SummaryBuilder",
    "WrittenRow",
    "check_matiere",
    "check_row",
    "check_scdl",
    "check_siret",
    "load_schema",
    "open_scdl",
    "row_codes",
    "scdl_rows_from_facts",
    "scdl_text",
    "severity_at_least",
    "siret_valid",
    "write_scdl",
]
