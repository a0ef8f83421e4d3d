"""Across the parts: the seed read from its text gives the same answers as the
séance facts written by hand (issue 4 item 4), through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from groupement_rules.cli import main

SEED_JSON = Path(__file__).parent.parent / "src/groupement_rules/data/seed-seance.json"


def check(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, dict[str, object]]:
    code = main(["check-seance", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_seed_text_and_seed_json_give_the_same_findings(
    capsys: pytest.CaptureFixture[str], shared: Path
) -> None:
    code_t, text = check(capsys, shared / "seeds" / "000_181dd860fa64ed08.txt")
    code_j, facts = check(capsys, SEED_JSON)
    assert code_t == code_j == 0
    pairs = [(f["code"], f["severity"], f["deliberation"]) for f in text["findings"]]  # type: ignore[index]
    assert pairs == [(f["code"], f["severity"], f["deliberation"]) for f in facts["findings"]]  # type: ignore[index]
    assert [c for c, s, _ in pairs if s == "warning"] == ["votes-unaccounted"]
    keys = ("presents", "represented", "votants", "exprimes", "quorum", "quorum_reached", "adopted")
    (dt,) = text["deliberations"]  # type: ignore[misc]
    (dj,) = facts["deliberations"]  # type: ignore[misc]
    assert {k: dt["computed"][k] for k in keys} == {k: dj["computed"][k] for k in keys}
    assert dt["computed"]["votants"] == 25 and dt["computed"]["quorum"] == 15


def test_saved_read_output_can_be_checked(
    capsys: pytest.CaptureFixture[str], shared: Path, tmp_path: Path
) -> None:
    assert main(["read", str(shared / "seeds" / "000_181dd860fa64ed08.txt"), "--json"]) == 0
    saved = tmp_path / "seed-read.json"
    saved.write_text(capsys.readouterr().out, encoding="utf-8")
    code, d = check(capsys, saved)
    assert code == 0
    assert "votes-unaccounted" in [f["code"] for f in d["findings"]]  # type: ignore[index]


def test_every_question_answers_with_an_enum_member() -> None:
    """Decision.answer is an enum member for every question, windows, timeline and the
    convocation délai included (docs/decision-format.md), equal to its JSON string."""
    import datetime as dt
    import enum

    import groupement_rules as g

    policy = g.default_convention()
    decisions = [
        g.withdrawal(policy, sent_on=dt.date(2028, 6, 1)),
        g.withdrawal_windows(policy),
        g.timeline(policy),
        g.latest_sending_day(g.default_cgct(), dt.date(2026, 6, 8), population=2500),
    ]
    expected = [g.WithdrawalAnswer, g.WindowsAnswer, g.TimelineAnswer, g.ConvocationAnswer]
    for d, kind in zip(decisions, expected, strict=True):
        assert isinstance(d.answer, enum.Enum) and isinstance(d.answer, kind), d.question
        assert d.to_dict("fr")["answer"] == d.answer.value
