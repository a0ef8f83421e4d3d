"""The pieces every renderer shares: labels, dates for people, severities."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .. import labels
from ..decision import format_message

SEVERITY: dict[str, tuple[str, str]] = {
    "error": ("erreur", "error"),
    "warning": ("attention", "warning"),
    "info": ("info", "info"),
}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def label(table: Mapping[str, tuple[str, str]], key: str, lang: str) -> str:
    return _t(table[key], lang) if key in table else key


def words(fr: str, en: str, lang: str) -> str:
    """``fr`` or ``en``, as ``lang`` asks."""
    return en if lang == "en" else fr


def colon(lang: str) -> str:
    """The colon of each language: French sets it off with a space (« réponse : »)."""
    return ":" if lang == "en" else " :"


def day(value: str | dt.date | None, lang: str) -> str:
    """A date for people: « 19 juillet 2028 » in French, "19 July 2028" in English."""
    if value is None:
        return "—"
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return labels.long_date(d.year, d.month, d.day, lang)


def span(w: Mapping[str, Any], lang: str) -> str:
    if lang == "en":
        return f"from {day(w['first_day'], lang)} to {day(w['last_day'], lang)} inclusive"
    return f"du {day(w['first_day'], lang)} au {day(w['last_day'], lang)} inclus"


def plural(n: int, fr_one: str, fr_many: str, en_one: str, en_many: str, lang: str) -> str:
    """The number and the word that agrees with it (« 1 jour franc », "0 clear days")."""
    one, many = (en_one, en_many) if lang == "en" else (fr_one, fr_many)
    return format_message(f"{{n:pl({one}|{many})}}", {"n": n}, lang)


#: English sentences (a regular expression over the whole text) and their French, the
#: groups carried over (``\\1``): the wording of texts that other modules write in English.
Rewrites = Iterable[tuple[re.Pattern[str], str]]


def rewritten(text: str, table: Rewrites) -> str | None:
    """``text`` in French by the first row of ``table`` that matches it, or None."""
    for pattern, fr in table:
        m = pattern.match(text)
        if m:
            return m.expand(fr)
    return None
