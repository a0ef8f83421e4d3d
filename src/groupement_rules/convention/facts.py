"""Facts of a groupement de commandes: its marchés, and one adherent (SPEC A.5, A.6, A.8).

Frozen values, validated at construction. ``None`` always means *unknown*,
never *no*: a check that needs an unknown fact says it could not run.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ..insee import departement_of
from ..legal_time import Period, add_months


def _insee(_inst: object, _attr: object, value: str | None) -> None:
    if value is not None:
        departement_of(value)


def _non_negative(_inst: object, attr: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attr.name} must be zero or more, got {value}")


def civil_year_boundary(start: dt.date, years: int) -> dt.date:
    """The 1 January that ends ``years`` civil years counted from ``start``.

    The civil year in which ``start`` falls counts as the first one, whole or
    not: a period « d'une année civile » starting on 2026-07-19 ends on
    2027-01-01 (its last day is 31 December 2026).
    """
    return dt.date(start.year + years, 1, 1)


def _positive_months(_inst: object, attr: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 1200:
        raise ValueError(f"{attr.name} must be 1 to 1200 months, got {value}")


@attrs.frozen
class Marche:
    """A marché or accord-cadre the groupement passes (SPEC A.8).

    It starts on ``start``, runs ``initial_months``, then may be renewed
    ``renewals`` times for ``renewal_months`` each (periods in months from the
    start, or in civil years with ``basis="civil-years"``). Every end boundary
    is counted from the start in one step (start + cumulative months), never
    period by period, since month addition is not associative at month ends.
    ``parties_from`` is the day from which the adherents are party to it (a
    later wave of a permanent groupement); unstated, every adherent is party
    to it from its adhesion. A member is bound by a marché it is party to,
    started or not.
    """

    id: str
    start: dt.date
    initial_months: int = attrs.field(validator=_positive_months)
    renewals: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    renewal_months: int | None = None
    parties_from: dt.date | None = None
    title: str | None = None
    basis: str = attrs.field(
        default="months", validator=attrs.validators.in_(("months", "civil-years"))
    )
    boundaries: tuple[dt.date, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        renewal = self.initial_months if self.renewal_months is None else self.renewal_months
        _positive_months(self, attrs.fields(Marche).initial_months, renewal)
        months = (self.initial_months + k * renewal for k in range(self.renewals + 1))
        if self.basis == "civil-years":
            if self.initial_months % 12 or renewal % 12:
                raise ValueError("periods in civil years are whole years (multiples of 12)")
            ends = tuple(civil_year_boundary(self.start, m // 12) for m in months)
        else:
            ends = tuple(add_months(self.start, m) for m in months)
        object.__setattr__(self, "boundaries", ends)

    @property
    def end(self) -> dt.date:
        """The end boundary of its last possible period (the first day after it)."""
        return self.boundaries[-1]

    @property
    def periods(self) -> tuple[Period, ...]:
        """The initial period and each renewal, half-open, tiling ``[start, end)``."""
        starts = (self.start, *self.boundaries[:-1])
        return tuple(Period(a, b) for a, b in zip(starts, self.boundaries, strict=True))

    def party_on(self, day: dt.date) -> bool:
        """Is an adherent party to this marché on ``day``, and still bound by it?"""
        return (self.parties_from is None or self.parties_from <= day) and day < self.end


@attrs.frozen
class Authorisation:
    """The délibération authorising the signature (annexe 1).

    ``transmitted_on``: the day it was transmitted to the préfet (contrôle de
    légalité); ``transmitted`` is False when it is known not to have been,
    None when unknown.
    """

    date: dt.date
    number: str | None = None
    transmitted_on: dt.date | None = None
    transmitted: bool | None = None

    def __attrs_post_init__(self) -> None:
        if self.transmitted_on is not None and self.transmitted is None:
            object.__setattr__(self, "transmitted", True)
        if self.transmitted is False and self.transmitted_on is not None:
            raise ValueError("transmitted is false but transmitted_on is given")


@attrs.frozen
class Order:
    """An order of accounts; ``purchase_order`` marks the bon de commande of art. 7.1."""

    date: dt.date
    accounts: int = attrs.field(validator=_non_negative)
    purchase_order: bool = False


@attrs.frozen
class WithdrawalLetter:
    """A withdrawal request: the day it was sent, the day the coordinator received it,
    and the date of the délibération deciding it (when the convention requires one)."""

    sent_on: dt.date | None = None
    received_on: dt.date | None = None
    deliberation_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.sent_on is None and self.received_on is None and self.deliberation_on is None:
            raise ValueError("a withdrawal letter needs sent_on, received_on or deliberation_on")
        if self.sent_on and self.received_on and self.received_on < self.sent_on:
            raise ValueError(f"received_on ({self.received_on}) is before sent_on ({self.sent_on})")
        first = self.sent_on or self.received_on
        if self.deliberation_on and first and first < self.deliberation_on:
            raise ValueError(
                f"the letter ({first}) comes before the délibération deciding it "
                f"({self.deliberation_on})"
            )

    def date(self, reading: str) -> dt.date | None:
        """The date that counts under ``reading`` (``sent``, ``received``, ``deliberation``)."""
        if reading == "sent":
            return self.sent_on
        if reading == "received":
            return self.received_on
        return self.deliberation_on


@attrs.frozen
class Exclusion:
    """An exclusion, effective from ``effective_on``.

    ``judgment_on`` is the judge's decision; ``decided_on`` the decision of the
    coordinator or of the members' committee, and ``formal_notice_on`` the mise
    en demeure that preceded it (SPEC A.8: who decides is the policy's).
    """

    effective_on: dt.date
    judgment_on: dt.date | None = None
    court: str | None = None
    decided_on: dt.date | None = None
    formal_notice_on: dt.date | None = None


@attrs.frozen
class Adherent:
    """One adherent's file (SPEC A.5): who it is, how it adhered, what it did since."""

    name: str
    kind: str
    insee: str | None = attrs.field(default=None, validator=_insee)
    departement: str | None = None
    representation: str | None = None
    need: int | None = None  # accounts expressed in annexe 2
    authorisation: Authorisation | None = None
    signed_on: dt.date | None = None
    sent_on: dt.date | None = None  # sending of the signed convention (LRAR for e-primo)
    received_on: dt.date | None = None  # its receipt by the coordinator
    annexes: frozenset[int] | None = None  # None: unknown
    orders: tuple[Order, ...] = ()
    withdrawal_letters: tuple[WithdrawalLetter, ...] = ()
    exclusion: Exclusion | None = None

    @property
    def territory(self) -> str | None:
        """The département of the adherent, from its INSEE code or as stated."""
        if self.insee is not None:
            return departement_of(self.insee)
        return self.departement
