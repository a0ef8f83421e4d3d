"""Stage: the headings of the délibérations (number and title)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ..french_dates import find_dates
from ..textnorm import fold_key
from .document import Document
from .lexicon import (
    BARE_OBJET,
    END_MARKERS,
    OBJET_HEADING,
    PREFIX_HEADING,
    STRONG_HEADING,
    STRONG_STARTS,
    TITLE_END,
    WEAK_HEADING,
)
from .search import first_of, pattern_shape

# ----------------------------------------------------------------------------- headings


@attrs.define
class Heading:
    pos: int
    number: str | None
    title: str | None
    strong: bool
    title_pos: int


def clean_title(text: str) -> str | None:
    t = re.sub(r"\s+", " ", text).strip(" :-–—|.,;")
    words = t.split(" ")
    if len(t) > 100 and len(words) >= 3 and all(not any(c.islower() for c in w) for w in words[:3]):
        for i, w in enumerate(words):
            if any(c.islower() for c in w) and not re.match(r"^[dl]'", w):
                t = " ".join(words[:i])
                break
    cut = re.search(r"\.\s", t)
    if cut:
        t = t[: cut.start()]
    t = re.sub(r"^(?:[A-Z]{1,5}\s+)?OBJET\s?:\s?", "", t, flags=re.IGNORECASE).strip()
    return t or None


def title_after(doc: Document, pos: int, limit: int = 220) -> str | None:
    f = doc.folded
    end = min(len(f), pos + limit)
    line_end = f.find("\n", pos, end)
    if line_end != -1 and line_end - pos > 2:
        end = line_end
    m = TITLE_END.search(f, pos + 3, end)
    if m:
        end = m.start()
    nxt = STRONG_HEADING.search(f, pos + 1, end)
    if nxt and nxt.group("sep"):
        end = nxt.start()
    return clean_title(doc.text[pos:end])


def objet_headings(doc: Document) -> Iterator[re.Match[str]]:
    """``OBJET_HEADING.finditer(folded)``, tried only before each « objet » (every match
    ends with it): from a place no match of it can start before (the number, at most 22
    characters, spaces, at most one word of 5 letters, spaces), to the end a match of it
    can reach (« objet », a space, a colon, a space)."""
    f, pat = doc.folded, OBJET_HEADING.pattern
    if not _OBJET_FAST:
        yield from pat.finditer(f)
        return
    last = 0
    for q in doc.word_hits("objet"):
        i = q
        while i > 0 and f[i - 1].isspace():
            i -= 1
        j, k = i, 0
        while j > 0 and k < 5 and "a" <= f[j - 1] <= "z":
            j, k = j - 1, k + 1
        while j > 0 and f[j - 1].isspace():
            j -= 1
        m = pat.search(f, max(last, j - 22), q + 8)
        if m is not None:
            yield m
            last = m.end()


def weak_headings(doc: Document) -> Iterator[re.Match[str]]:
    """``WEAK_HEADING.finditer(text)``: a match is one line that opens with a digit or a
    space, so only such lines are tried."""
    text = doc.text
    if not _WEAK_FAST:
        yield from WEAK_HEADING.finditer(text)
        return
    for s in doc.lines.starts:
        if text[s : s + 1] in WEAK_FIRST:
            m = WEAK_HEADING.match(text, s)
            if m is not None:
                yield m


#: How a line of WEAK_HEADING begins (its ``^[ ]?`` then a digit)
WEAK_FIRST = frozenset(" 0123456789")
#: the rules the two searches above were reasoned for (see search.pattern_shape)
_OBJET_FAST = pattern_shape(OBJET_HEADING.pattern.pattern) == "062746ad3e10"
_WEAK_FAST = pattern_shape(WEAK_HEADING.pattern) == "f00fd923c5d2"


def find_headings(doc: Document) -> list[Heading]:
    f = doc.folded
    end_marker = first_of(f, END_MARKERS)
    first_end = end_marker.start() if end_marker else len(f)
    strong: dict[str, Heading] = {}
    for m in doc.scan(STRONG_HEADING, STRONG_STARTS, 0, len(f)):
        ident = m.group("id").strip("./-_")
        if not any(c.isdigit() for c in ident):
            continue
        before = f[max(0, m.start() - 12) : m.start()]
        if re.search(
            r"(?:loi|decret|arrete|ordonnance|modificative|avenant|article|circulaire|"
            r"reglement|page)\s?$",
            before,
        ):
            continue
        if not (m.group("pre") or m.group("sep")):
            continue
        number = doc.text[m.start("id") : m.start("id") + len(m.group("id"))].strip("./-_")
        if m.group("id2") and any(c.isdigit() for c in m.group("id2")):
            number = doc.text[m.start("id2") : m.end("id2")].strip()
        title_pos = m.end()
        title = title_after(doc, title_pos) if m.group("sep") else None
        if title is None:
            back = list(BARE_OBJET.finditer(f, max(0, m.start() - 250), m.start()))
            ahead = BARE_OBJET.search(f, m.end(), min(len(f), m.end() + 200))
            if back:
                title_pos = back[-1].end()
                title = title_after(doc, title_pos)
            elif ahead:
                title_pos = ahead.end()
                title = title_after(doc, title_pos)
        key = fold_key(number)
        if key in strong:
            if strong[key].title is None and title:
                strong[key].title, strong[key].title_pos = title, title_pos
            continue
        strong[key] = Heading(m.start(), number, title, True, title_pos)
    for m in PREFIX_HEADING.finditer(f):
        number = doc.text[m.start("id") : m.end("id")]
        key = fold_key(number)
        if key not in strong and not find_dates(f, m.start("id"), m.end("id")):
            strong[key] = Heading(m.start(), number, title_after(doc, m.end()), True, m.end())
    for m in objet_headings(doc):
        number = doc.text[m.start("id") : m.end("id")]
        if find_dates(f, m.start("id"), m.end("id")):
            continue
        key = fold_key(number)
        if key in strong or any(fold_key(h.number or "").endswith(key) for h in strong.values()):
            continue
        strong[key] = Heading(m.start(), number, title_after(doc, m.end()), True, m.end())
    weak: dict[str, Heading] = {}
    for m in weak_headings(doc):
        if m.start() > first_end and not strong:
            continue
        number = m.group("id") or m.group("id2")
        if len(number) == 4 and number.isdigit():
            continue
        title = clean_title(m.group("title"))
        weak[number] = Heading(m.start(), number, title, False, m.start("title"))
    headings = list(strong.values()) if strong else list(weak.values())
    if not headings:
        b = BARE_OBJET.search(f)
        if b:
            headings = [Heading(b.start(), None, title_after(doc, b.end()), True, b.end())]
    headings.sort(key=lambda h: h.pos)
    return headings
