"""Whole recours and executory decisions compared with reviewed snapshots
(tests/deadlines/golden/*.json). Regenerate with ``UPDATE_GOLDEN=1 python -m pytest
tests/deadlines/test_deadlines_golden.py`` and review the diff before committing it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from golden_snapshot import assert_matches_snapshot
from groupement_rules.commands.deadlines import seed_act_decision
from groupement_rules.deadlines import Act, default_deadlines, executory, recours
from groupement_rules.decision import Decision
from groupement_rules.holidays_fr import HolidayCalendar, Zone

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
    assert_matches_snapshot(CASES[name](), GOLDEN / f"{name}.json")
