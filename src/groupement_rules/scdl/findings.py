"""The finding codes of the SCDL checker, declared once: severity, citation, messages.

Header codes locate a column; row codes carry the data row number (1 = first row
after the header) and the column. Messages are templates over the finding's values,
formatted only when read (a clean file of a million rows writes no sentence). Where
a message names a kind of value or an outcome, the values carry its label in both
languages (``expected``, ``outcome_label``), so neither language shows an identifier.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..decision import Citation, Finding, JSONValue, Severity
from ..findings import Catalogue, FindingSpec
from .schema import SCHEMA_CITATION

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
_SCHEMA = "SCDL Délibérations 2.1.5 (schéma)"

CATALOGUE = Catalogue(
    "scdl",
    [
        FindingSpec(
            "column-missing",
            E,
            "colonne obligatoire {name} absente",
            "required column {name} is missing",
            _SCHEMA,
        ),
        FindingSpec(
            "column-missing-optional",
            INFO,
            "colonne facultative {name} absente",
            "optional column {name} is missing",
            _SCHEMA,
        ),
        FindingSpec(
            "column-extra",
            W,
            "colonne « {name} » (position {position}) non définie par le schéma : ignorée",
            "column '{name}' (position {position}) is not defined by the schema: ignored",
            _SCHEMA,
        ),
        FindingSpec(
            "row-length",
            E,
            "{fields:pl(champ|champs)} au lieu de {expected} (ligne {line} du fichier)",
            "{fields:pl(field|fields)} instead of {expected} (line {line} of the file)",
            _SCHEMA,
        ),
        FindingSpec(
            "field-required-missing",
            E,
            "{column} est obligatoire et vide",
            "{column} is required and empty",
            _SCHEMA,
        ),
        FindingSpec(
            "field-pattern-mismatch",
            E,
            "{column} « {value:.60} » ne respecte pas le motif {pattern}",
            "{column} '{value:.60}' does not match the pattern {pattern}",
            _SCHEMA,
        ),
        FindingSpec(
            "field-type-invalid",
            E,
            "{column} « {value:.60} » n'est pas {expected[fr]}",
            "{column} '{value:.60}' is not {expected[en]}",
            _SCHEMA,
        ),
        FindingSpec(
            "siret-invalid",
            E,
            "{column} {value} n'est pas un SIRET valide (clé de contrôle du SIRET ou du SIREN)",
            "{column} {value} is not a valid SIRET (check digit of the SIRET or of its SIREN)",
            _SCHEMA,
        ),
        FindingSpec(
            "year-interval-invalid",
            E,
            "{column} « {value:.60} » n'est ni une année ni un intervalle année/année",
            "{column} '{value:.60}' is neither a year nor a year/year interval",
            _SCHEMA,
        ),
        FindingSpec(
            "columns-not-cohesive",
            E,
            "{columns} doivent être toutes remplies ou toutes vides (vides : {empty_text})",
            "{columns} must all be filled or all be empty (empty: {empty_text})",
            _SCHEMA,
        ),
        FindingSpec(
            "vote-columns-incomplete",
            E,
            "{columns} doivent être toutes remplies ou toutes vides (vides : {empty_text})",
            "{columns} must all be filled or all be empty (empty: {empty_text})",
            _SCHEMA,
        ),
        FindingSpec(
            "pref-date-before-delib-date",
            E,
            "{column} ({left}) devrait être {op} {column2} ({right})",
            "{column} ({left}) should be {op} {column2} ({right})",
            _SCHEMA,
        ),
        FindingSpec(
            "vote-reel-exceeds-effectif",
            E,
            "{column} ({left}) devrait être {op} {column2} ({right})",
            "{column} ({left}) should be {op} {column2} ({right})",
            _SCHEMA,
        ),
        FindingSpec(
            "vote-count-exceeds-reel",
            E,
            "{column} ({left}) devrait être {op} {column2} ({right})",
            "{column} ({left}) should be {op} {column2} ({right})",
            _SCHEMA,
        ),
        FindingSpec(
            "columns-compare-failed",
            E,
            "{column} ({left}) devrait être {op} {column2} ({right})",
            "{column} ({left}) should be {op} {column2} ({right})",
            _SCHEMA,
        ),
        FindingSpec(
            "vote-sum-mismatch",
            E,
            "{column} ({total}) ≠ {parts} ({sum})",
            "{column} ({total}) ≠ {parts} ({sum})",
            _SCHEMA,
        ),
        FindingSpec(
            "columns-sum-mismatch",
            E,
            "{column} ({total}) ≠ {parts} ({sum})",
            "{column} ({total}) ≠ {parts} ({sum})",
            _SCHEMA,
        ),
        FindingSpec(
            "matiere-nom-not-actes",
            E,
            "{column} « {value:.60} » ne commence pas par un domaine ACTES suivi de « / »",
            "{column} '{value:.60}' does not start with an ACTES level-1 name and '/'",
            _SCHEMA,
        ),
        FindingSpec(
            "vote-outcome",
            INFO,
            "{pour} pour, {contre} contre sur {exprimes:pl(suffrage exprimé|suffrages exprimés)}"
            " : délibération {outcome_label[fr]} (majorité absolue des suffrages exprimés)",
            "{pour} for, {contre} against out of {exprimes:pl(vote cast|votes cast)}:"
            " {outcome_label[en]} (absolute majority of the votes cast)",
            "CGCT L2121-20",
        ),
        FindingSpec(
            "vote-tie",
            W,
            "partage égal des voix ({pour} pour, {contre} contre) : la voix du président est "
            "prépondérante, sauf au scrutin secret où la proposition est rejetée ; les colonnes "
            "ne disent pas lequel",
            "equal split ({pour} for, {contre} against): the president's vote decides, except "
            "in a secret ballot where the proposal is rejected; the columns do not say which",
            "CGCT L2121-20",
        ),
        FindingSpec(
            "vote-effectif-exceeds-council-size",
            W,
            "VOTE_EFFECTIF {VOTE_EFFECTIF} : aucun conseil municipal n'a plus de {max_seats} "
            "membres le {on:d} (hors Paris, Lyon, Marseille)",
            "VOTE_EFFECTIF {VOTE_EFFECTIF}: no municipal council has more than {max_seats} "
            "members on {on:d} (Paris, Lyon, Marseille excepted)",
            "policy cgct: council_size (CGCT L2121-2)",
        ),
        FindingSpec(
            "delib-id-duplicated",
            W,
            "DELIB_ID {DELIB_ID} figure sur plusieurs lignes (le schéma ne l'impose pas unique, "
            "mais un numéro d'acte l'est)",
            "DELIB_ID {DELIB_ID} is on several rows (the schema does not require uniqueness, "
            "but an act's number is unique)",
            _SCHEMA,
        ),
        FindingSpec(
            "delib-id-lost-trailing-zero",
            W,
            "DELIB_ID {DELIB_ID} est plus court que le format du fichier ({digits:pl(chiffre|"
            "chiffres)} après le point) : probablement {probably}, un tableur ayant lu le numéro "
            "comme un nombre",
            "DELIB_ID {DELIB_ID} is shorter than the file's format ({digits:pl(digit|digits)} "
            "after the point): probably {probably}, a spreadsheet read it as a number",
            _SCHEMA,
        ),
    ],
)

#: What a written row could not carry (``scdl-write``'s notes), one code each.
NOTES = Catalogue(
    "scdl-write",
    [
        FindingSpec(
            "vote-columns-left-empty",
            INFO,
            "colonnes de vote laissées vides : {missing_text} {count:pw(inconnu|inconnus)}",
            "vote columns left empty: {missing_text} unknown",
            _SCHEMA,
        ),
        FindingSpec(
            "blancs-nuls-not-carried",
            INFO,
            "{blancs:pl(bulletin blanc ou nul|bulletins blancs ou nuls)} {blancs:pw(compte|"
            "comptent)} dans VOTE_REEL (votants) mais dans aucune autre colonne : la ligne ne "
            "peut satisfaire la règle de somme du schéma",
            "{blancs:pl(blank or spoilt ballot|blank or spoilt ballots)} {blancs:pw(counts|"
            "count)} in VOTE_REEL (votants) but in no other column: the row cannot satisfy "
            "the schema's sum rule",
            _SCHEMA,
        ),
        FindingSpec(
            "presents-not-carried",
            INFO,
            "les présents et les procurations n'ont pas de colonne SCDL (non écrits)",
            "présents and procurations have no SCDL column (not written)",
            _SCHEMA,
        ),
        FindingSpec(
            "deports-not-carried",
            INFO,
            "les déports n'ont pas de colonne SCDL (non écrits)",
            "déports have no SCDL column (not written)",
            _SCHEMA,
        ),
        FindingSpec(
            "required-unknown",
            INFO,
            "{name} est obligatoire et inconnu des faits : laissé vide",
            "{name} is required and unknown from the facts: left empty",
            _SCHEMA,
        ),
    ],
)

#: Every finding code of the SCDL checker, in the catalogue's order.
CODES: tuple[str, ...] = CATALOGUE.codes

_SEVERITY: dict[str, Severity] = {spec.code: spec.severity for spec in CATALOGUE}
_SPECS: dict[str, FindingSpec] = {spec.code: spec for spec in CATALOGUE}


def severity_of(code: str) -> Severity:
    """The severity the catalogue gives ``code``."""
    return _SEVERITY[code]


def emit(
    code: str,
    values: Mapping[str, JSONValue | Any],
    *,
    row: int | None = None,
    column: str | None = None,
    citation: Citation = SCHEMA_CITATION,
) -> Finding:
    """The finding ``code`` of the catalogue over ``values``, located by row and column.

    The checker's hot path: the catalogue's templates, without the check of the values a
    template reads (a test formats every code's messages instead), and positional
    construction, which attrs makes noticeably cheaper for a million rows.
    """
    spec = _SPECS[code]
    return Finding(
        code,
        spec.severity,
        spec.fr,
        spec.en,
        citation,
        values,
        None,
        row,
        column,
        template=True,
    )


__all__ = ["CATALOGUE", "CODES", "NOTES", "emit", "severity_of"]
