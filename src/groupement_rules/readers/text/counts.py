"""Stage: the counts a region of the text declares (en exercice, présents,
procurations, votants, exprimés, pour, contre, abstentions, blancs et nuls).
"""

from __future__ import annotations

import bisect
import re

from ..french_dates import leading_number
from .document import Document, Spans, count_value
from .lexicon import (
    LABEL_FIRST,
    LIST_ITEM_START,
    NF_KEY,
    NUMBER_FIRST,
    NW,
    VOICE_ABST,
    VOICE_BN,
    VOICE_CONTRE,
    VOICE_POUR,
    VOTE_KINDS,
    audience_at,
)
from .search import WordStart

LABEL_BEFORE = re.compile(
    r"(?:presents?|votants|exercice|procurations?|pouvoirs?|absents?|representes?)[ ]?\Z"
)
SOIT_BEFORE = re.compile(r"soit\s?:?\s?$")
MARK_BEFORE = re.compile(r"[:=(.][ ]?\Z")
SUM_BEFORE = re.compile(r"\+[ ]?\Z")
SEP_MARK = re.compile(r"[:=.…_]")
DIGIT = re.compile(r"\d")
SPACE_RUN = re.compile(r"\s+")
TABLE_CELL = re.compile(r"(?<![\w/])(\d{1,3}|/|-)(?![\w/])")
WORD3 = re.compile(r"[a-z]{3}")
#: « des membres présents (13 voix POUR) »: a number of voices counts votes, not members
VOICES_AFTER = re.compile(r"\s?voix(?![a-z])")


NF_WORDS = ("present", "procuration", "pouvoir", "votants", "absent", "represente", "excuse")


def find_number_first(doc: Document, start: int, end: int) -> list[re.Match[str]]:
    """``NUMBER_FIRST.finditer(folded, start, end)``, found from its label words: a
    match is 1 to 3 digits, spaces, then one of these words (which starts a word)."""
    f = doc.folded
    cands: set[int] = set()
    for w in NF_WORDS:
        hits = doc.word_hits(w)
        for q in hits[bisect.bisect_left(hits, start) : bisect.bisect_left(hits, end)]:
            i = q
            while i > start and f[i - 1].isspace():
                i -= 1
            if i == q:
                continue
            j = i
            while j > start and i - j < 4 and f[j - 1].isdecimal():
                j -= 1
            if 1 <= i - j <= 3:
                cands.add(j)
    out = []
    for p in sorted(cands):
        m = NUMBER_FIRST.pattern.match(f, p, end)
        if m is not None:
            out.append(m)
    return out


NUMBER_WORD_SET = frozenset(NW[3:-1].split("|"))
BN_MIDDLE = ("bulletin", "bulletins", "vote", "votes")


def find_number_before(
    doc: Document,
    pat: re.Pattern[str],
    anchors: tuple[str, ...],
    middles: tuple[str, ...],
    start: int,
    end: int,
) -> list[re.Match[str]]:
    r"""``pat.finditer(folded, start, end)`` for a ``pat`` of the shape
    (?<![a-z\d]) NUMBER \s+ [middle word \s+] ANCHOR...: a number (1 to 3 digits, or
    up to five number words joined by a space or a hyphen), spaces, maybe one of
    ``middles``, then a word beginning with one of ``anchors``. The places where
    such a number can start are found back from each anchor word, and the pattern
    is tried there only."""
    f = doc.folded
    cands: set[int] = set()
    for a in anchors:
        hits = doc.word_hits(a)
        for q in hits[bisect.bisect_left(hits, start) : bisect.bisect_left(hits, end)]:
            ends = []
            w = q
            while w > start and f[w - 1].isspace():
                w -= 1
            if w == q:
                continue
            ends.append(w)
            m0 = w
            while m0 > start and "a" <= f[m0 - 1] <= "z":
                m0 -= 1
            if f[m0:w] in middles:
                w2 = m0
                while w2 > start and f[w2 - 1].isspace():
                    w2 -= 1
                if w2 < m0:
                    ends.append(w2)
            for e in ends:
                j = e
                while j > start and e - j < 4 and f[j - 1].isdecimal():
                    j -= 1
                if 1 <= e - j <= 3:
                    cands.add(j)
                for _ in range(5):  # number words, last to first
                    k = e
                    while k > start and "a" <= f[k - 1] <= "z":
                        k -= 1
                    if f[k:e] not in NUMBER_WORD_SET:
                        break
                    cands.add(k)
                    if k > start and f[k - 1] in " -":
                        e = k - 1
                    else:
                        break
    out: list[re.Match[str]] = []
    last = start
    for p in sorted(cands):
        if p < last:
            continue
        m = pat.match(f, p, end)
        if m is not None:
            out.append(m)
            last = m.end() if m.end() > p else p + 1
    return out


def read_counts(doc: Document, start: int, end: int) -> dict[str, tuple[int, int]]:
    """Declared counts in ``[start, end)``: key → (value, position); first occurrence wins."""
    f = doc.folded
    found: dict[str, tuple[int, int]] = {}
    # number-first groups ("32 présents 1 procuration 33 votants", "Soit 31 présents")
    for key, value, pos in table_counts(doc, start, end):
        found.setdefault(key, (value, pos))
    for key, value, pos in column_counts(doc, start, end):
        found.setdefault(key, (value, pos))
    hits = find_number_first(doc, start, end)
    consumed = Spans()
    label_first_cluster = False
    for i, m in enumerate(hits):
        if i == 0 or m.start() - hits[i - 1].end() > 40:
            # a new cluster: "Présents 12 Votants 14" (label first, bare) is not number-first
            before = f[max(0, m.start() - 25) : m.start()]
            label_first_cluster = LABEL_BEFORE.search(before) is not None
        if label_first_cluster:
            continue
        near_prev = i > 0 and m.start() - hits[i - 1].end() <= 40
        near_next = i + 1 < len(hits) and hits[i + 1].start() - m.end() <= 40
        soit = SOIT_BEFORE.search(f[max(0, m.start() - 8) : m.start()]) is not None
        if not (near_prev or near_next or soit):
            continue
        if MARK_BEFORE.search(f[max(0, m.start() - 3) : m.start()]):
            continue
        if SUM_BEFORE.search(f, max(0, m.start() - 3), m.start()):
            continue  # « 7 pour (5 + 2 procurations) »: the share of a vote, not a count
        label = m.group("label").rstrip("s")
        key = NF_KEY.get(label, label)
        consumed.add(m.start(), m.end())
        if key in ("excused",):
            continue
        found.setdefault(key, (int(m.group("val")), m.start()))
    for key, starts, pat in LABEL_FIRST:
        for m in doc.scan(pat, starts, start, end):
            if consumed.contains(m.start()):
                continue
            if key in found and key != "absents":
                break
            raw = m.group("pv") or m.group("val")
            sep = m.group("sep") or ""
            if raw is None:
                continue
            if m.group("pv") is None and sep.strip() == "" and key in VOTE_KINDS:
                continue  # "pour 2026" is not a count: vote labels need ":" or dots
            if key in VOTE_KINDS and m.group("pv") is None and not SEP_MARK.search(sep):
                continue
            if raw in ("-", "–", "—") and key not in VOTE_KINDS and key != "absents":
                continue
            if raw.isdigit() and m.group("pv") is None and _list_number(f, m.end("val"), raw):
                continue  # « Présents : 1. M. X 2. Mme Y »: the number of a list's item
            if key == "presents" and audience_at(f, m.start()):
                continue  # « Auditeurs présents : 24 »: the public
            if key not in VOTE_KINDS and VOICES_AFTER.match(
                f, m.end("pv" if m.group("pv") else "val")
            ):
                continue  # « à l'unanimité des membres présents (13 voix pour) »: a vote
            vs = m.start("val") if m.group("val") is not None else m.start()
            if consumed.contains(vs):
                continue  # the number opens a "32 présents 1 procuration" group
            found.setdefault(key, (count_value(raw), m.start()))
            consumed.add(m.start(), m.end())
            break

    if "en_exercice" not in found:
        seats = fraction_count(f, start, end)
        if seats is not None:
            found["en_exercice"] = seats
    # "Pour 15 Contre 1 Abstention 1": bare labels, read only as a whole row (a lone
    # "pour 2026" is no count)
    if "pour" not in found and "contre" not in found and f.find("contre", start, end) >= 0:
        row = BARE_VOTE_ROW.search(f, start, end)
        if row is not None:
            found["pour"] = (int(row.group("p")), row.start())
            found["contre"] = (int(row.group("c")), row.start("c"))
            if row.group("a") is not None and "abstentions" not in found:
                found["abstentions"] = (int(row.group("a")), row.start("a"))

    # votes written as a sentence: "par 20 voix pour, 3 contre et 2 abstentions"
    def put(key: str, m: re.Match[str] | None) -> None:
        if m is None or key in found:
            return
        value = number_value(m.group("n"))
        if value is not None:
            found[key] = (value, m.start())

    # each pattern needs its word: skip the scan when the region has none
    for m in find_number_before(doc, VOICE_POUR, ("pour",), ("voix",), start, end):
        put("pour", m)
        window_end = min(end, m.end() + 80)
        put("contre", VOICE_CONTRE.search(f, m.end(), window_end))
        put("abstentions", VOICE_ABST.search(f, m.end(), window_end))
        break
    if "pour" in found and f.find("abstention", start, end) >= 0:
        put(
            "abstentions",
            next(iter(find_number_before(doc, VOICE_ABST, ("absten",), (), start, end)), None),
        )
    for m in find_number_before(doc, VOICE_BN, ("blanc", "nul"), BN_MIDDLE, start, end):
        put("blancs" if m.group("k").startswith("blanc") else "nuls", m)
    return found


#: A vote row with bare labels: "Pour 15 Contre 1 Abstention 1", "pour 15 - contre 1".
BARE_VOTE_ROW = WordStart(
    r"pour[ \t]+(?P<p>\d{1,3})[ \t]*[-–,;/|]?[ \t]*contre[ \t]+(?P<c>\d{1,3})(?!\d)"
    r"(?:[ \t]*[-–,;/|]?[ \t]*abstentions?(?:\(s\))?[ \t]+(?P<a>\d{1,3})(?!\d))?"
)

TABLE_LABEL = re.compile(
    r"(?<![a-z])(?:en\s+exercice|presents?|votants|procurations?|pouvoirs?|representes?|absents?|"
    r"exprimes|pour|contre|abstentions?)(?![a-z])"
)
TABLE_KEY = {
    "en exercice": "en_exercice",
    "present": "presents",
    "presents": "presents",
    "votants": "votants",
    "procuration": "represented",
    "procurations": "represented",
    "pouvoir": "represented",
    "pouvoirs": "represented",
    "represente": "represented",
    "representes": "represented",
    "absent": "absents",
    "absents": "absents",
    "exprimes": "exprimes",
    "pour": "pour",
    "contre": "contre",
    "abstention": "abstentions",
    "abstentions": "abstentions",
}


#: « Conseillers présents : 1. ADAM Luc 2. BRAUN Anne »: a name after an item's number
NUMBERED_NAME = re.compile(r"[.)]\s?[a-z]{2}")


#: « Nombre de conseillers en exercice : 15/15 »: the seats filled, of the seats
EXERCICE_FRACTION = re.compile(r"en\s+exercice\s?:?\s?(\d{1,3})\s?/\s?(\d{1,3})(?![\d/])")


def fraction_count(f: str, start: int, end: int) -> tuple[int, int] | None:
    """The members en exercice printed as a fraction of the seats (the first number, when
    it is at most the second): (value, position), or None."""
    at = f.find("exercice", start, end)
    if at < 0 or f.find("/", at, end) < 0:
        return None
    m = EXERCICE_FRACTION.search(f, max(start, at - 6), min(end, at + 40))
    if m is None or int(m.group(1)) > int(m.group(2)):
        return None
    return int(m.group(1)), m.start()


def _list_number(f: str, end: int, raw: str) -> bool:
    """« 1. M. X 2. Mme Y »: ``raw`` numbers the first item of a list (a civility follows,
    and the next number a little further on)."""
    if LIST_ITEM_START.match(f, end) is None and NUMBERED_NAME.match(f, end) is None:
        return False
    return (
        f.find(f" {int(raw) + 1}.", end, end + 160) >= 0
        or f.find(f" {int(raw) + 1})", end, end + 160) >= 0
    )


def table_counts(doc: Document, start: int, end: int) -> list[tuple[str, int, int]]:
    """A row of labels, then a row of as many numbers ("En exercice | Présents" / "15 | 12")."""
    out: list[tuple[str, int, int]] = []
    # the span cut into lines once (the last piece, with no newline after it, is only
    # ever the row under a label line); at most 10 000 label lines, as before
    rows = doc.folded[start:end].split("\n")
    digit, word3 = DIGIT.search, WORD3.search
    pos = start
    for k in range(min(len(rows) - 1, 10_000)):
        line = rows[k]
        nl = pos + len(line)
        pos = nl + 1
        if len(line) >= 200 or digit(line):
            continue
        nxt = rows[k + 1]
        # the row of numbers first (cheap, and rarely there), then the row of labels
        if len(nxt) >= 200 or word3(nxt):
            continue
        cells = TABLE_CELL.findall(nxt)
        if len(cells) < 2:
            continue  # a blank line, or one number: no row of a table (cheaper than labels)
        labels = [SPACE_RUN.sub(" ", m.group(0)) for m in TABLE_LABEL.finditer(line)]
        if len(labels) >= 2 and len(cells) == len(labels):
            for lab, cell in zip(labels, cells, strict=True):
                key = TABLE_KEY.get(lab)
                if key:
                    out.append((key, int(cell) if cell.isdigit() else 0, nl + 1))
    return out


#: A column of labels, one a line, then a column of as many values (« En exercice /
#: Présents / Votants » over « : 15 / : 15 / : 15 »: a two-column header flattened)
_COLUMN_LABEL = (
    r"(?:en\s+exercice|en\s+fonction|presents?|votants|procurations?|pouvoirs?|representes?)"
)
COLUMN = re.compile(
    r"^[ ]*(?P<labels>"
    + _COLUMN_LABEL
    + r"[ ]*:?[ ]*\n(?:[ ]*"
    + _COLUMN_LABEL
    + r"[ ]*:?[ ]*\n){1,5})"
    r"(?P<values>(?:[ ]*:?[ ]*(?:\d{1,3}|/)[ ]*(?:\n|\Z)){2,6})",
    re.MULTILINE,
)
_COLUMN_KEY = {"en fonction": "en_exercice"}
COLUMN_HINT = re.compile(r"(?:exercice|fonction|presents?|votants)[ ]*:?[ ]*\n")


def column_counts(doc: Document, start: int, end: int) -> list[tuple[str, int, int]]:
    """A column of labels over a column of as many values, one a line: each label's value."""
    out: list[tuple[str, int, int]] = []
    f = doc.folded
    if COLUMN_HINT.search(f, start, end) is None:
        return out  # no label alone on its line
    for m in COLUMN.finditer(f, start, end):
        labels = [SPACE_RUN.sub(" ", x.strip(" :")) for x in m.group("labels").splitlines()]
        values = [x.strip(" :") for x in m.group("values").splitlines() if x.strip(" :")]
        if len(labels) != len(values):
            continue  # not a table whose cells can be paired
        pos = m.start("values")
        for lab, val in zip(labels, values, strict=True):
            key = _COLUMN_KEY.get(lab) or TABLE_KEY.get(lab)
            if key:
                out.append((key, int(val) if val.isdigit() else 0, pos))
    return out


def number_value(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    words = raw.replace("-", " ").split()
    while words and words[0] == "et":
        words.pop(0)
    hit = leading_number(" ".join(words), 0, 60)
    return hit[0] if hit else None
