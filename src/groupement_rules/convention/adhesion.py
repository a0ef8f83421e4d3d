"""Is this adherent's file valid? (SPEC A.5, A.6): kind, territory, authorisation,
deadline, annexes and orders, then where its engagement stands."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from types import MappingProxyType

from ..decision import Citation, Decision, Finding, Severity, cites, format_message
from ..legal_time import months_period, said
from ..policy import Policy
from .engagement import Engagement, check_exclusion
from .facts import Adherent, WithdrawalLetter
from .findings import CATALOGUE
from .schedule import schedule
from .withdrawal import letter_effect


class AdhesionAnswer(enum.StrEnum):
    """The verdict on an adherent's file (SPEC A.5, A.6)."""

    VALID = "valid"  # no error, nothing left unchecked
    INCOMPLETE = "incomplete"  # no error, but some checks could not run
    INVALID = "invalid"  # at least one error-level finding


def _en(d: dt.date) -> str:
    """A date in English long form ("19 July 2028"), as the rest of the product says it."""
    return said(d, "en")


def _jours(n: int) -> str:
    """``n`` jours, agreeing (« 1 jour », « 3 jours »)."""
    return format_message("{n:pl(jour|jours)}", {"n": n}, "fr")


def _days(n: int) -> str:
    """``n`` days, agreeing ("1 day", "3 days")."""
    return format_message("{n:pl(day|days)}", {"n": n}, "en")


def _check_receipt(adherent: Adherent, deadline: dt.date, cit: Citation) -> list[Finding] | None:
    """The deadline when the coordinator's receipt counts (``adhesion_act = "received"``);
    None when only the sending date can tell (it is then inferred from the sending)."""
    day = adherent.received_on
    if day is None:
        if adherent.sent_on is not None and adherent.sent_on <= deadline:
            return [
                _finding(
                    "adhesion-after-deadline",
                    Severity.WARNING,
                    f"Date de réception inconnue : la convention envoyée le "
                    f"{said(adherent.sent_on)} a pu être reçue après la date limite du "
                    f"{said(deadline)}.",
                    f"Receipt date unknown: the convention sent on {said(adherent.sent_on, 'en')} "
                    f"may have been received after the deadline of {said(deadline, 'en')}.",
                    cit,
                    sent_on=adherent.sent_on.isoformat(),
                    deadline=deadline.isoformat(),
                    checked=False,
                )
            ]
        return None  # a sending after the deadline, or none known: the receipt is later still
    if day <= deadline:
        return []
    late = (day - deadline).days
    return [
        _finding(
            "adhesion-after-deadline",
            Severity.ERROR,
            f"Convention reçue le {said(day)}, après la date limite du {said(deadline)} "
            f"({_jours(late)} de retard).",
            f"Convention received on {said(day, 'en')}, after the deadline of "
            f"{said(deadline, 'en')} ({_days(late)} late).",
            cit,
            received_on=day.isoformat(),
            deadline=deadline.isoformat(),
            days_late=late,
        )
    ]


def _finding(
    code: str,
    severity: Severity,
    fr: str,
    en: str,
    citation: Citation,
    *,
    template: bool = False,
    **values: object,
) -> Finding:
    """A finding of a code the catalogue declares (an undeclared one is a bug); with
    ``template``, its messages are written over its values when read."""
    CATALOGUE[code]
    return Finding(code, severity, fr, en, citation, dict(values), template=template)


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
                f"La délibération du {said(auth.date)} est postérieure à la signature du "
                f"{said(adherent.signed_on)} : le signataire n'était pas encore autorisé.",
                f"The délibération of {said(auth.date, 'en')} comes after the signature of "
                f"{said(adherent.signed_on, 'en')}: the signatory was not yet authorised.",
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
                    f"Transmise au préfet le {said(auth.transmitted_on)}, après l'envoi du "
                    f"{said(adherent.sent_on)} : la copie annexée ne pouvait pas être visée.",
                    f"Transmitted to the préfet on {said(auth.transmitted_on, 'en')}, after the "
                    f"sending of {said(adherent.sent_on, 'en')}: the annexed copy could not bear "
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
    if policy.value("adhesion_act") == "received":
        received = _check_receipt(adherent, deadline, policy.citation("adhesion_act"))
        if received is not None:
            return received
    if adherent.sent_on is not None:
        if adherent.sent_on > deadline:
            return [
                _finding(
                    "adhesion-after-deadline",
                    Severity.ERROR,
                    f"Convention envoyée le {said(adherent.sent_on)}, après la date limite du "
                    f"{said(deadline)} ({_jours((adherent.sent_on - deadline).days)} de retard).",
                    f"Convention sent on {said(adherent.sent_on, 'en')}, after the deadline of "
                    f"{said(deadline, 'en')} ({_days((adherent.sent_on - deadline).days)} late).",
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
                    f"La {what_fr} est du {said(earliest)}, {_jours((earliest - deadline).days)} "
                    f"après la date limite d'envoi du {said(deadline)} : la convention signée "
                    "n'a pas pu être envoyée à temps.",
                    f"The {what} is dated {said(earliest, 'en')}, "
                    f"{_days((earliest - deadline).days)} after the sending deadline of "
                    f"{said(deadline, 'en')}: the signed convention cannot have been sent in "
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
            f"Date d'envoi inconnue : le respect de la date limite du {said(deadline)} n'est pas "
            "vérifiable.",
            f"Sending date unknown: the deadline of {said(deadline, 'en')} cannot be checked.",
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
                    "{ordered:pl(compte commandé|comptes commandés)} du {period_first_day:d} au "
                    "{period_last_day:d}, moins que le besoin exprimé de {need}."
                    if over
                    else "{ordered:pl(compte commandé|comptes commandés)} à ce jour sur {need} "
                    "exprimés ; la période court jusqu'au {period_last_day:d}."
                ),
                (
                    "{ordered:pl(account|accounts)} ordered from {period_first_day:d} to "
                    "{period_last_day:d}, less than the expressed need of {need}."
                    if over
                    else "{ordered} of {need:pl(account|accounts)} ordered so far; the period "
                    "runs until {period_last_day:d}."
                ),
                cit,
                template=True,
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
                    "Le bon de commande du {purchase_order_date:d} porte sur "
                    "{accounts:pl(compte|comptes)}, et non sur le besoin exprimé de {need}.",
                    "The purchase order of {purchase_order_date:d} is for "
                    "{accounts:pl(account|accounts)}, not the expressed need of {need}.",
                    pcit,
                    template=True,
                    purchase_order_date=pos[0].date.isoformat(),
                    accounts=pos[0].accounts,
                    need=need,
                )
            )
        elif not pos and over:
            shown = {
                "first": period.first_day.isoformat(),
                "last": period.last_day.isoformat(),
                "need": need,
            }
            out.append(
                _finding(
                    "purchase-order-mismatch",
                    Severity.ERROR,
                    format_message(
                        "Aucun bon de commande n'a été émis du {first:d} au {last:d} pour le "
                        "besoin exprimé de {need:pl(compte|comptes)}.",
                        shown,
                    ),
                    format_message(
                        "No purchase order was issued from {first:d} to {last:d} for the "
                        "expressed need of {need:pl(account|accounts)}.",
                        shown,
                        "en",
                    ),
                    pcit,
                    purchase_orders=0,
                    need=need,
                )
            )
    return out


def check_adherent(policy: Policy, adherent: Adherent, on: dt.date) -> Decision:
    """Is this adherent's file valid, and where does it stand on ``on``? (SPEC A.5, A.6)."""
    findings: list[Finding] = []
    findings += check_member(policy, adherent)
    findings += check_authorisation(policy, adherent)
    findings += check_deadline(policy, adherent)
    findings += check_annexes(policy, adherent)
    findings += check_orders(policy, adherent, on)
    engagement, letter_decisions = engagement_of(policy, adherent)
    for d in letter_decisions:
        findings += d.findings
    membership = engagement.member_on(on)
    if adherent.exclusion is not None:
        findings += check_exclusion(policy, adherent.exclusion)
    if any(f.severity is Severity.ERROR for f in findings):
        answer = AdhesionAnswer.INVALID
    elif any(f.severity is Severity.WARNING for f in findings):
        answer = AdhesionAnswer.INCOMPLETE
    else:
        answer = AdhesionAnswer.VALID
    sch = engagement.schedule
    period = None
    if membership.period is not None:
        p = sch.periods[membership.period]
        period = {"index": membership.period + 1, **p.to_dict()}
    withdrawn_from = engagement.withdrawn_from
    return Decision(
        question="adherent",
        answer=answer,
        inputs=MappingProxyType({"adherent": adherent.name, "on": on.isoformat()}),
        policy=policy.ref,
        dates=sch.dates,
        findings=findings,
        interpretations=tuple(i for d in letter_decisions for i in d.interpretations)[:1],
        citations=cites(
            policy.citation("eligible_member_kinds"),
            policy.citation("adhesion_deadline"),
            policy.citation("required_annexes"),
            policy.citation("minimum_order_months"),
        ),
        data=MappingProxyType(
            {
                "adherent": {
                    "name": adherent.name,
                    "kind": adherent.kind,
                    "insee": adherent.insee,
                    "departement": adherent.territory,
                },
                "status": membership.status.value,
                "period": period,
                "withdrawn_from": withdrawn_from.isoformat() if withdrawn_from else None,
                "withdrawal_letters": [
                    {
                        "answer": d.answer,
                        **{k: d.data[k] for k in ("request_date", "effective_on")},
                    }
                    for d in letter_decisions
                ],
            }
        ),
    )


def valid_withdrawal(
    policy: Policy, letters: Iterable[WithdrawalLetter], reading: str | None = None
) -> tuple[dt.date | None, list[Decision]]:
    """The day the first valid withdrawal takes effect, and the decision on each letter,
    in the order they were sent (a letter after a valid one finds a former member)."""
    sch = schedule(policy)
    withdrawn_from: dt.date | None = None
    decisions = []
    for letter in sorted(
        letters, key=lambda x: x.sent_on or x.received_on or x.deliberation_on or dt.date.min
    ):
        d, effect = letter_effect(Engagement(sch, withdrawn_from=withdrawn_from), letter, reading)
        decisions.append(d)
        if effect is not None and withdrawn_from is None:
            withdrawn_from = effect
    return withdrawn_from, decisions


def engagement_of(policy: Policy, adherent: Adherent) -> tuple[Engagement, list[Decision]]:
    """The adherent's engagement (its first valid withdrawal letter taking effect), and
    the decision on each of its letters."""
    withdrawn_from, decisions = valid_withdrawal(policy, adherent.withdrawal_letters)
    engagement = Engagement(
        schedule(policy), withdrawn_from=withdrawn_from, exclusion=adherent.exclusion
    )
    return engagement, decisions
