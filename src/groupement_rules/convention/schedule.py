"""The calendar of a convention, computed once per policy (SPEC A.2, A.3, A.4, A.8).

With M the market start, the initial period and each renewal are half-open
periods, in months from M or in civil years. Every boundary is computed from
M in one step (``M + (initial + k × renewal) months``), never by chaining
additions, because month addition is not associative at month ends (CPC
art. 641 al. 2).

The withdrawal clause turns that calendar into *windows*: for each échéance
(the day a withdrawal takes effect), the letter days that lead to it. Their
shape is the family's (SPEC A.8):

- ``window-before-period-end``: « dans les deux mois qui précèdent la fin de
  la première période »: ``[B − N months, B)`` before each renewable
  boundary B; a letter between windows is too early for the next one.
- ``notice-before-period-end``: « au moins trois mois avant l'échéance »:
  the last valid day is the latest X with ``X + N months ≤ B``; the windows
  tile (a late letter is deferred to the next échéance) or leave the days
  between the notice and B refused (``too-late``), as the policy says.
- ``notice-before-fixed-date``: « avant le 30 juin ; effet au 1er janvier
  suivant »: one window per year ending on the fixed day (included or not).
- ``notice-after-receipt``: one continuous span of letter days, each with its
  own effect ``X + N months``.
- ``end-of-marches`` and ``none``: no window (the effect follows the marchés;
  or no withdrawal at all).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Iterator

import attrs

from ..decision import Citation, ComputedDate
from ..legal_time import ONE_DAY, Period, add_months, said, shift_months
from ..policy import Policy
from .facts import Marche, civil_year_boundary
from .policy import (
    POLICY_CACHE_SIZE,
    Terms,
    end_citation,
    forbidden_citation,
    terms,
)


@attrs.frozen
class Window:
    """The letter days that make a withdrawal take effect on ``boundary``.

    ``period`` is ``[first day, last day + 1)``; a window open from any day
    (a notice counted back from its échéance) starts on ``date.min`` and says
    so with ``first_day = None`` in JSON.
    """

    index: int  # 1 for the window of the first échéance
    period: Period
    boundary: dt.date  # the withdrawal takes effect on this day

    @property
    def first_day(self) -> dt.date:
        return self.period.first_day

    @property
    def last_day(self) -> dt.date:
        return self.period.last_day

    def to_dict(self) -> dict[str, object]:
        span: dict[str, object] = dict(self.period.to_dict())
        if self.period.start == dt.date.min:
            span["first_day"] = None
        return {"index": self.index, **span, "effective_on": self.boundary.isoformat()}


@attrs.frozen(eq=False)
class Schedule:
    """Every key date of a convention, with the arithmetic behind each."""

    policy: Policy
    terms: Terms
    start: dt.date
    periods: tuple[Period, ...]  # initial period, then each possible renewal
    windows: tuple[Window, ...]
    withdrawal_allowed_from: dt.date  # end of the forbidden period
    dates: tuple[ComputedDate, ...]
    marches: tuple[Marche, ...]
    #: notice-after-receipt: the first and last letter days (each with its own effect)
    open_span: Period | None = None
    _last_days: tuple[dt.date, ...] = attrs.field(init=False)
    _period_ends: tuple[dt.date, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_last_days", tuple(w.last_day for w in self.windows))
        object.__setattr__(self, "_period_ends", tuple(p.end for p in self.periods))

    @property
    def end(self) -> dt.date:
        """End boundary of the last possible period (the convention ends that day)."""
        return self.periods[-1].end

    def period_index(self, day: dt.date) -> int | None:
        """0 for the initial period, k for the k-th renewal, None outside."""
        if day < self.start:
            return None
        i = bisect.bisect_right(self._period_ends, day)
        return i if i < len(self.periods) else None

    def window_index(self, day: dt.date) -> int:
        """The position of the first window whose last day is ``day`` or later
        (``len(windows)`` when every window has closed)."""
        return bisect.bisect_left(self._last_days, day)

    def window_for(self, day: dt.date) -> tuple[Window | None, Window | None]:
        """(window containing ``day``, next window opening after ``day``)."""
        i = self.window_index(day)
        if i == len(self.windows):
            return None, None
        w = self.windows[i]
        return (w, None) if day >= w.first_day else (None, w)


def latest_notice_day(boundary: dt.date, months: int) -> dt.date:
    """The latest day X with ``X + months ≤ boundary`` (« au moins N mois avant »).

    Usually ``boundary − N months``, but later at month ends: for 2030-02-28 and
    3 months, 2029-11-30 (since 2029-11-30 + 3 months = 2030-02-28).
    """
    x = add_months(boundary, -months)
    while add_months(x + ONE_DAY, months) <= boundary:
        x += ONE_DAY
    return x


def earliest_day_reaching(day: dt.date, months: int) -> dt.date:
    """The earliest X with ``X + months ≥ day``."""
    x = add_months(day, -months)
    while add_months(x - ONE_DAY, months) >= day:
        x -= ONE_DAY
    while add_months(x, months) < day:
        x += ONE_DAY
    return x


def _boundaries(t: Terms) -> list[dt.date]:
    cumulative = [t.initial_months + k * t.renewal_months for k in range(t.renewals + 1)]
    if t.basis == "civil-years":
        return [civil_year_boundary(t.market_start, m // 12) for m in cumulative]
    return [add_months(t.market_start, m) for m in cumulative]


def _fixed(year: int, day: tuple[int, int]) -> dt.date:
    return dt.date(year, day[0], day[1])


@functools.lru_cache(maxsize=POLICY_CACHE_SIZE)
def schedule(policy: Policy) -> Schedule:
    """The schedule of ``policy``, computed once per policy (a bounded cache)."""
    t = terms(policy)
    v = policy.value
    m = t.market_start
    c_start = policy.citation("market_start")
    c_dur = policy.citation("initial_period_months")

    dates: list[ComputedDate] = [
        ComputedDate(
            "market_start",
            m,
            "date d'entrée en vigueur du marché",
            c_start,
            how_en="the date the market takes effect",
        ),
        ComputedDate(
            "adhesion_deadline",
            v("adhesion_deadline"),
            "date limite d'envoi de la convention signée",
            policy.citation("adhesion_deadline"),
            how_en="the deadline for sending the signed convention",
        ),
    ]
    ends = _boundaries(t)
    periods: list[Period] = []
    prev = m
    for k, end in enumerate(ends, start=1):
        periods.append(Period(prev, end))
        months = t.initial_months + (k - 1) * t.renewal_months
        if t.basis == "civil-years":
            years = months // 12
            how = (
                f"1er janvier, {years} {'année civile' if years < 2 else 'années civiles'} "
                f"après le {said(m)}"
            )
            how_en = (
                f"1 January, {years} calendar {'year' if years == 1 else 'years'} "
                f"after {said(m, 'en')}"
            )
            dates.append(ComputedDate(f"period_{k}_end", end, how, c_dur, how_en=how_en))
        else:
            dates.append(shift_months(m, months).computed(f"period_{k}_end", c_dur))
        prev = end
    conv_end = periods[-1].end
    allowed_shift = shift_months(m, t.forbidden_months)
    allowed_from = allowed_shift.value
    dates.append(allowed_shift.computed("withdrawal_allowed_from", forbidden_citation(policy)))
    clause = _Clause(t, allowed_from, conv_end)
    clause.build(ends)
    dates.extend(clause.dates)
    dates.append(
        ComputedDate(
            "convention_end",
            conv_end,
            (
                f"{said(m)} + {t.initial_months + t.renewals * t.renewal_months} mois"
                if t.basis == "months"
                else f"1er janvier {conv_end.year}"
            ),
            end_citation(policy),
            how_en=(
                f"{said(m, 'en')} + {t.initial_months + t.renewals * t.renewal_months} months"
                if t.basis == "months"
                else f"1 January {conv_end.year}"
            ),
        )
    )
    return Schedule(
        policy=policy,
        terms=t,
        start=m,
        periods=tuple(periods),
        windows=tuple(clause.windows),
        withdrawal_allowed_from=allowed_from,
        dates=tuple(dates),
        marches=t.marches or (_convention_marche(t),),
        open_span=clause.open_span,
    )


class _Clause:
    """The windows of one convention's withdrawal clause, with the dates behind each."""

    def __init__(self, t: Terms, allowed_from: dt.date, conv_end: dt.date) -> None:
        self.t = t
        self.allowed_from = allowed_from
        self.conv_end = conv_end
        self.bars_letter = t.forbidden_bars == "letter"
        self.windows: list[Window] = []
        self.dates: list[ComputedDate] = []
        self.open_span: Period | None = None

    def build(self, ends: list[dt.date]) -> None:
        family = self.t.family
        if family == "window-before-period-end":
            self.before_period_ends(ends[:-1])
        elif family == "notice-before-period-end":
            self.notices(self.period_end_echeances(ends[:-1]))
        elif family == "notice-before-fixed-date":
            self.notices(self.fixed_date_echeances())
        elif family == "notice-after-receipt":
            self.after_receipt()

    def eligible(self, b: dt.date) -> bool:
        """An échéance where a withdrawal can take effect: before the convention ends,
        not before the forbidden period is over when it bars the effect."""
        return b < self.conv_end and (self.bars_letter or b >= self.allowed_from)

    def first_how(self, first: dt.date) -> tuple[str, str]:
        if first == self.allowed_from:
            return "fin de la période sans retrait", "end of the period without withdrawal"
        return "jour suivant", "the next day"

    def add(
        self, first: dt.date | None, last: dt.date, boundary: dt.date, how: tuple[str, str]
    ) -> None:
        if self.bars_letter:
            first = self.allowed_from if first is None else max(first, self.allowed_from)
        if first is not None and first > last:
            return
        w = Window(len(self.windows) + 1, Period(first or dt.date.min, last + ONE_DAY), boundary)
        self.windows.append(w)
        c = self.t.citation
        if first is not None:
            fr, en = self.first_how(first)
            self.dates.append(ComputedDate(f"window_{w.index}_first_day", first, fr, c, how_en=en))
        self.dates.append(
            ComputedDate(f"window_{w.index}_last_day", last, how[0], c, how_en=how[1])
        )

    def before_period_ends(self, boundaries: list[dt.date]) -> None:
        """« dans les N mois qui précèdent la fin de la période »: ``[B − N, B)``."""
        n, c = self.t.notice_months, self.t.citation
        assert n is not None
        for b in boundaries:
            if b < self.allowed_from:
                continue
            opens = shift_months(b, -n)
            opens_on = max(opens.value, self.allowed_from) if self.bars_letter else opens.value
            if opens_on >= b:
                continue
            w = Window(len(self.windows) + 1, Period(opens_on, b), b)
            self.windows.append(w)
            i = w.index
            if opens_on == opens.value:
                self.dates.append(opens.computed(f"window_{i}_first_day", c))
            else:
                fr, en = self.first_how(opens_on)
                self.dates.append(ComputedDate(f"window_{i}_first_day", opens_on, fr, c, how_en=en))
            self.dates.append(
                ComputedDate(
                    f"window_{i}_last_day",
                    b - ONE_DAY,
                    f"{said(b)} − 1 jour",
                    c,
                    how_en=f"{said(b, 'en')} − 1 day",
                )
            )

    def period_end_echeances(
        self, boundaries: list[dt.date]
    ) -> Iterator[tuple[dt.date, dt.date, tuple[str, str]]]:
        """« au moins N mois avant l'échéance »: (échéance, last day, how) per period end."""
        n = self.t.notice_months
        assert n is not None
        months = "month" if n == 1 else "months"
        for b in boundaries:
            if self.eligible(b):
                yield (
                    b,
                    latest_notice_day(b, n),
                    (
                        f"dernier jour X tel que X + {n} mois ≤ {said(b)}",
                        f"last day X such that X + {n} {months} ≤ {said(b, 'en')}",
                    ),
                )

    def fixed_date_echeances(self) -> Iterator[tuple[dt.date, dt.date, tuple[str, str]]]:
        """« avant le 30 juin ; effet au 1er janvier suivant »: one échéance a year."""
        t = self.t
        assert t.deadline_day is not None and t.effect_day is not None
        word = "au plus tard le" if t.deadline_inclusive else "avant le"
        word_en = "at the latest on" if t.deadline_inclusive else "before"
        for year in range(max(t.market_start.year - 1, dt.MINYEAR), self.conv_end.year + 1):
            deadline = _fixed(year, t.deadline_day)
            effect = _fixed(year, t.effect_day)
            if effect <= deadline:
                if year == dt.MAXYEAR:
                    break
                effect = _fixed(year + 1, t.effect_day)
            if self.eligible(effect):
                last = deadline if t.deadline_inclusive else deadline - ONE_DAY
                yield (
                    effect,
                    last,
                    (f"{word} {said(deadline)}", f"{word_en} {said(deadline, 'en')}"),
                )

    def notices(self, echeances: Iterable[tuple[dt.date, dt.date, tuple[str, str]]]) -> None:
        """One window per échéance, from the day after the previous one's notice ran
        out (a late letter deferred) or from the previous échéance (a late letter refused)."""
        previous: tuple[dt.date, dt.date] | None = None  # (last day, échéance)
        for boundary, last, how in echeances:
            first = None if previous is None else _next_first(previous, self.t.late)
            self.add(first, last, boundary, how)
            previous = (last, boundary)

    def after_receipt(self) -> None:
        """« effet N mois après la réception »: one span of letter days."""
        n, c = self.t.notice_months, self.t.citation
        assert n is not None
        first = (
            self.allowed_from if self.bars_letter else earliest_day_reaching(self.allowed_from, n)
        )
        last = earliest_day_reaching(self.conv_end, n) - ONE_DAY
        if first > last:
            return
        self.open_span = Period(first, last + ONE_DAY)
        self.dates.append(
            ComputedDate(
                "letters_from",
                first,
                f"premier jour dont l'effet (+ {n} mois) suit la période sans retrait",
                c,
                how_en=f"first day whose effect (+ {n} months) follows the period without "
                "withdrawal",
            )
        )
        self.dates.append(
            ComputedDate(
                "letters_until",
                last,
                f"dernier jour dont l'effet (+ {n} mois) précède la fin, le {said(self.conv_end)}",
                c,
                how_en=f"last day whose effect (+ {n} months) precedes the end, "
                f"{said(self.conv_end, 'en')}",
            )
        )


def _next_first(previous: tuple[dt.date, dt.date], late: str) -> dt.date:
    """First letter day of the next window: the day after the previous notice ran out
    (a late letter is deferred), or the previous échéance itself (a late letter is refused)."""
    last, boundary = previous
    return last + ONE_DAY if late == "deferred" else boundary


def _convention_marche(t: Terms) -> Marche:
    return Marche(
        id="marche",
        start=t.market_start,
        initial_months=t.initial_months,
        renewals=t.renewals,
        renewal_months=t.renewal_months,
        basis=t.basis,
    )


__all__ = ["Citation", "Schedule", "Window", "latest_notice_day", "schedule"]
