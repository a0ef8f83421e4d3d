"""The compte administratif (CGCT L1612-12, L2121-14; SPEC B.2.11).

« Dans les séances où le compte administratif du maire est débattu, le conseil municipal
élit son président. Dans ce cas, le maire peut, même s'il n'est plus en fonction, assister
à la discussion ; mais il doit se retirer au moment du vote. » (L2121-14 al. 2). The
withdrawal is :meth:`Context.stood_aside <groupement_rules.seance.context.Context.stood_aside>`;
the majority (« arrêté si une majorité des voix ne s'est pas dégagée contre son
adoption », L1612-12) is :func:`groupement_rules.seance.majority.vote_tally`. The compte
financier unique, which replaces it, is voted the same way.
"""

from __future__ import annotations

from ..decision import Finding
from .context import Context
from .facts import Deliberation, DeliberationKind
from .findings import CATALOGUE


def check_compte_administratif(ctx: Context, d: Deliberation) -> list[Finding]:
    """The council elects the president of the compte administratif: not the maire."""
    p = ctx.params
    if d.kind is not DeliberationKind.COMPTE_ADMINISTRATIF:
        return []
    if not p.compte_administratif_maire_withdraws or d.president is None or ctx.maire is None:
        return []
    pk = ctx.key(d.president)
    if pk is None or pk != ctx.key(ctx.maire):
        return []
    return [
        CATALOGUE.emit(
            "maire-presides-compte-administratif",
            p.cite("compte_administratif_maire_withdraws"),
            deliberation=d.number,
            name=d.president,
        )
    ]


def missing_facts(ctx: Context, d: Deliberation) -> list[str]:
    """The facts the compte administratif's rules need and the document does not give."""
    if d.kind is DeliberationKind.COMPTE_ADMINISTRATIF and d.president is None:
        return ["deliberation.president"]
    return []


__all__ = ["check_compte_administratif", "missing_facts"]
