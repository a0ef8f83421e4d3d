"""Procurations (CGCT L2121-20): who may give one, who may hold it, how many, how long."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..decision import Finding
from .context import Context, Key
from .facts import Proxy
from .findings import CATALOGUE


@attrs.frozen
class ProxyStatus:
    """A procuration and whether it can be used at all (before attendance at each item)."""

    proxy: Proxy
    giver: Key | None
    holder: Key | None
    valid: bool  # not self, holder a member, within the holder's limit, not expired


def proxy_statuses(ctx: Context) -> tuple[ProxyStatus, ...]:
    """Each procuration with its static validity (the first ones within a holder's limit)."""
    p = ctx.params
    held: dict[Key, int] = {}
    givers: set[Key] = set()
    out = []
    for pr in ctx.seance.proxies:
        g, h = ctx.key(pr.giver), ctx.key(pr.holder)
        valid = g is not None and h is not None and g != h and g not in givers
        if (
            pr.consecutive_seances is not None
            and pr.consecutive_seances > p.proxy_max_consecutive_seances
            and not pr.illness_certified
        ):
            valid = False
        if valid:
            assert h is not None
            held[h] = held.get(h, 0) + 1
            if held[h] > p.max_proxies_per_holder:
                valid = False
        if g is not None:
            givers.add(g)
        out.append(ProxyStatus(pr, g, h, valid))
    return tuple(out)


def check_proxies(
    ctx: Context,
    statuses: Iterable[ProxyStatus],
    presence: Iterable[frozenset[Key] | None] = (),
) -> list[Finding]:
    """« Un conseiller municipal empêché d'assister à une séance peut donner à un collègue de
    son choix pouvoir écrit de voter en son nom. Un même conseiller municipal ne peut être
    porteur que d'un seul pouvoir. […] Sauf cas de maladie dûment constatée, il ne peut être
    valable pour plus de trois séances consécutives. » (L2121-20; two pouvoirs under the
    state of health emergency regimes). The giver is absent, the holder a present member,
    nobody represents themself. A member who leaves during the séance may give a procuration
    for the items that follow, and a holder who arrives late may use it from then on:
    ``presence`` (who is present at each item) says whether that ever happens."""
    p = ctx.params
    cit = p.cite("max_proxies_per_holder")
    items = [x for x in presence if x is not None]
    if ctx.present0 is not None:
        items = items or [ctx.present0]
        always_present = frozenset.intersection(ctx.present0, *items)
        ever_present = frozenset.union(ctx.present0, *items)
    else:
        always_present, ever_present = frozenset(), frozenset()
    out: list[Finding] = []
    counts: dict[Key, list[str]] = {}
    for st in statuses:
        pr = st.proxy
        if st.giver is not None and st.giver == st.holder:
            out.append(CATALOGUE.emit("proxy-self", cit, giver=pr.giver, holder=pr.holder))
            continue
        if st.holder is None:
            out.append(
                CATALOGUE.emit("proxy-holder-not-member", cit, giver=pr.giver, holder=pr.holder)
            )
        else:
            counts.setdefault(st.holder, []).append(pr.giver)
            if st.holder in ctx.absent and (ctx.present0 is None or st.holder not in ever_present):
                out.append(
                    CATALOGUE.emit("proxy-holder-absent", cit, giver=pr.giver, holder=pr.holder)
                )
        if st.giver is not None and st.giver in always_present:
            out.append(CATALOGUE.emit("proxy-giver-present", cit, giver=pr.giver, holder=pr.holder))
        if (
            pr.consecutive_seances is not None
            and pr.consecutive_seances > p.proxy_max_consecutive_seances
            and not pr.illness_certified
        ):
            out.append(
                CATALOGUE.emit(
                    "proxy-expired",
                    p.cite("proxy_max_consecutive_seances"),
                    giver=pr.giver,
                    consecutive_seances=pr.consecutive_seances,
                    maximum=p.proxy_max_consecutive_seances,
                )
            )
    for holder, givers in counts.items():
        if len(givers) > p.max_proxies_per_holder:
            out.append(
                CATALOGUE.emit(
                    "proxy-holder-overloaded",
                    cit,
                    holder=ctx.label(holder),
                    held=len(givers),
                    givers=givers,
                    givers_text=", ".join(givers),
                    maximum=p.max_proxies_per_holder,
                )
            )
    return out


__all__ = ["ProxyStatus", "check_proxies", "proxy_statuses"]
