"""The quorum at each item (CGCT L2121-17; the state of health emergency regimes)."""

from __future__ import annotations

from ..decision import Finding
from ..legal_time import jours_francs_between
from .attendance import Tally
from .context import Context, E, _f
from .facts import Deliberation


def check_quorum(ctx: Context, d: Deliberation, t: Tally) -> list[Finding]:
    """« Le conseil municipal ne délibère valablement que lorsque la majorité de ses membres
    en exercice est présente. Si […] ce quorum n'est pas atteint, le conseil municipal est à
    nouveau convoqué à trois jours au moins d'intervalle. Il délibère alors valablement sans
    condition de quorum. » (L2121-17). Procurations do not count (except 3 April – 10 July
    2020); the quorum is assessed at each item."""
    p = ctx.params
    if t.quorum_reached is not False:
        return []
    c = ctx.seance.convocation
    if c.second_convocation and (
        c.first_seance_on is None
        or jours_francs_between(c.first_seance_on, ctx.seance.date)
        >= p.second_convocation_interval_jours_francs
    ):
        return []
    counted = t.presents_for_quorum or 0
    if p.quorum_counts_represented:
        counted += t.represented or 0
    return [
        _f(
            "quorum-not-reached",
            E,
            f"Quorum non atteint : {counted} membre(s) compté(s), il en faut {t.quorum} sur "
            f"{t.en_exercice_for_quorum} en exercice.",
            f"Quorum not reached: {counted} member(s) counted, {t.quorum} required out of "
            f"{t.en_exercice_for_quorum} en exercice.",
            p.cite("quorum"),
            d.number,
            counted=counted,
            quorum=t.quorum,
            en_exercice=t.en_exercice_for_quorum,
            rule=p.quorum,
            represented_count=p.quorum_counts_represented,
        )
    ]


__all__ = ["check_quorum"]
