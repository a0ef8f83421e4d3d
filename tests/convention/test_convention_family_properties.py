"""Properties of the withdrawal clause families over random conventions (SPEC A.8).

Each generated convention goes through the real loader and its coherence checks.
"""

from __future__ import annotations

import datetime as dt
import itertools

from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from groupement_rules.convention.policy import load_convention
from groupement_rules.convention.schedule import (
    earliest_day_reaching,
    latest_notice_day,
    schedule,
)
from groupement_rules.convention.withdrawal import classify, withdrawal
from groupement_rules.legal_time import add_months
from groupement_rules.policy import Policy, PolicyError

D = dt.date
ONE = dt.timedelta(days=1)

# starts on the days where month arithmetic clamps, and anywhere else
month_end_days = st.builds(
    lambda y, m, d: D(y, m, 1) + relativedelta(day=d),
    st.integers(2000, 2060),
    st.integers(1, 12),
    st.sampled_from([28, 29, 30, 31]),
)
starts = st.one_of(
    st.dates(D(2000, 1, 1), D(2060, 12, 31)), month_end_days, st.just(D(2028, 2, 29))
)

HEAD = """
[policy]
id = "generated"
kind = "convention"
title = "generated"
version = "1"

[sources.c]
name = "c"
title = "c"
"""


def param(key: str, value: str) -> str:
    return f'\n[params.{key}]\nvalue = {value}\ncitation = {{ source = "c", article = "1" }}\n'


@st.composite
def conventions(draw: st.DrawFn, family: str | None = None) -> Policy:
    family = family or draw(
        st.sampled_from(
            [
                "window-before-period-end",
                "notice-before-period-end",
                "notice-before-fixed-date",
                "notice-after-receipt",
                "end-of-marches",
                "none",
            ]
        )
    )
    start = draw(starts)
    years = family == "notice-before-fixed-date" and draw(st.booleans())
    unit = 12 if years else 1
    initial = draw(st.integers(1, 36 // unit)) * unit
    renewal = draw(st.integers(1, 36 // unit)) * unit
    renewals = draw(st.integers(0, 5))
    text = HEAD + param("coordinator", '"c"') + param("adhesion_deadline", start.isoformat())
    text += param("market_start", start.isoformat())
    text += param("initial_period_months", str(initial))
    text += param("renewal_months", str(renewal))
    text += param("max_tacit_renewals", str(renewals))
    text += param("withdrawal_family", f'"{family}"')
    if years:
        text += param("period_basis", '"civil-years"')
    if draw(st.booleans()):
        text += param("withdrawal_forbidden_months", str(draw(st.integers(0, initial))))
    text += param("withdrawal_forbidden_bars", f'"{draw(st.sampled_from(["effect", "letter"]))}"')
    if family in ("window-before-period-end", "notice-before-period-end", "notice-after-receipt"):
        text += param("withdrawal_notice_months", str(draw(st.integers(1, 12))))
    if family in ("notice-before-period-end", "notice-before-fixed-date"):
        text += param(
            "withdrawal_late_letter", f'"{draw(st.sampled_from(["deferred", "too-late"]))}"'
        )
    if family == "notice-before-fixed-date":
        day = draw(st.dates(D(2001, 1, 1), D(2001, 12, 31)))
        effect = draw(st.dates(D(2001, 1, 1), D(2001, 12, 31)))
        text += param("withdrawal_deadline_day", f'"{day:%m-%d}"')
        text += param("withdrawal_deadline_inclusive", str(draw(st.booleans())).lower())
        text += param("withdrawal_effect_day", f'"{effect:%m-%d}"')
    try:
        return load_convention("generated.toml", text=text)
    except PolicyError:
        assume(False)
        raise


def days_of(policy: Policy, data: st.DataObject) -> dt.date:
    sch = schedule(policy)
    return data.draw(st.dates(sch.start - dt.timedelta(days=400), sch.end + dt.timedelta(days=30)))


@given(conventions())
def test_periods_tile_without_gap_or_overlap(policy: Policy) -> None:
    sch = schedule(policy)
    assert sch.periods[0].start == sch.start
    for a, b in zip(sch.periods, sch.periods[1:], strict=False):
        assert a.end == b.start and a.start < a.end
    for m in sch.marches:
        ps = m.periods
        assert ps[0].start == m.start and ps[-1].end == m.end
        assert all(a.end == b.start for a, b in itertools.pairwise(ps))


@given(conventions(), st.data())
def test_the_effect_is_always_an_echeance(policy: Policy, data: st.DataObject) -> None:
    sch = schedule(policy)
    day = days_of(policy, data)
    o = classify(sch, day)
    if o.effective_on is None:
        return
    assert day < o.effective_on < sch.end or (sch.terms.family == "end-of-marches")
    family = sch.terms.family
    if family == "notice-after-receipt":
        assert o.effective_on == add_months(day, sch.terms.notice_months or 0)
    elif family == "end-of-marches":
        assert o.effective_on in {m.end for m in sch.marches} | {day}
    else:
        assert o.effective_on in {w.boundary for w in sch.windows}
        if family != "notice-before-fixed-date":
            assert o.effective_on in {p.end for p in sch.periods}


@given(conventions(), st.data())
def test_the_effect_never_goes_back_as_the_letter_comes_later(
    policy: Policy, data: st.DataObject
) -> None:
    sch = schedule(policy)
    d1, d2 = sorted((days_of(policy, data), days_of(policy, data)))
    o1, o2 = classify(sch, d1), classify(sch, d2)
    if o1.effective_on and o2.effective_on:
        assert o1.effective_on <= o2.effective_on


@given(
    st.one_of(conventions("notice-before-period-end"), conventions("notice-before-fixed-date")),
    st.data(),
)
def test_a_deferred_letter_never_takes_effect_before_a_timely_one(
    policy: Policy, data: st.DataObject
) -> None:
    sch = schedule(policy)
    ws = sch.windows
    late_spans = [(a, b) for a, b in itertools.pairwise(ws) if a.last_day + ONE < a.boundary]
    assume(late_spans)
    missed, _ = data.draw(st.sampled_from(late_spans))
    day = data.draw(st.dates(missed.last_day + ONE, missed.boundary - ONE))
    o = classify(sch, day)
    timely = classify(sch, missed.last_day)  # the last day that was on time
    assert timely.effective_on == missed.boundary
    d = withdrawal(policy, **_on(policy, day))
    if sch.terms.late == "deferred":
        assert o.missed == missed and o.effective_on is not None
        assert missed.boundary < o.effective_on
        assert d.answer == "allowed" and "withdrawal-deferred" in d.codes()
    else:
        assert o.effective_on is None and d.answer == "too-late"


def _on(policy: Policy, day: dt.date) -> dict[str, dt.date]:
    reading = policy.value("withdrawal_request_date")
    return {f"{'sent' if reading == 'sent' else 'received'}_on": day}


@given(conventions(), st.data())
def test_answers_within_an_echeance_are_steady(policy: Policy, data: st.DataObject) -> None:
    """Inside one window every letter day gets the same answer and the same effect."""
    sch = schedule(policy)
    if not sch.windows:
        return
    w = data.draw(st.sampled_from(sch.windows))
    first = max(w.first_day, sch.start - dt.timedelta(days=400))
    day = data.draw(st.dates(first, w.last_day))
    o = classify(sch, day)
    assert (o.answer.value, o.effective_on) == ("allowed", w.boundary)
    after = classify(sch, w.last_day + ONE)
    assert after.effective_on != w.boundary


@given(st.one_of(starts, month_end_days), st.integers(1, 24))
def test_at_least_n_months_before(boundary: dt.date, months: int) -> None:
    """« au moins N mois avant B »: the latest X with X + N months ≤ B, counted forward."""
    x = latest_notice_day(boundary, months)
    assert add_months(x, months) <= boundary < add_months(x + ONE, months)
    y = earliest_day_reaching(boundary, months)
    assert add_months(y, months) >= boundary > add_months(y - ONE, months)


@given(st.one_of(starts, month_end_days), st.integers(-1200, 1200))
def test_month_addition_is_cpc_641(day: dt.date, months: int) -> None:
    try:
        want = day + relativedelta(months=months)
    except (ValueError, OverflowError):
        return
    assert add_months(day, months) == want
