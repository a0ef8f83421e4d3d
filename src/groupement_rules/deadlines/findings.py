"""The finding codes of the deadlines domain (SPEC Part C), declared once.

Each code: its severity, where its citation comes from, and its French and English
messages over the values the rule compared. Stable API, documented in
``docs/deadlines.md``.
"""

from __future__ import annotations

from ..decision import Severity
from ..findings import Catalogue, FindingSpec

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOGUE = Catalogue(
    "deadlines",
    [
        FindingSpec(
            "recours-not-running",
            INFO,
            "l'acte n'a été ni publié ni notifié : le délai de recours n'a pas commencé à "
            "courir, aucune date limite ne peut être calculée",
            "the act has been neither published nor notified: the délai de recours has not "
            "started, no last day can be computed",
            citation="recours_months (CJA R421-1)",
        ),
        FindingSpec(
            "recours-last-day-extended",
            INFO,
            "{what_fr} : le {unextended:d} n'est pas un jour ouvré (samedi, dimanche ou jour "
            "férié) ; le délai est prorogé au {last_day:d}",
            "{what_en}: {unextended:d} is not a working day (Saturday, Sunday or public "
            "holiday); the délai is extended to {last_day:d}",
            citation="recours_extension (CPC art. 642)",
        ),
        FindingSpec(
            "recours-month-end-order",
            W,
            "{what_fr} : en fin de mois l'ordre des opérations change le résultat ({how} → "
            "{last_day:d} ; {other_how} → {other_order:d}). Date prudente : "
            "{cautious_last_day:d}",
            "{what_en}: at the month end the order of operations changes the result "
            "({last_day:d} versus {other_order:d}). Cautious date: {cautious_last_day:d}",
            citation="recours_franc_order",
        ),
        FindingSpec(
            "recours-gracieux-interrupts",
            INFO,
            "le recours gracieux du {gracieux_on:d}, formé dans le délai (dernier jour "
            "{initial_last_day:d}), l'interrompt : un nouveau délai court à compter de son rejet",
            "the recours gracieux of {gracieux_on:d}, made within the délai (last day "
            "{initial_last_day:d}), interrupts it: a new délai runs from its rejection",
            citation="gracieux_interrupts (CRPA L411-2)",
        ),
        FindingSpec(
            "recours-gracieux-late",
            W,
            "le recours gracieux du {gracieux_on:d} est postérieur au dernier jour du délai "
            "({last_day:d}) : il n'interrompt pas le délai, qui est expiré",
            "the recours gracieux of {gracieux_on:d} comes after the last day of the délai "
            "({last_day:d}): it does not interrupt it, and the délai has expired",
            citation="gracieux_interrupts (CRPA L411-2)",
        ),
        FindingSpec(
            "recours-gracieux-before-start",
            W,
            "le recours gracieux du {gracieux_on:d} précède la {trigger} ({start:d}) : il est "
            "traité comme formé dans le délai",
            "the recours gracieux of {gracieux_on:d} precedes the {trigger} ({start:d}): treated "
            "as made within the délai",
            citation="gracieux_interrupts (CRPA L411-2)",
        ),
        FindingSpec(
            "recours-gracieux-after-cautious-date",
            W,
            "le recours gracieux du {gracieux_on:d} est postérieur à la date prudente "
            "({cautious_initial_last_day:d}) : selon l'autre ordre des opérations en fin de "
            "mois, il serait tardif et n'interromprait pas le délai",
            "the recours gracieux of {gracieux_on:d} comes after the cautious date "
            "({cautious_initial_last_day:d}): under the other order of operations at month ends "
            "it would be late and would not interrupt the délai",
            citation="recours_franc_order",
        ),
        FindingSpec(
            "recours-implicit-rejection",
            INFO,
            "sans réponse, le silence gardé {silence:pl(mois|mois)} fait naître un rejet "
            "implicite le {implicit_rejection_on:d} (date du recours gracieux + "
            "{silence:pl(mois|mois)}, prise comme date de réception : si le recours a été reçu "
            "plus tard, le rejet naît plus tard et cette date est la prudente)",
            "with no answer, {silence:pl(month|months)} of silence make an implicit rejection "
            "on {implicit_rejection_on:d} (date of the recours gracieux + "
            "{silence:pl(month|months)}, taken as the date of receipt: if it was received "
            "later, the rejection is born later and this date is the cautious one)",
            citation="gracieux_silence_months (CRPA L231-4; CJA R421-2)",
        ),
        FindingSpec(
            "recours-express-after-implicit",
            INFO,
            "le rejet exprès du {rejected_on:d} intervient après le rejet implicite né le "
            "{implicit_rejection_on:d}, avant l'expiration du délai ouvert par celui-ci "
            "(dernier jour {implicit_last_day:d}) : il fait à nouveau courir le délai de "
            "recours, compté à partir du rejet exprès",
            "the express rejection of {rejected_on:d} comes after the implicit rejection born "
            "on {implicit_rejection_on:d}, before the délai it opened expired (last day "
            "{implicit_last_day:d}): it makes the délai run again, counted from the express "
            "rejection",
            citation="express_rejection_reopens (CJA R421-2 al. 1, second sentence)",
        ),
        FindingSpec(
            "recours-express-after-expiry",
            W,
            "le rejet exprès du {rejected_on:d} intervient après l'expiration du délai ouvert "
            "par le rejet implicite né le {implicit_rejection_on:d} (dernier jour "
            "{implicit_last_day:d}) : décision confirmative, il ne rouvre pas le délai, compté "
            "à partir du rejet implicite",
            "the express rejection of {rejected_on:d} comes after the délai opened by the "
            "implicit rejection born on {implicit_rejection_on:d} expired (last day "
            "{implicit_last_day:d}): a confirmative decision, it does not reopen the délai, "
            "counted from the implicit rejection",
            citation="express_rejection_reopens (CJA R421-2 al. 1, second sentence)",
        ),
        FindingSpec(
            "recours-good-friday-uncertain",
            W,
            "dernier jour retenu : {last_day:d}, le Vendredi saint n'étant pas férié dans une "
            "commune d'Alsace-Moselle sans temple protestant ; si le calendrier du siège du "
            "tribunal administratif de Strasbourg s'appliquait, le délai irait jusqu'au "
            "{court_calendar_last_day:d} (point incertain)",
            "last day kept: {last_day:d}, Good Friday not being a holiday in an Alsace-Moselle "
            "commune without a Protestant temple; were the calendar of the seat of the tribunal "
            "administratif of Strasbourg to apply, the délai would run to "
            "{court_calendar_last_day:d} (uncertain)",
            citation="good_friday_reading (CPC art. 642; Code du travail L3134-13)",
        ),
        FindingSpec(
            "act-executory",
            INFO,
            "l'acte est exécutoire depuis le {executory_since:d}",
            "the act is executory since {executory_since:d}",
            citation="CGCT L2131-1",
        ),
        FindingSpec(
            "act-not-published",
            W,
            "l'acte n'a pas été publié (aucune date de publication, par exemple une mention "
            "« Publié sur le site internet le : » restée vide) : il n'est pas exécutoire et le "
            "délai de recours ne court pas",
            "the act has not been published (no publication date, e.g. an empty « Publié sur "
            "le site internet le : » line): it is not executory and the délai de recours does "
            "not run",
            citation="CGCT L2131-1 I et III",
        ),
        FindingSpec(
            "act-not-notified",
            W,
            "décision individuelle non notifiée : elle n'est pas exécutoire",
            "individual decision not notified: it is not executory",
            citation="CGCT L2131-1 II",
        ),
        FindingSpec(
            "act-not-transmitted",
            W,
            "l'acte fait partie de ceux que L2131-2 soumet à transmission au préfet, et aucune "
            "date de transmission n'est connue : il n'est pas exécutoire",
            "the act is one that L2131-2 requires to be transmitted to the préfet, and no date "
            "of transmission is known: it is not executory",
            citation="transmission_list (CGCT L2131-2)",
        ),
        FindingSpec(
            "act-dates-inconsistent",
            E,
            "{field} ({date:d}) précède l'adoption de l'acte ({adopted_on:d})",
            "{field} ({date:d}) precedes the adoption of the act ({adopted_on:d})",
            citation="CGCT L2131-1",
        ),
        FindingSpec(
            "publication-mode-not-allowed",
            E,
            "publication par {mode} dans une commune de {population} habitants : depuis le "
            "{reform:d}, seules les communes de moins de {threshold} habitants peuvent choisir "
            "un autre mode que la publication électronique ; l'acte n'est pas régulièrement "
            "publié",
            "publication by {mode} in a commune of {population} inhabitants: since {reform:d}, "
            "only communes under {threshold} inhabitants may choose a mode other than "
            "electronic publication; the act is not duly published",
            citation="publication_choice_threshold (CGCT L2131-1 IV)",
        ),
        FindingSpec(
            "publication-mode-unchecked",
            W,
            "publication par {mode} : permise seulement aux communes de moins de {threshold} "
            "habitants qui l'ont choisie par délibération ; la population n'est pas connue, la "
            "régularité de la publication n'a pas pu être vérifiée",
            "publication by {mode}: allowed only to communes under {threshold} inhabitants "
            "that chose it by délibération; the population is not known, so the publication "
            "could not be checked",
            citation="publication_choice_threshold (CGCT L2131-1 IV)",
        ),
    ],
)

#: Every finding code of the domain (stable API, docs/deadlines.md).
FINDING_CODES: tuple[str, ...] = CATALOGUE.codes

__all__ = ["CATALOGUE", "FINDING_CODES"]
