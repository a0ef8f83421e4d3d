"""Every SCDL finding code is produced by some file and absent from another; its messages
format in both languages from its values alone."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from groupement_rules.scdl import CATALOGUE, check_scdl, load_schema

COLUMNS = list(load_schema().names)
CLEAN = {
    "COLL_NOM": "Commune de Test",
    "COLL_SIRET": "21490176100012",
    "DELIB_ID": "2026.00101",
    "DELIB_DATE": "2026-02-02",
    "DELIB_MATIERE_CODE": "1.4",
    "DELIB_MATIERE_NOM": "Commande publique/Autres types de contrats",
    "DELIB_OBJET": "Groupement de commandes",
    "BUDGET_ANNEE": "2026",
    "BUDGET_NOM": "Principal",
    "PREF_ID": "",
    "PREF_DATE": "2026-02-05",
    "VOTE_EFFECTIF": "28",
    "VOTE_REEL": "25",
    "VOTE_POUR": "24",
    "VOTE_CONTRE": "0",
    "VOTE_ABSTENTION": "1",
    "DELIB_URL": "https://example.org/d.pdf",
}
NO_VOTE = dict.fromkeys(("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE"), "") | {
    "VOTE_ABSTENTION": ""
}


def _file(rows: list[dict[str, str]], header: list[str] | None = None) -> str:
    buf = io.StringIO()
    cols = header or COLUMNS
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([r.get(c, "") for c in cols])
    return buf.getvalue()


def _rows(*overrides: dict[str, str]) -> str:
    return _file(
        [
            CLEAN | o | {"DELIB_ID": f"2026.{i:05d}"} if "DELIB_ID" not in o else CLEAN | o
            for i, o in enumerate(overrides, 100)
        ]
    )


#: code -> (a file that produces it, a file that does not)
CASES: dict[str, tuple[str, str]] = {
    "column-missing": (_file([CLEAN], [c for c in COLUMNS if c != "DELIB_OBJET"]), _rows({})),
    "column-missing-optional": (_file([CLEAN], [c for c in COLUMNS if c != "PREF_ID"]), _rows({})),
    "column-extra": (_file([CLEAN], ["Numéro", *COLUMNS]), _rows({})),
    "row-length": (_rows({}) + "a,b\n", _rows({})),
    "field-required-missing": (_rows({"DELIB_OBJET": ""}), _rows({})),
    "field-pattern-mismatch": (_rows({"DELIB_MATIERE_CODE": "14"}), _rows({})),
    "field-type-invalid": (_rows({"DELIB_DATE": "02/02/2026"}), _rows({})),
    "siret-invalid": (_rows({"COLL_SIRET": "21490176300018"}), _rows({})),
    "year-interval-invalid": (_rows({"BUDGET_ANNEE": "2027/2026"}), _rows({})),
    "columns-not-cohesive": (_rows({"BUDGET_NOM": ""}), _rows({})),
    "vote-columns-incomplete": (_rows({"VOTE_CONTRE": ""}), _rows({})),
    "pref-date-before-delib-date": (_rows({"PREF_DATE": "2026-01-30"}), _rows({})),
    "vote-reel-exceeds-effectif": (
        _rows({"VOTE_EFFECTIF": "24", "VOTE_REEL": "25"}),
        _rows({}),
    ),
    "vote-count-exceeds-reel": (_rows({"VOTE_POUR": "26", "VOTE_REEL": "25"}), _rows({})),
    "vote-sum-mismatch": (_rows({"VOTE_ABSTENTION": "0"}), _rows({})),
    "matiere-nom-not-actes": (_rows({"DELIB_MATIERE_NOM": "Marchés/Autres"}), _rows({})),
    "vote-outcome": (_rows({}), _rows(NO_VOTE)),
    "vote-tie": (
        _rows({"VOTE_POUR": "12", "VOTE_CONTRE": "12", "VOTE_ABSTENTION": "1"}),
        _rows({}),
    ),
    "vote-effectif-exceeds-council-size": (
        _rows({"VOTE_EFFECTIF": "70"}),
        _rows({"VOTE_EFFECTIF": "70", "COLL_SIRET": "24420077000117"}),  # an EPCI
    ),
    "delib-id-duplicated": (
        _rows({"DELIB_ID": "2026.00101"}, {"DELIB_ID": "2026.00101"}),
        _rows({}, {}),
    ),
    "delib-id-lost-trailing-zero": (
        _rows({"DELIB_ID": "2026.00130"}, {"DELIB_ID": "2026.00131"}, {"DELIB_ID": "2026.0014"}),
        _rows({"DELIB_ID": "2026.00130"}, {"DELIB_ID": "2026.00131"}, {"DELIB_ID": "2026.00140"}),
    ),
}

TEMPLATE_FIELD = re.compile(r"\{[A-Za-z_]+[:\[}]")

#: Codes a Table Schema other than SCDL's produces (its own comparisons and sums).
OTHER_SCHEMA = {"columns-compare-failed", "columns-sum-mismatch"}


def _codes(tmp_path: Path, text: str, schema: dict[str, object] | None = None) -> set[str]:
    p = tmp_path / "c.csv"
    p.write_text(text, encoding="utf-8")
    f, rows, _s = check_scdl(p, load_schema(schema) if schema else None)
    found = [*f.header.findings, *(x for r in rows for x in r.findings)]
    for x in found:  # every message formats from its own values, in both languages
        for message in (x.message_fr, x.message_en):
            assert not TEMPLATE_FIELD.search(message), (x.code, message)
        json.dumps(x.to_dict("fr"), ensure_ascii=False)
    return {x.code for x in found}


def test_every_code_has_a_case() -> None:
    assert set(CASES) | OTHER_SCHEMA == set(CATALOGUE.codes)


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_code_is_produced_by_one_file_and_absent_from_another(
    tmp_path: Path, code: str
) -> None:
    producing, not_producing = CASES[code]
    assert code in _codes(tmp_path, producing)
    assert code not in _codes(tmp_path, not_producing)


def test_the_codes_of_other_schemas(tmp_path: Path) -> None:
    schema = {
        "fields": [{"name": n, "type": "integer"} for n in "ABC"],
        "custom_checks": [
            {"name": "compare-columns-value", "params": {"column": "A", "op": ">", "column2": "B"}},
            {"name": "sum-columns-value", "params": {"column": "A", "columns": ["B", "C"]}},
        ],
    }
    assert _codes(tmp_path, "A,B,C\n1,1,1\n", schema) == OTHER_SCHEMA
    assert _codes(tmp_path, "A,B,C\n3,2,1\n", schema) == set()


def test_french_messages_show_labels_not_identifiers(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text(_rows({}, {"DELIB_DATE": "2026-13-01"}), encoding="utf-8")
    _f, rows, _s = check_scdl(p)
    outcome = next(x for x in rows[0].findings if x.code == "vote-outcome")
    assert "adoptée" in outcome.message_fr and "adopted" not in outcome.message_fr
    assert "25 suffrages exprimés" not in outcome.message_fr  # pour + contre = 24
    assert "24 suffrages exprimés" in outcome.message_fr
    assert "24 votes cast: adopted" in outcome.message_en
    bad = next(x for x in rows[1].findings if x.code == "field-type-invalid")
    assert "date AAAA-MM-JJ" in bad.message_fr and "date" in bad.message_en
    assert "integer" not in bad.message_fr


def _facts(**deliberation: object) -> dict[str, object]:
    d: dict[str, object] = {
        "number": "2026-001",
        "title": "Tarifs",
        "vote": {"pour": 20, "contre": 3, "abstentions": 2, "blancs_nuls": None},
        "declared": {"en_exercice": 28, "votants": 25},
    }
    d.update(deliberation)
    return {"commune": {"name": "Test"}, "date": "2026-02-02", "deliberations": [d]}


WRITE_KW = {
    "coll_siret": "21490176100012",
    "matiere_code": "1.4",
    "matiere_nom": "Commande publique/Autres",
}
#: note code -> (facts whose row gets it, facts whose row does not)
NOTE_CASES: dict[str, tuple[dict[str, object], dict[str, object]]] = {
    "vote-columns-left-empty": (_facts(vote={"unanimous": True}), _facts()),
    "blancs-nuls-not-carried": (
        _facts(
            vote={"pour": 20, "contre": 3, "abstentions": 0, "blancs_nuls": 2},
            declared={"en_exercice": 28},
        ),
        _facts(),
    ),
    "presents-not-carried": (
        _facts(declared={"en_exercice": 28, "votants": 25, "presents": 23}),
        _facts(),
    ),
    "deports-not-carried": (_facts(stood_aside=["C D"]), _facts()),
    "required-unknown": (_facts(number=None), _facts()),
}


def test_every_note_code_has_a_case() -> None:
    from groupement_rules.scdl.findings import NOTES

    assert set(NOTE_CASES) == set(NOTES.codes)


@pytest.mark.parametrize("code", sorted(NOTE_CASES))
def test_each_note_is_given_for_one_row_and_not_another(code: str) -> None:
    from groupement_rules.scdl import scdl_rows_from_facts

    with_it, without = NOTE_CASES[code]
    (row,) = scdl_rows_from_facts(with_it, **WRITE_KW)
    assert code in row.note_codes
    for note in row.notes:
        for message in (note.message_fr, note.message_en):
            assert not TEMPLATE_FIELD.search(message), message
    (row,) = scdl_rows_from_facts(without, **WRITE_KW)
    assert code not in row.note_codes
