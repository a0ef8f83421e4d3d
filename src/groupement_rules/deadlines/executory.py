"""The executory force of an act of a commune (CGCT L2131-1, L2131-2).

« Les actes pris par les autorités communales sont exécutoires de plein droit dès
qu'il a été procédé à leur publication ou affichage ou à leur notification aux
intéressés ainsi qu'à leur transmission au représentant de l'État dans le
département » (L2131-1 I, for the acts listed in L2131-2).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ..decision import Citation, ComputedDate, Decision, Finding, cites
from ..legal_time import DayCalendar, said
from ..policy import Policy
from .facts import Act, ActKind, PublicationMode, iso
from .findings import CATALOGUE
from .policy import view
from .recours import recours

#: The events an act's executory force waits for (CGCT L2131-1, L2131-2), for people.
_CONDITIONS = {
    "publication": ("publication le", "publication on"),
    "notification": ("notification le", "notification on"),
    "transmission": ("transmission au préfet le", "transmission to the préfet on"),
}


class ExecutoryAnswer(enum.StrEnum):
    EXECUTORY = "executory"
    NOT_EXECUTORY = "not-executory"


L2131_1 = Citation("CGCT", "L2131-1")
L2131_2 = Citation("CGCT", "L2131-2")


def _date_findings(act: Act) -> list[Finding]:
    """A publication, notification or transmission cannot precede the adoption."""
    out = []
    for label, d in (
        ("published_on", act.published_on),
        ("notified_on", act.notified_on),
        ("transmitted_on", act.transmitted_on),
    ):
        if d is not None and d < act.adopted_on:
            out.append(
                CATALOGUE.emit(
                    "act-dates-inconsistent",
                    L2131_1,
                    field=label,
                    date=d.isoformat(),
                    adopted_on=act.adopted_on.isoformat(),
                )
            )
    return out


def _publication(policy: Policy, act: Act) -> tuple[dt.date | None, list[Finding]]:
    """The day a regulatory (or other) act was duly published (L2131-1 III and IV)."""
    v = view(policy)
    known_on = act.published_on
    reform = v.electronic_publication_from
    threshold = v.publication_choice_threshold
    other_mode = (
        known_on is not None
        and act.publication_mode is not PublicationMode.ELECTRONIC
        and act.adopted_on >= reform
    )
    cit = v.cite("publication_choice_threshold")
    mode = act.publication_mode.value
    if other_mode and act.population is not None and act.population >= threshold:
        finding = CATALOGUE.emit(
            "publication-mode-not-allowed",
            cit,
            population=act.population,
            threshold=threshold,
            mode=mode,
            reform=reform.isoformat(),
        )
        return None, [finding]
    if other_mode and act.population is None:
        return known_on, [
            CATALOGUE.emit("publication-mode-unchecked", cit, threshold=threshold, mode=mode)
        ]
    if act.published_on is None:
        return None, [
            CATALOGUE.emit("act-not-published", attrs.evolve(L2131_1, article="L2131-1 I et III"))
        ]
    return known_on, []


def executory(policy: Policy, act: Act, cal: DayCalendar) -> Decision:
    """Is the act executory, and since when? (CGCT L2131-1, L2131-2)

    Individual decisions are notified (II); regulatory acts and the acts that are
    neither regulatory nor individual are published, electronically since
    1 July 2022 (III), save in communes under 3 500 inhabitants that chose
    otherwise (IV). When the act is known (published or notified), the decision
    also gives the last day of the recours contentieux.
    """
    v = view(policy)
    dates: list[ComputedDate] = []
    where = act.number
    c_l2 = v.cite("transmission_list")
    findings = _date_findings(act)
    known_ok = not findings
    if act.kind is ActKind.INDIVIDUAL:
        trigger = "notification"
        known_on = act.notified_on
        if known_on is None:
            findings.append(
                CATALOGUE.emit("act-not-notified", attrs.evolve(L2131_1, article="L2131-1 II"))
            )
    else:
        trigger = "publication"
        known_on, more = _publication(policy, act)
        findings += more
    if act.listed_in_l2131_2 and act.transmitted_on is None:
        findings.append(CATALOGUE.emit("act-not-transmitted", c_l2))
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
        findings.append(CATALOGUE.emit("act-executory", L2131_1, executory_since=since.isoformat()))
    rec = recours(policy, known_on if known_ok else None, cal, trigger=trigger)
    findings.extend(rec.findings)
    dates.extend(rec.dates)
    findings = [attrs.evolve(f, deliberation=where) if where else f for f in findings]
    return Decision(
        question="executory",
        answer=ExecutoryAnswer.EXECUTORY if since else ExecutoryAnswer.NOT_EXECUTORY,
        inputs={"act": act.to_dict(), "holidays": cal.describe()},
        policy=policy.ref,
        dates=tuple(dates),
        findings=tuple(findings),
        interpretations=rec.interpretations,
        citations=cites(L2131_1, c_l2, *rec.citations),
        data={
            "executory_since": iso(since),
            "brought_to_knowledge_on": iso(known_on if known_ok else None),
            "trigger": trigger,
            "recours_last_day": rec.data.get("last_day"),
        },
    )


__all__ = ["L2131_1", "L2131_2", "ExecutoryAnswer", "executory"]
