"""Holidays from the ``holidays`` package, checked against a table written from the law.

Reference: Code du travail L3133-1 (the 11 fêtes légales), L3134-13 (Alsace-Moselle),
L3422-2 (overseas), and the Easter dates of SPEC Part C / research (Meeus/Butcher).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.errors import InputError
from groupement_rules.holidays_fr import (
    Basis,
    HolidayCalendar,
    Zone,
    calendar_for_insee,
    holidays_in,
    zone_for_insee,
)

#: year: (Easter Sunday, Good Friday, Easter Monday, Ascension, Whit Monday), from the research
#: table (not computed by the code under test).
EASTER = {
    2024: ("03-31", "03-29", "04-01", "05-09", "05-20"),
    2025: ("04-20", "04-18", "04-21", "05-29", "06-09"),
    2026: ("04-05", "04-03", "04-06", "05-14", "05-25"),
    2027: ("03-28", "03-26", "03-29", "05-06", "05-17"),
    2028: ("04-16", "04-14", "04-17", "05-25", "06-05"),
}
FIXED = ("01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25")
ABOLITION = {
    Zone.MAYOTTE: "04-27",
    Zone.MARTINIQUE: "05-22",
    Zone.GUADELOUPE: "05-27",
    Zone.GUYANE: "06-10",
    Zone.REUNION: "12-20",
}
YEARS = sorted(EASTER)


def _d(year: int, md: str) -> dt.date:
    return dt.date.fromisoformat(f"{year}-{md}")


def l3133_1(year: int) -> set[dt.date]:
    """The 11 fêtes légales of L3133-1 for ``year``, from the reference table."""
    _, _, monday, ascension, whit = EASTER[year]
    return {_d(year, md) for md in (*FIXED, monday, ascension, whit)}


@pytest.mark.parametrize("year", YEARS)
def test_metropole_is_exactly_l3133_1(year: int) -> None:
    got = holidays_in(year, Zone.METROPOLE)
    assert set(got) == l3133_1(year)
    assert len(got) == 11
    assert all(h.basis is Basis.NATIONAL for h in got.values())


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("zone", [Zone.MOSELLE, Zone.BAS_RHIN, Zone.HAUT_RHIN])
def test_alsace_moselle_adds_26_december_and_good_friday_by_flag(year: int, zone: Zone) -> None:
    friday = _d(year, EASTER[year][1])
    without = holidays_in(year, zone)
    assert set(without) == l3133_1(year) | {_d(year, "12-26")}
    assert without[_d(year, "12-26")].basis is Basis.ALSACE_MOSELLE
    with_temple = holidays_in(year, zone, good_friday=True)
    assert set(with_temple) == l3133_1(year) | {_d(year, "12-26"), friday}
    assert with_temple[friday].basis is Basis.ALSACE_MOSELLE


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("zone", sorted(ABOLITION))
def test_overseas_adds_abolition_day(year: int, zone: Zone) -> None:
    day = _d(year, ABOLITION[zone])
    got = holidays_in(year, zone)
    assert set(got) == l3133_1(year) | {day}
    assert got[day].basis is Basis.ABOLITION


def test_good_friday_flag_does_nothing_outside_alsace_moselle() -> None:
    assert set(holidays_in(2026, Zone.METROPOLE, good_friday=True)) == l3133_1(2026)


def test_customary_days_of_the_antilles_only_on_request() -> None:
    extra = set(holidays_in(2026, Zone.GUADELOUPE, customary=True)) - set(
        holidays_in(2026, Zone.GUADELOUPE)
    )
    # the library adds Mi-Carême, Good Friday and the fête Victor Schœlcher (no cited text)
    assert dt.date(2026, 7, 21) in extra
    assert dt.date(2026, 4, 3) in extra
    days = holidays_in(2026, Zone.GUADELOUPE, customary=True)
    assert all(days[d].basis is Basis.CUSTOMARY for d in extra)


def test_whit_monday_kept_in_solidarity_years() -> None:
    # the library drops it in 2005–2007; L3133-1 always listed it
    assert dt.date(2006, 6, 5) in holidays_in(2006)


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        ("49176", Zone.METROPOLE),
        ("2A004", Zone.METROPOLE),
        ("57463", Zone.MOSELLE),
        ("67482", Zone.BAS_RHIN),
        ("68224", Zone.HAUT_RHIN),
        ("97105", Zone.GUADELOUPE),
        ("97209", Zone.MARTINIQUE),
        ("97302", Zone.GUYANE),
        ("97411", Zone.REUNION),
        ("97611", Zone.MAYOTTE),
        (None, Zone.METROPOLE),
    ],
)
def test_zone_from_insee(code: str | None, zone: Zone) -> None:
    assert zone_for_insee(code) is zone


@pytest.mark.parametrize("code", ["4917", "ABCDE", "97501", "98735", "2C004", ""])
def test_bad_or_unsupported_insee(code: str) -> None:
    with pytest.raises(InputError):
        zone_for_insee(code)


def test_calendar_for_insee() -> None:
    cal = calendar_for_insee("57463", good_friday=True)
    assert cal.is_holiday(dt.date(2026, 4, 3))
    assert cal.is_holiday(dt.date(2026, 12, 26))
    assert not HolidayCalendar().is_holiday(dt.date(2026, 12, 26))
    assert cal.holiday(dt.date(2026, 12, 26)) is not None


@given(st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)))
def test_every_zone_contains_the_national_days(day: dt.date) -> None:
    national = day in holidays_in(day.year)
    for zone in Zone:
        assert (not national) or day in holidays_in(day.year, zone)
