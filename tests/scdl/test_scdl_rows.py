"""One row as a typed fact and as a check of its own (the UDF of docs/scdl.md)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.errors import InputError
from groupement_rules.scdl import RowChecker, ScdlRow, check_row, check_scdl, row_codes
from groupement_rules.scdl.schema import schema_path

REAL = "data/real-scdl/saint-etienne-metropole-2022_deliberations.csv"
#: The checks that need the other rows of a file: not a row's own.
FILE_LEVEL = {"delib-id-duplicated", "delib-id-lost-trailing-zero"}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "scdl.md"


def test_the_row_fact_has_the_columns_of_the_bundled_schema_in_order() -> None:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert ScdlRow.columns() == tuple(f["name"] for f in schema["fields"])
    assert all(a.type == "str" for a in attrs.fields(ScdlRow))


def test_a_row_takes_what_a_data_frame_gives() -> None:
    row = ScdlRow.from_mapping(
        {
            "COLL_SIRET": 24420077000117,
            "DELIB_DATE": dt.date(2026, 2, 2),
            "VOTE_POUR": 24.0,
            "VOTE_CONTRE": None,
            "VOTE_ABSTENTION": float("nan"),
            "DELIB_OBJET": "  Tarifs ",
            "Numéro": 3,  # a column the schema does not define: ignored
        }
    )
    assert (row.COLL_SIRET, row.DELIB_DATE, row.VOTE_POUR) == ("24420077000117", "2026-02-02", "24")
    assert (row.VOTE_CONTRE, row.VOTE_ABSTENTION, row.DELIB_OBJET) == ("", "", "Tarifs")
    with pytest.raises(InputError, match="boolean"):
        ScdlRow.from_mapping({"VOTE_POUR": True})
    with pytest.raises(InputError, match="mapping"):
        check_row(["a", "b"])  # type: ignore[arg-type]


def test_each_row_alone_gets_the_findings_of_the_file_checker(shared: Path) -> None:
    """On the real file, every row's own findings are those of the file checker, row by
    row and word for word, less the two checks that need the other rows."""
    path = shared / REAL
    _f, reports, _s = check_scdl(path)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(reports) == 80
    for row, report in zip(rows, reports, strict=True):
        alone = [(x.code, x.column, x.message_fr) for x in check_row(row)]
        in_file = [
            (x.code, x.column, x.message_fr) for x in report.findings if x.code not in FILE_LEVEL
        ]
        assert alone == in_file


counts = st.integers(min_value=0, max_value=60)


@given(pour=counts, contre=counts, abst=counts)
def test_typed_and_text_cells_give_the_same_codes(pour: int, contre: int, abst: int) -> None:
    base = {
        "COLL_NOM": "Test",
        "COLL_SIRET": "24420077000117",
        "DELIB_ID": "1",
        "DELIB_DATE": "2026-02-02",
        "DELIB_MATIERE_CODE": "1.4",
        "DELIB_MATIERE_NOM": "Commande publique/Autres",
        "DELIB_OBJET": "Objet",
        "VOTE_EFFECTIF": "150",
        "VOTE_REEL": str(pour + contre + abst),
    }
    text = base | {"VOTE_POUR": str(pour), "VOTE_CONTRE": str(contre), "VOTE_ABSTENTION": str(abst)}
    typed = base | {
        "VOTE_POUR": pour,
        "VOTE_CONTRE": float(contre),
        "VOTE_ABSTENTION": abst,
        "DELIB_DATE": dt.date(2026, 2, 2),
    }
    assert row_codes(text, "info") == row_codes(typed, "info")
    assert "vote-sum-mismatch" not in row_codes(typed)
    assert "vote-sum-mismatch" in row_codes(typed | {"VOTE_ABSTENTION": abst + 1}, "error")


def test_another_schema_row_checker() -> None:
    checker = RowChecker()
    assert [x.code for x in checker({"VOTE_POUR": "3"})][:1] == ["field-required-missing"]
    assert check_row(ScdlRow(COLL_NOM="x"))[0].row == 1


def _docs_example(engine: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    (example,) = [b for b in blocks if f"import {engine}" in b]
    return example


def test_the_documented_polars_example_runs(
    shared: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("polars")
    shutil.copy(shared / REAL, tmp_path / "deliberations.csv")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(_docs_example("polars"), scope)  # the example as the docs print it
    codes = scope["checked"]["codes"].to_list()  # type: ignore[index]
    assert len(codes) == 80 and sum("vote-sum-mismatch" in c for c in codes) == 79
    assert "2022.00028" in capsys.readouterr().out


def test_the_documented_duckdb_example_runs(
    shared: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("numpy")
    duckdb = pytest.importorskip("duckdb")
    shutil.copy(shared / REAL, tmp_path / "deliberations.csv")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(_docs_example("duckdb"), scope)
    con = scope["con"]
    assert isinstance(con, duckdb.DuckDBPyConnection)
    got = con.sql("SELECT scdl_codes(deliberations) FROM deliberations").fetchall()
    assert sum("vote-sum-mismatch" in c for (c,) in got) == 79 and len(got) == 80
    assert "field-required-missing" in capsys.readouterr().out
