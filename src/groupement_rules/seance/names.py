"""Matching the names of council members as documents write them (SPEC B.1, issue 3 item 2).

« GLÉMOT Étienne », « Étienne Glémot », « M. Étienne GLEMOT » and « Monsieur glémot
étienne » are the same person: names are compared after Unicode NFC, case folding and
accent folding, with civilities stripped, as a set of words in either order. A name
given with fewer words (« Mellier », « Mme MELLIER ») matches the one member whose name
contains all its words, and nobody when several members do (it is then ambiguous).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import attrs

#: Civilities and titles dropped from the start of a name (compared after folding).
CIVILITIES = frozenset(
    {
        "m",
        "mr",
        "mme",
        "mmes",
        "mlle",
        "melle",
        "mm",
        "monsieur",
        "madame",
        "mademoiselle",
        "messieurs",
        "dr",
        "docteur",
        "me",
        "maitre",
    }
)

_SPLIT = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """NFC, then case and accent folding: « Émeline » → « emeline », « Œ » → « oe »."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name without leading civilities, sorted (order does not matter)."""
    words = [w for w in _SPLIT.split(fold(name)) if w and w != "_"]
    while len(words) > 1 and words[0] in CIVILITIES:
        words.pop(0)
    return tuple(sorted(words))


def same_name(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` write the same full name (either order, any case or accents)."""
    return name_words(a) == name_words(b)


@attrs.frozen(eq=False)
class Roster:
    """The members en exercice, indexed for matching; built once per list of names."""

    names: tuple[str, ...]
    _exact: dict[tuple[str, ...], int]
    _words: tuple[frozenset[str], ...]
    #: indexes of names listed more than once (same words), in order
    duplicates: tuple[int, ...]
    _memo: dict[str, int | None] = attrs.field(factory=dict)

    def find(self, name: str) -> int | None:
        """The index of the member ``name`` designates, or None (unknown or ambiguous)."""
        try:
            return self._memo[name]
        except KeyError:
            pass
        found = self._find(name)
        if len(self._memo) < 4096:
            self._memo[name] = found
        return found

    def _find(self, name: str) -> int | None:
        key = name_words(name)
        i = self._exact.get(key)
        if i is not None:
            return i
        if not key:
            return None
        wanted = set(key)
        hits = [j for j, words in enumerate(self._words) if wanted <= words]
        return hits[0] if len(hits) == 1 else None

    def __len__(self) -> int:
        return len(self.names)


@functools.lru_cache(maxsize=256)
def roster(names: Sequence[str]) -> Roster:
    """A :class:`Roster` of ``names`` (a tuple; cached, so a séance checked twice reuses it)."""
    exact: dict[tuple[str, ...], int] = {}
    dups: list[int] = []
    words: list[frozenset[str]] = []
    for i, n in enumerate(names):
        key = name_words(n)
        words.append(frozenset(key))
        if key in exact:
            dups.append(i)
        else:
            exact[key] = i
    return Roster(tuple(names), exact, tuple(words), tuple(dups))


def duplicates(names: Iterable[str]) -> list[str]:
    """The names of ``names`` that repeat an earlier one (same words)."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for n in names:
        key = name_words(n)
        if key in seen:
            out.append(n)
        seen.add(key)
    return out


__all__ = ["CIVILITIES", "Roster", "duplicates", "fold", "name_words", "roster", "same_name"]
