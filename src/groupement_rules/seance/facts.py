"""The facts of a municipal council séance and of each délibération voted in it (SPEC B.1).

Frozen attrs classes, no behaviour. Names are kept as the document writes them; the
rules match them with :mod:`groupement_rules.seance.names`. Every count may be None:
unknown, never zero. Both declared counts (what the document states) and the facts
they are computed from are kept, since the point is to compare them.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs


class Outcome(enum.StrEnum):
    """The outcome a document states for a délibération."""

    ADOPTED = "adopted"
    REJECTED = "rejected"


class DeportArticle(enum.StrEnum):
    """Why a member stands aside: the article that removes them from the vote."""

    L2131_11 = "L2131-11"  # intéressé à l'affaire
    L1111_6 = "L1111-6"  # représentant de la collectivité dans l'organisme concerné
    L2121_14 = "L2121-14"  # the maire withdraws for the vote of the compte administratif


class DeliberationKind(enum.StrEnum):
    """What a délibération decides, when its kind changes the rules that apply.

    ``compte-administratif`` (and the compte financier unique that replaces it):
    L1612-12 and L2121-14 (SPEC B.2.11); ``election-maire-adjoints``: the election of
    the maire and the adjoints, L2122-8 (SPEC B.2.12); ``ordinary``: everything else.
    """

    ORDINARY = "ordinary"
    COMPTE_ADMINISTRATIF = "compte-administratif"
    ELECTION_MAIRE_ADJOINTS = "election-maire-adjoints"


class PresidentVote(enum.StrEnum):
    """How the president voted, when the document says so."""

    POUR = "pour"
    CONTRE = "contre"
    ABSTENTION = "abstention"


@attrs.frozen
class Commune:
    """The commune. ``population``: the population municipale authenticated at the last
    general renewal of the council (R2151-4), not this year's figure; None when unknown."""

    name: str | None = None
    insee: str | None = None
    population: int | None = None


@attrs.frozen
class Convocation:
    """How the séance was convened (L2121-10 to L2121-12, L2121-7, L2121-17).

    ``second_convocation``: this séance follows a first one that lacked quorum;
    ``first_seance_on`` is that first séance's date, when known (informative: the three
    days of L2121-17 al. 2 run from the sending of the new convocation). ``quorum_notice``:
    the new convocation « rappelle expressément » that the council will deliberate whatever
    the number present (required in Alsace-Moselle, L2541-4 1°).
    """

    sent_on: dt.date | None = None
    urgent: bool = False
    second_convocation: bool = False
    first_seance_on: dt.date | None = None
    first_after_renewal: bool = False
    quorum_notice: bool = False


@attrs.frozen
class Proxy:
    """A procuration (pouvoir écrit, L2121-20): ``giver`` absent, votes through ``holder``.

    ``consecutive_seances``: how many consecutive séances it has served, this one included,
    when known; ``illness_certified``: « cas de maladie dûment constatée ».
    """

    giver: str
    holder: str
    consecutive_seances: int | None = None
    illness_certified: bool = False


@attrs.frozen
class StandAside:
    """A member who se déporte for one délibération, and under which article."""

    name: str
    article: DeportArticle = DeportArticle.L2131_11


@attrs.frozen
class Vote:
    """The vote on one délibération. Each count None when the document does not give it."""

    pour: int | None = None
    contre: int | None = None
    abstentions: int | None = None
    blancs_nuls: int | None = None
    secret: bool = False
    unanimous: bool = False  # the document states « à l'unanimité »
    president: PresidentVote | None = None


@attrs.frozen
class DeclaredCounts:
    """The counts the document declares for a délibération (None: not stated)."""

    en_exercice: int | None = None
    presents: int | None = None
    represented: int | None = None
    votants: int | None = None
    exprimes: int | None = None


@attrs.frozen
class Deliberation:
    """One délibération: number (an identifier such as « 2026-02-03 », not a date), title,
    the members who stand aside, who arrive or leave before it (attendance carries on to
    the next items), the vote, the stated outcome and the declared counts.

    ``kind`` selects the rules of SPEC B.2.11 and B.2.12; ``new_proxies`` are the
    procurations given during the séance that apply from this item on (« à compter de
    son départ », « à partir de l'élection du … »), not from the opening. ``president``:
    who presides this item when it is not the séance's president (the president the
    council elects for the compte administratif, L2121-14; the eldest member for the
    election of the maire, L2122-8)."""

    number: str
    title: str | None = None
    stood_aside: tuple[StandAside, ...] = ()
    arrived: tuple[str, ...] = ()
    left: tuple[str, ...] = ()
    vote: Vote = attrs.field(factory=Vote)
    outcome: Outcome | None = None
    declared: DeclaredCounts = attrs.field(factory=DeclaredCounts)
    kind: DeliberationKind = DeliberationKind.ORDINARY
    new_proxies: tuple[Proxy, ...] = ()
    president: str | None = None


@attrs.frozen
class Seance:
    """A séance of the municipal council.

    ``members``: the members en exercice (empty when the document does not list them);
    ``absent``: the members absent at the opening (represented or not); ``proxies``: the
    procurations given for this séance. ``maire``: the maire, when the document names
    them (None: the séance's president is taken to be the maire, L2121-14 al. 1);
    ``eldest``: the oldest member (doyen d'âge), when the document names them.
    """

    date: dt.date
    commune: Commune = attrs.field(factory=Commune)
    convocation: Convocation = attrs.field(factory=Convocation)
    president: str | None = None
    secretaries: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    proxies: tuple[Proxy, ...] = ()
    deliberations: tuple[Deliberation, ...] = ()
    maire: str | None = None
    eldest: str | None = None


__all__ = [
    "Commune",
    "Convocation",
    "DeclaredCounts",
    "Deliberation",
    "DeliberationKind",
    "DeportArticle",
    "Outcome",
    "PresidentVote",
    "Proxy",
    "Seance",
    "StandAside",
    "Vote",
]
