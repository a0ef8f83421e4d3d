"""The coordinator's batch: every adherent of a convention from one CSV row each."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from groupement_rules import check_adherent, check_adherents, default_convention
from groupement_rules.cli import main
from groupement_rules.commands.convention import safe_cell
from groupement_rules.convention.batch import COLUMNS
from groupement_rules.readers.adherent import CSV_COLUMNS, adherent_from_dict, adherents_from_csv

D = dt.date
P = default_convention()
HEADER = (
    "name;kind;insee;need;authorisation_date;authorisation_transmitted_on;signed_on;sent_on;"
    "annexes;orders;withdrawal_sent_on\n"
)
GOOD = (
    "Commune A;commune;49007;120;2026-01-05;2026-01-07;2026-01-10;2026-01-12;1,2;2026-09-01=120*;\n"
)
LATE = "Commune B;commune;49176;10;2026-02-02;2026-02-04;2026-02-03;2026-02-05;1,2;;2028-06-01\n"
BAD_DATE = "Commune C;commune;49007;5;2026-13-01;;;;;;\n"
FORMULA = '=HYPERLINK("x");commune;44109;5;2026-01-05;2026-01-07;2026-01-06;2026-01-08;1,2;;\n'


def rows_of(text: str) -> list[tuple[int, object]]:
    return list(adherents_from_csv(text, "adherents.csv"))


def test_a_csv_row_reads_as_the_adherent_file_would() -> None:
    ((line, a),) = rows_of(HEADER + GOOD)
    assert line == 2
    same = adherent_from_dict(
        {
            "name": "Commune A",
            "kind": "commune",
            "insee": "49007",
            "need": 120,
            "authorisation": {"date": "2026-01-05", "transmitted_on": "2026-01-07"},
            "signed_on": "2026-01-10",
            "sent_on": "2026-01-12",
            "annexes": [1, 2],
            "orders": [{"date": "2026-09-01", "accounts": 120, "purchase_order": True}],
        }
    )
    assert a == same


def test_each_row_is_checked_and_dated() -> None:
    rows, summary = check_adherents(P, rows_of(HEADER + GOOD + LATE + BAD_DATE), D(2027, 1, 1))
    good, late, bad = rows
    assert good.answer == check_adherent(P, rows_of(HEADER + GOOD)[0][1], D(2027, 1, 1)).answer
    assert good.answer == "valid" and good.codes == ()
    assert good.last_day_to_withdraw == D(2028, 7, 18) and good.engaged_until == D(2030, 7, 19)
    assert late.answer == "invalid" and "adhesion-after-deadline" in late.codes
    assert late.withdrawal_effective_on == D(2028, 7, 19) and late.engaged_until == D(2028, 7, 19)
    assert late.last_day_to_withdraw is None  # already withdrawing
    assert (bad.answer, bad.line) == ("unreadable", 4)
    assert bad.error and "adherents.csv:4" in bad.error and "authorisation" in bad.error
    assert summary.adherents == 3 and sum(summary.answers.values()) == 3
    assert summary.answers == {"valid": 1, "invalid": 1, "unreadable": 1}
    assert summary.codes["adhesion-after-deadline"] == 1


def test_unknown_columns_are_refused_with_the_known_ones() -> None:
    with pytest.raises(Exception, match="unknown columns"):
        rows_of("name;kind;colour\nA;commune;blue\n")
    assert "withdrawal_sent_on" in CSV_COLUMNS


@pytest.mark.parametrize("cell", ["=1+1", "+33", "-2", "@SUM(A1)", "\tx"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert safe_cell(cell) == "'" + cell
    assert safe_cell("Commune = A") == "Commune = A" and safe_cell(None) == ""


def test_the_command_writes_csv_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "adherents.csv"
    f.write_text(HEADER + GOOD + FORMULA + LATE, encoding="utf-8")
    assert main(["check-adherents", str(f), "--on", "2027-01-01"]) == 1  # one invalid
    out, err = capsys.readouterr()
    table = list(csv.reader(io.StringIO(out)))
    assert tuple(table[0]) == COLUMNS and len(table) == 4
    assert table[2][1].startswith("'=HYPERLINK")
    assert "3 adherents on 2027-01-01" in err
    assert main(["check-adherents", str(f), "--on", "2027-01-01", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "groupement-rules/adherents/1"
    assert doc["summary"]["adherents"] == 3 and len(doc["rows"]) == 3
    assert doc["rows"][0]["last_day_to_withdraw"] == "2028-07-18"


def test_a_batch_of_1530_rows_is_one_row_each(tmp_path: Path) -> None:
    body = "".join(GOOD.replace("Commune A", f"École {i}") for i in range(1530))
    rows, summary = check_adherents(P, rows_of(HEADER + body), D(2027, 1, 1))
    assert len(rows) == 1530 and summary.answers == {"valid": 1530}
    assert [r.line for r in rows] == list(range(2, 1532))


def test_report_takes_the_users_own_adherent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"name": "Ma commune", "kind": "commune"}), encoding="utf-8")
    assert main(["report", "--adherent", str(f), "--on", "2027-01-01", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    adherent = next(d for d in doc["decisions"] if d["question"] == "adherent")
    assert adherent["adherent"]["name"] == "Ma commune"
    assert "authorisation-missing" in [x["code"] for x in adherent["findings"]]


def test_report_takes_the_users_own_act_and_seance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from importlib import resources

    data = resources.files("groupement_rules") / "data"
    act = json.loads((data / "seed-act.json").read_text(encoding="utf-8"))
    act["insee"] = "67482"  # Strasbourg: Alsace-Moselle holidays
    f = tmp_path / "act.json"
    f.write_text(json.dumps(act), encoding="utf-8")
    assert main(["report", "--on", "2027-01-01", "--json"]) == 0
    seeded = json.loads(capsys.readouterr().out)["decisions"]
    assert main(["report", "--act", str(f), "--on", "2027-01-01", "--json"]) == 0
    own = json.loads(capsys.readouterr().out)["decisions"]
    assert [d["question"] for d in own] == [d["question"] for d in seeded]
    assert own[-1]["inputs"] != seeded[-1]["inputs"]  # the user's act, not the seed's
    assert own[:-1] == seeded[:-1]  # the séance stays the seed's


def test_an_xlsx_workbook_reads_as_the_csv_does(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from groupement_rules.readers.adherent import load_adherents

    book = openpyxl.Workbook()
    sheet = book.active
    for line in (HEADER + GOOD + LATE).splitlines():
        cells: list[object] = [c or None for c in line.split(";")]
        if cells[0] != "name":  # typed cells, as a spreadsheet holds them
            cells[3] = int(str(cells[3]))
            cells[4] = dt.datetime.fromisoformat(str(cells[4]))
        sheet.append(cells)
    f = tmp_path / "adherents.xlsx"
    book.save(f)
    from_xlsx = check_adherents(P, load_adherents(f), D(2027, 1, 1))
    from_csv = check_adherents(P, rows_of(HEADER + GOOD + LATE), D(2027, 1, 1))
    assert [attrs_row(r) for r in from_xlsx[0]] == [attrs_row(r) for r in from_csv[0]]
    assert from_xlsx[1] == from_csv[1]
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(Exception, match="not a readable .xlsx"):
        list(load_adherents(bad))


def attrs_row(r: object) -> dict[str, object]:
    d = dict(r.to_dict())  # type: ignore[attr-defined]
    d.pop("line")
    return d
