"""iCalendar export: round-trip through the icalendar parser, events, UIDs, alarms."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from groupement_rules.convention.policy import default_convention
from groupement_rules.deadlines import default_deadlines, recours
from groupement_rules.errors import InputError
from groupement_rules.holidays_fr import HolidayCalendar
from groupement_rules.ics import convention_ics, recours_ics, uid

STAMP = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.UTC)


def _events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    assert cal["version"] == "2.0"
    assert cal.get("prodid")
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_convention_round_trip_events_and_alarms() -> None:
    policy = default_convention()
    data = convention_ics(policy, stamp=STAMP, adherent="Le Lion d'Angers")
    events = _events(data)
    expected = {
        "market_start": dt.date(2026, 7, 19),
        "window_1_first_day": dt.date(2028, 5, 19),
        "window_1_last_day": dt.date(2028, 7, 18),
        "period_1_end": dt.date(2028, 7, 19),
        "convention_end": dt.date(2030, 7, 19),
    }
    assert set(events) == {uid(policy.id, n) for n in expected}
    for name, day in expected.items():
        ev = events[uid(policy.id, name)]
        assert ev.decoded("dtstart") == day
        assert not isinstance(ev.decoded("dtstart"), dt.datetime)  # all-day
        assert ev.decoded("dtend") == day + dt.timedelta(days=1)
        assert ev.decoded("dtstamp") == STAMP
        assert "art." in str(ev["description"])  # the article it comes from
    opens = events[uid(policy.id, "window_1_first_day")]
    closes = events[uid(policy.id, "window_1_last_day")]
    assert [a.decoded("trigger") for a in opens.walk("VALARM")] == [-dt.timedelta(days=14)]
    assert [a.decoded("trigger") for a in closes.walk("VALARM")] == [-dt.timedelta(days=7)]
    assert not list(events[uid(policy.id, "market_start")].walk("VALARM"))
    assert "art. 3" in str(opens["description"])
    # re-serialising the parsed calendar gives the same bytes
    assert icalendar.Calendar.from_ical(data).to_ical() == data


def test_uids_are_stable_across_exports() -> None:
    policy = default_convention()
    a = _events(convention_ics(policy, stamp=STAMP))
    b = _events(convention_ics(policy, stamp=STAMP + dt.timedelta(days=3)))
    assert set(a) == set(b)
    assert all("@" in u and " " not in u for u in a)


def test_recours_ics() -> None:
    d = recours(default_deadlines(), dt.date(2007, 10, 1), HolidayCalendar())
    events = list(_events(recours_ics(d, stamp=STAMP)).values())
    assert len(events) == 1
    ev = events[0]
    assert ev.decoded("dtstart") == dt.date(2007, 12, 3)
    assert "R421-1" in str(ev["description"])
    assert [a.decoded("trigger") for a in ev.walk("VALARM")] == [-dt.timedelta(days=7)]


def test_recours_ics_refuses_unpublished_act() -> None:
    d = recours(default_deadlines(), None, HolidayCalendar())
    with pytest.raises(InputError):
        recours_ics(d, stamp=STAMP)


def test_naive_stamp_refused() -> None:
    with pytest.raises(ValueError):
        convention_ics(default_convention(), stamp=dt.datetime(2026, 1, 1))
