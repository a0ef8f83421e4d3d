"""Writing SCDL rows from séance facts: what the columns can carry, and nothing guessed.

VOTE_EFFECTIF = members en exercice (declared, else the members named); VOTE_REEL =
votants (abstentions included: the schema's sum rule); VOTE_POUR / VOTE_CONTRE /
VOTE_ABSTENTION as counted. The five are written only when all are known (the
schema's « all or none »). What a séance says that no column holds (présents,
procurations, déports, blancs et nuls) is named in each row's notes.

Values given by the caller are refused when the checker would reject them: a COLL_SIRET
that is not a valid SIRET, a DELIB_MATIERE_CODE outside the ACTES nomenclature, a
DELIB_MATIERE_NOM that does not start with an ACTES level-1 name, a code and a name
of two different matters, or a DELIB_URL that is not a URI. The CSV is written with
formula cells neutralised (:mod:`groupement_rules.csvout`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

import attrs

from ..csvout import write_rows
from ..decision import Finding
from ..errors import InputError
from .checks import URI, actes_level1, siret_valid
from .findings import NOTES
from .schema import (
    ACTES_LEVEL1,
    SCHEMA_CITATION,
    VOTE_COLUMNS,
    Schema,
    actes_level1_of_code,
    load_schema,
)

#: What a séance carries that no SCDL column can hold (docs/reading.md).
NOT_CARRIED = (
    "presents",
    "represented (procurations)",
    "stood_aside (déports)",
    "blancs_nuls",
    "secret",
    "arrived/left",
)

_REQUIRED_WRITTEN = (
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
)


@attrs.frozen
class WrittenRow:
    """A row to write (column → cell) and what it could not carry (notes of
    :data:`~.findings.NOTES`, in French and English)."""

    row: Mapping[str, str]
    notes: tuple[Finding, ...]

    @property
    def note_codes(self) -> tuple[str, ...]:
        return tuple(n.code for n in self.notes)


def _note(code: str, **values: Any) -> Finding:
    return NOTES.emit(code, SCHEMA_CITATION, **values)


def check_siret(value: str, where: str = "coll_siret") -> str:
    """``value`` when it is empty or a valid SIRET; InputError otherwise."""
    value = value.strip()
    if value and not siret_valid(value):
        raise InputError(
            where,
            f"{value[:40]!r} is not a valid SIRET (14 digits whose SIRET and SIREN check "
            "digits hold)",
        )
    return value


def check_url(value: str, where: str = "delib_url") -> str:
    """``value`` when it is empty or a URI (the schema's ``DELIB_URL`` format)."""
    value = value.strip()
    if value and not URI.fullmatch(value):
        raise InputError(where, f"{value[:60]!r} is not a URI (e.g. https://example.org/d.pdf)")
    return value


def check_matiere(
    code: str, nom: str, where_code: str = "matiere_code", where_nom: str = "matiere_nom"
) -> tuple[str, str]:
    """(code, nom) when each is empty or valid in the ACTES nomenclature, and they agree."""
    code, nom = code.strip(), nom.strip()
    level1 = actes_level1_of_code(code) if code else None
    if code and level1 is None:
        raise InputError(
            where_code,
            f"{code[:40]!r} is not an ACTES matter code (1.1 to 1.7, 2.1 to 2.3, 3.1 to 3.6, "
            "4.1 to 4.5, 5.1 to 5.8, 6.1 to 6.5, 7.1 to 7.10, 8.1 to 8.9, 9.1 to 9.4)",
        )
    named = actes_level1(nom) if nom else None
    if nom and named is None:
        raise InputError(
            where_nom,
            f"{nom[:60]!r} does not start with an ACTES matter name followed by '/' "
            "(e.g. 'Commande publique/Marchés publics')",
        )
    if level1 is not None and named is not None and named != level1:
        raise InputError(
            where_nom,
            f"{nom[:60]!r} is not matter {level1} of the code {code} ({ACTES_LEVEL1[level1 - 1]})",
        )
    return code, nom


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
    """SCDL rows (one per délibération) from séance facts in the Part B input format."""
    coll_siret = check_siret(coll_siret)
    matiere_code, matiere_nom = check_matiere(matiere_code, matiere_nom)
    delib_url = check_url(delib_url)
    schema = schema or load_schema()
    commune = facts.get("commune") or {}
    out: list[WrittenRow] = []
    for d in facts.get("deliberations") or []:
        notes: list[Finding] = []
        row = dict.fromkeys(schema.names, "")
        row["COLL_NOM"] = coll_nom or str(commune.get("name") or "")
        row["COLL_SIRET"] = coll_siret
        row["DELIB_ID"] = str(d.get("number") or "")
        row["DELIB_DATE"] = str(facts.get("date") or "")
        row["DELIB_MATIERE_CODE"] = matiere_code
        row["DELIB_MATIERE_NOM"] = matiere_nom
        row["DELIB_OBJET"] = str(d.get("title") or "")
        row["DELIB_URL"] = delib_url
        _vote_columns(facts, d, row, notes)
        if (d.get("declared") or {}).get("presents") is not None or facts.get("proxies"):
            notes.append(_note("presents-not-carried"))
        if d.get("stood_aside"):
            notes.append(_note("deports-not-carried"))
        for c in _REQUIRED_WRITTEN:
            if not row.get(c):
                notes.append(_note("required-unknown", name=c))
        out.append(WrittenRow({k: row[k] for k in schema.names}, tuple(notes)))
    return out


def _vote_columns(
    facts: Mapping[str, Any], d: Mapping[str, Any], row: dict[str, str], notes: list[Finding]
) -> None:
    """The five vote columns when all are known, else none (the schema's « all or none »)."""
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
        text = ", ".join(missing)
        notes.append(
            _note("vote-columns-left-empty", missing=missing, missing_text=text, count=len(missing))
        )
        return
    for c, v in zip(VOTE_COLUMNS, five, strict=True):
        row[c] = str(v)
    if blancs:
        notes.append(_note("blancs-nuls-not-carried", blancs=blancs))


def write_scdl(
    rows: Iterable[Mapping[str, str]], stream: TextIO, schema: Schema | None = None
) -> None:
    """Write rows as SCDL CSV: UTF-8, comma, the schema's columns in order, CRLF; a cell
    a spreadsheet would run as a formula gets a leading apostrophe."""
    schema = schema or load_schema()
    write_rows(stream, schema.names, rows)


def scdl_text(rows: Sequence[Mapping[str, str]]) -> str:
    """The SCDL CSV of ``rows``, as text."""
    buf = io.StringIO()
    write_scdl(rows, buf)
    return buf.getvalue()


__all__ = [
    "NOT_CARRIED",
    "WrittenRow",
    "check_matiere",
    "check_siret",
    "check_url",
    "scdl_rows_from_facts",
    "scdl_text",
    "write_scdl",
]
