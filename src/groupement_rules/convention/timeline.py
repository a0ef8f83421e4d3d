"""The key dates of a convention, in order, each with its article (SPEC A.1, A.3)."""

from __future__ import annotations

import datetime as dt
import enum

from ..decision import Citation, Decision, cites
from ..legal_time import last_day_of_month
from ..policy import Policy
from .schedule import schedule


class TimelineAnswer(enum.StrEnum):
    """The answer of ``timeline``: always the adherent's dated events (SPEC A.6)."""

    TIMELINE = "timeline"


_EVENT_LABELS: dict[str, tuple[str, str]] = {
    "adhesion_deadline": (
        "date limite d'envoi de la convention signée",
        "deadline for sending the signed convention",
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
    "letters_from": (
        "premier jour pour adresser une demande de retrait",
        "first day to send a withdrawal request",
    ),
    "letters_until": (
        "dernier jour pour adresser une demande de retrait prenant effet avant la fin",
        "last day to send a withdrawal request taking effect before the end",
    ),
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


def _adhesion_label(policy: Policy) -> tuple[str, str]:
    """The deadline's label, with the form of sending the convention requires (its
    ``adhesion_form``, e.g. « LRAR »)."""
    fr, en = _EVENT_LABELS["adhesion_deadline"]
    form = policy.get("adhesion_form")
    if isinstance(form, dict) and "fr" in form:
        return f"{fr} ({form['fr']})", f"{en} ({form.get('en', form['fr'])})"
    return fr, en


def timeline(policy: Policy) -> Decision:
    """Every key date of the convention, in order, with the article it comes from."""
    sch = schedule(policy)
    events: list[tuple[dt.date, str, str, str, Citation, tuple[str, str]]] = []
    last_period = f"period_{len(sch.periods)}_end"
    for d in sch.dates:
        if d.name == last_period:  # the same day as convention_end, said once
            continue
        fr, en = _adhesion_label(policy) if d.name == "adhesion_deadline" else _event_label(d.name)
        events.append((d.value, d.name, fr, en, d.citation, (d.how, d.how_in("en"))))
    if "tender_earliest_launch" in policy.params:
        fr, en = _event_label("tender_earliest_launch")
        events.append(
            (
                policy.value("tender_earliest_launch"),
                "tender_earliest_launch",
                fr,
                en,
                policy.citation("tender_earliest_launch"),
                ("art. 8", "art. 8"),
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
                ("fin du mois prévu", "end of the planned month"),
            )
        )
    events.sort(key=lambda e: (e[0], e[1]))
    return Decision(
        question="timeline",
        answer=TimelineAnswer.TIMELINE,
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
                    "how": how[0],
                    "hows": {"fr": how[0], "en": how[1]},
                }
                for day, name, fr, en, cit, how in events
            ],
            "windows": [w.to_dict() for w in sch.windows],
            "periods": [p.to_dict() for p in sch.periods],
            "coordinator": sch.terms.coordinator,
        },
    )
