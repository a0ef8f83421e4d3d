"""Every code of the convention's catalogue is produced by some case and absent from
another (issue 13.5), and every finding a convention rule emits is declared."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from groupement_rules import (
    Adherent,
    Authorisation,
    Decision,
    Exclusion,
    Order,
    WithdrawalLetter,
    check_adherent,
    default_convention,
    load_convention,
    status_on,
    withdrawal,
)
from groupement_rules.convention.findings import CATALOGUE

D = dt.date
P = default_convention()
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

CLEAN = Adherent(
    name="Commune exemple",
    kind="commune",
    insee="49007",
    need=120,
    authorisation=Authorisation(D(2026, 1, 5), transmitted_on=D(2026, 1, 7)),
    signed_on=D(2026, 1, 10),
    sent_on=D(2026, 1, 12),
    annexes=frozenset({1, 2}),
    orders=(Order(D(2026, 9, 1), 120, purchase_order=True),),
)


def cases() -> list[Decision]:
    fixed = load_convention(EXAMPLES / "notice-before-fixed-date.toml")
    refused = load_convention(
        "refused.toml",
        text=(EXAMPLES / "notice-before-period-end.toml")
        .read_text(encoding="utf-8")
        .replace('value = "deferred"', 'value = "too-late"'),
    )
    return [
        check_adherent(
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
                withdrawal_letters=(
                    WithdrawalLetter(D(2027, 1, 1)),
                    WithdrawalLetter(D(2028, 8, 1)),
                ),
                exclusion=Exclusion(D(2029, 1, 1)),
            ),
            D(2029, 6, 1),
        ),
        check_adherent(P, Adherent(name="X", kind="commune"), D(2026, 11, 29)),
        check_adherent(
            P,
            Adherent(name="Y", kind="commune", need=10, orders=(Order(D(2026, 9, 1), 5, True),)),
            D(2028, 8, 1),
        ),
        withdrawal(P, sent_on=D(2028, 7, 18), received_on=D(2028, 7, 20)),
        withdrawal(P, sent_on=D(2030, 8, 1)),
        withdrawal(fixed, received_on=D(2027, 7, 1)),
        withdrawal(refused, received_on=D(2029, 12, 1)),
        status_on(P, D(2027, 3, 1), exclusion=Exclusion(D(2027, 1, 1))),
    ]


def test_every_code_is_produced_somewhere() -> None:
    produced = {c for d in cases() for c in d.codes()}
    assert produced == set(CATALOGUE.codes)


def test_every_code_is_absent_from_a_clean_case() -> None:
    clean = [
        check_adherent(P, CLEAN, D(2027, 1, 1)),
        withdrawal(P, sent_on=D(2028, 6, 1)),
        status_on(P, D(2027, 1, 1)),
    ]
    assert all(d.codes() == [] for d in clean)


def test_severities_are_the_catalogues_unless_a_check_could_not_run() -> None:
    for d in cases():
        for f in d.findings:
            spec = CATALOGUE[f.code]
            assert (
                f.severity is spec.severity
                or f.values.get("checked") is False
                or (
                    f.code == "orders-below-need"  # information while the period runs
                )
            ), f.code
