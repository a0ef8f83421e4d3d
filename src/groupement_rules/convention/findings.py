"""The finding codes of the convention and their messages (SPEC A.7, A.8).

One place for every code: its severity when the rule is broken, and the French
and English templates over the finding's values (``{x:d}`` writes an ISO date
in long form, « 19 juillet 2028 », "19 July 2028"). The messages speak of any convention: what one
convention says in its own words comes from its policy file.
"""

from __future__ import annotations

from ..decision import Citation, Finding, Severity
from ..findings import Catalogue, FindingSpec

Templates = tuple[str, str]

#: Who may end an engagement early, by the policy's ``exclusion_by``.
EXCLUDER: dict[str, Templates] = {
    "judge": ("le juge", "a judge"),
    "coordinator": ("le coordonnateur", "the coordinator"),
    "committee": ("le comité des membres", "the members' committee"),
}

#: The act that counts, by reading (« adressé », « reçu », « délibéré »).
ACT: dict[str, Templates] = {
    "sent": ("adressé", "sent"),
    "received": ("reçu", "received"),
    "deliberation": ("décidé", "decided"),
}

TOO_EARLY_FORBIDDEN: Templates = (
    "Un courrier du {{request_date:d}} est trop précoce : le retrait n'est pas possible durant "
    "les {{forbidden_months}} premiers mois et seul compte un courrier {act_fr} du "
    "{{window_first_day:d}} au {{window_last_day:d}} inclus ; ce courrier ne vaut pas demande de "
    "retrait.",
    "A letter dated {{request_date:d}} is too early: withdrawal is not possible during the first "
    "{{forbidden_months}} months and only a letter {act_en} from {{window_first_day:d}} to "
    "{{window_last_day:d}} inclusive counts; this letter is no request.",
)
TOO_EARLY: Templates = (
    "Un courrier du {{request_date:d}} est trop précoce : seul compte un courrier {act_fr} du "
    "{{window_first_day:d}} au {{window_last_day:d}} inclus ; ce courrier ne vaut pas demande de "
    "retrait.",
    "A letter dated {{request_date:d}} is too early: only a letter {act_en} from "
    "{{window_first_day:d}} to {{window_last_day:d}} inclusive counts; this letter is no request.",
)
TOO_EARLY_NO_WITHDRAWAL: Templates = (
    "Un courrier du {request_date:d} ne peut valoir retrait : la convention ne prévoit aucune "
    "échéance de retrait avant sa fin, et l'adhérent reste engagé jusqu'au {engaged_until:d}.",
    "A letter dated {request_date:d} cannot be a withdrawal: the convention provides no échéance "
    "for a withdrawal before its end, and the adherent stays engaged until {engaged_until:d}.",
)
TOO_LATE: Templates = (
    "Un courrier du {{request_date:d}} est trop tardif (la fenêtre s'est fermée le "
    "{{window_last_day:d}}) : l'adhérent reste engagé jusqu'au {{engaged_until:d}}{tail_fr}",
    "A letter dated {{request_date:d}} is too late (the window closed on "
    "{{window_last_day:d}}): the adherent stays engaged until {{engaged_until:d}}{tail_en}",
)
TOO_LATE_NEXT: Templates = (
    "Un courrier du {request_date:d} est trop tardif pour l'échéance du {missed_echeance:d} "
    "(dernier jour : {window_last_day:d}) et ne vaut pas pour la suivante : une nouvelle demande "
    "peut être faite à partir du {window_opens_on:d}.",
    "A letter dated {request_date:d} is too late for the échéance of {missed_echeance:d} "
    "(last day: {window_last_day:d}) and does not count for the next one: a new request may be "
    "made from {window_opens_on:d}.",
)
TOO_LATE_TAIL: Templates = (
    ", seule une exclusion prononcée par {who_fr} pouvant y mettre fin avant.",
    "; only an exclusion by {who_en} can end it earlier.",
)
DEFERRED: Templates = (
    "Un courrier du {request_date:d} est trop tardif pour l'échéance du {missed_echeance:d} "
    "(dernier jour : {missed_last_day:d}) : le retrait prend effet à l'échéance suivante, le "
    "{effective_on:d}.",
    "A letter dated {request_date:d} is too late for the échéance of {missed_echeance:d} "
    "(last day: {missed_last_day:d}): the withdrawal takes effect at the next échéance, on "
    "{effective_on:d}.",
)
FORM_MISSING: Templates = (
    "La convention exige une délibération décidant le retrait ; aucune n'est indiquée.",
    "The convention requires a délibération deciding the withdrawal; none is given.",
)
NOT_MEMBER: dict[str, Templates] = {
    "excluded": (
        "Au {{request_date:d}}, l'adhérent a été exclu par décision {by_fr} : aucune fenêtre de "
        "retrait ne s'applique.",
        "On {{request_date:d}}, the adherent was excluded by {by_en} decision: no withdrawal "
        "window applies.",
    ),
    "withdrawn": (
        "Au {request_date:d}, l'adhérent s'est déjà retiré : aucune fenêtre de retrait ne "
        "s'applique.",
        "On {request_date:d}, the adherent has already withdrawn: no withdrawal window applies.",
    ),
    "convention-ended": (
        "Au {request_date:d}, la convention a pris fin le {ended_on:d} : aucune fenêtre de "
        "retrait ne s'applique.",
        "On {request_date:d}, the convention ended on {ended_on:d}: no withdrawal window applies.",
    ),
    "not-renewed": (
        "Au {request_date:d}, le marché n'a pas été renouvelé et a pris fin le {ended_on:d} : "
        "aucune fenêtre de retrait ne s'applique.",
        "On {request_date:d}, the market was not renewed and ended on {ended_on:d}: no withdrawal "
        "window applies.",
    ),
}
#: « par décision du juge », « a judge's decision »
EXCLUDED_BY: dict[str, Templates] = {
    "judge": ("du juge", "a judge's"),
    "coordinator": ("du coordonnateur", "the coordinator's"),
    "committee": ("du comité des membres", "the members' committee's"),
    "none": ("de ses membres", "its members'"),
}
READING_CHANGES: Templates = (
    "Selon l'autre lecture ({other_reading} : {other_date:d}), la réponse serait "
    "« {other_answer} » et non « {answer} ».",
    "Under the other reading ({other_reading}: {other_date:d}), the answer would be "
    "'{other_answer}', not '{answer}'.",
)


def fill(templates: Templates, **parts: str) -> Templates:
    """Fix the parts of a template that come from the policy (``{{...}}`` stay values)."""
    return templates[0].format(**parts), templates[1].format(**parts)


def emit(
    code: str,
    templates: Templates,
    citation: Citation,
    values: dict[str, object],
    severity: Severity | None = None,
) -> Finding:
    """A finding of ``code`` whose messages are ``templates`` over ``values``."""
    return Finding(
        code,
        severity or CATALOGUE[code].severity,
        templates[0],
        templates[1],
        citation,
        values,
        template=True,
    )


EXCLUSION_WITHOUT_JUDGMENT: Templates = (
    "Exclusion au {effective_on:d} sans décision du juge : elle est sans effet, l'adhérent "
    "reste membre.",
    "Exclusion from {effective_on:d} without a judge's decision: it has no effect and the "
    "adherent remains a member.",
)
EXCLUSION_WITHOUT_NOTICE: Templates = (
    "Exclusion au {{effective_on:d}} sans décision prise par {who_fr} après une mise en demeure "
    "restée sans effet pendant {{notice_days}} jours : elle est sans effet, l'adhérent reste "
    "membre.",
    "Exclusion from {{effective_on:d}} without a decision by {who_en} after a formal notice left "
    "without effect for {{notice_days}} days: it has no effect and the adherent remains a "
    "member.",
)


E, W = Severity.ERROR, Severity.WARNING


def _spec(code: str, severity: Severity, templates: Templates, citation: str) -> FindingSpec:
    return FindingSpec(code, severity, templates[0], templates[1], citation=citation)


#: Every code of the convention: its severity when the rule is broken (a check that
#: cannot run is a warning), where its citation comes from, and its plainest message.
#: The withdrawal rules choose among the variants above by the policy's clause.
CATALOGUE = Catalogue(
    "convention",
    [
        _spec(
            "member-kind-ineligible",
            E,
            ("« {kind} » n'est pas admis.", "'{kind}' is not eligible."),
            "eligible_member_kinds",
        ),
        _spec(
            "member-outside-territory",
            E,
            (
                "Département {departement} hors du territoire.",
                "Département {departement} outside the territory.",
            ),
            "territory_departements",
        ),
        _spec(
            "authorisation-missing",
            E,
            (
                "Aucune délibération n'autorise la signature de la convention.",
                "No délibération authorises signing the convention.",
            ),
            "required_annexes",
        ),
        _spec(
            "authorisation-after-signature",
            E,
            (
                "Délibération du {authorisation_date:d} postérieure à la signature du "
                "{signed_on:d}.",
                "Délibération of {authorisation_date:d} after the signature of {signed_on:d}.",
            ),
            "required_annexes",
        ),
        _spec(
            "authorisation-not-transmitted",
            E,
            (
                "Délibération non transmise au contrôle de légalité.",
                "Délibération not transmitted to the préfet.",
            ),
            "authorisation_must_be_transmitted",
        ),
        _spec(
            "adhesion-after-deadline",
            E,
            (
                "Adhésion après la date limite du {deadline:d}.",
                "Adhesion after the deadline of {deadline:d}.",
            ),
            "adhesion_deadline, adhesion_act",
        ),
        _spec(
            "annex-missing",
            E,
            ("Annexe {annex} manquante.", "Annex {annex} missing."),
            "required_annexes",
        ),
        _spec(
            "need-not-positive",
            E,
            (
                "Besoin exprimé de {need:pl(compte|comptes)} : il doit être positif.",
                "Expressed need of {need:pl(account|accounts)}: it must be positive.",
            ),
            "minimum_order_months",
        ),
        _spec(
            "orders-below-need",
            E,
            (
                "{ordered:pl(compte commandé|comptes commandés)}, moins que le besoin de {need}.",
                "{ordered:pl(account|accounts)} ordered, less than the need of {need}.",
            ),
            "minimum_order_months",
        ),
        _spec(
            "purchase-order-mismatch",
            E,
            (
                "Bon de commande différent du besoin exprimé de {need}.",
                "Purchase order other than the expressed need of {need}.",
            ),
            "purchase_order_equals_need",
        ),
        _spec(
            "withdrawal-too-early",
            E,
            TOO_EARLY_NO_WITHDRAWAL,
            "the withdrawal clause (withdrawal_notice_months, withdrawal_deadline_day or "
            "withdrawal_family)",
        ),
        _spec("withdrawal-too-late", E, TOO_LATE_NEXT, "the withdrawal clause"),
        _spec(
            "withdrawal-not-member",
            E,
            NOT_MEMBER["withdrawn"],
            "the withdrawal clause, or the convention's end",
        ),
        _spec("withdrawal-deferred", W, DEFERRED, "the withdrawal clause (withdrawal_late_letter)"),
        _spec("withdrawal-form-missing", E, FORM_MISSING, "withdrawal_requires_deliberation"),
        _spec("reading-changes-answer", W, READING_CHANGES, "withdrawal_request_date"),
        _spec(
            "exclusion-without-judgment",
            E,
            EXCLUSION_WITHOUT_JUDGMENT,
            "exclusion_requires_judgment, exclusion_by",
        ),
    ],
)
