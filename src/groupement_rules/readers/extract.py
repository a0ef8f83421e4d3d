"""Text extracts of délibérations → séance facts (SPEC Part D, issue 4).

:func:`read_extract` reads the text of a délibération, an extract of the
register or a procès-verbal (a PDF turned into text, often by OCR) and returns
the séance facts in the input format of SPEC Part B (the dict that
``check-seance`` reads), with:

- ``provenance``: for each fact read, the line it came from and that line's text;
- ``unread``: what the text does not state legibly (left null, never guessed);
- ``publication``: whether a publication line is printed, and its date;
- ``opening``: the counts declared for the opening of the séance.

The reader is line- and label-driven with bounded patterns only, so its time is
linear in the size of the text whatever the input. See ``docs/reading.md``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ..errors import InputError
from .french_dates import find_dates, leading_number, year_after_an
from .names import resolve, take_name
from .textnorm import Lines, clean, fold, fold_key

MAX_CHARS = 20 * 1024 * 1024
#: Above this many names, matching a name inside messy text is skipped (keeps time linear).
MAX_KNOWN = 400

#: The format of ``read --json`` output.
FORMAT = "groupement-rules/extract/1"

COUNT_KEYS = ("en_exercice", "presents", "represented", "votants", "exprimes")
VOTE_KEYS = ("pour", "contre", "abstentions", "blancs_nuls")


@attrs.frozen
class ExtractResult:
    """What a text says about a séance, where it says it, and what it leaves unsaid."""

    facts: Mapping[str, Any]
    provenance: Mapping[str, Any]
    unread: tuple[Mapping[str, str], ...]
    publication: Mapping[str, Any]
    opening: Mapping[str, Any] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "facts": self.facts,
            "provenance": self.provenance,
            "unread": [dict(u) for u in self.unread],
            "publication": dict(self.publication),
            "opening": dict(self.opening),
        }


# ----------------------------------------------------------------------------- patterns
# All on folded text (lower case, no accents), bounded repetitions only.


class _WordStart:
    """A pattern ``(?<![a-z])REST`` (a match starts a word), searched faster.

    (``not_after`` replaces ``a-z`` for other look-behinds of one character.)

    Python's regex engine cannot skip ahead to a possible start when a pattern
    opens with a look-behind, so it tries the whole pattern at every position.
    ``REST`` alone opens with literals it can skip to; the look-behind is then
    checked on each hit. The matches are exactly those of the full pattern.
    ``REST`` must not be a top-level alternation (the look-behind would then
    guard only its first branch in the original pattern).
    """

    def __init__(self, rest: str, flags: int = 0, not_after: str = "a-z") -> None:
        self.pattern = re.compile(f"(?<![{not_after}])" + rest, flags)
        self._rest = re.compile(rest, flags)
        self._before = re.compile(f"[{not_after}]")

    def finditer(self, f: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        rest = self._rest
        while True:
            m = rest.search(f, pos, endpos)
            if m is None:
                return
            p = m.start()
            if p > 0 and self._before.match(f, p - 1) is not None:
                pos = p + 1  # inside a word: the full pattern does not match here
                continue
            yield m
            pos = m.end() if m.end() > p else p + 1

    def search(self, f: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(f, pos, endpos), None)


_SECTION = re.compile(
    r"(?<![a-z])(?P<label>"
    r"(?:absente?s?\s+)?(?:excusee?s?\s+)?(?:ayant|qui\s+ont|ont)\s+donne\s+(?:pouvoir|procuration|"
    r"mandat|delegation)[a-z' ]{0,40}"
    r"|(?:etai(?:en)?t|sont|est|etant)\s+(?:presente?s?|absente?s?|excusee?s?|convoquee?s?|"
    r"representee?s?)(?:\s+(?:et\s+)?(?:excusee?s?|representee?s?|absente?s?))?"
    r"|(?:membres?|conseillers?)\s+(?:municipaux\s+)?(?:presente?s?|convoquee?s?)"
    r"|presente?s?"
    r"|absente?s?\s+(?:et\s+)?(?:excusee?s?|representee?s?)"
    r"|absents?\s+et\s+(?:procurations?|pouvoirs?)"
    r"|absents?\s+ayant\s+donne[a-z ]{0,30}"
    r"|absente?s?\s+avec\s+(?:pouvoirs?|procurations?)"
    r"|absente?s?|excusee?s?"
    r"|procurations?|pouvoirs?"
    r"|ont\s+donne\s+(?:pouvoir|procuration|mandat|delegation)[a-z' ]{0,40}"
    r"|(?:est\s+designee?\s+)?secretaires?\s+de\s+(?:la\s+)?seance"
    r"|(?:(?:a\s+ete|est)\s+)?(?:nommee?|designee?|elue?)\s+(?:comme\s+)?secretaire(?:\s+de\s+seance)?"
    r"|secretaire(?=\s?:)|secretariat\s+de\s+(?:la\s+)?seance"
    r"|assistaient|ordre\s+du\s+jour"
    r"|(?:nombre\s+(?:de|des)\s+)?(?:conseillers?|membres?)\s+(?:municipaux\s+)?en\s+exercice"
    r"|en\s+exercice|votants|representes?"
    r")(?:\s(?:les|mm\.?|mmes|mesdames|messieurs|conseillers?|municipaux|membres?|suivants?|et|"
    r"non|excusee?s?|donnee?s?|ecrits?|de|la|du|conseil|municipal|representee?s?)){0,6}"
    r"\s?(?:\(\s?\d{1,3}\s?\))?\s?(?::\s?:?|$)",
    re.MULTILINE,
)

#: How a section label can begin (see :meth:`_Doc.scan`).
_SECTION_STARTS = (
    *("absent", "excuse", "ayant", r"qui\s+ont", r"ont\s+donne", "etai", "etant", r"sont\s"),
    *(r"est\s", "membre", "conseiller", "present", "procuration", "pouvoir", "secretaire"),
    "secretariat",
    *(r"a\s+ete", "nomme", "designe", "elu", "assistaient", r"ordre\s+du", "nombre"),
    *(r"en\s+exercice", "votants", "represente"),
)


def _section_kind(label: str) -> str:
    label = re.sub(r"\s+", " ", label)
    if "secretaire" in label or "secretariat" in label:
        return "secretary"
    if "convoque" in label:
        return "members"
    if "absents et procuration" in label or "absents et pouvoir" in label:
        return "absent"
    if "donne" in label or label.startswith(("procuration", "pouvoir")) or "represent" in label:
        return "proxy"
    if "present" in label:
        return "present"
    if "absent" in label or "excuse" in label:
        return "absent"
    if "represent" in label:
        return "proxy"
    return "other"


_COUNT_LABELS: tuple[tuple[str, str], ...] = (
    (r"absents?\s+et\s+(?:procurations?|pouvoirs?|representes?)", "absents"),
    (
        r"(?:nombre\s+(?:de|des)\s+)?(?:conseillers?|membres?)(?:\s+municipaux)?\s+en\s+exercice"
        r"|en\s+exercice",
        "en_exercice",
    ),
    (r"(?:nombre\s+(?:de|des)\s+)?(?:conseillers?\s+|membres?\s+)?presents?", "presents"),
    (
        r"(?:nombre\s+(?:de|des)\s+)?votants|total\s+des\s+votes|nombre\s+de\s+votes|"
        r"(?:nombre\s+de\s+)?(?:membres\s+|conseillers\s+)?(?:qui\s+ont\s+|ayant\s+)pris\s+part\s+"
        r"(?:a\s+la\s+deliberation|au\s+vote)",
        "votants",
    ),
    (r"representes?|procurations?|pouvoirs?", "represented"),
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


def _lookbehind_compiled(rest: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])" + rest)


_VOTE_KINDS = frozenset({"pour", "contre", "abstentions", "blancs_nuls", "blancs", "nuls"})
_ZERO_MARKS = ("/", "-", "–", "—", "neant", "zero", "aucun", "aucune")
#: How each label can begin (literal-prefixed patterns, a superset of where the label's
#: pattern can match): the reader tries a label only where one of them starts a word.
_COUNT_STARTS: dict[str, tuple[str, ...]] = {
    "absents": ("absent",),
    "en_exercice": ("nombre", "conseiller", "membre", r"en\s+exercice"),
    "presents": ("nombre", "conseiller", "membre", "present"),
    "votants": (
        *("nombre", "votants", "total", "membre", "conseiller"),
        *(r"qui\s+ont\s+pris", r"ayant\s+pris"),
    ),
    "represented": ("represente", "procuration", "pouvoir"),
    "exprimes": ("nombre", "suffrage", "exprime"),
    "_votes_label": ("vote", "resultat"),
    "pour": (r"ont\s+vote", "vote", "pour"),
    "contre": (r"ont\s+vote", "vote", "contre"),
    "abstentions": (r"se\s+sont", "absten"),
    "blancs_nuls": ("nombre", "bulletin", "suffrage", "blanc"),
    "blancs": ("nombre", "bulletin", "suffrage", "blanc"),
    "nuls": ("nombre", "bulletin", "suffrage", "nul"),
}
_LABEL_FIRST: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [
    (
        key,
        _COUNT_STARTS[key],
        _lookbehind_compiled(
            r"(?:" + pat + r")(?![a-z])"
            r"(?:\s?\(\s?(?P<pv>\d{1,3})\s?\)"
            r"|(?P<sep>[ .…_]{2,60}|\s?[:=]\s?:?\s?|\s?[-–]\s?(?=\d)|[ ])"
            r"(?P<val>\d{1,3}(?![\d/.,]\d)(?![a-z])|/|-|–|—|neant|zero|aucune?)(?![a-z0-9]))"
        ),
    )
    for pat, key in _COUNT_LABELS
]
_NUMBER_FIRST = _WordStart(
    not_after=r"\d/.,a-z",
    rest=r"(?P<val>\d{1,3})\s+(?P<label>presents?|procurations?|pouvoirs?|votants|"
    r"absents?|representes?|excuses?)(?![a-z])",
)
_NF_KEY = {
    "present": "presents",
    "procuration": "represented",
    "pouvoir": "represented",
    "votant": "votants",
    "absent": "absents",
    "represente": "represented",
    "excuse": "excused",
}
_NW = (
    r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    r"seize|vingt|trente|quarante|cinquante|soixante|cent|et)"
)
_NUM = r"(?P<n>\d{1,3}|" + _NW + r"(?:[ -]" + _NW + r"){0,4})"
_VOICE_POUR = re.compile(
    r"(?<![a-z\d])"
    + _NUM
    + r"\s+(?:voix\s+pour|pour(?=\s?[,;]?\s?(?:et\s+)?(?:\d{1,3}|[a-z]{2,12})"
    r"\s+(?:voix\s+)?contre))(?![a-z])"
)
_VOICE_CONTRE = re.compile(r"(?<![a-z\d])" + _NUM + r"\s+(?:voix\s+)?contre(?![a-z])")
_VOICE_ABST = re.compile(r"(?<![a-z\d])" + _NUM + r"\s+abstentions?(?![a-z])")
_VOICE_BN = re.compile(
    r"(?<![a-z\d])" + _NUM + r"\s+(?:bulletins?\s+|votes?\s+)?(?P<k>blancs?|nuls?)(?![a-z])"
)

_URGENCE = _WordStart(r"urgence(?![a-z])")
_STRONG_STARTS = ("affaire", "delib", r"n\s?[°o]")
_PUBLICATION_STARTS = ("publie", r"mise?\s+en", "affiche", "date", r"et\s+de\s+la", "publication")
_COMMUNE_STARTS = (
    *(r"de\s+la\s+commune", "commune", "ville", r"conseil\s+municipal", "mairie"),
    r"c\.?c\.?a",
)
# The branches of an alternation, each searched on its own (each opens with a literal):
# the first match of the alternation starts where the earliest of theirs does.
_SECOND_CONVOCATION = tuple(
    re.compile(p)
    for p in (
        r"seconde\s+convocation",
        r"deuxieme\s+convocation",
        r"nouvelle\s+convocation",
        r"quorum\s+n'(?:ayant|a)\s+pas\s+ete\s+atteint",
    )
)
_RENEWAL = tuple(
    re.compile(p)
    for p in (
        r"installation\s+du\s+conseil",
        r"seance\s+d'installation",
        r"proclame\s+installes",
        r"renouvellement\s+general",
        r"l\.?\s?2121-7",
    )
)


def _first_of(f: str, branches: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    """The match that starts first (the earlier branch on a tie), as the alternation's."""
    best: re.Match[str] | None = None
    for b in branches:
        m = b.search(f)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


_UNANIMITY = re.compile(r"(?<!pas\s)(?<!n')(?<![a-z])(?:a\s?l'?\s?)?unanimite|unanimement")
_REJECTED = re.compile(
    r"(?<![a-z])(?:rejete(?:e|s|es)?|rejette|rejettent|refuse(?:e|s|es|nt)?|n'adopte\s+pas|"
    r"n'approuve\s+pas|n'est\s+pas\s+adopte|non\s+adopte|"
    r"ne\s+sont\s+pas\s+adopte)(?![a-z])"
)
_ADOPTED = re.compile(
    r"(?<![a-z])(?:adopte(?:e|s|es)?|approuve(?:e|s|es)?|decide|decident|accepte(?:e|s)?|fixe|"
    r"est\s+elue?|sont\s+elus|"
    r"valide(?:e|s)?|emet\s+un\s+avis\s+favorable|autorise|ont\s+ete\s+proclames?|"
    r"a\s+ete\s+proclamee?)(?![a-z])"
)
_DECISION_CONTEXT = re.compile(
    r"unanimite|majorite|voix|delibere|vote\s+a\s+main|ont\s+vote|adopte|approuve"
)
_SECRET = re.compile(r"scrutin\s+secret|bulletins?\s+secrets?|vote\s+secret|bulletin\s+secret")
_MAJORITY = re.compile(r"a\s+la\s+majorite")

# the branches of one alternation, searched on their own (see _first_of)
_END_MARKERS = tuple(
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

_STRONG_HEADING = re.compile(
    r"(?<![a-z])(?P<pre>(?:affaire|deliberation|delib\.?)\s+)?n\s?[°o]\s?(?P<id>[a-z0-9]"
    r"[a-z0-9./_-]{0,30})(?P<id2>\s+[a-z0-9][a-z0-9./_-]{1,30}(?=\s?[-–—:]))?"
    r"(?P<sep>\s?[-–—:]\s|\s+(?:[a-z]{1,5}\s+)?objet\s?:\s?)?"
)
_PREFIX_HEADING = _WordStart(
    r"(?:deliberation|delib\.?|dcm|dl)\s?(?P<id>\d[0-9a-z]{0,8}[-/._][0-9a-z./_-]{1,20}"
    r"|\d{3,12})(?P<sep>\s?[-–—:]\s)"
)
_OBJET_HEADING = _WordStart(
    not_after=r"a-z0-9./-", rest=r"(?P<id>\d[0-9a-z./_-]{0,20}\d)\s+(?:[a-z]{1,5}\s+)?objet\s?:\s?"
)
_BARE_OBJET = _WordStart(r"objet\s?:\s?")
_WEAK_HEADING = re.compile(
    r"^[ ]?(?:(?P<id>\d{1,3}|\d{4}[-./_]\d{1,4}(?:[-./_]\d{1,4})?)[ ]?(?:[-–—/]|\))"
    r"|(?P<id2>\d{4}[-./_]\d{1,3}))[ ](?P<title>[A-ZÀ-Þ«\"].{2,300})$",
    re.MULTILINE,
)
_TITLE_END = re.compile(
    r"(?<![a-z])(?:approuvee?s?|adoptee?s?|rejetee?s?|a\s+l'unanimite|vu\s|considerant|"
    r"le\s+conseil\s+municipal|la\s+loi\s|presents?\s|nota\b|il\s+est\s+expose|"
    r"departement\s|commune\s+de\s)"
)

_PROXY_CONNECTOR = re.compile(
    r"\s?,?\s?\(?\s?(?:(?:qui\s+)?(?:a|ayant|avait)\s+)?(?:donne\s+)?(?:(?:une\s+)?procuration|"
    r"(?:un\s+)?pouvoir|mandat|delegation\s+de\s+vote)(?:\s+(?:ecrit|ecrite|de\s+vote))?"
    r"(?:\s+donnee?)?"
    r"(?:\s+de\s+voter\s+en\s+son\s+nom)?\s+a\s+|\s?,?\s?(?:est\s+)?representee?s?\s+par\s+"
)
#: Before "pouvoir de Y": the one named before holds Y's procuration.
_HOLDS_PROXY = re.compile(r"\s(?:a|detient|porte)\s+(?:le|un|la)\s+\Z")
_THE_MAYOR = re.compile(r"(?:(?:m\.?|monsieur|madame|mme)\s+)?(?:le|la|madame\s+le)\s+maire")
_PROXY_OF = re.compile(r"s?\s+(?:donnee?s?\s+)?(?:de|par)\s+(?=[a-z])")
_LONE_CIVILITY = re.compile(
    r"(?:mesdames\s+et\s+messieurs|mmes\s+et\s+mm\.?|mesdames|messieurs|mmes|mm\.?|madame|monsieur)"
    r"(?:\s+les\s+(?:conseillers|membres|adjoints|elus)(?:\s+(?:municipaux|communautaires))?)?\s?[,;:]"
)
_PROXY_ANCHOR = re.compile(r"procuration|pouvoir|mandat|delegation|represente")
_PLAIN_A = re.compile(r"\s?\(?\s?(?:a|par)\s+(?=[a-z])")
_QUALIFIER = re.compile(
    r"\s?,?\s?(?:excusee?s?|absente?s?|\((?:[^()\n]{0,80})\)|maire|adjointe?|"
    r"(?:\d(?:er|e|eme|ere)\s+)?adjointe?|conseill[a-z]{1,6}(?:\s+municipa[a-z]{1,4})?|"
    r"(?:vice-)?presidente?|deleguee?|doyenne?)(?![a-z])"
)
_SKIP_SEP = re.compile(r"(?:[\s,;|.–—()-]|\d{1,2}/\d{1,2}/\d{2,4}(?!\d)){0,12}")

_DEPORT = re.compile(
    r"se\s+deporte|se\s+deportent|ne\s+prend\s+pas\s+part|ne\s+prennent\s+pas\s+part|"
    r"ne\s+participe\s+pas\s+(?:au|a\s+ce)\s+vote|ne\s+participent\s+pas\s+(?:au|a\s+ce)\s+vote|"
    r"n'a\s+pas\s+pris\s+part\s+au\s+vote|s'abstient\s+de\s+participer|quitte\s+la\s+salle\s+pour"
)


class _Branches:
    """An alternation ``B1|B2|...`` whose branches begin with different words (so
    at most one matches at a place), each searched on its own from its literal
    prefix: the matches are those of the alternation, found without trying it at
    every position."""

    def __init__(self, *branches: str) -> None:
        self.branches = tuple(re.compile(b) for b in branches)

    def finditer(self, f: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        nxt = [b.search(f, pos, endpos) for b in self.branches]
        while True:
            live = [m for m in nxt if m is not None]
            if not live:
                return
            m = min(live, key=lambda x: x.start())
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1
            nxt = [
                b.search(f, pos, endpos) if n is not None and n.start() < pos else n
                for b, n in zip(self.branches, nxt, strict=True)
            ]


# (?<![a-z])(?:depart\s+de|sortie\s+de)\s+|quitte\s+la\s+seance|s'absente, as branches
# (the look-behind moved after the literal word, so each branch opens with it)
_LEFT = _Branches(
    r"depart(?<![a-z]depart)\s+de\s+",
    r"sortie(?<![a-z]sortie)\s+de\s+",
    r"quitte\s+la\s+seance",
    r"s'absente",
)
# (?<![a-z])(?:arrivee\s+de|retour\s+de)\s+|rejoint\s+la\s+seance|arrive\s+en\s+seance
_ARRIVED = _Branches(
    r"arrivee(?<![a-z]arrivee)\s+de\s+",
    r"retour(?<![a-z]retour)\s+de\s+",
    r"rejoint\s+la\s+seance",
    r"arrive\s+en\s+seance",
)


_AT_TAIL = (
    r"\s+(?:en\s+seance\s+)?(?:au|a\s+la|lors\s+du|"
    r"lors\s+de\s+la|avant\s+le\s+vote\s+du|pendant\s+le)\s+(?:point|question|deliberation|"
    r"affaire|dossier)\s+(?:n\s?[°o]\s?)?(?P<n>\d{1,3})(?![\d/])"
)
# (?:est\s+)?(?:arrivee?|arrive|entre|entree) + _AT_TAIL, as branches
_ARRIVED_AT = _Branches(
    r"est\s+(?:arrivee?|arrive|entre|entree)" + _AT_TAIL,
    r"arrivee?" + _AT_TAIL,
    r"(?:entre|entree)" + _AT_TAIL,
)
_LEFT_TAIL = (
    r"\s+(?:au|a\s+la|lors\s+du|apres\s+le|"
    r"avant\s+le)\s+(?:vote\s+du\s+)?(?:point|question|deliberation|affaire|dossier)\s+"
    r"(?:n\s?[°o]\s?)?(?P<n>\d{1,3})(?![\d/])"
)
# (?:quitte\s+la\s+seance|est\s+partie?|part|sort) + _LEFT_TAIL, as branches
_LEFT_AT = _Branches(
    r"quitte\s+la\s+seance" + _LEFT_TAIL,
    r"est\s+partie?" + _LEFT_TAIL,
    r"part" + _LEFT_TAIL,
    r"sort" + _LEFT_TAIL,
)
_QUESTIONS = _WordStart(
    r"(?:questions?|points?|affaires?)\s+(?:n\s?°\s?)?(?P<a>\d{1,3})\s?(?:a|et|-)\s?"
    r"(?:(?P<b>\d{1,3})|la\s+fin)\s?:"
)
_PUBLICATION = re.compile(
    r"(?<![a-z])(?:(?:publiee?s?|mise?\s+en\s+ligne|affichee?\s+et\s+publiee?)"
    r"(?:\s+(?:sur|au|a|en|par)\s+[a-z' ]{0,40}?)?\s+le(?![a-z])|date\s+de\s+(?:publication|"
    r"mise\s+en\s+ligne)|(?:et\s+de\s+la\s+)?publication,?\s+le(?![a-z]))"
)
_COMMUNE = re.compile(
    r"(?<![a-z])(?:(?:de\s+la\s+)?commune\s+(?:de\s+|d'|du\s+)|ville\s+(?:de\s+|d'|du\s+)|"
    r"conseil\s+municipal\s+(?:de\s+|d'|du\s+)(?!la\s+commune)|mairie\s+(?:de\s+|d'|du\s+)|"
    r"c\.?c\.?a\.?s\.?\s+(?:de\s+|d'|du\s+))"
)
_INSEE = re.compile(r"code\s+insee\s?:?\s?(?P<code>\d[0-9ab]\d{3})(?!\d)")
_POPULATION = re.compile(
    r"population\s+(?:municipale\s+|legale\s+|totale\s+)?(?:de\s+|:\s?)?"
    r"(?P<n>\d{1,3}(?:[ .]\d{3}){0,2}|\d{1,7})\s+habitants"
)


# ----------------------------------------------------------------------------- helpers


_START_PATTERNS: dict[str, re.Pattern[str]] = {}


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.lines = Lines(text)
        self.provenance: dict[str, Any] = {}
        self.unread: list[dict[str, str]] = []
        self._word_hits: dict[str, list[int]] = {}

    def word_hits(self, start_pattern: str) -> list[int]:
        """Where ``start_pattern`` (literal-prefixed: found fast) matches at a word start."""
        hits = self._word_hits.get(start_pattern)
        if hits is None and start_pattern.isalpha():  # a plain word: str.find is faster
            f = self.folded
            hits = []
            i = f.find(start_pattern)
            while i >= 0:
                if i == 0 or not "a" <= f[i - 1] <= "z":
                    hits.append(i)
                i = f.find(start_pattern, i + 1)
            self._word_hits[start_pattern] = hits
        if hits is None:
            f = self.folded
            rx = _START_PATTERNS.get(start_pattern)
            if rx is None:
                rx = _START_PATTERNS[start_pattern] = re.compile(start_pattern)
            hits = [
                m.start()
                for m in rx.finditer(f)
                if m.start() == 0 or not "a" <= f[m.start() - 1] <= "z"
            ]
            self._word_hits[start_pattern] = hits
        return hits

    def scan(
        self, pat: re.Pattern[str], starts: tuple[str, ...], start: int, end: int
    ) -> Iterator[re.Match[str]]:
        """``pat.finditer(folded, start, end)`` for a ``pat`` that matches only at a word
        start where one of ``starts`` matches: tried at those positions only."""
        cands: set[int] = set()
        for sp in starts:
            hits = self.word_hits(sp)
            cands.update(hits[bisect.bisect_left(hits, start) : bisect.bisect_left(hits, end)])
        last = start
        for p in sorted(cands):
            if p < last:
                continue
            m = pat.match(self.folded, p, end)
            if m is not None:
                yield m
                last = m.end() if m.end() > p else p + 1

    def note(self, path: str, pos: int) -> None:
        self.provenance[path] = self.lines.where(pos)

    def missing(self, path: str, reason: str) -> None:
        self.unread.append({"fact": path, "reason": reason})


def _strip_source(text: str) -> str:
    """A first line "SOURCE: ..." is metadata of a collection, not the document."""
    first, sep, rest = text.partition("\n")
    if first.lstrip("\ufeff ").upper().startswith("SOURCE:"):
        return " " + sep + rest
    return text


def _value(raw: str) -> int:
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    return 0


class _Spans:
    """Disjoint text spans, with a logarithmic membership test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


_LABEL_BEFORE = re.compile(
    r"(?:presents?|votants|exercice|procurations?|pouvoirs?|absents?|representes?)[ ]?\Z"
)
_SOIT_BEFORE = re.compile(r"soit\s?:?\s?$")
_MARK_BEFORE = re.compile(r"[:=(.][ ]?\Z")
_SEP_MARK = re.compile(r"[:=.…_]")
_DIGIT = re.compile(r"\d")
_SPACE_RUN = re.compile(r"\s+")
_TABLE_CELL = re.compile(r"(?<![\w/])(\d{1,3}|/|-)(?![\w/])")
_WORD3 = re.compile(r"[a-z]{3}")


_NF_WORDS = ("present", "procuration", "pouvoir", "votants", "absent", "represente", "excuse")


def _number_first(doc: _Doc, start: int, end: int) -> list[re.Match[str]]:
    """``_NUMBER_FIRST.finditer(folded, start, end)``, found from its label words: a
    match is 1 to 3 digits, spaces, then one of these words (which starts a word)."""
    f = doc.folded
    cands: set[int] = set()
    for w in _NF_WORDS:
        hits = doc.word_hits(w)
        for q in hits[bisect.bisect_left(hits, start) : bisect.bisect_left(hits, end)]:
            i = q
            while i > start and f[i - 1].isspace():
                i -= 1
            if i == q:
                continue
            j = i
            while j > start and i - j < 4 and f[j - 1].isdecimal():
                j -= 1
            if 1 <= i - j <= 3:
                cands.add(j)
    out = []
    for p in sorted(cands):
        m = _NUMBER_FIRST.pattern.match(f, p, end)
        if m is not None:
            out.append(m)
    return out


_NUMBER_WORD_SET = frozenset(_NW[3:-1].split("|"))
_BN_MIDDLE = ("bulletin", "bulletins", "vote", "votes")


def _number_before(
    doc: _Doc,
    pat: re.Pattern[str],
    anchors: tuple[str, ...],
    middles: tuple[str, ...],
    start: int,
    end: int,
) -> list[re.Match[str]]:
    r"""``pat.finditer(folded, start, end)`` for a ``pat`` of the shape
    (?<![a-z\d]) NUMBER \s+ [middle word \s+] ANCHOR...: a number (1 to 3 digits, or
    up to five number words joined by a space or a hyphen), spaces, maybe one of
    ``middles``, then a word beginning with one of ``anchors``. The places where
    such a number can start are found back from each anchor word, and the pattern
    is tried there only."""
    f = doc.folded
    cands: set[int] = set()
    for a in anchors:
        hits = doc.word_hits(a)
        for q in hits[bisect.bisect_left(hits, start) : bisect.bisect_left(hits, end)]:
            ends = []
            w = q
            while w > start and f[w - 1].isspace():
                w -= 1
            if w == q:
                continue
            ends.append(w)
            m0 = w
            while m0 > start and "a" <= f[m0 - 1] <= "z":
                m0 -= 1
            if f[m0:w] in middles:
                w2 = m0
                while w2 > start and f[w2 - 1].isspace():
                    w2 -= 1
                if w2 < m0:
                    ends.append(w2)
            for e in ends:
                j = e
                while j > start and e - j < 4 and f[j - 1].isdecimal():
                    j -= 1
                if 1 <= e - j <= 3:
                    cands.add(j)
                for _ in range(5):  # number words, last to first
                    k = e
                    while k > start and "a" <= f[k - 1] <= "z":
                        k -= 1
                    if f[k:e] not in _NUMBER_WORD_SET:
                        break
                    cands.add(k)
                    if k > start and f[k - 1] in " -":
                        e = k - 1
                    else:
                        break
    out: list[re.Match[str]] = []
    last = start
    for p in sorted(cands):
        if p < last:
            continue
        m = pat.match(f, p, end)
        if m is not None:
            out.append(m)
            last = m.end() if m.end() > p else p + 1
    return out


def _counts(doc: _Doc, start: int, end: int) -> dict[str, tuple[int, int]]:
    """Declared counts in ``[start, end)``: key → (value, position); first occurrence wins."""
    f = doc.folded
    found: dict[str, tuple[int, int]] = {}
    # number-first groups ("32 présents 1 procuration 33 votants", "Soit 31 présents")
    for key, value, pos in _table_counts(doc, start, end):
        found.setdefault(key, (value, pos))
    hits = _number_first(doc, start, end)
    consumed = _Spans()
    label_first_cluster = False
    for i, m in enumerate(hits):
        if i == 0 or m.start() - hits[i - 1].end() > 40:
            # a new cluster: "Présents 12 Votants 14" (label first, bare) is not number-first
            before = f[max(0, m.start() - 25) : m.start()]
            label_first_cluster = _LABEL_BEFORE.search(before) is not None
        if label_first_cluster:
            continue
        near_prev = i > 0 and m.start() - hits[i - 1].end() <= 40
        near_next = i + 1 < len(hits) and hits[i + 1].start() - m.end() <= 40
        soit = _SOIT_BEFORE.search(f[max(0, m.start() - 8) : m.start()]) is not None
        if not (near_prev or near_next or soit):
            continue
        if _MARK_BEFORE.search(f[max(0, m.start() - 3) : m.start()]):
            continue
        label = m.group("label").rstrip("s")
        key = _NF_KEY.get(label, label)
        consumed.add(m.start(), m.end())
        if key in ("excused",):
            continue
        found.setdefault(key, (int(m.group("val")), m.start()))
    for key, starts, pat in _LABEL_FIRST:
        for m in doc.scan(pat, starts, start, end):
            if consumed.contains(m.start()):
                continue
            if key in found and key != "absents":
                break
            raw = m.group("pv") or m.group("val")
            sep = m.group("sep") or ""
            if raw is None:
                continue
            if m.group("pv") is None and sep.strip() == "" and key in _VOTE_KINDS:
                continue  # "pour 2026" is not a count: vote labels need ":" or dots
            if key in _VOTE_KINDS and m.group("pv") is None and not _SEP_MARK.search(sep):
                continue
            if raw in ("-", "–", "—") and key not in _VOTE_KINDS and key != "absents":
                continue
            vs = m.start("val") if m.group("val") is not None else m.start()
            if consumed.contains(vs):
                continue  # the number opens a "32 présents 1 procuration" group
            found.setdefault(key, (_value(raw), m.start()))
            consumed.add(m.start(), m.end())
            break

    # "Pour 15 Contre 1 Abstention 1": bare labels, read only as a whole row (a lone
    # "pour 2026" is no count)
    if "pour" not in found and "contre" not in found and f.find("contre", start, end) >= 0:
        row = _BARE_VOTE_ROW.search(f, start, end)
        if row is not None:
            found["pour"] = (int(row.group("p")), row.start())
            found["contre"] = (int(row.group("c")), row.start("c"))
            if row.group("a") is not None and "abstentions" not in found:
                found["abstentions"] = (int(row.group("a")), row.start("a"))

    # votes written as a sentence: "par 20 voix pour, 3 contre et 2 abstentions"
    def put(key: str, m: re.Match[str] | None) -> None:
        if m is None or key in found:
            return
        value = _num(m.group("n"))
        if value is not None:
            found[key] = (value, m.start())

    # each pattern needs its word: skip the scan when the region has none
    for m in _number_before(doc, _VOICE_POUR, ("pour",), ("voix",), start, end):
        put("pour", m)
        window_end = min(end, m.end() + 80)
        put("contre", _VOICE_CONTRE.search(f, m.end(), window_end))
        put("abstentions", _VOICE_ABST.search(f, m.end(), window_end))
        break
    if "pour" in found and f.find("abstention", start, end) >= 0:
        put(
            "abstentions",
            next(iter(_number_before(doc, _VOICE_ABST, ("absten",), (), start, end)), None),
        )
    for m in _number_before(doc, _VOICE_BN, ("blanc", "nul"), _BN_MIDDLE, start, end):
        put("blancs" if m.group("k").startswith("blanc") else "nuls", m)
    return found


#: A vote row with bare labels: "Pour 15 Contre 1 Abstention 1", "pour 15 - contre 1".
_BARE_VOTE_ROW = _WordStart(
    r"pour[ \t]+(?P<p>\d{1,3})[ \t]*[-–,;/|]?[ \t]*contre[ \t]+(?P<c>\d{1,3})(?!\d)"
    r"(?:[ \t]*[-–,;/|]?[ \t]*abstentions?(?:\(s\))?[ \t]+(?P<a>\d{1,3})(?!\d))?"
)

_TABLE_LABEL = re.compile(
    r"(?<![a-z])(?:en\s+exercice|presents?|votants|procurations?|pouvoirs?|representes?|absents?|"
    r"exprimes|pour|contre|abstentions?)(?![a-z])"
)
_TABLE_KEY = {
    "en exercice": "en_exercice",
    "present": "presents",
    "presents": "presents",
    "votants": "votants",
    "procuration": "represented",
    "procurations": "represented",
    "pouvoir": "represented",
    "pouvoirs": "represented",
    "represente": "represented",
    "representes": "represented",
    "absent": "absents",
    "absents": "absents",
    "exprimes": "exprimes",
    "pour": "pour",
    "contre": "contre",
    "abstention": "abstentions",
    "abstentions": "abstentions",
}


def _table_counts(doc: _Doc, start: int, end: int) -> list[tuple[str, int, int]]:
    """A row of labels, then a row of as many numbers ("En exercice | Présents" / "15 | 12")."""
    f = doc.folded
    out: list[tuple[str, int, int]] = []
    pos = start
    for _ in range(10_000):
        nl = f.find("\n", pos, end)
        if nl == -1:
            break
        line = f[pos:nl]
        if len(line) < 200 and not _DIGIT.search(line):
            nxt_end = f.find("\n", nl + 1, end)
            nxt_end = end if nxt_end == -1 else nxt_end
            nxt = f[nl + 1 : nxt_end]
            # the row of numbers first (cheap, and rarely there), then the row of labels
            labels = (
                [_SPACE_RUN.sub(" ", m.group(0)) for m in _TABLE_LABEL.finditer(line)]
                if len(nxt) < 200 and not _WORD3.search(nxt)
                else []
            )
            if len(labels) >= 2:
                cells = _TABLE_CELL.findall(nxt)
                if len(cells) == len(labels):
                    for lab, cell in zip(labels, cells, strict=True):
                        key = _TABLE_KEY.get(lab)
                        if key:
                            out.append((key, int(cell) if cell.isdigit() else 0, nl + 1))
        pos = nl + 1
    return out


def _num(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    words = raw.replace("-", " ").split()
    while words and words[0] == "et":
        words.pop(0)
    hit = leading_number(" ".join(words), 0, 60)
    return hit[0] if hit else None


# ----------------------------------------------------------------------------- dates


#: Words that, earlier on the same line, make "… du conseil municipal du <date>" the date of
#: an earlier séance whose minutes are approved or read, not the date of this one.
_EARLIER_MINUTES = re.compile(r"approb|approuve|lecture|precedente|adopte")


#: "L'an deux mille ..." (searched from its literal, the look-behind checked on each hit).
_L_AN = _WordStart(r"l\s?'?\s?an\s+(?=[a-z0-9])")

#: "CONVOCATION : L'an deux mille seize, le dix-huit novembre, Nous, X, certifions avoir
#: convoqué ... pour le vingt-cinq novembre": that "L'an" dates the convocation.
_CONVOCATION_CERTIFICATE = re.compile(r"certifi\w{0,4}\s+avoir\s+convoque|avons\s+convoque")


def _convocation_an(f: str, an_start: int, an_end: int) -> bool:
    if "convocation" in f[max(0, an_start - 30) : an_start]:
        return True
    return _CONVOCATION_CERTIFICATE.search(f, an_end, min(len(f), an_end + 250)) is not None


def _seance_date(doc: _Doc) -> tuple[dt.date | None, int]:
    f = doc.folded
    for m in _L_AN.finditer(f):
        year = year_after_an(f, m.end())
        if year is None:
            continue
        if _convocation_an(f, m.start(), m.end()):
            continue  # the date of the convocation, not of the séance
        dates = find_dates(f, year[1], min(len(f), year[1] + 120), default_year=year[0])
        if dates:
            return dates[0][2], m.start()
    for m in re.finditer(
        r"(?<![a-z])(?:seance|reunion|session)(?:\s+(?:ordinaire|extraordinaire|publique|"
        r"du\s+conseil\s+[a-z' ]{0,40}?))?\s+du\s|conseil\s+(?:municipal|d'administration|"
        r"communautaire|syndical)\s+du\s|seance\s+qui\s+s'ouvrira\s+le",
        f,
    ):
        before = f[max(0, m.start() - 80) : m.start()]
        if _EARLIER_MINUTES.search(before[before.rfind("\n") + 1 :]):
            continue  # "Approbation du compte rendu du conseil municipal du 4 septembre"
        dates = find_dates(f, m.end(), min(len(f), m.end() + 60))
        if dates:
            return dates[0][2], dates[0][0]
    for m in re.finditer(r"s'est\s+reuni|se\s+sont\s+reunis|s'est\s+assemble|etant\s+assemble", f):
        after = find_dates(f, m.end(), min(len(f), m.end() + 40))
        if after:
            return after[0][2], after[0][0]
        dates = [
            d
            for d in find_dates(f, max(0, m.start() - 300), m.start())
            if "convo" not in f[max(0, d[0] - 40) : d[0]]
        ]
        if dates:
            return dates[0][2], dates[0][0]
    return None, -1


def _convocation_date(doc: _Doc, seance: dt.date | None) -> tuple[dt.date | None, int]:
    f = doc.folded
    for m in _L_AN.finditer(f):
        year = year_after_an(f, m.end())
        if year is None or not _convocation_an(f, m.start(), m.end()):
            continue
        dates = find_dates(f, year[1], min(len(f), year[1] + 120), default_year=year[0])
        if dates and (seance is None or 0 < (seance - dates[0][2]).days <= 60):
            return dates[0][2], dates[0][0]
    for m in re.finditer(
        r"(?<![a-z])(date\s+(?:de\s+(?:la\s+)?|d')convocation|convocation|convoquee?s?)", f
    ):
        window = 220 if m.group(1).startswith("date") else 90
        # "Convocation ... adressée le 9 SEPTEMBRE pour la réunion du MARDI 20 SEPTEMBRE
        # 2011": a day and month alone take the séance's year (kept only if 1 to 60 days
        # before the séance, as every convocation date)
        seance_year = seance.year if seance is not None else None
        for start, _end, date in find_dates(
            f, m.end(), min(len(f), m.end() + window), default_year=seance_year
        ):
            if seance is not None and not 0 < (seance - date).days <= 60:
                continue  # after the séance, the séance itself, or another matter
            between = f[m.end() : start]
            if window == 90 and re.search(r"reuni|seance|assemble|l'an\s", between):
                break  # "dûment convoqué, s'est réuni le 16 juin": the séance, not the sending
            return date, start
    return None, -1


def _publication(doc: _Doc) -> tuple[dict[str, Any], int]:
    f = doc.folded
    stated = False
    first = -1
    for m in doc.scan(_PUBLICATION, _PUBLICATION_STARTS, 0, len(f)):
        ctx = f[max(0, m.start() - 30) : m.start()]
        if "compter de sa" in ctx or "a compter" in ctx:
            continue  # "à compter de sa publication": the recours sentence, not a line
        if not stated:
            stated, first = True, m.start()
        dates = find_dates(f, m.end(), min(len(f), m.end() + 25))
        if dates and dates[0][0] - m.end() <= 6:
            return {"stated": True, "date": dates[0][2].isoformat()}, m.start()
    return {"stated": stated, "date": None}, first


# ----------------------------------------------------------------------------- names


def _skip_qualifiers(f: str, pos: int, end: int) -> int:
    for _ in range(6):
        m = _QUALIFIER.match(f, pos, end)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _read_list(
    doc: _Doc, start: int, end: int, proxy_section: bool = False
) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    """Names listed from ``start`` (and the procurations written inside the list)."""
    if proxy_section:
        return _read_proxy_items(doc, start, end)
    text, f = doc.text, doc.folded
    names: list[tuple[str, int]] = []
    proxies: list[tuple[str, str, int]] = []
    pos = start
    m = re.match(r"[\s:]{0,6}\d{1,3}(?![\d/])", f[pos:end])
    if m:
        pos += m.end()
    for _ in range(200):
        pos = _SKIP_SEP.match(f, pos, end).end()  # type: ignore[union-attr]
        lone = _LONE_CIVILITY.match(f, pos, end)
        if lone:
            pos = lone.end()
            continue
        if pos >= end:
            break
        name, name_end = take_name(text, pos, min(120, end - pos))
        if name is None:
            break
        name_pos = pos
        pos = name_end
        c = _PROXY_CONNECTOR.match(f, pos, end)
        if c is None:
            pos = _skip_qualifiers(f, pos, end)
            c = _PROXY_CONNECTOR.match(f, pos, end)
        if c is None:
            et = _AND_NAME.match(text, pos, end)
            if et is not None:  # "Messieurs PINTA et LESAULNIER"
                names.append((name, name_pos))
                pos = et.end()
                continue
        if c is None and re.match(r"[ ]?[a-z]", text[pos : pos + 2]) and names:
            break  # "Mme X est arrivée ...": a sentence, not a list item
        names.append((name, name_pos))
        if c is not None:
            raw_end = _raw_end(f, c.end(), end)
            holder, h_end = take_name(text, c.end(), min(120, end - c.end()))
            if holder is not None:
                proxies.append((name, holder, names[-1][1]))
                _RAW_HOLDERS[(name, holder)] = text[c.end() : raw_end]
                pos = _skip_qualifiers(f, max(h_end, pos), end)
                if pos < end and f[pos] == ")":
                    pos += 1
    return names, proxies


#: "et" between two names of a list (the next one capitalised or with a civility).
_AND_NAME = re.compile(
    r"[ ]?et[ ]+(?=M\.|Mmes?[ ]|Monsieur|Madame|[A-ZÀ-Þ][A-ZÀ-Þa-zà-ÿ'-]*[ ,.;\n])"
)


def _read_proxy_items(
    doc: _Doc, start: int, end: int
) -> tuple[list[tuple[str, int]], list[tuple[str, str, int]]]:
    """A "Pouvoirs :" list: items "giver à holder" cut at , ; — (holder text may be messy)."""
    text, f = doc.text, doc.folded
    names: list[tuple[str, int]] = []
    proxies: list[tuple[str, str, int]] = []
    m = re.match(r"[\s:]{0,6}\d{1,3}(?![\d/])", f[start:end])
    pos = start + (m.end() if m else 0)
    items = list(_PROXY_ITEM.finditer(f[pos:end]))
    for it in items[:60]:
        s0 = pos + it.start()
        s1 = pos + it.end()
        s0 = _SKIP_SEP.match(f, s0, s1).end()  # type: ignore[union-attr]
        giver, g_end = take_name(text, s0, s1 - s0)
        if giver is None:
            break
        c = _PROXY_CONNECTOR.match(f, g_end, s1) or _PLAIN_A.match(f, g_end, s1)
        if c is None:
            q = _skip_qualifiers(f, g_end, s1)
            c = _PROXY_CONNECTOR.match(f, q, s1) or _PLAIN_A.match(f, q, s1)
        if c is None:
            rest = f[_skip_qualifiers(f, g_end, s1) : s1]
            if rest.strip(" .()\n|") == "":
                names.append((giver, s0))  # absent, no procuration written
                continue
            break
        holder, _h = take_name(text, c.end(), s1 - c.end())
        if holder is None:
            raw = re.sub(r"\s+", " ", text[c.end() : s1]).strip(" .()")[:60]
            if not re.search(r"[A-ZÀ-Þ]", raw):
                break
            holder = raw
        names.append((giver, s0))
        proxies.append((giver, holder, s0))
        _RAW_HOLDERS[(giver, holder)] = text[c.end() : s1]
    return names, proxies


#: One item of a "Pouvoirs :" list: up to , ; — – or a line that starts with a civility
#: ("Pouvoirs : M. X a donné pouvoir à Mme Y" / "M. Z a donné pouvoir à M. W" on the next line).
_PROXY_ITEM = re.compile(
    r"(?:[^,;—–\n]|\n(?![ \t]{0,3}(?:m\.|mmes?[ .]|mm\.|monsieur|madame|mademoiselle)))"
    r"{1,300}"
)

_RAW_HOLDERS: dict[tuple[str, str], str] = {}


def _raw_end(f: str, pos: int, end: int) -> int:
    m = re.compile(r"[^,;)\n—–]{0,100}").match(f, pos, end)
    return m.end() if m else pos


def _sections(doc: _Doc, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """(kind, label start, content start, content end) for each labelled section."""
    found = [
        (m.group(0), m.start(), m.end()) for m in doc.scan(_SECTION, _SECTION_STARTS, start, end)
    ]
    out = []
    for i, (label, ls, cs) in enumerate(found):
        ce = found[i + 1][1] if i + 1 < len(found) else end
        out.append((_section_kind(label), ls, cs, min(ce, cs + 4000)))
    return out


# ----------------------------------------------------------------------------- headings


@attrs.define
class _Heading:
    pos: int
    number: str | None
    title: str | None
    strong: bool
    title_pos: int


def _clean_title(text: str) -> str | None:
    t = re.sub(r"\s+", " ", text).strip(" :-–—|.,;")
    words = t.split(" ")
    if len(t) > 100 and len(words) >= 3 and all(not any(c.islower() for c in w) for w in words[:3]):
        for i, w in enumerate(words):
            if any(c.islower() for c in w) and not re.match(r"^[dl]'", w):
                t = " ".join(words[:i])
                break
    cut = re.search(r"\.\s", t)
    if cut:
        t = t[: cut.start()]
    t = re.sub(r"^(?:[A-Z]{1,5}\s+)?OBJET\s?:\s?", "", t, flags=re.IGNORECASE).strip()
    return t or None


def _title_after(doc: _Doc, pos: int, limit: int = 220) -> str | None:
    f = doc.folded
    end = min(len(f), pos + limit)
    line_end = f.find("\n", pos, end)
    if line_end != -1 and line_end - pos > 2:
        end = line_end
    m = _TITLE_END.search(f, pos + 3, end)
    if m:
        end = m.start()
    nxt = _STRONG_HEADING.search(f, pos + 1, end)
    if nxt and nxt.group("sep"):
        end = nxt.start()
    return _clean_title(doc.text[pos:end])


def _headings(doc: _Doc) -> list[_Heading]:
    f = doc.folded
    end_marker = _first_of(f, _END_MARKERS)
    first_end = end_marker.start() if end_marker else len(f)
    strong: dict[str, _Heading] = {}
    for m in doc.scan(_STRONG_HEADING, _STRONG_STARTS, 0, len(f)):
        ident = m.group("id").strip("./-_")
        if not any(c.isdigit() for c in ident):
            continue
        before = f[max(0, m.start() - 12) : m.start()]
        if re.search(
            r"(?:loi|decret|arrete|ordonnance|modificative|avenant|article|circulaire|"
            r"reglement|page)\s?$",
            before,
        ):
            continue
        if not (m.group("pre") or m.group("sep")):
            continue
        number = doc.text[m.start("id") : m.start("id") + len(m.group("id"))].strip("./-_")
        if m.group("id2") and any(c.isdigit() for c in m.group("id2")):
            number = doc.text[m.start("id2") : m.end("id2")].strip()
        title_pos = m.end()
        title = _title_after(doc, title_pos) if m.group("sep") else None
        if title is None:
            back = list(_BARE_OBJET.finditer(f, max(0, m.start() - 250), m.start()))
            ahead = _BARE_OBJET.search(f, m.end(), min(len(f), m.end() + 200))
            if back:
                title_pos = back[-1].end()
                title = _title_after(doc, title_pos)
            elif ahead:
                title_pos = ahead.end()
                title = _title_after(doc, title_pos)
        key = fold_key(number)
        if key in strong:
            if strong[key].title is None and title:
                strong[key].title, strong[key].title_pos = title, title_pos
            continue
        strong[key] = _Heading(m.start(), number, title, True, title_pos)
    for m in _PREFIX_HEADING.finditer(f):
        number = doc.text[m.start("id") : m.end("id")]
        key = fold_key(number)
        if key not in strong and not find_dates(f, m.start("id"), m.end("id")):
            strong[key] = _Heading(m.start(), number, _title_after(doc, m.end()), True, m.end())
    for m in _OBJET_HEADING.finditer(f):
        number = doc.text[m.start("id") : m.end("id")]
        if find_dates(f, m.start("id"), m.end("id")):
            continue
        key = fold_key(number)
        if key in strong or any(fold_key(h.number or "").endswith(key) for h in strong.values()):
            continue
        strong[key] = _Heading(m.start(), number, _title_after(doc, m.end()), True, m.end())
    weak: dict[str, _Heading] = {}
    for m in _WEAK_HEADING.finditer(doc.text):
        if m.start() > first_end and not strong:
            continue
        number = m.group("id") or m.group("id2")
        if len(number) == 4 and number.isdigit():
            continue
        title = _clean_title(m.group("title"))
        weak[number] = _Heading(m.start(), number, title, False, m.start("title"))
    headings = list(strong.values()) if strong else list(weak.values())
    if not headings:
        b = _BARE_OBJET.search(f)
        if b:
            headings = [_Heading(b.start(), None, _title_after(doc, b.end()), True, b.end())]
    headings.sort(key=lambda h: h.pos)
    return headings


# ----------------------------------------------------------------------------- main


def read_extract(text: str) -> ExtractResult:
    """Read the text of a délibération (or an extract, or a PV) into séance facts.

    Raises :class:`InputError` only for input that is not text at all (binary
    data, too large); any text yields facts, with what it could not read listed.
    """
    if not isinstance(text, str):
        raise InputError("<text>", f"expected text, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputError("<text>", f"text too large ({len(text)} characters; at most {MAX_CHARS})")
    if "\x00" in text:
        raise InputError("<text>", "binary data (contains NUL bytes), not text")
    try:
        return _read(text)
    except RecursionError:  # pragma: no cover - no recursion in the reader
        raise InputError("<text>", "text too deeply nested to read") from None


def _read(raw_text: str) -> ExtractResult:
    _RAW_HOLDERS.clear()
    _BLOCK_STARTS.clear()
    doc = _Doc(clean(_strip_source(raw_text)))
    f, text = doc.folded, doc.text
    facts: dict[str, Any] = {}

    # commune
    commune: dict[str, Any] = {"name": None, "insee": None, "population": None}
    candidates: list[tuple[str, int]] = []
    for m in doc.scan(_COMMUNE, _COMMUNE_STARTS, 0, len(f)):
        name, _ = _commune_name(text, m.end())
        if name:
            prefix = f[m.end() - 3 : m.end()]
            if prefix.endswith("du "):
                name = ("Le " if not name.isupper() else "LE ") + name
            candidates.append((name, m.start()))
        if len(candidates) >= 20:
            break
    if candidates:
        mixed = [c for c in candidates if not c[0].isupper()]
        name, cpos0 = (mixed or candidates)[0]
        commune["name"] = name
        doc.note("commune.name", cpos0)
    im = _INSEE.search(f)
    if im:
        commune["insee"] = im.group("code").upper()
        doc.note("commune.insee", im.start())
    pm = _POPULATION.search(f)
    if pm:
        commune["population"] = int(re.sub(r"\D", "", pm.group("n")))
        doc.note("commune.population", pm.start())
    for key in ("name", "insee", "population"):
        if commune[key] is None:
            doc.missing(f"commune.{key}", "not stated in the text")
    facts["commune"] = commune

    # dates
    date, dpos = _seance_date(doc)
    facts["date"] = date.isoformat() if date else None
    if date:
        doc.note("date", dpos)
    else:
        doc.missing("date", 'no séance date found ("L\'an ...", "séance du ...")')
    sent_on, cpos = _convocation_date(doc, date)
    urgent = _URGENCE.search(f)
    second = _first_of(f, _SECOND_CONVOCATION)
    renewal = _first_of(f, _RENEWAL)
    facts["convocation"] = {
        "sent_on": sent_on.isoformat() if sent_on else None,
        "urgent": urgent is not None,
        "second_convocation": second is not None,
        "first_after_renewal": renewal is not None,
    }
    if sent_on:
        doc.note("convocation.sent_on", cpos)
    else:
        doc.missing("convocation.sent_on", "no date of convocation found")
    for key, m2 in (
        ("urgent", urgent),
        ("second_convocation", second),
        ("first_after_renewal", renewal),
    ):
        if m2:
            doc.note(f"convocation.{key}", m2.start())
        else:
            doc.provenance[f"convocation.{key}"] = {
                "line": None,
                "text": None,
                "note": "not stated: read as false (an ordinary séance)",
            }

    # president
    president = None
    pm2 = re.search(
        r"sous\s+la\s+presidence\s+(?:de\s+|d'|du\s+)(?:(?:(?:monsieur|madame)\s+(?:le|la)\s+)?"
        r"(?:maire|president|presidente)\s?,?\s?)?",
        f,
    )
    if pm2:
        president, _ = take_name(text, pm2.end())
        lower_civ = re.compile(r"(?:monsieur|madame)\s+").match(text, pm2.end())
        if president is None and lower_civ:  # "sous la présidence de monsieur AUDONNET Serge"
            president, _ = take_name(text, lower_civ.end())
        if president and fold(president).startswith(("maire", "president")):
            president = None
        if president:
            doc.note("president", pm2.start())
    facts["president"] = president
    if president is None:
        doc.missing("president", 'no "sous la présidence de ..." with a name')

    headings = _headings(doc)
    head_end = headings[0].pos if len(headings) > 1 else len(f)

    # attendance sections
    members: list[tuple[str, int]] = []
    present: list[tuple[str, int]] = []
    absent: list[tuple[str, int]] = []
    list_proxies: list[tuple[str, str, int]] = []
    secretaries: list[tuple[str, int]] = []
    for kind, ls, cs, ce in _sections(doc, 0, head_end):
        if kind in ("other",):
            continue
        names, prox = _read_list(doc, cs, ce, proxy_section=(kind == "proxy"))
        if kind == "secretary":
            secretaries.extend(names[:3])
            continue
        if _in_change_block(f, ls):
            continue
        list_proxies.extend(prox)
        if kind == "members":
            members.extend(names)
        elif kind == "present":
            present.extend(names)
        elif kind in ("absent", "proxy"):
            absent.extend(names)
    # sentence forms of a procuration outside sections
    giver_keys = {fold_key(g) for g, _h, _p in list_proxies}
    last = 0
    for anchor in _PROXY_ANCHOR.finditer(f, 0, head_end):
        if anchor.start() < last:
            continue
        of = _PROXY_OF.match(f, anchor.end(), min(head_end, anchor.end() + 12))
        holds = _HOLDS_PROXY.search(f, max(0, anchor.start() - 16), anchor.start())
        if of is not None and holds is not None and not _in_change_block(f, anchor.start()):
            # "Mme X a le pouvoir de Mme Y pour la représenter": X holds Y's procuration
            holder = _name_before(doc, holds.start())
            giver, g_end = take_name(text, of.end())
            if giver and holder and fold_key(giver) not in giver_keys:
                giver_keys.add(fold_key(giver))
                list_proxies.append((giver, holder, holds.start()))
                last = g_end
                continue
        if of is not None and not _in_change_block(f, anchor.start()):
            # "procuration de M. X à M. Y"
            giver, g_end = take_name(text, of.end())
            a = re.compile(r"\s?,?\s?a\s+").match(f, g_end, min(head_end, g_end + 6))
            if giver and a:
                holder, h_end = take_name(text, a.end())
                if holder and fold_key(giver) not in giver_keys:
                    giver_keys.add(fold_key(giver))
                    list_proxies.append((giver, holder, anchor.start()))
                    last = h_end
                    continue
        cm = _PROXY_CONNECTOR.search(
            f, max(last, anchor.start() - 40), min(head_end, anchor.end() + 40)
        )
        if cm is None or not cm.start() <= anchor.start() < cm.end():
            continue
        last = cm.end()
        if _in_change_block(f, cm.start()):
            continue
        giver = _name_before(doc, cm.start())
        holder, _ = take_name(text, cm.end())
        if giver and holder and fold_key(giver) not in giver_keys:
            giver_keys.add(fold_key(giver))
            list_proxies.append((giver, holder, cm.start()))

    if not secretaries:
        sec = _secretary_sentence(doc, head_end)
        if sec:
            secretaries.append(sec)

    # dedupe and resolve
    known = [n for n, _ in members] + [n for n, _ in present]
    # "sous la présidence de M. BRARD, Maire": "M. le Maire" is then that member
    mayor = None
    if president and pm2 and re.search(r"maire", f[pm2.end() : pm2.end() + len(president) + 30]):
        mayor = (resolve(president, known) if known else None) or _unique_member(president, known)
    proxies: list[dict[str, str]] = []
    seen_givers: set[str] = set()
    for giver, holder, pos in list_proxies:
        key = fold_key(giver)
        if not key or key in seen_givers:
            continue
        seen_givers.add(key)
        raw = _RAW_HOLDERS.get((giver, holder), holder)
        if mayor is not None and _THE_MAYOR.fullmatch(fold(holder).strip(" .")):
            raw = holder = mayor  # "donne pouvoir à M. le Maire", the Maire presiding
        better = resolve(raw, known) if known else None
        holder_name = better or holder
        if known and better is None:
            doc.missing(
                f"proxies[{len(proxies)}].to",
                f"holder {holder!r} is not among the members named (read as written)",
            )
        g = resolve(giver, known) or giver if known else giver
        doc.note(f"proxies[{len(proxies)}]", pos)
        proxies.append({"from": g, "to": holder_name})

    def dedupe(items: list[tuple[str, int]], path: str) -> list[str]:
        out: list[str] = []
        keys: set[str] = set()
        for n, p in items:
            k = fold_key(n)
            if not k:
                continue
            if k in keys:
                doc.missing(path, f"{n} is listed twice; kept once")
                continue
            keys.add(k)
            out.append(n)
            if path + "@first" not in doc.provenance:
                doc.provenance[path + "@first"] = p
        return out

    members_l = dedupe(members, "members")
    present_l = dedupe(present, "present")
    absent_l = dedupe(absent, "absent")
    absent_keys = {fold_key(n) for n in absent_l}
    for p in proxies:
        if fold_key(p["from"]) not in absent_keys:
            absent_keys.add(fold_key(p["from"]))
            absent_l.append(p["from"])
    for path in ("members", "present", "absent"):
        pos0 = doc.provenance.pop(path + "@first", None)
        if isinstance(pos0, int) and pos0 > 0:
            doc.note(path, pos0)
    if not members_l:
        members_l = list(present_l)
        keys = {fold_key(n) for n in members_l}
        for n in absent_l:
            if fold_key(n) not in keys:
                members_l.append(n)
                keys.add(fold_key(n))
        if members_l:
            doc.provenance["members"] = {
                "line": None,
                "text": None,
                "note": "no list of members en exercice: the présents and absents named",
            }
    facts["secretaries"] = [n for n, _ in secretaries]
    for i, (_n, spos) in enumerate(secretaries):
        doc.note(f"secretaries[{i}]", spos)
    if not secretaries:
        doc.missing("secretaries", "no secrétaire de séance named")
    facts["members"] = members_l
    if not members_l:
        doc.missing("members", "no member named")
    facts["absent"] = absent_l
    facts["proxies"] = proxies
    doc.provenance.pop("present", None)

    # opening counts (head) and délibérations
    head_counts = _counts(doc, 0, head_end)
    opening = {k: head_counts[k][0] if k in head_counts else None for k in (*COUNT_KEYS, "absents")}
    if proxies:
        opening["proxies"] = len(proxies)
    elif opening["represented"] is not None:
        opening["proxies"] = opening["represented"]  # declared, the names not printed
    elif present_l or re.search(r"procuration|pouvoir|represente", f):
        opening["proxies"] = 0
    else:
        opening["proxies"] = None
    opening["present_named"] = len(present_l) if present_l else None
    deliberations = _deliberations(doc, headings, head_counts, members_l + present_l)
    _moves_at_points(doc, deliberations, members_l)
    facts["deliberations"] = deliberations

    publication, ppos = _publication(doc)
    if publication["stated"]:
        doc.note("publication", ppos)
    else:
        doc.missing("publication", "no publication line")
    elif_missing = publication["stated"] and publication["date"] is None
    if elif_missing:
        doc.missing("publication.date", "the publication line has no date")
    return ExtractResult(
        facts=facts,
        provenance=doc.provenance,
        unread=tuple(doc.unread),
        publication=publication,
        opening=opening,
    )


def _commune_name(text: str, pos: int) -> tuple[str | None, int]:
    m = re.match(
        r"((?:[A-ZÀ-Þ][\w'-]*|d'|l'|de|du|des|la|le|les|sur|sous|en|lès|lez|et)"
        r"(?:[ -](?:[A-ZÀ-Þ][\w'-]*|d'[A-ZÀ-Þ][\w'-]*|l'[A-ZÀ-Þ][\w'-]*|de|du|des|la|le|les|sur|"
        r"sous|en|lès|lez|et)){0,5})",
        text[pos : pos + 80],
    )
    if not m:
        return None, pos
    words = m.group(1).split(" ")
    stops = {
        "seance",
        "departement",
        "extrait",
        "conseil",
        "deliberation",
        "deliberations",
        "republique",
        "le",
        "la",
        "les",
        "du",
        "de",
        "des",
        "et",
        "en",
        "sous",
        "sur",
        "arrondissement",
        "canton",
        "proces",
        "affaire",
        "envoye",
        "s'est",
        "dument",
        "regulierement",
        "liste",
        "compte",
        "telephone",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "municipal",
        "session",
        "maire",
        "president",
    }
    out: list[str] = []
    for i, w in enumerate(words):
        fw = fold(w)
        if fw in stops and not (
            i > 0
            and fw in {"sur", "en", "le", "la", "les", "de", "du", "et", "sous"}
            and i + 1 < len(words)
            and words[i + 1][:1].isupper()
        ):
            break
        if i > 0 and w.isupper() and not words[0].isupper() and len(w) > 1:
            break
        out.append(w)
    while out and (fold(out[-1]) in stops or len(out[-1]) == 1):
        out.pop()
    name = " ".join(out).strip(" -'")
    if len(name) < 2 or not name[0].isupper():
        return None, pos
    return name, pos + len(name)


_BLOCK_STARTS: dict[int, list[int]] = {}


def _in_change_block(f: str, pos: int) -> bool:
    """Is ``pos`` in a later attendance block ("Questions 11 à 17 :", "Départ de ...")?"""
    line_start = f.rfind("\n", max(0, pos - 300), pos) + 1 or max(0, pos - 300)
    line = f[line_start : pos + 1]
    if re.search(r"depart\s+de|quitte|sortie\s+de|retour\s+de|arrivee\s+de", line):
        return True
    starts = _BLOCK_STARTS.get(id(f))
    if starts is None:
        starts = [m.start() for m in _QUESTIONS.finditer(f)]
        _BLOCK_STARTS.clear()
        _BLOCK_STARTS[id(f)] = starts
    return bisect.bisect_left(starts, pos) > 1


def _unique_member(name: str, known: list[str]) -> str:
    """The one member named whose name holds every word of ``name`` ("BRARD" → "Jean-Michel
    BRARD"), else ``name`` as written (none, or several: not guessed)."""
    words = set(fold_key(name).split())
    hits = {k for k in known[:MAX_KNOWN] if words and words <= set(fold_key(k).split())}
    return hits.pop() if len(hits) == 1 else name


def _name_before(doc: _Doc, pos: int) -> str | None:
    f = doc.folded
    lo = max(0, pos - 100)
    seg_start = lo
    for m in re.finditer(r"[,;:\n(—–|]|\s-\s|excusee?s?|absente?s?", f[lo:pos]):
        seg_start = lo + m.end()
    name, _ = take_name(doc.text, seg_start, pos - seg_start + 1)
    return name


def _secretary_sentence(doc: _Doc, end: int) -> tuple[str, int] | None:
    f = doc.folded
    for m in re.compile(
        r"(?:a\s+ete|est|sont|ont\s+ete)\s+(?:designee?s?|elue?s?|nommee?s?)\s+(?:pour\s+remplir|comme\s+secretaire|"
        r"secretaire|en\s+qualite\s+de\s+secretaire)|a\s+savoir\s|designe\s+(?=m|mme|monsieur|madame)"
    ).finditer(f, 0, end):
        if "secretaire" not in f[max(0, m.start() - 250) : m.end() + 60]:
            continue
        if re.match(r"a\s+savoir|designe\s", m.group(0)):
            name, _ = take_name(doc.text, m.end())
            if name:
                return name, m.start()
            continue
        lo = max(0, m.start() - 160)
        seg = f[lo : m.start()]
        cut = max(seg.rfind("."), seg.rfind(";"), seg.rfind(":"), seg.rfind("\n\n"))
        starts = [lo + cut + 1]
        nl = seg.rfind("\n")
        if nl > cut:
            starts.insert(0, lo + nl + 1)
        for start in starts:
            # the first name of the clause ("Mme X, ayant obtenu ..., a été désignée")
            for t in re.finditer(r"(?<![\w'])(?=[A-ZÀ-Þ])", doc.text[start : m.start()]):
                name, _ = take_name(doc.text, start + t.start(), m.start() - start - t.start())
                if name:
                    return name, start + t.start()
    return None


def _deliberations(
    doc: _Doc,
    headings: list[_Heading],
    head_counts: dict[str, tuple[int, int]],
    known: list[str],
) -> list[dict[str, Any]]:
    f = doc.folded
    spans: list[tuple[_Heading | None, int, int]] = []
    if not headings:
        d = _decision(doc, 0, len(f), preamble_end=len(f))
        if not head_counts and d["outcome"] is None and not d["unanimous"]:
            return []
    if len(headings) <= 1:
        spans = [(headings[0] if headings else None, 0, len(f))]
    else:
        for i, hd in enumerate(headings):
            spans.append((hd, hd.pos, headings[i + 1].pos if i + 1 < len(headings) else len(f)))
    blocks = _question_blocks(doc, headings[0].pos if len(headings) > 1 else len(f))
    out: list[dict[str, Any]] = []
    deports_head = _deports(doc, 0, headings[0].pos if len(headings) > 1 else 0, known)
    for i, (h, s, e) in enumerate(spans):
        path = f"deliberations[{i}]"
        counts = _counts(doc, s, e) if len(spans) > 1 else dict(head_counts)
        inherited = dict(head_counts)
        block = _block_for(blocks, h)
        if block is not None:
            inherited = block["counts"]
        vote_region = (s, e)
        preamble_end = len(f) if h is None else h.pos
        decision = _decision(doc, vote_region[0], vote_region[1], preamble_end)
        declared: dict[str, int | None] = {}
        for k in COUNT_KEYS:
            hit = counts.get(k) or inherited.get(k)
            if k == "exprimes" and k not in counts and len(spans) > 1:
                hit = None  # suffrages exprimés belong to one vote, not inherited
            declared[k] = hit[0] if hit else None
            if hit:
                doc.note(f"{path}.declared.{k}", hit[1])
            else:
                doc.missing(f"{path}.declared.{k}", "not stated")
        vote: dict[str, Any] = {}
        for k in ("pour", "contre", "abstentions"):
            hit = counts.get(k)
            vote[k] = hit[0] if hit else None
            if hit:
                doc.note(f"{path}.vote.{k}", hit[1])
        bn = counts.get("blancs_nuls")
        if bn is None and ("blancs" in counts or "nuls" in counts):
            bl, nu = counts.get("blancs"), counts.get("nuls")
            if bl is not None and nu is not None:
                bn = (bl[0] + nu[0], min(bl[1], nu[1]))
            else:
                bn = None
                doc.missing(f"{path}.vote.blancs_nuls", "only one of blancs / nuls is stated")
        vote["blancs_nuls"] = bn[0] if bn else None
        if bn:
            doc.note(f"{path}.vote.blancs_nuls", bn[1])
        vote["secret"] = decision["secret"]
        vote["unanimous"] = decision["unanimous"]
        vote["president"] = None
        if decision["unanimous_pos"] >= 0:
            doc.note(f"{path}.vote.unanimous", decision["unanimous_pos"])
        if all(vote[k] is None for k in ("pour", "contre", "abstentions")):
            doc.missing(f"{path}.vote", "no count of pour / contre / abstentions")
        if decision["outcome"] is not None:
            doc.note(f"{path}.outcome", decision["outcome_pos"])
        else:
            doc.missing(f"{path}.outcome", "no stated outcome")
        number = h.number if h else None
        title = h.title if h else None
        if h and number:
            doc.note(f"{path}.number", h.pos)
        else:
            doc.missing(f"{path}.number", "no délibération number found")
        if h and title:
            doc.note(f"{path}.title", h.title_pos)
        else:
            doc.missing(f"{path}.title", "no title found")
        stood_hits = _deports(doc, s if len(spans) > 1 else 0, e, known)
        if i == 0 and len(spans) > 1:
            stood_hits = deports_head + stood_hits
        stood: list[str] = []
        for n, p in stood_hits:
            if n not in stood:
                doc.note(f"{path}.stood_aside[{len(stood)}]", p)
                stood.append(n)
        arrived, left = _moves(doc, s, e, known) if len(spans) > 1 else ([], [])
        if block is not None:
            arrived = block["arrived"] + [x for x in arrived if x not in block["arrived"]]
            left = block["left"] + [x for x in left if x not in block["left"]]
        out.append(
            {
                "number": number,
                "title": title,
                "stood_aside": stood,
                "arrived": arrived,
                "left": left,
                "vote": vote,
                "outcome": decision["outcome"],
                "declared": declared,
            }
        )
    return out


def _moves_at_points(doc: _Doc, delibs: list[dict[str, Any]], known: list[str]) -> None:
    """ "X est arrivée au point 2", "X quitte la séance au point 5": attach to that item."""
    by_number: dict[int, int] = {}
    for i, d in enumerate(delibs):
        num = d.get("number") or ""
        if num.isdigit() and len(num) <= 3:
            by_number[int(num)] = i
    for pat, key, offset, words in (
        (_ARRIVED_AT, "arrived", 0, ("arrive", "entre")),
        (_LEFT_AT, "left", 1, ("quitte", "part", "sort")),
    ):
        if all(w not in doc.folded for w in words):
            continue  # every match holds one of these words
        for m in pat.finditer(doc.folded):
            name = _name_before(doc, m.start())
            if not name:
                continue
            name = (resolve(name, known) or name) if known else name
            n = int(m.group("n"))
            idx = by_number.get(n)
            if idx is None and 1 <= n <= len(delibs) and len(delibs) > 1:
                idx = n - 1
            if idx is None:
                doc.missing(key, f"{name}: item {n} not found among the délibérations read")
                continue
            idx = idx + offset if key == "left" else idx
            if idx >= len(delibs):
                continue
            if name not in delibs[idx][key]:
                delibs[idx][key].append(name)
                doc.note(f"deliberations[{idx}].{key}[{len(delibs[idx][key]) - 1}]", m.start())


def _question_blocks(doc: _Doc, end: int) -> list[dict[str, Any]]:
    f = doc.folded
    ms = list(_QUESTIONS.finditer(f, 0, end))
    out = []
    for i, m in enumerate(ms):
        be = ms[i + 1].start() if i + 1 < len(ms) else min(end, m.end() + 600)
        moves = _moves(doc, m.end(), be, [])
        out.append(
            {
                "a": int(m.group("a")),
                "b": int(m.group("b")) if m.group("b") else 10**6,
                "counts": _counts(doc, m.end(), be),
                "arrived": moves[0],
                "left": moves[1],
                "first": i == 0,
            }
        )
    return out


def _block_for(blocks: list[dict[str, Any]], h: _Heading | None) -> dict[str, Any] | None:
    if not blocks or h is None or h.number is None or not h.number.isdigit():
        return None
    n = int(h.number)
    for b in blocks:
        if b["a"] <= n <= b["b"]:
            if n != b["a"]:
                return {**b, "arrived": [], "left": []}
            return b
    return None


def _moves(doc: _Doc, start: int, end: int, known: list[str]) -> tuple[list[str], list[str]]:
    f = doc.folded
    arrived: list[str] = []
    left: list[str] = []
    for pat, target, words in (
        (_ARRIVED, arrived, ("arrive", "retour", "rejoint")),
        (_LEFT, left, ("depart", "sortie", "quitte", "s'absente")),
    ):
        if all(f.find(w, start, end) < 0 for w in words):
            continue  # every match holds one of these words
        for m in pat.finditer(f, start, end):
            if m.group(0).rstrip().endswith("de"):
                name, _ = take_name(doc.text, m.end())
            else:
                name = _name_before(doc, m.start())
            if name:
                name = resolve(name, known) or name if known else name
                if name not in target:
                    target.append(name)
    return arrived, left


def _deports(doc: _Doc, start: int, end: int, known: list[str]) -> list[tuple[str, int]]:
    f = doc.folded
    out: list[tuple[str, int]] = []
    for m in _DEPORT.finditer(f, start, end):
        lo = max(start, m.start() - 300)
        seg = f[lo : m.start()]
        cut = max(seg.rfind(". "), seg.rfind(";"), seg.rfind("\n\n"), seg.rfind(":"))
        s0 = lo + cut + 1
        clause = doc.text[s0 : m.start()]
        found: list[str] = []
        if known and len(known) <= MAX_KNOWN:
            ck = set(fold_key(clause).split())
            for n in known:
                k = fold_key(n).split()
                if k and all(w in ck for w in k) and n not in found:
                    found.append(n)
        if not found:
            for t in re.finditer(r"(?<![\w'])(?=[A-ZÀ-Þ])", clause):
                name, _ = take_name(doc.text, s0 + t.start(), m.start() - s0 - t.start())
                if name:
                    found.append(name)
                    break
        for n in found:
            if n not in [o for o, _p in out]:
                out.append((n, m.start()))
    return out


def _unanimity(f: str, start: int, end: int) -> re.Match[str] | None:
    """``_UNANIMITY.search(f, start, end)``: every match holds "unanim" at most 5
    characters after its start ("a l' unanimite"), so only those places are tried."""
    q = f.find("unanim", start, end)
    tried = start
    while q >= 0:
        for p in range(max(tried, q - 5), q + 1):
            m = _UNANIMITY.match(f, p, end)
            if m is not None:
                return m
        tried = q + 1
        q = f.find("unanim", q + 1, end)
    return None


#: The approval of an earlier séance's minutes ("le procès-verbal de la séance du 26 juin
#: est adopté à l'unanimité"): in the preamble, before a délibération's heading, it is not
#: the vote of a délibération of this séance.
_MINUTES = re.compile(
    r"proces[ -]?verbal|compte[ -]?rendu|precedente\s+(?:seance|reunion)"
    r"|(?:seance|reunion)\s+precedente"
)


def _minutes_sentence(f: str, pos: int) -> bool:
    # the sentence: from the last "." or blank line (a sentence may wrap over lines)
    lo = max(f.rfind(".", max(0, pos - 300), pos), f.rfind("\n\n", max(0, pos - 300), pos))
    hi_dot, hi_nl = f.find(".", pos, pos + 300), f.find("\n\n", pos, pos + 300)
    hi = min(x for x in (hi_dot, hi_nl, min(len(f), pos + 300)) if x >= 0)
    return _MINUTES.search(f, lo + 1, hi) is not None


def _decision(doc: _Doc, start: int, end: int, preamble_end: int = -1) -> dict[str, Any]:
    """The vote and outcome stated in ``f[start:end]``; before ``preamble_end`` the approval
    of earlier minutes is skipped."""
    f = doc.folded
    unanimous = _unanimity(f, start, end)
    while unanimous is not None and unanimous.start() < preamble_end:
        if not _minutes_sentence(f, unanimous.start()):
            break
        unanimous = _unanimity(f, unanimous.end(), end)
    secret = _SECRET.search(f, start, end)
    outcome: str | None = None
    outcome_pos = -1
    for sent in re.finditer(r"[^.\n]{1,400}[.\n]?", f[start:end]):
        st = sent.group(0)
        if not st.strip() or not _DECISION_CONTEXT.search(st):
            continue
        if st.lstrip().startswith("vu "):
            continue
        at = start + sent.start() + len(st) - len(st.lstrip())
        if at < preamble_end and _minutes_sentence(f, at):
            continue  # "Le procès-verbal de la séance précédente est adopté"
        if _REJECTED.search(st):
            outcome, outcome_pos = "rejected", start + sent.start()
            break
        if _ADOPTED.search(st) or _UNANIMITY.search(st):
            outcome, outcome_pos = "adopted", start + sent.start()
            break
    return {
        "unanimous": unanimous is not None,
        "unanimous_pos": unanimous.start() if unanimous else -1,
        "secret": secret is not None,
        "outcome": outcome,
        "outcome_pos": outcome_pos,
    }


#: The largest text file read (the real extracts and PVs are under 20 KB; a whole
#: year's registre is under 1 MB): above it, reading would take seconds per MB.
MAX_FILE_BYTES = 2 * 1024 * 1024


def read_extract_file(path: str) -> ExtractResult:
    """Read a text file (UTF-8) and its séance facts; InputError names the file.

    An empty file, or a text in which nothing of a séance is recognised (no date,
    commune, member, délibération or publication line), is an error, not empty facts.
    """
    from .structured import read_text

    text = read_text(path, max_bytes=MAX_FILE_BYTES)
    if not text.strip():
        raise InputError(path, "empty file")
    try:
        r = read_extract(text)
    except InputError as e:
        raise InputError(path, e.reason) from None
    if nothing_read(r):
        raise InputError(
            path,
            "no séance fact recognised (no date, commune, member, délibération or "
            "publication line): is it the text of a délibération?",
        )
    return r


def nothing_read(r: ExtractResult) -> bool:
    """True when the text gave no fact at all of a séance."""
    f = r.facts
    return (
        f["date"] is None
        and f["commune"]["name"] is None
        and f["convocation"]["sent_on"] is None
        and f["president"] is None
        and not any(f[k] for k in ("secretaries", "members", "absent", "proxies", "deliberations"))
        and not r.publication["stated"]
    )


def load_seance_input(path: str) -> dict[str, Any]:
    """Séance facts in the Part B input format from a file, whatever its kind.

    A ``.txt`` file is read with :func:`read_extract`; a JSON/TOML file is either
    the facts themselves or the output of ``read --json`` (its ``facts`` are taken).
    """
    from pathlib import Path

    from .structured import load_document

    if Path(path).suffix.lower() in (".txt", ".text"):
        return dict(read_extract_file(path).facts)
    doc = load_document(path)
    if doc.get("format") == FORMAT and isinstance(doc.get("facts"), dict):
        return dict(doc["facts"])
    return doc


__all__ = ["FORMAT", "ExtractResult", "load_seance_input", "read_extract", "read_extract_file"]
