"""Legal time: months de quantième à quantième, half-open periods, jours francs.

Sources (SPEC A.2):

* CPC art. 641 al. 2: « Lorsqu'un délai est exprimé en mois ou en années, ce
  délai expire le jour du dernier mois ou de la dernière année qui porte le même
  quantième que le jour de l'acte [...]. À défaut d'un quantième identique, le
  délai expire le dernier jour du mois. » This is exactly
  ``dateutil.relativedelta(months=n)``.
* A period of N months starting on S is ``[S, S + N months)``; ``S + N months``
  is its end boundary, the first day outside it.
* Jours francs: neither the day of the act nor the day of the event counts.

Month addition is not associative (``(d + 1 month) + 1 month`` can differ from
``d + 2 months`` when a month end clamps), so every boundary is computed from its
anchor in one step: :func:`months_period` never chains additions.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs
from dateutil.relativedelta import relativedelta

from .decision import Citation, ComputedDate

CPC_641 = Citation("CPC", "art. 641 al. 2", legifrance_id="LEGIARTI000006410989")
ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class Shift:
    """The result of adding months: the date, and whether CPC 641 clamped it."""

    start: dt.date
    months: int
    value: dt.date

    @property
    def clamped(self) -> bool:
        """True when the target month had no day ``start.day`` (31 → 30, 29 → 28)."""
        return self.value.day != self.start.day

    def note(self, lang: str = "fr") -> str | None:
        if not self.clamped:
            return None
        if lang == "en":
            return (
                f"the target month has no day {self.start.day}: the period ends on "
                f"the last day of the month (CPC art. 641 al. 2)"
            )
        return (
            f"le mois d'arrivée n'a pas de quantième {self.start.day} : le délai "
            f"expire le dernier jour du mois (CPC art. 641 al. 2)"
        )

    def how(self) -> str:
        sign = "+" if self.months >= 0 else "−"
        return f"{self.start.isoformat()} {sign} {abs(self.months)} mois"

    def computed(self, name: str, citation: Citation | None = None) -> ComputedDate:
        """This shift as a :class:`ComputedDate` of a decision."""
        return ComputedDate(
            name=name,
            value=self.value,
            how=self.how(),
            citation=citation or CPC_641,
            note=self.note(),
        )


def shift_months(start: dt.date, months: int) -> Shift:
    """``start`` plus ``months`` months, de quantième à quantième (CPC art. 641 al. 2)."""
    return Shift(start, months, start + relativedelta(months=months))


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus ``months`` months (CPC art. 641 al. 2); see :func:`shift_months`."""
    return start + relativedelta(months=months)


def last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@attrs.frozen(order=False)
class Period:
    """The half-open interval of days ``[start, end)``.

    ``start`` is its first day; ``end`` is its *end boundary*, the first day
    outside it; ``last_day`` is ``end - 1 day``.
    """

    start: dt.date
    end: dt.date = attrs.field()

    @end.validator
    def _check(self, _attr: object, value: dt.date) -> None:
        if value < self.start:
            raise ValueError(f"period ends ({value}) before it starts ({self.start})")

    @property
    def first_day(self) -> dt.date:
        return self.start

    @property
    def last_day(self) -> dt.date:
        return self.end - ONE_DAY

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day < self.end

    def to_dict(self) -> dict[str, str]:
        """JSON form: both days inclusive, plus the end boundary."""
        return {
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "end": self.end.isoformat(),
        }


def months_period(start: dt.date, months: int) -> Period:
    """A period of ``months`` months starting on ``start``: ``[start, start + months)``."""
    if months < 0:
        raise ValueError("a period cannot have a negative number of months")
    return Period(start, add_months(start, months))


def months_preceding(boundary: dt.date, months: int) -> Period:
    """« Les N mois qui précèdent » ``boundary``: ``[boundary − N months, boundary)``."""
    if months < 0:
        raise ValueError("a period cannot have a negative number of months")
    return Period(add_months(boundary, -months), boundary)


def jours_francs_between(act: dt.date, event: dt.date) -> int:
    """Whole days strictly between the act and the event (jours francs).

    Neither the day of the act nor the day of the event counts: sending on the
    27th for a séance on the 2nd of the next month (31-day month) leaves 5 jours
    francs (28, 29, 30, 31, 1). Negative when the event is not after the act.
    """
    return (event - act).days - 1


def latest_act_for_jours_francs(event: dt.date, jours: int) -> dt.date:
    """The last day an act may happen so that ``jours`` jours francs remain before ``event``."""
    return event - dt.timedelta(days=jours + 1)
