"""Text output of séance decisions (séance checks, convocation délais)."""

from __future__ import annotations

from typing import Any

from ..decision import Decision
from .core import day

_REGIMES = {
    "small": ("communes de moins de 3 500 habitants", "communes under 3 500 inhabitants"),
    "large": ("communes de 3 500 habitants et plus", "communes of 3 500 inhabitants or more"),
    "urgent": ("urgence", "urgency"),
    "after-renewal": (
        "première séance après le renouvellement général",
        "first séance after a general renewal",
    ),
}


def _yes(v: Any, en: bool) -> str:
    if v is None:
        return "?"
    if en:
        return "yes" if v else "no"
    return "oui" if v else "non"


def _n(v: Any) -> str:
    return "?" if v is None else str(v)


def _seance_details(d: Decision, lang: str) -> list[str]:
    en = lang == "en"
    out: list[str] = []
    if d.question == "convocation":
        data = d.data
        regime = _REGIMES.get(str(data["regime"]), (data["regime"], data["regime"]))
        out.append(
            (
                f"séance on {day(data['seance_date'], lang)}: send by "
                if en
                else f"séance du {day(data['seance_date'], lang)} : envoi au plus tard le "
            )
            + day(data["latest_sending_day"], lang)
        )
        out.append(
            f"{data['jours_francs']} jours francs ({regime[1] if en else regime[0]})"
            + (
                "; weekends and holidays count and never extend it"
                if en
                else " ; samedis, dimanches et fériés comptent et ne prolongent pas le délai"
            )
        )
        return out
    s = d.data["seance"]
    conv = s["convocation"]
    out.append(
        f"{s['commune'] or '?'}, "
        + (f"séance of {day(s['date'], lang)}" if en else f"séance du {day(s['date'], lang)}")
        + (f", {_n(s['en_exercice'])} members en exercice" if en else "")
        + ("" if en else f", {_n(s['en_exercice'])} membres en exercice")
    )
    if conv["sent_on"]:
        out.append(
            f"convocation sent {day(conv['sent_on'], lang)}: {conv['jours_francs']} jours "
            f"francs, {conv['required_jours_francs']} required"
            if en
            else f"convocation envoyée le {day(conv['sent_on'], lang)} : "
            f"{conv['jours_francs']} jours francs, {conv['required_jours_francs']} requis"
        )
    for dl in d.data["deliberations"]:
        c = dl["computed"]
        title = f" {dl['title']}" if dl.get("title") else ""
        out.append(f"[{dl['number']}]{title}")
        if en:
            out.append(
                f"  present {_n(c['presents'])} (for quorum {_n(c['presents_for_quorum'])}), "
                f"represented {_n(c['represented'])}, votants {_n(c['votants'])}, "
                f"exprimés {_n(c['exprimes'])}; quorum {_n(c['quorum'])} reached: "
                f"{_yes(c['quorum_reached'], en)}; adopted: {_yes(c['adopted'], en)}"
            )
        else:
            out.append(
                f"  présents {_n(c['presents'])} (pour le quorum {_n(c['presents_for_quorum'])}), "
                f"représentés {_n(c['represented'])}, votants {_n(c['votants'])}, "
                f"exprimés {_n(c['exprimes'])} ; quorum {_n(c['quorum'])} atteint : "
                f"{_yes(c['quorum_reached'], en)} ; adoptée : {_yes(c['adopted'], en)}"
            )
    return out


DETAILS = {"seance": _seance_details, "convocation": _seance_details}
