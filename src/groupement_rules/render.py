"""Decisions to text (French or English) and JSON: the output edge.

Text is for people: the answer first, then the dates that support it, then the
findings with their articles, the readings used and the policy. JSON is
``Decision.to_dict()`` (``docs/decision-format.md``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any

from .decision import Decision

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

SEVERITY: dict[str, tuple[str, str]] = {
    "error": ("erreur", "error"),
    "warning": ("attention", "warning"),
    "info": ("info", "info"),
}

#: Extra lines per question, registered by the domains (question -> lines(decision, lang)).
DETAILS: dict[str, Callable[[Decision, str], list[str]]] = {}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def label(table: Mapping[str, tuple[str, str]], key: str, lang: str) -> str:
    return _t(table[key], lang) if key in table else key


def day(value: str | dt.date | None, lang: str) -> str:
    """A date for people: 19/07/2028 in French, 2028-07-19 in English."""
    if value is None:
        return "—"
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return d.isoformat() if lang == "en" else d.strftime("%d/%m/%Y")


def _span(w: Mapping[str, Any], lang: str) -> str:
    if lang == "en":
        return f"from {day(w['first_day'], lang)} to {day(w['last_day'], lang)} inclusive"
    return f"du {day(w['first_day'], lang)} au {day(w['last_day'], lang)} inclus"


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
            out.append(("window" if en else "fenêtre") + " " + _span(data["window"], lang))
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
            out.append(("period" if en else "période") + f" {p['index']} " + _span(p, lang))
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
                + _span(w, lang)
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
            ("status" if en else "situation") + ": " + label(ANSWERS, str(data["status"]), lang)
        )
    return out


for _q in ("withdrawal", "status", "timeline", "withdrawal-windows", "adherent"):
    DETAILS[_q] = _convention_details


def render_text(d: Decision, lang: str = "fr", *, show_dates: bool = True) -> str:
    en = lang == "en"
    lines = [f"{label(QUESTIONS, d.question, lang)}"]
    if d.question not in ("timeline", "withdrawal-windows"):
        lines.append(("answer" if en else "réponse") + ": " + label(ANSWERS, d.answer, lang))
    detail = DETAILS.get(d.question)
    if detail is not None:
        lines += ["  " + x for x in detail(d, lang)]
    if d.findings:
        lines.append("findings:" if en else "constats :")
        for f in d.findings:
            where = f" [{f.deliberation}]" if f.deliberation else ""
            if f.row is not None:
                where = f" [row {f.row}{', ' + f.column if f.column else ''}]"
            lines.append(
                f"  - {label(SEVERITY, f.severity.value, lang)} {f.code}{where}: "
                f"{f.message(lang)} ({f.citation})"
            )
    if d.interpretations:
        lines.append("reading used:" if en else "lecture retenue :")
        for i in d.interpretations:
            lines.append(f"  - {i.key} = {i.value}: {i.description(lang)}")
    if show_dates and d.dates and d.question not in ("timeline", "withdrawal-windows"):
        lines.append("computed dates:" if en else "dates calculées :")
        for c in d.dates:
            note = f" — {c.note}" if c.note else ""
            lines.append(f"  - {c.name}: {day(c.value, lang)} ({c.how}; {c.citation}){note}")
    if d.policy is not None:
        p = d.policy
        verified = (
            f", {'verified' if en else 'vérifiée le'} {day(p.last_verified_on, lang)}"
            if p.last_verified_on
            else ""
        )
        lines.append(
            f"policy: {p.id} v{p.version}{verified}"
            if en
            else f"politique : {p.id} v{p.version}{verified}"
        )
    return "\n".join(lines)


def to_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)
