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

from .. import labels
from ..decision import Decision
from . import convention, deadlines, seance
from .core import SEVERITY, colon, day, label, words

#: The question and answer labels (one table, :mod:`groupement_rules.labels`) and the
#: detail-line functions of every domain.
QUESTIONS: dict[str, tuple[str, str]] = labels.QUESTIONS
ANSWERS: dict[str, tuple[str, str]] = labels.ANSWERS
DETAILS: dict[str, Callable[[Decision, str], list[str]]] = {
    **convention.DETAILS,
    **seance.DETAILS,
    **deadlines.DETAILS,
}

#: Decisions whose dates are the answer itself: the detail lines list them.
_DATES_ARE_THE_ANSWER = ("timeline", "withdrawal-windows")


def render_text(d: Decision, lang: str = "fr", *, show_dates: bool = True) -> str:
    c = colon(lang)
    sep = "; " if lang == "en" else " ; "
    lines = [d.question_label(lang)]
    if d.question not in _DATES_ARE_THE_ANSWER:
        lines.append(words("réponse", "answer", lang) + f"{c} " + d.answer_label(lang))
    detail = DETAILS.get(d.question)
    if detail is not None:
        lines += ["  " + x for x in detail(d, lang)]
    if d.findings:
        lines.append(words("constats", "findings", lang) + c)
        for f in d.findings:
            where = f" [{f.deliberation}]" if f.deliberation else ""
            if f.row is not None:
                row = words("ligne", "row", lang)
                where = f" [{row} {f.row}{', ' + f.column if f.column else ''}]"
            lines.append(
                f"  - {label(SEVERITY, f.severity.value, lang)} {f.code}{where}{c} "
                f"{f.message(lang)} ({f.citation.text(lang)})"
            )
    if d.interpretations:
        lines.append(words("lecture retenue", "reading used", lang) + c)
        for i in d.interpretations:
            lines.append(f"  - {i.label(lang)}{c} {i.value_label(lang)} — {i.description(lang)}")
    if show_dates and d.dates and d.question not in _DATES_ARE_THE_ANSWER:
        lines.append(words("dates calculées", "computed dates", lang) + c)
        for cd in d.dates:
            note = cd.note_in(lang)
            lines.append(
                f"  - {cd.label(lang)}{c} {day(cd.value, lang)} "
                f"({cd.how_in(lang)}{sep}{cd.citation.text(lang)})" + (f" — {note}" if note else "")
            )
    if d.policy is not None:
        p = d.policy
        verified = (
            ", " + words("vérifiée le", "verified", lang) + " " + day(p.last_verified_on, lang)
            if p.last_verified_on
            else ""
        )
        lines.append(words("politique", "policy", lang) + f"{c} {p.id} v{p.version}{verified}")
    return "\n".join(lines)


def to_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)


__all__ = ["ANSWERS", "DETAILS", "QUESTIONS", "SEVERITY", "day", "label", "render_text", "to_json"]
