"""French public holidays by zone, through the maintained ``holidays`` package (SPEC Part C).

Sources:

* Code du travail L3133-1: « Les fêtes légales ci-après désignées sont des jours
  fériés : 1° Le 1er janvier ; 2° Le lundi de Pâques ; 3° Le 1er mai ; 4° Le 8 mai ;
  5° L'Ascension ; 6° Le lundi de Pentecôte ; 7° Le 14 juillet ; 8° L'Assomption ;
  9° La Toussaint ; 10° Le 11 novembre ; 11° Le jour de Noël. »
* Code du travail L3134-13 (Moselle, Bas-Rhin, Haut-Rhin): the 26 December
  everywhere, and Good Friday « dans les communes ayant un temple protestant ou
  une église mixte ».
* Code du travail L3422-2 (overseas départements): « La commémoration de
  l'abolition de l'esclavage fait l'objet d'une journée fériée » on the date set
  for each département (Guadeloupe 27 May, Martinique 22 May, Guyane 10 June,
  La Réunion 20 December, Mayotte 27 April).

The ``holidays`` package is imported lazily, inside :func:`holidays_in`, so that
``import groupement_rules`` stays light. Each holiday it returns is classified
by the text it comes from (:class:`Basis`); days that the package gives but no
cited text does (Mi-Carême, Good Friday and the fête Victor Schœlcher in the
Antilles) are kept only when ``customary=True``. One correction: the package
leaves out Whit Monday in 2005–2007 (the *journée de solidarité* years), but it
stayed a fête légale of L3133-1; this module keeps it.

Results are cached per (year, zone, good_friday, customary).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Mapping
from types import MappingProxyType

import attrs
from dateutil.easter import easter

from . import insee
from .decision import Citation
from .errors import InputError

L3133_1 = Citation(
    "Code du travail",
    "L3133-1",
    url="https://www.legifrance.gouv.fr/codes/id/LEGISCTA000033008129/",
)
L3134_13 = Citation("Code du travail", "L3134-13")
L3422_2 = Citation("Code du travail", "L3422-2")
LIBRARY = Citation("holidays (python package)", "France, local custom")


class Zone(enum.StrEnum):
    """A zone whose public holidays differ (values: the département code)."""

    METROPOLE = "metropole"
    MOSELLE = "57"
    BAS_RHIN = "67"
    HAUT_RHIN = "68"
    GUADELOUPE = "971"
    MARTINIQUE = "972"
    GUYANE = "973"
    REUNION = "974"
    MAYOTTE = "976"

    @property
    def alsace_moselle(self) -> bool:
        return self in (Zone.MOSELLE, Zone.BAS_RHIN, Zone.HAUT_RHIN)

    @property
    def overseas(self) -> bool:
        return self.value.startswith("97")


#: The ``holidays`` package's subdivision code of each zone.
_LIBRARY_SUBDIV: dict[Zone, str | None] = {
    Zone.METROPOLE: None,
    Zone.MOSELLE: "57",
    Zone.BAS_RHIN: "6AE",
    Zone.HAUT_RHIN: "6AE",
    Zone.GUADELOUPE: "971",
    Zone.MARTINIQUE: "972",
    Zone.GUYANE: "973",
    Zone.REUNION: "974",
    Zone.MAYOTTE: "976",
}


_ZONE_NAMES: dict[Zone, str] = {
    Zone.METROPOLE: "métropole",
    Zone.MOSELLE: "Moselle (57)",
    Zone.BAS_RHIN: "Bas-Rhin (67)",
    Zone.HAUT_RHIN: "Haut-Rhin (68)",
    Zone.GUADELOUPE: "Guadeloupe (971)",
    Zone.MARTINIQUE: "Martinique (972)",
    Zone.GUYANE: "Guyane (973)",
    Zone.REUNION: "La Réunion (974)",
    Zone.MAYOTTE: "Mayotte (976)",
}


class Basis(enum.StrEnum):
    """Which text makes a day a holiday."""

    NATIONAL = "L3133-1"
    ALSACE_MOSELLE = "L3134-13"
    ABOLITION = "L3422-2"
    CUSTOMARY = "custom"  # given by the library, no cited text


_CITATION = {
    Basis.NATIONAL: L3133_1,
    Basis.ALSACE_MOSELLE: L3134_13,
    Basis.ABOLITION: L3422_2,
    Basis.CUSTOMARY: LIBRARY,
}


@attrs.frozen
class Holiday:
    day: dt.date
    name: str  # the library's French name
    basis: Basis

    @property
    def citation(self) -> Citation:
        return _CITATION[self.basis]


def zone_for_insee(code: str | None) -> Zone:
    """The zone of a commune from its INSEE code (None: metropolitan France).

    57 Moselle, 67 Bas-Rhin, 68 Haut-Rhin; 971 Guadeloupe, 972 Martinique,
    973 Guyane, 974 La Réunion, 976 Mayotte; Corsica (2A, 2B) is metropolitan.
    """
    if code is None:
        return Zone.METROPOLE
    dep = insee.departement_of(code)
    if dep in insee.OVERSEAS:
        try:
            return Zone(dep)
        except ValueError:
            raise InputError(
                "insee",
                f"{code}: overseas collectivité {dep} is not supported "
                "(supported: 971, 972, 973, 974, 976)",
            ) from None
    if dep in insee.ALSACE_MOSELLE:
        return Zone(dep)
    return Zone.METROPOLE


@functools.cache
def holidays_in(
    year: int, zone: Zone = Zone.METROPOLE, *, good_friday: bool = False, customary: bool = False
) -> Mapping[dt.date, Holiday]:
    """The public holidays of ``year`` in ``zone``, each with the text it comes from.

    ``good_friday``: in Alsace-Moselle, the commune has a Protestant temple or a
    mixed church (L3134-13). ``customary``: also keep the days the library gives
    without a cited text (local custom in the Antilles).
    """
    import holidays  # lazy: a heavy import

    subdiv = _LIBRARY_SUBDIV[zone]
    national = holidays.country_holidays("FR", years=year, language="fr")
    local = holidays.country_holidays("FR", subdiv=subdiv, years=year, language="fr")
    e = easter(year)
    friday = e - dt.timedelta(days=2)
    whit_monday = e + dt.timedelta(days=50)
    out: dict[dt.date, Holiday] = {}
    for day in sorted(local):
        name = str(local.get(day))
        if day in national:
            basis = Basis.NATIONAL
        elif zone.alsace_moselle and (day == friday or (day.month, day.day) == (12, 26)):
            if day == friday and not good_friday:
                continue
            basis = Basis.ALSACE_MOSELLE
        elif zone.overseas and "esclavage" in name.lower():
            basis = Basis.ABOLITION
        else:
            if not customary:
                continue
            basis = Basis.CUSTOMARY
        out[day] = Holiday(day, name, basis)
    if whit_monday not in out:  # the library drops it in 2005–2007; L3133-1 never did
        out[whit_monday] = Holiday(whit_monday, "Lundi de Pentecôte", Basis.NATIONAL)
    return MappingProxyType(dict(sorted(out.items())))


@attrs.frozen
class HolidayCalendar:
    """The holidays of one zone, as the legal-time functions need them.

    Satisfies :class:`groupement_rules.legal_time.DayCalendar`.
    """

    zone: Zone = Zone.METROPOLE
    good_friday: bool = False
    customary: bool = False

    def holiday(self, day: dt.date) -> Holiday | None:
        return holidays_in(
            day.year, self.zone, good_friday=self.good_friday, customary=self.customary
        ).get(day)

    def is_holiday(self, day: dt.date) -> bool:
        return self.holiday(day) is not None

    def describe(self) -> str:
        flags = []
        if self.good_friday:
            flags.append("vendredi saint")
        if self.customary:
            flags.append("jours coutumiers")
        extra = f" + {', '.join(flags)}" if flags else ""
        return f"{_ZONE_NAMES[self.zone]}{extra}"


def calendar_for_insee(
    code: str | None, *, good_friday: bool = False, customary: bool = False
) -> HolidayCalendar:
    """The holiday calendar of the commune ``code`` (metropolitan France when None)."""
    return HolidayCalendar(zone_for_insee(code), good_friday, customary)


__all__ = [
    "Basis",
    "Holiday",
    "HolidayCalendar",
    "Zone",
    "calendar_for_insee",
    "holidays_in",
    "zone_for_insee",
]
