"""Part C of SPEC: the recours contentieux deadline and the executory force of an act.

Every parameter of the law (two months, délai franc, the order of operations at
month ends, the extension of CPC art. 642, the silence that rejects a recours
gracieux, the publication reform of 2022) comes from ``policies/deadlines.toml``.
The counting itself is :func:`groupement_rules.legal_time.count_delai`, the same
mechanism that computes the convocation délai.

Finding codes (stable; documented in ``docs/deadlines.md``):

``recours-not-running``, ``recours-last-day-extended``, ``recours-month-end-order``,
``recours-gracieux-interrupts``, ``recours-gracieux-late``,
``recours-gracieux-before-start``, ``recours-gracieux-after-cautious-date``,
``recours-implicit-rejection``, ``recours-express-after-implicit``; ``act-executory``,
``act-not-published``, ``act-not-notified``, ``act-not-transmitted``,
``act-dates-inconsistent``, ``publication-mode-not-allowed``,
``publication-mode-unchecked``.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from pathlib import Path
from typing import Any

import attrs

from .decision import Citation, ComputedDate, Decision, Finding, Interpretation, Severity, cites
from .errors import InputError
from .legal_time import (
    CPC_642,
    DayCalendar,
    Delai,
    Echeance,
    Unit,
    count_delai,
    said,
    shift_months,
)
from .policy import ParamSpec, Policy, load_embedded_policy, load_policy

DEFAULT_POLICY = "deadlines.toml"

_ORDERS = ("months-then-day", "day-then-months")


def _order(v: Any) -> str | None:
    return None if v in _ORDERS else f"expected one of {', '.join(_ORDERS)}"


def _positive(v: Any) -> str | None:
    return None if v > 0 else "must be positive"


#: What a deadlines policy file may hold (docs/deadlines.md).
SCHEMA: dict[str, ParamSpec] = {
    "recours_months": ParamSpec("int", check=_positive),
    "recours_franc": ParamSpec("bool"),
    "recours_franc_order": ParamSpec("str", check=_order),
    "recours_extension": ParamSpec("bool"),
    "gracieux_interrupts": ParamSpec("bool"),
    "gracieux_silence_months": ParamSpec("int", check=_positive),
    "electronic_publication_from": ParamSpec("date"),
    "publication_choice_threshold": ParamSpec("int", check=_positive),
    "transmission_list": ParamSpec("list[str]"),
}


def load_deadlines(path: str | Path | None = None, *, text: str | None = None) -> Policy:
    """Load a deadlines policy file (the embedded ``policies/deadlines.toml`` by default)."""
    if path is None and text is None:
        return default_deadlines()
    return load_policy(path or "<policy>", SCHEMA, kind="deadlines", text=text)


@functools.cache
def default_deadlines() -> Policy:
    return load_embedded_policy(DEFAULT_POLICY, SCHEMA, kind="deadlines")


#: The events an act's executory force waits for (CGCT L2131-1, L2131-2), for people.
_CONDITIONS = {
    "publication": ("publication le", "publication on"),
    "notification": ("notification le", "notification on"),
    "transmission": ("transmission au préfet le", "transmission to the préfet on"),
}


def _fr(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _finding(
    code: str, severity: Severity, fr: str, en: str, citation: Citation, **values: object
) -> Finding:
    return Finding(code, severity, fr, en, citation, dict(values))


# -- recours contentieux ------------------------------------------------------


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
    order = str(policy.value("recours_franc_order"))
    day_first = order == "day-then-months"
    return Delai(
        int(policy.value("recours_months")),
        Unit.MONTHS,
        franc=bool(policy.value("recours_franc")),
        extension=bool(policy.value("recours_extension")),
        franc_first=(not day_first) if cautious else day_first,
        citation=policy.citation("recours_months"),
    )


def recours_last_day(policy: Policy, start: dt.date, cal: DayCalendar) -> Echeance:
    """The last admissible day of a recours against an act published or notified on ``start``."""
    return count_delai(start, recours_delai(policy), cal)


@functools.cache
def _order_interpretation(policy: Policy) -> Interpretation:
    order = str(policy.value("recours_franc_order"))
    other = next(o for o in _ORDERS if o != order)
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
        citation=policy.citation("recours_franc_order"),
    )


@functools.cache
def _implicit_interpretation(policy: Policy) -> Interpretation:
    n = int(policy.value("gracieux_silence_months"))
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
        citation=policy.citation("gracieux_silence_months"),
    )


def _count_both(
    policy: Policy, start: dt.date, cal: DayCalendar, name: str, what_fr: str, what_en: str
) -> tuple[Echeance, list[ComputedDate], list[Finding]]:
    """Count the délai from ``start`` in the policy's order, and compare with the other order."""
    main = count_delai(start, recours_delai(policy), cal)
    alt = count_delai(start, recours_delai(policy, cautious=True), cal)
    cit = policy.citation("recours_months")
    dates = [main.computed(name, cit)]
    findings: list[Finding] = []
    if main.extended:
        assert main.moved_from is not None
        findings.append(
            _finding(
                "recours-last-day-extended",
                Severity.INFO,
                f"{what_fr} : le {_fr(main.moved_from)} n'est pas un jour ouvré (samedi, "
                f"dimanche ou jour férié) ; le délai est prorogé au {_fr(main.value)}",
                f"{what_en}: {main.moved_from.isoformat()} is not a working day (Saturday, "
                f"Sunday or public holiday); the délai is extended to {main.value.isoformat()}",
                policy.citation("recours_extension"),
                unextended=main.moved_from.isoformat(),
                last_day=main.value.isoformat(),
            )
        )
    if alt.value != main.value:
        cautious = min(alt.value, main.value)
        dates.append(alt.computed(f"{name}_other_order", cit))
        findings.append(
            _finding(
                "recours-month-end-order",
                Severity.WARNING,
                f"{what_fr} : en fin de mois l'ordre des opérations change le résultat "
                f"({main.how()} → {_fr(main.value)} ; {alt.how()} → {_fr(alt.value)}). "
                f"Date prudente : {_fr(cautious)}",
                f"{what_en}: at the month end the order of operations changes the result "
                f"({main.value.isoformat()} versus {alt.value.isoformat()}). "
                f"Cautious date: {cautious.isoformat()}",
                policy.citation("recours_franc_order"),
                last_day=main.value.isoformat(),
                other_order=alt.value.isoformat(),
                cautious_last_day=cautious.isoformat(),
            )
        )
    return main, dates, findings


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
    née une décision implicite de rejet »).
    """
    if trigger not in ("publication", "notification"):
        raise ValueError(f"trigger must be publication or notification, not {trigger!r}")
    if rejected_on is not None and gracieux_on is None:
        raise InputError("rejected", "a rejection needs the date of the recours gracieux")
    if rejected_on is not None and gracieux_on is not None and rejected_on < gracieux_on:
        raise InputError(
            "rejected",
            f"the rejection ({rejected_on}) cannot precede the recours gracieux ({gracieux_on})",
        )
    r421 = policy.citation("recours_months")
    inputs: dict[str, Any] = {
        "start": _iso(start),
        "trigger": trigger,
        "gracieux_on": _iso(gracieux_on),
        "rejected_on": _iso(rejected_on),
        "holidays": cal.describe(),
    }
    if start is None:
        return Decision(
            question="recours",
            answer=RecoursAnswer.NOT_RUNNING.value,
            inputs=inputs,
            policy=policy.ref,
            findings=(
                _finding(
                    "recours-not-running",
                    Severity.INFO,
                    "l'acte n'a été ni publié ni notifié : le délai de recours n'a pas commencé "
                    "à courir, aucune date limite ne peut être calculée",
                    "the act has been neither published nor notified: the délai de recours "
                    "has not started, no last day can be computed",
                    r421,
                ),
            ),
            citations=cites(r421),
            data={"last_day": None, "cautious_last_day": None, "runs_from": None},
        )
    first, dates, findings = _count_both(
        policy, start, cal, "recours_last_day", "délai de recours", "recours délai"
    )
    interpretations = [_order_interpretation(policy)]
    citations = [r421, policy.citation("recours_franc"), CPC_642]
    last = first
    runs_from = start
    interrupted = False
    implicit_on: dt.date | None = None
    if gracieux_on is not None:
        l411 = policy.citation("gracieux_interrupts")
        citations.append(l411)
        cautious_first = min(d.value for d in dates)
        if gracieux_on > first.value:
            findings.append(
                _finding(
                    "recours-gracieux-late",
                    Severity.WARNING,
                    f"le recours gracieux du {_fr(gracieux_on)} est postérieur au dernier jour "
                    f"du délai ({_fr(first.value)}) : il n'interrompt pas le délai, qui est expiré",
                    f"the recours gracieux of {gracieux_on.isoformat()} comes after the last "
                    f"day of the délai ({first.value.isoformat()}): it does not interrupt it, "
                    "and the délai has expired",
                    l411,
                    gracieux_on=gracieux_on.isoformat(),
                    last_day=first.value.isoformat(),
                )
            )
        elif policy.value("gracieux_interrupts"):
            interrupted = True
            if gracieux_on < start:
                findings.append(
                    _finding(
                        "recours-gracieux-before-start",
                        Severity.WARNING,
                        f"le recours gracieux du {_fr(gracieux_on)} précède la {trigger} "
                        f"({_fr(start)}) : il est traité comme formé dans le délai",
                        f"the recours gracieux of {gracieux_on.isoformat()} precedes the "
                        f"{trigger} ({start.isoformat()}): treated as made within the délai",
                        l411,
                        gracieux_on=gracieux_on.isoformat(),
                        start=start.isoformat(),
                    )
                )
            findings.append(
                _finding(
                    "recours-gracieux-interrupts",
                    Severity.INFO,
                    f"le recours gracieux du {_fr(gracieux_on)}, formé dans le délai (dernier "
                    f"jour {_fr(first.value)}), l'interrompt : un nouveau délai court à compter "
                    "de son rejet",
                    f"the recours gracieux of {gracieux_on.isoformat()}, made within the délai "
                    f"(last day {first.value.isoformat()}), interrupts it: a new délai runs "
                    "from its rejection",
                    l411,
                    gracieux_on=gracieux_on.isoformat(),
                    initial_last_day=first.value.isoformat(),
                    cautious_initial_last_day=cautious_first.isoformat(),
                )
            )
            if gracieux_on > cautious_first:
                findings.append(
                    _finding(
                        "recours-gracieux-after-cautious-date",
                        Severity.WARNING,
                        f"le recours gracieux du {_fr(gracieux_on)} est postérieur à la date "
                        f"prudente ({_fr(cautious_first)}) : selon l'autre ordre des opérations "
                        "en fin de mois, il serait tardif et n'interromprait pas le délai",
                        f"the recours gracieux of {gracieux_on.isoformat()} comes after the "
                        f"cautious date ({cautious_first.isoformat()}): under the other order "
                        "of operations at month ends it would be late and would not interrupt "
                        "the délai",
                        policy.citation("recours_franc_order"),
                        gracieux_on=gracieux_on.isoformat(),
                        cautious_initial_last_day=cautious_first.isoformat(),
                    )
                )
            silence = int(policy.value("gracieux_silence_months"))
            c_silence = policy.citation("gracieux_silence_months")
            citations.append(c_silence)
            shift = shift_months(gracieux_on, silence)
            implicit_on = shift.value
            dates.append(shift.computed("implicit_rejection_on", c_silence))
            if rejected_on is not None and rejected_on < implicit_on:
                runs_from = rejected_on
            else:
                interpretations.append(_implicit_interpretation(policy))
                runs_from = implicit_on
                if rejected_on is not None:
                    findings.append(
                        _finding(
                            "recours-express-after-implicit",
                            Severity.WARNING,
                            f"le rejet exprès du {_fr(rejected_on)} intervient après le rejet "
                            f"implicite né le {_fr(implicit_on)} : le délai est compté, par "
                            "prudence, à partir du rejet implicite",
                            f"the express rejection of {rejected_on.isoformat()} comes after "
                            f"the implicit rejection born on {implicit_on.isoformat()}: the "
                            "délai is counted, cautiously, from the implicit rejection",
                            c_silence,
                            rejected_on=rejected_on.isoformat(),
                            implicit_rejection_on=implicit_on.isoformat(),
                        )
                    )
                else:
                    findings.append(
                        _finding(
                            "recours-implicit-rejection",
                            Severity.INFO,
                            f"sans réponse, le silence gardé {silence} mois fait naître un "
                            f"rejet implicite le {_fr(implicit_on)} (date du recours gracieux + "
                            f"{silence} mois, prise comme date de réception : si le recours a été "
                            "reçu plus tard, le rejet naît plus tard et cette date est la "
                            "prudente)",
                            f"with no answer, {silence} months of silence make an implicit "
                            f"rejection on {implicit_on.isoformat()} (date of the recours "
                            f"gracieux + {silence} months, taken as the date of receipt: if it "
                            "was received later, the rejection is born later and this date is "
                            "the cautious one)",
                            c_silence,
                            gracieux_on=gracieux_on.isoformat(),
                            implicit_rejection_on=implicit_on.isoformat(),
                        )
                    )
            runs_from = max(runs_from, start)
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
    final = "last_day" if interrupted else "recours_last_day"
    cautious = min(d.value for d in dates if d.name in (final, f"{final}_other_order"))
    return Decision(
        question="recours",
        answer=RecoursAnswer.DEADLINE.value,
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
            "implicit_rejection_on": _iso(implicit_on),
        },
    )


# -- executory force ------------------------------------------------------------


class ActKind(enum.StrEnum):
    """L2131-1: how an act is brought to the knowledge of those concerned."""

    REGULATORY = "regulatory"  # published (III)
    INDIVIDUAL = "individual"  # notified (II)
    OTHER = "other"  # neither regulatory nor individual: published (III)


class PublicationMode(enum.StrEnum):
    ELECTRONIC = "electronic"
    AFFICHAGE = "affichage"
    PAPER = "paper"


class ExecutoryAnswer(enum.StrEnum):
    EXECUTORY = "executory"
    NOT_EXECUTORY = "not-executory"


@attrs.frozen
class Act:
    """The facts of an act of a commune that bear on its executory force."""

    adopted_on: dt.date
    number: str | None = None
    title: str | None = None
    commune: str | None = None
    insee: str | None = None
    population: int | None = None
    kind: ActKind = ActKind.OTHER
    published_on: dt.date | None = None
    publication_mode: PublicationMode = PublicationMode.ELECTRONIC
    notified_on: dt.date | None = None
    transmitted_on: dt.date | None = None  # received at the préfecture
    listed_in_l2131_2: bool = True  # délibérations are, save the article's exceptions

    def to_dict(self) -> dict[str, Any]:
        return {
            "adopted_on": self.adopted_on.isoformat(),
            "number": self.number,
            "title": self.title,
            "commune": self.commune,
            "insee": self.insee,
            "population": self.population,
            "kind": self.kind.value,
            "published_on": _iso(self.published_on),
            "publication_mode": self.publication_mode.value,
            "notified_on": _iso(self.notified_on),
            "transmitted_on": _iso(self.transmitted_on),
            "listed_in_l2131_2": self.listed_in_l2131_2,
        }


L2131_1 = Citation("CGCT", "L2131-1")
L2131_2 = Citation("CGCT", "L2131-2")


def executory(policy: Policy, act: Act, cal: DayCalendar) -> Decision:
    """Is the act executory, and since when? (CGCT L2131-1, L2131-2)

    « Les actes pris par les autorités communales sont exécutoires de plein droit
    dès qu'il a été procédé à leur publication ou affichage ou à leur
    notification aux intéressés ainsi qu'à leur transmission au représentant de
    l'État dans le département » (L2131-1 I, for the acts listed in L2131-2).
    Individual decisions are notified (II); regulatory acts and the acts that are
    neither regulatory nor individual are published, electronically since
    1 July 2022 (III), save in communes under 3 500 inhabitants that chose
    otherwise (IV). When the act is known (published or notified), the decision
    also gives the last day of the recours contentieux.
    """
    findings: list[Finding] = []
    dates: list[ComputedDate] = []
    where = act.number
    c_l2 = policy.citation("transmission_list")
    known_on: dt.date | None = None
    known_ok = True
    for label, d in (
        ("published_on", act.published_on),
        ("notified_on", act.notified_on),
        ("transmitted_on", act.transmitted_on),
    ):
        if d is not None and d < act.adopted_on:
            known_ok = False
            findings.append(
                _finding(
                    "act-dates-inconsistent",
                    Severity.ERROR,
                    f"{label} ({_fr(d)}) précède l'adoption de l'acte ({_fr(act.adopted_on)})",
                    f"{label} ({d.isoformat()}) precedes the adoption of the act "
                    f"({act.adopted_on.isoformat()})",
                    L2131_1,
                    field=label,
                    date=d.isoformat(),
                    adopted_on=act.adopted_on.isoformat(),
                )
            )
    if act.kind is ActKind.INDIVIDUAL:
        trigger = "notification"
        known_on = act.notified_on
        if known_on is None:
            findings.append(
                _finding(
                    "act-not-notified",
                    Severity.WARNING,
                    "décision individuelle non notifiée : elle n'est pas exécutoire",
                    "individual decision not notified: it is not executory",
                    attrs.evolve(L2131_1, article="L2131-1 II"),
                )
            )
    else:
        trigger = "publication"
        known_on = act.published_on
        reform: dt.date = policy.value("electronic_publication_from")
        threshold = int(policy.value("publication_choice_threshold"))
        if (
            known_on is not None
            and act.publication_mode is not PublicationMode.ELECTRONIC
            and act.adopted_on >= reform
            and act.population is not None
            and act.population >= threshold
        ):
            findings.append(
                _finding(
                    "publication-mode-not-allowed",
                    Severity.ERROR,
                    f"publication par {act.publication_mode.value} dans une commune de "
                    f"{act.population} habitants : depuis le {_fr(reform)}, seules les communes "
                    f"de moins de {threshold} habitants peuvent choisir un autre mode que la "
                    "publication électronique ; l'acte n'est pas régulièrement publié",
                    f"publication by {act.publication_mode.value} in a commune of "
                    f"{act.population} inhabitants: since {reform.isoformat()}, only communes "
                    f"under {threshold} inhabitants may choose a mode other than electronic "
                    "publication; the act is not duly published",
                    policy.citation("publication_choice_threshold"),
                    population=act.population,
                    threshold=threshold,
                    mode=act.publication_mode.value,
                )
            )
            known_on = None
        elif (
            known_on is not None
            and act.publication_mode is not PublicationMode.ELECTRONIC
            and act.adopted_on >= reform
            and act.population is None
        ):
            findings.append(
                _finding(
                    "publication-mode-unchecked",
                    Severity.WARNING,
                    f"publication par {act.publication_mode.value} : permise seulement aux "
                    f"communes de moins de {threshold} habitants qui l'ont choisie par "
                    "délibération ; la population n'est pas connue, la régularité de la "
                    "publication n'a pas pu être vérifiée",
                    f"publication by {act.publication_mode.value}: allowed only to communes "
                    f"under {threshold} inhabitants that chose it by délibération; the "
                    "population is not known, so the publication could not be checked",
                    policy.citation("publication_choice_threshold"),
                    threshold=threshold,
                    mode=act.publication_mode.value,
                )
            )
        elif act.published_on is None:
            findings.append(
                _finding(
                    "act-not-published",
                    Severity.WARNING,
                    "l'acte n'a pas été publié (aucune date de publication, par exemple une "
                    "mention « Publié sur le site internet le : » restée vide) : il n'est pas "
                    "exécutoire et le délai de recours ne court pas",
                    "the act has not been published (no publication date, e.g. an empty "
                    "« Publié sur le site internet le : » line): it is not executory and the "
                    "délai de recours does not run",
                    attrs.evolve(L2131_1, article="L2131-1 I et III"),
                )
            )
    if act.listed_in_l2131_2 and act.transmitted_on is None:
        findings.append(
            _finding(
                "act-not-transmitted",
                Severity.WARNING,
                "l'acte fait partie de ceux que L2131-2 soumet à transmission au préfet, et "
                "aucune date de transmission n'est connue : il n'est pas exécutoire",
                "the act is one that L2131-2 requires to be transmitted to the préfet, and no "
                "date of transmission is known: it is not executory",
                c_l2,
            )
        )
    conditions: list[dt.date | None] = [known_on]
    if act.listed_in_l2131_2:
        conditions.append(act.transmitted_on)
    since: dt.date | None = None
    if known_ok and all(c is not None for c in conditions):
        since = max(c for c in conditions if c is not None)
        named = [
            (n, c)
            for n, c in zip((trigger, "transmission"), conditions, strict=False)
            if c is not None
        ]
        how = " ; ".join(f"{_CONDITIONS[n][0]} {said(c)}" for n, c in named)
        how_en = "; ".join(f"{_CONDITIONS[n][1]} {said(c, 'en')}" for n, c in named)
        dates.append(
            ComputedDate(
                "executory_since",
                since,
                f"la plus tardive de : {how}",
                L2131_1,
                how_en=f"the latest of: {how_en}",
            )
        )
        findings.append(
            _finding(
                "act-executory",
                Severity.INFO,
                f"l'acte est exécutoire depuis le {_fr(since)}",
                f"the act is executory since {since.isoformat()}",
                L2131_1,
                executory_since=since.isoformat(),
            )
        )
    rec = recours(policy, known_on if known_ok else None, cal, trigger=trigger)
    findings.extend(rec.findings)
    dates.extend(rec.dates)
    findings = [attrs.evolve(f, deliberation=where) if where else f for f in findings]
    return Decision(
        question="executory",
        answer=(ExecutoryAnswer.EXECUTORY if since else ExecutoryAnswer.NOT_EXECUTORY).value,
        inputs={"act": act.to_dict(), "holidays": cal.describe()},
        policy=policy.ref,
        dates=tuple(dates),
        findings=tuple(findings),
        interpretations=rec.interpretations,
        citations=cites(L2131_1, c_l2, *rec.citations),
        data={
            "executory_since": _iso(since),
            "brought_to_knowledge_on": _iso(known_on if known_ok else None),
            "trigger": trigger,
            "recours_last_day": rec.data.get("last_day"),
        },
    )


#: Every finding code this module produces (stable API, docs/deadlines.md).
FINDING_CODES: tuple[str, ...] = (
    "recours-not-running",
    "recours-last-day-extended",
    "recours-month-end-order",
    "recours-gracieux-interrupts",
    "recours-gracieux-late",
    "recours-gracieux-before-start",
    "recours-gracieux-after-cautious-date",
    "recours-implicit-rejection",
    "recours-express-after-implicit",
    "act-executory",
    "act-not-published",
    "act-not-notified",
    "act-not-transmitted",
    "act-dates-inconsistent",
    "publication-mode-not-allowed",
    "publication-mode-unchecked",
)

__all__ = [
    "FINDING_CODES",
    "Act",
    "ActKind",
    "ExecutoryAnswer",
    "PublicationMode",
    "RecoursAnswer",
    "default_deadlines",
    "executory",
    "load_deadlines",
    "recours",
    "recours_delai",
    "recours_last_day",
]
