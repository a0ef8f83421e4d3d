"""The quorum at each item (CGCT L2121-17; the state of health emergency regimes; the
exceptions of the local law of Alsace-Moselle, L2541-4)."""

from __future__ import annotations

from ..decision import Citation, Finding
from .attendance import Tally
from .context import Context, W
from .convocation import second_convocation_dispenses
from .facts import Deliberation, DeportArticle
from .findings import CATALOGUE

_REASONS = {
    "second-convocation": (
        "seconde convocation sur le même ordre du jour",
        "second convocation on the same agenda",
    ),
    "interested-half": (
        "la moitié au moins des conseillers sont intéressés à l'affaire",
        "half or more of the members are interested in the matter",
    ),
}


def quorum_dispense(ctx: Context, d: Deliberation, t: Tally) -> tuple[str | None, bool, Citation]:
    """Why ``d`` may be voted without quorum, if it may: (reason, verified, citation).

    « Il délibère alors valablement sans condition de quorum » (L2121-17 al. 2) after a
    second convocation sent three jours francs before; in Alsace-Moselle (L2541-4), after a
    second convocation that says so (1°), or when « la moitié ou plus de la moitié des
    conseillers municipaux sont intéressés personnellement ou comme mandataires » (2°).
    ``verified`` is False when the dispense cannot be checked (sending day unknown)."""
    p = ctx.params
    if ctx.local_law and p.am_interested_half_dispenses_quorum and t.en_exercice is not None:
        interested = sum(1 for s in d.stood_aside if s.article is DeportArticle.L2131_11)
        if interested * 2 >= t.en_exercice:
            return "interested-half", True, p.cite("am_interested_half_dispenses_quorum")
    ok, cit = second_convocation_dispenses(ctx)
    if ok is None:
        return "second-convocation", False, cit
    return ("second-convocation" if ok else None), True, cit


def check_quorum(ctx: Context, d: Deliberation, t: Tally) -> list[Finding]:
    """« Le conseil municipal ne délibère valablement que lorsque la majorité de ses membres
    en exercice est présente. Si […] ce quorum n'est pas atteint, le conseil municipal est à
    nouveau convoqué à trois jours au moins d'intervalle. Il délibère alors valablement sans
    condition de quorum. » (L2121-17). Procurations do not count (except 3 April – 10 July
    2020, and never for electing the maire and the adjoints); the quorum is assessed at each
    item."""
    p = ctx.params
    if t.quorum_reached is not False:
        return []
    counted = t.presents_for_quorum or 0
    if t.represented_count:
        counted += t.represented or 0
    reason, verified, cit = quorum_dispense(ctx, d, t)
    if reason is not None and verified:
        fr, en = _REASONS[reason]
        return [
            CATALOGUE.emit(
                "quorum-dispensed",
                cit,
                deliberation=d.number,
                counted=counted,
                quorum=t.quorum,
                reason=reason,
                reason_fr=fr,
                reason_en=en,
            )
        ]
    return [
        CATALOGUE.emit(
            "quorum-not-reached",
            p.cite("quorum"),
            deliberation=d.number,
            severity=None if verified else W,
            counted=counted,
            quorum=t.quorum,
            en_exercice=t.en_exercice_for_quorum,
            rule=p.quorum,
            represented_count=t.represented_count,
            dispense_unverified=not verified,
        )
    ]


__all__ = ["check_quorum", "quorum_dispense"]
