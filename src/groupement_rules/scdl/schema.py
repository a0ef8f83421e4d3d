"""The SCDL « Délibérations » Table Schema: the bundled 2.1.5 file, or another given as a dict.

The bundled file is ``schemas/scdl-deliberations-2.1.5.json`` (OpenDataFrance, Licence
Ouverte 2.0). Its ``custom_checks`` are Validata's; the vote rules among them are
always applied (:data:`BUILTIN_VOTE_CHECKS`), whatever schema is given, since they are
what the vote columns mean. The ACTES nomenclature (level-1 names, level-2 codes) is
the reference data the schema names for ``DELIB_MATIERE_NOM`` and
``DELIB_MATIERE_CODE``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from ..decision import Citation
from ..errors import InputError

SCHEMA_FILE = "scdl-deliberations-2.1.5.json"
_SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_FILE

SCHEMA_CITATION = Citation(
    "SCDL Délibérations 2.1.5",
    "schéma (OpenDataFrance, Licence Ouverte 2.0)",
    url="https://schema.data.gouv.fr/schemas/scdl/deliberations/2.1.5/schema.json",
)

VOTE_COLUMNS = ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")

#: ACTES nomenclature, level 1, folded (lower case, no accents), in the order of their
#: number: « 1 Commande publique » … « 9 Autres domaines de compétences ».
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

#: ACTES nomenclature, level 2: how many sub-matters each level-1 matter has
#: (1.1–1.7, 2.1–2.3, 3.1–3.6, 4.1–4.5, 5.1–5.8, 6.1–6.5, 7.1–7.10, 8.1–8.9, 9.1–9.4),
#: as listed with the schema's ``DELIB_MATIERE_CODE`` (shared/data/README.md).
ACTES_LEVEL2_COUNT = (7, 3, 6, 5, 8, 5, 10, 9, 4)

BUILTIN_VOTE_CHECKS: tuple[dict[str, Any], ...] = (
    {
        "name": "cohesive-columns-value",
        "params": {"column": "VOTE_EFFECTIF", "othercolumns": list(VOTE_COLUMNS[1:])},
    },
    {
        "name": "compare-columns-value",
        "params": {"column": "VOTE_EFFECTIF", "op": ">=", "column2": "VOTE_REEL"},
    },
    *(
        {
            "name": "compare-columns-value",
            "params": {"column": "VOTE_REEL", "op": ">=", "column2": count},
        }
        for count in VOTE_COLUMNS[2:]
    ),
    {
        "name": "sum-columns-value",
        "params": {"column": "VOTE_REEL", "columns": list(VOTE_COLUMNS[2:])},
    },
)


@attrs.frozen
class Field:
    """One column of the schema: its type, whether it is required, its pattern."""

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
        return default_schema()
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
    except (KeyError, TypeError, AttributeError, re.error) as e:
        raise InputError("<schema>", f"not a usable Table Schema: {e}") from None
    seen = {json.dumps(c, sort_keys=True) for c in checks}
    for c in BUILTIN_VOTE_CHECKS:
        if json.dumps(c, sort_keys=True) not in seen:
            checks.append(c)
    return Schema(
        name=str(data.get("name", "?")),
        version=str(data.get("version", "?")),
        fields=tuple(fields),
        checks=tuple(checks),
    )


@functools.cache
def default_schema() -> Schema:
    """The bundled schema 2.1.5, read once."""
    return load_schema(json.loads(_SCHEMA_PATH.read_text(encoding="utf-8")))


def schema_path() -> Path:
    """Where the bundled schema file is (for tools that read it themselves)."""
    return _SCHEMA_PATH


def actes_level1_of_code(code: str) -> int | None:
    """The level-1 number (1–9) of an ACTES level-2 code such as ``1.4``, or None.

    None when ``code`` is not ``N.M`` with M within the sub-matters of N.
    """
    m = re.fullmatch(r"([1-9])\.([1-9]\d?)", code)
    if m is None:
        return None
    level1 = int(m.group(1))
    return level1 if int(m.group(2)) <= ACTES_LEVEL2_COUNT[level1 - 1] else None


__all__ = [
    "ACTES_LEVEL1",
    "ACTES_LEVEL2_COUNT",
    "BUILTIN_VOTE_CHECKS",
    "SCHEMA_CITATION",
    "SCHEMA_FILE",
    "VOTE_COLUMNS",
    "Field",
    "Schema",
    "actes_level1_of_code",
    "default_schema",
    "load_schema",
    "schema_path",
]
