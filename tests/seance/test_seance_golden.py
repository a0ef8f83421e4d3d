"""Whole séance decisions compared with reviewed snapshots (tests/seance/golden/*.json).

The example tests assert codes and counts; these assert everything a user reads: every
message in both languages, every computed date, citation, interpretation and data key.
Regenerate with ``UPDATE_GOLDEN=1 python -m pytest tests/seance/test_seance_golden.py``
and review the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from golden_snapshot import assert_matches_snapshot
from groupement_rules.commands.seance import seed_seance
from groupement_rules.decision import Decision
from groupement_rules.seance.convocation import latest_sending_day
from groupement_rules.seance.facts import Convocation
from groupement_rules.seance.policy import default_cgct
from groupement_rules.seance.rules import check_seance
from seance_helpers import MOSELLE, DeliberationKind, Outcome, delib, member, seance

GOLDEN = Path(__file__).parent / "golden"

CASES: dict[str, Callable[[], Decision]] = {
    "seed-seance": lambda: check_seance(seed_seance()),
    "moselle-second-convocation-compte-administratif": lambda: check_seance(
        seance(
            15,
            insee=MOSELLE,
            absent=range(9, 15),
            convocation=Convocation(
                sent_on=dt.date(2026, 2, 1), urgent=True, second_convocation=True
            ),
            deliberations=(
                delib(
                    "2026-01",
                    kind=DeliberationKind.COMPTE_ADMINISTRATIF,
                    presided_by=member(2),
                    pour=4,
                    contre=4,
                    outcome=Outcome.ADOPTED,
                    votants=9,
                ),
            ),
        )
    ),
    "convocation-moselle-urgent": lambda: latest_sending_day(
        default_cgct(), dt.date(2026, 2, 2), 1000, urgent=True, alsace_moselle=True
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_decision_matches_its_reviewed_snapshot(name: str) -> None:
    assert_matches_snapshot(CASES[name](), GOLDEN / f"{name}.json")
