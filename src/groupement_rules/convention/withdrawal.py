"""« Can this adherent withdraw if its letter is dated X? » for every clause family
(SPEC A.4, A.8).

:func:`classify` is the clause: a pure function of the schedule and the day that
counts, returning the answer, the window concerned and the effect date.
:func:`withdrawal` asks it of an :class:`~.engagement.Engagement` (an adherent
already out of the groupement gets ``not-member``) and explains the answer in a
:class:`~groupement_rules.decision.Decision`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections import OrderedDict
from types import MappingProxyType

import attrs

from ..decision import (
    Citation,
    ComputedDate,
    Decision,
    Finding,
    Interpretation,
    PolicyRef,
    cites,
    freeze,
)
from ..legal_time import ONE_DAY, Period, add_months, shift_months
from ..policy import Policy
from . import findings as F
from .engagement import Engagement
from .facts import Exclusion, WithdrawalLetter
from .policy import POLICY_CACHE_SIZE, end_citation, forbidden_citation
from .schedule import Schedule, Window, schedule

READINGS = ("sent", "received", "deliberation")


class WindowsAnswer(enum.StrEnum):
    """The answer to « when could it withdraw? »: the notice windows exist, or the clause
    gives none (a convention without withdrawal, or none left)."""

    WINDOWS = "windows"
    NONE = "none"


class WithdrawalAnswer(enum.StrEnum):
    """The answer to « if the letter is sent on X, is the withdrawal valid? » (SPEC A.4)."""

    ALLOWED = "allowed"
    TOO_EARLY = "too-early"
    TOO_LATE = "too-late"
    NOT_MEMBER = "not-member"


@attrs.frozen
class Outcome:
    """What the clause says of a letter dated ``day``, membership aside.

    ``window``: the window the letter is in (allowed), the next one (too
    early), or the last one (too late). ``missed``: the window of the échéance
    the letter came too late for, when it is deferred or refused.
    """

    answer: WithdrawalAnswer
    window: Window | None
    effective_on: dt.date | None = None
    missed: Window | None = None
    next_window: Window | None = None


def _span_window(span: Period) -> Window:
    return Window(1, span, span.end)


def classify(sch: Schedule, day: dt.date) -> Outcome:
    """The clause's answer for a request dated ``day`` (the date that counts)."""
    t = sch.terms
    family = t.family
    A = WithdrawalAnswer
    if family == "window-before-period-end":
        inside, upcoming = sch.window_for(day)
        if inside is not None:
            return Outcome(A.ALLOWED, inside, inside.boundary)
        if upcoming is not None:
            return Outcome(A.TOO_EARLY, upcoming)
        if not sch.windows:
            return Outcome(A.TOO_EARLY, None)  # no échéance at all: as the `none` family
        return Outcome(A.TOO_LATE, sch.windows[-1])
    if family in ("notice-before-period-end", "notice-before-fixed-date"):
        ws = sch.windows
        if not ws:
            return Outcome(A.TOO_EARLY, None)
        i = sch.window_index(day)
        if i == len(ws):
            return Outcome(A.TOO_LATE, ws[-1])
        w = ws[i]
        if day >= w.first_day:
            missed = ws[i - 1] if i and day < ws[i - 1].boundary else None
            return Outcome(A.ALLOWED, w, w.boundary, missed=missed)
        if i == 0:
            return Outcome(A.TOO_EARLY, w)
        return Outcome(A.TOO_LATE, ws[i - 1], missed=ws[i - 1], next_window=w)
    if family == "notice-after-receipt":
        span = sch.open_span
        if span is None:
            return Outcome(A.TOO_EARLY, None)
        if day < span.start:
            return Outcome(A.TOO_EARLY, _span_window(span))
        if day >= span.end:
            return Outcome(A.TOO_LATE, _span_window(span))
        assert t.notice_months is not None
        return Outcome(A.ALLOWED, None, add_months(day, t.notice_months))
    if family == "end-of-marches":
        if t.forbidden_bars == "letter" and day < sch.withdrawal_allowed_from:
            return Outcome(A.TOO_EARLY, None)
        ends = [m.end for m in sch.marches if m.party_on(day)]
        effect = max(ends) if ends else day
        if effect < sch.withdrawal_allowed_from:
            return Outcome(A.TOO_EARLY, None)
        if effect >= sch.end:
            return Outcome(A.TOO_LATE, None)
        return Outcome(A.ALLOWED, None, effect)
    return Outcome(A.TOO_EARLY, None)  # "none": never while the convention runs


# -- interpretations --------------------------------------------------------

_GENERIC_READINGS: dict[str, tuple[str, str]] = {
    "sent": (
        "la date qui compte est celle de l'envoi de la demande : lecture littérale d'un texte "
        "qui dit « adressée » ou « expédiée »",
        "the date that counts is the request's sending date: the literal reading of a text that "
        "says « adressée » or « expédiée »",
    ),
    "received": (
        "la date qui compte est celle de la réception par le coordonnateur : lecture prudente, la "
        "règle du cachet de la poste (CRPA L112-1) ne régissant pas les relations entre "
        "administrations (CRPA L100-3)",
        "the date that counts is the day the coordinator receives the request: the cautious "
        "reading, since the postmark rule (CRPA L112-1) does not govern relations between "
        "public bodies (CRPA L100-3)",
    ),
    "deliberation": (
        "la date qui compte est celle de la délibération décidant le retrait",
        "the date that counts is that of the délibération deciding the withdrawal",
    ),
}


@functools.lru_cache(maxsize=4 * POLICY_CACHE_SIZE)
def reading_interpretation(policy: Policy, reading: str) -> Interpretation:
    """The reading of the date that counts, in the convention's words when its policy
    gives them (``withdrawal_reading_notes``), else in general terms."""
    notes = schedule(policy).terms.reading_notes
    fr, en = _GENERIC_READINGS[reading]
    others = tuple(r for r in ("sent", "received") if r != reading)
    return Interpretation(
        key="withdrawal_request_date",
        value=reading,
        alternatives=others,
        description_fr=notes.get(f"{reading}_fr", fr),
        description_en=notes.get(f"{reading}_en", en),
        citation=policy.citation("withdrawal_request_date"),
    )


# -- the per-policy context -------------------------------------------------

#: Decisions kept per policy (more than the days of a four-year convention): 1 530
#: schools asking about the same day share one.
MEMO_SIZE = 2048


@attrs.frozen(eq=False)
class _Context:
    """What every withdrawal question on one policy shares, computed once."""

    sch: Schedule
    ref: PolicyRef
    cit_window: Citation
    cit_end: Citation
    cit_reading: Citation
    forbidden: int
    citations: tuple[Citation, ...]
    window_dicts: tuple[dict[str, object], ...]
    windows_list: list[dict[str, object]]
    default_reading: str
    end_iso: str
    end_last_iso: str
    messages: MappingProxyType[str, F.Templates]
    interpretations: MappingProxyType[str, Interpretation]
    engagement: Engagement  # an adherent with nothing else known: a member to the end
    _ended: dict[dt.date, tuple[ComputedDate, ...]] = attrs.field(factory=dict)
    _allowed: dict[int, tuple[ComputedDate, ...]] = attrs.field(factory=dict)
    memo: OrderedDict[tuple[object, ...], tuple[Decision, dt.date | None]] = attrs.field(
        factory=OrderedDict
    )

    def allowed_dates(self, window: Window) -> tuple[ComputedDate, ...]:
        """The calendar's dates and the effect of a withdrawal in ``window`` (made on the
        first question about it: a convention renewed 9 000 times has 9 000 windows)."""
        cache = self._allowed
        hit = cache.get(window.index)
        if hit is None:
            if len(cache) > 64:
                cache.clear()
            hit = cache[window.index] = (
                *self.sch.dates,
                ComputedDate(
                    "engaged_until",
                    window.boundary,
                    "effet du retrait",
                    self.cit_window,
                    how_en="the withdrawal takes effect",
                ),
            )
        return hit

    def ended_dates(self, ended_at: dt.date) -> tuple[ComputedDate, ...]:
        cache = self._ended
        hit = cache.get(ended_at)
        if hit is None:
            if len(cache) > 64:
                cache.clear()
            hit = cache[ended_at] = (
                *self.sch.dates,
                ComputedDate(
                    "engaged_until",
                    ended_at,
                    "fin de l'engagement faute de retrait valable",
                    self.cit_end,
                    how_en="end of the engagement, for want of a valid withdrawal",
                ),
            )
        return hit


def _messages(sch: Schedule) -> dict[str, F.Templates]:
    t = sch.terms
    who = F.EXCLUDER.get(t.exclusion_by)
    tail = F.fill(F.TOO_LATE_TAIL, who_fr=who[0], who_en=who[1]) if who else (".", ".")
    by = F.EXCLUDED_BY[t.exclusion_by]
    out = {
        "too-late": F.fill(F.TOO_LATE, tail_fr=tail[0], tail_en=tail[1]),
        "excluded": F.fill(F.NOT_MEMBER["excluded"], by_fr=by[0], by_en=by[1]),
    }
    for reading, (fr, en) in F.ACT.items():
        out[f"too-early-forbidden-{reading}"] = F.fill(F.TOO_EARLY_FORBIDDEN, act_fr=fr, act_en=en)
        out[f"too-early-{reading}"] = F.fill(F.TOO_EARLY, act_fr=fr, act_en=en)
    return out


@functools.lru_cache(maxsize=POLICY_CACHE_SIZE)
def _context(policy: Policy) -> _Context:
    sch = schedule(policy)
    cit = sch.terms.citation
    # frozen once: every decision shares them, read-only
    window_dicts = tuple(freeze(w.to_dict()) for w in sch.windows)
    if sch.open_span is not None:
        span = dict(_span_window(sch.open_span).to_dict())
        span["effective_on"] = None
        window_dicts = (freeze(span),)
    return _Context(
        sch=sch,
        ref=policy.ref,
        cit_window=cit,
        cit_end=end_citation(policy),
        cit_reading=policy.citation("withdrawal_request_date"),
        forbidden=sch.terms.forbidden_months,
        default_reading=sch.terms.request_date,
        end_iso=sch.end.isoformat(),
        end_last_iso=(sch.end - ONE_DAY).isoformat(),
        citations=cites(forbidden_citation(policy), cit),
        window_dicts=window_dicts,
        windows_list=freeze(list(window_dicts)),
        messages=MappingProxyType(_messages(sch)),
        interpretations=MappingProxyType({r: reading_interpretation(policy, r) for r in READINGS}),
        engagement=Engagement(sch),
    )


def withdrawal_windows(policy: Policy) -> Decision:
    """« When could it withdraw? »: the notice window(s) as dates."""
    ctx = _context(policy)
    sch = ctx.sch
    return Decision(
        question="withdrawal-windows",
        answer=WindowsAnswer.WINDOWS if ctx.window_dicts else WindowsAnswer.NONE,
        inputs={},
        policy=policy.ref,
        dates=sch.dates,
        citations=ctx.citations,
        data={"windows": list(ctx.window_dicts)},
    )


def withdrawal(
    policy: Policy,
    *,
    sent_on: dt.date | None = None,
    received_on: dt.date | None = None,
    deliberation_on: dt.date | None = None,
    reading: str | None = None,
    withdrawn_from: dt.date | None = None,
    exclusion: Exclusion | None = None,
    renewals: int | None = None,
) -> Decision:
    """If the adherent's withdrawal request is dated X, is it valid, and when does it
    take effect?

    « Retrait : le retrait n'est pas possible durant les 24 premiers mois du
    présent marché. En l'absence de demande de retrait exprimée par courrier
    adressé au rectorat dans les deux mois qui précèdent la fin de la première
    période de 24 mois, l'adhérent reste engagé pour les 24 derniers mois du
    marché. » (e-primo, art. 3; the other families of SPEC A.8 likewise.)

    ``reading`` chooses the date that counts (``"sent"``, ``"received"`` or
    ``"deliberation"``; default: the policy's ``withdrawal_request_date``). The
    other facts describe an adherent that may no longer be a member.

    The function is pure, so the same question on the same policy (1 500
    schools asking about the same day) gets the same immutable decision from a
    bounded per-policy memo instead of being recomputed.
    """
    ctx = _context(policy)
    key = (sent_on, received_on, deliberation_on, reading, withdrawn_from, exclusion, renewals)
    memo = ctx.memo
    hit = memo.get(key)
    if hit is not None:
        return hit[0]
    if withdrawn_from is None and exclusion is None and renewals is None:
        engagement = ctx.engagement
    else:
        engagement = Engagement(
            ctx.sch, withdrawn_from=withdrawn_from, exclusion=exclusion, renewals=renewals
        )
    result = _withdrawal(ctx, engagement, sent_on, received_on, deliberation_on, reading)
    if len(memo) >= MEMO_SIZE:
        memo.popitem(last=False)
    memo[key] = result
    return result[0]


def letter_effect(
    engagement: Engagement, letter: WithdrawalLetter, reading: str | None = None
) -> tuple[Decision, dt.date | None]:
    """The decision on one letter of an engagement, and the typed day it takes effect
    (None unless allowed). When the reading's date is unknown, the letter is judged on
    the other one, and the decision says which reading it used."""
    ctx = _context(engagement.schedule.policy)
    reading = reading or ctx.default_reading
    if letter.date(reading) is None:
        reading = next(r for r in READINGS if letter.date(r) is not None)
    return _withdrawal(
        ctx, engagement, letter.sent_on, letter.received_on, letter.deliberation_on, reading
    )


def _answer_finding(
    ctx: _Context,
    outcome: Outcome,
    day: dt.date,
    reading: str,
    not_member_reason: str | None,
    ended_iso: str,
) -> Finding | None:
    """The finding that explains the answer (None for a timely letter)."""
    sch = ctx.sch
    msg = ctx.messages
    window, answer = outcome.window, outcome.answer
    wd = ctx.window_dicts[window.index - 1] if window is not None and ctx.window_dicts else None
    day_iso = day.isoformat()
    if not_member_reason is not None:
        templates = (
            msg["excluded"] if not_member_reason == "excluded" else F.NOT_MEMBER[not_member_reason]
        )
        return F.emit(
            "withdrawal-not-member",
            templates,
            ctx.cit_end
            if not_member_reason in ("convention-ended", "not-renewed")
            else ctx.cit_window,
            {"request_date": day_iso, "reason": not_member_reason, "ended_on": ended_iso},
        )
    elif answer is WithdrawalAnswer.TOO_EARLY:
        if wd is None:
            return F.emit(
                "withdrawal-too-early",
                F.TOO_EARLY_NO_WITHDRAWAL,
                ctx.cit_window,
                {"request_date": day_iso, "engaged_until": ended_iso},
            )
        else:
            forbidden = ctx.forbidden > 0 and day < sch.withdrawal_allowed_from
            kind = "too-early-forbidden" if forbidden else "too-early"
            return F.emit(
                "withdrawal-too-early",
                msg[f"{kind}-{reading}"],
                ctx.cit_window,
                {
                    "request_date": day_iso,
                    "window_first_day": wd["first_day"],
                    "window_last_day": wd["last_day"],
                    "forbidden_months": ctx.forbidden,
                },
            )
    elif answer is WithdrawalAnswer.TOO_LATE:
        if outcome.missed is not None and outcome.next_window is not None:
            return F.emit(
                "withdrawal-too-late",
                F.TOO_LATE_NEXT,
                ctx.cit_window,
                {
                    "request_date": day_iso,
                    "missed_echeance": outcome.missed.boundary.isoformat(),
                    "window_last_day": outcome.missed.last_day.isoformat(),
                    "window_opens_on": outcome.next_window.first_day.isoformat(),
                    "engaged_until": ended_iso,
                },
            )
        else:
            last = wd["last_day"] if wd else (sch.end - ONE_DAY).isoformat()
            return F.emit(
                "withdrawal-too-late",
                msg["too-late"],
                ctx.cit_window,
                {"request_date": day_iso, "window_last_day": last, "engaged_until": ended_iso},
            )
    elif outcome.missed is not None:
        assert outcome.effective_on is not None
        return F.emit(
            "withdrawal-deferred",
            F.DEFERRED,
            ctx.cit_window,
            {
                "request_date": day_iso,
                "missed_echeance": outcome.missed.boundary.isoformat(),
                "missed_last_day": outcome.missed.last_day.isoformat(),
                "effective_on": outcome.effective_on.isoformat(),
            },
        )
    return None


def _withdrawal(
    ctx: _Context,
    engagement: Engagement,
    sent_on: dt.date | None,
    received_on: dt.date | None,
    deliberation_on: dt.date | None,
    reading: str | None,
) -> tuple[Decision, dt.date | None]:
    reading = reading or ctx.default_reading
    if reading not in READINGS:
        raise ValueError(f"reading must be 'sent', 'received' or 'deliberation', not {reading!r}")
    day = (
        sent_on if reading == "sent" else received_on if reading == "received" else deliberation_on
    )
    if day is None:
        what = {"sent": "sending", "received": "receipt", "deliberation": "délibération"}
        raise ValueError(f"the {reading!r} reading needs the request's {what[reading]} date")
    if sent_on and received_on and received_on < sent_on:
        raise ValueError(f"received_on ({received_on}) is before sent_on ({sent_on})")
    sch = ctx.sch
    t = sch.terms
    outcome = classify(sch, day)
    answer, window = outcome.answer, outcome.window
    findings: list[Finding] = []
    ended_at = engagement.ended_at
    ended_iso = ctx.end_iso if ended_at == sch.end else ended_at.isoformat()
    day_iso = day.isoformat()
    wd = ctx.window_dicts[window.index - 1] if window is not None and ctx.window_dicts else None

    not_member_reason = engagement.left_on(day)
    if not_member_reason is not None:
        answer = WithdrawalAnswer.NOT_MEMBER
    explained = _answer_finding(ctx, outcome, day, reading, not_member_reason, ended_iso)
    if explained is not None:
        findings.append(explained)
    if t.requires_deliberation and deliberation_on is None and not_member_reason is None:
        findings.append(
            F.emit(
                "withdrawal-form-missing",
                F.FORM_MISSING,
                ctx.sch.policy.citation("withdrawal_requires_deliberation"),
                {"request_date": day_iso},
            )
        )

    # Would the other reading of the date that counts change the answer?
    other = received_on if reading == "sent" else sent_on if reading == "received" else None
    if other is not None and not_member_reason is None:
        other_answer = classify(sch, other).answer
        if other_answer is not answer:
            findings.append(
                F.emit(
                    "reading-changes-answer",
                    F.READING_CHANGES,
                    ctx.cit_reading,
                    {
                        "reading": reading,
                        "answer": answer.value,
                        "other_reading": "received" if reading == "sent" else "sent",
                        "other_date": other.isoformat(),
                        "other_answer": other_answer.value,
                    },
                )
            )

    dates: tuple[ComputedDate, ...]
    if answer is WithdrawalAnswer.ALLOWED:
        effective_on = outcome.effective_on
        assert effective_on is not None
        effective: object = effective_on.isoformat()
        engaged_until: object = effective
        engaged_last: object = (effective_on - ONE_DAY).isoformat()
        if window is not None:
            dates = ctx.allowed_dates(window)
        elif t.family == "notice-after-receipt":
            assert t.notice_months is not None
            shift = shift_months(day, t.notice_months)
            dates = (*sch.dates, shift.computed("engaged_until", ctx.cit_window))
        else:
            dates = (
                *sch.dates,
                ComputedDate(
                    "engaged_until",
                    effective_on,
                    "fin des marchés en cours",
                    ctx.cit_window,
                    how_en="end of the markets under way",
                ),
            )
    elif answer is WithdrawalAnswer.NOT_MEMBER:
        effective = engaged_until = engaged_last = None
        dates = sch.dates
    else:
        effective = None
        engaged_until = ended_iso
        engaged_last = ctx.end_last_iso if ended_at == sch.end else (ended_at - ONE_DAY).isoformat()
        dates = ctx.ended_dates(ended_at)
    opens = None
    if answer is WithdrawalAnswer.TOO_EARLY and wd is not None:
        opens = wd["first_day"]
    elif outcome.next_window is not None and answer is WithdrawalAnswer.TOO_LATE:
        opens = outcome.next_window.first_day.isoformat()
    inputs: dict[str, object] = {
        "sent_on": sent_on.isoformat() if sent_on else None,
        "received_on": received_on.isoformat() if received_on else None,
        "reading": reading,
    }
    if deliberation_on is not None:
        inputs["deliberation_on"] = deliberation_on.isoformat()
    decision = Decision(
        question="withdrawal",
        answer=answer,
        inputs=inputs,
        policy=ctx.ref,
        dates=dates,
        findings=findings,
        interpretations=(ctx.interpretations[reading],),
        citations=ctx.citations,
        data=(
            {
                "request_date": day_iso,
                "reading": reading,
                "effective_on": effective,
                "window": wd,
                "windows": ctx.windows_list,
                "engaged_until": engaged_until,
                "engaged_last_day": engaged_last,
                "window_opens_on": opens,
            }
        ),
    )
    return decision, outcome.effective_on if answer is WithdrawalAnswer.ALLOWED else None
