"""The recours, executory, timeline --ics and report commands."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest

from groupement_rules.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("date", "last"),
    [("2021-01-03", "2021-03-04"), ("2024-11-12", "2025-01-13"), ("2007-10-01", "2007-12-03")],
)
def test_recours_worked_examples(capsys: pytest.CaptureFixture[str], date: str, last: str) -> None:
    code, out, _ = run(capsys, "recours", date, "--json")
    assert code == 0
    assert json.loads(out)["last_day"] == last


def test_recours_text_and_month_end(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "recours", "2024-12-30", "--lang", "en")
    assert code == 0
    assert "last admissible day: 3 March 2025" in out
    assert "recours-month-end-order" in out


def test_recours_insee_and_gracieux(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "recours", "2024-10-25", "--insee", "67482", "--json")
    assert json.loads(out)["last_day"] == "2024-12-27"
    _, out, _ = run(
        capsys,
        "recours",
        "2026-03-10",
        "--gracieux",
        "2026-04-20",
        "--rejected",
        "2026-05-05",
        "--json",
    )
    doc = json.loads(out)
    assert doc["last_day"] == "2026-07-06"
    assert doc["interrupted"] is True


def test_recours_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["recours", "2026-02-30"])
    assert e.value.code == 2
    assert "not a valid date" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["recours", "2026-03-10", "--rejected", "2026-04-01"],
        ["recours", "2026-03-10", "--gracieux", "2026-04-02", "--rejected", "2026-04-01"],
        ["recours", "2026-03-10", "--insee", "9"],
        ["recours", "2026-03-10", "--insee", "97501"],
    ],
)
def test_recours_bad_input_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith("groupement-rules: error:")
    assert out == ""


def test_recours_ics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "recours.ics"
    code, _, _ = run(capsys, "recours", "2007-10-01", "--ics", str(target))
    assert code == 0
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    (ev,) = cal.walk("VEVENT")
    assert ev.decoded("dtstart") == dt.date(2007, 12, 3)


def test_timeline_ics(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "eprimo.ics"
    code, out, _ = run(capsys, "timeline", "--ics", str(target))
    assert code == 0 and out
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    assert len(cal.walk("VEVENT")) == 5
    assert len(cal.walk("VALARM")) == 2


def test_ics_unwritable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "timeline", "--ics", str(tmp_path / "no" / "x.ics"))
    assert code == 2 and "cannot write" in err


def test_report_shows_seed_not_executory(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "report", "--on", "2026-11-29", "--json")
    doc = json.loads(out)
    (ex,) = [d for d in doc["decisions"] if d["question"] == "executory"]
    assert ex["answer"] == "not-executory"
    assert ex["recours_last_day"] is None
    codes = [f["code"] for f in ex["findings"]]
    assert "act-not-published" in codes and "recours-not-running" in codes
    _, text, _ = run(capsys, "report", "--on", "2026-11-29")
    assert "non exécutoire" in text


def test_executory_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "act.json"
    f.write_text(
        json.dumps(
            {
                "adopted_on": "2026-02-02",
                "published_on": "2026-02-05",
                "transmitted_on": "2026-02-09",
                "insee": "49176",
            }
        )
    )
    code, out, _ = run(capsys, "executory", str(f), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["executory_since"] == "2026-02-09"
    f.write_text(json.dumps({"adopted_on": "2026-02-02", "colour": "red"}))
    code, _, err = run(capsys, "executory", str(f))
    assert code == 2 and "colour" in err
