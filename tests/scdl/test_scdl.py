"""SCDL « Délibérations »: reading, checks, writing (SPEC Part D, issue 4)."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groupement_rules.errors import InputError
from groupement_rules.scdl import (
    CODES,
    check_scdl,
    load_schema,
    open_scdl,
    scdl_rows_from_facts,
    scdl_text,
    siret_valid,
)
from groupement_rules.scdl import ids as id_checks
from groupement_rules.scdl.checks import actes_level1

HEADER = [
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
]
# A commune's SIRET (SIREN 21 + INSEE code 49176 + key, establishment 0001 + key) whose
# SIREN and SIRET check digits hold; not necessarily a registered one.
COMMUNE_SIRET = "21490176100012"
EPCI_SIRET = "24420077000117"


def _row(**over: str) -> dict[str, str]:
    row = {
        "COLL_NOM": "Commune de Test",
        "COLL_SIRET": COMMUNE_SIRET,
        "DELIB_ID": "2026-001",
        "DELIB_DATE": "2026-02-02",
        "DELIB_MATIERE_CODE": "1.4",
        "DELIB_MATIERE_NOM": "Commande publique/Autres types de contrats",
        "DELIB_OBJET": "Groupement de commandes",
        "BUDGET_ANNEE": "",
        "BUDGET_NOM": "",
        "PREF_ID": "",
        "PREF_DATE": "",
        "VOTE_EFFECTIF": "28",
        "VOTE_REEL": "25",
        "VOTE_POUR": "24",
        "VOTE_CONTRE": "0",
        "VOTE_ABSTENTION": "1",
        "DELIB_URL": "https://example.org/d.pdf",
    }
    row.update(over)
    return row


def _write(
    tmp: Path,
    rows: list[dict[str, str]],
    *,
    sep: str = ",",
    bom: bool = False,
    crlf: bool = False,
    header: list[str] | None = None,
    encoding: str = "utf-8",
) -> Path:
    buf = io.StringIO()
    cols = header or HEADER
    w = csv.DictWriter(
        buf,
        fieldnames=cols,
        delimiter=sep,
        lineterminator="\r\n" if crlf else "\n",
        extrasaction="ignore",
    )
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in cols})
    p = tmp / "d.csv"
    data = buf.getvalue().encode(encoding)
    p.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return p


def _codes(path: Path) -> list[set[str]]:
    _f, rows, _s = check_scdl(path)
    return [{x.code for x in r.findings} - {"vote-outcome"} for r in rows]


def test_clean_row_has_no_finding_but_its_outcome(tmp_path: Path) -> None:
    f, rows, summary = check_scdl(_write(tmp_path, [_row()]))
    assert f.header.findings == ()
    (r,) = rows
    assert [x.code for x in r.findings] == ["vote-outcome"]
    assert r.findings[0].values["outcome"] == "adopted"
    assert summary.rows_with_errors == 0


@pytest.mark.parametrize(
    ("over", "code", "column"),
    [
        ({"VOTE_REEL": "26"}, "vote-sum-mismatch", "VOTE_REEL"),
        (
            {"VOTE_POUR": "30", "VOTE_REEL": "31", "VOTE_ABSTENTION": "1"},
            "vote-reel-exceeds-effectif",
            "VOTE_EFFECTIF",
        ),
        ({"VOTE_REEL": "20"}, "vote-count-exceeds-reel", "VOTE_POUR"),
        ({"VOTE_CONTRE": ""}, "vote-columns-incomplete", "VOTE_CONTRE"),
        ({"COLL_SIRET": "21490176100013"}, "siret-invalid", "COLL_SIRET"),
        ({"COLL_SIRET": "2149017610001"}, "field-pattern-mismatch", "COLL_SIRET"),
        ({"DELIB_MATIERE_CODE": ""}, "field-required-missing", "DELIB_MATIERE_CODE"),
        ({"DELIB_DATE": "02/02/2026"}, "field-type-invalid", "DELIB_DATE"),
        ({"VOTE_POUR": "vingt"}, "field-type-invalid", "VOTE_POUR"),
        ({"BUDGET_ANNEE": "2026"}, "columns-not-cohesive", "BUDGET_NOM"),
        (
            {"BUDGET_ANNEE": "2026/2025", "BUDGET_NOM": "Principal"},
            "year-interval-invalid",
            "BUDGET_ANNEE",
        ),
        ({"PREF_DATE": "2026-01-01"}, "pref-date-before-delib-date", "PREF_DATE"),
        ({"DELIB_MATIERE_NOM": "Marchés / Autres"}, "matiere-nom-not-actes", "DELIB_MATIERE_NOM"),
        (
            {"VOTE_EFFECTIF": "70", "VOTE_REEL": "25"},
            "vote-effectif-exceeds-council-size",
            "VOTE_EFFECTIF",
        ),
        ({"VOTE_POUR": "12", "VOTE_CONTRE": "12"}, "vote-tie", "VOTE_POUR"),
    ],
)
def test_each_code_is_produced(
    tmp_path: Path, over: dict[str, str], code: str, column: str
) -> None:
    _f, rows, _s = check_scdl(_write(tmp_path, [_row(**over)]))
    hits = [x for x in rows[0].findings if x.code == code]
    assert hits, [x.code for x in rows[0].findings]
    assert hits[0].column == column and hits[0].row == 1
    assert code in CODES
    # and absent from the clean row
    assert code not in {x.code for x in check_scdl(_write(tmp_path, [_row()]))[1][0].findings}


def test_council_size_only_for_communes_and_not_plm(tmp_path: Path) -> None:
    rows = [
        _row(VOTE_EFFECTIF="123", VOTE_REEL="25", COLL_SIRET=EPCI_SIRET),  # métropole: fine
        _row(VOTE_EFFECTIF="163", VOTE_REEL="25", COLL_SIRET="21750001600019"),  # Paris
        _row(VOTE_EFFECTIF="69", VOTE_REEL="25"),  # the largest commune council
        _row(VOTE_EFFECTIF="70", VOTE_REEL="25"),
    ]
    got = ["vote-effectif-exceeds-council-size" in c for c in _codes(_write(tmp_path, rows))]
    assert got == [False, False, False, True]


def test_outcome_by_majority_of_suffrages_exprimes(tmp_path: Path) -> None:
    rows = [
        _row(VOTE_REEL="10", VOTE_POUR="4", VOTE_CONTRE="0", VOTE_ABSTENTION="6"),
        _row(VOTE_REEL="10", VOTE_POUR="4", VOTE_CONTRE="5", VOTE_ABSTENTION="1"),
        _row(VOTE_REEL="10", VOTE_POUR="5", VOTE_CONTRE="5", VOTE_ABSTENTION="0"),
    ]
    _f, got, summary = check_scdl(_write(tmp_path, rows))
    outcomes = [
        next(x.values["outcome"] for x in r.findings if x.code == "vote-outcome") for r in got
    ]
    assert outcomes == ["adopted", "rejected", "tie"]
    assert summary.outcomes == {"adopted": 1, "rejected": 1, "tie": 1}


def test_dialects_bom_semicolon_crlf_multiline(tmp_path: Path) -> None:
    rows = [_row(DELIB_OBJET="Objet sur\ndeux lignes, avec virgule"), _row(DELIB_ID="2026-002")]
    for sep in (",", ";"):
        for bom in (False, True):
            for crlf in (False, True):
                p = _write(tmp_path, rows, sep=sep, bom=bom, crlf=crlf)
                f, got, _s = check_scdl(p)
                assert f.header.separator == sep
                assert [r.delib_id for r in got] == ["2026-001", "2026-002"]
                assert got[1].line == 4  # the first record spans two lines
                assert all(not r.has_errors() for r in got)


def test_extra_and_missing_columns(tmp_path: Path) -> None:
    header = ["Numéro", *[c for c in HEADER if c not in ("PREF_ID", "DELIB_URL")]]
    f, rows, _s = check_scdl(_write(tmp_path, [_row()], header=header))
    codes = {(x.code, x.column) for x in f.header.findings}
    assert codes == {
        ("column-extra", "Numéro"),
        ("column-missing-optional", "PREF_ID"),
        ("column-missing-optional", "DELIB_URL"),
    }
    assert not rows[0].has_errors()
    header = [c for c in HEADER if c != "DELIB_OBJET"]
    f, _rows, _s = check_scdl(_write(tmp_path, [_row()], header=header))
    assert ("column-missing", "DELIB_OBJET") in {(x.code, x.column) for x in f.header.findings}


def test_other_encodings_and_garbage_are_input_errors(tmp_path: Path) -> None:
    p = _write(tmp_path, [_row(COLL_NOM="Commune de Saint-Étienne")], encoding="cp1252")
    with pytest.raises(InputError, match="not UTF-8") as e:
        check_scdl(p)
    assert str(p) in str(e.value)
    for data in (b"", b"\x00\x01\x02binary", b"a,b,c\n1,2,3\n"):
        q = tmp_path / "x.csv"
        q.write_bytes(data)
        with pytest.raises(InputError):
            check_scdl(q)
    with pytest.raises(InputError, match="no such file"):
        check_scdl(tmp_path / "missing.csv")


def test_duplicated_and_truncated_ids(tmp_path: Path) -> None:
    ids = ["2022.00130", "2022.00131", "2022.0013", "2022.00131", "2022.00140"]
    got = _codes(_write(tmp_path, [_row(DELIB_ID=i) for i in ids]))
    assert ["delib-id-duplicated" in c for c in got] == [False, True, False, True, False]
    assert ["delib-id-lost-trailing-zero" in c for c in got] == [False, False, True, False, False]


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        (COMMUNE_SIRET, True),
        (EPCI_SIRET, True),
        ("73282932000074", True),  # python-stdnum's own examples
        ("73282932000079", False),
        ("21490176100013", False),  # the SIRET's check digit fails
        ("21490176300018", False),  # the SIRET's Luhn holds, its SIREN's does not
        ("35600000049837", True),  # a La Poste establishment: digit sum a multiple of 5
        ("35600000000001", True),
        ("35600000000002", False),
        ("35600000000048", True),  # La Poste's head office: the ordinary Luhn rule
        ("3560000000004", False),
        ("2149017610001a", False),
    ],
)
def test_siret_verdicts_are_validatas(number: str, valid: bool) -> None:
    """The verdicts of Validata's rule (python-stdnum), on both kinds it disagreed on."""
    assert siret_valid(number) is valid


def test_schema_is_read_from_the_bundled_file() -> None:
    schema = load_schema()
    assert schema.version == "2.1.5" and schema.names == tuple(HEADER)
    by_name = {f.name: f for f in schema.fields}
    assert by_name["COLL_SIRET"].pattern is not None and by_name["DELIB_DATE"].type == "date"
    assert sum(1 for c in schema.checks if c["name"] == "compare-columns-value") == 5


# ----------------------------------------------------------------------------- the real file

MAP = {
    "sum-ne-VOTE_REEL": ("vote-sum-mismatch", None),
    "pour-gt-VOTE_REEL": ("vote-count-exceeds-reel", "VOTE_POUR"),
    "VOTE_REEL-gt-VOTE_EFFECTIF": ("vote-reel-exceeds-effectif", None),
    "vote-columns-incomplete": ("vote-columns-incomplete", None),
    "DELIB_ID-duplicated": ("delib-id-duplicated", None),
    "DELIB_ID-lost-trailing-zero": ("delib-id-lost-trailing-zero", None),
    "DELIB_MATIERE_CODE-empty": ("field-required-missing", "DELIB_MATIERE_CODE"),
}


def test_real_saint_etienne_rows_match_the_known_problems(shared: Path) -> None:
    folder = shared / "data" / "real-scdl"
    f, rows, summary = check_scdl(folder / "saint-etienne-metropole-2022_deliberations.csv")
    assert [(x.code, x.column) for x in f.header.findings] == [
        ("column-extra", "Nombre de délibération")
    ]
    with open(folder / "saint-etienne-metropole-2022.vote-checks.csv", encoding="utf-8") as fh:
        expected = list(csv.DictReader(fh))
    assert len(rows) == len(expected) == 80
    for e, r in zip(expected, rows, strict=True):
        assert str(r.row) == e["data_row"] and r.delib_id == e["DELIB_ID"]
        want = {MAP[x] for x in e["findings"].split(";") if x}
        got = {
            (code, col)
            for x in r.findings
            for code, col in MAP.values()
            if x.code == code and (col is None or x.column == col)
        }
        assert got == want, (e["data_row"], got ^ want)
        # a métropole of 123 is not a commune: no council-size warning
        assert "vote-effectif-exceeds-council-size" not in {x.code for x in r.findings}
    # the same 342 errors as Validata 0.12.5 on this file
    errors = sum(1 for r in rows for x in r.findings if x.severity.value == "error")
    assert errors == 342
    assert summary.rows_with_errors == 80


# ----------------------------------------------------------------------------- writing


def test_write_rows_from_facts_round_trip(tmp_path: Path) -> None:
    facts = {
        "commune": {"name": "Commune de Test", "insee": None, "population": None},
        "date": "2026-02-02",
        "members": ["A B"] * 3,
        "proxies": [{"from": "X", "to": "Y"}],
        "deliberations": [
            {
                "number": "2026-001",
                "title": "Tarifs",
                "stood_aside": ["C D"],
                "vote": {"pour": 20, "contre": 3, "abstentions": 2, "blancs_nuls": None},
                "declared": {"en_exercice": 28, "presents": 23, "votants": 25},
            },
            {"number": "2026-002", "title": "Autre", "vote": {"unanimous": True}, "declared": {}},
        ],
    }
    written = scdl_rows_from_facts(
        facts,
        coll_siret=COMMUNE_SIRET,
        matiere_code="1.4",
        matiere_nom="Commande publique/Autres types de contrats",
    )
    first, second = written
    assert (first.row["VOTE_EFFECTIF"], first.row["VOTE_REEL"]) == ("28", "25")
    assert {"deports-not-carried", "presents-not-carried"} <= set(first.note_codes)
    assert all(second.row[c] == "" for c in ("VOTE_REEL", "VOTE_POUR"))  # not guessed
    p = tmp_path / "w.csv"
    p.write_text(scdl_text([w.row for w in written]), encoding="utf-8")
    _f, rows, _s = check_scdl(p)
    assert [r.has_errors() for r in rows] == [False, False]  # "all five or none" holds
    assert "vote-columns-left-empty" in second.note_codes
    (empty,) = [n for n in second.notes if n.code == "vote-columns-left-empty"]
    assert empty.message_fr.endswith("VOTE_ABSTENTION inconnus")
    assert empty.message_en.startswith("vote columns left empty: VOTE_REEL, VOTE_POUR")


# ----------------------------------------------------------------------------- properties

counts = st.integers(min_value=0, max_value=40)


@settings(max_examples=40)
@given(pour=counts, contre=counts, abst=counts, spare=st.integers(0, 10))
def test_property_consistent_vote_row_has_no_vote_error(
    tmp_path_factory: pytest.TempPathFactory, pour: int, contre: int, abst: int, spare: int
) -> None:
    reel = pour + contre + abst
    eff = min(69, reel + spare) if reel <= 69 else reel
    row = _row(
        VOTE_EFFECTIF=str(eff),
        VOTE_REEL=str(reel),
        VOTE_POUR=str(pour),
        VOTE_CONTRE=str(contre),
        VOTE_ABSTENTION=str(abst),
        COLL_SIRET=EPCI_SIRET,
    )
    p = _write(tmp_path_factory.mktemp("p"), [row])
    (codes,) = _codes(p)
    assert not codes & {
        "vote-sum-mismatch",
        "vote-count-exceeds-reel",
        "vote-reel-exceeds-effectif",
        "vote-columns-incomplete",
    }


@settings(max_examples=40)
@given(
    pour=counts,
    contre=counts,
    abst=counts,
    delta=st.sampled_from([-1, 1]),
    column=st.sampled_from(["VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "VOTE_REEL"]),
)
def test_property_mutated_count_is_caught(
    tmp_path_factory: pytest.TempPathFactory,
    pour: int,
    contre: int,
    abst: int,
    delta: int,
    column: str,
) -> None:
    values = {"VOTE_POUR": pour, "VOTE_CONTRE": contre, "VOTE_ABSTENTION": abst}
    values["VOTE_REEL"] = pour + contre + abst
    if values[column] + delta < 0:
        delta = 1
    values[column] += delta
    row = _row(VOTE_EFFECTIF="200", COLL_SIRET=EPCI_SIRET, **{k: str(v) for k, v in values.items()})
    (codes,) = _codes(_write(tmp_path_factory.mktemp("m"), [row]))
    assert "vote-sum-mismatch" in codes


@settings(max_examples=30)
@given(st.binary(max_size=2000))
def test_property_any_bytes_end_in_rows_or_input_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    p = tmp_path_factory.mktemp("b") / "x.csv"
    p.write_bytes(",".join(HEADER).encode() + b"\n" + data)
    try:
        check_scdl(p)
    except InputError as e:
        assert str(p) in str(e)


def test_huge_field_and_unclosed_quote_are_input_errors(tmp_path: Path) -> None:
    p = tmp_path / "huge.csv"
    p.write_text(",".join(HEADER) + '\nA,"' + "x" * (2 * 1024 * 1024) + '"\n', encoding="utf-8")
    with pytest.raises(InputError, match="unreadable CSV"):
        check_scdl(p)
    p.write_text(",".join(HEADER) + '\nA,"' + "((((" * 10_000 + "\n", encoding="utf-8")
    try:
        _f, rows, _s = check_scdl(p)  # an unclosed quote runs to the end: one odd row
        assert rows and rows[0].has_errors()
    except InputError as e:
        assert str(p) in str(e)


def test_cells_remembered_as_passing_never_hide_a_failing_one(tmp_path: Path) -> None:
    """The checker remembers cells that passed (per column); a bad cell is checked every time."""
    bad_siret = COMMUNE_SIRET[:-1] + str((int(COMMUNE_SIRET[-1]) + 1) % 10)
    rows = [
        _row(DELIB_ID="a"),
        _row(DELIB_ID="b", COLL_SIRET=bad_siret, DELIB_DATE="2026-02-30"),
        _row(DELIB_ID="c"),
        _row(DELIB_ID="d", COLL_SIRET=bad_siret, DELIB_DATE="2026-02-30", BUDGET_ANNEE="2026"),
        _row(DELIB_ID="e", DELIB_MATIERE_NOM="Commande publique / x", BUDGET_ANNEE="2027/2026"),
        _row(DELIB_ID="f", DELIB_MATIERE_NOM="Commande publique/x"),
    ]
    got = _codes(_write(tmp_path, rows))
    assert got[0] == got[2] == got[5] == set()
    assert got[1] == {"siret-invalid", "field-type-invalid"}
    assert got[3] == {"siret-invalid", "field-type-invalid", "columns-not-cohesive"}
    assert got[4] == {"matiere-nom-not-actes", "year-interval-invalid", "columns-not-cohesive"}


@pytest.mark.parametrize("run", [1 << 16, 64, 7])
def test_duplicated_ids_among_many_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: int
) -> None:
    """Exactly the rows sharing an ID are flagged, in memory or through sorted runs on disk."""
    monkeypatch.setattr(id_checks, "RUN", run)
    monkeypatch.setattr(id_checks, "READ", 5)
    ids = [f"2026-{i:05d}" for i in range(3000)]
    ids[2999] = ids[17]
    ids[1500] = ids[1499] = "X"
    got = _codes(_write(tmp_path, [_row(DELIB_ID=i) for i in ids]))
    flagged = [i for i, c in enumerate(got) if "delib-id-duplicated" in c]
    assert flagged == [17, 1499, 1500, 2999]


def test_schema_comparisons_and_sums_of_other_columns_in_schema_order(tmp_path: Path) -> None:
    """A Table Schema's own comparisons and sums (not only the vote rules), findings in order."""
    schema = load_schema(
        {
            "fields": [
                {"name": "A", "type": "integer"},
                {"name": "B", "type": "integer"},
                {"name": "C", "type": "integer"},
                {"name": "D", "type": "date"},
                {"name": "E", "type": "date"},
            ],
            "custom_checks": [
                {
                    "name": "compare-columns-value",
                    "params": {"column": "A", "op": ">", "column2": "B"},
                },
                {"name": "sum-columns-value", "params": {"column": "A", "columns": ["B", "C"]}},
                {
                    "name": "compare-columns-value",
                    "params": {"column": "E", "op": "<=", "column2": "D"},
                },
                {
                    "name": "compare-columns-value",
                    "params": {"column": "A", "op": "==", "column2": "D"},
                },
            ],
        }
    )
    p = tmp_path / "s.csv"
    p.write_text(
        "A,B,C,D,E\n5,5,1,2026-01-01,2026-01-02\n6,5,1,2026-01-02,2026-01-01\n,1,1,,\n",
        encoding="utf-8",
    )
    reports = list(open_scdl(p, schema).rows())
    first = [(f.code, f.column) for f in reports[0].findings]
    assert first == [
        ("columns-compare-failed", "A"),
        ("columns-sum-mismatch", "A"),
        ("columns-compare-failed", "E"),
    ]
    assert [f.code for f in reports[1].findings] == []
    assert [f.code for f in reports[2].findings] == []


def test_duplicated_ids_with_the_portable_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Builds whose hash() is 32 bits wide use 8 bytes of BLAKE2b: same answers."""
    monkeypatch.setattr(id_checks, "id_hash", id_checks._blake_hash)
    monkeypatch.setattr(id_checks, "RUN", 2)
    ids = ["2022.00130", "2022.00131", "2022.0013", "2022.00131", "2022.00140"]
    got = _codes(_write(tmp_path, [_row(DELIB_ID=i) for i in ids]))
    assert ["delib-id-duplicated" in c for c in got] == [False, True, False, True, False]


@pytest.mark.parametrize(
    ("name", "level1"),
    [
        ("Commande publique/Marchés publics", 1),
        ("COMMANDE PUBLIQUE/x", 1),
        (unicodedata.normalize("NFD", "Libertés publiques et pouvoirs de police/x"), 6),
        ("Domaines de compétences par thèmes/Culture", 8),
        ("Finances locales /Subventions", None),  # no space before the slash
        ("Finances locales", None),
        ("Marchés/Autres", None),
    ],
)
def test_actes_level1_names_fold_case_and_accents_whatever_the_normal_form(
    name: str, level1: int | None
) -> None:
    assert actes_level1(name) == level1


@given(
    body=st.text(alphabet="0123456789", min_size=12, max_size=12),
    position=st.integers(0, 13),
    shift=st.integers(1, 9),
)
def test_property_one_wrong_digit_makes_a_siret_invalid(
    body: str, position: int, shift: int
) -> None:
    """The check digits (Luhn) catch every single wrong digit, outside La Poste's rule."""
    from stdnum import luhn

    siren = body[:8] + luhn.calc_check_digit(body[:8])
    siret = siren + body[8:12] + luhn.calc_check_digit(siren + body[8:12])
    if siret.startswith("356000000"):
        return
    assert siret_valid(siret)
    wrong = siret[:position] + str((int(siret[position]) + shift) % 10) + siret[position + 1 :]
    if not wrong.startswith("356000000"):
        assert not siret_valid(wrong)
