"""Text output of convention decisions (withdrawal, windows, status, adherent, timeline)."""

from __future__ import annotations

from ..decision import Decision
from .core import day, label, span

QUESTIONS: dict[str, tuple[str, str]] = {
    "withdrawal": ("Demande de retrait", "Withdrawal request"),
    "withdrawal-windows": ("Fenêtres de retrait", "Withdrawal windows"),
    "status": ("Situation de l'adhésion", "Status of the adhesion"),
    "adherent": ("Dossier d'adhérent", "Adherent file"),
    "timeline": ("Calendrier de la convention", "Timeline of the convention"),
}

ANSWERS: dict[str, tuple[str, str]] = {
    "allowed": ("retrait valable", "withdrawal allowed"),
    "too-early": ("trop tôt", "too early"),
    "too-late": ("trop tard", "too late"),
    "not-member": ("n'est plus membre", "no longer a member"),
    "adhered": ("adhérent (marché non commencé)", "adhered (market not started)"),
    "first-period": ("première période", "first period"),
    "second-period": ("période renouvelée", "renewed period"),
    "withdrawn": ("retiré", "withdrawn"),
    "ended": ("terminé", "ended"),
    "excluded": ("exclu", "excluded"),
    "valid": ("valide", "valid"),
    "incomplete": ("incomplet (vérifications impossibles)", "incomplete (checks could not run)"),
    "invalid": ("non conforme", "invalid"),
}


def _convention_details(d: Decision, lang: str) -> list[str]:
    en = lang == "en"
    data = d.data
    out: list[str] = []
    if d.question == "withdrawal":
        what = "date of the letter" if en else "date du courrier"
        out.append(f"{what} ({data['reading']}): {day(data['request_date'], lang)}")
        if data.get("effective_on"):
            out.append(
                ("takes effect on" if en else "prend effet le")
                + " "
                + day(data["effective_on"], lang)
            )
        if data.get("window"):
            out.append(("window" if en else "fenêtre") + " " + span(data["window"], lang))
        if data.get("engaged_until"):
            out.append(
                ("engaged until" if en else "engagé jusqu'au")
                + " "
                + day(data["engaged_until"], lang)
                + (" (end boundary; last day " if en else " (borne de fin ; dernier jour ")
                + day(data["engaged_last_day"], lang)
                + ")"
            )
    elif d.question == "status":
        if data.get("period"):
            p = data["period"]
            out.append(
                ("period" if en else "période") + f" {p['index']}{_renewal(p, en)} " + span(p, lang)
            )
        if data.get("member_until"):
            out.append(
                ("member until" if en else "membre jusqu'au")
                + " "
                + day(data["member_until"], lang)
                + (" (end boundary)" if en else " (borne de fin)")
            )
    elif d.question in ("timeline", "withdrawal-windows"):
        for ev in data.get("events", []):
            cit = ev["citation"]["text"]
            out.append(f"{day(ev['date'], lang)}  {ev['label'][lang if en else 'fr']}  [{cit}]")
        for w in data.get("windows", []):
            out.append(
                ("withdrawal window" if en else "fenêtre de retrait")
                + f" {w['index']}: "
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
        out.append(
            ("status" if en else "situation")
            + ": "
            + label(ANSWERS, str(data["status"]), lang)
            + (_renewal(data["period"], en) if data.get("period") else "")
        )
    return out


def _renewal(period: dict[str, object], en: bool) -> str:
    """« (renouvellement 2) » after a renewed period: the status value stays
    ``second-period`` for every renewal, the text says which one."""
    k = int(str(period["index"])) - 1
    if k < 1:
        return ""
    return f" (renewal {k})" if en else f" (renouvellement {k})"


DETAILS = {
    q: _convention_details
    for q in ("withdrawal", "status", "timeline", "withdrawal-windows", "adherent")
}
