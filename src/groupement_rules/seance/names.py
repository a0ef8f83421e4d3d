"""Who a name designates: the one identity of council members (SPEC B.1; issue 13 item 3).

« GLÉMOT Étienne », « Étienne Glémot », « M. Étienne GLEMOT » and « Monsieur glémot
étienne » are the same person: names are compared after Unicode NFC, case folding and
accent folding, with civilities stripped, as a set of words in either order. The text
reader and the rules of the séance both resolve names with :class:`Roster`, so a holder
that the reader finds among the members is the one the rules find:

1. the member whose words are exactly the name's;
2. else the one member whose name holds every word of the name (« Mellier », « Mme
   MELLIER »: a name written with fewer words); several such members: nobody (ambiguous);
3. else the member whose words all appear in the name (« Mme Anne MARTIN, adjointe »: a
   name written with a title), the longest if one is longest; nobody on a tie.

Lookups go through an index of words (each word → the members whose name holds it), so
resolving n names against m members takes time linear in n and m, not n × m.

:func:`fold` is the one folding of the library: lower case, no accents, and *the same
length* as its input, so that an offset found in folded text is an offset in the text.
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
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_COMBINING = re.compile("[\u0300-\u036f]")
#: Letters that fold to two in a name's words (« Œ » → « oe »; not in :func:`fold`,
#: which keeps lengths).
_EXPAND = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    d = unicodedata.normalize("NFD", c)
    low = d[0].lower() if d else c
    return low[0] if low else c


def fold(text: str) -> str:
    """Lower case without accents, *the same length* as ``text`` when ``text`` is in NFC
    (as :func:`groupement_rules.readers.textnorm.clean` leaves it), so offsets carry
    over; decomposed accents (NFD) are composed first, then folded."""
    if text.isascii():
        return text.lower()
    if len(text) > 64:
        # a long text: its non-ASCII characters alone (one C call), then looked at
        rest = _ASCII_RUNS.sub("", text)
        if _COMBINING.search(rest) is not None:
            text = unicodedata.normalize("NFC", text)
            rest = _ASCII_RUNS.sub("", text)
        return _fold_long(text, set(rest))
    if _COMBINING.search(text) is not None:
        text = unicodedata.normalize("NFC", text)
    return _fold_short(text)


@functools.lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    return _fold_long(text)


def _fold_long(text: str, chars: set[str] | None = None) -> str:
    # each distinct non-ASCII character (``chars``, when known) replaced in one C call (a
    # text holds few of them), then ASCII lowered; exact when every folded character is
    # one lower-case character (checked, else character by character)
    out = text
    for c in set(_NON_ASCII.findall(text)) if chars is None else chars:
        f = _fold_char(c)
        if f.lower() != f or len(f) != 1:
            return "".join(_fold_char(x) if not x.isascii() else x.lower() for x in text)
        out = out.replace(c, f)
    return out.lower()


@functools.lru_cache(maxsize=8192)
def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name without leading civilities, sorted (order does not matter)."""
    folded = fold(unicodedata.normalize("NFC", name)).translate(_EXPAND)
    words = [w for w in _SPLIT.split(folded) if w and w != "_"]
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
    #: each word → the members (indexes, first listing only) whose name holds it
    _postings: dict[str, tuple[int, ...]] = attrs.field(factory=dict)
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

    def resolve(self, name: str) -> str | None:
        """The member's name as the roster writes it, or None (see :meth:`find`)."""
        i = self.find(name)
        return self.names[i] if i is not None else None

    def _find(self, name: str) -> int | None:
        key = name_words(name)
        i = self._exact.get(key)
        if i is not None:
            return i
        if not key:
            return None
        post = self._postings
        lists = sorted((post.get(w, ()) for w in set(key)), key=len)
        # 2. every word of the name in one member's name (the rarest word's members only)
        if lists[0]:
            hits = [j for j in lists[0] if set(key) <= self._words[j]]
            if len(hits) == 1:
                return hits[0]
            if hits:
                return None  # several members hold every word: ambiguous
        # 3. every word of one member's name in the name (a name written with a title)
        counts: dict[int, int] = {}
        for postings in lists:
            for j in postings:
                counts[j] = counts.get(j, 0) + 1
        whole = [j for j, c in counts.items() if c == len(self._words[j])]
        if not whole:
            return None
        longest = max(len(self._words[j]) for j in whole)
        best = [j for j in whole if len(self._words[j]) == longest]
        return best[0] if len(best) == 1 else None

    def __len__(self) -> int:
        return len(self.names)


@functools.lru_cache(maxsize=256)
def roster(names: Sequence[str]) -> Roster:
    """A :class:`Roster` of ``names`` (a tuple; cached, so a séance checked twice reuses it)."""
    exact: dict[tuple[str, ...], int] = {}
    dups: list[int] = []
    words: list[frozenset[str]] = []
    postings: dict[str, list[int]] = {}
    for i, n in enumerate(names):
        key = name_words(n)
        words.append(frozenset(key))
        if key in exact:
            dups.append(i)
            continue
        exact[key] = i
        for w in set(key):
            postings.setdefault(w, []).append(i)
    return Roster(
        tuple(names),
        exact,
        tuple(words),
        tuple(dups),
        {w: tuple(v) for w, v in postings.items()},
    )


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


__all__ = [
    "CIVILITIES",
    "Roster",
    "duplicates",
    "fold",
    "name_words",
    "roster",
    "same_name",
]
