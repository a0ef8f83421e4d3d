"""Counting conventions of legal_time: calendaires, ouvrables, ouvrés, francs; after/before;
with or without the CPC art. 642 extension; one mechanism for convocation and recours."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.holidays_fr import HolidayCalendar, Zone
from groupement_rules.legal_time import (
    Delai,
    Jours,
    Unit,
    WeekendsOnly,
    count_days,
    count_delai,
    is_working_day,
    jours_calendaires,
    jours_francs,
    jours_francs_between,
    jours_ouvrables,
    jours_ouvres,
    latest_act_for_jours_francs,
    mois,
    next_working_day,
)

CAL = HolidayCalendar()
dates = st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31))
small = st.integers(0, 40)


def test_convocation_of_the_seed() -> None:
    # séance 2026-02-02, 5 jours francs (L2121-12): send on 27 January at the latest
    assert latest_act_for_jours_francs(dt.date(2026, 2, 2), 5) == dt.date(2026, 1, 27)
    assert jours_francs_between(dt.date(2026, 1, 27), dt.date(2026, 2, 2)) == 5


def test_amf_example_three_jours_francs_friday_meeting() -> None:
    # 3 jours francs, meeting on Friday 2026-02-06 → send on Monday 2026-02-02
    assert jours_francs(dt.date(2026, 2, 6), 3, before=True).value == dt.date(2026, 2, 2)


def test_convocation_ignores_holidays_no_extension() -> None:
    # touspolitiques: meeting on the 28th, the 25th is a holiday, 3 jours francs → the 24th
    e = jours_francs(dt.date(2026, 12, 28), 3, before=True, cal=CAL)
    assert e.value == dt.date(2026, 12, 24)
    assert not e.extended


def test_extension_moves_sunday_to_monday_and_over_holidays() -> None:
    e = jours_calendaires(dt.date(2026, 4, 1), 4, extension=True, cal=CAL)  # Sun 5 → Mon 6 holiday
    assert e.value == dt.date(2026, 4, 7)
    assert e.moved_from == dt.date(2026, 4, 5)
    assert "CPC art. 642" in e.how()


def test_ouvrables_skip_sunday_and_holiday_not_saturday() -> None:
    # after Friday 2026-05-01 (holiday): Sat 2 (1), Sun 3 skipped, Mon 4 (2) ... Fri 8 holiday
    e = jours_ouvrables(dt.date(2026, 5, 1), 6, CAL)
    assert e.value == dt.date(2026, 5, 9)  # 2,4,5,6,7 then 8 (holiday) skipped → Sat 9
    o = jours_ouvres(dt.date(2026, 5, 1), 6, CAL)
    assert o.value == dt.date(2026, 5, 12)  # 4,5,6,7,11,12


def test_months_franc_extension_worked_examples() -> None:
    for start, last in [
        (dt.date(2021, 1, 3), dt.date(2021, 3, 4)),
        (dt.date(2024, 11, 12), dt.date(2025, 1, 13)),
        (dt.date(2007, 10, 1), dt.date(2007, 12, 3)),
    ]:
        assert mois(start, 2, franc=True, extension=True, cal=CAL).value == last


def test_month_end_orders_differ() -> None:
    a = mois(dt.date(2024, 12, 30), 2, franc=True)
    b = mois(dt.date(2024, 12, 30), 2, franc=True, franc_first=True)
    assert (a.value, b.value) == (dt.date(2025, 3, 1), dt.date(2025, 2, 28))
    assert a.clamped and b.clamped


def test_months_need_calendar_days() -> None:
    with pytest.raises(ValueError):
        Delai(2, Unit.MONTHS, Jours.OUVRABLES)


def test_extension_needs_a_calendar() -> None:
    with pytest.raises(ValueError):
        jours_calendaires(dt.date(2026, 1, 1), 3, extension=True)


@given(dates, small)
def test_latest_act_agrees_with_jours_francs_between(event: dt.date, jours: int) -> None:
    act = latest_act_for_jours_francs(event, jours)
    assert jours_francs_between(act, event) == jours
    # one day later leaves one jour franc less: it is the latest day
    assert jours_francs_between(act + dt.timedelta(days=1), event) == jours - 1


@given(dates, dates)
def test_jours_francs_between_counts_calendar_days_strictly_between(a: dt.date, b: dt.date) -> None:
    if b > a:
        n = count_days(a + dt.timedelta(days=1), b - dt.timedelta(days=1), Jours.CALENDAIRES, None)
        assert jours_francs_between(a, b) == n


@given(dates, small)
def test_after_counts_exactly_n_days_of_the_kind(start: dt.date, n: int) -> None:
    for kind, fn in ((Jours.OUVRABLES, jours_ouvrables), (Jours.OUVRES, jours_ouvres)):
        end = fn(start, n, CAL).value
        assert count_days(start + dt.timedelta(days=1), end, kind, CAL) == n
        if n:
            assert count_delai(start, Delai(n, jours=kind), CAL).value == end


@given(dates, small)
def test_ouvres_reach_no_earlier_than_ouvrables_than_calendaires(start: dt.date, n: int) -> None:
    c = jours_calendaires(start, n).value
    o = jours_ouvrables(start, n, CAL).value
    w = jours_ouvres(start, n, CAL).value
    assert c <= o <= w
    b_c = jours_calendaires(start, n, before=True).value
    b_o = jours_ouvrables(start, n, CAL, before=True).value
    b_w = jours_ouvres(start, n, CAL, before=True).value
    assert b_w <= b_o <= b_c


@given(dates, st.integers(0, 120))
def test_over_a_span_ouvres_le_ouvrables_le_calendaires(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    c = count_days(start, end, Jours.CALENDAIRES, CAL)
    o = count_days(start, end, Jours.OUVRABLES, CAL)
    w = count_days(start, end, Jours.OUVRES, CAL)
    assert w <= o <= c == length + 1
    # a week always holds at least one Sunday, which is not ouvrable
    if length >= 6:
        assert o < c


@given(dates, small)
def test_franc_is_one_day_beyond_the_plain_count(start: dt.date, n: int) -> None:
    assert jours_francs(start, n).value == jours_calendaires(start, n).value + dt.timedelta(1)
    assert jours_francs(start, n, before=True).value == jours_calendaires(
        start, n, before=True
    ).value - dt.timedelta(1)


@given(dates, small, st.sampled_from([Zone.METROPOLE, Zone.MOSELLE, Zone.REUNION]))
def test_extension_lands_on_the_first_working_day_on_or_after(
    start: dt.date, n: int, zone: Zone
) -> None:
    cal = HolidayCalendar(zone)
    plain = jours_calendaires(start, n).value
    ext = jours_calendaires(start, n, extension=True, cal=cal).value
    assert is_working_day(ext, cal)
    assert ext >= plain
    d = plain
    while d < ext:  # every day skipped was not a working day
        assert not is_working_day(d, cal)
        d += dt.timedelta(days=1)
    back = jours_calendaires(start, n, before=True, extension=True, cal=cal).value
    assert is_working_day(back, cal) and back <= jours_calendaires(start, n, before=True).value


def test_weekends_only_calendar() -> None:
    assert next_working_day(dt.date(2026, 12, 25), WeekendsOnly()) == dt.date(2026, 12, 25)
    assert next_working_day(dt.date(2026, 12, 25), CAL) == dt.date(2026, 12, 28)


@given(dates, dates, small)
def test_enough_jours_francs_iff_sent_by_the_latest_day(
    act: dt.date, event: dt.date, jours: int
) -> None:
    ok = jours_francs_between(act, event) >= jours
    assert ok == (act <= latest_act_for_jours_francs(event, jours))


def test_import_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, groupement_rules, groupement_rules.deadlines, groupement_rules.cli;"
        "print('holidays' in sys.modules, 'icalendar' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
