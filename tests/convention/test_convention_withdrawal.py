"""SPEC A.3 and A.4 on the e-primo convention and on generated conventions."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules import default_convention, status_on, withdrawal, withdrawal_windows
from groupement_rules.convention.facts import Exclusion
from groupement_rules.convention.schedule import schedule
from groupement_rules.decision import Decision
from groupement_rules.legal_time import add_months
from policy_factory import convention

D = dt.date
EPRIMO = default_convention()


def ask(day: dt.date, **kw: object) -> Decision:
    return withdrawal(EPRIMO, sent_on=day, **kw)  # type: ignore[arg-type]


# -- the worked case of SPEC A.4 -------------------------------------------


def test_eprimo_boundaries() -> None:
    sch = schedule(EPRIMO)
    assert sch.start == D(2026, 7, 19)
    assert [p.end for p in sch.periods] == [D(2028, 7, 19), D(2030, 7, 19)]
    (w,) = sch.windows
    assert (w.first_day, w.last_day, w.boundary) == (D(2028, 5, 19), D(2028, 7, 18), D(2028, 7, 19))


def test_allowed_inside_the_window() -> None:
    d = ask(D(2028, 6, 1))
    assert d.answer == "allowed"
    assert d.data["effective_on"] == "2028-07-19"
    assert d.data["window"]["first_day"] == "2028-05-19"  # type: ignore[index]
    assert d.data["window"]["last_day"] == "2028-07-18"  # type: ignore[index]
    assert d.data["engaged_until"] == "2028-07-19"
    assert d.codes() == []
    assert d.interpretations[0].value == "sent"


@pytest.mark.parametrize(
    ("day", "answer", "code"),
    [
        (D(2028, 5, 18), "too-early", "withdrawal-too-early"),  # day before the window
        (D(2028, 5, 19), "allowed", None),  # first day
        (D(2028, 7, 18), "allowed", None),  # last day
        (D(2028, 7, 19), "too-late", "withdrawal-too-late"),  # day after = E1
        (D(2026, 1, 1), "too-early", "withdrawal-too-early"),  # before the market starts
        (D(2030, 7, 18), "too-late", "withdrawal-too-late"),  # last day of the convention
        (D(2030, 7, 19), "not-member", "withdrawal-not-member"),  # convention ended
    ],
)
def test_boundary_days(day: dt.date, answer: str, code: str | None) -> None:
    d = ask(day)
    assert d.answer == answer
    assert d.codes() == ([code] if code else [])


def test_too_early_names_the_opening_day() -> None:
    d = ask(D(2027, 1, 10))
    assert d.data["window_opens_on"] == "2028-05-19"
    assert d.data["effective_on"] is None
    assert d.data["engaged_until"] == "2030-07-19"
    assert d.findings[0].values["window_first_day"] == "2028-05-19"


def test_too_late_engaged_until_e2() -> None:
    d = ask(D(2029, 3, 1))
    assert d.data["engaged_until"] == "2030-07-19"
    assert d.data["engaged_last_day"] == "2030-07-18"


def test_received_reading() -> None:
    d = withdrawal(EPRIMO, received_on=D(2028, 7, 19), reading="received")
    assert d.answer == "too-late"
    assert d.interpretations[0].value == "received"
    assert d.inputs["reading"] == "received"


def test_reading_that_changes_the_answer_is_said() -> None:
    # sent on the last day, received the day the period ends
    d = withdrawal(EPRIMO, sent_on=D(2028, 7, 18), received_on=D(2028, 7, 20))
    assert d.answer == "allowed"
    assert "reading-changes-answer" in d.codes()
    other = withdrawal(
        EPRIMO, sent_on=D(2028, 7, 18), received_on=D(2028, 7, 20), reading="received"
    )
    assert other.answer == "too-late"
    same = withdrawal(EPRIMO, sent_on=D(2028, 6, 1), received_on=D(2028, 6, 3))
    assert "reading-changes-answer" not in same.codes()


def test_missing_date_for_the_reading_is_bad_input() -> None:
    with pytest.raises(ValueError, match="receipt"):
        withdrawal(EPRIMO, sent_on=D(2028, 6, 1), reading="received")
    with pytest.raises(ValueError):
        withdrawal(EPRIMO, sent_on=D(2028, 6, 5), received_on=D(2028, 6, 1))


def test_not_member_when_withdrawn_excluded_or_not_renewed() -> None:
    assert ask(D(2029, 1, 1), withdrawn_from=D(2028, 7, 19)).answer == "not-member"
    excl = Exclusion(effective_on=D(2027, 3, 1), judgment_on=D(2027, 2, 1))
    d = ask(D(2028, 6, 1), exclusion=excl)
    assert d.answer == "not-member"
    assert d.findings[0].values["reason"] == "excluded"
    # an exclusion without judgment has no effect
    assert ask(D(2028, 6, 1), exclusion=Exclusion(D(2027, 3, 1))).answer == "allowed"
    d = ask(D(2029, 1, 1), renewals=0)
    assert d.answer == "not-member"
    assert d.findings[0].values["reason"] == "not-renewed"


# -- status (SPEC A.3) -------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "kw", "status"),
    [
        (D(2026, 7, 18), {}, "adhered"),
        (D(2026, 7, 19), {}, "first-period"),
        (D(2028, 7, 18), {}, "first-period"),
        (D(2028, 7, 19), {}, "second-period"),
        (D(2030, 7, 18), {}, "second-period"),
        (D(2030, 7, 19), {}, "ended"),
        (D(2028, 7, 19), {"withdrawn_from": D(2028, 7, 19)}, "withdrawn"),
        (D(2028, 7, 18), {"withdrawn_from": D(2028, 7, 19)}, "first-period"),
        (D(2028, 7, 19), {"renewals": 0}, "ended"),
        (
            D(2027, 1, 1),
            {"exclusion": Exclusion(D(2027, 1, 1), judgment_on=D(2026, 12, 1))},
            "excluded",
        ),
        (D(2027, 1, 1), {"exclusion": Exclusion(D(2027, 1, 1))}, "first-period"),
    ],
)
def test_status_table(day: dt.date, kw: dict[str, object], status: str) -> None:
    d = status_on(EPRIMO, day, **kw)  # type: ignore[arg-type]
    assert d.answer == status == d.data["status"]


def test_status_period_days() -> None:
    d = status_on(EPRIMO, D(2027, 1, 1))
    assert d.data["period"] == {
        "index": 1,
        "first_day": "2026-07-19",
        "last_day": "2028-07-18",
        "end": "2028-07-19",
    }
    assert status_on(EPRIMO, D(2031, 1, 1)).data["period"] is None


def test_exclusion_without_judgment_is_reported() -> None:
    d = status_on(EPRIMO, D(2027, 1, 1), exclusion=Exclusion(D(2027, 1, 1)))
    assert d.codes() == ["exclusion-without-judgment"]


def test_windows_question() -> None:
    d = withdrawal_windows(EPRIMO)
    assert d.data["windows"] == [
        {
            "index": 1,
            "first_day": "2028-05-19",
            "last_day": "2028-07-18",
            "end": "2028-07-19",
            "effective_on": "2028-07-19",
        }
    ]


def test_decision_round_trips_through_json() -> None:
    d = withdrawal(EPRIMO, sent_on=D(2028, 7, 18), received_on=D(2028, 7, 20))
    back = Decision.from_dict(json.loads(json.dumps(d.to_dict())))
    assert back == d


# -- generated conventions ----------------------------------------------------

starts = st.one_of(
    st.dates(D(2000, 1, 1), D(2060, 12, 31)),
    st.builds(  # days 28 to 31, where month arithmetic clamps
        lambda y, m, d: D(y, m, 1) + relativedelta(day=d),
        st.integers(2000, 2060),
        st.integers(1, 12),
        st.integers(28, 31),
    ),
)


@st.composite
def conventions(draw: st.DrawFn) -> dict[str, object]:
    initial = draw(st.integers(1, 48))
    renewal = draw(st.integers(1, 48))
    return {
        "start": draw(starts),
        "initial": initial,
        "renewal": renewal,
        "renewals": draw(st.integers(0, 4)),
        "notice": draw(st.integers(1, min(initial, renewal))),
    }


@given(conventions())
def test_periods_tile_from_start_to_end(kw: dict[str, object]) -> None:
    policy = convention(**kw)
    sch = schedule(policy)
    assert sch.periods[0].start == kw["start"]
    for p, q in zip(sch.periods, sch.periods[1:], strict=False):
        assert p.end == q.start
    total = kw["initial"] + kw["renewals"] * kw["renewal"]  # type: ignore[operator]
    assert sch.end == add_months(kw["start"], total)  # type: ignore[arg-type]
    assert len(sch.periods) == kw["renewals"] + 1  # type: ignore[operator]


@given(conventions())
def test_one_window_per_renewable_period_each_exactly_n_months(kw: dict[str, object]) -> None:
    policy = convention(**kw)
    sch = schedule(policy)
    assert len(sch.windows) == kw["renewals"]
    for w, p in zip(sch.windows, sch.periods, strict=False):
        assert w.boundary == p.end
        assert w.period.end == p.end
        assert w.first_day == add_months(p.end, -kw["notice"])  # type: ignore[operator]


@given(conventions(), st.data())
def test_answer_is_monotone_in_the_sending_date(kw: dict[str, object], data: st.DataObject) -> None:
    policy = convention(**kw)
    sch = schedule(policy)
    a = data.draw(st.dates(sch.start - dt.timedelta(days=400), sch.end + dt.timedelta(days=400)))
    b = data.draw(st.dates(a, sch.end + dt.timedelta(days=400)))
    order = {"too-early": 0, "allowed": 1, "too-late": 2, "not-member": 3}
    ra = withdrawal(policy, sent_on=a).answer
    rb = withdrawal(policy, sent_on=b).answer
    if not sch.windows or len(sch.windows) == 1:
        assert order[ra] <= order[rb]
    else:  # several windows: the effective day never goes back in time
        ea = withdrawal(policy, sent_on=a).data["effective_on"]
        eb = withdrawal(policy, sent_on=b).data["effective_on"]
        if ea and eb:
            assert ea <= eb


@given(conventions())
def test_day_before_first_last_and_day_after_each_window(kw: dict[str, object]) -> None:
    policy = convention(**kw)
    sch = schedule(policy)
    one = dt.timedelta(days=1)
    for i, w in enumerate(sch.windows):
        before = withdrawal(policy, sent_on=w.first_day - one)
        if i == 0:
            assert before.answer == "too-early"
        elif (w.first_day - one) in sch.windows[i - 1].period:  # windows abut (or clamp)
            assert before.data["effective_on"] == sch.windows[i - 1].boundary.isoformat()
        else:
            assert before.answer == "too-early"
        for day in (w.first_day, w.last_day):
            d = withdrawal(policy, sent_on=day)
            assert d.answer == "allowed"
            assert d.data["effective_on"] == w.boundary.isoformat()
        after = withdrawal(policy, sent_on=w.last_day + one)
        if i == len(sch.windows) - 1:
            assert after.answer == "too-late"
        elif (w.last_day + one) in sch.windows[i + 1].period:  # notice == renewal: they abut
            assert after.answer == "allowed"
            assert after.data["effective_on"] == sch.windows[i + 1].boundary.isoformat()
        else:
            assert after.answer == "too-early"


@given(conventions(), st.data())
def test_every_decision_round_trips_through_json(
    kw: dict[str, object], data: st.DataObject
) -> None:
    policy = convention(**kw)
    sch = schedule(policy)
    day = data.draw(st.dates(sch.start - dt.timedelta(days=60), sch.end + dt.timedelta(days=60)))
    for d in (withdrawal(policy, sent_on=day), status_on(policy, day)):
        assert Decision.from_dict(json.loads(json.dumps(d.to_dict()))) == d


def test_clamped_window_says_cpc_641_moved_it() -> None:
    # start on 31 August: the first period ends 31 August; 2 months before is 30 June
    policy = convention(start=D(2026, 8, 31), initial=24, notice=2)
    sch = schedule(policy)
    (w,) = sch.windows
    assert w.first_day == D(2028, 6, 30)
    note = next(c for c in sch.dates if c.name == "window_1_first_day").note
    assert note is not None and "641" in note
