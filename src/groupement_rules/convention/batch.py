"""Every adherent of a convention checked at once: the coordinator's batch (issue 12.5).

One :class:`Row` per adherent: the verdict on its file, the codes found, where
its engagement stands, and the two dates a coordinator acts on: the last day
to send a withdrawal that takes effect at the next échéance, and the day the
engagement ends as things stand. A :class:`Summary` counts them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping

import attrs

from ..decision import JSONValue
from ..policy import Policy
from .adhesion import check_adherent, engagement_of
from .facts import Adherent
from .schedule import Schedule, schedule


@attrs.frozen
class Row:
    """The result for one adherent (``line``: its line in the input, when read from a file).

    ``answer`` is ``valid``, ``incomplete``, ``invalid``, or ``unreadable`` when
    the row itself could not be read (``error`` says why).
    """

    line: int | None
    name: str | None
    insee: str | None
    answer: str
    status: str | None = None
    codes: tuple[str, ...] = ()
    errors: int = 0
    warnings: int = 0
    last_day_to_withdraw: dt.date | None = None
    withdrawal_effective_on: dt.date | None = None
    engaged_until: dt.date | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, JSONValue]:
        def iso(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "line": self.line,
            "name": self.name,
            "insee": self.insee,
            "answer": self.answer,
            "status": self.status,
            "codes": list(self.codes),
            "errors": self.errors,
            "warnings": self.warnings,
            "last_day_to_withdraw": iso(self.last_day_to_withdraw),
            "withdrawal_effective_on": iso(self.withdrawal_effective_on),
            "engaged_until": iso(self.engaged_until),
            "error": self.error,
        }


#: The columns of a result row, in order (CSV header and JSON keys).
COLUMNS = tuple(attrs.fields_dict(Row))


@attrs.frozen
class Summary:
    """How many adherents got each answer, and how often each code was found."""

    on: dt.date
    adherents: int
    answers: Mapping[str, int]
    codes: Mapping[str, int]

    def to_dict(self) -> dict[str, JSONValue]:
        return {
            "on": self.on.isoformat(),
            "adherents": self.adherents,
            "answers": dict(self.answers),
            "codes": dict(sorted(self.codes.items())),
        }


def next_withdrawal(sch: Schedule, on: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(last day to send, effect) of the next withdrawal possible on or after ``on``."""
    windows = sch.windows
    i = sch.window_index(on)
    if i < len(windows):
        return windows[i].last_day, windows[i].boundary
    if sch.open_span is not None and on < sch.open_span.end:
        return sch.open_span.last_day, None
    return None, None


def check_one(policy: Policy, adherent: Adherent, on: dt.date, line: int | None = None) -> Row:
    """One adherent's row: its file checked on ``on``, and the dates that matter."""
    d = check_adherent(policy, adherent, on)
    engagement, _ = engagement_of(policy, adherent)
    member = engagement.member_on(on)
    last_day = effect = None
    if member.member and engagement.withdrawn_from is None:
        last_day, effect = next_withdrawal(engagement.schedule, on)
    return Row(
        line=line,
        name=adherent.name,
        insee=adherent.insee,
        answer=d.answer,
        status=member.status.value,
        codes=tuple(dict.fromkeys(d.codes())),
        errors=sum(f.severity.value == "error" for f in d.findings),
        warnings=sum(f.severity.value == "warning" for f in d.findings),
        last_day_to_withdraw=last_day,
        withdrawal_effective_on=engagement.withdrawn_from or effect,
        engaged_until=engagement.engaged_until,
    )


def check_adherents(
    policy: Policy,
    adherents: Iterable[Adherent | tuple[int, Adherent | str]],
    on: dt.date,
) -> tuple[list[Row], Summary]:
    """Check every adherent of a convention on ``on``: one row each, and a summary.

    Items are adherents, or ``(line, adherent)`` pairs from a file, where a
    string in place of the adherent is the reason its row could not be read.
    """
    schedule(policy)  # one calendar for the whole batch
    rows: list[Row] = []
    for item in adherents:
        line, a = item if isinstance(item, tuple) else (None, item)
        if isinstance(a, str):
            rows.append(Row(line=line, name=None, insee=None, answer="unreadable", error=a))
        else:
            rows.append(check_one(policy, a, on, line))
    answers = Counter(r.answer for r in rows)
    codes = Counter(c for r in rows for c in r.codes)
    return rows, Summary(on, len(rows), dict(answers), dict(codes))
