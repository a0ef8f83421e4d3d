"""Builders of séances for the séance tests (not a test module)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from groupement_rules.seance.facts import (
    Commune,
    Convocation,
    DeclaredCounts,
    Deliberation,
    DeliberationKind,
    DeportArticle,
    Outcome,
    PresidentVote,
    Proxy,
    Seance,
    StandAside,
    Vote,
)

DAY = dt.date(2026, 2, 2)


def names(n: int) -> tuple[str, ...]:
    return tuple(f"Nom{i} Prenom{i}" for i in range(n))


def member(i: int) -> str:
    return f"Nom{i} Prenom{i}"


def delib(
    number: str = "1",
    *,
    pour: int | None = None,
    contre: int | None = None,
    abstentions: int | None = None,
    blancs_nuls: int | None = None,
    secret: bool = False,
    unanimous: bool = False,
    president: PresidentVote | None = None,
    outcome: Outcome | None = None,
    stood_aside: Sequence[str | StandAside] = (),
    arrived: Sequence[str] = (),
    left: Sequence[str] = (),
    kind: DeliberationKind = DeliberationKind.ORDINARY,
    presided_by: str | None = None,
    **declared: int | None,
) -> Deliberation:
    return Deliberation(
        number=number,
        title=f"Délibération {number}",
        stood_aside=tuple(s if isinstance(s, StandAside) else StandAside(s) for s in stood_aside),
        arrived=tuple(arrived),
        left=tuple(left),
        vote=Vote(pour, contre, abstentions, blancs_nuls, secret, unanimous, president),
        outcome=outcome,
        declared=DeclaredCounts(**declared),
        kind=kind,
        president=presided_by,
    )


def seance(
    n: int = 15,
    *,
    absent: Sequence[int] = (),
    proxies: Sequence[tuple[int, int]] = (),
    deliberations: Sequence[Deliberation] | None = None,
    date: dt.date = DAY,
    sent_on: dt.date | None = None,
    population: int | None = 1000,
    secretaries: Sequence[str] | None = None,
    president: str | None = None,
    members: Sequence[str] | None = None,
    convocation: Convocation | None = None,
    insee: str | None = "49176",
    maire: str | None = None,
    eldest: str | None = None,
) -> Seance:
    """A séance of ``n`` members ``Nom{i} Prenom{i}``; ``absent`` and ``proxies`` by index."""
    if sent_on is None:
        sent_on = date - dt.timedelta(days=7)
    return Seance(
        date=date,
        commune=Commune("Testville", insee, population),
        convocation=convocation or Convocation(sent_on=sent_on),
        president=member(0) if president is None else president,
        secretaries=(member(1),) if secretaries is None else tuple(secretaries),
        members=names(n) if members is None else tuple(members),
        absent=tuple(member(i) for i in absent),
        proxies=tuple(Proxy(member(g), member(h)) for g, h in proxies),
        deliberations=(delib(),) if deliberations is None else tuple(deliberations),
        maire=maire,
        eldest=eldest,
    )


def consistent_delib(
    n: int,
    absent: Sequence[int],
    proxies: Sequence[tuple[int, int]],
    *,
    contre: int = 0,
    abstentions: int = 0,
    number: str = "1",
    stood_aside: Sequence[str] = (),
) -> Deliberation:
    """A délibération whose declared counts and outcome agree with the attendance."""
    presents = n - len(absent)
    votants = presents - len(stood_aside) + len(proxies)
    pour = votants - contre - abstentions
    adopted = pour > contre
    return delib(
        number,
        pour=pour,
        contre=contre,
        abstentions=abstentions,
        outcome=Outcome.ADOPTED if adopted else Outcome.REJECTED,
        stood_aside=stood_aside,
        president=PresidentVote.POUR,
        en_exercice=n,
        presents=presents,
        represented=len(proxies),
        votants=votants,
        exprimes=pour + contre,
    )


#: INSEE codes: a commune of Maine-et-Loire (general law), of Moselle and of Bas-Rhin.
GENERAL, MOSELLE, BAS_RHIN = "49176", "57463", "67482"

__all__ = [
    "BAS_RHIN",
    "DAY",
    "GENERAL",
    "MOSELLE",
    "DeliberationKind",
    "DeportArticle",
    "Outcome",
    "PresidentVote",
    "StandAside",
    "consistent_delib",
    "delib",
    "member",
    "names",
    "seance",
]
