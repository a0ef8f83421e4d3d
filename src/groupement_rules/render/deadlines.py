"""Text output of deadline decisions (recours, executory force)."""

from __future__ import annotations

from ..decision import Decision
from .core import colon, day, words

#: The English words of a holiday calendar's description (``HolidayCalendar.describe``).
_CALENDAR_EN = (
    ("métropole", "metropolitan France"),
    ("vendredi saint", "Good Friday"),
    ("jours coutumiers", "customary days"),
)


def _zone(described: object, lang: str) -> str:
    text = str(described)
    if lang == "en":
        for fr, en in _CALENDAR_EN:
            text = text.replace(fr, en)
    return text


def _details(d: Decision, lang: str) -> list[str]:
    en = lang == "en"
    c = colon(lang)
    data = d.data
    out: list[str] = []
    if d.question == "recours":
        if data.get("last_day"):
            out.append(
                ("last admissible day" if en else "dernier jour admissible")
                + f"{c} {day(data['last_day'], lang)}"
            )
            if data.get("cautious_last_day") != data.get("last_day"):
                out.append(
                    ("cautious date" if en else "date prudente")
                    + f"{c} {day(data['cautious_last_day'], lang)}"
                )
            out.append(
                ("délai runs from" if en else "délai courant à partir du")
                + f" {day(data['runs_from'], lang)}"
            )
        out.append(
            words("jours fériés", "holidays", lang) + f"{c} {_zone(d.inputs['holidays'], lang)}"
        )
    elif d.question == "executory":
        act = d.inputs["act"]
        out.append(
            ("act" if en else "acte")
            + f" {act.get('number') or ''} ({act.get('commune') or '—'}), "
            + ("adopted on " if en else "adopté le ")
            + day(act["adopted_on"], lang)
        )
        if data.get("executory_since"):
            out.append(
                ("executory since" if en else "exécutoire depuis le")
                + f" {day(data['executory_since'], lang)}"
            )
        out.append(
            ("last day of the recours" if en else "dernier jour du recours")
            + f"{c} "
            + (
                day(data["recours_last_day"], lang)
                if data.get("recours_last_day")
                else ("none (the délai does not run)" if en else "aucun (le délai ne court pas)")
            )
        )
    return out


DETAILS = {"recours": _details, "executory": _details}
