"""Dates and small numbers written in French, in words or in digits.

Number words ("vingt-sept", "deux mille vingt-six", "deux mil vingt") are
converted by the maintained ``text2num`` package (imported lazily); this module
only finds *where* a date is. It works on folded text (see
:func:`textnorm.fold`): lower case, no accents, same offsets as the clean text.

A date is found around a month name: the day just before it (digits, "1er",
"premier", or words, with "du mois de" allowed in between) and the year just
after it (digits or words). Numeric dates are ``dd/mm/yyyy``, ``dd.mm.yyyy``
and ``dd-mm-yyyy``. ISO ``yyyy-mm-dd`` is deliberately *not* read as a date:
in a délibération "2026-02-03" is a number (SPEC B.3).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

MONTHS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
_MONTH_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_NUMERIC_RE = re.compile(
    r"(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d/-])"
)

NUMBER_WORDS = frozenset(
    [
        "zero",
        "un",
        "une",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
        "vingt",
        "vingts",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "cent",
        "cents",
        "mille",
        "mil",
        "et",
    ]
)
_WEEKDAYS = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1024)
def words_to_int(words: str) -> int | None:
    """ "vingt-sept" -> 27 with text2num; None when the words are not a number."""
    words = words.strip().replace("-", " ")
    if not words or words in {"et", "un et"}:
        return None
    if words in {"premier", "1er"}:
        return 1
    try:
        from text_to_num import text2num  # type: ignore[import-untyped]  # lazy import
    except ImportError:  # pragma: no cover - text2num is a declared dependency
        return None
    try:
        value = text2num(words, "fr")
    except (ValueError, TypeError):
        return None
    return int(value)


def trailing_number(folded: str, end: int, span: int = 60) -> tuple[int, int] | None:
    """The number written just before ``end`` (digits or words): (value, start)."""
    lo = max(0, end - span)
    window = folded[lo:end]
    m = re.search(r"(\d{1,4})\s?(?:er|e|%|°|eme)?\s*$", window)
    if m:
        return int(m.group(1)), lo + m.start()
    # walk back over number words
    tokens = list(re.finditer(r"[a-z]+|-", window))
    i = len(tokens) - 1
    # whatever follows the number must be only spaces/hyphens
    if tokens and window[tokens[-1].end() :].strip(" -\n"):
        return None
    if i >= 0 and tokens[i].group(0) == "premier":
        return 1, lo + tokens[i].start()
    first = None
    while i >= 0:
        w = tokens[i].group(0)
        if w == "-" or w in NUMBER_WORDS:
            if w != "-":
                first = i
            i -= 1
            continue
        break
    if first is None:
        return None
    text = window[tokens[first].start() : len(window)].strip(" -\n")
    while text.startswith("et "):
        text = text[3:]
    value = words_to_int(text)
    if value is None:
        return None
    return value, lo + tokens[first].start()


def leading_number(folded: str, start: int, span: int = 60) -> tuple[int, int] | None:
    """The number written just after ``start`` (digits or words): (value, end)."""
    window = folded[start : start + span]
    m = re.match(r"\s*(\d{1,4})(?!\d)", window)
    if m:
        return int(m.group(1)), start + m.end()
    pos = 0
    last_end = None
    words: list[str] = []
    for t in re.finditer(r"[a-z]+|-|\s+|.", window):
        tok = t.group(0)
        if tok.isspace() or tok == "-":
            continue
        if tok in NUMBER_WORDS:
            words.append(tok)
            last_end = t.end()
            continue
        break
    del pos
    while words and words[-1] == "et":
        words.pop()
    if not words or last_end is None:
        return None
    value = words_to_int(" ".join(words))
    if value is None:
        return None
    return value, start + last_end


def _valid(y: int, m: int, d: int) -> dt.date | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(
    folded: str, start: int = 0, end: int | None = None, default_year: int | None = None
) -> list[tuple[int, int, dt.date]]:
    """Every date written in ``folded[start:end]``: (start, end, date), in order."""
    end = len(folded) if end is None else min(end, len(folded))
    found: list[tuple[int, int, dt.date]] = []
    for m in _MONTH_RE.finditer(folded, start, end):
        month = MONTHS[m.group(1)]
        # day before: strip "du mois de", weekday
        before_end = m.start()
        window_lo = max(start, before_end - 50)
        before = folded[window_lo:before_end]
        before = re.sub(r"\s*(?:du\s+)?mois\s+de\s*$", "", before).rstrip()
        day_hit = trailing_number(before, len(before), 50)
        if day_hit is None:
            continue
        day, day_rel = day_hit
        day_start = window_lo + day_rel
        # year after
        year: int | None = None
        stop = m.end()
        ym = re.match(r"\s*(\d{4})(?!\d)", folded[m.end() : m.end() + 8])
        if ym:
            year = int(ym.group(1))
            stop = m.end() + ym.end()
        else:
            hit = leading_number(folded, m.end(), 60)
            if hit is not None and hit[0] >= 1900:
                year, stop = hit
        if year is None:
            year = default_year
        if year is None or not 1 <= day <= 31:
            continue
        date = _valid(year, month, day)
        if date is not None:
            found.append((day_start, stop, date))
    for m in _NUMERIC_RE.finditer(folded, start, end):
        d, mo, y = int(m.group(1)), int(m.group(3)), m.group(4)
        if m.group(2) == "-" and len(y) != 4:
            continue
        year_n = int(y) if len(y) == 4 else 2000 + int(y)
        if not 1 <= mo <= 12:
            continue
        date = _valid(year_n, mo, d)
        if date is not None:
            found.append((m.start(), m.end(), date))
    found.sort(key=lambda t: t[0])
    return found


def year_after_an(folded: str, pos: int) -> tuple[int, int] | None:
    """ "l'an deux mille vingt-six": the year written after "l'an" at ``pos``."""
    hit = leading_number(folded, pos, 60)
    if hit is None or not 1900 <= hit[0] <= 2100:
        return None
    return hit


__all__ = ["MONTHS", "find_dates", "leading_number", "trailing_number", "words_to_int"]


#: « le quatorze courant », « le 19 du même mois », « le dix de ce mois »: a day whose
#: month and year are those of a date given before (SPEC D: the séance's).
_RELATIVE_DAY = re.compile(
    r"(?<![a-z])le\s+(?P<day>\d{1,2}|[a-z]+(?:-[a-z]+){0,2})(?:\s?(?:er|e))?\s+"
    r"(?:courant|du\s+(?:meme\s+)?mois(?:\s+courant)?|de\s+ce\s+mois)(?![a-z])"
)


def find_relative_days(
    folded: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Days written without month or year (« le quatorze courant »): (start, day), in order."""
    end = len(folded) if end is None else min(end, len(folded))
    out: list[tuple[int, int]] = []
    for m in _RELATIVE_DAY.finditer(folded, start, end):
        raw = m.group("day")
        day = int(raw) if raw.isdigit() else words_to_int(raw)
        if day is not None and 1 <= day <= 31:
            out.append((m.start(), day))
    return out
