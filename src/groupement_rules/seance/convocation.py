"""The convocation délai of a municipal council (CGCT L2121-7, L2121-11, L2121-12).

« Dans les communes de moins de 3 500 habitants, la convocation est adressée trois jours
francs au moins avant celui de la réunion. En cas d'urgence, le délai peut être abrégé par
le maire, sans pouvoir être toutefois inférieur à un jour franc. » (L2121-11 al. 2)
« Le délai de convocation est fixé à cinq jours francs. » (L2121-12, communes de 3 500
habitants et plus). The first séance after a general renewal: « au moins trois jours
francs » for every commune (L2121-7).

Jours francs exclude the day of sending and the day of the séance; the délai runs from
sending, and Saturdays, Sundays and holidays count and never extend it (CE 13 oct. 1993,
André): the latest sending day is ``séance − (n + 1)`` days
(:func:`~groupement_rules.legal_time.latest_act_for_jours_francs`).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..decision import Citation, ComputedDate, Decision, Finding, Interpretation, cites
from ..legal_time import jours_francs_between, latest_act_for_jours_francs, said
from ..policy import Policy
from .context import Context, population_used
from .findings import CATALOGUE
from .policy import SeanceParams, params_on


class ConvocationAnswer(enum.StrEnum):
    """The answer of ``convocation``: the latest day of sending, computed (L2121-11/12)."""

    COMPUTED = "computed"


@attrs.frozen
class Delai:
    """The délai that applies: jours francs, why (``regime``) and the article."""

    jours_francs: int
    regime: str  # "after-renewal" | "urgent" | "small" | "large" | "am-small" | "am-urgent"
    citation: Citation
    threshold_citation: Citation


def required_delai(
    params: SeanceParams,
    population: int | None,
    *,
    urgent: bool = False,
    first_after_renewal: bool = False,
    alsace_moselle: bool = False,
) -> Delai:
    """The délai in jours francs for a séance under ``params``.

    The first séance after a general renewal has its own délai (L2121-7), which urgency does
    not shorten (the urgency clause belongs to L2121-11 and L2121-12). A commune whose
    population is unknown gets the longer délai of L2121-12 (the cautious reading). In
    Alsace-Moselle, a commune under the threshold follows L2541-2: « elle est faite trois
    jours au moins avant la séance et, en cas d'urgence, la veille »; from the threshold,
    L2121-12 applies there too (L2541-1 does not exclude it).
    """
    p = params

    def delai(jours_francs: int, regime: str, key: str) -> Delai:
        return Delai(jours_francs, regime, p.cite(key), p.cite("population_threshold"))

    if first_after_renewal:
        return delai(
            p.convocation_jours_francs_after_renewal,
            "after-renewal",
            "convocation_jours_francs_after_renewal",
        )
    small = population is not None and population < p.population_threshold
    if alsace_moselle and small and urgent:
        return delai(
            p.am_convocation_jours_francs_urgent, "am-urgent", "am_convocation_jours_francs_urgent"
        )
    if alsace_moselle and small:
        return delai(
            p.am_convocation_jours_francs_small, "am-small", "am_convocation_jours_francs_small"
        )
    if urgent:
        return delai(p.convocation_jours_francs_urgent, "urgent", "convocation_jours_francs_urgent")
    if small:
        return delai(p.convocation_jours_francs_small, "small", "convocation_jours_francs_small")
    return delai(p.convocation_jours_francs_large, "large", "convocation_jours_francs_large")


def _unknown_population(params: SeanceParams) -> Interpretation:
    return Interpretation(
        key="population",
        value="unknown-cautious",
        alternatives=("below-threshold",),
        description_fr=(
            "population inconnue : le délai des communes de "
            f"{params.population_threshold} habitants et plus (le plus long) est retenu"
        ),
        description_en=(
            "population unknown: the délai of communes of "
            f"{params.population_threshold} inhabitants or more (the longer one) is used"
        ),
        citation=params.cite("population_threshold"),
    )


def latest_sending_day(
    policy: Policy,
    seance_date: dt.date,
    population: int | None,
    urgent: bool = False,
    first_after_renewal: bool = False,
    *,
    alsace_moselle: bool = False,
) -> Decision:
    """The last day the convocation may be sent for a séance on ``seance_date``.

    ``data``: ``latest_sending_day`` (ISO date), ``jours_francs`` (the délai), ``regime``,
    ``population``, ``threshold``. The population is the one authenticated at the last
    general renewal (R2151-4).
    """
    params = params_on(policy, seance_date)
    delai = required_delai(
        params,
        population,
        urgent=urgent,
        first_after_renewal=first_after_renewal,
        alsace_moselle=alsace_moselle,
    )
    latest = latest_act_for_jours_francs(seance_date, delai.jours_francs)
    assert jours_francs_between(latest, seance_date) == delai.jours_francs
    interpretations: tuple[Interpretation, ...] = ()
    if population is None and delai.regime == "large":
        interpretations = (_unknown_population(params),)
    how = (
        f"{said(seance_date)} − ({delai.jours_francs} + 1) jours "
        f"({delai.jours_francs} jours francs : ni le jour de l'envoi ni celui de la séance)"
    )
    how_en = (
        f"{said(seance_date, 'en')} − ({delai.jours_francs} + 1) days "
        f"({delai.jours_francs} clear days: neither the day of sending nor that of the séance)"
    )
    return Decision(
        question="convocation",
        answer=ConvocationAnswer.COMPUTED,
        inputs={
            "seance_date": seance_date.isoformat(),
            "population": population,
            "urgent": urgent,
            "first_after_renewal": first_after_renewal,
            "alsace_moselle": alsace_moselle,
        },
        policy=policy.ref,
        dates=(ComputedDate("latest_sending_day", latest, how, delai.citation, how_en=how_en),),
        interpretations=interpretations,
        citations=cites(
            delai.citation, delai.threshold_citation, params.cite("population_reference")
        ),
        data={
            "latest_sending_day": latest.isoformat(),
            "jours_francs": delai.jours_francs,
            "regime": delai.regime,
            "population": population,
            "threshold": params.population_threshold,
            "seance_date": seance_date.isoformat(),
        },
    )


def check_convocation(ctx: Context) -> list[Finding]:
    """« la convocation est adressée trois jours francs au moins avant celui de la réunion »
    (L2121-11); « Le délai de convocation est fixé à cinq jours francs » (L2121-12); urgency:
    « sans pouvoir être toutefois inférieur à un jour franc »; first séance after a general
    renewal: three jours francs (L2121-7); Alsace-Moselle: « trois jours au moins avant la
    séance et, en cas d'urgence, la veille » (L2541-2).

    A second convocation after a séance without quorum comes « à trois jours au moins
    d'intervalle » (L2121-17 al. 2): three jours francs between the sending of the new
    convocation and the new séance, whatever the first séance's date (CE, 16 juin 1997,
    Commune d'Anould, n° 142691); an urgent convocation cannot stand in for them. In
    Alsace-Moselle there is no interval, but the new convocation « rappelle expressément
    cette disposition » (L2541-4 1°). Short of that, the council needs its quorum."""
    s = ctx.seance
    c = s.convocation
    p = ctx.params
    out: list[Finding] = []
    if c.second_convocation and ctx.local_law:
        if p.am_second_convocation_requires_notice and not c.quorum_notice:
            out.append(
                CATALOGUE.emit(
                    "second-convocation-notice-missing",
                    p.cite("am_second_convocation_requires_notice"),
                )
            )
    elif c.second_convocation and c.sent_on is not None:
        gap = jours_francs_between(c.sent_on, s.date)
        if gap < p.second_convocation_interval_jours_francs:
            out.append(
                CATALOGUE.emit(
                    "second-convocation-interval",
                    p.cite("second_convocation_interval_jours_francs"),
                    sent_on=c.sent_on.isoformat(),
                    jours_francs=gap,
                    required=p.second_convocation_interval_jours_francs,
                )
            )
    if c.sent_on is None:
        return out
    delai = seance_delai(ctx)
    left = jours_francs_between(c.sent_on, s.date)
    if left < delai.jours_francs:
        latest = latest_act_for_jours_francs(s.date, delai.jours_francs)
        out.append(
            CATALOGUE.emit(
                "convocation-too-late",
                delai.citation,
                sent_on=c.sent_on.isoformat(),
                seance_on=s.date.isoformat(),
                jours_francs=left,
                required=delai.jours_francs,
                regime=delai.regime,
                latest_sending_day=latest.isoformat(),
            )
        )
    return out


def seance_delai(ctx: Context) -> Delai:
    """The convocation délai of the séance of ``ctx``."""
    c = ctx.seance.convocation
    pop, _ = population_used(ctx)
    return required_delai(
        ctx.params,
        pop,
        urgent=c.urgent,
        first_after_renewal=c.first_after_renewal,
        alsace_moselle=ctx.local_law,
    )


def second_convocation_dispenses(ctx: Context) -> tuple[bool | None, Citation]:
    """Whether this séance, a second convocation, may deliberate without quorum.

    True or False, or None when it cannot be checked (the new convocation's sending day is
    not given), with the citation of the rule applied."""
    c = ctx.seance.convocation
    p = ctx.params
    if ctx.local_law:
        cit = p.cite("am_second_convocation_requires_notice")
        if not c.second_convocation:
            return False, cit
        return (c.quorum_notice or not p.am_second_convocation_requires_notice), cit
    cit = p.cite("second_convocation_interval_jours_francs")
    if not c.second_convocation:
        return False, cit
    if c.sent_on is None:
        return None, cit
    gap = jours_francs_between(c.sent_on, ctx.seance.date)
    return gap >= p.second_convocation_interval_jours_francs, cit


__all__ = [
    "Delai",
    "check_convocation",
    "latest_sending_day",
    "required_delai",
    "seance_delai",
    "second_convocation_dispenses",
]
