"""The last admissible day of a recours contentieux (CJA R421-1, R421-2; CRPA L411-2).

« La juridiction ne peut être saisie que par voie de recours formé contre une décision,
et ce, dans les deux mois à partir de la notification ou de la publication de la
décision attaquée. » (R421-1). The délai is franc and a last day that is not a working
day moves to the next one (CPC art. 642, as the Conseil d'État applies it). Every
parameter comes from the policy; the counting is
:func:`groupement_rules.legal_time.count_delai`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Any

import attrs

from ..decision import ComputedDate, Decision, Finding, Interpretation, cites
from ..errors import InputError
from ..holidays_fr import HolidayCalendar
from ..legal_time import CPC_642, DayCalendar, Delai, Echeance, Unit, count_delai, shift_months
from ..policy import Policy
from .facts import iso
from .findings import CATALOGUE
from .policy import ORDERS, view


class RecoursAnswer(enum.StrEnum):
    """The answer to « until when can this act be challenged before the judge? »"""

    DEADLINE = "deadline"  # the last admissible day is computed
    NOT_RUNNING = "not-running"  # neither published nor notified: no délai runs


def recours_delai(policy: Policy, *, cautious: bool = False) -> Delai:
    """The délai of CJA R421-1 as the policy states it.

    « La juridiction ne peut être saisie que par voie de recours formé contre une
    décision, et ce, dans les deux mois à partir de la notification ou de la
    publication de la décision attaquée. » ``cautious`` uses the other order of
    operations at month ends.
    """
    v = view(policy)
    day_first = v.recours_franc_order == "day-then-months"
    return Delai(
        v.recours_months,
        Unit.MONTHS,
        franc=v.recours_franc,
        extension=v.recours_extension,
        franc_first=(not day_first) if cautious else day_first,
        citation=v.cite("recours_months"),
    )


def recours_last_day(policy: Policy, start: dt.date, cal: DayCalendar) -> Echeance:
    """The last admissible day of a recours against an act published or notified on ``start``."""
    return count_delai(start, recours_delai(policy), cal)


@functools.cache
def _order_interpretation(policy: Policy) -> Interpretation:
    v = view(policy)
    order = v.recours_franc_order
    other = next(o for o in ORDERS if o != order)
    if order == "months-then-day":
        fr = (
            "dernier jour = (publication + 2 mois) + 1 jour : le délai franc ajoute le "
            "lendemain de l'échéance (« leur dernier jour étant le lendemain du jour de leur "
            "échéance ») ; l'autre ordre (+1 jour puis +2 mois) peut donner une date plus "
            "précoce en fin de mois, signalée quand elle diffère"
        )
        en = (
            "last day = (publication + 2 months) + 1 day: the délai franc adds the day after "
            "the échéance; the other order (+1 day then +2 months) can give an earlier date "
            "at month ends, reported when it differs"
        )
    else:
        fr = (
            "dernier jour = (publication + 1 jour) + 2 mois : le délai court du lendemain "
            "de la publication (lecture prudente en fin de mois)"
        )
        en = (
            "last day = (publication + 1 day) + 2 months: the délai runs from the day after "
            "the publication (the cautious reading at month ends)"
        )
    return Interpretation(
        key="recours_franc_order",
        value=order,
        alternatives=(other,),
        description_fr=fr,
        description_en=en,
        citation=v.cite("recours_franc_order"),
    )


@functools.cache
def _implicit_interpretation(policy: Policy) -> Interpretation:
    v = view(policy)
    n = v.gracieux_silence_months
    return Interpretation(
        key="implicit_rejection_date",
        value="same-quantieme",
        alternatives=("day-after",),
        description_fr=(
            f"le rejet implicite naît le jour du recours gracieux + {n} mois, de quantième à "
            "quantième (23 avril → 23 juin) : le délai de silence n'est pas franc, et le "
            "Conseil d'État date ainsi les décisions implicites ; la date donnée est prise "
            "comme date de réception. L'autre lecture (le lendemain) donnerait une date plus "
            "tardive : celle retenue est la prudente"
        ),
        description_en=(
            f"the implicit rejection is born on the day of the recours gracieux + {n} months, "
            "same day of the month (23 April → 23 June): the silence period is not franc, and "
            "the Conseil d'État dates implicit decisions so; the given date is taken as the "
            "date of receipt. The other reading (the day after) gives a later date: the one "
            "used is the cautious one"
        ),
        citation=v.cite("gracieux_silence_months"),
    )


@functools.cache
def _express_interpretation(policy: Policy) -> Interpretation:
    return Interpretation(
        key="express_rejection_before_expiry",
        value="last-day-included",
        alternatives=("before-last-day",),
        description_fr=(
            "« lorsqu'une décision explicite de rejet intervient avant l'expiration de cette "
            "période, elle fait à nouveau courir le délai de recours » (R421-2) : un rejet "
            "exprès daté du dernier jour du délai ouvert par le rejet implicite (prorogation "
            "de l'article 642 comprise) intervient avant son expiration, qui a lieu à la fin "
            "de ce jour"
        ),
        description_en=(
            "« lorsqu'une décision explicite de rejet intervient avant l'expiration de cette "
            "période, elle fait à nouveau courir le délai de recours » (R421-2): an express "
            "rejection dated on the last day of the délai opened by the implicit rejection "
            "(art. 642 extension included) comes before it expires, at the end of that day"
        ),
        citation=view(policy).cite("express_rejection_reopens"),
    )


def _count_both(
    policy: Policy, start: dt.date, cal: DayCalendar, name: str, what_fr: str, what_en: str
) -> tuple[Echeance, list[ComputedDate], list[Finding]]:
    """Count the délai from ``start`` in the policy's order, and compare with the other order."""
    v = view(policy)
    main = count_delai(start, recours_delai(policy), cal)
    alt = count_delai(start, recours_delai(policy, cautious=True), cal)
    cit = v.cite("recours_months")
    dates = [main.computed(name, cit)]
    findings: list[Finding] = []
    if main.extended:
        assert main.moved_from is not None
        findings.append(
            CATALOGUE.emit(
                "recours-last-day-extended",
                v.cite("recours_extension"),
                what_fr=what_fr,
                what_en=what_en,
                unextended=main.moved_from.isoformat(),
                last_day=main.value.isoformat(),
            )
        )
    if alt.value != main.value:
        cautious = min(alt.value, main.value)
        dates.append(alt.computed(f"{name}_other_order", cit))
        findings.append(
            CATALOGUE.emit(
                "recours-month-end-order",
                v.cite("recours_franc_order"),
                what_fr=what_fr,
                what_en=what_en,
                how=main.how(),
                other_how=alt.how(),
                last_day=main.value.isoformat(),
                other_order=alt.value.isoformat(),
                cautious_last_day=cautious.isoformat(),
            )
        )
    return main, dates, findings


def _good_friday(
    policy: Policy, runs_from: dt.date, last: Echeance, cal: DayCalendar
) -> tuple[list[ComputedDate], list[Finding], list[Interpretation]]:
    """In Alsace-Moselle, for a commune without a Protestant temple: would Good Friday, a
    holiday of the court's seat, extend the délai? Uncertain: said, and the earlier day kept."""
    if not (isinstance(cal, HolidayCalendar) and cal.zone.alsace_moselle and not cal.good_friday):
        return [], [], []
    v = view(policy)
    other = count_delai(runs_from, recours_delai(policy), attrs.evolve(cal, good_friday=True))
    if other.value == last.value:
        return [], [], []
    cit = v.cite("good_friday_reading")
    values: dict[str, Any] = {
        "last_day": last.value.isoformat(),
        "court_calendar_last_day": other.value.isoformat(),
    }
    interpretation = Interpretation(
        key="good_friday_reading",
        value=v.good_friday_reading,
        alternatives=("court-calendar",),
        description_fr=(
            "le Vendredi saint n'est férié en Alsace-Moselle que dans les communes ayant un "
            "temple protestant ou une église mixte (Code du travail L3134-13) ; pour une commune "
            "sans temple, il n'est pas compté comme jour férié : le dernier jour retenu est le "
            "plus précoce. Si le calendrier du siège du tribunal administratif de Strasbourg "
            "s'appliquait (jour chômé au greffe), le délai serait prorogé : point incertain"
        ),
        description_en=(
            "Good Friday is a holiday in Alsace-Moselle only in communes with a Protestant "
            "temple or a mixed church (Code du travail L3134-13); for a commune without one it "
            "is not counted as a holiday: the earlier last day is kept. Were the calendar of "
            "the seat of the tribunal administratif of Strasbourg to apply (its registry "
            "closed), the délai would be extended: an uncertain point"
        ),
        citation=cit,
    )
    return (
        [other.computed("last_day_if_good_friday_counts", cit)],
        [CATALOGUE.emit("recours-good-friday-uncertain", cit, **values)],
        [interpretation],
    )


def _check_dates(gracieux_on: dt.date | None, rejected_on: dt.date | None) -> None:
    if rejected_on is not None and gracieux_on is None:
        raise InputError("rejected", "a rejection needs the date of the recours gracieux")
    if rejected_on is not None and gracieux_on is not None and rejected_on < gracieux_on:
        raise InputError(
            "rejected",
            f"the rejection ({rejected_on}) cannot precede the recours gracieux ({gracieux_on})",
        )


def recours(
    policy: Policy,
    start: dt.date | None,
    cal: DayCalendar,
    *,
    trigger: str = "publication",
    gracieux_on: dt.date | None = None,
    rejected_on: dt.date | None = None,
) -> Decision:
    """The last admissible day of a recours contentieux (CJA R421-1, délai franc, CPC 642).

    ``start`` is the day of the publication (or notification: ``trigger``) of
    the act; None when it has been neither published nor notified, and then no
    délai runs. ``gracieux_on``: the day a recours gracieux was made; made
    within the délai, it interrupts it (CRPA L411-2: « un recours gracieux ou
    hiérarchique qui interrompt le cours de ce délai »), and a new délai runs
    from its rejection: express (``rejected_on``) or implicit after two months
    of silence (CRPA L231-4 2°; CJA R421-2: « à compter de la date à laquelle est
    née une décision implicite de rejet »). « Toutefois, lorsqu'une décision
    explicite de rejet intervient avant l'expiration de cette période, elle fait
    à nouveau courir le délai de recours » (R421-2, second sentence): an express
    rejection that comes while the délai opened by the implicit rejection runs
    starts it again; one that comes after it expired confirms and reopens nothing.
    """
    if trigger not in ("publication", "notification"):
        raise ValueError(f"trigger must be publication or notification, not {trigger!r}")
    _check_dates(gracieux_on, rejected_on)
    v = view(policy)
    r421 = v.cite("recours_months")
    inputs: dict[str, Any] = {
        "start": iso(start),
        "trigger": trigger,
        "gracieux_on": iso(gracieux_on),
        "rejected_on": iso(rejected_on),
        "holidays": cal.describe(),
    }
    if start is None:
        return Decision(
            question="recours",
            answer=RecoursAnswer.NOT_RUNNING,
            inputs=inputs,
            policy=policy.ref,
            findings=(CATALOGUE.emit("recours-not-running", r421),),
            citations=cites(r421),
            data={"last_day": None, "cautious_last_day": None, "runs_from": None},
        )
    first, dates, findings = _count_both(
        policy, start, cal, "recours_last_day", "délai de recours", "recours délai"
    )
    interpretations = [_order_interpretation(policy)]
    citations = [r421, v.cite("recours_franc"), CPC_642]
    last = first
    runs_from = start
    interrupted = False
    implicit_on: dt.date | None = None
    if gracieux_on is not None:
        l411 = v.cite("gracieux_interrupts")
        citations.append(l411)
        cautious_first = min(d.value for d in dates)
        if gracieux_on > first.value:
            findings.append(
                CATALOGUE.emit(
                    "recours-gracieux-late",
                    l411,
                    gracieux_on=gracieux_on.isoformat(),
                    last_day=first.value.isoformat(),
                )
            )
        elif v.gracieux_interrupts:
            interrupted = True
            findings += _interruption(policy, start, trigger, gracieux_on, first, cautious_first)
            implicit_on, runs_from, more_dates, more_findings, more_int = _rejection(
                policy, start, cal, gracieux_on, rejected_on
            )
            citations.append(v.cite("gracieux_silence_months"))
            dates += more_dates
            findings += more_findings
            interpretations += more_int
            last, new_dates, new_findings = _count_both(
                policy,
                runs_from,
                cal,
                "last_day",
                "nouveau délai après rejet",
                "new délai after the rejection",
            )
            dates = [attrs.evolve(dates[0], name="initial_last_day"), *dates[1:], *new_dates]
            findings.extend(new_findings)
    gf_dates, gf_findings, gf_int = _good_friday(policy, runs_from, last, cal)
    dates += gf_dates
    findings += gf_findings
    interpretations += gf_int
    final = "last_day" if interrupted else "recours_last_day"
    cautious = min(d.value for d in dates if d.name in (final, f"{final}_other_order"))
    return Decision(
        question="recours",
        answer=RecoursAnswer.DEADLINE,
        inputs=inputs,
        policy=policy.ref,
        dates=tuple(dates),
        findings=tuple(findings),
        interpretations=tuple(interpretations),
        citations=cites(*citations),
        data={
            "last_day": last.value.isoformat(),
            "cautious_last_day": cautious.isoformat(),
            "runs_from": runs_from.isoformat(),
            "interrupted": interrupted,
            "implicit_rejection_on": iso(implicit_on),
        },
    )


def _interruption(
    policy: Policy,
    start: dt.date,
    trigger: str,
    gracieux_on: dt.date,
    first: Echeance,
    cautious_first: dt.date,
) -> list[Finding]:
    """The findings of a recours gracieux made within the délai (CRPA L411-2)."""
    v = view(policy)
    l411 = v.cite("gracieux_interrupts")
    out: list[Finding] = []
    if gracieux_on < start:
        out.append(
            CATALOGUE.emit(
                "recours-gracieux-before-start",
                l411,
                gracieux_on=gracieux_on.isoformat(),
                trigger=trigger,
                start=start.isoformat(),
            )
        )
    out.append(
        CATALOGUE.emit(
            "recours-gracieux-interrupts",
            l411,
            gracieux_on=gracieux_on.isoformat(),
            initial_last_day=first.value.isoformat(),
            cautious_initial_last_day=cautious_first.isoformat(),
        )
    )
    if gracieux_on > cautious_first:
        out.append(
            CATALOGUE.emit(
                "recours-gracieux-after-cautious-date",
                v.cite("recours_franc_order"),
                gracieux_on=gracieux_on.isoformat(),
                cautious_initial_last_day=cautious_first.isoformat(),
            )
        )
    return out


def _rejection(
    policy: Policy,
    start: dt.date,
    cal: DayCalendar,
    gracieux_on: dt.date,
    rejected_on: dt.date | None,
) -> tuple[dt.date, dt.date, list[ComputedDate], list[Finding], list[Interpretation]]:
    """When the new délai runs from, after a recours gracieux: the implicit rejection
    (L231-4, R421-2 first sentence), or the express one when it comes before the implicit
    one or, under R421-2's second sentence, while the délai the implicit one opened runs.

    Returns (implicit rejection day, the day the new délai runs from, dates, findings,
    interpretations)."""
    v = view(policy)
    silence = v.gracieux_silence_months
    c_silence = v.cite("gracieux_silence_months")
    shift = shift_months(gracieux_on, silence)
    implicit_on = shift.value
    dates = [shift.computed("implicit_rejection_on", c_silence)]
    findings: list[Finding] = []
    interpretations: list[Interpretation] = []
    if rejected_on is not None and rejected_on < implicit_on:
        return implicit_on, max(rejected_on, start), dates, findings, interpretations
    interpretations.append(_implicit_interpretation(policy))
    runs_from = implicit_on
    if rejected_on is None:
        findings.append(
            CATALOGUE.emit(
                "recours-implicit-rejection",
                c_silence,
                silence=silence,
                gracieux_on=gracieux_on.isoformat(),
                implicit_rejection_on=implicit_on.isoformat(),
            )
        )
        return implicit_on, max(runs_from, start), dates, findings, interpretations
    implicit_last = count_delai(max(implicit_on, start), recours_delai(policy), cal)
    dates.append(implicit_last.computed("implicit_rejection_last_day", v.cite("recours_months")))
    values: dict[str, Any] = {
        "rejected_on": rejected_on.isoformat(),
        "implicit_rejection_on": implicit_on.isoformat(),
        "implicit_last_day": implicit_last.value.isoformat(),
    }
    c_r421_2 = v.cite("express_rejection_reopens")
    interpretations.append(_express_interpretation(policy))
    if v.express_rejection_reopens and rejected_on <= implicit_last.value:
        runs_from = rejected_on
        findings.append(CATALOGUE.emit("recours-express-after-implicit", c_r421_2, **values))
    else:
        findings.append(CATALOGUE.emit("recours-express-after-expiry", c_r421_2, **values))
    return implicit_on, max(runs_from, start), dates, findings, interpretations


__all__ = ["RecoursAnswer", "recours", "recours_delai", "recours_last_day"]
