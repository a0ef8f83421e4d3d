"""The facts of an act of a commune that bear on its executory force (CGCT L2131-1)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs


class ActKind(enum.StrEnum):
    """L2131-1: how an act is brought to the knowledge of those concerned."""

    REGULATORY = "regulatory"  # published (III)
    INDIVIDUAL = "individual"  # notified (II)
    OTHER = "other"  # neither regulatory nor individual: published (III)


class PublicationMode(enum.StrEnum):
    ELECTRONIC = "electronic"
    AFFICHAGE = "affichage"
    PAPER = "paper"


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


@attrs.frozen
class Act:
    """The facts of an act of a commune that bear on its executory force."""

    adopted_on: dt.date
    number: str | None = None
    title: str | None = None
    commune: str | None = None
    insee: str | None = None
    population: int | None = None
    kind: ActKind = ActKind.OTHER
    published_on: dt.date | None = None
    publication_mode: PublicationMode = PublicationMode.ELECTRONIC
    notified_on: dt.date | None = None
    transmitted_on: dt.date | None = None  # received at the préfecture
    listed_in_l2131_2: bool = True  # délibérations are, save the article's exceptions

    def to_dict(self) -> dict[str, Any]:
        return {
            "adopted_on": self.adopted_on.isoformat(),
            "number": self.number,
            "title": self.title,
            "commune": self.commune,
            "insee": self.insee,
            "population": self.population,
            "kind": self.kind.value,
            "published_on": iso(self.published_on),
            "publication_mode": self.publication_mode.value,
            "notified_on": iso(self.notified_on),
            "transmitted_on": iso(self.transmitted_on),
            "listed_in_l2131_2": self.listed_in_l2131_2,
        }


__all__ = ["Act", "ActKind", "PublicationMode"]
