"""What a decision gives an integrator (issue 14, item 3): the answer is the question's
enum (still equal to its string, as the JSON has it), and data dates read as dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import groupement_rules as g


def test_the_answer_is_the_enum() -> None:
    conv = g.default_convention()
    d = g.withdrawal(conv, sent_on=dt.date(2028, 6, 1))
    assert d.answer is g.WithdrawalAnswer.ALLOWED and d.answer == "allowed"
    assert g.status_on(conv, dt.date(2029, 1, 1)).answer in set(g.Status)
    examples = Path(__file__).resolve().parents[2] / "examples"
    seance = g.load_seance(str(examples / "seance.json"))
    assert isinstance(g.check_seance(seance, g.default_cgct()).answer, g.SeanceAnswer)
    act, _ = g.act_from_dict({"adopted_on": "2026-02-03"}, "act")
    ex = g.executory(g.default_deadlines(), act, g.calendar_for_insee(None))
    assert isinstance(ex.answer, g.ExecutoryAnswer)
    # the JSON still carries the plain string
    assert json.loads(json.dumps(d.to_dict()))["answer"] == "allowed"


def test_data_dates_read_as_dates() -> None:
    d = g.withdrawal(g.default_convention(), sent_on=dt.date(2028, 6, 1))
    assert d.data_date("effective_on") == dt.date(2028, 7, 19)
    assert d.data_date("window", "first_day") == dt.date(2028, 5, 19)
    assert d.data_date("windows", 0, "last_day") == dt.date(2028, 7, 18)
    late = g.withdrawal(g.default_convention(), sent_on=dt.date(2028, 7, 19))
    assert late.data_date("effective_on") is None  # null in the data: no effect
    with pytest.raises(KeyError):
        d.data_date("no-such-key")
    with pytest.raises(ValueError):
        d.data_date("reading")  # 'sent' is not a date
