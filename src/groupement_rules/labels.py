"""The words a person reads for the stable identifiers of a decision.

A decision names its question, its answer, its computed dates and its readings by
stable identifiers (``withdrawal``, ``too-late``, ``period_1_end``,
``declared_presents = with-deportes``): they are the keys integrators filter on and
never change. This module gives each of them its label in French and in English, so
that French text shows « fin de la première période » rather than ``period_1_end``,
and so that the JSON carries both labels (``answer_label``, ``dates[].label``,
``interpretations[].label``): a front-end in another language does not copy these
tables.

The tables are plain data, wired explicitly (nothing registers itself): a domain
that adds a question, an answer, a date or a reading adds its row here. Numbered
names (``window_2_first_day``) match the row whose numbers are written ``{n}``.
"""

from __future__ import annotations

import functools
import re

#: A label in French and in English.
Pair = tuple[str, str]

QUESTIONS: dict[str, Pair] = {
    # convention (Part A)
    "withdrawal": ("Demande de retrait", "Withdrawal request"),
    "withdrawal-windows": ("Fenêtres de retrait", "Withdrawal windows"),
    "status": ("Situation de l'adhésion", "Status of the adhesion"),
    "adherent": ("Dossier d'adhérent", "Adherent file"),
    "timeline": ("Calendrier de la convention", "Timeline of the convention"),
    # séance (Part B)
    "seance": ("Séance du conseil municipal", "Municipal council séance"),
    "convocation": ("Délai de convocation", "Convocation délai"),
    # deadlines (Part C)
    "recours": ("Délai de recours contentieux", "Recours deadline"),
    "executory": ("Caractère exécutoire", "Executory force"),
}

#: Answers by value; a ``"question:answer"`` row overrides one question's answer.
ANSWERS: dict[str, Pair] = {
    # convention
    "allowed": ("retrait valable", "withdrawal allowed"),
    "too-early": ("trop tôt", "too early"),
    "too-late": ("trop tard", "too late"),
    "not-member": ("n'est plus membre", "no longer a member"),
    "adhered": ("adhérent (marché non commencé)", "adhered (market not started)"),
    "first-period": ("première période", "first period"),
    "second-period": ("période renouvelée", "renewed period"),
    "withdrawn": ("retiré", "withdrawn"),
    "ended": ("terminé", "ended"),
    "excluded": ("exclu", "excluded"),
    "valid": ("valide", "valid"),
    "incomplete": ("incomplet (vérifications impossibles)", "incomplete (checks could not run)"),
    "invalid": ("non conforme", "invalid"),
    "windows": ("fenêtres calculées", "windows computed"),
    "none": ("aucune fenêtre de retrait", "no withdrawal window"),
    "timeline": ("calendrier calculé", "timeline computed"),
    # séance
    "to-review": ("à vérifier", "to review"),
    "computed": ("calculé", "computed"),
    "convocation:computed": ("date limite d'envoi calculée", "latest sending day computed"),
    # deadlines
    "deadline": ("date limite calculée", "deadline computed"),
    "not-running": ("le délai ne court pas", "the délai does not run"),
    "executory": ("exécutoire", "executory"),
    "not-executory": ("non exécutoire", "not executory"),
}

#: Computed dates by name; ``{n}`` stands for the number in a numbered name.
DATES: dict[str, Pair] = {
    # convention
    "market_start": ("entrée en vigueur du marché", "start of the market"),
    "adhesion_deadline": (
        "date limite d'envoi de la convention signée",
        "deadline for sending the signed convention",
    ),
    "period_{n}_end": ("fin de la période {n}", "end of period {n}"),
    "period_1_end": ("fin de la première période", "end of the first period"),
    "withdrawal_allowed_from": (
        "premier jour où un retrait peut prendre effet",
        "first day a withdrawal may take effect",
    ),
    "window_{n}_first_day": (
        "premier jour de la fenêtre de retrait {n}",
        "first day of withdrawal window {n}",
    ),
    "window_{n}_last_day": (
        "dernier jour de la fenêtre de retrait {n}",
        "last day of withdrawal window {n}",
    ),
    "convention_end": ("fin de la convention", "end of the convention"),
    "engaged_until": ("fin de l'engagement", "end of the engagement"),
    "letters_from": (
        "premier jour pour adresser la demande de retrait",
        "first day to send the withdrawal letter",
    ),
    "letters_until": (
        "dernier jour pour adresser la demande de retrait",
        "last day to send the withdrawal letter",
    ),
    # séance
    "latest_sending_day": (
        "dernier jour d'envoi de la convocation",
        "latest day to send the convocation",
    ),
    # deadlines
    "recours_last_day": ("dernier jour du recours", "last day of the recours"),
    "initial_last_day": (
        "dernier jour du recours avant le recours gracieux",
        "last day of the recours before the recours gracieux",
    ),
    "last_day": (
        "dernier jour du recours après le rejet",
        "last day of the recours after the rejection",
    ),
    "implicit_rejection_on": ("rejet implicite", "implicit rejection"),
    "implicit_rejection_last_day": (
        "dernier jour du recours après le rejet implicite",
        "last day of the recours after the implicit rejection",
    ),
    "executory_since": ("exécutoire depuis", "executory since"),
    "last_day_if_good_friday_counts": (
        "dernier jour du recours si le Vendredi saint est férié",
        "last day of the recours if Good Friday is a holiday",
    ),
}

#: The suffix a date computed in the other order of operations carries.
_OTHER_ORDER = ("_other_order", " (autre ordre des opérations)", " (other order of operations)")

#: Readings (interpretations) by key, and their values by ``(key, value)``.
READINGS: dict[str, Pair] = {
    "withdrawal_request_date": ("date de la demande de retrait", "date of the withdrawal request"),
    "declared_presents": (
        "nombre de présents déclaré",
        "declared number of members present",
    ),
    "population": ("population de la commune", "population of the commune"),
    "recours_franc_order": (
        "ordre des opérations du délai franc",
        "order of operations of the délai franc",
    ),
    "implicit_rejection_date": ("date du rejet implicite", "date of the implicit rejection"),
    "local_law": ("droit applicable à la commune", "law that applies to the commune"),
    "maire": ("maire de la commune", "maire of the commune"),
    "express_rejection_before_expiry": (
        "rejet exprès avant l'expiration du délai",
        "express rejection before the délai expires",
    ),
    "good_friday_reading": ("Vendredi saint en Alsace-Moselle", "Good Friday in Alsace-Moselle"),
}
READING_VALUES: dict[tuple[str, str], Pair] = {
    ("withdrawal_request_date", "sent"): ("date d'envoi du courrier", "date the letter was sent"),
    ("withdrawal_request_date", "received"): (
        "date de réception du courrier",
        "date the letter was received",
    ),
    ("declared_presents", "with-deportes"): (
        "y compris les membres qui se déportent",
        "including the members standing aside",
    ),
    ("declared_presents", "without-deportes"): (
        "sans les membres qui se déportent",
        "without the members standing aside",
    ),
    ("population", "unknown-cautious"): (
        "inconnue : le délai le plus long",
        "unknown: the longer délai",
    ),
    ("population", "below-threshold"): ("sous le seuil", "below the threshold"),
    ("recours_franc_order", "months-then-day"): (
        "les mois, puis le jour franc",
        "the months, then the franc day",
    ),
    ("recours_franc_order", "day-then-months"): (
        "le jour franc, puis les mois",
        "the franc day, then the months",
    ),
    ("implicit_rejection_date", "same-quantieme"): (
        "de quantième à quantième",
        "same day of the month",
    ),
    ("implicit_rejection_date", "day-after"): ("le lendemain", "the day after"),
    ("local_law", "general"): ("droit général", "the general law"),
    ("local_law", "alsace-moselle"): (
        "droit local d'Alsace-Moselle",
        "the local law of Alsace-Moselle",
    ),
    ("maire", "seance-president"): (
        "le président de la séance est le maire",
        "the séance's president is the maire",
    ),
    ("maire", "named-maire"): ("le maire nommé", "the maire named"),
    ("express_rejection_before_expiry", "last-day-included"): (
        "le dernier jour du délai compris",
        "the last day of the délai included",
    ),
    ("express_rejection_before_expiry", "before-last-day"): (
        "avant le dernier jour du délai",
        "before the last day of the délai",
    ),
    ("good_friday_reading", "commune-calendar"): (
        "le calendrier de la commune",
        "the commune's calendar",
    ),
    ("good_friday_reading", "court-calendar"): (
        "le calendrier du tribunal administratif",
        "the calendar of the tribunal administratif",
    ),
}

_NUMBER = re.compile(r"(?<=_)\d+(?=_|$)")


def _pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def question_label(question: str) -> Pair | None:
    return QUESTIONS.get(question)


def answer_label(question: str, answer: str) -> Pair | None:
    return ANSWERS.get(f"{question}:{answer}") or ANSWERS.get(answer)


@functools.lru_cache(maxsize=1024)
def date_label(name: str) -> Pair | None:
    """The label of the computed date ``name`` (``window_2_first_day`` included)."""
    if name in DATES:
        return DATES[name]
    if name.endswith(_OTHER_ORDER[0]):
        base = date_label(name.removesuffix(_OTHER_ORDER[0]))
        return None if base is None else (base[0] + _OTHER_ORDER[1], base[1] + _OTHER_ORDER[2])
    numbers = _NUMBER.findall(name)
    if len(numbers) != 1:
        return None
    row = DATES.get(_NUMBER.sub("{n}", name))
    return None if row is None else (row[0].format(n=numbers[0]), row[1].format(n=numbers[0]))


def reading_label(key: str) -> Pair | None:
    return READINGS.get(key)


def reading_value_label(key: str, value: str) -> Pair | None:
    return READING_VALUES.get((key, value))


def as_dict(pair: Pair | None) -> dict[str, str] | None:
    """The JSON form of a label: ``{"fr": …, "en": …}``, or None when there is none."""
    return None if pair is None else {"fr": pair[0], "en": pair[1]}


def say(pair: Pair | None, lang: str, fallback: str) -> str:
    """The label in ``lang``, or ``fallback`` (the identifier) when there is none."""
    return fallback if pair is None else _pick(pair, lang)


_MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = (
    ("lundi", "Monday"),
    ("mardi", "Tuesday"),
    ("mercredi", "Wednesday"),
    ("jeudi", "Thursday"),
    ("vendredi", "Friday"),
    ("samedi", "Saturday"),
    ("dimanche", "Sunday"),
)


def long_date(year: int, month: int, day: int, lang: str = "fr") -> str:
    """A date as a person writes it: « 1er juillet 2028 », « 19 juillet 2028 », "19 July 2028"."""
    if lang == "en":
        return f"{day} {_MONTHS_EN[month - 1]} {year}"
    return f"{'1er' if day == 1 else day} {_MONTHS_FR[month - 1]} {year}"


def weekday(index: int, lang: str = "fr") -> str:
    """The name of the day of the week ``index`` (0 is Monday)."""
    return _pick(_WEEKDAYS[index], lang)


#: The connectives of a French reference and their English (« L2121-11 et L2121-12 »).
_REFERENCE_WORDS = ((" et ", " and "), (" à ", " to "))
_QUOTED = re.compile(r"(«[^»]*»)")


@functools.lru_cache(maxsize=1024)
def reference_en(article: str, article_en: str | None = None) -> str:
    """The English of a citation's article: its ``article_en``, else the reference with
    its connectives translated (article numbers, « al. » and quotations are kept)."""
    if article_en is not None:
        return article_en
    parts = _QUOTED.split(article)
    for i in range(0, len(parts), 2):  # the even parts are outside « »
        for fr, en in _REFERENCE_WORDS:
            parts[i] = parts[i].replace(fr, en)
    return "".join(parts)


#: The facts of a séance by their path in the facts format (docs/seance.md).
FIELDS: dict[str, Pair] = {
    "commune": ("commune", "commune"),
    "commune.name": ("nom de la commune", "name of the commune"),
    "commune.insee": ("code INSEE de la commune", "INSEE code of the commune"),
    "commune.population": ("population de la commune", "population of the commune"),
    "date": ("date de la séance", "date of the séance"),
    "convocation": ("convocation", "convocation"),
    "convocation.sent_on": ("date d'envoi de la convocation", "date the convocation was sent"),
    "convocation.urgent": ("urgence de la convocation", "urgency of the convocation"),
    "president": ("président de séance", "president of the séance"),
    "secretaries": ("secrétaire de séance", "secretary of the séance"),
    "members": ("membres du conseil", "members of the council"),
    "absent": ("absents à l'ouverture", "absent at the opening"),
    "present": ("présents", "members present"),
    "proxies": ("procurations", "procurations"),
    "publication": ("publication", "publication"),
    "publication.date": ("date de publication", "date of publication"),
    "number": ("numéro", "number"),
    "title": ("objet", "subject"),
    "outcome": ("issue du vote", "outcome of the vote"),
    "stood_aside": ("membres qui se déportent", "members standing aside"),
    "arrived": ("arrivées en cours de séance", "arrivals during the séance"),
    "left": ("départs en cours de séance", "departures during the séance"),
    "declared": ("nombres déclarés", "declared numbers"),
    "declared.en_exercice": ("nombre de membres en exercice", "number of members in office"),
    "declared.presents": ("nombre de présents", "number of members present"),
    "declared.represented": ("nombre de représentés", "number of members represented"),
    "declared.votants": ("nombre de votants", "number of members voting"),
    "declared.exprimes": ("nombre de suffrages exprimés", "number of votes cast"),
    "vote": ("décompte du vote", "count of the vote"),
    "vote.pour": ("voix pour", "votes for"),
    "vote.contre": ("voix contre", "votes against"),
    "vote.pour/contre": ("voix pour et contre", "votes for and against"),
    "vote.abstentions": ("abstentions", "abstentions"),
    "vote.blancs_nuls": ("bulletins blancs et nuls", "blank and spoilt ballots"),
    "vote.unanimous": ("unanimité", "unanimity"),
    "vote.president": ("voix du président", "vote of the president"),
    "vote.secret": ("scrutin secret", "secret ballot"),
    "proxies.from": ("mandant", "giver"),
    "proxies.to": ("mandataire", "holder"),
    "opening": ("ouverture de la séance", "opening of the séance"),
    "opening.presents": ("présents à l'ouverture", "members present at the opening"),
    "opening.proxies": ("procurations à l'ouverture", "procurations at the opening"),
    "stamps": ("mentions de transmission et de publication", "stamps"),
    "stamps.transmitted_on": (
        "date de transmission au préfet",
        "date of transmission to the préfet",
    ),
    "stamps.published_on": ("date de publication", "date of publication"),
    "stamps.received_on": ("date de réception en préfecture", "date of receipt by the préfecture"),
    "majority": ("majorité", "majority"),
    "quorum": ("quorum", "quorum"),
}
_ITEM = re.compile(r"^(\w+)\[(\d+)\]\.?")
_INDEX = re.compile(r"\[(\d+)\]$")
#: One item of a list of facts.
_ITEMS: dict[str, Pair] = {
    "deliberations": ("délibération", "délibération"),
    "proxies": ("procuration", "procuration"),
}


def field_label(path: str, lang: str = "fr") -> str:
    """A fact's path for people: ``deliberations[0].declared.votants`` is « délibération 1 :
    nombre de votants »; an unknown path is shown as it is."""
    prefix = ""
    m = _ITEM.match(path)
    if m and m.group(1) in _ITEMS:
        n = int(m.group(2)) + 1
        item = _pick(_ITEMS[m.group(1)], lang)
        rest = path[m.end() :]
        if not rest:
            return f"{item} {n}"
        prefix = f"{item} {n}" + (": " if lang == "en" else " : ")
        path = rest if m.group(1) == "deliberations" else f"{m.group(1)}.{rest}"
    index = _INDEX.search(path)
    if index:
        path = path[: index.start()]
    row = FIELDS.get(path)
    text = path if row is None else _pick(row, lang)
    if index:
        text += f" {int(index.group(1)) + 1}"
    return prefix + text


def field_list(paths: object, lang: str = "fr") -> str:
    """Several facts' paths for people, separated by commas."""
    items = paths if isinstance(paths, list | tuple) else [paths]
    return ", ".join(field_label(str(p), lang) for p in items)
