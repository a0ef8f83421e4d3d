"""The calendar of a convention, computed once per policy (SPEC A.2, A.3, A.4).

With M the market start, the initial period and each tacit renewal are
half-open periods of months. Every boundary is computed from M in one step
(``M + (initial + k × renewal) months``), never by chaining additions, because
month addition is not associative at month ends (CPC art. 641 al. 2).

Before the end of each period that can be renewed there is one notice window,
« les deux mois qui précèdent la fin de la première période » (art. 3): the
half-open interval ``[B − notice months, B)``. The e-primo convention, renewable
once, has exactly one window.
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs

from ..decision import ComputedDate
from ..legal_time import ONE_DAY, Period, said, shift_months
from ..policy import Policy
from .policy import end_citation, forbidden_citation, forbidden_months


@attrs.frozen
class Window:
    """A withdrawal notice window before the end boundary of a renewable period."""

    index: int  # 1 for the window before the end of the first period
    period: Period  # [boundary − notice months, boundary)
    boundary: dt.date  # the withdrawal takes effect on this day

    @property
    def first_day(self) -> dt.date:
        return self.period.first_day

    @property
    def last_day(self) -> dt.date:
        return self.period.last_day

    def to_dict(self) -> dict[str, object]:
        return {
            "index": self.index,
            **self.period.to_dict(),
            "effective_on": self.boundary.isoformat(),
        }


@attrs.frozen(eq=False)
class Schedule:
    """Every key date of a convention, with the arithmetic behind each."""

    policy: Policy
    start: dt.date
    periods: tuple[Period, ...]  # initial period, then each possible renewal
    windows: tuple[Window, ...]
    withdrawal_allowed_from: dt.date  # first day a withdrawal may take effect
    dates: tuple[ComputedDate, ...]
    _bounds: tuple[tuple[dt.date, dt.date, Window], ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        bounds = tuple((w.first_day, w.boundary, w) for w in self.windows)
        object.__setattr__(self, "_bounds", bounds)

    @property
    def end(self) -> dt.date:
        """End boundary of the last possible period (the convention ends that day)."""
        return self.periods[-1].end

    def period_index(self, day: dt.date) -> int | None:
        """0 for the initial period, k for the k-th renewal, None outside."""
        for i, p in enumerate(self.periods):
            if day in p:
                return i
        return None

    def window_for(self, day: dt.date) -> tuple[Window | None, Window | None]:
        """(window containing ``day``, next window opening after ``day``)."""
        for first, end, w in self._bounds:
            if day < first:
                return None, w
            if day < end:
                return w, None
        return None, None


@functools.cache
def schedule(policy: Policy) -> Schedule:
    """The schedule of ``policy``, computed once and cached per policy object."""
    v = policy.value
    m: dt.date = v("market_start")
    initial: int = v("initial_period_months")
    renewal: int = v("renewal_months")
    renewals: int = v("max_tacit_renewals")
    notice: int = v("withdrawal_notice_months")
    forbidden = forbidden_months(policy)
    c_start = policy.citation("market_start")
    c_dur = policy.citation("initial_period_months")
    c_notice = policy.citation("withdrawal_notice_months")

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
    shifts = [shift_months(m, initial + k * renewal) for k in range(renewals + 1)]
    periods: list[Period] = []
    prev = m
    for k, sh in enumerate(shifts, start=1):
        periods.append(Period(prev, sh.value))
        dates.append(sh.computed(f"period_{k}_end", c_dur))
        prev = sh.value
    allowed_from_shift = shift_months(m, forbidden)
    dates.append(allowed_from_shift.computed("withdrawal_allowed_from", forbidden_citation(policy)))
    windows: list[Window] = []
    for sh in shifts[:-1]:
        boundary = sh.value
        if boundary < allowed_from_shift.value:
            continue
        opens = shift_months(boundary, -notice)
        w = Window(len(windows) + 1, Period(opens.value, boundary), boundary)
        windows.append(w)
        i = w.index
        dates.append(opens.computed(f"window_{i}_first_day", c_notice))
        dates.append(
            ComputedDate(
                f"window_{i}_last_day",
                boundary - ONE_DAY,
                f"{said(boundary)} − 1 jour",
                c_notice,
                how_en=f"{said(boundary, 'en')} − 1 day",
            )
        )
    dates.append(
        ComputedDate(
            "convention_end",
            periods[-1].end,
            f"{said(m)} + {initial + renewals * renewal} mois",
            end_citation(policy),
            how_en=f"{said(m, 'en')} + {initial + renewals * renewal} months",
        )
    )
    return Schedule(
        policy=policy,
        start=m,
        periods=tuple(periods),
        windows=tuple(windows),
        withdrawal_allowed_from=allowed_from_shift.value,
        dates=tuple(dates),
    )
