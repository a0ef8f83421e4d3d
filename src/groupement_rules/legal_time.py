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

Counting conventions (:func:`count_delai` and one named function each):

* jours **calendaires**: every day counts (CPC art. 641 al. 1: « le jour de
  l'acte [...] qui le fait courir ne compte pas »; art. 642 al. 1: « Tout délai
  expire le dernier jour à vingt-quatre heures »);
* jours **ouvrables**: every day but Sunday (weekly rest, Code du travail
  L3132-3) and public holidays (L3133-1);
* jours **ouvrés**: the days usually worked: neither Saturday, Sunday nor a
  public holiday;
* jours **francs**: « le jour de l'acte » and the day of the échéance do not
  count (délai franc: CE 5 oct. 2018 n° 409579 for recours; CGCT L2121-11 and
  L2121-12 for the convocation, « cinq jours francs au moins avant celui de la
  réunion »);

counted *after* an act (the échéance is the last day) or *before* an event (the
latest day the act may take place), with or without the extension of CPC
art. 642 al. 2: « Le délai qui expirerait normalement un samedi, un dimanche ou
un jour férié ou chômé, est prorogé jusqu'au premier jour ouvrable suivant. »
The convocation rule (5 jours francs before the séance, no extension) and the
recours rule (2 months franc after publication, extended) are two
:class:`Delai` values given to the same :func:`count_delai`.

Month addition is not associative (``(d + 1 month) + 1 month`` can differ from
``d + 2 months`` when a month end clamps), so every boundary is computed from its
anchor in one step: :func:`months_period` never chains additions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
from typing import Protocol

import attrs

from . import labels
from .decision import Citation, ComputedDate

CPC_641 = Citation("CPC", "art. 641 al. 2", legifrance_id="LEGIARTI000006410989")
CPC_641_DAYS = Citation("CPC", "art. 641 al. 1")
CPC_642 = Citation("CPC", "art. 642")
DELAI_FRANC = Citation("Conseil d'État", "CE, 5 oct. 2018, n° 409579 (délai franc)")
JOURS_OUVRABLES = Citation(
    "Code du travail",
    "L3132-3 (repos dominical) et L3133-1 (jours fériés)",
    article_en="L3132-3 (Sunday rest) and L3133-1 (public holidays)",
)
JOURS_OUVRES = Citation(
    "Code du travail",
    "L3133-1 (jours fériés) ; samedi et dimanche non travaillés (usage)",
    article_en="L3133-1 (public holidays); Saturday and Sunday not worked (custom)",
)
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

    def how(self, lang: str = "fr") -> str:
        """The addition as a person checks it: « 19 juillet 2026 + 24 mois »."""
        sign = "+" if self.months >= 0 else "−"
        unit = "months" if lang == "en" and abs(self.months) != 1 else "month"
        return f"{said(self.start, lang)} {sign} {abs(self.months)} " + (
            unit if lang == "en" else "mois"
        )

    def computed(self, name: str, citation: Citation | None = None) -> ComputedDate:
        """This shift as a :class:`ComputedDate` of a decision."""
        return ComputedDate(
            name=name,
            value=self.value,
            how=self.how(),
            citation=citation or CPC_641,
            note=self.note(),
            how_en=self.how("en"),
            note_en=self.note("en"),
        )


def said(day: dt.date, lang: str = "fr") -> str:
    """A date in the long form a person reads: « 19 juillet 2028 », "19 July 2028"."""
    return labels.long_date(day.year, day.month, day.day, lang)


def shift_months(start: dt.date, months: int) -> Shift:
    """``start`` plus ``months`` months, de quantième à quantième (CPC art. 641 al. 2)."""
    return Shift(start, months, add_months(start, months))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` plus ``months`` months (CPC art. 641 al. 2); see :func:`shift_months`.

    The same day of the target month, or its last day when it has no such day
    (2026-08-31 + 1 month = 2026-09-30), as ``dateutil.relativedelta`` counts;
    integer arithmetic, since this runs for every boundary of every convention.
    Raises OverflowError outside years 1 to 9999.
    """
    y, m0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    day = start.day
    if day > 28:
        last = _MONTH_DAYS[m0]
        if m0 == 1 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
            last = 29
        day = min(day, last)
    if not 1 <= y <= 9999:
        raise OverflowError(f"{start} + {months} months is outside years 1 to 9999")
    return dt.date(y, m0 + 1, day)


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
    """The last day an act may happen so that ``jours`` jours francs remain before ``event``.

    « La convocation est adressée [cinq] jours francs au moins avant celui de la
    réunion » (CGCT L2121-11, L2121-12): counted before the event, weekends and
    holidays count, no extension (CE 13 oct. 1993, André, n° 141677). Computed
    by :func:`jours_francs` with ``before=True``.
    """
    return jours_francs(event, jours, before=True).value


# -- days, calendars and counting conventions ------------------------------


class DayCalendar(Protocol):
    """What counting needs of a holiday calendar (see ``holidays_fr.HolidayCalendar``)."""

    def is_holiday(self, day: dt.date) -> bool: ...

    def describe(self) -> str: ...


@attrs.frozen
class WeekendsOnly:
    """A calendar without public holidays: for tests and for the arithmetic alone."""

    def is_holiday(self, day: dt.date) -> bool:
        return False

    def describe(self) -> str:
        return "sans jours fériés"

    def describe_en(self) -> str:
        return "without public holidays"


SATURDAY, SUNDAY = 5, 6


def weekday_fr(day: dt.date) -> str:
    return labels.weekday(day.weekday(), "fr")


def weekday(day: dt.date, lang: str = "fr") -> str:
    return labels.weekday(day.weekday(), lang)


class Jours(enum.StrEnum):
    """Which days a délai in days counts."""

    CALENDAIRES = "calendaires"
    OUVRABLES = "ouvrables"  # not Sunday, not a public holiday
    OUVRES = "ouvres"  # not Saturday, Sunday or a public holiday


def is_ouvrable(day: dt.date, cal: DayCalendar) -> bool:
    """A jour ouvrable: neither Sunday nor a public holiday."""
    return day.weekday() != SUNDAY and not cal.is_holiday(day)


def is_ouvre(day: dt.date, cal: DayCalendar) -> bool:
    """A jour ouvré: neither Saturday, Sunday nor a public holiday."""
    return day.weekday() < SATURDAY and not cal.is_holiday(day)


def is_working_day(day: dt.date, cal: DayCalendar) -> bool:
    """A day on which a délai may expire under CPC art. 642 al. 2.

    The article says « prorogé jusqu'au premier jour ouvrable suivant »; a
    Saturday is ouvrable, but a délai that would expire on it is itself
    prorogued, so the day the délai finally expires on is a jour ouvré (a
    Friday holiday moves to Monday; CE 13 mai 2015, n° 368892: Saturday to
    Monday).
    """
    return is_ouvre(day, cal)


def counts(day: dt.date, jours: Jours, cal: DayCalendar | None) -> bool:
    """Whether ``day`` is one of the days a délai counted in ``jours`` counts."""
    if jours is Jours.CALENDAIRES:
        return True
    if cal is None:
        raise ValueError(f"counting jours {jours.value} needs a holiday calendar")
    return is_ouvrable(day, cal) if jours is Jours.OUVRABLES else is_ouvre(day, cal)


def count_days(first: dt.date, last: dt.date, jours: Jours, cal: DayCalendar | None) -> int:
    """How many days of kind ``jours`` lie in ``[first, last]`` (both inclusive; 0 if empty)."""
    n = 0
    day = first
    while day <= last:
        n += counts(day, jours, cal)
        day += ONE_DAY
    return n


def next_working_day(day: dt.date, cal: DayCalendar) -> dt.date:
    """``day`` if it is a working day, else the first working day after it (CPC art. 642 al. 2)."""
    while not is_working_day(day, cal):
        day += ONE_DAY
    return day


def previous_working_day(day: dt.date, cal: DayCalendar) -> dt.date:
    """``day`` if it is a working day, else the last working day before it."""
    while not is_working_day(day, cal):
        day -= ONE_DAY
    return day


class Unit(enum.StrEnum):
    DAYS = "jours"
    MONTHS = "mois"


@attrs.frozen
class Delai:
    """A délai as the law states it: how long, which days count, which way, extended or not.

    ``before=False``: counted after an act (the answer is the last day to act);
    ``before=True``: counted before an event (the answer is the latest day the
    act may take place). ``franc``: neither the starting day nor the day of the
    échéance counts. ``extension``: CPC art. 642 al. 2 (after an act: to the
    next working day; before an event: back to the previous one, the cautious
    mirror). ``franc_first``: for months, add the franc day before the months
    (the cautious order at month ends) rather than after (the Conseil d'État's).
    """

    amount: int = attrs.field(validator=attrs.validators.ge(0))
    unit: Unit = attrs.field(default=Unit.DAYS, validator=attrs.validators.instance_of(Unit))
    jours: Jours = attrs.field(
        default=Jours.CALENDAIRES, validator=attrs.validators.instance_of(Jours)
    )
    franc: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    before: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    extension: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    franc_first: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        if self.unit is Unit.MONTHS and self.jours is not Jours.CALENDAIRES:
            raise ValueError("a délai in months counts calendar days (CPC art. 641 al. 2)")


@attrs.frozen
class Echeance:
    """The result of counting a délai, with each step of the arithmetic."""

    anchor: dt.date
    delai: Delai
    value: dt.date  # last day to act (after) / latest day for the act (before)
    steps: tuple[str, ...]  # each step of the arithmetic, in French
    clamped: bool = False  # CPC 641 al. 2 moved a month end
    moved_from: dt.date | None = None  # the day the extension moved
    steps_en: tuple[str, ...] = ()  # the same steps in English

    @property
    def extended(self) -> bool:
        return self.moved_from is not None

    def how(self, lang: str = "fr") -> str:
        if lang == "en" and self.steps_en:
            return "; ".join(self.steps_en)
        return " ; ".join(self.steps)

    def note(self, lang: str = "fr") -> str | None:
        en = lang == "en"
        notes = []
        if self.clamped:
            notes.append(
                "the target month has no such day: last day of the month (CPC art. 641 al. 2)"
                if en
                else "le mois d'arrivée n'a pas ce quantième : dernier jour du mois "
                "(CPC art. 641 al. 2)"
            )
        if self.moved_from is not None:
            d = self.moved_from
            notes.append(
                f"{weekday(d, lang)} {said(d, lang)} is not a working day (Saturday, Sunday "
                "or public holiday): the délai is extended (CPC art. 642 al. 2)"
                if en
                else f"le {weekday(d, lang)} {said(d, lang)} n'est pas un jour ouvré (samedi, "
                "dimanche ou jour férié) : délai prorogé (CPC art. 642 al. 2)"
            )
        return ("; " if en else " ; ").join(notes) or None

    def computed(self, name: str, citation: Citation | None = None) -> ComputedDate:
        return ComputedDate(
            name=name,
            value=self.value,
            how=self.how(),
            citation=citation or self.delai.citation or CPC_641,
            note=self.note(),
            how_en=self.how("en"),
            note_en=self.note("en"),
        )


_JOURS_EN = {
    Jours.CALENDAIRES: ("day", "days"),
    Jours.OUVRABLES: ("day other than Sunday or a holiday", "days other than Sundays or holidays"),
    Jours.OUVRES: ("working day", "working days"),
}
_JOURS_FR = {
    Jours.CALENDAIRES: ("jour", "jours"),
    Jours.OUVRABLES: ("jour ouvrable", "jours ouvrables"),
    Jours.OUVRES: ("jour ouvré", "jours ouvrés"),
}


def _days(n: int, jours: Jours, lang: str) -> str:
    """« 5 jours », « 1 jour ouvré », "5 days" (French singular for 0 and 1)."""
    one, many = (_JOURS_EN if lang == "en" else _JOURS_FR)[jours]
    singular = n == 1 if lang == "en" else n < 2
    return f"{n} {one if singular else many}"


class _Steps:
    """The steps of a count, written in French and in English side by side."""

    def __init__(self) -> None:
        self.fr: list[str] = []
        self.en: list[str] = []

    def add(self, fr: str, en: str) -> None:
        self.fr.append(fr)
        self.en.append(en)


def _step_counted(
    day: dt.date, n: int, sign: int, jours: Jours, cal: DayCalendar | None
) -> dt.date:
    """The ``n``-th day of kind ``jours`` after (sign 1) or before (sign −1) ``day``."""
    step = dt.timedelta(days=sign)
    while n > 0:
        day += step
        if counts(day, jours, cal):
            n -= 1
    return day


def count_delai(anchor: dt.date, delai: Delai, cal: DayCalendar | None = None) -> Echeance:
    """Count ``delai`` from ``anchor``: the one mechanism behind every named convention.

    Pure, so results are memoised (bounded) when the calendar is hashable: a
    séance check asks for the same convocation délai again and again.
    """
    try:
        return _count_delai_cached(anchor, delai, cal)  # type: ignore[arg-type]
    except TypeError:  # an unhashable calendar of the caller's: count without the memo
        return _count_delai(anchor, delai, cal)


#: Délais are immutable values: the named conventions build each one once.
_delai = functools.lru_cache(maxsize=256)(Delai)


@functools.lru_cache(maxsize=4096)
def _count_delai_cached(anchor: dt.date, delai: Delai, cal: DayCalendar | None) -> Echeance:
    return _count_delai(anchor, delai, cal)


def _count_delai(anchor: dt.date, delai: Delai, cal: DayCalendar | None = None) -> Echeance:
    """The arithmetic of :func:`count_delai`.

    After an act on A: the échéance is A + n units (the day of the act does not
    count, CPC art. 641 al. 1); a délai franc ends the day after it; with the
    extension, a last day on a Saturday, Sunday or holiday moves to the next
    working day (CPC art. 642 al. 2). Before an event on E: the same, mirrored:
    the latest day for the act is E − n units, one day earlier when franc.
    """
    sign = -1 if delai.before else 1
    sgn = "−" if delai.before else "+"
    one = dt.timedelta(days=sign)
    steps = _Steps()
    clamped = False
    day = anchor
    if delai.unit is Unit.MONTHS:
        if delai.franc and delai.franc_first:
            day = anchor + one
            steps.add(
                f"{said(anchor)} {sgn} 1 jour (délai franc) = {said(day)}",
                f"{said(anchor, 'en')} {sgn} 1 day (délai franc) = {said(day, 'en')}",
            )
        shift = shift_months(day, sign * delai.amount)
        clamped = shift.clamped
        months_en = "month" if delai.amount == 1 else "months"
        steps.add(
            f"{said(day)} {sgn} {delai.amount} mois = {said(shift.value)}"
            + (" (CPC art. 641 al. 2)" if clamped else ""),
            f"{said(day, 'en')} {sgn} {delai.amount} {months_en} = {said(shift.value, 'en')}"
            + (" (CPC art. 641 al. 2)" if clamped else ""),
        )
        day = shift.value
        if delai.franc and not delai.franc_first:
            nxt = day + one
            steps.add(
                f"{sgn} 1 jour (délai franc) = {said(nxt)}",
                f"{sgn} 1 day (délai franc) = {said(nxt, 'en')}",
            )
            day = nxt
    else:
        end = _step_counted(anchor, delai.amount, sign, delai.jours, cal)
        steps.add(
            f"{said(anchor)} {sgn} {_days(delai.amount, delai.jours, 'fr')} = {said(end)}",
            f"{said(anchor, 'en')} {sgn} {_days(delai.amount, delai.jours, 'en')} "
            f"= {said(end, 'en')}",
        )
        day = end
        if delai.franc:
            nxt = day + one
            steps.add(
                f"{sgn} 1 jour (jours francs) = {said(nxt)}",
                f"{sgn} 1 day (clear days) = {said(nxt, 'en')}",
            )
            day = nxt
    moved_from = None
    if delai.extension:
        if cal is None:
            raise ValueError("the extension of CPC art. 642 needs a holiday calendar")
        moved = previous_working_day(day, cal) if delai.before else next_working_day(day, cal)
        if moved != day:
            steps.add(
                f"{weekday(day)} {said(day)} non ouvré → "
                f"{weekday(moved)} {said(moved)} (CPC art. 642)",
                f"{weekday(day, 'en')} {said(day, 'en')} not a working day → "
                f"{weekday(moved, 'en')} {said(moved, 'en')} (CPC art. 642)",
            )
            moved_from = day
            day = moved
    return Echeance(
        anchor, delai, day, tuple(steps.fr), clamped, moved_from, steps_en=tuple(steps.en)
    )


def jours_calendaires(
    anchor: dt.date,
    n: int,
    *,
    before: bool = False,
    extension: bool = False,
    cal: DayCalendar | None = None,
) -> Echeance:
    """n jours (calendaires) after an act, or before an event.

    CPC art. 641 al. 1: « Lorsqu'un délai est exprimé en jours, celui de l'acte
    [...] qui le fait courir ne compte pas. » Art. 642 al. 1: « Tout délai expire
    le dernier jour à vingt-quatre heures. »
    """
    return count_delai(
        anchor,
        _delai(
            n,
            Unit.DAYS,
            Jours.CALENDAIRES,
            before=before,
            extension=extension,
            citation=CPC_641_DAYS,
        ),
        cal,
    )


def jours_ouvrables(
    anchor: dt.date,
    n: int,
    cal: DayCalendar,
    *,
    before: bool = False,
    extension: bool = False,
) -> Echeance:
    """n jours ouvrables: every day but Sunday and public holidays.

    The weekly rest day is Sunday (Code du travail L3132-3: « Dans l'intérêt des
    salariés, le repos hebdomadaire est donné le dimanche »); holidays are those
    of L3133-1 and of the zone.
    """
    return count_delai(
        anchor,
        _delai(
            n,
            Unit.DAYS,
            Jours.OUVRABLES,
            before=before,
            extension=extension,
            citation=JOURS_OUVRABLES,
        ),
        cal,
    )


def jours_ouvres(
    anchor: dt.date,
    n: int,
    cal: DayCalendar,
    *,
    before: bool = False,
    extension: bool = False,
) -> Echeance:
    """n jours ouvrés: the days usually worked, neither Saturday, Sunday nor a holiday."""
    return count_delai(
        anchor,
        _delai(
            n, Unit.DAYS, Jours.OUVRES, before=before, extension=extension, citation=JOURS_OUVRES
        ),
        cal,
    )


def jours_francs(
    anchor: dt.date,
    n: int,
    *,
    before: bool = False,
    extension: bool = False,
    cal: DayCalendar | None = None,
) -> Echeance:
    """n jours francs: neither the day of the act nor the day of the échéance counts.

    « La convocation est adressée trois jours francs au moins avant celui de la
    réunion » (CGCT L2121-11): ``before=True``, no extension. For recours,
    « leur premier jour étant le lendemain du jour de leur déclenchement et leur
    dernier jour étant le lendemain du jour de leur échéance » (CE 5 oct. 2018,
    n° 409579).
    """
    return count_delai(
        anchor,
        _delai(
            n,
            Unit.DAYS,
            Jours.CALENDAIRES,
            franc=True,
            before=before,
            extension=extension,
            citation=DELAI_FRANC,
        ),
        cal,
    )


def mois(
    anchor: dt.date,
    n: int,
    *,
    franc: bool = False,
    before: bool = False,
    extension: bool = False,
    franc_first: bool = False,
    cal: DayCalendar | None = None,
) -> Echeance:
    """n mois, de quantième à quantième (CPC art. 641 al. 2), franc or not, extended or not."""
    d = _delai(
        n,
        Unit.MONTHS,
        franc=franc,
        before=before,
        extension=extension,
        franc_first=franc_first,
        citation=CPC_641,
    )
    return count_delai(anchor, d, cal)
