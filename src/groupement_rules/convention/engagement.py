"""What binds one adherent to the groupement: its Engagement (SPEC A.3, A.8).

An engagement runs from the adhesion to the first exit: a withdrawal taking
effect, an exclusion decided as the convention requires, the end of the
market when the coordinator does not renew it, or the end of the convention.
:meth:`Engagement.member_on` answers « is it a member on this day, and if not,
why? » once, for the status, the withdrawal and the adherent's file alike.
"""

from __future__ import annotations

import datetime as dt
import enum
from types import MappingProxyType

import attrs

from ..decision import Citation, Decision, Finding, cites
from ..legal_time import Period
from ..policy import Policy
from . import findings as F
from .facts import Exclusion
from .schedule import Schedule, schedule


class Status(enum.StrEnum):
    """Where an adhesion stands on a given day (SPEC A.3)."""

    ADHERED = "adhered"
    FIRST_PERIOD = "first-period"
    SECOND_PERIOD = "second-period"  # any renewed period; ``period.index`` says which
    WITHDRAWN = "withdrawn"
    ENDED = "ended"
    EXCLUDED = "excluded"


@attrs.frozen
class Membership:
    """The answer of :meth:`Engagement.member_on`.

    ``reason`` is None for a member, else ``withdrawn``, ``excluded``,
    ``convention-ended`` or ``not-renewed``; ``period`` the index (0 for the
    initial period) of the period the day falls in while it is a member.
    """

    member: bool
    status: Status
    reason: str | None
    period: int | None
    until: dt.date  # end boundary of the engagement: the first day out


def exclusion_counts(sch: Schedule, exclusion: Exclusion) -> bool:
    """Does the exclusion take effect? Only when decided by whom the convention says:
    the judge (a judgment), the coordinator or the members' committee (a decision,
    after a formal notice left without effect for the stated délai)."""
    by = sch.terms.exclusion_by
    if by in ("coordinator", "committee"):
        decided = exclusion.decided_on or exclusion.judgment_on
        if decided is None or exclusion.formal_notice_on is None:
            return exclusion.judgment_on is not None
        days = sch.terms.exclusion_notice_days or 0
        return (decided - exclusion.formal_notice_on).days >= days
    return exclusion.judgment_on is not None


def check_exclusion(policy: Policy, exclusion: Exclusion) -> list[Finding]:
    """« Exclusion : l'exclusion pourra être prononcée, en cas de non-exécution, suite à une
    procédure judiciaire, et en observant la décision du juge compétent. » (e-primo, art. 3);
    other conventions let the coordinator or the members' committee decide it after a
    mise en demeure (SPEC A.8)."""
    sch = schedule(policy)
    if exclusion_counts(sch, exclusion):
        return []
    by = sch.terms.exclusion_by
    values: dict[str, object] = {"effective_on": exclusion.effective_on.isoformat()}
    if by == "judge":
        templates = F.EXCLUSION_WITHOUT_JUDGMENT
        cit = policy.citation("exclusion_requires_judgment")
    elif by in ("coordinator", "committee"):
        templates = F.fill(
            F.EXCLUSION_WITHOUT_NOTICE, who_fr=F.EXCLUDER[by][0], who_en=F.EXCLUDER[by][1]
        )
        cit = policy.citation("exclusion_by")
        values["notice_days"] = sch.terms.exclusion_notice_days or 0
        values["formal_notice_on"] = (
            exclusion.formal_notice_on.isoformat() if exclusion.formal_notice_on else None
        )
    else:
        return []
    return [F.emit("exclusion-without-judgment", templates, cit, values)]


@attrs.frozen(eq=False)
class Engagement:
    """One adherent's engagement under a convention's schedule.

    ``withdrawn_from``: the day a valid withdrawal takes effect; ``exclusion``:
    an exclusion (it counts only when decided as the convention requires);
    ``renewals``: the renewals the coordinator made (None: all the convention
    allows).
    """

    schedule: Schedule
    withdrawn_from: dt.date | None = None
    exclusion: Exclusion | None = None
    renewals: int | None = None
    #: end boundary of the last period the market actually runs
    ended_at: dt.date = attrs.field(init=False)
    #: the day an exclusion decided as the convention requires takes effect
    excluded_from: dt.date | None = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        sch, n = self.schedule, self.renewals
        ended = sch.end if n is None or n >= len(sch.periods) - 1 else sch.periods[max(n, 0)].end
        object.__setattr__(self, "ended_at", ended)
        x = self.exclusion
        counts = x is not None and exclusion_counts(sch, x)
        object.__setattr__(self, "excluded_from", x.effective_on if x and counts else None)

    def left_on(self, day: dt.date) -> str | None:
        """Why the adherent is out of the groupement on ``day`` (None: it is in)."""
        excluded = self.excluded_from
        if excluded is not None and day >= excluded:
            return "excluded"
        if self.withdrawn_from is not None and day >= self.withdrawn_from:
            return "withdrawn"
        ended = self.ended_at
        if day >= ended:
            return "convention-ended" if ended == self.schedule.end else "not-renewed"
        return None

    @property
    def engaged_until(self) -> dt.date:
        """The first day out of the groupement, as things stand."""
        exits = [self.ended_at]
        if self.withdrawn_from is not None:
            exits.append(self.withdrawn_from)
        if self.excluded_from is not None:
            exits.append(self.excluded_from)
        return min(exits)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods the adherent is committed for (the last one cut at its exit)."""
        until = self.engaged_until
        out = []
        for p in self.schedule.periods:
            if p.start >= until:
                break
            out.append(Period(p.start, min(p.end, until)))
        return tuple(out)

    def member_on(self, day: dt.date) -> Membership:
        """Is the adherent a member on ``day``? With the reason when it is not."""
        reason = self.left_on(day)
        sch = self.schedule
        if reason == "excluded":
            assert self.exclusion is not None
            return Membership(False, Status.EXCLUDED, reason, None, self.exclusion.effective_on)
        if day < sch.start:
            return Membership(True, Status.ADHERED, None, 0, self._member_until())
        if reason in ("convention-ended", "not-renewed"):
            return Membership(False, Status.ENDED, reason, None, self._member_until())
        if reason == "withdrawn":
            return Membership(False, Status.WITHDRAWN, reason, None, self._member_until())
        idx = sch.period_index(day)
        assert idx is not None
        status = Status.FIRST_PERIOD if idx == 0 else Status.SECOND_PERIOD
        return Membership(True, status, None, idx, self._member_until())

    def _member_until(self) -> dt.date:
        ended = self.ended_at
        return min(self.withdrawn_from or ended, ended)


def status_on(
    policy: Policy,
    on: dt.date,
    *,
    withdrawn_from: dt.date | None = None,
    exclusion: Exclusion | None = None,
    renewals: int | None = None,
) -> Decision:
    """The status of an adhesion on ``on`` (SPEC A.3).

    « L'adhésion au présent groupement de commandes est d'une durée de 24 mois
    renouvelable tacitement une fois pour 24 mois, soit 48 mois en tout. »
    (e-primo, art. 2). ``withdrawn_from`` is the day a valid withdrawal took
    effect; ``renewals`` the number of renewals the coordinator made (None: all
    that the convention allows); ``exclusion`` counts only when decided as the
    convention requires.
    """
    sch = schedule(policy)
    e = Engagement(sch, withdrawn_from=withdrawn_from, exclusion=exclusion, renewals=renewals)
    m = e.member_on(on)
    findings: list[Finding] = []
    citations: list[Citation] = [
        policy.citation("market_start"),
        policy.citation("initial_period_months"),
    ]
    if exclusion is not None:
        findings.extend(check_exclusion(policy, exclusion))
    if m.status is Status.EXCLUDED:
        key = "exclusion_requires_judgment" if sch.terms.exclusion_by == "judge" else "exclusion_by"
        citations.append(policy.citation(key))
    elif m.status is Status.ENDED:
        from .policy import end_citation

        citations.append(end_citation(policy))
    elif m.status is Status.WITHDRAWN:
        citations.append(sch.terms.citation)
    elif m.period:
        citations.append(policy.citation("max_tacit_renewals"))
    period = None
    if m.period is not None:
        p = sch.periods[m.period]
        period = {"index": m.period + 1, **p.to_dict()}
    return Decision(
        question="status",
        answer=m.status,
        inputs=MappingProxyType(
            {
                "on": on.isoformat(),
                "withdrawn_from": withdrawn_from.isoformat() if withdrawn_from else None,
                "renewals": renewals,
                "exclusion": exclusion.effective_on.isoformat() if exclusion else None,
            }
        ),
        policy=policy.ref,
        dates=sch.dates,
        findings=findings,
        citations=cites(*citations),
        data=MappingProxyType(
            {
                "status": m.status.value,
                "on": on.isoformat(),
                "period": period,
                "reason": m.reason,
                "member_until": m.until.isoformat(),
            }
        ),
    )
