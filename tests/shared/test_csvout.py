"""CSV we write: formula cells neutralised, files replaced whole or not at all."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.csvout import (
    FORMULA_STARTS,
    atomic_write,
    neutralise,
    neutralise_row,
    write_rows,
)


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "+33 1"],
)
def test_formula_cells_get_an_apostrophe(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Tarifs 2026", "-3", "+12", "-12.5", "0,5", "2026-001", "'="])
def test_plain_text_and_signed_numbers_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell


@given(st.text(max_size=30))
def test_no_neutralised_cell_starts_a_formula(cell: str) -> None:
    out = neutralise(cell)
    assert out == cell or out == "'" + cell
    if out and out[0] in FORMULA_STARTS:
        assert out.lstrip("+-").replace(".", "").replace(",", "").isdigit()


def test_rows_are_written_neutralised_with_missing_cells_empty() -> None:
    buf = io.StringIO()
    n = write_rows(buf, ["A", "B"], [{"A": "=1+1", "B": None}, {"A": 3}])
    assert n == 2
    assert list(csv.reader(io.StringIO(buf.getvalue()))) == [["A", "B"], ["'=1+1", ""], ["3", ""]]
    assert neutralise_row({"X": "@x"}, ["X", "Y"]) == {"X": "'@x", "Y": ""}


def test_atomic_write_replaces_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write("half")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary left
    with atomic_write(target) as fh:
        fh.write("new\r\n")
    assert target.read_bytes() == b"new\r\n"
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.csv"
    with atomic_write(fresh) as fh:
        fh.write("x")
    assert fresh.read_text(encoding="utf-8") == "x"
