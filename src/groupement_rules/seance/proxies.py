"""Procurations (CGCT L2121-20): who may give one, who may hold it, how many, how long."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..decision import Finding
from .context import Context, E, Key, _f
from .facts import Proxy


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
            out.append(
                _f(
                    "proxy-self",
                    E,
                    f"« {pr.giver} » se donne procuration à lui-même ou elle-même.",
                    f"'{pr.giver}' gives a procuration to themself.",
                    cit,
                    giver=pr.giver,
                    holder=pr.holder,
                )
            )
            continue
        if st.holder is None:
            out.append(
                _f(
                    "proxy-holder-not-member",
                    E,
                    f"Le porteur de la procuration de « {pr.giver} », « {pr.holder} », n'est pas "
                    "un membre en exercice (« un collègue »).",
                    f"The holder of '{pr.giver}''s procuration, '{pr.holder}', is not a member "
                    "en exercice ('un collègue').",
                    cit,
                    giver=pr.giver,
                    holder=pr.holder,
                )
            )
        else:
            counts.setdefault(st.holder, []).append(pr.giver)
            if st.holder in ctx.absent and (ctx.present0 is None or st.holder not in ever_present):
                out.append(
                    _f(
                        "proxy-holder-absent",
                        E,
                        f"« {pr.holder} », porteur de la procuration de « {pr.giver} », est "
                        "absent(e) : la procuration ne peut pas être exercée.",
                        f"'{pr.holder}', holder of '{pr.giver}''s procuration, is absent: the "
                        "procuration cannot be used.",
                        cit,
                        giver=pr.giver,
                        holder=pr.holder,
                    )
                )
        if st.giver is not None and st.giver in always_present:
            out.append(
                _f(
                    "proxy-giver-present",
                    E,
                    f"« {pr.giver} » a donné procuration mais n'est pas noté(e) absent(e) : "
                    "seul un conseiller empêché d'assister à la séance peut la donner.",
                    f"'{pr.giver}' gave a procuration but is not listed as absent: only a "
                    "member unable to attend may give one.",
                    cit,
                    giver=pr.giver,
                    holder=pr.holder,
                )
            )
        if (
            pr.consecutive_seances is not None
            and pr.consecutive_seances > p.proxy_max_consecutive_seances
            and not pr.illness_certified
        ):
            out.append(
                _f(
                    "proxy-expired",
                    E,
                    f"La procuration de « {pr.giver} » sert pour la {pr.consecutive_seances}e "
                    "séance consécutive ; au plus "
                    f"{p.proxy_max_consecutive_seances} sauf maladie dûment constatée.",
                    f"'{pr.giver}''s procuration serves for the {pr.consecutive_seances}th "
                    "consecutive séance; at most "
                    f"{p.proxy_max_consecutive_seances} unless illness is certified.",
                    p.cite("proxy_max_consecutive_seances"),
                    giver=pr.giver,
                    consecutive_seances=pr.consecutive_seances,
                    maximum=p.proxy_max_consecutive_seances,
                )
            )
    for holder, givers in counts.items():
        if len(givers) > p.max_proxies_per_holder:
            name = ctx.label(holder)
            out.append(
                _f(
                    "proxy-holder-overloaded",
                    E,
                    f"« {name} » porte {len(givers)} procurations ({', '.join(givers)}) ; au plus "
                    f"{p.max_proxies_per_holder} à cette date. Seule(s) la ou les première(s) sont "
                    "comptée(s).",
                    f"'{name}' holds {len(givers)} procurations ({', '.join(givers)}); at most "
                    f"{p.max_proxies_per_holder} on this date. Only the first are counted.",
                    cit,
                    holder=name,
                    givers=givers,
                    maximum=p.max_proxies_per_holder,
                )
            )
    return out


__all__ = ["ProxyStatus", "check_proxies", "proxy_statuses"]
