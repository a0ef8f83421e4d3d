"""iCalendar export (RFC 5545) of an adherent's key dates and of a recours deadline.

Built with the maintained ``icalendar`` package, imported lazily inside the
functions. Every event is an all-day event (``DTSTART;VALUE=DATE`` and the next
day as ``DTEND``), has a stable UID derived from the policy id and the event
name (so that importing the file again updates the events rather than
duplicating them), a ``DTSTAMP`` given by the caller (no clock here), and the
article it comes from in its description.

Alarms: two weeks before a withdrawal window opens, and one week before its
last day (the window closes at the end of that day); one week before the last
admissible day of a recours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .convention.rules import timeline
from .decision import Decision
from .errors import InputError
from .policy import Policy

if TYPE_CHECKING:  # pragma: no cover
    from icalendar import Calendar

PRODID = "-//groupement-rules//groupement-rules//FR"
UID_DOMAIN = "groupement-rules"
WINDOW_OPENS_ALARM = dt.timedelta(days=14)
WINDOW_CLOSES_ALARM = dt.timedelta(days=7)
RECOURS_ALARM = dt.timedelta(days=7)


def _wanted(name: str, last_period: str) -> bool:
    """The adherent's key dates: start, windows, renewal(s), end."""
    if name in ("market_start", "convention_end"):
        return True
    if name.startswith("window_"):
        return True
    return name.startswith("period_") and name.endswith("_end") and name != last_period


def uid(policy_id: str, event: str) -> str:
    """A stable UID: the same policy and event give the same UID on every export."""
    safe = "".join(c if c.isalnum() or c in "-._" else "-" for c in f"{policy_id}.{event}")
    return f"{safe}@{UID_DOMAIN}"


def _calendar(name: str) -> Calendar:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def _event(
    *,
    uid_: str,
    day: dt.date,
    summary: str,
    description: str,
    stamp: dt.datetime,
    alarms: Iterable[tuple[dt.timedelta, str]] = (),
) -> Any:
    from icalendar import Alarm, Event

    ev = Event()
    ev.add("uid", uid_)
    ev.add("dtstamp", stamp)
    ev.add("dtstart", day)
    ev.add("dtend", day + dt.timedelta(days=1))
    ev.add("summary", summary)
    ev.add("description", description)
    ev.add("transp", "TRANSPARENT")
    for before, text in alarms:
        al = Alarm()
        al.add("action", "DISPLAY")
        al.add("description", text)
        al.add("trigger", -before)
        ev.add_component(al)
    return ev


def _utc(stamp: dt.datetime) -> dt.datetime:
    if stamp.tzinfo is None:
        raise ValueError("the DTSTAMP must be an aware datetime (UTC)")
    return stamp.astimezone(dt.UTC)


def convention_ics(
    policy: Policy, *, stamp: dt.datetime, adherent: str | None = None, lang: str = "fr"
) -> bytes:
    """The convention's key dates for an adherent, as an iCalendar file (bytes)."""
    stamp = _utc(stamp)
    d = timeline(policy)
    en = lang == "en"
    events: list[Mapping[str, Any]] = d.data["events"]
    last_period = f"period_{len(d.data['periods'])}_end"
    title = policy.ref.title + (f" — {adherent}" if adherent else "")
    cal = _calendar(title)
    for e in events:
        name = e["name"]
        if not _wanted(name, last_period):
            continue
        day = dt.date.fromisoformat(e["date"])
        label = e["label"]["en" if en else "fr"]
        cit = e["citation"].get("texts", {}).get(lang, e["citation"]["text"])
        how = e.get("hows", {}).get(lang, e["how"])
        description = f"{label}\n{cit}\n{how}\n{policy.ref.title} ({policy.id} v{policy.version})"
        alarms: list[tuple[dt.timedelta, str]] = []
        if name.startswith("window_") and name.endswith("_first_day"):
            alarms.append(
                (
                    WINDOW_OPENS_ALARM,
                    "withdrawal window opens in two weeks"
                    if en
                    else "la fenêtre de retrait s'ouvre dans deux semaines",
                )
            )
        elif name.startswith("window_") and name.endswith("_last_day"):
            alarms.append(
                (
                    WINDOW_CLOSES_ALARM,
                    "withdrawal window closes in one week"
                    if en
                    else "la fenêtre de retrait se ferme dans une semaine",
                )
            )
        cal.add_component(
            _event(
                uid_=uid(policy.id, name),
                day=day,
                summary=f"{label} [{cit}]",
                description=description,
                stamp=stamp,
                alarms=alarms,
            )
        )
    out: bytes = cal.to_ical()
    return out


def recours_ics(decision: Decision, *, stamp: dt.datetime, lang: str = "fr") -> bytes:
    """The last admissible day of a recours (a ``recours`` decision), as an iCalendar file."""
    if decision.question != "recours":
        raise ValueError(f"not a recours decision: {decision.question!r}")
    last = decision.data.get("last_day")
    if last is None:
        raise InputError("ics", "no recours deadline: the act was neither published nor notified")
    stamp = _utc(stamp)
    en = lang == "en"
    day = dt.date.fromisoformat(last)
    start = decision.inputs.get("start")
    policy_id = decision.policy.id if decision.policy else "recours"
    summary = (
        "last day to file a recours contentieux" if en else "dernier jour du recours contentieux"
    )
    c_ = ":" if en else " :"
    cits = "; ".join(c.text(lang) for c in decision.citations)
    hows = "\n".join(
        f"{c.label(lang)}{c_} {c.value.isoformat()} ({c.how_in(lang)})" for c in decision.dates
    )
    cal = _calendar(summary)
    cal.add_component(
        _event(
            uid_=uid(policy_id, f"recours-{start}-{decision.data.get('runs_from')}"),
            day=day,
            summary=f"{summary} [{decision.citations[0].text(lang)}]",
            description=f"{summary}\n{cits}\n{hows}",
            stamp=stamp,
            alarms=[
                (
                    RECOURS_ALARM,
                    "one week left to file the recours"
                    if en
                    else "plus qu'une semaine pour former le recours",
                )
            ],
        )
    )
    out: bytes = cal.to_ical()
    return out


def write_ics(path: str | Path, data: bytes) -> None:
    """Write an iCalendar file, atomically (:func:`groupement_rules.outputs.write_bytes`);
    an :class:`InputError` names the path when it cannot."""
    from .outputs import write_bytes

    write_bytes(path, data)


__all__ = ["convention_ics", "recours_ics", "uid", "write_ics"]
