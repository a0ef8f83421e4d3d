"""Text output of convention decisions (withdrawal, windows, status, adherent, timeline)."""

from __future__ import annotations

from .. import labels
from ..decision import Decision
from .core import colon, day, span, words


def _convention_details(d: Decision, lang: str) -> list[str]:
    en = lang == "en"
    data = d.data
    out: list[str] = []
    c = colon(lang)
    if d.question == "withdrawal":
        reading = labels.say(
            labels.reading_value_label("withdrawal_request_date", str(data["reading"])),
            lang,
            str(data["reading"]),
        )
        out.append(f"{reading}{c} {day(data['request_date'], lang)}")
        if data.get("effective_on"):
            out.append(
                words("prend effet le", "takes effect on", lang)
                + " "
                + day(data["effective_on"], lang)
            )
        if data.get("window"):
            out.append(words("fenêtre", "window", lang) + " " + span(data["window"], lang))
        if data.get("engaged_until"):
            out.append(
                words("engagé jusqu'au", "engaged until", lang)
                + " "
                + day(data["engaged_until"], lang)
                + words(" (borne de fin ; dernier jour ", " (end boundary; last day ", lang)
                + day(data["engaged_last_day"], lang)
                + ")"
            )
    elif d.question == "status":
        if data.get("period"):
            p = data["period"]
            out.append(("period" if en else "période") + f" {p['index']} " + span(p, lang))
        if data.get("member_until"):
            out.append(
                ("member until" if en else "membre jusqu'au")
                + " "
                + day(data["member_until"], lang)
                + (" (end boundary)" if en else " (borne de fin)")
            )
    elif d.question in ("timeline", "withdrawal-windows"):
        for ev in data.get("events", []):
            cit = ev["citation"].get("texts", {}).get(lang, ev["citation"]["text"])
            out.append(f"{day(ev['date'], lang)}  {ev['label'][lang if en else 'fr']}  [{cit}]")
        for w in data.get("windows", []):
            out.append(
                ("withdrawal window" if en else "fenêtre de retrait")
                + f" {w['index']}{c} "
                + span(w, lang)
                + (", effect on " if en else ", effet le ")
                + day(w["effective_on"], lang)
            )
    elif d.question == "adherent":
        a = data["adherent"]
        out.append(
            f"{a['name']} ({a['kind']}"
            + (f", {a['departement']})" if a.get("departement") else ")")
        )
        status = labels.say(
            labels.answer_label("status", str(data["status"])), lang, data["status"]
        )
        out.append(words("situation", "status", lang) + f"{c} " + status)
    return out


DETAILS = {
    q: _convention_details
    for q in ("withdrawal", "status", "timeline", "withdrawal-windows", "adherent")
}
