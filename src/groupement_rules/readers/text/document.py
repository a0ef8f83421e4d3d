"""The Document of one read: the clean and folded text, its lines, and every
per-read memo (word positions, raw holders, attendance blocks), so the reader
keeps no module-level state and is re-entrant.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from typing import Any

from ..textnorm import Lines, fold
from .lexicon import QUESTIONS, QUESTIONS_STARTS


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class Document:
    """One text being read, and what the stages learn of it as they go."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.lines = Lines(text)
        self.provenance: dict[str, Any] = {}
        self.unread: list[dict[str, str]] = []
        self._word_hits: dict[str, list[int]] = {}
        #: a procuration's holder as written (before the name was cut), by (giver, holder)
        self.raw_holders: dict[tuple[str, str], str] = {}
        self._block_starts: list[int] | None = None
        #: where the lists that stopped before the end of a line start (read in part)
        self.partial_lists: set[int] = set()
        self.ambiguous_lists: set[int] = set()
        self.seated_suppleants: dict[int, int] = {}  # list start -> suppléants sitting

    def block_starts(self) -> list[int]:
        """Where each attendance block ("Questions 1 à 10 :") starts."""
        if self._block_starts is None:
            f = self.folded
            self._block_starts = [
                m.start() for m in self.scan(QUESTIONS.pattern, QUESTIONS_STARTS, 0, len(f))
            ]
        return self._block_starts

    def word_hits(self, start_pattern: str) -> list[int]:
        """Where ``start_pattern`` (literal-prefixed: found fast) matches at a word start."""
        hits = self._word_hits.get(start_pattern)
        if hits is None and start_pattern.isalpha():  # a plain word: str.find is faster
            f = self.folded
            hits = []
            i = f.find(start_pattern)
            while i >= 0:
                if i == 0 or not "a" <= f[i - 1] <= "z":
                    hits.append(i)
                i = f.find(start_pattern, i + 1)
            self._word_hits[start_pattern] = hits
        if hits is None:
            f = self.folded
            rx = _compiled(start_pattern)
            hits = [
                m.start()
                for m in rx.finditer(f)
                if m.start() == 0 or not "a" <= f[m.start() - 1] <= "z"
            ]
            self._word_hits[start_pattern] = hits
        return hits

    def scan(
        self, pat: re.Pattern[str], starts: tuple[str, ...], start: int, end: int
    ) -> Iterator[re.Match[str]]:
        """``pat.finditer(folded, start, end)`` for a ``pat`` that matches only at a word
        start where one of ``starts`` matches: tried at those positions only."""
        cands: set[int] = set()
        for sp in starts:
            hits = self.word_hits(sp)
            cands.update(hits[bisect.bisect_left(hits, start) : bisect.bisect_left(hits, end)])
        last = start
        for p in sorted(cands):
            if p < last:
                continue
            m = pat.match(self.folded, p, end)
            if m is not None:
                yield m
                last = m.end() if m.end() > p else p + 1

    def note(self, path: str, pos: int) -> None:
        self.provenance[path] = self.lines.where(pos)

    def missing(self, path: str, reason: str) -> None:
        self.unread.append({"fact": path, "reason": reason})


def strip_source(text: str) -> str:
    """A first line "SOURCE: ..." is metadata of a collection, not the document."""
    first, sep, rest = text.partition("\n")
    if first.lstrip("\ufeff ").upper().startswith("SOURCE:"):
        return " " + sep + rest
    return text


def count_value(raw: str) -> int:
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    return 0


class Spans:
    """Disjoint text spans, with a logarithmic membership test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]
