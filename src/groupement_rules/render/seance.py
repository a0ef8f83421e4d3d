"""Text output of séance decisions (séance checks, convocation délais)."""

from __future__ import annotations

from typing import Any

from ..decision import Decision
from .core import colon, day, plural, words


def _regime(regime: str, threshold: object, lang: str) -> str:
    """The regime of the convocation délai (CGCT L2121-10 to L2121-12), for people."""
    t = "?" if threshold is None else f"{threshold:,}".replace(",", " ")
    table = {
        "small": (f"communes de moins de {t} habitants", f"communes under {t} inhabitants"),
        "large": (f"communes de {t} habitants et plus", f"communes of {t} inhabitants or more"),
        "urgent": ("urgence", "urgency"),
        "after-renewal": (
            "première séance après le renouvellement général",
            "first séance after a general renewal",
        ),
    }
    return words(*table.get(regime, (regime, regime)), lang)


def _yes(v: Any, lang: str) -> str:
    if v is None:
        return "?"
    return words("oui", "yes", lang) if v else words("non", "no", lang)


def _n(v: Any) -> str:
    return "?" if v is None else str(v)


def _clear_days(n: object, lang: str) -> str:
    """« 5 jours francs », "5 clear days" (« 1 jour franc »)."""
    if not isinstance(n, int):
        return f"? {words('jours francs', 'clear days', lang)}"
    return plural(n, "jour franc", "jours francs", "clear day", "clear days", lang)


def _seance_details(d: Decision, lang: str) -> list[str]:
    c = colon(lang)
    out: list[str] = []
    if d.question == "convocation":
        data = d.data
        out.append(
            words("séance du", "séance on", lang)
            + f" {day(data['seance_date'], lang)}{c} "
            + words("envoi au plus tard le", "send by", lang)
            + " "
            + day(data["latest_sending_day"], lang)
        )
        out.append(
            f"{_clear_days(data['jours_francs'], lang)} "
            f"({_regime(str(data['regime']), data.get('threshold'), lang)})"
            + words(
                " ; samedis, dimanches et fériés comptent et ne prolongent pas le délai",
                "; Saturdays, Sundays and holidays count and never extend the délai",
                lang,
            )
        )
        return out
    s = d.data["seance"]
    conv = s["convocation"]
    out.append(
        f"{s['commune'] or '?'}, "
        + words("séance du", "séance of", lang)
        + f" {day(s['date'], lang)}, {_n(s['en_exercice'])} "
        + words("membres en exercice", "members in office", lang)
    )
    if conv["sent_on"]:
        out.append(
            words("convocation envoyée le", "convocation sent on", lang)
            + f" {day(conv['sent_on'], lang)}{c} {_clear_days(conv['jours_francs'], lang)}, "
            + f"{_n(conv['required_jours_francs'])} "
            + words("requis", "required", lang)
        )
    for dl in d.data["deliberations"]:
        k = dl["computed"]
        title = f" {dl['title']}" if dl.get("title") else ""
        out.append(f"[{dl['number']}]{title}")
        if lang == "en":
            out.append(
                f"  present {_n(k['presents'])} (for the quorum {_n(k['presents_for_quorum'])}), "
                f"represented {_n(k['represented'])}, voting {_n(k['votants'])}, "
                f"votes cast {_n(k['exprimes'])}; quorum {_n(k['quorum'])} reached: "
                f"{_yes(k['quorum_reached'], lang)}; adopted: {_yes(k['adopted'], lang)}"
            )
        else:
            out.append(
                f"  présents {_n(k['presents'])} (pour le quorum {_n(k['presents_for_quorum'])}), "
                f"représentés {_n(k['represented'])}, votants {_n(k['votants'])}, "
                f"exprimés {_n(k['exprimes'])} ; quorum {_n(k['quorum'])} atteint : "
                f"{_yes(k['quorum_reached'], lang)} ; adoptée : {_yes(k['adopted'], lang)}"
            )
    return out


DETAILS = {"seance": _seance_details, "convocation": _seance_details}
