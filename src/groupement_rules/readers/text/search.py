"""Literal-first searches: patterns that open with a look-behind or an alternation,
searched from their literal words so that Python's regex engine can skip ahead.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Iterator


def pattern_shape(*patterns: str) -> str:
    """A short digest of pattern texts. A fast search reasoned for the shape of a rule
    records the digest of the rule it was reasoned for, and falls back to the plain
    search when the rule is written otherwise (tests/readers/test_extract_scanning.py
    tells when: the reasoning is then to be checked again and the digest updated)."""
    return hashlib.sha1("\x00".join(patterns).encode()).hexdigest()[:12]


class WordStart:
    """A pattern ``(?<![a-z])REST`` (a match starts a word), searched faster.

    (``not_after`` replaces ``a-z`` for other look-behinds of one character.)

    Python's regex engine cannot skip ahead to a possible start when a pattern
    opens with a look-behind, so it tries the whole pattern at every position.
    ``REST`` alone opens with literals it can skip to; the look-behind is then
    checked on each hit. The matches are exactly those of the full pattern.
    ``REST`` must not be a top-level alternation (the look-behind would then
    guard only its first branch in the original pattern).
    """

    def __init__(self, rest: str, flags: int = 0, not_after: str = "a-z") -> None:
        self.pattern = re.compile(f"(?<![{not_after}])" + rest, flags)
        self._rest = re.compile(rest, flags)
        self._before = re.compile(f"[{not_after}]")

    def finditer(self, f: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        rest = self._rest
        while True:
            m = rest.search(f, pos, endpos)
            if m is None:
                return
            p = m.start()
            if p > 0 and self._before.match(f, p - 1) is not None:
                pos = p + 1  # inside a word: the full pattern does not match here
                continue
            yield m
            pos = m.end() if m.end() > p else p + 1

    def search(self, f: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(f, pos, endpos), None)


def lookbehind_compiled(rest: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])" + rest)


def first_of(f: str, branches: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    """The match that starts first (the earlier branch on a tie), as the alternation's."""
    best: re.Match[str] | None = None
    for b in branches:
        m = b.search(f)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


class Branches:
    """An alternation ``B1|B2|...`` whose branches begin with different words (so
    at most one matches at a place), each searched on its own from its literal
    prefix: the matches are those of the alternation, found without trying it at
    every position."""

    def __init__(self, *branches: str) -> None:
        self.branches = tuple(re.compile(b) for b in branches)
        self._searches = tuple(_lead_search(b) or b.search for b in self.branches)

    def search(self, f: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(f, pos, endpos), None)

    def finditer(self, f: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        nxt = [search(f, pos, endpos) for search in self._searches]
        while True:
            live = [m for m in nxt if m is not None]
            if not live:
                return
            m = min(live, key=lambda x: x.start())
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1
            nxt = [
                search(f, pos, endpos) if n is not None and n.start() < pos else n
                for search, n in zip(self._searches, nxt, strict=True)
            ]


def top_branches(pattern: str) -> tuple[str, ...]:
    """The top-level branches of the alternation ``pattern`` (split at each ``|`` outside
    groups and character classes), so that a rule can stay written as one alternation and
    be searched as :class:`Branches` (only for patterns without numbered group references)."""
    out: list[str] = []
    depth, in_class, escaped, start = 0, False, False, 0
    for i, c in enumerate(pattern):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]" or pattern[i - 1] == "["
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return tuple(out)


class Anchored:
    """``pattern.search`` for a pattern every match of which holds a word that ``anchors``
    finds, preceded inside the match only by spaces and characters of ``prefix``, where
    no word of ``anchors`` can start (each has a character outside ``prefix`` before any
    other can begin in it).

    No match can then start before the run of such characters that ends at the first
    anchor word; only the places of that run are tried, then the same after the next
    anchor word. The match found is the one ``pattern.search`` finds.
    """

    def __init__(
        self, pattern: re.Pattern[str], anchors: Branches, prefix: str, shape: str
    ) -> None:
        self.pattern = pattern
        self.anchors = anchors
        self.prefix = frozenset(prefix)
        #: whether the rules are still those this was reasoned for (else: plain search)
        self.active = shape == pattern_shape(
            pattern.pattern, *(b.pattern for b in anchors.branches)
        )

    def search(self, f: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.active:
            return self.pattern.search(f, pos, endpos)
        prefix, match = self.prefix, self.pattern.match
        while True:
            a = self.anchors.search(f, pos, endpos)
            if a is None:
                return None
            w = a.start()
            b = w
            while b > pos and (f[b - 1] in prefix or f[b - 1].isspace()):
                b -= 1
            for p in range(b, w + 1):
                m = match(f, p, endpos)
                if m is not None:
                    return m
            pos = w + 1


_LEAD_WORD = re.compile(r"[a-z']+")
_LEAD_SPACE = re.compile(r"\\s[+?]?")
_QUANTIFIERS = ("?", "*", "+", "{")


def _lead_search(
    pattern: re.Pattern[str],
) -> Callable[[str, int, int], re.Match[str] | None] | None:
    """A faster ``pattern.search`` for a pattern that opens with words joined by
    ``\\s``, ``\\s+`` or ``\\s?`` (« se\\s+deporte… ») whose first word is short
    (frequent: the regex engine stops at each of its places) and a later one long (rare):
    each place of the long word, found with ``str.find``, is walked back over the words
    and spaces before it to where a match must start, and the pattern tried there. The
    long word occurs once in the opening words and in none of the others, so matches
    come in the order of its places; None for a pattern of another shape."""
    if pattern.flags & (re.I | re.X) or len(top_branches(pattern.pattern)) > 1:
        return None  # (an alternation: its other branches need not hold the long word)
    text, i = pattern.pattern, 0
    words: list[str] = []
    seps: list[str] = []
    while True:
        w = _LEAD_WORD.match(text, i)
        if w is None:
            break
        word, i = w.group(0), w.end()
        if text[i : i + 1] in _QUANTIFIERS:
            word = word[:-1]  # its last letter is optional: the opening words stop here
            if word:
                words.append(word)
            break
        words.append(word)
        sp = _LEAD_SPACE.match(text, i)
        if sp is None:
            break
        seps.append(sp.group(0))
        i = sp.end()
    if len(words) < 2 or len(words[0]) >= 4:
        return None
    k = max(range(len(words)), key=lambda j: len(words[j]))
    long = words[k]
    if len(long) < 5 or k == 0 or any(long in w for j, w in enumerate(words) if j != k):
        return None
    before = tuple(zip(words[:k], seps[:k], strict=True))[::-1]

    def search(f: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        q = f.find(long, pos, endpos)
        while q >= 0:
            p = q
            for word, sep in before:
                r = 0
                while p - r > pos and f[p - r - 1].isspace():
                    r += 1
                if not (r == 1 if sep == r"\s" else r >= 1 if sep == r"\s+" else r <= 1):
                    p = -1
                    break
                p -= r
                if p - len(word) < pos or not f.startswith(word, p - len(word)):
                    p = -1
                    break
                p -= len(word)
            if p >= 0:
                m = pattern.match(f, p, endpos)
                if m is not None:
                    return m
            q = f.find(long, q + 1, endpos)
        return None

    return search
