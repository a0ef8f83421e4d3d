"""Decisions to text (French or English) and JSON: the output edge.

Text is for people: the answer first, then the dates that support it, then the
findings with their articles, the readings used and the policy. JSON is
``Decision.to_dict()`` (``docs/decision-format.md``).

The renderers of the domains are wired here in one explicit table: nothing
registers itself at import, so the text of a decision never depends on which
modules happen to be loaded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..decision import Decision
from . import convention, deadlines, seance
from .core import SEVERITY, day, label

#: The question labels, answer labels and detail-line functions of every domain.
QUESTIONS: dict[str, tuple[str, str]] = {
    **convention.QUESTIONS,
    **seance.QUESTIONS,
    **deadlines.QUESTIONS,
}
ANSWERS: dict[str, tuple[str, str]] = {
    **convention.ANSWERS,
    **seance.ANSWERS,
    **deadlines.ANSWERS,
}
DETAILS: dict[str, Callable[[Decision, str], list[str]]] = {
    **convention.DETAILS,
    **seance.DETAILS,
    **deadlines.DETAILS,
}


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


__all__ = ["ANSWERS", "DETAILS", "QUESTIONS", "SEVERITY", "day", "label", "render_text", "to_json"]
