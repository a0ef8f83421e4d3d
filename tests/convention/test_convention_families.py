"""The withdrawal clause families of SPEC A.8, each from its example policy file in
``docs/examples/`` (written from docs/policy-format.md alone), answered on the day
before, the first day, the last day and the day after each boundary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from groupement_rules import Engagement, Exclusion, Marche, WithdrawalLetter, load_convention
from groupement_rules.convention.adhesion import valid_withdrawal
from groupement_rules.convention.engagement import check_exclusion, status_on
from groupement_rules.convention.schedule import schedule
from groupement_rules.convention.withdrawal import withdrawal
from groupement_rules.policy import Policy

D = dt.date
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
FAMILIES = (
    "window-before-period-end",
    "notice-before-period-end",
    "notice-before-fixed-date",
    "notice-after-receipt",
    "end-of-marches",
    "none",
)


def example(family: str) -> Policy:
    return load_convention(EXAMPLES / f"{family}.toml")


def ask(policy: Policy, day: dt.date, **kw: object) -> tuple[str, str | None, list[str]]:
    reading = policy.value("withdrawal_request_date")
    dates = {"sent": "sent_on", "received": "received_on", "deliberation": "deliberation_on"}
    d = withdrawal(policy, **{dates[reading]: day}, **kw)  # type: ignore[arg-type]
    return d.answer, d.data["effective_on"], d.codes()  # type: ignore[return-value]


def test_there_is_one_example_per_family() -> None:
    assert sorted(p.stem for p in EXAMPLES.glob("*.toml")) == sorted(FAMILIES)
    for family in FAMILIES:
        assert example(family).value("withdrawal_family") == family


# -- window-before-period-end: 3 months before each yearly end, 3 renewals -----------

W = example("window-before-period-end")


@pytest.mark.parametrize(
    ("day", "answer", "effect"),
    [
        (D(2026, 12, 1), "too-early", None),  # before the groupement starts
        (D(2027, 9, 30), "too-early", None),  # the day before the first window
        (D(2027, 10, 1), "allowed", "2028-01-01"),  # its first day
        (D(2027, 12, 31), "allowed", "2028-01-01"),  # its last day
        (D(2028, 1, 1), "too-early", None),  # the day after: too early for the next one
        (D(2029, 12, 31), "allowed", "2030-01-01"),  # the last window's last day
        (D(2030, 1, 1), "too-late", None),  # engaged to the end, 2031-01-01
        (D(2031, 1, 1), "not-member", None),  # the convention has ended
    ],
)
def test_window_before_period_end(day: dt.date, answer: str, effect: str | None) -> None:
    got = ask(W, day)
    assert got[:2] == (answer, effect)


def test_window_too_late_names_no_judge_when_the_convention_reserves_none() -> None:
    d = withdrawal(W, sent_on=D(2030, 1, 1))
    assert d.data["engaged_until"] == "2031-01-01"
    assert "judge" not in d.findings[0].message_en and "juge" not in d.findings[0].message_fr


# -- notice-before-period-end: at least 3 months before each échéance, deferred -------

N = example("notice-before-period-end")


@pytest.mark.parametrize(
    ("day", "answer", "effect", "codes"),
    [
        (D(2029, 1, 1), "allowed", "2030-02-28", []),  # before the start: the first échéance
        (D(2029, 11, 30), "allowed", "2030-02-28", []),  # 2029-11-30 + 3 months = 2030-02-28
        (D(2029, 12, 1), "allowed", "2031-02-28", ["withdrawal-deferred"]),  # one day late
        (D(2030, 2, 27), "allowed", "2031-02-28", ["withdrawal-deferred"]),
        (D(2030, 2, 28), "allowed", "2031-02-28", []),  # a new period: timely for its end
        (D(2031, 11, 28), "allowed", "2032-02-28", []),  # + 3 months = 2032-02-28
        (D(2031, 11, 29), "too-late", None, ["withdrawal-too-late"]),  # 2032-02-29 > B
        (D(2033, 2, 28), "not-member", None, ["withdrawal-not-member"]),
    ],
)
def test_notice_before_period_end(
    day: dt.date, answer: str, effect: str | None, codes: list[str]
) -> None:
    assert ask(N, day) == (answer, effect, codes)


def test_a_refused_late_letter_names_the_next_window() -> None:
    text = (EXAMPLES / "notice-before-period-end.toml").read_text(encoding="utf-8")
    refused = load_convention(
        "refused.toml", text=text.replace('value = "deferred"', 'value = "too-late"')
    )
    d = withdrawal(refused, received_on=D(2029, 12, 1))
    assert (d.answer, d.codes()) == ("too-late", ["withdrawal-too-late"])
    assert d.data["window_opens_on"] == "2030-02-28"  # a new letter from the échéance on
    assert ask(refused, D(2030, 2, 28))[:2] == ("allowed", "2031-02-28")
    assert ask(refused, D(2029, 11, 30))[:2] == ("allowed", "2030-02-28")


# -- notice-before-fixed-date: before 30 June (excluded), effect 1 January ------------

F = example("notice-before-fixed-date")


@pytest.mark.parametrize(
    ("day", "answer", "effect", "codes"),
    [
        (D(2027, 6, 29), "allowed", "2028-01-01", []),  # the last day « avant le 30 juin »
        (D(2027, 6, 30), "allowed", "2029-01-01", ["withdrawal-deferred"]),  # the 30th: late
        (D(2027, 12, 31), "allowed", "2029-01-01", ["withdrawal-deferred"]),
        (D(2028, 1, 1), "allowed", "2029-01-01", []),  # a new year, before its 30 June
        (D(2031, 6, 29), "allowed", "2032-01-01", []),
        (D(2031, 6, 30), "too-late", None, ["withdrawal-too-late"]),  # 2033-01-01 is the end
    ],
)
def test_notice_before_fixed_date(
    day: dt.date, answer: str, effect: str | None, codes: list[str]
) -> None:
    d = withdrawal(F, received_on=day, deliberation_on=day - dt.timedelta(days=10))
    assert (d.answer, d.data["effective_on"], d.codes()) == (answer, effect, codes)


def test_fixed_date_au_plus_tard_includes_the_day() -> None:
    text = (EXAMPLES / "notice-before-fixed-date.toml").read_text(encoding="utf-8")
    inclusive = load_convention(
        "incl.toml",
        text=text.replace(
            "[params.withdrawal_deadline_inclusive]\nvalue = false",
            "[params.withdrawal_deadline_inclusive]\nvalue = true",
        ),
    )
    d = withdrawal(inclusive, received_on=D(2027, 6, 30), deliberation_on=D(2027, 6, 1))
    assert (d.answer, d.data["effective_on"], d.codes()) == ("allowed", "2028-01-01", [])


def test_a_required_deliberation_that_is_missing_is_an_error() -> None:
    d = withdrawal(F, received_on=D(2027, 6, 1))
    assert d.codes() == ["withdrawal-form-missing"]
    assert d.answer == "allowed" and d.has_errors()


def test_exclusion_by_the_committee_after_a_formal_notice() -> None:
    late_notice = Exclusion(
        D(2028, 3, 1), decided_on=D(2028, 2, 1), formal_notice_on=D(2028, 1, 15)
    )
    assert [f.code for f in check_exclusion(F, late_notice)] == ["exclusion-without-judgment"]
    assert "30" in check_exclusion(F, late_notice)[0].message_en
    ok = Exclusion(D(2028, 3, 1), decided_on=D(2028, 2, 14), formal_notice_on=D(2028, 1, 15))
    assert check_exclusion(F, ok) == []
    assert status_on(F, D(2028, 3, 1), exclusion=ok).answer == "excluded"
    assert status_on(F, D(2028, 3, 1), exclusion=late_notice).answer == "second-period"


# -- notice-after-receipt: effect 3 months after receipt, no letter in year one ------

R = example("notice-after-receipt")


@pytest.mark.parametrize(
    ("day", "answer", "effect"),
    [
        (D(2027, 8, 30), "too-early", None),  # the forbidden first year bars the letter
        (D(2027, 8, 31), "allowed", "2027-11-30"),  # + 3 months from the 31st: the 30th
        (D(2027, 11, 30), "allowed", "2028-02-29"),  # into a leap February
        (D(2030, 5, 30), "allowed", "2030-08-30"),  # the last day before the end
        (D(2030, 5, 31), "too-late", None),  # + 3 months = 2030-08-31, the end itself
    ],
)
def test_notice_after_receipt(day: dt.date, answer: str, effect: str | None) -> None:
    assert ask(R, day)[:2] == (answer, effect)


def test_notice_after_receipt_shows_its_arithmetic() -> None:
    d = withdrawal(R, received_on=D(2027, 8, 31))
    until = next(c for c in d.dates if c.name == "engaged_until")
    assert until.how == "31 août 2027 + 3 mois" and until.note and "641" in until.note
    assert until.how_in("en") == "31 August 2027 + 3 months"


# -- end-of-marches: the end of the marchés the adherent is party to ------------------

E = example("end-of-marches")


@pytest.mark.parametrize(
    ("day", "answer", "effect"),
    [
        (D(2025, 12, 1), "allowed", "2030-01-01"),  # party to AC-2026, not started
        (D(2029, 6, 30), "allowed", "2030-01-01"),  # the day before the second wave
        (D(2029, 7, 1), "too-late", None),  # now party to AC-2030 too: ends with the end
        (D(2034, 1, 1), "not-member", None),
    ],
)
def test_end_of_marches(day: dt.date, answer: str, effect: str | None) -> None:
    d = withdrawal(E, deliberation_on=day)
    assert (d.answer, d.data["effective_on"]) == (answer, effect)


def test_marches_of_the_policy_are_marche_values() -> None:
    sch = schedule(E)
    assert [m.id for m in sch.marches] == ["AC-2026", "AC-2030"]
    ac2 = sch.marches[1]
    assert isinstance(ac2, Marche) and ac2.end == D(2034, 1, 1)
    assert [p.end for p in ac2.periods] == [D(2032, 1, 1), D(2034, 1, 1)]
    assert not ac2.party_on(D(2029, 6, 30)) and ac2.party_on(D(2029, 7, 1))


# -- none ------------------------------------------------------------------------------

Z = example("none")


@pytest.mark.parametrize(
    ("day", "answer"),
    [
        (D(2026, 8, 31), "too-early"),
        (D(2026, 9, 1), "too-early"),
        (D(2029, 8, 31), "too-early"),
        (D(2029, 9, 1), "not-member"),
    ],
)
def test_none(day: dt.date, answer: str) -> None:
    assert ask(Z, day)[0] == answer


# -- the Engagement --------------------------------------------------------------------


def test_an_engagement_says_why_it_is_not_a_member() -> None:
    sch = schedule(W)
    (effect, _) = valid_withdrawal(W, (WithdrawalLetter(D(2028, 11, 1)),))
    e = Engagement(sch, withdrawn_from=effect)
    assert effect == D(2029, 1, 1) and e.engaged_until == D(2029, 1, 1)
    assert e.member_on(D(2028, 12, 31)).member
    m = e.member_on(D(2029, 1, 1))
    assert (m.member, m.status.value, m.reason) == (False, "withdrawn", "withdrawn")
    assert [p.end for p in e.periods] == [D(2028, 1, 1), D(2029, 1, 1)]
    later = e.member_on(D(2031, 6, 1))
    assert later.reason == "withdrawn"  # it left before the convention ended
    assert Engagement(sch).member_on(D(2031, 1, 1)).reason == "convention-ended"
    assert Engagement(sch, renewals=1).member_on(D(2029, 1, 1)).reason == "not-renewed"
