"""The CLI of Part A: the JSON contract, the text, exit statuses, errors for people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from groupement_rules.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse usage errors
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_withdraw_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "withdraw", "2028-06-01", "--json")
    d = json.loads(out)
    assert code == 0
    assert d["format"] == "groupement-rules/decision/1"
    assert d["answer"] == "allowed"
    assert d["effective_on"] == "2028-07-19"
    assert d["window"]["first_day"] == "2028-05-19"
    assert d["window"]["last_day"] == "2028-07-18"
    assert d["engaged_until"] == "2028-07-19"
    assert d["findings"] == []


def test_withdraw_too_late_json_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "withdraw", "2028-07-19", "--json", "--lang", "en")
    d = json.loads(out)
    assert code == 0 and d["answer"] == "too-late"
    (f,) = d["findings"]
    assert f["code"] == "withdrawal-too-late" and f["severity"] == "error"
    assert f["citation"]["article"] == "art. 3"
    assert f["message"].startswith("A letter dated 19 July 2028")
    assert d["engaged_until"] == "2030-07-19"


def test_withdraw_received(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "withdraw", "2028-07-18", "--received", "--json")
    d = json.loads(out)
    assert d["answer"] == "allowed" and d["reading"] == "received"
    assert d["interpretations"][0]["value"] == "received"


def test_status_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "status", "2027-03-01", "--json")
    d = json.loads(out)
    assert d["status"] == "first-period"
    assert (d["period"]["first_day"], d["period"]["last_day"]) == ("2026-07-19", "2028-07-18")


def test_timeline_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline")
    assert code == 0
    for day in ("19 juillet 2026", "19 juillet 2028", "19 juillet 2030", "19 mai 2028"):
        assert day in out
    assert "art. 3" in out and "art. 8" in out


def test_report_main_job(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", "--on", "2026-11-29", "--lang", "en")
    for day in ("19 July 2026", "19 July 2028", "19 July 2030", "19 May 2028", "18 July 2028"):
        assert day in out
    assert "adhesion-after-deadline" in out
    assert code == 0  # answered: a report is not a check-*, its findings are in the output


def test_report_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "report", "--on", "2026-11-29", "--json")
    r = json.loads(out)
    adherent = next(d for d in r["decisions"] if d["question"] == "adherent")
    assert "adhesion-after-deadline" in [f["code"] for f in adherent["findings"]]


def test_check_adherent(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "a.toml"
    good.write_text(
        'name = "Commune"\nkind = "commune"\ninsee = "44109"\nneed = 10\n'
        "signed_on = 2026-01-10\nsent_on = 2026-01-12\nannexes = [1, 2]\n"
        "[authorisation]\ndate = 2026-01-05\ntransmitted_on = 2026-01-06\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check-adherent", str(good), "--on", "2026-11-29", "--json")
    assert code == 0, out
    assert json.loads(out)["answer"] == "valid"
    late = tmp_path / "late.json"
    late.write_text(
        json.dumps(
            {
                "name": "C",
                "kind": "commune",
                "insee": "44109",
                "authorisation": {"date": "2026-01-05"},
                "sent_on": "2026-02-01",
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check-adherent", str(late), "--on", "2026-11-29")
    assert code == 1
    assert "adhesion-after-deadline" in out


def test_other_policy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import datetime as dt

    from policy_factory import convention_text

    f = tmp_path / "other.toml"
    f.write_text(
        convention_text(dt.date(2027, 1, 31), initial=12, renewal=12, renewals=3), encoding="utf-8"
    )
    _, out, _ = run(capsys, "windows", "--policy", str(f), "--json")
    windows = json.loads(out)["windows"]
    assert [w["effective_on"] for w in windows] == ["2028-01-31", "2029-01-31", "2030-01-31"]
    assert windows[0]["first_day"] == "2027-11-30"  # 31 January − 2 months: CPC 641


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["withdraw", "2026-02-30"], "not a valid date"),
        (["withdraw"], "required"),
        (["nope"], "invalid choice"),
        (["check-adherent", "/nonexistent.json"], "no such file"),
        (["withdraw", "2028-06-01", "--policy", "/nonexistent.toml"], "no such file"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty file"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b'{"name": "X", "kind": "commune", "sent_on": "2026-02-30"}', "sent_on"),
        (b'{"name": "X", "kind": "commune", "need": -3, "bogus": 1}', "bogus"),
        (b"[1, 2]", "object"),
        (b"{" * 100000, "JSON"),
    ],
)
def test_bad_adherent_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, needle: str
) -> None:
    f = tmp_path / "a.json"
    f.write_bytes(content)
    code, _, err = run(capsys, "check-adherent", str(f))
    assert code == 2
    assert needle in err and len(err.strip().splitlines()) == 1


def test_directory_is_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check-adherent", str(tmp_path))
    assert code == 2 and "directory" in err
