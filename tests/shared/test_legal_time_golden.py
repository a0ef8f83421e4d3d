"""Every named counting convention, with the arithmetic it shows, against reviewed
snapshots (tests/shared/golden/legal-time.json; UPDATE_GOLDEN=1 to regenerate, then review)."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from groupement_rules.holidays_fr import calendar_for_insee
from groupement_rules.legal_time import (
    Delai,
    Echeance,
    Jours,
    Unit,
    WeekendsOnly,
    count_delai,
    jours_calendaires,
    jours_francs,
    jours_ouvrables,
    jours_ouvres,
    mois,
    months_period,
    months_preceding,
    shift_months,
)

D = dt.date
METRO = calendar_for_insee(None)
MOSELLE = calendar_for_insee("57463")

CASES: dict[str, Callable[[], Echeance]] = {
    "calendaires-after": lambda: jours_calendaires(D(2026, 4, 30), 10),
    "calendaires-after-extended": lambda: jours_calendaires(
        D(2026, 4, 22), 10, extension=True, cal=METRO
    ),
    "calendaires-before-extended": lambda: jours_calendaires(
        D(2026, 5, 20), 10, before=True, extension=True, cal=METRO
    ),
    "ouvrables-after": lambda: jours_ouvrables(D(2026, 4, 30), 3, METRO),
    "ouvrables-before": lambda: jours_ouvrables(D(2026, 5, 11), 3, METRO, before=True),
    "ouvres-after": lambda: jours_ouvres(D(2026, 4, 30), 3, METRO),
    "ouvres-after-moselle": lambda: jours_ouvres(D(2026, 12, 24), 2, MOSELLE),
    "francs-before-convocation": lambda: jours_francs(D(2026, 2, 2), 5, before=True),
    "francs-after-extended": lambda: jours_francs(
        D(2026, 7, 10), 3, extension=True, cal=WeekendsOnly()
    ),
    "mois-franc-ce": lambda: mois(D(2024, 12, 30), 2, franc=True, extension=True, cal=METRO),
    "mois-franc-first": lambda: mois(
        D(2024, 12, 30), 2, franc=True, franc_first=True, extension=True, cal=METRO
    ),
    "mois-before": lambda: mois(D(2028, 7, 31), 1, before=True),
    "delai-without-citation": lambda: count_delai(
        D(2026, 1, 1), Delai(1, Unit.DAYS, Jours.CALENDAIRES)
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_echeance_matches_its_snapshot(name: str) -> None:
    e = CASES[name]()
    got = {
        "value": e.value.isoformat(),
        "how": e.how(),
        "note": e.note(),
        "extended": e.extended,
        "clamped": e.clamped,
        "computed": e.computed(name).to_dict(),
    }
    path = Path(__file__).parent / "golden" / "legal-time.json"
    snap = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if os.environ.get("UPDATE_GOLDEN"):
        snap[name] = got
        path.write_text(json.dumps(snap, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    assert got == snap[name]


def test_shift_texts() -> None:
    s = shift_months(D(2026, 8, 31), 1)
    assert s.how() == "31 août 2026 + 1 mois"
    assert s.how("en") == "31 August 2026 + 1 month"
    assert s.note("en") == (
        "the target month has no day 31: the period ends on the last day of the month "
        "(CPC art. 641 al. 2)"
    )
    assert s.note("fr") == (
        "le mois d'arrivée n'a pas de quantième 31 : le délai expire le dernier jour du mois "
        "(CPC art. 641 al. 2)"
    )
    assert shift_months(D(2026, 8, 31), 0).how() == "31 août 2026 + 0 mois"
    assert shift_months(D(2026, 8, 31), -2).how() == "31 août 2026 − 2 mois"
    assert shift_months(D(2026, 8, 1), -2).how("en") == "1 August 2026 − 2 months"
    c = s.computed("x")
    assert (c.value, c.how, c.note, c.citation.article) == (
        D(2026, 9, 30),
        s.how(),
        s.note(),
        "art. 641 al. 2",
    )


def test_zero_month_periods_exist_and_negative_ones_do_not() -> None:
    assert months_period(D(2026, 1, 1), 0).days == 0
    assert months_preceding(D(2026, 1, 1), 0).days == 0
    with pytest.raises(ValueError, match="negative number of months"):
        months_period(D(2026, 1, 1), -1)
    with pytest.raises(ValueError, match="negative number of months"):
        months_preceding(D(2026, 1, 1), -1)


def test_bad_delais_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="months counts calendar days"):
        Delai(1, Unit.MONTHS, Jours.OUVRES)
    with pytest.raises(TypeError):
        Delai(1, "jours")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Delai(1, extension=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="CPC art. 642 needs a holiday calendar"):
        jours_calendaires(D(2026, 1, 1), 2, extension=True)
    with pytest.raises(ValueError, match="needs a holiday calendar"):
        count_delai(D(2026, 1, 1), Delai(2, jours=Jours.OUVRES))


def test_weekends_only_calendar_describes_itself() -> None:
    assert WeekendsOnly().describe() == "sans jours fériés"
    assert not WeekendsOnly().is_holiday(D(2026, 12, 25))
