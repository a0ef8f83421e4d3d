"""Attendance at each item: who is present, the counts computed from it (CGCT L2121-17,
L2131-11, L1111-6; SPEC B.2.3, B.2.5, B.2.6)."""

from __future__ import annotations

import attrs

from .context import Context, Key
from .facts import Deliberation, DeliberationKind, DeportArticle
from .proxies import ProxyStatus


@attrs.frozen
class Tally:
    """The counts computed for one délibération (SPEC B.2.3, B.2.5, B.2.6)."""

    en_exercice: int | None
    en_exercice_for_quorum: int | None
    presents: int | None  # in the séance at this item, déportés included
    presents_for_quorum: int | None  # présents not standing aside
    represented: int | None  # usable procurations
    votants: int | None
    quorum: int | None
    quorum_reached: bool | None
    stood_aside: tuple[str, ...]
    deported_present: int  # déportés present in the séance
    proxies_lost_to_deport: int  # procurations not usable because giver or holder stands aside
    proxies: tuple[tuple[str, str], ...]  # (giver, holder) counted
    presence_notes: tuple[tuple[str, str], ...]  # (name, "arrived-present" | "left-absent")
    represented_count: bool = False  # procurations count towards the quorum at this item


def tally(
    ctx: Context,
    deliberation: Deliberation,
    present: frozenset[Key] | None,
    statuses: tuple[ProxyStatus, ...],
    notes: tuple[tuple[str, str], ...] = (),
) -> Tally:
    """Compute the attendance counts of ``deliberation`` given who is ``present``.

    « Le conseil municipal ne délibère valablement que lorsque la majorité de ses membres en
    exercice est présente » (L2121-17); a member who stands aside is not counted present
    for that item (L2131-11), nor, under L1111-6, among the members en exercice."""
    p = ctx.params
    d = deliberation
    stood = ctx.stood_aside(d)
    aside = [ctx.key(s.name) for s in stood]
    aside_keys = frozenset(k for k in aside if k is not None)
    l1111 = sum(
        1
        for s, k in zip(stood, aside, strict=True)
        if k is not None and s.article is DeportArticle.L1111_6
    )
    n = ctx.en_exercice
    n_q = n - l1111 if (n is not None and p.l1111_6_removes_from_en_exercice) else n
    if present is not None:
        presents: int | None = len(present)
        deported_present = len(aside_keys & present)
    else:
        presents = d.declared.presents
        deported_present = len(aside_keys)  # the declared présents are taken to include them
    pq = None
    if presents is not None:
        pq = presents - deported_present if p.deport_excludes_from_presents else presents
    counted: list[tuple[str, str]] = []
    lost = 0
    for st in statuses:
        if not st.valid:
            continue
        assert st.giver is not None and st.holder is not None
        if present is not None:
            if st.giver in present or st.holder not in present:
                continue
        elif st.holder in ctx.absent or (ctx.absent and st.giver not in ctx.absent):
            continue
        if st.giver in aside_keys or st.holder in aside_keys:
            lost += 1
            continue
        counted.append((st.proxy.giver, st.proxy.holder))
    represented = len(counted)
    votants = pq + represented if pq is not None else None
    quorum = p.required_quorum(n_q) if n_q is not None else None
    counts_represented = represented_count_for_quorum(ctx, d)
    reached = None
    if quorum is not None and pq is not None:
        reached = pq + (represented if counts_represented else 0) >= quorum
    return Tally(
        en_exercice=n,
        en_exercice_for_quorum=n_q,
        presents=presents,
        presents_for_quorum=pq,
        represented=represented,
        votants=votants,
        quorum=quorum,
        quorum_reached=reached,
        stood_aside=tuple(s.name for s in stood),
        deported_present=deported_present,
        proxies_lost_to_deport=lost,
        proxies=tuple(counted),
        presence_notes=notes,
        represented_count=counts_represented,
    )


def represented_count_for_quorum(ctx: Context, d: Deliberation) -> bool:
    """Whether procurations count towards the quorum of ``d``: only under ord. 2020-391, and
    never for the election of the maire and the adjoints, whose quorum counts the members
    present (L2122-8; ord. 2020-562 art. 1)."""
    if d.kind is DeliberationKind.ELECTION_MAIRE_ADJOINTS:
        return ctx.params.election_quorum_counts_represented
    return ctx.params.quorum_counts_represented


def attendance(ctx: Context) -> list[tuple[frozenset[Key] | None, tuple[tuple[str, str], ...]]]:
    """Who is present at each item: the opening, then arrivals and departures in order."""
    out: list[tuple[frozenset[Key] | None, tuple[tuple[str, str], ...]]] = []
    present = ctx.present0
    for d in ctx.seance.deliberations:
        notes: list[tuple[str, str]] = []
        if present is not None:
            cur = set(present)
            for n in d.arrived:
                k = ctx.key(n)
                if k is None:
                    continue
                if k in cur:
                    notes.append((n, "arrived-present"))
                cur.add(k)
            for n in d.left:
                k = ctx.key(n)
                if k is None:
                    continue
                if k not in cur:
                    notes.append((n, "left-absent"))
                cur.discard(k)
            present = frozenset(cur)
        out.append((present, tuple(notes)))
    return out


__all__ = ["Tally", "attendance", "tally"]
