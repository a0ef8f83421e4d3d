"""Facts of one adherent of a groupement de commandes (SPEC A.5, A.6).

Frozen values, validated at construction. ``None`` always means *unknown*,
never *no*: a check that needs an unknown fact says it could not run.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

INSEE_RE = re.compile(r"(?:\d{2}|2[AB])\d{3}")


def departement_of(insee: str) -> str:
    """The département of a commune from its INSEE code (COG).

    Metropolitan codes start with the two-character département (``49176`` →
    ``49``, Corsica ``2A004`` → ``2A``); overseas codes with three (``97411`` →
    ``974``).
    """
    if not INSEE_RE.fullmatch(insee):
        raise ValueError(f"not an INSEE commune code: {insee!r}")
    return insee[:3] if insee.startswith("97") or insee.startswith("98") else insee[:2]


def _insee(_inst: object, _attr: object, value: str | None) -> None:
    if value is not None:
        departement_of(value)


def _non_negative(_inst: object, attr: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attr.name} must be zero or more, got {value}")


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
    """A withdrawal letter: the day it was sent, and the day the rectorat received it."""

    sent_on: dt.date | None = None
    received_on: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.sent_on is None and self.received_on is None:
            raise ValueError("a withdrawal letter needs sent_on or received_on")
        if self.sent_on and self.received_on and self.received_on < self.sent_on:
            raise ValueError(f"received_on ({self.received_on}) is before sent_on ({self.sent_on})")

    def date(self, reading: str) -> dt.date | None:
        return self.sent_on if reading == "sent" else self.received_on


@attrs.frozen
class Exclusion:
    """An exclusion: effective from ``effective_on``; ``judgment_on`` is the judge's decision."""

    effective_on: dt.date
    judgment_on: dt.date | None = None
    court: str | None = None


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
    sent_on: dt.date | None = None  # LRAR sending of the signed convention
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
