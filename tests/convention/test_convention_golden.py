"""Whole decisions compared with reviewed snapshots (tests/convention/golden/*.json).

The example tests assert the answer, the dates and the codes; these assert
everything else a user reads: every message in both languages, every computed
date with its arithmetic, every citation and data key. A change to any of them
must be deliberate: regenerate with ``UPDATE_GOLDEN=1 python -m pytest
tests/convention/test_convention_golden.py`` and review the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from groupement_rules import (
    Adherent,
    Authorisation,
    Decision,
    Exclusion,
    Order,
    WithdrawalLetter,
    check_adherent,
    default_convention,
    status_on,
    timeline,
    withdrawal,
    withdrawal_windows,
)
from groupement_rules.render import render_text

GOLDEN = Path(__file__).parent / "golden"
D = dt.date
P = default_convention()

FULL = Adherent(
    name="Commune exemple",
    kind="commune",
    insee="49007",
    representation="self",
    need=120,
    authorisation=Authorisation(D(2026, 1, 5), "2026-01", transmitted_on=D(2026, 1, 7)),
    signed_on=D(2026, 1, 10),
    sent_on=D(2026, 1, 12),
    annexes=frozenset({1, 2}),
    orders=(Order(D(2026, 9, 1), 100, purchase_order=True),),
)

CASES: dict[str, Callable[[], Decision]] = {
    "withdraw-allowed": lambda: withdrawal(P, sent_on=D(2028, 6, 1)),
    "withdraw-too-early": lambda: withdrawal(P, sent_on=D(2027, 1, 1)),
    "withdraw-too-late": lambda: withdrawal(P, sent_on=D(2028, 7, 19)),
    "withdraw-not-member-ended": lambda: withdrawal(P, sent_on=D(2030, 7, 19)),
    "withdraw-not-member-renewal": lambda: withdrawal(P, sent_on=D(2029, 1, 1), renewals=0),
    "withdraw-not-member-withdrawn": lambda: withdrawal(
        P, sent_on=D(2029, 1, 1), withdrawn_from=D(2028, 7, 19)
    ),
    "withdraw-not-member-excluded": lambda: withdrawal(
        P, sent_on=D(2028, 6, 1), exclusion=Exclusion(D(2027, 1, 1), D(2026, 12, 1))
    ),
    "withdraw-reading-matters": lambda: withdrawal(
        P, sent_on=D(2028, 7, 18), received_on=D(2028, 7, 20)
    ),
    "withdraw-received": lambda: withdrawal(P, received_on=D(2028, 7, 1), reading="received"),
    "status-adhered": lambda: status_on(P, D(2026, 3, 1)),
    "status-second": lambda: status_on(P, D(2029, 3, 1)),
    "status-ended-not-renewed": lambda: status_on(P, D(2029, 3, 1), renewals=0),
    "status-excluded": lambda: status_on(
        P, D(2027, 3, 1), exclusion=Exclusion(D(2027, 1, 1), D(2026, 12, 1), "TA Nantes")
    ),
    "status-exclusion-without-judgment": lambda: status_on(
        P, D(2027, 3, 1), exclusion=Exclusion(D(2027, 1, 1))
    ),
    "windows": lambda: withdrawal_windows(P),
    "timeline": lambda: timeline(P),
    "adherent-seed": lambda: check_adherent(
        P,
        Adherent(
            name="Le Lion d'Angers",
            kind="commune",
            departement="49",
            authorisation=Authorisation(D(2026, 2, 2), "2026-02-03"),
        ),
        D(2026, 11, 29),
    ),
    "adherent-every-fault": lambda: check_adherent(
        P,
        Adherent(
            name="Syndicat lointain",
            kind="departement",
            insee="75056",
            need=0,
            authorisation=Authorisation(D(2026, 1, 20), transmitted=False),
            signed_on=D(2026, 1, 15),
            sent_on=D(2026, 1, 30),
            annexes=frozenset({2}),
            withdrawal_letters=(WithdrawalLetter(D(2027, 1, 1)), WithdrawalLetter(D(2028, 8, 1))),
            exclusion=Exclusion(D(2029, 1, 1)),
        ),
        D(2029, 6, 1),
    ),
    "adherent-orders": lambda: check_adherent(P, FULL, D(2028, 8, 1)),
    "adherent-orders-during": lambda: check_adherent(P, FULL, D(2027, 8, 1)),
    "adherent-unknowns": lambda: check_adherent(
        P,
        Adherent(name="X", kind="commune", authorisation=Authorisation(D(2026, 1, 5))),
        D(2026, 11, 29),
    ),
    "adherent-late-transmission": lambda: check_adherent(
        P,
        Adherent(
            name="Y",
            kind="commune",
            insee="85194",
            authorisation=Authorisation(D(2026, 1, 5), transmitted_on=D(2026, 1, 20)),
            signed_on=D(2026, 1, 6),
            sent_on=D(2026, 1, 8),
            need=5,
            annexes=frozenset({1, 2}),
            orders=(Order(D(2026, 8, 1), 5, purchase_order=True),),
        ),
        D(2026, 11, 29),
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
