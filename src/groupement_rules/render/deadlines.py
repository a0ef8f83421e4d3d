"""Text output of deadline decisions (recours, executory force)."""

from __future__ import annotations

from ..deadlines import ExecutoryAnswer, RecoursAnswer
from ..decision import Decision
from .core import day

QUESTIONS: dict[str, tuple[str, str]] = {
    "recours": ("Délai de recours contentieux", "Recours deadline"),
    "executory": ("Caractère exécutoire", "Executory force"),
}

ANSWERS: dict[str, tuple[str, str]] = {
    RecoursAnswer.DEADLINE.value: ("date limite calculée", "deadline computed"),
    RecoursAnswer.NOT_RUNNING.value: ("le délai ne court pas", "the délai does not run"),
    ExecutoryAnswer.EXECUTORY.value: ("exécutoire", "executory"),
    ExecutoryAnswer.NOT_EXECUTORY.value: ("non exécutoire", "not executory"),
}


def _details(d: Decision, lang: str) -> list[str]:
    en = lang == "en"
    data = d.data
    out: list[str] = []
    if d.question == "recours":
        if data.get("last_day"):
            out.append(
                ("last admissible day" if en else "dernier jour admissible")
                + f": {day(data['last_day'], lang)}"
            )
            if data.get("cautious_last_day") != data.get("last_day"):
                out.append(
                    ("cautious date" if en else "date prudente")
                    + f": {day(data['cautious_last_day'], lang)}"
                )
            out.append(
                ("délai runs from" if en else "délai courant à partir du")
                + f" {day(data['runs_from'], lang)}"
            )
        out.append(("holidays" if en else "jours fériés") + f": {d.inputs['holidays']}")
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
            + ": "
            + (
                day(data["recours_last_day"], lang)
                if data.get("recours_last_day")
                else ("none (the délai does not run)" if en else "aucun (le délai ne court pas)")
            )
        )
    return out


DETAILS = {"recours": _details, "executory": _details}
