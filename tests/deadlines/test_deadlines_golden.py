"""Whole recours and executory decisions compared with reviewed snapshots
(tests/deadlines/golden/*.json). Regenerate with ``UPDATE_GOLDEN=1 python -m pytest
tests/deadlines/test_deadlines_golden.py`` and review the diff before committing it."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from groupement_rules.commands.deadlines import seed_act_decision
from groupement_rules.deadlines import Act, default_deadlines, executory, recours
from groupement_rules.decision import Decision
from groupement_rules.holidays_fr import HolidayCalendar, Zone
from groupement_rules.render import render_text

GOLDEN = Path(__file__).parent / "golden"
D = dt.date.fromisoformat
P = default_deadlines()
CAL = HolidayCalendar()

CASES: dict[str, Callable[[], Decision]] = {
    "seed-act": seed_act_decision,
    "recours-express-after-implicit": lambda: recours(
        P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"), rejected_on=D("2026-07-01")
    ),
    "recours-month-end": lambda: recours(P, D("2024-12-30"), CAL),
    "recours-good-friday": lambda: recours(P, D("2026-02-02"), HolidayCalendar(Zone.BAS_RHIN)),
    "executory-published": lambda: executory(
        P, Act(D("2026-02-02"), published_on=D("2026-02-05"), transmitted_on=D("2026-02-06")), CAL
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_decision_matches_its_reviewed_snapshot(name: str) -> None:
    d = CASES[name]()
    got = {
        "fr": d.to_dict("fr"),
        "en": d.to_dict("en"),
        "text_fr": render_text(d, "fr").splitlines(),
        "text_en": render_text(d, "en").splitlines(),
    }
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(got)) == want
