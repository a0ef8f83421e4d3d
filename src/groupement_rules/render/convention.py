"""Text output of convention decisions (withdrawal, windows, status, adherent, timeline)."""

from __future__ import annotations

from .. import labels
from ..decision import Decision
from .core import colon, day, span, words


def _convention_details(d: Decision, lang: str) -> list[str]:
    data = d.data
    c = colon(lang)
    out: list[str] = []
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
            out.append(
                words("période", "period", lang)
                + f" {p['index']}{_renewal(p, lang)} "
                + span(p, lang)
            )
        if data.get("member_until"):
            out.append(
                words("membre jusqu'au", "member until", lang)
                + " "
                + day(data["member_until"], lang)
                + words(" (borne de fin)", " (end boundary)", lang)
            )
    elif d.question in ("timeline", "withdrawal-windows"):
        for ev in data.get("events", []):
            cit = ev["citation"].get("texts", {}).get(lang, ev["citation"]["text"])
            out.append(
                f"{day(ev['date'], lang)}  {ev['label']['en' if lang == 'en' else 'fr']}  [{cit}]"
            )
        for w in data.get("windows", []):
            out.append(
                words("fenêtre de retrait", "withdrawal window", lang)
                + f" {w['index']}{c} "
                + span(w, lang)
                + words(", effet le ", ", effect on ", lang)
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
        renewal = _renewal(data["period"], lang) if data.get("period") else ""
        out.append(words("situation", "status", lang) + f"{c} " + status + renewal)
    return out


def _renewal(period: dict[str, object], lang: str) -> str:
    """« (renouvellement 2) » after a renewed period: the status value stays
    ``second-period`` for every renewal, the text says which one."""
    k = int(str(period["index"])) - 1
    if k < 1:
        return ""
    return words(f" (renouvellement {k})", f" (renewal {k})", lang)


DETAILS = {
    q: _convention_details
    for q in ("withdrawal", "status", "timeline", "withdrawal-windows", "adherent")
}
