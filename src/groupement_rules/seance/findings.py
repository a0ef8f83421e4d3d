"""The finding codes of the séance domain (SPEC B.4 and the codes added beyond it).

Each code is declared once: its severity, where its citation comes from, and its French
and English messages over the values the rule compared. Rules emit them with
``CATALOGUE.emit(code, citation, deliberation=…, **values)``. The codes still written
inline by older rules are listed in :data:`groupement_rules.seance.rules.CODES` too.
"""

from __future__ import annotations

from ..decision import Severity
from ..findings import Catalogue, FindingSpec

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOGUE = Catalogue(
    "seance",
    [
        FindingSpec(
            "convocation-too-late",
            E,
            "Convocation envoyée le {sent_on:d} : {jours_francs:pl(jour franc|jours francs)} "
            "avant la séance du {seance_on:d}, il en faut {required} (envoi au plus tard le "
            "{latest_sending_day:d}).",
            "Convocation sent on {sent_on:d}: {jours_francs:pl(clear day|clear days)} before "
            "the séance of {seance_on:d}; {required} are required (send by "
            "{latest_sending_day:d}).",
            citation="convocation_jours_francs_* (L2121-7, L2121-11, L2121-12; L2541-2)",
        ),
        FindingSpec(
            "second-convocation-interval",
            W,
            "Seconde convocation envoyée le {sent_on:d}, "
            "{jours_francs:pl(jour franc|jours francs)} avant la nouvelle séance : il en faut "
            "{required} pour délibérer sans quorum (le délai court de l'envoi de la nouvelle "
            "convocation ; une convocation d'urgence n'en dispense pas). Le quorum s'applique.",
            "Second convocation sent on {sent_on:d}, {jours_francs:pl(clear day|clear days)} "
            "before the new séance: {required} are required to deliberate without quorum (the "
            "délai runs from the sending of the new convocation; an urgent convocation does "
            "not dispense with it). The quorum applies.",
            citation="second_convocation_interval_jours_francs (L2121-17 al. 2; CE Anould)",
        ),
        FindingSpec(
            "second-convocation-notice-missing",
            W,
            "Seconde convocation en Alsace-Moselle : elle ne rappelle pas expressément que le "
            "conseil délibérera quel que soit le nombre des présents ; le quorum s'applique.",
            "Second convocation in Alsace-Moselle: it does not expressly recall that the "
            "council will deliberate whatever the number present; the quorum applies.",
            citation="am_second_convocation_requires_notice (L2541-4 1°)",
        ),
        FindingSpec(
            "quorum-not-reached",
            E,
            "Quorum non atteint : {counted:pl(membre compté|membres comptés)}, il en faut "
            "{quorum} sur {en_exercice} en exercice.",
            "Quorum not reached: {counted:pl(member|members)} counted, {quorum} required out of "
            "{en_exercice} en exercice.",
            citation="quorum (L2121-17 al. 1; the 2020-2022 regimes); a warning when a second "
            "convocation's sending day is unknown (dispense_unverified)",
        ),
        FindingSpec(
            "quorum-dispensed",
            INFO,
            "Quorum non atteint ({counted} sur {quorum} requis), mais le conseil délibère "
            "valablement sans quorum : {reason_fr}.",
            "Quorum not reached ({counted} of {quorum} required), but the council deliberates "
            "validly without quorum: {reason_en}.",
            citation="second_convocation_interval_jours_francs, "
            "am_second_convocation_requires_notice or am_interested_half_dispenses_quorum",
        ),
        FindingSpec(
            "maire-presides-compte-administratif",
            E,
            "Le compte administratif est présidé par le maire « {name} » : le conseil élit son "
            "président pour ce point.",
            "The compte administratif is presided by the maire '{name}': the council elects its "
            "own president for this item.",
            citation="compte_administratif_maire_withdraws (L2121-14 al. 2)",
        ),
        FindingSpec(
            "maire-voted-compte-administratif",
            E,
            "{declared} votants déclarés, {computed} calculés : l'écart ({extra}) correspond au "
            "maire « {name} », qui doit se retirer au moment du vote du compte administratif.",
            "{declared} votants declared, {computed} computed: the difference ({extra}) is the "
            "maire '{name}', who must withdraw for the vote of the compte administratif.",
            citation="compte_administratif_maire_withdraws (L2121-14 al. 2)",
        ),
        FindingSpec(
            "election-not-presided-by-eldest",
            W,
            "L'élection est présidée par « {president} », et non par le doyen d'âge "
            "« {eldest} » : la séance où est élu le maire est présidée par le plus âgé des "
            "membres (l'élection des adjoints peut l'être par le maire nouvellement élu).",
            "The election is presided by '{president}', not by the eldest member '{eldest}': "
            "the séance electing the maire is presided by the oldest member (the election of "
            "the adjoints may be presided by the newly elected maire).",
            citation="election_presided_by_eldest (L2122-8 al. 1)",
        ),
        FindingSpec(
            "proxy-self",
            E,
            "« {giver} » se donne procuration à lui-même ou elle-même.",
            "'{giver}' gives a procuration to themself.",
            citation="max_proxies_per_holder (L2121-20 al. 1)",
        ),
        FindingSpec(
            "proxy-holder-not-member",
            E,
            "Le porteur de la procuration de « {giver} », « {holder} », n'est pas un membre en "
            "exercice (« un collègue »).",
            "The holder of '{giver}''s procuration, '{holder}', is not a member en exercice "
            "('un collègue').",
            citation="max_proxies_per_holder (L2121-20 al. 1)",
        ),
        FindingSpec(
            "proxy-holder-absent",
            E,
            "« {holder} », porteur de la procuration de « {giver} », est absent ou absente : la "
            "procuration ne peut pas être exercée.",
            "'{holder}', holder of '{giver}''s procuration, is absent: the procuration cannot "
            "be used.",
            citation="max_proxies_per_holder (L2121-20 al. 1)",
        ),
        FindingSpec(
            "proxy-giver-present",
            E,
            "« {giver} » a donné procuration mais n'est pas noté absent ou absente : seul un "
            "conseiller empêché d'assister à la séance peut la donner.",
            "'{giver}' gave a procuration but is not listed as absent: only a member unable "
            "to attend may give one.",
            citation="max_proxies_per_holder (L2121-20 al. 1)",
        ),
        FindingSpec(
            "proxy-expired",
            E,
            "La procuration de « {giver} » sert pour la {consecutive_seances}e séance "
            "consécutive ; au plus {maximum} sauf maladie dûment constatée.",
            "'{giver}''s procuration serves for the {consecutive_seances}th consecutive "
            "séance; at most {maximum} unless illness is certified.",
            citation="proxy_max_consecutive_seances (L2121-20 al. 1)",
        ),
        FindingSpec(
            "proxy-holder-overloaded",
            E,
            "« {holder} » porte {held:pl(procuration|procurations)} ({givers_text}) ; au plus "
            "{maximum} à cette date. Seules les premières, dans cette limite, sont comptées.",
            "'{holder}' holds {held:pl(procuration|procurations)} ({givers_text}); at most "
            "{maximum} on this date. Only the first, within that limit, are counted.",
            citation="max_proxies_per_holder (L2121-20 al. 1; the 2020-2022 regimes)",
        ),
        FindingSpec(
            "secretary-not-present",
            E,
            "Le ou la secrétaire de séance « {name} » est noté absent ou absente.",
            "The secretary of the séance '{name}' is listed as absent.",
            citation="secretary_from_members (L2121-15; L2541-6 in Alsace-Moselle)",
        ),
        FindingSpec(
            "outcome-mismatch",
            E,
            "Délibération déclarée {stated_fr}, mais le vote ({pour} pour, {contre} contre) la "
            "donne {computed_fr}.",
            "Délibération stated {stated}, but the vote ({pour} for, {contre} against) gives "
            "{computed}.",
            citation="president_casting_vote, secret_ballot_tie_rejects (L2121-20) or "
            "compte_administratif_adopted_unless_majority_against (L1612-12)",
        ),
        FindingSpec(
            "unanimity-with-contre",
            W,
            "« À l'unanimité » déclarée, mais {contre:pl(voix contre|voix contre)}.",
            "'À l'unanimité' stated, but {contre:pl(vote|votes)} against.",
            citation="exprimes_exclude (L2121-20 al. 2)",
        ),
        FindingSpec(
            "unanimity-of-exprimes",
            INFO,
            "{pour} pour, 0 contre, {not_exprimes} {not_exprimes:pw(abstention ou bulletin "
            "blanc ou nul|abstentions ou bulletins blancs ou nuls)} : adoptée à l'unanimité des "
            "suffrages exprimés{note_fr}.",
            "{pour} for, 0 against, {not_exprimes} {not_exprimes:pw(abstention or blank or "
            "spoilt ballot|abstentions or blank or spoilt ballots)}: adopted unanimously of the "
            "suffrages exprimés{note_en}.",
            citation="exprimes_exclude (L2121-20 al. 2)",
        ),
        FindingSpec(
            "member-listed-twice",
            W,
            "« {name} » figure deux fois dans la liste {list_fr}.",
            "'{name}' is listed twice in the list {list}.",
            citation="declared_counts (L2121-15: the procès-verbal names the members)",
        ),
        FindingSpec(
            "member-unknown",
            W,
            "« {name} » ({role_fr}) ne désigne aucun membre en exercice, ou en désigne plusieurs.",
            "'{name}' ({role}) designates no member en exercice, or several.",
            citation="declared_counts (L2121-15: the procès-verbal names the members)",
        ),
        FindingSpec(
            "policy-uncertain",
            INFO,
            "Point incertain du droit applicable à cette date : {point_fr}",
            "Uncertain point of the law in force on this date: {point_en}",
            citation="uncertain (the policy's own record of what it cannot settle)",
        ),
    ],
)

__all__ = ["CATALOGUE"]
