"""The boundary days and the less travelled branches of Part A, one assertion each
(written from the survivors of a mutation-testing run: docs/performance.md)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from groupement_rules import (
    Adherent,
    Authorisation,
    Exclusion,
    Order,
    WithdrawalLetter,
    check_adherent,
    default_convention,
    status_on,
    withdrawal,
)
from groupement_rules.convention.rules import valid_withdrawal
from groupement_rules.convention.schedule import schedule
from policy_factory import convention

D = dt.date
P = default_convention()
BASE = Adherent(
    name="C",
    kind="commune",
    insee="44109",
    need=10,
    authorisation=Authorisation(D(2026, 1, 10), transmitted_on=D(2026, 1, 12)),
    signed_on=D(2026, 1, 10),
    sent_on=D(2026, 1, 12),
    annexes=frozenset({1, 2}),
    orders=(Order(D(2026, 9, 1), 10, purchase_order=True),),
)


TODAY = D(2026, 11, 29)


def codes(a: Adherent, on: dt.date = TODAY) -> list[str]:
    return check_adherent(P, a, on).codes()


def test_authorisation_on_the_day_of_the_signature_is_in_order() -> None:
    assert codes(BASE) == []
    later = attrs.evolve(BASE, signed_on=D(2026, 1, 9))
    assert "authorisation-after-signature" in codes(later)


def test_transmission_on_the_day_of_sending_is_in_order() -> None:
    same_day = attrs.evolve(
        BASE, authorisation=Authorisation(D(2026, 1, 10), transmitted_on=D(2026, 1, 12))
    )
    assert "authorisation-not-transmitted" not in codes(same_day)
    day_after = attrs.evolve(
        BASE, authorisation=Authorisation(D(2026, 1, 10), transmitted_on=D(2026, 1, 13))
    )
    assert "authorisation-not-transmitted" in codes(day_after)


def test_missing_authorisation_is_said_in_both_languages() -> None:
    d = check_adherent(P, attrs.evolve(BASE, authorisation=None), D(2026, 11, 29))
    (f,) = [f for f in d.findings if f.code == "authorisation-missing"]
    assert "Aucune délibération" in f.message_fr
    assert "No délibération" in f.message_en
    assert f.citation.article.startswith("art. 2")


@pytest.mark.parametrize(
    ("auth", "signed", "late", "inferred_from"),
    [
        (D(2026, 1, 24), None, False, None),  # authorised on the deadline: could be sent that day
        (D(2026, 1, 25), None, True, "authorisation"),
        (D(2026, 1, 20), D(2026, 1, 25), True, "signature"),
        (D(2026, 1, 20), D(2026, 1, 24), False, None),
    ],
)
def test_deadline_inferred_from_the_earliest_possible_sending(
    auth: dt.date, signed: dt.date | None, late: bool, inferred_from: str | None
) -> None:
    a = attrs.evolve(BASE, sent_on=None, signed_on=signed, authorisation=Authorisation(auth))
    d = check_adherent(P, a, D(2026, 11, 29))
    found = [f for f in d.findings if f.code == "adhesion-after-deadline"]
    assert found
    if late:
        assert found[0].severity == "error"
        assert found[0].values["inferred_from"] == inferred_from
        word = "délibération" if inferred_from == "authorisation" else "signature"
        assert word in found[0].message_fr
    else:
        assert found[0].severity == "warning" and found[0].values["checked"] is False


def test_a_need_of_one_account_is_positive() -> None:
    a = attrs.evolve(BASE, need=1, orders=(Order(D(2026, 9, 1), 0, purchase_order=True),))
    d = check_adherent(P, a, D(2028, 8, 1))
    assert "need-not-positive" not in d.codes()
    assert {"orders-below-need", "purchase-order-mismatch"} <= set(d.codes())


def test_the_purchase_order_is_the_earliest_one() -> None:
    orders = (
        Order(D(2027, 3, 1), 5, purchase_order=True),  # a later complement
        Order(D(2026, 9, 1), 10, purchase_order=True),  # the purchase order: equals the need
    )
    assert "purchase-order-mismatch" not in codes(attrs.evolve(BASE, orders=orders))
    swapped = (Order(D(2027, 3, 1), 10, True), Order(D(2026, 9, 1), 5, True))
    d = check_adherent(P, attrs.evolve(BASE, orders=swapped), D(2026, 11, 29))
    f = next(f for f in d.findings if f.code == "purchase-order-mismatch")
    assert f.values["purchase_order_date"] == "2026-09-01"


def test_no_purchase_order_by_the_end_of_the_period() -> None:
    a = attrs.evolve(BASE, orders=(Order(D(2026, 9, 1), 10),))
    d = check_adherent(P, a, D(2028, 7, 19))
    f = next(f for f in d.findings if f.code == "purchase-order-mismatch")
    assert f.values == {"purchase_orders": 0, "need": 10}
    assert "No purchase order" in f.message_en and "Aucun bon de commande" in f.message_fr
    assert f.citation.article == "art. 7.1"
    assert "purchase-order-mismatch" not in codes(a, D(2028, 7, 18))


# -- withdrawal and status at their exact days -------------------------------


def test_withdrawn_and_excluded_from_their_exact_day() -> None:
    assert withdrawal(P, sent_on=D(2028, 7, 18), withdrawn_from=D(2028, 7, 18)).answer == (
        "not-member"
    )
    assert withdrawal(P, sent_on=D(2028, 7, 17), withdrawn_from=D(2028, 7, 18)).answer == "allowed"
    excl = Exclusion(D(2028, 6, 1), judgment_on=D(2028, 5, 1))
    assert withdrawal(P, sent_on=D(2028, 6, 1), exclusion=excl).answer == "not-member"
    assert withdrawal(P, sent_on=D(2028, 5, 31), exclusion=excl).answer == "allowed"


@pytest.mark.parametrize(
    ("kw", "status", "reason"),
    [
        ({}, "ended", "convention-ended"),
        ({"renewals": 0}, "ended", "not-renewed"),
        ({"withdrawn_from": D(2028, 7, 19)}, "withdrawn", "withdrawn"),
    ],
)
def test_status_reasons(kw: dict[str, object], status: str, reason: str) -> None:
    day = D(2030, 7, 19) if not kw else D(2029, 1, 1)
    d = status_on(P, day, **kw)  # type: ignore[arg-type]
    assert (d.answer, d.data["reason"]) == (status, reason)
    assert d.inputs["withdrawn_from"] == (
        kw["withdrawn_from"].isoformat() if "withdrawn_from" in kw else None  # type: ignore[attr-defined]
    )
    assert all(c is not None for c in d.citations)


def test_not_renewed_ends_engagement_at_the_first_boundary() -> None:
    d = withdrawal(P, sent_on=D(2028, 7, 19), renewals=0)
    assert d.answer == "not-member"
    assert d.findings[0].values["ended_on"] == "2028-07-19"
    d = withdrawal(P, sent_on=D(2028, 8, 1), renewals=1)
    assert d.data["engaged_until"] == "2030-07-19"


def test_bad_readings_and_dates_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="'received' or 'deliberation'"):
        withdrawal(P, sent_on=D(2028, 6, 1), reading="posted")
    with pytest.raises(ValueError, match="sending date"):
        withdrawal(P, received_on=D(2028, 6, 1), reading="sent")
    with pytest.raises(ValueError, match="receipt date"):
        withdrawal(P, sent_on=D(2028, 6, 1), reading="received")
    with pytest.raises(ValueError, match="before sent_on"):
        withdrawal(P, sent_on=D(2028, 6, 2), received_on=D(2028, 6, 1))
    same = withdrawal(P, sent_on=D(2028, 6, 1), received_on=D(2028, 6, 1))
    assert same.inputs == {"sent_on": "2028-06-01", "received_on": "2028-06-01", "reading": "sent"}


def test_the_other_reading_is_named() -> None:
    d = withdrawal(P, sent_on=D(2028, 7, 18), received_on=D(2028, 7, 20), reading="received")
    f = next(f for f in d.findings if f.code == "reading-changes-answer")
    assert f.values["other_reading"] == "sent" and f.values["other_answer"] == "allowed"
    assert f.values["other_date"] == "2028-07-18"


# -- letters of one adherent ---------------------------------------------------


def test_first_valid_letter_wins_and_later_ones_find_a_former_member() -> None:
    letters = (
        WithdrawalLetter(D(2028, 7, 1)),  # given second, sent later
        WithdrawalLetter(D(2028, 6, 1)),
    )
    effective, decisions = valid_withdrawal(P, letters)
    assert effective == D(2028, 7, 19)
    assert [d.data["request_date"] for d in decisions] == ["2028-06-01", "2028-07-01"]
    assert [d.answer for d in decisions] == ["allowed", "allowed"]
    after = (WithdrawalLetter(D(2028, 6, 1)), WithdrawalLetter(D(2028, 8, 1)))
    effective, decisions = valid_withdrawal(P, after)
    assert [d.answer for d in decisions] == ["allowed", "not-member"]


def test_a_letter_known_only_by_its_receipt_is_judged_on_it() -> None:
    effective, (d,) = valid_withdrawal(P, (WithdrawalLetter(received_on=D(2028, 7, 10)),))
    assert effective == D(2028, 7, 19)
    assert d.data["reading"] == "received"
    assert d.inputs["received_on"] == "2028-07-10"
    effective, (d,) = valid_withdrawal(
        P, (WithdrawalLetter(sent_on=D(2028, 7, 10)),), reading="received"
    )
    assert d.data["reading"] == "sent" and effective == D(2028, 7, 19)


def test_policy_default_reading_is_used_for_letters() -> None:
    received_policy = convention(start=D(2026, 7, 19), reading="received")
    letter = WithdrawalLetter(sent_on=D(2028, 7, 18), received_on=D(2028, 7, 20))
    effective, (d,) = valid_withdrawal(received_policy, (letter,))
    assert d.data["reading"] == "received" and d.answer == "too-late" and effective is None


# -- several windows -------------------------------------------------------------


def test_three_renewals_three_windows() -> None:
    p = convention(start=D(2026, 1, 1), initial=12, renewal=12, renewals=3, notice=2)
    sch = schedule(p)
    assert [w.boundary for w in sch.windows] == [D(2027, 1, 1), D(2028, 1, 1), D(2029, 1, 1)]
    second = withdrawal(p, sent_on=D(2027, 12, 1))
    assert second.answer == "allowed"
    assert second.data["effective_on"] == "2028-01-01"
    assert second.data["window"]["index"] == 2  # type: ignore[index]
    assert second.date("engaged_until") == D(2028, 1, 1)
    between = withdrawal(p, sent_on=D(2027, 3, 1))
    assert between.answer == "too-early"
    assert between.data["window_opens_on"] == "2027-11-01"
    assert between.findings[0].values["window_first_day"] == "2027-11-01"
    last = withdrawal(p, sent_on=D(2029, 1, 1))
    assert last.answer == "too-late"
    assert last.data["window"]["index"] == 3  # type: ignore[index]
    assert last.data["engaged_until"] == "2030-01-01"
    assert last.data["engaged_last_day"] == "2029-12-31"
    cut = withdrawal(p, sent_on=D(2028, 6, 1), renewals=2)
    assert cut.data["engaged_until"] == "2029-01-01"
    assert cut.data["engaged_last_day"] == "2028-12-31"
    assert cut.date("engaged_until") == D(2029, 1, 1)


def test_a_convention_without_renewal_has_no_window() -> None:
    """No period is renewed, so no échéance lets a withdrawal take effect before the end:
    a letter, before the groupement starts or during it, is refused as in the `none`
    family (too early until the end), never answered « too late » for a window that
    never existed."""
    p = convention(start=D(2026, 1, 1), initial=24, renewals=0)
    for day in (D(2025, 6, 1), D(2027, 1, 1)):
        d = withdrawal(p, sent_on=day)
        assert d.answer == "too-early" and d.data["window"] is None
        assert d.codes() == ["withdrawal-too-early"]
        assert "no échéance" in d.findings[0].message_en
        assert d.data["engaged_until"] == "2028-01-01"


@pytest.mark.parametrize(
    ("late_by", "fr", "en"),
    [(1, "1 jour de retard", "1 day late"), (2, "2 jours de retard", "2 days late")],
)
def test_late_adhesion_says_its_days_agreeing_and_its_dates_in_long_form(
    late_by: int, fr: str, en: str
) -> None:
    """One day late is « 1 jour », not « 1 jours »; the dates are in long form in both
    languages (« 24 janvier 2026 », "24 January 2026"), never 24/01/2026 or ISO."""
    deadline = D(2026, 1, 24)
    a = attrs.evolve(BASE, sent_on=deadline + dt.timedelta(days=late_by))
    f = next(
        f
        for f in check_adherent(P, a, D(2026, 11, 29)).findings
        if f.code == "adhesion-after-deadline"
    )
    assert fr in f.message("fr") and "24 janvier 2026" in f.message("fr")
    assert en in f.message("en") and "24 January 2026" in f.message("en")
    assert "/2026" not in f.message("fr") and "2026-01" not in f.message("en")
