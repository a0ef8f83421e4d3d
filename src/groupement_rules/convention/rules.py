"""The rules of a groupement de commandes convention (SPEC A.3 to A.6).

Each rule is a pure function of the policy, immutable facts and an explicit
date; it returns findings or a :class:`~groupement_rules.decision.Decision` and
never raises for a negative answer. The numbers and dates come from the policy
(``policies/eprimo-2026.toml`` by default), never from literals here.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable
from types import MappingProxyType

import attrs

from ..decision import (
    Citation,
    ComputedDate,
    Decision,
    Finding,
    Interpretation,
    PolicyRef,
    Severity,
    cites,
)
from ..legal_time import ONE_DAY, last_day_of_month, months_period
from ..policy import Policy
from .facts import Adherent, Exclusion, WithdrawalLetter
from .policy import end_citation, forbidden_citation, forbidden_months
from .schedule import Schedule, Window, schedule


class Status(enum.StrEnum):
    """Where an adhesion stands on a given day (SPEC A.3)."""

    ADHERED = "adhered"
    FIRST_PERIOD = "first-period"
    SECOND_PERIOD = "second-period"  # any tacitly renewed period; data.period.index says which
    WITHDRAWN = "withdrawn"
    ENDED = "ended"
    EXCLUDED = "excluded"


class WithdrawalAnswer(enum.StrEnum):
    """The answer to « if the letter is sent on X, is the withdrawal valid? » (SPEC A.4)."""

    ALLOWED = "allowed"
    TOO_EARLY = "too-early"
    TOO_LATE = "too-late"
    NOT_MEMBER = "not-member"


class AdhesionAnswer(enum.StrEnum):
    """The verdict on an adherent's file (SPEC A.5, A.6)."""

    VALID = "valid"  # no error, nothing left unchecked
    INCOMPLETE = "incomplete"  # no error, but some checks could not run
    INVALID = "invalid"  # at least one error-level finding


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _fr(d: dt.date) -> str:
    """A date as French texts write it: 19/07/2028."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


# -- interpretations --------------------------------------------------------


@functools.cache
def reading_interpretation(policy: Policy, reading: str) -> Interpretation:
    """The reading of « courrier adressé au rectorat dans les deux mois » used."""
    cit = policy.citation("withdrawal_request_date")
    if reading == "sent":
        return Interpretation(
            key="withdrawal_request_date",
            value="sent",
            alternatives=("received",),
            description_fr=(
                "la date qui compte est celle de l'envoi du courrier : lecture littérale de "
                "« courrier adressé au rectorat dans les deux mois » (l'art. 2 fait de même de "
                "l'envoi de la convention)"
            ),
            description_en=(
                "the date that counts is the letter's sending date: the literal reading of "
                "« courrier adressé au rectorat dans les deux mois » (art. 2 likewise makes the "
                "sending of the convention the act that counts)"
            ),
            citation=cit,
        )
    return Interpretation(
        key="withdrawal_request_date",
        value="received",
        alternatives=("sent",),
        description_fr=(
            "la date qui compte est celle de la réception par le rectorat : lecture prudente, la "
            "règle du cachet de la poste (CRPA L112-1) ne régissant pas les relations entre "
            "administrations (CRPA L100-3)"
        ),
        description_en=(
            "the date that counts is the day the rectorat receives the letter: the cautious "
            "reading, since the postmark rule (CRPA L112-1) does not govern relations between "
            "public bodies (CRPA L100-3)"
        ),
        citation=cit,
    )


# -- status (SPEC A.3) ------------------------------------------------------


def _ended_at(sch: Schedule, renewals: int | None) -> dt.date:
    """End boundary of the last period the market actually runs."""
    if renewals is None or renewals >= len(sch.periods) - 1:
        return sch.end
    return sch.periods[max(renewals, 0)].end


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
    (art. 2). ``withdrawn_from`` is the day a valid withdrawal took effect;
    ``renewals`` the number of tacit renewals the coordinator made (None: all
    that the convention allows); ``exclusion`` counts only with a judgment.
    """
    sch = schedule(policy)
    findings: list[Finding] = []
    cit_dur = policy.citation("initial_period_months")
    citations = [policy.citation("market_start"), cit_dur]
    period = None
    reason = None
    ended_at = _ended_at(sch, renewals)
    excluded = False
    if exclusion is not None:
        findings.extend(check_exclusion(policy, exclusion))
        excluded = exclusion.judgment_on is not None and on >= exclusion.effective_on
    idx = sch.period_index(on)
    if excluded:
        assert exclusion is not None
        status = Status.EXCLUDED
        reason = "excluded"
        citations.append(policy.citation("exclusion_requires_judgment"))
    elif on < sch.start:
        status = Status.ADHERED
        period = (0, sch.periods[0])
    elif on >= ended_at:
        status = Status.ENDED
        reason = "convention-ended" if ended_at == sch.end else "not-renewed"
        citations.append(end_citation(policy))
    elif withdrawn_from is not None and on >= withdrawn_from:
        status = Status.WITHDRAWN
        reason = "withdrawn"
        citations.append(policy.citation("withdrawal_notice_months"))
    else:
        assert idx is not None
        status = Status.FIRST_PERIOD if idx == 0 else Status.SECOND_PERIOD
        period = (idx, sch.periods[idx])
        if idx:
            citations.append(policy.citation("max_tacit_renewals"))
    data: dict[str, object] = {
        "status": status.value,
        "on": on.isoformat(),
        "period": ({"index": period[0] + 1, **period[1].to_dict()} if period is not None else None),
        "reason": reason,
        "member_until": _iso(
            exclusion.effective_on
            if status is Status.EXCLUDED and exclusion
            else min(withdrawn_from or ended_at, ended_at)
        ),
    }
    return Decision(
        question="status",
        answer=status.value,
        inputs={
            "on": on.isoformat(),
            "withdrawn_from": _iso(withdrawn_from),
            "renewals": renewals,
            "exclusion": _iso(exclusion.effective_on) if exclusion else None,
        },
        policy=policy.ref,
        dates=sch.dates,
        findings=findings,
        citations=cites(*citations),
        data=data,
    )


# -- withdrawal (SPEC A.4) --------------------------------------------------


def _classify(sch: Schedule, day: dt.date) -> tuple[WithdrawalAnswer, Window | None]:
    """The answer for a request dated ``day``, ignoring membership, and the window it concerns."""
    inside, upcoming = sch.window_for(day)
    if inside is not None:
        return WithdrawalAnswer.ALLOWED, inside
    if upcoming is not None:
        return WithdrawalAnswer.TOO_EARLY, upcoming
    return WithdrawalAnswer.TOO_LATE, (sch.windows[-1] if sch.windows else None)


def _window_citation(policy: Policy) -> Citation:
    return policy.citation("withdrawal_notice_months")


def withdrawal_windows(policy: Policy) -> Decision:
    """« When could it withdraw? »: the notice window(s) as dates (art. 3)."""
    sch = schedule(policy)
    return Decision(
        question="withdrawal-windows",
        answer="windows" if sch.windows else "none",
        inputs={},
        policy=policy.ref,
        dates=sch.dates,
        citations=cites(forbidden_citation(policy), _window_citation(policy)),
        data={"windows": [w.to_dict() for w in sch.windows]},
    )


# Messages of the withdrawal findings: templates over the finding's values,
# formatted only when read (``:d`` writes an ISO date as 19/07/2028).
_TOO_EARLY = (
    "Un courrier du {request_date:d} est trop précoce : le retrait n'est pas possible durant "
    "les {forbidden_months} premiers mois et seul compte un courrier adressé du "
    "{window_first_day:d} au {window_last_day:d} inclus ; ce courrier ne vaut pas demande de "
    "retrait.",
    "A letter dated {request_date} is too early: withdrawal is not possible during the first "
    "{forbidden_months} months and only a letter sent from {window_first_day} to "
    "{window_last_day} inclusive counts; this letter is no request.",
)
_TOO_LATE = (
    "Un courrier du {request_date:d} est trop tardif (la fenêtre s'est fermée le "
    "{window_last_day:d}) : l'adhérent reste engagé jusqu'au {engaged_until:d}, seule une "
    "exclusion prononcée par le juge pouvant y mettre fin avant.",
    "A letter dated {request_date} is too late (the window closed on {window_last_day}): the "
    "adherent stays engaged until {engaged_until}; only an exclusion by a judge can end it "
    "earlier.",
)
_TOO_LATE_NO_WINDOW = (
    "Un courrier du {request_date:d} ne peut valoir retrait : la convention n'ouvre aucune "
    "fenêtre de retrait et l'adhérent reste engagé jusqu'au {engaged_until:d}.",
    "A letter dated {request_date} cannot be a withdrawal: the convention opens no withdrawal "
    "window and the adherent stays engaged until {engaged_until}.",
)
_NOT_MEMBER = {
    "excluded": (
        "Au {request_date:d}, l'adhérent a été exclu par décision du juge : aucune fenêtre de "
        "retrait ne s'applique.",
        "On {request_date}, the adherent was excluded by a judge's decision: no withdrawal "
        "window applies.",
    ),
    "withdrawn": (
        "Au {request_date:d}, l'adhérent s'est déjà retiré : aucune fenêtre de retrait ne "
        "s'applique.",
        "On {request_date}, the adherent has already withdrawn: no withdrawal window applies.",
    ),
    "convention-ended": (
        "Au {request_date:d}, la convention a pris fin le {ended_on:d} : aucune fenêtre de "
        "retrait ne s'applique.",
        "On {request_date}, the convention ended on {ended_on}: no withdrawal window applies.",
    ),
    "not-renewed": (
        "Au {request_date:d}, le marché n'a pas été renouvelé et a pris fin le {ended_on:d} : "
        "aucune fenêtre de retrait ne s'applique.",
        "On {request_date}, the market was not renewed and ended on {ended_on}: no withdrawal "
        "window applies.",
    ),
}
_READING_CHANGES = (
    "Selon l'autre lecture ({other_reading} : {other_date:d}), la réponse serait "
    "« {other_answer} » et non « {answer} ».",
    "Under the other reading ({other_reading}: {other_date}), the answer would be "
    "'{other_answer}', not '{answer}'.",
)


@attrs.frozen(eq=False)
class _WithdrawalContext:
    """What every withdrawal question on one policy shares, computed once.

    Answering for 1 530 adherents × every day of the convention must not
    recompute the window, its citations or its JSON each time (issue 6).
    """

    sch: Schedule
    ref: PolicyRef
    cit_window: Citation
    cit_end: Citation
    cit_reading: Citation
    forbidden: int
    citations: tuple[Citation, ...]
    window_dicts: tuple[dict[str, object], ...]
    windows_list: list[dict[str, object]]
    allowed_dates: tuple[tuple[ComputedDate, ...], ...]  # per window: dates + engaged_until

    default_reading: str
    end_iso: str
    end_last_iso: str
    interpretations: dict[str, tuple[Interpretation, ...]]
    _ended: dict[dt.date, tuple[ComputedDate, ...]] = attrs.field(factory=dict)
    memo: dict[tuple[object, ...], Decision] = attrs.field(factory=dict)

    def ended_dates(self, ended_at: dt.date) -> tuple[ComputedDate, ...]:
        cache = self._ended
        if ended_at not in cache:
            cache[ended_at] = (
                *self.sch.dates,
                ComputedDate(
                    "engaged_until",
                    ended_at,
                    "fin de l'engagement faute de retrait valable",
                    self.cit_end,
                    how_en="end of the engagement, for want of a valid withdrawal",
                ),
            )
        return cache[ended_at]


@functools.cache
def _context(policy: Policy) -> _WithdrawalContext:
    sch = schedule(policy)
    cit = _window_citation(policy)
    window_dicts = tuple(w.to_dict() for w in sch.windows)
    return _WithdrawalContext(
        sch=sch,
        ref=policy.ref,
        cit_window=cit,
        cit_end=end_citation(policy),
        cit_reading=policy.citation("withdrawal_request_date"),
        forbidden=forbidden_months(policy),
        default_reading=policy.value("withdrawal_request_date"),
        end_iso=sch.end.isoformat(),
        end_last_iso=(sch.end - ONE_DAY).isoformat(),
        interpretations={r: (reading_interpretation(policy, r),) for r in ("sent", "received")},
        citations=cites(forbidden_citation(policy), cit),
        window_dicts=window_dicts,
        windows_list=list(window_dicts),
        allowed_dates=tuple(
            (
                *sch.dates,
                ComputedDate(
                    "engaged_until",
                    w.boundary,
                    "effet du retrait",
                    cit,
                    how_en="the withdrawal takes effect",
                ),
            )
            for w in sch.windows
        ),
    )


def withdrawal(
    policy: Policy,
    *,
    sent_on: dt.date | None = None,
    received_on: dt.date | None = None,
    reading: str | None = None,
    withdrawn_from: dt.date | None = None,
    exclusion: Exclusion | None = None,
    renewals: int | None = None,
) -> Decision:
    """If the adherent's withdrawal letter is sent (or received) on a day, is it valid?

    « Retrait : le retrait n'est pas possible durant les 24 premiers mois du
    présent marché. En l'absence de demande de retrait exprimée par courrier
    adressé au rectorat dans les deux mois qui précèdent la fin de la première
    période de 24 mois, l'adhérent reste engagé pour les 24 derniers mois du
    marché. » (art. 3)

    ``reading`` chooses the date that counts (``"sent"`` or ``"received"``;
    default: the policy's ``withdrawal_request_date``). The other facts describe
    an adherent that may no longer be a member.

    The function is pure, so the same question on the same policy (1 500
    schools asking about the same day) gets the same immutable decision from a
    bounded per-policy memo instead of being recomputed.
    """
    ctx = _context(policy)
    key = (sent_on, received_on, reading, withdrawn_from, exclusion, renewals)
    memo = ctx.memo
    hit = memo.get(key)
    if hit is not None:
        return hit
    decision = _withdrawal(
        policy, ctx, sent_on, received_on, reading, withdrawn_from, exclusion, renewals
    )
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = decision
    return decision


_MEMO_SIZE = 1 << 16


def _withdrawal(
    policy: Policy,
    ctx: _WithdrawalContext,
    sent_on: dt.date | None,
    received_on: dt.date | None,
    reading: str | None,
    withdrawn_from: dt.date | None,
    exclusion: Exclusion | None,
    renewals: int | None,
) -> Decision:
    reading = reading or ctx.default_reading
    if reading not in ("sent", "received"):
        raise ValueError(f"reading must be 'sent' or 'received', not {reading!r}")
    day = sent_on if reading == "sent" else received_on
    if day is None:
        raise ValueError(
            f"the {reading!r} reading needs the letter's "
            f"{'sending' if reading == 'sent' else 'receipt'} date"
        )
    if sent_on and received_on and received_on < sent_on:
        raise ValueError(f"received_on ({received_on}) is before sent_on ({sent_on})")
    sch = ctx.sch
    answer, window = _classify(sch, day)
    findings: list[Finding] = []
    ended_at = sch.end if renewals is None else _ended_at(sch, renewals)
    ended_iso = ctx.end_iso if ended_at is sch.end else ended_at.isoformat()
    day_iso = day.isoformat()

    # Already out of the groupement: no window applies.
    not_member_reason = None
    if exclusion and exclusion.judgment_on is not None and day >= exclusion.effective_on:
        not_member_reason = "excluded"
    elif withdrawn_from is not None and day >= withdrawn_from:
        not_member_reason = "withdrawn"
    elif day >= ended_at:
        not_member_reason = "convention-ended" if ended_at == sch.end else "not-renewed"
    if not_member_reason is not None:
        answer = WithdrawalAnswer.NOT_MEMBER
        fr, en = _NOT_MEMBER[not_member_reason]
        findings.append(
            Finding(
                "withdrawal-not-member",
                Severity.ERROR,
                fr,
                en,
                ctx.cit_end
                if not_member_reason in ("convention-ended", "not-renewed")
                else ctx.cit_window,
                {"request_date": day_iso, "reason": not_member_reason, "ended_on": ended_iso},
                template=True,
            )
        )
    elif answer is WithdrawalAnswer.TOO_EARLY:
        assert window is not None
        wd = ctx.window_dicts[window.index - 1]
        findings.append(
            Finding(
                "withdrawal-too-early",
                Severity.ERROR,
                _TOO_EARLY[0],
                _TOO_EARLY[1],
                ctx.cit_window,
                {
                    "request_date": day_iso,
                    "window_first_day": wd["first_day"],
                    "window_last_day": wd["last_day"],
                    "forbidden_months": ctx.forbidden,
                },
                template=True,
            )
        )
    elif answer is WithdrawalAnswer.TOO_LATE:
        last = ctx.window_dicts[-1]["last_day"] if ctx.window_dicts else None
        fr, en = _TOO_LATE if last else _TOO_LATE_NO_WINDOW
        findings.append(
            Finding(
                "withdrawal-too-late",
                Severity.ERROR,
                fr,
                en,
                ctx.cit_window,
                {"request_date": day_iso, "window_last_day": last, "engaged_until": ended_iso},
                template=True,
            )
        )

    # Would the other reading of « adressé » change the answer?
    other_day = received_on if reading == "sent" else sent_on
    if other_day is not None and not_member_reason is None:
        other_answer, _ = _classify(sch, other_day)
        if other_answer is not answer:
            findings.append(
                Finding(
                    "reading-changes-answer",
                    Severity.WARNING,
                    _READING_CHANGES[0],
                    _READING_CHANGES[1],
                    ctx.cit_reading,
                    {
                        "reading": reading,
                        "answer": answer.value,
                        "other_reading": "received" if reading == "sent" else "sent",
                        "other_date": other_day.isoformat(),
                        "other_answer": other_answer.value,
                    },
                    template=True,
                )
            )

    if answer is WithdrawalAnswer.ALLOWED:
        assert window is not None
        wd = ctx.window_dicts[window.index - 1]
        effective: object = wd["effective_on"]
        engaged_until: object = effective
        engaged_last: object = wd["last_day"]
        dates = ctx.allowed_dates[window.index - 1]
    elif answer is WithdrawalAnswer.NOT_MEMBER:
        effective = engaged_until = engaged_last = None
        dates = sch.dates
    else:
        effective = None
        engaged_until = ended_iso
        engaged_last = ctx.end_last_iso if ended_at is sch.end else (ended_at - ONE_DAY).isoformat()
        dates = ctx.ended_dates(ended_at)
    return Decision(
        question="withdrawal",
        answer=answer.value,
        inputs={
            "sent_on": day_iso if day is sent_on else _iso(sent_on),
            "received_on": day_iso if day is received_on else _iso(received_on),
            "reading": reading,
        },
        policy=ctx.ref,
        dates=dates,
        findings=findings,
        interpretations=ctx.interpretations[reading],
        citations=ctx.citations,
        data=MappingProxyType(
            {
                "request_date": day_iso,
                "reading": reading,
                "effective_on": effective,
                "window": ctx.window_dicts[window.index - 1] if window else None,
                "windows": ctx.windows_list,
                "engaged_until": engaged_until,
                "engaged_last_day": engaged_last,
                "window_opens_on": (
                    ctx.window_dicts[window.index - 1]["first_day"]
                    if window and answer is WithdrawalAnswer.TOO_EARLY
                    else None
                ),
            }
        ),
    )


# -- adhesion validity (SPEC A.5) ------------------------------------------


def _finding(
    code: str,
    severity: Severity,
    fr: str,
    en: str,
    citation: Citation,
    **values: object,
) -> Finding:
    return Finding(code, severity, fr, en, citation, dict(values))


def check_member(policy: Policy, adherent: Adherent) -> list[Finding]:
    """« Sont membres du groupement de commandes, le rectorat, les communes, communautés de
    communes, EPCI, syndicats mixtes, autres établissements publics [...] situées sur le
    territoire de l'académie de Nantes » (art. 2; écoles privées sous contrat: préambule)."""
    out: list[Finding] = []
    kinds = policy.value("eligible_member_kinds")
    if kinds is not None and adherent.kind not in kinds:
        out.append(
            _finding(
                "member-kind-ineligible",
                Severity.ERROR,
                f"« {adherent.kind} » ne fait pas partie des membres admis ({', '.join(kinds)}).",
                f"'{adherent.kind}' is not an eligible kind of member ({', '.join(kinds)}).",
                policy.citation("eligible_member_kinds"),
                kind=adherent.kind,
                eligible=list(kinds),
            )
        )
    deps = policy.value("territory_departements")
    if deps is None:  # the convention sets no territory
        return out
    cit = policy.citation("territory_departements")
    territory = adherent.territory
    if territory is None:
        out.append(
            _finding(
                "member-outside-territory",
                Severity.WARNING,
                "Territoire non vérifiable : ni code INSEE ni département indiqué.",
                "Territory cannot be checked: no INSEE code or département given.",
                cit,
                checked=False,
            )
        )
    elif territory not in deps:
        out.append(
            _finding(
                "member-outside-territory",
                Severity.ERROR,
                f"Le département {territory} n'est pas sur le territoire du groupement "
                f"({', '.join(deps)}).",
                f"Département {territory} is outside the groupement's territory "
                f"({', '.join(deps)}).",
                cit,
                departement=territory,
                insee=adherent.insee,
                territory=list(deps),
            )
        )
    return out


def check_authorisation(policy: Policy, adherent: Adherent) -> list[Finding]:
    """« sur la base d'une autorisation expresse à signer les présentes, donnée par leur
    assemblée délibérative [...]. Une copie de chaque délibération est fournie en annexe de la
    convention (annexe 1) » (art. 2); annexe 1 is « visée par le contrôle de légalité »."""
    auth = adherent.authorisation
    cit = policy.citation("required_annexes")
    if auth is None:
        return [
            _finding(
                "authorisation-missing",
                Severity.ERROR,
                "Aucune délibération n'autorise la signature de la convention.",
                "No délibération authorises signing the convention.",
                cit,
            )
        ]
    out: list[Finding] = []
    if adherent.signed_on is not None and auth.date > adherent.signed_on:
        out.append(
            _finding(
                "authorisation-after-signature",
                Severity.ERROR,
                f"La délibération du {_fr(auth.date)} est postérieure à la signature du "
                f"{_fr(adherent.signed_on)} : le signataire n'était pas encore autorisé.",
                f"The délibération of {auth.date.isoformat()} comes after the signature of "
                f"{adherent.signed_on.isoformat()}: the signatory was not yet authorised.",
                cit,
                authorisation_date=auth.date.isoformat(),
                signed_on=adherent.signed_on.isoformat(),
            )
        )
    elif adherent.signed_on is None:
        out.append(
            _finding(
                "authorisation-after-signature",
                Severity.WARNING,
                "Date de signature inconnue : l'antériorité de la délibération n'est pas "
                "vérifiable.",
                "Signature date unknown: whether the délibération precedes it cannot be checked.",
                cit,
                authorisation_date=auth.date.isoformat(),
                checked=False,
            )
        )
    if policy.value("authorisation_must_be_transmitted"):
        tcit = policy.citation("authorisation_must_be_transmitted")
        if auth.transmitted is False:
            out.append(
                _finding(
                    "authorisation-not-transmitted",
                    Severity.ERROR,
                    "La délibération n'a pas été transmise au contrôle de légalité : l'annexe 1 "
                    "doit en être la copie visée.",
                    "The délibération was not transmitted to the préfet: annexe 1 must be the "
                    "copy stamped by the contrôle de légalité.",
                    tcit,
                    transmitted=False,
                )
            )
        elif auth.transmitted_on is None:
            out.append(
                _finding(
                    "authorisation-not-transmitted",
                    Severity.WARNING,
                    "Transmission au préfet non renseignée : le visa de l'annexe 1 n'est pas "
                    "vérifiable.",
                    "Transmission to the préfet not given: the stamp on annexe 1 cannot be "
                    "checked.",
                    tcit,
                    checked=False,
                )
            )
        elif adherent.sent_on is not None and auth.transmitted_on > adherent.sent_on:
            out.append(
                _finding(
                    "authorisation-not-transmitted",
                    Severity.ERROR,
                    f"Transmise au préfet le {_fr(auth.transmitted_on)}, après l'envoi du "
                    f"{_fr(adherent.sent_on)} : la copie annexée ne pouvait pas être visée.",
                    f"Transmitted to the préfet on {auth.transmitted_on.isoformat()}, after the "
                    f"sending of {adherent.sent_on.isoformat()}: the annexed copy could not bear "
                    "the stamp.",
                    tcit,
                    transmitted_on=auth.transmitted_on.isoformat(),
                    sent_on=adherent.sent_on.isoformat(),
                )
            )
    return out


def check_deadline(policy: Policy, adherent: Adherent) -> list[Finding]:
    """« La date limite d'inscription au groupement [...] est fixée au 24 janvier 2026, et se
    matérialisera par l'envoi en recommandé avec accusé de réception de la convention signée »
    (art. 2): the sending date counts.

    When the sending date is unknown, the adhesion cannot have been sent before the
    délibération that authorises it nor before the signature: if either is after the
    deadline, the adhesion is late (the finding says the sending date was inferred).
    """
    deadline: dt.date = policy.value("adhesion_deadline")
    cit = policy.citation("adhesion_deadline")
    if adherent.sent_on is not None:
        if adherent.sent_on > deadline:
            return [
                _finding(
                    "adhesion-after-deadline",
                    Severity.ERROR,
                    f"Convention envoyée le {_fr(adherent.sent_on)}, après la date limite du "
                    f"{_fr(deadline)} ({(adherent.sent_on - deadline).days} jours de retard).",
                    f"Convention sent on {adherent.sent_on.isoformat()}, after the deadline of "
                    f"{deadline.isoformat()} ({(adherent.sent_on - deadline).days} days late).",
                    cit,
                    sent_on=adherent.sent_on.isoformat(),
                    deadline=deadline.isoformat(),
                    days_late=(adherent.sent_on - deadline).days,
                )
            ]
        return []
    known = [
        (d, what)
        for d, what in (
            (adherent.authorisation.date if adherent.authorisation else None, "authorisation"),
            (adherent.signed_on, "signature"),
        )
        if d is not None
    ]
    if known:
        earliest, what = max(known)
        if earliest > deadline:
            what_fr = "délibération d'autorisation" if what == "authorisation" else "signature"
            return [
                _finding(
                    "adhesion-after-deadline",
                    Severity.ERROR,
                    f"La {what_fr} est du {_fr(earliest)}, {(earliest - deadline).days} jours "
                    f"après la date limite d'envoi du {_fr(deadline)} : la convention signée "
                    "n'a pas pu être envoyée à temps.",
                    f"The {what} is dated {earliest.isoformat()}, "
                    f"{(earliest - deadline).days} days after the sending deadline of "
                    f"{deadline.isoformat()}: the signed convention cannot have been sent in "
                    "time.",
                    cit,
                    earliest_possible_sending=earliest.isoformat(),
                    inferred_from=what,
                    deadline=deadline.isoformat(),
                    days_late=(earliest - deadline).days,
                )
            ]
    return [
        _finding(
            "adhesion-after-deadline",
            Severity.WARNING,
            f"Date d'envoi inconnue : le respect de la date limite du {_fr(deadline)} n'est pas "
            "vérifiable.",
            f"Sending date unknown: the deadline of {deadline.isoformat()} cannot be checked.",
            cit,
            deadline=deadline.isoformat(),
            checked=False,
        )
    ]


def check_annexes(policy: Policy, adherent: Adherent) -> list[Finding]:
    """« Liste des documents annexés : annexe 1 [...] ; annexe 2 : tableau d'engagement des
    adhérents au groupement portant expression des besoins » (end of the convention)."""
    out: list[Finding] = []
    required: list[int] = policy.value("required_annexes")
    cit = policy.citation("required_annexes")
    if not required:
        pass  # the convention requires no annex
    elif adherent.annexes is None:
        out.append(
            _finding(
                "annex-missing",
                Severity.WARNING,
                "Annexes non renseignées : leur présence n'est pas vérifiable.",
                "Annexes not given: their presence cannot be checked.",
                cit,
                required=required,
                checked=False,
            )
        )
    else:
        for n in required:
            if n not in adherent.annexes:
                out.append(
                    _finding(
                        "annex-missing",
                        Severity.ERROR,
                        f"L'annexe {n} manque au dossier.",
                        f"Annexe {n} is missing.",
                        cit,
                        annex=n,
                        present=sorted(adherent.annexes),
                    )
                )
    if policy.value("minimum_order_months") is None:
        return out  # the convention attaches no rule to the expressed need
    if adherent.need is None:
        out.append(
            _finding(
                "need-not-positive",
                Severity.WARNING,
                "Besoin exprimé (annexe 2) non renseigné.",
                "Expressed need (annexe 2) not given.",
                policy.citation("minimum_order_months"),
                checked=False,
            )
        )
    elif adherent.need <= 0:
        out.append(
            _finding(
                "need-not-positive",
                Severity.ERROR,
                f"L'annexe 2 exprime un besoin de {adherent.need} comptes : il doit être positif.",
                f"Annexe 2 states a need of {adherent.need} accounts: it must be positive.",
                policy.citation("minimum_order_months"),
                need=adherent.need,
            )
        )
    return out


def check_orders(policy: Policy, adherent: Adherent, on: dt.date) -> list[Finding]:
    """« Les adhérents ne pourront pas commander, sur les 24 premiers mois du marché, moins de
    comptes que le besoin exprimé lors de l'adhésion [...]. Chaque adhérent réalise un bon de
    commande sur les 24 premiers mois du marché correspondant au besoin exprimé » (art. 7.1).

    Orders outside ``[M, M + 24 months)`` do not count. Before that period is
    over, a shortfall is shown as information (orders may still come). The
    purchase order is the first order flagged ``purchase_order`` in the period;
    later ones are complements.
    """
    need = adherent.need
    months = policy.value("minimum_order_months")
    if need is None or need <= 0 or months is None:
        return []
    period = months_period(policy.value("market_start"), months)
    cit = policy.citation("minimum_order_months")
    counted = [o for o in adherent.orders if o.date in period]
    total = sum(o.accounts for o in counted)
    over = on >= period.end
    out: list[Finding] = []
    if total < need:
        out.append(
            _finding(
                "orders-below-need",
                Severity.ERROR if over else Severity.INFO,
                (
                    f"{total} comptes commandés du {_fr(period.first_day)} au "
                    f"{_fr(period.last_day)}, moins que le besoin exprimé de {need}."
                    if over
                    else f"{total} comptes commandés à ce jour sur {need} exprimés ; la période "
                    f"court jusqu'au {_fr(period.last_day)}."
                ),
                (
                    f"{total} accounts ordered from {period.first_day.isoformat()} to "
                    f"{period.last_day.isoformat()}, less than the expressed need of {need}."
                    if over
                    else f"{total} of {need} accounts ordered so far; the period runs until "
                    f"{period.last_day.isoformat()}."
                ),
                cit,
                ordered=total,
                need=need,
                period_first_day=period.first_day.isoformat(),
                period_last_day=period.last_day.isoformat(),
                orders_counted=len(counted),
                orders_outside_period=len(adherent.orders) - len(counted),
            )
        )
    if policy.value("purchase_order_equals_need"):
        pcit = policy.citation("purchase_order_equals_need")
        pos = sorted((o for o in counted if o.purchase_order), key=lambda o: o.date)
        if pos and pos[0].accounts != need:
            out.append(
                _finding(
                    "purchase-order-mismatch",
                    Severity.ERROR,
                    f"Le bon de commande du {_fr(pos[0].date)} porte sur {pos[0].accounts} "
                    f"comptes, et non sur le besoin exprimé de {need}.",
                    f"The purchase order of {pos[0].date.isoformat()} is for {pos[0].accounts} "
                    f"accounts, not the expressed need of {need}.",
                    pcit,
                    purchase_order_date=pos[0].date.isoformat(),
                    accounts=pos[0].accounts,
                    need=need,
                )
            )
        elif not pos and over:
            out.append(
                _finding(
                    "purchase-order-mismatch",
                    Severity.ERROR,
                    f"Aucun bon de commande n'a été émis du {_fr(period.first_day)} au "
                    f"{_fr(period.last_day)} pour le besoin exprimé de {need} comptes.",
                    f"No purchase order was issued from {period.first_day.isoformat()} to "
                    f"{period.last_day.isoformat()} for the expressed need of {need} accounts.",
                    pcit,
                    purchase_orders=0,
                    need=need,
                )
            )
    return out


def check_exclusion(policy: Policy, exclusion: Exclusion) -> list[Finding]:
    """« Exclusion : l'exclusion pourra être prononcée, en cas de non-exécution, suite à une
    procédure judiciaire, et en observant la décision du juge compétent. » (art. 3)"""
    if exclusion.judgment_on is None and policy.value("exclusion_requires_judgment"):
        return [
            _finding(
                "exclusion-without-judgment",
                Severity.ERROR,
                f"Exclusion au {_fr(exclusion.effective_on)} sans décision du juge : elle est "
                "sans effet, l'adhérent reste membre.",
                f"Exclusion from {exclusion.effective_on.isoformat()} without a judge's "
                "decision: it has no effect and the adherent remains a member.",
                policy.citation("exclusion_requires_judgment"),
                effective_on=exclusion.effective_on.isoformat(),
            )
        ]
    return []


def valid_withdrawal(
    policy: Policy, letters: Iterable[WithdrawalLetter], reading: str | None = None
) -> tuple[dt.date | None, list[Decision]]:
    """The day the first valid withdrawal takes effect, and the decision on each letter."""
    reading = reading or policy.value("withdrawal_request_date")
    withdrawn_from: dt.date | None = None
    decisions = []
    for letter in sorted(letters, key=lambda x: x.sent_on or x.received_on or dt.date.min):
        if letter.date(reading) is None:
            # the reading's date is unknown: judge on the other one and say so
            other = "received" if reading == "sent" else "sent"
            d = withdrawal(
                policy,
                sent_on=letter.sent_on,
                received_on=letter.received_on,
                reading=other,
                withdrawn_from=withdrawn_from,
            )
        else:
            d = withdrawal(
                policy,
                sent_on=letter.sent_on,
                received_on=letter.received_on,
                reading=reading,
                withdrawn_from=withdrawn_from,
            )
        decisions.append(d)
        if d.answer == WithdrawalAnswer.ALLOWED and withdrawn_from is None:
            withdrawn_from = dt.date.fromisoformat(str(d.data["effective_on"]))
    return withdrawn_from, decisions


def check_adherent(policy: Policy, adherent: Adherent, on: dt.date) -> Decision:
    """Is this adherent's file valid, and where does it stand on ``on``? (SPEC A.5, A.6)."""
    findings: list[Finding] = []
    findings += check_member(policy, adherent)
    findings += check_authorisation(policy, adherent)
    findings += check_deadline(policy, adherent)
    findings += check_annexes(policy, adherent)
    findings += check_orders(policy, adherent, on)
    withdrawn_from, letter_decisions = valid_withdrawal(policy, adherent.withdrawal_letters)
    for d in letter_decisions:
        findings += d.findings
    status = status_on(policy, on, withdrawn_from=withdrawn_from, exclusion=adherent.exclusion)
    findings += status.findings
    if any(f.severity is Severity.ERROR for f in findings):
        answer = AdhesionAnswer.INVALID
    elif any(f.severity is Severity.WARNING for f in findings):
        answer = AdhesionAnswer.INCOMPLETE
    else:
        answer = AdhesionAnswer.VALID
    return Decision(
        question="adherent",
        answer=answer.value,
        inputs={"adherent": adherent.name, "on": on.isoformat()},
        policy=policy.ref,
        dates=schedule(policy).dates,
        findings=findings,
        interpretations=tuple(i for d in letter_decisions for i in d.interpretations)[:1],
        citations=cites(
            policy.citation("eligible_member_kinds"),
            policy.citation("adhesion_deadline"),
            policy.citation("required_annexes"),
            policy.citation("minimum_order_months"),
        ),
        data={
            "adherent": {
                "name": adherent.name,
                "kind": adherent.kind,
                "insee": adherent.insee,
                "departement": adherent.territory,
            },
            "status": status.answer,
            "period": status.data["period"],
            "withdrawn_from": _iso(withdrawn_from),
            "withdrawal_letters": [
                {"answer": d.answer, **{k: d.data[k] for k in ("request_date", "effective_on")}}
                for d in letter_decisions
            ],
        },
    )


# -- timeline ---------------------------------------------------------------

_EVENT_LABELS: dict[str, tuple[str, str]] = {
    "adhesion_deadline": (
        "date limite d'envoi de la convention signée (LRAR)",
        "deadline for sending the signed convention (registered letter)",
    ),
    "tender_earliest_launch": (
        "lancement de l'appel d'offres au plus tôt",
        "earliest launch of the call for tenders",
    ),
    "market_notification_planned": (
        "notification du marché (prévisionnelle, fin du mois)",
        "market notification (planned, end of month)",
    ),
    "market_start": (
        "entrée en vigueur du marché et de la convention",
        "market and convention take effect",
    ),
    "withdrawal_allowed_from": (
        "fin de la période sans retrait possible",
        "end of the period when withdrawal is impossible",
    ),
    "convention_end": ("fin de la convention", "end of the convention"),
}


def _event_label(name: str) -> tuple[str, str]:
    if name in _EVENT_LABELS:
        return _EVENT_LABELS[name]
    parts = name.split("_")
    if name.startswith("period_") and name.endswith("_end"):
        k = int(parts[1])
        if k == 1:
            return (
                "fin de la première période (renouvellement tacite)",
                "end of the first period (tacit renewal)",
            )
        return (f"fin de la période {k}", f"end of period {k}")
    if name.startswith("window_"):
        w = parts[1]
        if name.endswith("first_day"):
            return (
                f"ouverture de la fenêtre de retrait {w} (premier jour pour écrire)",
                f"withdrawal window {w} opens (first day to send the letter)",
            )
        return (
            f"dernier jour pour adresser la demande de retrait (fenêtre {w})",
            f"last day to send the withdrawal letter (window {w})",
        )
    return (name, name)


def timeline(policy: Policy) -> Decision:
    """Every key date of the convention, in order, with the article it comes from."""
    sch = schedule(policy)
    events: list[tuple[dt.date, str, str, str, Citation, str]] = []
    last_period = f"period_{len(sch.periods)}_end"
    for d in sch.dates:
        if d.name == last_period:  # the same day as convention_end, said once
            continue
        fr, en = _event_label(d.name)
        events.append((d.value, d.name, fr, en, d.citation, d.how))
    if "tender_earliest_launch" in policy.params:
        fr, en = _event_label("tender_earliest_launch")
        events.append(
            (
                policy.value("tender_earliest_launch"),
                "tender_earliest_launch",
                fr,
                en,
                policy.citation("tender_earliest_launch"),
                "art. 8",
            )
        )
    if "market_notification_planned" in policy.params:
        y, m = (int(x) for x in policy.value("market_notification_planned").split("-"))

        fr, en = _event_label("market_notification_planned")
        events.append(
            (
                last_day_of_month(y, m),
                "market_notification_planned",
                fr,
                en,
                policy.citation("market_notification_planned"),
                "fin du mois prévu",
            )
        )
    events.sort(key=lambda e: (e[0], e[1]))
    return Decision(
        question="timeline",
        answer="timeline",
        inputs={},
        policy=policy.ref,
        dates=sch.dates,
        citations=cites(*(e[4] for e in events)),
        data={
            "events": [
                {
                    "name": name,
                    "date": day.isoformat(),
                    "label": {"fr": fr, "en": en},
                    "citation": cit.to_dict(),
                    "how": how,
                }
                for day, name, fr, en, cit, how in events
            ],
            "windows": [w.to_dict() for w in sch.windows],
            "periods": [p.to_dict() for p in sch.periods],
        },
    )
