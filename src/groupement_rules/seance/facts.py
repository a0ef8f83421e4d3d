"""The facts of a municipal council séance and of each délibération voted in it (SPEC B.1).

Frozen attrs classes, no behaviour. Names are kept as the document writes them; the
rules match them with :mod:`groupement_rules.seance.names`. Every count may be None:
unknown, never zero. Both declared counts (what the document states) and the facts
they are computed from are kept, since the point is to compare them.

The classes are the one definition of a séance's facts: a value of the wrong type or out
of range is refused when the fact is built, with one line naming the class and the field
(:class:`InvalidFact`); enums accept their string values (``Outcome("adopted")``), lists
become tuples, an INSEE code is checked and written in capitals
(:func:`groupement_rules.insee.normalise`). The JSON reader and the shipped JSON Schema are
checked against these classes by ``tests/seance/test_facts.py``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from .. import insee as _insee
from ..errors import InputError

#: The largest count a séance fact accepts (a council has at most 69 members: L2121-2).
COUNT_MAX = 10_000

#: The largest population accepted (the most populous commune has some 2.1 million).
POPULATION_MAX = 100_000_000


class InvalidFact(InputError):
    """A séance fact built with a value of the wrong type or out of range."""


def _where(inst: Any, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(inst).__name__}.{attribute.name}"


def _count(maximum: int, minimum: int = 0) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidFact(_where(inst, attribute), f"expected a whole number, got {value!r}")
        if not minimum <= value <= maximum:
            shown = value if abs(value) < 10**12 else f"a number of {len(str(abs(value)))} digits"
            raise InvalidFact(
                _where(inst, attribute), f"must be from {minimum} to {maximum}, got {shown}"
            )

    return check


def _flag(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidFact(_where(inst, attribute), f"expected true or false, got {value!r}")


def _day(optional: bool) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise InvalidFact(_where(inst, attribute), f"expected a date, got {value!r}")

    return check


def _text(optional: bool) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or not value.strip():
            raise InvalidFact(_where(inst, attribute), f"expected a name, got {value!r}")

    return check


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidFact("names", f"expected a list of names, got {value!r}")
    out = tuple(value)
    for v in out:
        if not isinstance(v, str) or not v.strip():
            raise InvalidFact("names", f"expected a name, got {v!r}")
    return out


_T = TypeVar("_T")


def _tuple_of(cls: type[_T], value: Any) -> tuple[_T, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidFact(cls.__name__, f"expected a list of {cls.__name__}, got {value!r}")
    out = tuple(value)
    for v in out:
        if not isinstance(v, cls):
            raise InvalidFact(cls.__name__, f"expected a {cls.__name__}, got {v!r}")
    return out


_E = TypeVar("_E", bound=enum.Enum)


def _member(cls: type[_E], value: Any) -> _E:
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(str(m.value) for m in cls)
        raise InvalidFact(cls.__name__, f"expected one of {choices}, got {value!r}") from None


def _insee_code(value: Any) -> str | None:
    return None if value is None else _insee.normalise(value)


def _instance(cls: type[Any]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            raise InvalidFact(_where(inst, attribute), f"expected a {cls.__name__}, got {value!r}")

    return check


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


def _to_deport_article(value: Any) -> DeportArticle:
    return _member(DeportArticle, value)


def _to_kind(value: Any) -> DeliberationKind:
    return _member(DeliberationKind, value)


def _to_outcome(value: Any) -> Outcome | None:
    return None if value is None else _member(Outcome, value)


def _to_president_vote(value: Any) -> PresidentVote | None:
    return None if value is None else _member(PresidentVote, value)


@attrs.frozen
class Commune:
    """The commune. ``population``: the population municipale authenticated at the last
    general renewal of the council (R2151-4), not this year's figure; None when unknown."""

    name: str | None = attrs.field(default=None, validator=_text(True))
    insee: str | None = attrs.field(default=None, converter=_insee_code)
    population: int | None = attrs.field(default=None, validator=_count(POPULATION_MAX))


@attrs.frozen
class Convocation:
    """How the séance was convened (L2121-10 to L2121-12, L2121-7, L2121-17).

    ``second_convocation``: this séance follows a first one that lacked quorum;
    ``first_seance_on`` is that first séance's date, when known (informative: the three
    days of L2121-17 al. 2 run from the sending of the new convocation). ``quorum_notice``:
    the new convocation « rappelle expressément » that the council will deliberate whatever
    the number present (required in Alsace-Moselle, L2541-4 1°).
    """

    sent_on: dt.date | None = attrs.field(default=None, validator=_day(True))
    urgent: bool = attrs.field(default=False, validator=_flag)
    second_convocation: bool = attrs.field(default=False, validator=_flag)
    first_seance_on: dt.date | None = attrs.field(default=None, validator=_day(True))
    first_after_renewal: bool = attrs.field(default=False, validator=_flag)
    quorum_notice: bool = attrs.field(default=False, validator=_flag)


@attrs.frozen
class Proxy:
    """A procuration (pouvoir écrit, L2121-20): ``giver`` absent, votes through ``holder``.

    ``consecutive_seances``: how many consecutive séances it has served, this one included,
    when known; ``illness_certified``: « cas de maladie dûment constatée ».
    """

    giver: str = attrs.field(validator=_text(False))
    holder: str = attrs.field(validator=_text(False))
    consecutive_seances: int | None = attrs.field(default=None, validator=_count(COUNT_MAX, 1))
    illness_certified: bool = attrs.field(default=False, validator=_flag)


def _proxies(value: Any) -> tuple[Proxy, ...]:
    return _tuple_of(Proxy, value)


@attrs.frozen
class StandAside:
    """A member who se déporte for one délibération, and under which article."""

    name: str = attrs.field(validator=_text(False))
    article: DeportArticle = attrs.field(
        default=DeportArticle.L2131_11, converter=_to_deport_article
    )


def _stand_asides(value: Any) -> tuple[StandAside, ...]:
    return _tuple_of(StandAside, value)


@attrs.frozen
class Vote:
    """The vote on one délibération. Each count None when the document does not give it."""

    pour: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))
    contre: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))
    abstentions: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))
    blancs_nuls: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))
    secret: bool = attrs.field(default=False, validator=_flag)
    unanimous: bool = attrs.field(default=False, validator=_flag)  # « à l'unanimité »
    president: PresidentVote | None = attrs.field(default=None, converter=_to_president_vote)


@attrs.frozen
class DeclaredCounts:
    """The counts the document declares for a délibération (None: not stated)."""

    en_exercice: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))
    presents: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))
    represented: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))
    votants: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))
    exprimes: int | None = attrs.field(default=None, validator=_count(COUNT_MAX))


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

    number: str = attrs.field(validator=_text(False))
    title: str | None = attrs.field(default=None, validator=_instance((str, type(None))))  # type: ignore[arg-type]
    stood_aside: tuple[StandAside, ...] = attrs.field(default=(), converter=_stand_asides)
    arrived: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    left: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    vote: Vote = attrs.field(factory=Vote, validator=_instance(Vote))
    outcome: Outcome | None = attrs.field(default=None, converter=_to_outcome)
    declared: DeclaredCounts = attrs.field(
        factory=DeclaredCounts, validator=_instance(DeclaredCounts)
    )
    kind: DeliberationKind = attrs.field(default=DeliberationKind.ORDINARY, converter=_to_kind)
    new_proxies: tuple[Proxy, ...] = attrs.field(default=(), converter=_proxies)
    president: str | None = attrs.field(default=None, validator=_text(True))


def _deliberations(value: Any) -> tuple[Deliberation, ...]:
    return _tuple_of(Deliberation, value)


@attrs.frozen
class Seance:
    """A séance of the municipal council.

    ``members``: the members en exercice (empty when the document does not list them);
    ``absent``: the members absent at the opening (represented or not); ``proxies``: the
    procurations given for this séance. ``maire``: the maire, when the document names
    them (None: the séance's president is taken to be the maire, L2121-14 al. 1);
    ``eldest``: the oldest member (doyen d'âge), when the document names them.
    """

    date: dt.date = attrs.field(validator=_day(False))
    commune: Commune = attrs.field(factory=Commune, validator=_instance(Commune))
    convocation: Convocation = attrs.field(factory=Convocation, validator=_instance(Convocation))
    president: str | None = attrs.field(default=None, validator=_text(True))
    secretaries: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    members: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    absent: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    proxies: tuple[Proxy, ...] = attrs.field(default=(), converter=_proxies)
    deliberations: tuple[Deliberation, ...] = attrs.field(default=(), converter=_deliberations)
    maire: str | None = attrs.field(default=None, validator=_text(True))
    eldest: str | None = attrs.field(default=None, validator=_text(True))


__all__ = [
    "COUNT_MAX",
    "POPULATION_MAX",
    "Commune",
    "Convocation",
    "DeclaredCounts",
    "Deliberation",
    "DeliberationKind",
    "DeportArticle",
    "InvalidFact",
    "Outcome",
    "PresidentVote",
    "Proxy",
    "Seance",
    "StandAside",
    "Vote",
]
