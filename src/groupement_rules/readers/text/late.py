"""Stage: what each délibération is (its kind, from its title) and the procurations
given during the séance, placed at the item from which they apply.

« Mme X (pouvoir à M. Y à partir de l'élection du maire) », « M. Z donne procuration à
Mme W à compter de son départ »: such a procuration is not one of the opening; it
belongs to the délibération from which it applies (``new_proxies``), found by its number
(« à partir du point 5 »), by the words of its title (« de l'élection du maire »), or,
for « son départ », as the item before which the giver leaves. When no item can be
found, the procuration is not output (it is listed as unread).
"""

from __future__ import annotations

import re
from typing import Any

from ...seance.names import Roster
from ..names import take_name
from ..textnorm import fold, fold_key
from .attendance import name_before
from .document import Document
from .lexicon import (
    KIND_TITLES,
    LATE_FROM_DEPARTURE,
    LATE_ITEM_NUMBER,
    LATE_PROXY,
    PROXY_ANCHOR,
    PROXY_CONNECTOR_FIRST,
)

_SMALL = frozenset(
    ["de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "et", "en", "pour"]
)


def deliberation_kind(title: str | None) -> str:
    """« Compte administratif 2025 » → ``compte-administratif`` (SPEC B.2.11, B.2.12)."""
    if title:
        f = fold(title)
        for kind, pat in KIND_TITLES:
            if pat.search(f):
                return kind
    return "ordinary"


def late_clause(doc: Document, raw_holder: str) -> str | None:
    """What a procuration's holder text says it applies from (folded), or None."""
    m = LATE_PROXY.search(fold(raw_holder))
    return m.group("what").strip() if m else None


def place_late(
    doc: Document,
    delibs: list[dict[str, Any]],
    late: list[tuple[str, str, str, int]],
    ros: Roster | None,
) -> None:
    """Attach each late procuration (giver, holder, clause, position) to its item."""
    for giver, holder, what, pos in late:
        idx = _item(delibs, giver, what, ros)
        if idx is None:
            doc.missing(
                "new_proxies",
                f"{giver} → {holder}: applies « à partir de {what} », an item not found "
                "among the délibérations read (not output)",
            )
            continue
        items = delibs[idx]["new_proxies"]
        doc.note(f"deliberations[{idx}].new_proxies[{len(items)}]", pos)
        items.append({"from": giver, "to": holder})


def _item(delibs: list[dict[str, Any]], giver: str, what: str, ros: Roster | None) -> int | None:
    if LATE_FROM_DEPARTURE.match(what):
        key = fold_key(giver)
        for i, d in enumerate(delibs):
            if any(fold_key(n) == key for n in d["left"]):
                return i
        return None
    num = LATE_ITEM_NUMBER.search(what)
    if num is not None:
        n = fold_key(num.group("n").strip("./-_"))
        for i, d in enumerate(delibs):
            if d["number"] and fold_key(d["number"]) == n:
                return i
    words = [w for w in re.findall(r"[a-z0-9]+", what) if w not in _SMALL][:3]
    if not words:
        return None
    for i, d in enumerate(delibs):
        title = set(re.findall(r"[a-z0-9]+", fold(d["title"] or "")))
        if all(w in title for w in words):
            return i
    return None


def span_proxies(
    doc: Document,
    delibs: list[dict[str, Any]],
    starts: list[int],
    ros: Roster | None,
) -> None:
    """« M. X quitte la séance et donne pouvoir à M. Y » written in a délibération's part
    of the text: a procuration from that item on. Both names must be members (« le
    conseil donne pouvoir à M. le Maire pour signer » is no procuration)."""
    if ros is None or len(starts) != len(delibs) or len(delibs) < 2:
        return
    f, text = doc.folded, doc.text
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(f)
        seen = {fold_key(p["from"]) for p in delibs[i]["new_proxies"]}
        for anchor in PROXY_ANCHOR.finditer(f, s, e):
            cm = PROXY_CONNECTOR_FIRST.search(
                f, max(s, anchor.start() - 40), min(e, anchor.end() + 40)
            )
            if cm is None or not cm.start() <= anchor.start() < cm.end():
                continue
            giver = name_before(doc, cm.start())
            holder, _end = take_name(text, cm.end())
            g = ros.resolve(giver) if giver else None
            h = ros.resolve(holder) if holder else None
            if g is None or h is None or g == h or fold_key(g) in seen:
                continue
            seen.add(fold_key(g))
            items = delibs[i]["new_proxies"]
            doc.note(f"deliberations[{i}].new_proxies[{len(items)}]", cm.start())
            items.append({"from": g, "to": h})


__all__ = ["deliberation_kind", "late_clause", "place_late", "span_proxies"]
