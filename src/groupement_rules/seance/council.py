"""Council size (CGCT L2121-2, R2151-4): members en exercice against the seats of the table."""

from __future__ import annotations

from ..decision import Finding
from .context import INFO, Context, W, _f


def check_council_size(ctx: Context) -> list[Finding]:
    """« Le nombre des membres du conseil municipal des communes est fixé conformément au
    tableau ci-après » (L2121-2), for the population authenticated at the last general
    renewal (R2151-4). En exercice ≤ seats; vacancies make it smaller; communes nouvelles
    and the « réputé complet » rule (L2121-2-1) make exceptions, hence a warning. When the
    population is unknown, the smallest bracket consistent with the members en exercice is
    inferred, and said (``population-inferred``)."""
    p = ctx.params
    n = ctx.en_exercice
    pop = ctx.seance.commune.population
    if n is None:
        return []
    if pop is not None:
        seats = p.seats(pop)
        if n > seats:
            return [
                _f(
                    "council-size-exceeded",
                    W,
                    f"{n} membres en exercice pour {seats} sièges (population {pop}) : vérifier "
                    "une exception (commune nouvelle, L2121-2-1).",
                    f"{n} members en exercice for {seats} seats (population {pop}): check for "
                    "an exception (commune nouvelle, L2121-2-1).",
                    p.cite("council_size"),
                    en_exercice=n,
                    seats=seats,
                    population=pop,
                )
            ]
        return []
    bracket = p.bracket_for(n)
    if bracket is None:
        most = p.council_size[-1][1]
        return [
            _f(
                "council-size-exceeded",
                W,
                f"{n} membres en exercice : plus que le plus grand conseil du tableau ({most}).",
                f"{n} members en exercice: more than the largest council of the table ({most}).",
                p.cite("council_size"),
                en_exercice=n,
                seats=most,
                population=None,
            )
        ]
    lowest, highest, seats = bracket
    span_fr = f"{lowest} à {highest}" if highest is not None else f"{lowest} et plus"
    span_en = f"{lowest} to {highest}" if highest is not None else f"{lowest} or more"
    return [
        _f(
            "population-inferred",
            INFO,
            f"Population inconnue : {n} membres en exercice supposent au moins la tranche "
            f"{span_fr} habitants ({seats} sièges) ; retenue pour la suite.",
            f"Population unknown: {n} members en exercice imply at least the bracket "
            f"{span_en} inhabitants ({seats} seats); used below.",
            p.cite("council_size"),
            en_exercice=n,
            population_min=lowest,
            population_max=highest,
            seats=seats,
        )
    ]


__all__ = ["check_council_size"]
