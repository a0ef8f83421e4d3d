"""Stage: each délibération's counts, vote, outcome, déports and movements."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...seance.names import roster
from ..names import take_name
from ..textnorm import fold_key
from .attendance import name_before
from .counts import read_counts
from .document import Document
from .headings import Heading
from .lexicon import (
    ADOPTED,
    ARRIVED,
    ARRIVED_AT,
    DECISION_CONTEXT,
    DEPORT,
    LEFT,
    LEFT_AT,
    QUESTIONS,
    QUESTIONS_STARTS,
    REJECTED,
    SECRET,
    UNANIMITY,
)
from .record import COUNT_KEYS, MAX_KNOWN
from .search import pattern_shape


def read_deliberations(
    doc: Document,
    headings: list[Heading],
    head_counts: dict[str, tuple[int, int]],
    known: list[str],
) -> list[dict[str, Any]]:
    f = doc.folded
    spans: list[tuple[Heading | None, int, int]] = []
    if not headings:
        d = read_decision(doc, 0, len(f), preamble_end=len(f))
        if not head_counts and d["outcome"] is None and not d["unanimous"]:
            return []
    if len(headings) <= 1:
        spans = [(headings[0] if headings else None, 0, len(f))]
    else:
        for i, hd in enumerate(headings):
            spans.append((hd, hd.pos, headings[i + 1].pos if i + 1 < len(headings) else len(f)))
    blocks = question_blocks(doc, headings[0].pos if len(headings) > 1 else len(f))
    out: list[dict[str, Any]] = []
    deports_head = deports(doc, 0, headings[0].pos if len(headings) > 1 else 0, known)
    for i, (h, s, e) in enumerate(spans):
        path = f"deliberations[{i}]"
        counts = read_counts(doc, s, e) if len(spans) > 1 else dict(head_counts)
        inherited = dict(head_counts)
        block = block_for(blocks, h)
        if block is not None:
            inherited = block["counts"]
        vote_region = (s, e)
        preamble_end = len(f) if h is None else h.pos
        decision = read_decision(doc, vote_region[0], vote_region[1], preamble_end)
        declared: dict[str, int | None] = {}
        for k in COUNT_KEYS:
            hit = counts.get(k) or inherited.get(k)
            if k == "exprimes" and k not in counts and len(spans) > 1:
                hit = None  # suffrages exprimés belong to one vote, not inherited
            declared[k] = hit[0] if hit else None
            if hit:
                doc.note(f"{path}.declared.{k}", hit[1])
            else:
                doc.missing(f"{path}.declared.{k}", "not stated")
        vote: dict[str, Any] = {}
        for k in ("pour", "contre", "abstentions"):
            hit = counts.get(k)
            vote[k] = hit[0] if hit else None
            if hit:
                doc.note(f"{path}.vote.{k}", hit[1])
        bn = counts.get("blancs_nuls")
        if bn is None and ("blancs" in counts or "nuls" in counts):
            bl, nu = counts.get("blancs"), counts.get("nuls")
            if bl is not None and nu is not None:
                bn = (bl[0] + nu[0], min(bl[1], nu[1]))
            else:
                bn = None
                doc.missing(f"{path}.vote.blancs_nuls", "only one of blancs / nuls is stated")
        vote["blancs_nuls"] = bn[0] if bn else None
        if bn:
            doc.note(f"{path}.vote.blancs_nuls", bn[1])
        vote["secret"] = decision["secret"]
        vote["unanimous"] = decision["unanimous"]
        vote["president"] = None
        if decision["unanimous_pos"] >= 0:
            doc.note(f"{path}.vote.unanimous", decision["unanimous_pos"])
        if all(vote[k] is None for k in ("pour", "contre", "abstentions")):
            doc.missing(f"{path}.vote", "no count of pour / contre / abstentions")
        if decision["outcome"] is not None:
            doc.note(f"{path}.outcome", decision["outcome_pos"])
        else:
            doc.missing(f"{path}.outcome", "no stated outcome")
        number = h.number if h else None
        title = h.title if h else None
        if h and number:
            doc.note(f"{path}.number", h.pos)
        else:
            doc.missing(f"{path}.number", "no délibération number found")
        if h and title:
            doc.note(f"{path}.title", h.title_pos)
        else:
            doc.missing(f"{path}.title", "no title found")
        stood_hits = deports(doc, s if len(spans) > 1 else 0, e, known)
        if i == 0 and len(spans) > 1:
            stood_hits = deports_head + stood_hits
        stood: list[str] = []
        for n, p in stood_hits:
            if n not in stood:
                doc.note(f"{path}.stood_aside[{len(stood)}]", p)
                stood.append(n)
        arrived, left = read_moves(doc, s, e, known) if len(spans) > 1 else ([], [])
        if block is not None:
            arrived = block["arrived"] + [x for x in arrived if x not in block["arrived"]]
            left = block["left"] + [x for x in left if x not in block["left"]]
        out.append(
            {
                "number": number,
                "title": title,
                "stood_aside": stood,
                "arrived": arrived,
                "left": left,
                "vote": vote,
                "outcome": decision["outcome"],
                "declared": declared,
            }
        )
    return out


def moves_at_points(doc: Document, delibs: list[dict[str, Any]], known: list[str]) -> None:
    """ "X est arrivée au point 2", "X quitte la séance au point 5": attach to that item."""
    ros = roster(tuple(known)) if known else None
    by_number: dict[int, int] = {}
    for i, d in enumerate(delibs):
        num = d.get("number") or ""
        if num.isdigit() and len(num) <= 3:
            by_number[int(num)] = i
    for pat, key, offset, words in (
        (ARRIVED_AT, "arrived", 0, ("arrive", "entre")),
        (LEFT_AT, "left", 1, ("quitte", "part", "sort")),
    ):
        if all(w not in doc.folded for w in words):
            continue  # every match holds one of these words
        for m in pat.finditer(doc.folded):
            name = name_before(doc, m.start())
            if not name:
                continue
            name = (ros.resolve(name) or name) if ros is not None else name
            n = int(m.group("n"))
            idx = by_number.get(n)
            if idx is None and 1 <= n <= len(delibs) and len(delibs) > 1:
                idx = n - 1
            if idx is None:
                doc.missing(key, f"{name}: item {n} not found among the délibérations read")
                continue
            idx = idx + offset if key == "left" else idx
            if idx >= len(delibs):
                continue
            if name not in delibs[idx][key]:
                delibs[idx][key].append(name)
                doc.note(f"deliberations[{idx}].{key}[{len(delibs[idx][key]) - 1}]", m.start())


def question_blocks(doc: Document, end: int) -> list[dict[str, Any]]:
    ms = list(doc.scan(QUESTIONS.pattern, QUESTIONS_STARTS, 0, end))
    out = []
    for i, m in enumerate(ms):
        be = ms[i + 1].start() if i + 1 < len(ms) else min(end, m.end() + 600)
        moves = read_moves(doc, m.end(), be, [])
        out.append(
            {
                "a": int(m.group("a")),
                "b": int(m.group("b")) if m.group("b") else 10**6,
                "counts": read_counts(doc, m.end(), be),
                "arrived": moves[0],
                "left": moves[1],
                "first": i == 0,
            }
        )
    return out


def block_for(blocks: list[dict[str, Any]], h: Heading | None) -> dict[str, Any] | None:
    if not blocks or h is None or h.number is None or not h.number.isdigit():
        return None
    n = int(h.number)
    for b in blocks:
        if b["a"] <= n <= b["b"]:
            if n != b["a"]:
                return {**b, "arrived": [], "left": []}
            return b
    return None


def read_moves(
    doc: Document, start: int, end: int, known: list[str]
) -> tuple[list[str], list[str]]:
    f = doc.folded
    ros = roster(tuple(known)) if known else None
    arrived: list[str] = []
    left: list[str] = []
    for pat, target, words in (
        (ARRIVED, arrived, ("arrive", "retour", "rejoint")),
        (LEFT, left, ("depart", "sortie", "quitte", "s'absente")),
    ):
        if all(f.find(w, start, end) < 0 for w in words):
            continue  # every match holds one of these words
        for m in pat.finditer(f, start, end):
            if m.group(0).rstrip().endswith("de"):
                name, _ = take_name(doc.text, m.end())
            else:
                name = name_before(doc, m.start())
            if name:
                name = (ros.resolve(name) or name) if ros is not None else name
                if name not in target:
                    target.append(name)
    return arrived, left


def deports(doc: Document, start: int, end: int, known: list[str]) -> list[tuple[str, int]]:
    f = doc.folded
    out: list[tuple[str, int]] = []
    for m in DEPORT.finditer(f, start, end):
        lo = max(start, m.start() - 300)
        seg = f[lo : m.start()]
        cut = max(seg.rfind(". "), seg.rfind(";"), seg.rfind("\n\n"), seg.rfind(":"))
        s0 = lo + cut + 1
        clause = doc.text[s0 : m.start()]
        found: list[str] = []
        if known and len(known) <= MAX_KNOWN:
            ck = set(fold_key(clause).split())
            for n in known:
                k = fold_key(n).split()
                if k and all(w in ck for w in k) and n not in found:
                    found.append(n)
        if not found:
            for t in re.finditer(r"(?<![\w'])(?=[A-ZÀ-Þ])", clause):
                name, _ = take_name(doc.text, s0 + t.start(), m.start() - s0 - t.start())
                if name:
                    found.append(name)
                    break
        for n in found:
            if n not in [o for o, _p in out]:
                out.append((n, m.start()))
    return out


def find_unanimity(f: str, start: int, end: int) -> re.Match[str] | None:
    """``UNANIMITY.search(f, start, end)``: every match holds "unanim" at most 5
    characters after its start ("a l' unanimite"), so only those places are tried."""
    q = f.find("unanim", start, end)
    tried = start
    while q >= 0:
        for p in range(max(tried, q - 5), q + 1):
            m = UNANIMITY.match(f, p, end)
            if m is not None:
                return m
        tried = q + 1
        q = f.find("unanim", q + 1, end)
    return None


#: The approval of an earlier séance's minutes ("le procès-verbal de la séance du 26 juin
#: est adopté à l'unanimité"): in the preamble, before a délibération's heading, it is not
#: the vote of a délibération of this séance.
MINUTES = re.compile(
    r"proces[ -]?verbal|compte[ -]?rendu|precedente\s+(?:seance|reunion)"
    r"|(?:seance|reunion)\s+precedente"
)


def minutes_sentence(f: str, pos: int) -> bool:
    # the sentence: from the last "." or blank line (a sentence may wrap over lines)
    lo = max(f.rfind(".", max(0, pos - 300), pos), f.rfind("\n\n", max(0, pos - 300), pos))
    hi_dot, hi_nl = f.find(".", pos, pos + 300), f.find("\n\n", pos, pos + 300)
    hi = min(x for x in (hi_dot, hi_nl, min(len(f), pos + 300)) if x >= 0)
    return MINUTES.search(f, lo + 1, hi) is not None


#: A sentence of read_decision: up to a full stop or a line's end, cut every 400 characters
SENTENCE = re.compile(r"[^.\n]{1,400}[.\n]?")
#: DECISION_CONTEXT has no look-around, so it matches in a sentence where it matches in
#: the span inside that sentence (see search.pattern_shape)
_DECISION_FAST = pattern_shape(DECISION_CONTEXT.pattern) == "83e4455a786c"


def sentences_from(
    f: str, start: int, end: int, first: re.Match[str] | None
) -> Iterator[re.Match[str]]:
    """``SENTENCE.finditer(f[start:end])`` from the sentence that holds ``first`` (the
    first match of a pattern the sentences are searched for: none before can hold one).
    The sentences are runs between full stops and line ends cut every 400 characters, so
    the one that holds a place is found back from it."""
    if first is None:
        return iter(())
    x = first.start()
    run = max(start, f.rfind(".", start, x) + 1, f.rfind("\n", start, x) + 1)
    return SENTENCE.finditer(f[start:end], run + 400 * ((x - run) // 400) - start)


def read_decision(doc: Document, start: int, end: int, preamble_end: int = -1) -> dict[str, Any]:
    """The vote and outcome stated in ``f[start:end]``; before ``preamble_end`` the approval
    of earlier minutes is skipped."""
    f = doc.folded
    unanimous = find_unanimity(f, start, end)
    while unanimous is not None and unanimous.start() < preamble_end:
        if not minutes_sentence(f, unanimous.start()):
            break
        unanimous = find_unanimity(f, unanimous.end(), end)
    secret = SECRET.search(f, start, end)
    outcome: str | None = None
    outcome_pos = -1
    sentences = (
        sentences_from(f, start, end, DECISION_CONTEXT.search(f, start, end))
        if _DECISION_FAST
        else SENTENCE.finditer(f[start:end])
    )
    for sent in sentences:
        st = sent.group(0)
        if not st.strip() or not DECISION_CONTEXT.search(st):
            continue
        if st.lstrip().startswith("vu "):
            continue
        at = start + sent.start() + len(st) - len(st.lstrip())
        if at < preamble_end and minutes_sentence(f, at):
            continue  # "Le procès-verbal de la séance précédente est adopté"
        if REJECTED.search(st):
            outcome, outcome_pos = "rejected", start + sent.start()
            break
        if ADOPTED.search(st) or UNANIMITY.search(st):
            outcome, outcome_pos = "adopted", start + sent.start()
            break
    return {
        "unanimous": unanimous is not None,
        "unanimous_pos": unanimous.start() if unanimous else -1,
        "secret": secret is not None,
        "outcome": outcome,
        "outcome_pos": outcome_pos,
    }
