"""The French vocabulary of délibérations, as data: labels of counts and sections,
procuration verbs, headings, outcomes, movements. All patterns run on folded text
(lower case, no accents) and have bounded repetitions only.
"""

from __future__ import annotations

import re

from .search import Anchored, Branches, WordStart, lookbehind_compiled, top_branches

# ----------------------------------------------------------------------------- patterns
# All on folded text (lower case, no accents), bounded repetitions only.


SECTION = re.compile(
    r"(?<![a-z])(?P<label>"
    r"(?:absente?s?\s+)?(?:excusee?s?\s+)?(?:ayant|qui\s+ont|ont)\s+donne\s+(?:pouvoir|procuration|"
    r"mandat|delegation)[a-z' ]{0,40}"
    # « Étaient également présents : » (staff, guests: not members)
    r"|(?:etai(?:en)?t|sont|est|etant|assistai(?:en)?t)\s+(?:egalement|aussi)(?:\s+presente?s?)?"
    r"|(?:etai(?:en)?t|sont|est|etant)\s+(?:presente?s?|absente?s?|excusee?s?|convoquee?s?|"
    r"representee?s?)(?:\s+(?:et\s+)?(?:excusee?s?|representee?s?|absente?s?))?"
    r"|(?:membres?|conseillers?)\s+(?:municipaux\s+)?(?:presente?s?|convoquee?s?)"
    r"|presente?s?"
    r"|absente?s?\s+(?:et\s+)?(?:excusee?s?|representee?s?)"
    r"|absents?\s+et\s+(?:procurations?|pouvoirs?)"
    r"|absents?\s+ayant\s+donne[a-z ]{0,30}"
    r"|absente?s?\s+avec\s+(?:pouvoirs?|procurations?)"
    r"|absente?s?|excusee?s?"
    r"|(?P<px>procurations?|pouvoirs?)"
    r"|ont\s+donne\s+(?:pouvoir|procuration|mandat|delegation)[a-z' ]{0,40}"
    r"|(?:est\s+designee?\s+)?secretaires?\s+de\s+(?:la\s+)?seance"
    r"|(?:(?:a\s+ete|est)\s+)?(?:nommee?|designee?|elue?)\s+(?:comme\s+)?secretaire(?:\s+de\s+seance)?"
    r"|secretaire(?=\s?:)|secretariat\s+de\s+(?:la\s+)?seance"
    r"|assistaient|ordre\s+du\s+jour|mandants?(?:\s+mandataires?)?|mandataires?"
    r"|(?:nombre\s+(?:de|des)\s+)?(?:conseillers?|membres?)\s+(?:municipaux\s+)?en\s+exercice"
    r"|en\s+exercice|votants|representes?"
    r")(?:\s(?:les|mm\.?|mmes|mesdames|messieurs|conseillers?|municipaux|membres?|suivants?|et|"
    r"non|excusee?s?|donnee?s?|ecrits?|de|la|du|conseil|municipal|representee?s?)){0,8}"
    # a colon, a line end, or (« Pouvoirs M. X à M. Y ») a civility after a procurations label
    r"\s?(?:\(\s?\d{1,3}\s?\))?\s?(?::\s?:?|$|(?(px)(?=(?:m\.|mmes?\s|monsieur\s|madame\s))|(?!)))",
    re.MULTILINE,
)

#: How a section label can begin (see :meth:`Document.scan`).
SECTION_STARTS = (
    *("absent", "excuse", "ayant", r"qui\s+ont", r"ont\s+donne", "etai", "etant", r"sont\s"),
    *(r"est\s", "membre", "conseiller", "present", "procuration", "pouvoir", "secretaire"),
    "secretariat",
    *(r"a\s+ete", "nomme", "designe", "elu", "assistai", r"ordre\s+du", "nombre"),
    *(r"en\s+exercice", "votants", "represente", "mandant", "mandataire"),
)


#: « Auditeurs présents : 24 », « Public présent : 12 »: the audience, not members
AUDIENCE_BEFORE = re.compile(r"(?:auditeurs?|public|personnes?|spectateurs?)\s?\Z")


def audience_at(f: str, pos: int) -> bool:
    """Is the « présents » label at ``pos`` that of the audience (not of the members)?"""
    return AUDIENCE_BEFORE.search(f, max(0, pos - 14), pos) is not None


#: « (Madame le Maire) présente les excuses de »: a verb, not the label of the présents
EXCUSES_PRESENTED = re.compile(r"presente\s+les\s+excuses")


def section_kind(label: str) -> str:
    label = re.sub(r"\s+", " ", label)
    if label.startswith("mandant") or label.startswith("mandataire"):
        return "other"  # a table of procurations, read by attendance.mandates_table
    if " egalement" in label or " aussi" in label:
        return "other"  # « Étaient également présents »: staff and guests, not members
    if EXCUSES_PRESENTED.match(label):
        return "restated"  # « le Maire présente les excuses de … »: the absents told again
    if "secretaire" in label or "secretariat" in label:
        return "secretary"
    if "convoque" in label:
        return "members"
    if "absents et procuration" in label or "absents et pouvoir" in label:
        return "absent"
    if "non represent" in label:
        return "absent"  # « Absents non représentés : »: no procuration in that list
    if "donne" in label or label.startswith(("procuration", "pouvoir")) or "represent" in label:
        return "proxy"
    if "present" in label:
        return "present"
    if "absent" in label or "excuse" in label:
        return "absent"
    if "represent" in label:
        return "proxy"
    return "other"


COUNT_LABELS: tuple[tuple[str, str], ...] = (
    (r"absents?\s+et\s+(?:procurations?|pouvoirs?|representes?)", "absents"),
    (
        r"(?:nombre\s+(?:de|des)\s+)?(?:conseillers?|membres?)(?:\s+municipaux)?\s+en\s+"
        r"(?:exercice|fonction)|en\s+exercice|en\s+fonction",
        "en_exercice",
    ),
    (
        # not « délégués titulaires présents : 15 » (a part of the présents, suppléants apart)
        r"(?:(?:nombre\s+(?:de|des)\s+)?(?:conseillers?\s+|membres?\s+)?"
        r"(?<!titulaires\s)(?<!suppleants\s)presents?"
        r"|nombre\s+de\s+delegues\s+titulaires\s+et\s+suppleants\s+presents)"
        r"(?:\s+a\s+l'appel(?:\s+nominal)?)?",
        "presents",
    ),
    (
        r"(?:nombre\s+(?:de|des)\s+)?votants|total\s+des\s+votes|nombre\s+de\s+votes|"
        r"(?:nombre\s+de\s+)?(?:membres\s+|conseillers\s+)?(?:qui\s+ont\s+|ayant\s+)pris\s+part\s+"
        r"(?:a\s+la\s+deliberation|au\s+vote)",
        "votants",
    ),
    (
        r"(?:nombre\s+(?:de|des)\s+)?(?:[\"«]\s?)?(?:representes?|procurations?|pouvoirs?)",
        "represented",
    ),
    (r"absents?", "absents"),
    (r"(?:nombre\s+de\s+)?suffrages\s+exprimes|exprimes", "exprimes"),
    (r"(?:votes?|resultats?)(?=\s?:\s?(?:pour|contre))", "_votes_label"),
    (r"(?:ont\s+vote\s+pour|votes?\s+pour|pour)", "pour"),
    (r"(?:ont\s+vote\s+contre|votes?\s+contre|contre)", "contre"),
    (r"(?:se\s+sont\s+abstenus|abstentions?(?:\(s\))?|abstenus?)", "abstentions"),
    (
        r"(?:nombre\s+de\s+)?(?:bulletins?|suffrages?)\s+(?:declares?\s+)?(?:blancs?\s+(?:et|ou)\s+nuls?|"
        r"nuls?\s+(?:et|ou)\s+blancs?)|blancs?\s+(?:et|ou)\s+nuls?",
        "blancs_nuls",
    ),
    (r"(?:nombre\s+de\s+)?(?:bulletins?|suffrages?)\s+(?:declares?\s+)?blancs?|blancs?", "blancs"),
    (r"(?:nombre\s+de\s+)?(?:bulletins?|suffrages?)\s+(?:declares?\s+)?nuls?|nuls?", "nuls"),
)


VOTE_KINDS = frozenset({"pour", "contre", "abstentions", "blancs_nuls", "blancs", "nuls"})
ZERO_MARKS = ("/", "-", "–", "—", "neant", "zero", "aucun", "aucune")
#: How each label can begin (literal-prefixed patterns, a superset of where the label's
#: pattern can match): the reader tries a label only where one of them starts a word.
COUNT_STARTS: dict[str, tuple[str, ...]] = {
    "absents": ("absent",),
    "en_exercice": ("nombre", "conseiller", "membre", r"en\s+exercice", r"en\s+fonction"),
    "presents": ("nombre", "conseiller", "membre", "present"),
    "votants": (
        *("nombre", "votants", "total", "membre", "conseiller"),
        *(r"qui\s+ont\s+pris", r"ayant\s+pris"),
    ),
    "represented": ("nombre", "represente", "procuration", "pouvoir", '"', "«"),
    "exprimes": ("nombre", "suffrage", "exprime"),
    "_votes_label": ("vote", "resultat"),
    "pour": (r"ont\s+vote", "vote", "pour"),
    "contre": (r"ont\s+vote", "vote", "contre"),
    "abstentions": (r"se\s+sont", "absten"),
    "blancs_nuls": ("nombre", "bulletin", "suffrage", "blanc"),
    "blancs": ("nombre", "bulletin", "suffrage", "blanc"),
    "nuls": ("nombre", "bulletin", "suffrage", "nul"),
}
LABEL_FIRST: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    (
        key,
        COUNT_STARTS[key],
        lookbehind_compiled(
            r"(?:" + pat + r")(?![a-z])(?:\s?[\"»])?"
            r"(?:\s?\(\s?(?P<pv>\d{1,3})\s?\)"
            # « Le nombre de membres en exercice est de : 32 »
            r"|(?P<sep>[ .…_]{2,60}|\s?[:=]\s?:?\s?|\s?[-–]\s?(?=\d)"
            r"|\s(?:est|sont)\s+de\s?:?\s?|[ ])"
            r"\(?\s?"
            r"(?P<val>\d{1,3}(?![\d/.,]\d)(?![a-z])(?!\s?%)|/|-|–|—|neant|zero|aucune?)"
            r"(?![a-z0-9]))"
        ),
    )
    for pat, key in COUNT_LABELS
]
NUMBER_FIRST = WordStart(
    not_after=r"\d/.,a-z",
    rest=r"(?P<val>\d{1,3})\s+(?P<label>presents?|procurations?|pouvoirs?|votants|"
    r"absents?|representes?|excuses?)(?![a-z])",
)
NF_KEY = {
    "present": "presents",
    "procuration": "represented",
    "pouvoir": "represented",
    "votant": "votants",
    "absent": "absents",
    "represente": "represented",
    "excuse": "excused",
}
NW = (
    r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingt|trente|quarante|cinquante|soixante|cent|et)"
)
NUM = r"(?P<n>\d{1,3}|" + NW + r"(?:[ -]" + NW + r"){0,4})"
VOICE_POUR = re.compile(
    r"(?<![a-z\d])" + NUM + r"\s+(?:voix\s+pour|pour(?=\s?[,;]?\s?(?:et\s+)?(?:\d{1,3}|[a-z]{2,12})"
    r"\s+(?:voix\s+)?contre))(?![a-z])"
)
VOICE_CONTRE = re.compile(r"(?<![a-z\d])" + NUM + r"\s+(?:voix\s+)?contre(?![a-z])")
VOICE_ABST = re.compile(r"(?<![a-z\d])" + NUM + r"\s+abstentions?(?![a-z])")
VOICE_BN = re.compile(
    r"(?<![a-z\d])" + NUM + r"\s+(?:bulletins?\s+|votes?\s+)?(?P<k>blancs?|nuls?)(?![a-z])"
)

URGENCE = WordStart(r"urgence(?![a-z])")
STRONG_STARTS = ("affaire", "delib", r"n\s?[°o]")
PUBLICATION_STARTS = ("publie", r"mise?\s+en", "affiche", "date", r"et\s+de\s+la", "publication")
COMMUNE_STARTS = (
    *(r"de\s+la\s+commune", "commune", "ville", r"conseil\s+municipal", "mairie"),
    r"c\.?c\.?a",
)
# The branches of an alternation, each searched on its own (each opens with a literal):
# the first match of the alternation starts where the earliest of theirs does.
SECOND_CONVOCATION = tuple(
    re.compile(p)
    for p in (
        r"seconde\s+convocation",
        r"deuxieme\s+convocation",
        r"nouvelle\s+convocation",
        r"quorum\s+n'(?:ayant|a)\s+pas\s+ete\s+atteint",
    )
)
RENEWAL = tuple(
    re.compile(p)
    for p in (
        r"installation\s+du\s+conseil",
        r"seance\s+d'installation",
        r"proclame\s+installes",
        r"renouvellement\s+general",
        r"l\.?\s?2121-7",
    )
)


UNANIMITY = re.compile(r"(?<!pas\s)(?<!n')(?<![a-z])(?:a\s?l'?\s?)?unanimite|unanimement")
REJECTED = re.compile(
    r"(?<![a-z])(?:rejete(?:e|s|es)?|rejette|rejettent|refuse(?:e|s|es|nt)?|n'adopte\s+pas|"
    r"n'approuve\s+pas|n'est\s+pas\s+adopte|non\s+adopte|"
    r"ne\s+sont\s+pas\s+adopte)(?![a-z])"
)
ADOPTED = re.compile(
    r"(?<![a-z])(?:adopte(?:e|s|es)?|approuve(?:e|s|es)?|decide|decident|accepte(?:e|s)?|fixe|"
    r"est\s+elue?|sont\s+elus|"
    r"valide(?:e|s)?|emet\s+un\s+avis\s+favorable|autorise|ont\s+ete\s+proclames?|"
    r"a\s+ete\s+proclamee?)(?![a-z])"
)
DECISION_CONTEXT = re.compile(
    r"unanimite|majorite|voix|delibere|vote\s+a\s+main|ont\s+vote|adopte|approuve"
)
#: (searched branch by branch from their literal words: see search.Branches)
SECRET = Branches(
    *top_branches(r"scrutin\s+secret|bulletins?\s+secrets?|vote\s+secret|bulletin\s+secret")
)
MAJORITY = re.compile(r"a\s+la\s+majorite")

# the branches of one alternation, searched on their own (see first_of)
END_MARKERS = tuple(
    re.compile(p)
    for p in (
        r"pour\s+extrait\s+conforme",
        r"certifie\s+executoire",
        r"peut\s+faire\s+l'objet\s+d'un\s+recours",
        r"vu\s+pour\s+etre\s+affiche",
        r"la\s+seance\s+est\s+levee",
        r"fait\s+et\s+delibere",
    )
)

STRONG_HEADING = re.compile(
    r"(?<![a-z])(?P<pre>(?:affaire|deliberation|delib\.?)\s+)?n\s?[°o]\s?(?P<id>[a-z0-9]"
    r"[a-z0-9./_-]{0,30})(?P<id2>\s+[a-z0-9][a-z0-9./_-]{1,30}(?=\s?[-–—:]))?"
    r"(?P<sep>\s?[-–—:]\s|\s+(?:[a-z]{1,5}\s+)?objet\s?:\s?)?"
)
PREFIX_HEADING = WordStart(
    r"(?:deliberation|delib\.?|dcm|dl)\s?(?P<id>\d[0-9a-z]{0,8}[-/._][0-9a-z./_-]{1,20}"
    r"|\d{3,12})(?P<sep>\s?[-–—:]\s)"
)
OBJET_HEADING = WordStart(
    not_after=r"a-z0-9./-", rest=r"(?P<id>\d[0-9a-z./_-]{0,20}\d)\s+(?:[a-z]{1,5}\s+)?objet\s?:\s?"
)
BARE_OBJET = WordStart(r"objet\s?:\s?")
WEAK_HEADING = re.compile(
    r"^[ ]?(?:(?P<id>\d{1,3}|\d{4}[-./_]\d{1,4}(?:[-./_]\d{1,4})?)[ ]?(?:[-–—/]|\))"
    r"|(?P<id2>\d{4}[-./_]\d{1,3}))[ ](?P<title>[A-ZÀ-Þ«\"].{2,300})$",
    re.MULTILINE,
)
TITLE_END = re.compile(
    r"(?<![a-z])(?:approuvee?s?|adoptee?s?|rejetee?s?|a\s+l'unanimite|vu\s|considerant|"
    r"le\s+conseil\s+municipal|la\s+loi\s|presents?\s|nota\b|il\s+est\s+expose|"
    r"departement\s|commune\s+de\s)"
)

PROXY_CONNECTOR = re.compile(
    r"\s?[,–—-]?\s?\(?\s?(?:(?:qui\s+)?(?:a|ayant|avait)\s+)?(?:donne\s+)?(?:(?:une\s+)?procuration|"
    r"(?:un\s+)?pouvoir|mandat|delegation\s+de\s+vote)(?:\s+(?:ecrit|ecrite|de\s+vote))?"
    r"(?:\s+(?:donnee?|remise?|confiee?))?"
    r"(?:\s+de\s+voter\s+en\s+son\s+nom)?\s+a\s+|\s?,?\s?(?:est\s+)?representee?s?\s+par\s+"
)
#: Before "pouvoir de Y": the one named before holds Y's procuration.
HOLDS_PROXY = re.compile(r"\s(?:a|detient|porte)\s+(?:le|un|la)\s+\Z")
THE_MAYOR = re.compile(r"(?:(?:m\.?|monsieur|madame|mme)\s+)?(?:le|la|madame\s+le)\s+maire")
PROXY_OF = re.compile(r"s?\s+(?:donnee?s?\s+)?(?:de|par)\s+(?=[a-z])")
LONE_CIVILITY = re.compile(
    r"(?:mesdames\s+et\s+messieurs|mmes\s+et\s+mm\.?|mesdames|messieurs|mmes|mm\.?|madame|monsieur)"
    r"(?:\s+les\s+(?:conseillers|membres|adjoints|elus)(?:\s+(?:municipaux|communautaires))?)?\s?[,;:]"
)
PROXY_ANCHOR = Branches(*top_branches(r"procuration|pouvoir|mandat|delegation|represente"))
#: ``PROXY_CONNECTOR.search``, tried only just before its words (PROXY_ANCHOR): before
#: them, a match holds only spaces, « , – — - ( » and the letters of « qui a ayant avait
#: donné un une est » (tests/readers/test_search.py checks it on random text)
PROXY_CONNECTOR_FIRST = Anchored(
    PROXY_CONNECTOR, PROXY_ANCHOR, prefix=",–—-(adeinoqstuvy", shape="392a7a4241c6"
)
PLAIN_A = re.compile(
    r"\s?\(?\s?(?:a|par|mandataire\s?:?)\s+(?=[a-z])"
    # « MARTIN Paul (DURAND Anne) »: in a list of procurations, the holder in parentheses
    r"|\s?\(\s?(?=(?:m\.|mmes?\s|monsieur\s|madame\s)?[a-z][a-z'-]+\s[a-z][a-z' -]*\))"
)
#: The member body a syndicat's or an EPCI's delegates sit for, heading their names in the
#: présents (« Commune de Chomérac : Monsieur Martin », « Commune d' : Messieurs X, Y »)
MEMBER_BODY = re.compile(
    r"(?:pour\s+la\s+)?(?:commune|ville)(?:\s+(?:de\s+(?:la\s+|l')?|du\s+|des\s+)|\s?d')"
    r"?[^:\n,;]{0,40}?\s?:\s?"
)
#: Where the next member body begins, after a name (« Chabal Commune de Meyse : »)
BODY_AHEAD = re.compile(r"[ ,]+(?=(?:pour\s+la\s+)?(?:commune|ville)(?![a-z])[^:\n,;]{0,44}:)")
#: A sub-list inside the présents of a syndicat or an EPCI: « Membres titulaires : »,
#: « Membres suppléants avec voix délibérative : » (they sit for an absent titulaire); a
#: bare « Suppléants : » (who may only attend) leaves the count of the présents open.
SUBLIST_LABEL = re.compile(
    r"(?:(?:membres?|delegue(?:e)?s?|conseillers?)\s+)?(?:titulaires?"
    r"|(?P<sits>suppleante?s?\s+"
    r"(?:avec\s+voix\s+deliberatives?|remplacant[a-z]{0,4}\s+[a-z ]{0,30}?))"
    r"|(?P<silent>suppleante?s?))\s?:\s?"
)
#: The label of a list of absents who each gave a procuration (« Absent avec procuration : »)
GAVE_PROXY_LABEL = re.compile(r"avec\s+(?:pouvoirs?|procurations?)")
#: « Absents avec procuration : MARTIN Paul (DURAND Anne) »: the holder in parentheses
PAREN_HOLDER = re.compile(
    r"\s?\(\s?(?=(?:m\.|mmes?\s|monsieur\s|madame\s)?[a-z][a-z'-]+\s[a-z][a-z' -]*\))"
)
#: Between two pairs of one sentence: « X à Y, Z à W et V à U ».
AND_PAIR = re.compile(r"\s?[,;]?\s?et\s+(?=[a-z])")
QUALIFIER = re.compile(
    r"\s?,?\s?(?:excusee?s?|absente?s?|\((?:[^()\n]{0,80})\)|maire|adjointe?|"
    r"(?:\d{1,2}\s?(?:er|e|eme|ere|re|°)\s+)?adjointe?|conseill[a-z]{1,6}(?:\s+municipa[a-z]{1,4})?|"
    r"(?:vice-)?presidente?|deleguee?|doyenne?)(?![a-z])"
)
SKIP_SEP = re.compile(r"(?:[\s,;|.–—()-]|\d{1,2}/\d{1,2}/\d{2,4}(?!\d)){0,12}")

DEPORT = Branches(
    *top_branches(
        r"se\s+deporte|se\s+deportent|ne\s+prend\s+pas\s+part|ne\s+prennent\s+pas\s+part|"
        r"ne\s+participe\s+pas\s+(?:au|a\s+ce)\s+vote|ne\s+participent\s+pas\s+(?:au|a\s+ce)\s+vote|"
        r"n'a\s+pas\s+pris\s+part\s+au\s+vote|s'abstient\s+de\s+participer|quitte\s+la\s+salle\s+pour"
    )
)


# (?<![a-z])(?:depart\s+de|sortie\s+de)\s+|quitte\s+la\s+seance|s'absente, as branches
# (the look-behind moved after the literal word, so each branch opens with it)
LEFT = Branches(
    r"depart(?<![a-z]depart)\s+de\s+",
    r"sortie(?<![a-z]sortie)\s+de\s+",
    r"quitte\s+la\s+seance",
    r"s'absente",
)
# (?<![a-z])(?:arrivee\s+de|retour\s+de)\s+|rejoint\s+la\s+seance|arrive\s+en\s+seance
ARRIVED = Branches(
    r"arrivee(?<![a-z]arrivee)\s+de\s+",
    r"retour(?<![a-z]retour)\s+de\s+",
    r"rejoint\s+la\s+seance",
    r"arrive\s+en\s+seance",
)


AT_TAIL = (
    r"\s+(?:en\s+seance\s+)?(?:au|a\s+la|lors\s+du|"
    r"lors\s+de\s+la|avant\s+le\s+vote\s+du|pendant\s+le)\s+(?:point|question|deliberation|"
    r"affaire|dossier)\s+(?:n\s?[°o]\s?)?(?P<n>\d{1,3})(?![\d/])"
)
# (?:est\s+)?(?:arrivee?|arrive|entre|entree) + AT_TAIL, as branches
ARRIVED_AT = Branches(
    r"est\s+(?:arrivee?|arrive|entre|entree)" + AT_TAIL,
    r"arrivee?" + AT_TAIL,
    r"(?:entre|entree)" + AT_TAIL,
)
LEFT_TAIL = (
    r"\s+(?:au|a\s+la|lors\s+du|apres\s+le|"
    r"avant\s+le)\s+(?:vote\s+du\s+)?(?:point|question|deliberation|affaire|dossier)\s+"
    r"(?:n\s?[°o]\s?)?(?P<n>\d{1,3})(?![\d/])"
)
# (?:quitte\s+la\s+seance|est\s+partie?|part|sort) + LEFT_TAIL, as branches
LEFT_AT = Branches(
    r"quitte\s+la\s+seance" + LEFT_TAIL,
    r"est\s+partie?" + LEFT_TAIL,
    r"part" + LEFT_TAIL,
    r"sort" + LEFT_TAIL,
)
#: How QUESTIONS can begin (it is searched from these words: see Document.scan)
QUESTIONS_STARTS = ("question", "point", "affaire")
QUESTIONS = WordStart(
    r"(?:questions?|points?|affaires?)\s+(?:n\s?°\s?)?(?P<a>\d{1,3})\s?(?:a|et|-)\s?"
    r"(?:(?P<b>\d{1,3})|la\s+fin)\s?:"
)
PUBLICATION = re.compile(
    r"(?<![a-z])(?:(?:publiee?s?|mise?\s+en\s+ligne|affichee?\s+et\s+publiee?)"
    r"(?:\s+(?:sur|au|a|en|par)\s+[a-z' ]{0,40}?)?\s+le(?![a-z])|date\s+de\s+(?:publication|"
    r"mise\s+en\s+ligne)|(?:et\s+de\s+la\s+)?publication,?\s+le(?![a-z]))"
)
COMMUNE = re.compile(
    r"(?<![a-z])(?:(?:de\s+la\s+)?commune\s+(?:de\s+|d'|du\s+)|ville\s+(?:de\s+|d'|du\s+)|"
    r"conseil\s+municipal\s+(?:de\s+|d'|du\s+)(?!la\s+commune)|mairie\s+(?:de\s+|d'|du\s+)|"
    r"c\.?c\.?a\.?s\.?\s+(?:de\s+|d'|du\s+))"
)
INSEE = re.compile(r"code\s+insee\s?:?\s?(?P<code>\d[0-9ab]\d{3})(?!\d)")
POPULATION = re.compile(
    r"population\s+(?:municipale\s+|legale\s+|totale\s+)?(?:de\s+|:\s?)?"
    r"(?P<n>\d{1,3}(?:[ .]\d{3}){0,2}|\d{1,7})\s+habitants"
)

#: Words that show the text speaks of procurations (a text that lists none then has none).
PROXY_WORDS = re.compile(r"procuration|pouvoir|represente")

#: Before a date, the words of a stamp or a publication line (not the date of a séance).
STAMP_BEFORE = re.compile(
    r"(?:affichee?|publiee?|recue?|transmise?|envoyee?|executoire)[^.\n]{0,12}$"
)
#: A verb of sending, in a sentence about the convocations.
SENT_VERB = re.compile(
    r"(?<![a-z])(?:transmise?s?|envoyee?s?|adressee?s?|expediee?s?|notifiee?s?|remise?s?)(?![a-z])"
)

#: The stamps of a tiers de télétransmission (SPEC C), each label and the fact it dates:
#: « Envoyé en préfecture le », « Reçu en préfecture le » (the transmission L2131-1
#: requires), « Publié le », « Affiché le » (on folded text).
STAMP_LABELS: tuple[tuple[str, WordStart], ...] = (
    ("sent_on", WordStart(r"envoye\s+(?:en|a\s+la)\s+(?:sous-)?prefecture\s+le\s?:?")),
    ("received_on", WordStart(r"recu\s+(?:en|a\s+la)\s+(?:sous-)?prefecture\s+le\s?:?")),
    ("published_on", WordStart(r"publiee?\s+le\s?:?")),
    ("posted_on", WordStart(r"affichee?\s+le\s?:?")),
)
#: The ACTES identifier of an act: 0DD-SIREN-YYYYMMDD-NUMBER-NATURE (on the clean text).
ACTES_ID = re.compile(
    r"(?<![\w-])ID\s?:\s?(?P<dep>\d{3}|\d{2}[AB]|0?2[AB])-(?P<siren>\d{9})-(?P<date>\d{8})-"
    r"(?P<number>[A-Za-z0-9_.]{1,40})-(?P<nature>[A-Z]{2})(?![\w-])"
)

#: A procuration that applies from a later item (« à partir de l'élection du maire »,
#: « à compter de son départ », « à partir du point 5 »): not one of the opening.
LATE_PROXY = re.compile(
    r"(?<![a-z])(?:a\s+partir|a\s+compter)\s+(?:de\s+|du\s+|d')(?P<what>[^()\n;,.]{2,80})"
)
#: « son départ », « sa sortie »: the procuration applies from the item the giver leaves at.
LATE_FROM_DEPARTURE = re.compile(r"(?:son|sa)\s+(?:depart|sortie)")
#: « la délibération GD80/14 », « du point 5 », « n° 2026-03 »: the item by its number.
LATE_ITEM_NUMBER = re.compile(
    r"(?:deliberation|point|question|affaire|n\s?[°o])\s*(?:n\s?[°o]\s?)?(?P<n>[a-z0-9][a-z0-9./_-]{0,20})"
)
#: The words of a title that say what a délibération decides (for placing a procuration).
KIND_TITLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "compte-administratif",
        re.compile(r"(?<![a-z])compte\s+(?:administratif|financier\s+unique)(?![a-z])"),
    ),
    (
        "election-maire-adjoints",
        re.compile(
            r"(?<![a-z])(?:election|elections|designation)\s+(?:du|de\s+la|des|d')\s*"
            r"(?:maire|adjoints?|maires?\s+adjoints?|maire\s+et\s+des\s+adjoints)(?![a-z])"
        ),
    ),
)

#: « tous les conseillers en exercice, à l'exception de … » opening a list of présents:
#: the names that follow are the absents.
ALL_PRESENT_EXCEPT = re.compile(
    r"[\s:]{0,6}(?:etaient\s+presents\s+)?tous\s+les\s+(?:conseillers|membres|elus)"
    r"(?:\s+(?:municipaux|communautaires))?(?:\s+en\s+exercice)?\s?,?\s?"
    r"(?:a\s+l'exception\s+de|sauf|excepte|hormis)\s?:?\s?"
)
#: « et de M. X » between the names of an exception.
AND_OF = re.compile(r"\s?(?:et|,)\s+(?:de\s+|d')")

#: The number of an item in a list flattened onto one line (« 1. M. X 2. Mme Y »).
LIST_NUMBER = re.compile(r"\d{1,3}\s?[.)°-]\s")
#: After an item's number in a list: « . M. », « ) Mme ».
LIST_ITEM_START = re.compile(r"[.)]\s?(?:m\.|mmes?\s|mm\.|monsieur\s|madame\s)")

#: A table of procurations: « MANDANTS » (givers) and « MANDATAIRES » (holders), as two
#: lists (« Mandants : X, Z — Mandataires : Y, W ») or as a header over rows of two names.
MANDANTS = re.compile(r"(?<![a-z])mandants?\s?:?\s")
MANDATAIRES = re.compile(r"(?<![a-z])mandataires?\s?:?\s?")
