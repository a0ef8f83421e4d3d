"""The election of the maire and the adjoints (CGCT L2122-8; SPEC B.2.12).

« La séance au cours de laquelle il est procédé à l'élection du maire est présidée par le
plus âgé des membres du conseil municipal. » (L2122-8 al. 1). Its quorum counts the members
present only, even under the 2020 regime where represented members counted for the other
items (ord. 2020-562 art. 1): see
:func:`groupement_rules.seance.attendance.represented_count_for_quorum`.
"""

from __future__ import annotations

from ..decision import Finding
from .context import Context
from .facts import Deliberation, DeliberationKind
from .findings import CATALOGUE


def _president(ctx: Context, d: Deliberation) -> str | None:
    return d.president if d.president is not None else ctx.seance.president


def check_election(ctx: Context, d: Deliberation) -> list[Finding]:
    """The eldest member presides the election (a warning: the adjoints' election may be
    presided by the newly elected maire, and the kind covers both elections)."""
    p = ctx.params
    if d.kind is not DeliberationKind.ELECTION_MAIRE_ADJOINTS or not p.election_presided_by_eldest:
        return []
    pres, eldest = _president(ctx, d), ctx.seance.eldest
    if pres is None or eldest is None:
        return []
    pk = ctx.key(pres)
    if pk is None or pk == ctx.key(eldest):
        return []
    return [
        CATALOGUE.emit(
            "election-not-presided-by-eldest",
            p.cite("election_presided_by_eldest"),
            deliberation=d.number,
            president=pres,
            eldest=eldest,
        )
    ]


def missing_facts(ctx: Context, d: Deliberation) -> list[str]:
    """The facts the election's rules need and the document does not give."""
    if d.kind is not DeliberationKind.ELECTION_MAIRE_ADJOINTS:
        return []
    out = []
    if ctx.seance.eldest is None:
        out.append("seance.eldest")
    if _president(ctx, d) is None:
        out.append("deliberation.president")
    return out


__all__ = ["check_election", "missing_facts"]
