"""Legal time (SPEC A.2): months per CPC art. 641, half-open periods, jours francs."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.legal_time import (
    Period,
    add_months,
    jours_francs_between,
    latest_act_for_jours_francs,
    months_period,
    months_preceding,
    shift_months,
)

dates = st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31))
month_ends = st.builds(
    lambda y, m, d: dt.date(y, m, 1) + relativedelta(day=d),
    st.integers(1990, 2090),
    st.integers(1, 12),
    st.integers(28, 31),
)


def test_spec_example_month_end_clamps() -> None:
    s = shift_months(dt.date(2026, 8, 31), 1)
    assert s.value == dt.date(2026, 9, 30)
    assert s.clamped
    assert "641" in (s.note() or "")


def test_no_note_when_the_day_exists() -> None:
    s = shift_months(dt.date(2026, 7, 19), 24)
    assert s.value == dt.date(2028, 7, 19)
    assert not s.clamped
    assert s.note() is None


def test_leap_day() -> None:
    assert add_months(dt.date(2028, 2, 29), 12) == dt.date(2029, 2, 28)
    assert add_months(dt.date(2028, 3, 31), -1) == dt.date(2028, 2, 29)


def test_month_addition_is_not_associative() -> None:
    """Why every boundary is computed from its anchor in one step."""
    d = dt.date(2026, 1, 31)
    assert add_months(add_months(d, 1), 1) == dt.date(2026, 3, 28)
    assert add_months(d, 2) == dt.date(2026, 3, 31)


@given(month_ends, st.integers(1, 30), st.integers(1, 30))
def test_chained_additions_never_overshoot_the_one_step_boundary(
    d: dt.date, a: int, b: int
) -> None:
    one_step = add_months(d, a + b)
    chained = add_months(add_months(d, a), b)
    assert chained <= one_step
    if chained != one_step:
        # the difference comes only from a clamped intermediate month end
        assert add_months(d, a).day < d.day


@given(dates, st.integers(-600, 600))
def test_same_quantieme_or_last_day_of_month(d: dt.date, n: int) -> None:
    r = add_months(d, n)
    assert (r.year * 12 + r.month) - (d.year * 12 + d.month) == n
    assert r.day == d.day or (r.day < d.day and (r + dt.timedelta(days=1)).day == 1)


@given(dates, st.lists(st.integers(0, 36), min_size=1, max_size=6))
def test_periods_from_one_anchor_tile_without_gap_or_overlap(
    start: dt.date, lengths: list[int]
) -> None:
    cumulative = [sum(lengths[: i + 1]) for i in range(len(lengths))]
    bounds = [start] + [add_months(start, c) for c in cumulative]
    periods = [Period(a, b) for a, b in itertools.pairwise(bounds)]
    assert sum(p.days for p in periods) == (bounds[-1] - start).days
    for p, q in itertools.pairwise(periods):
        assert p.end == q.start


@given(dates, st.integers(0, 60))
def test_period_of_months_is_half_open(start: dt.date, n: int) -> None:
    p = months_period(start, n)
    assert p.start == start and p.end == add_months(start, n)
    if n:
        assert start in p and p.last_day in p and p.end not in p
        assert p.last_day == p.end - dt.timedelta(days=1)
    assert (start - dt.timedelta(days=1)) not in p


@given(dates, st.integers(1, 24))
def test_months_preceding_ends_at_its_boundary(b: dt.date, n: int) -> None:
    w = months_preceding(b, n)
    assert w.end == b and w.start == add_months(b, -n)
    assert b not in w and (b - dt.timedelta(days=1)) in w


def test_negative_months_refused() -> None:
    with pytest.raises(ValueError):
        months_period(dt.date(2026, 1, 1), -1)
    with pytest.raises(ValueError):
        Period(dt.date(2026, 1, 2), dt.date(2026, 1, 1))


def test_jours_francs_seed() -> None:
    # SPEC B.2.2: sent 2026-01-27, séance 2026-02-02 → 5 jours francs
    assert jours_francs_between(dt.date(2026, 1, 27), dt.date(2026, 2, 2)) == 5
    assert latest_act_for_jours_francs(dt.date(2026, 2, 2), 5) == dt.date(2026, 1, 27)


@given(dates, st.integers(0, 15))
def test_jours_francs_agree_with_latest_act(event: dt.date, n: int) -> None:
    latest = latest_act_for_jours_francs(event, n)
    assert jours_francs_between(latest, event) == n
    assert jours_francs_between(latest + dt.timedelta(days=1), event) == n - 1
