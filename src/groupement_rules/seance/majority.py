"""Suffrages exprimés, majority and the president's casting vote, unanimity (CGCT L2121-20)."""

from __future__ import annotations

import attrs

from ..decision import Finding
from .attendance import Tally
from .context import Context
from .facts import Deliberation, DeliberationKind, PresidentVote
from .findings import CATALOGUE


@attrs.frozen
class VoteTally:
    exprimes: int | None  # votants − abstentions − blancs/nuls
    pour: int | None  # recorded, or implied by « à l'unanimité »
    contre: int | None
    adopted: bool | None
    basis: str  # how adoption was decided


def vote_tally(ctx: Context, d: Deliberation, t: Tally) -> VoteTally:
    """« Les délibérations sont prises à la majorité absolue des suffrages exprimés. Lorsqu'il
    y a partage égal des voix et sauf cas de scrutin secret, la voix du président est
    prépondérante. » (L2121-20). Abstentions, blancs and nuls are not suffrages exprimés."""
    p = ctx.params
    v = d.vote
    blancs = v.blancs_nuls if (v.blancs_nuls is not None or v.secret) else 0
    excl = {"abstentions": v.abstentions, "blancs_nuls": blancs}
    exprimes = None
    if t.votants is not None and all(excl[k] is not None for k in p.exprimes_exclude):
        exprimes = t.votants - sum(excl[k] or 0 for k in p.exprimes_exclude)
    pour, contre, basis = v.pour, v.contre, "vote"
    if v.unanimous and pour is None and contre is None:
        total = d.declared.exprimes if d.declared.exprimes is not None else exprimes
        if total is not None:
            pour, contre, basis = total, 0, "unanimity-stated"
    if pour is None or contre is None:
        return VoteTally(exprimes, pour, contre, None, "unknown")
    if (
        d.kind is DeliberationKind.COMPTE_ADMINISTRATIF
        and p.compte_administratif_adopted_unless_majority_against
    ):
        # « Le compte administratif est arrêté si une majorité des voix ne s'est pas dégagée
        # contre son adoption » (L1612-12): a tie adopts it, whatever the ballot.
        against = contre * 2 > pour + contre
        return VoteTally(exprimes, pour, contre, not against, "compte-administratif")
    if pour * 2 > pour + contre:
        return VoteTally(exprimes, pour, contre, True, basis)
    if pour != contre or pour == 0:
        return VoteTally(exprimes, pour, contre, False, basis)
    # a tie
    if v.secret and p.secret_ballot_tie_rejects:
        return VoteTally(exprimes, pour, contre, False, "tie-secret-ballot")
    pres = d.president if d.president is not None else ctx.seance.president
    if pres is not None and any(ctx.key(s.name) == ctx.key(pres) for s in ctx.stood_aside(d)):
        return VoteTally(exprimes, pour, contre, False, "tie-president-stood-aside")
    if not p.president_casting_vote or v.president is None:
        return VoteTally(exprimes, pour, contre, None, "tie-president-vote-unknown")
    return VoteTally(
        exprimes, pour, contre, v.president is PresidentVote.POUR, "tie-president-casting-vote"
    )


def check_outcome(ctx: Context, d: Deliberation, vt: VoteTally) -> list[Finding]:
    """« Les délibérations sont prises à la majorité absolue des suffrages exprimés. Lorsqu'il
    y a partage égal des voix et sauf cas de scrutin secret, la voix du président est
    prépondérante. » (L2121-20). The stated outcome must follow from the vote."""
    p = ctx.params
    if d.outcome is None or vt.adopted is None:
        return []
    stated = d.outcome.value == "adopted"
    if stated == vt.adopted:
        return []
    cit = (
        p.cite("compte_administratif_adopted_unless_majority_against")
        if vt.basis == "compte-administratif"
        else p.cite("secret_ballot_tie_rejects")
        if vt.basis.startswith("tie")
        else p.cite("president_casting_vote")
    )
    computed = "adopted" if vt.adopted else "rejected"
    return [
        CATALOGUE.emit(
            "outcome-mismatch",
            cit,
            deliberation=d.number,
            stated=d.outcome.value,
            computed=computed,
            stated_fr=_FR[d.outcome.value],
            computed_fr=_FR[computed],
            pour=vt.pour,
            contre=vt.contre,
            basis=vt.basis,
        )
    ]


_FR = {"adopted": "adoptée", "rejected": "rejetée"}


def check_unanimity(ctx: Context, d: Deliberation) -> list[Finding]:
    """« à l'unanimité » is true only without any vote contre; with abstentions (or blancs
    and nuls) and no contre the délibération is adopted « à l'unanimité des suffrages
    exprimés » (SPEC B.2.7), which is said."""
    p = ctx.params
    v = d.vote
    out: list[Finding] = []
    if v.unanimous and v.contre is not None and v.contre > 0:
        out.append(
            CATALOGUE.emit(
                "unanimity-with-contre",
                p.cite("exprimes_exclude"),
                deliberation=d.number,
                contre=v.contre,
            )
        )
    not_exprimes = (v.abstentions or 0) + (v.blancs_nuls or 0)
    if v.contre == 0 and (v.pour or 0) > 0 and not_exprimes > 0:
        out.append(
            CATALOGUE.emit(
                "unanimity-of-exprimes",
                p.cite("exprimes_exclude"),
                deliberation=d.number,
                pour=v.pour,
                contre=0,
                not_exprimes=not_exprimes,
                stated_unanimous=v.unanimous,
                note_fr=" (et non à l'unanimité des votants)" if v.unanimous else "",
                note_en=" (not unanimously of the votants)" if v.unanimous else "",
            )
        )
    return out


__all__ = ["VoteTally", "check_outcome", "check_unanimity", "vote_tally"]
