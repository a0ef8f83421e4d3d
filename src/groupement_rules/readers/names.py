"""People's names in délibérations: civilities, either order, lists.

A name is read token by token from a position: an optional civility (M., Mme,
MM., Mmes, Monsieur, Madame...), then words that start with a capital letter
(or particles such as "de", "LE" followed by one), stopping at punctuation,
at a word in lower case, at a word that is not a name ("Conseil", "Maire"),
or when a second name starts ("Evelyne BOSSU Xavier BACHELET": the shape
Capitalised, CAPITALS, Capitalised means a new person). Bounded: at most
eight tokens, so reading is linear in the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from ..seance.names import roster
from .textnorm import fold

_CIVILITY = re.compile(
    r"(?:Mesdames\s+et\s+Messieurs|Messieurs\s+et\s+Mesdames|Mmes\s+et\s+MM\.?|MM\.?\s+et\s+Mmes|"
    r"Mesdames|Messieurs|Monsieur|"
    r"Madame|Mademoiselle|Mmes|Mme|Mlle|"
    r"(?:MESDAMES|MESSIEURS|MONSIEUR|MADAME|MADEMOISELLE|MMES|MME|MLLE|MR)(?![A-Za-zÀ-ÿ])|"
    r"MM\.?|Mr\.?|M\.|M(?=\s+[A-ZÀ-Þ]))\s*",
)
#: A civility then a capitalised word, inside a run of names: the next person begins.
_NEXT_PERSON = re.compile(
    r"(?:M\.|MM\.|Mme|Mmes|MME|MMES|Monsieur|Madame|MONSIEUR|MADAME)[ ]+[A-ZÀ-Þ]"
)
_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['-][^\W\d_]+)*\.?|[ \n]+|.", re.UNICODE)
_PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "d",
        "le",
        "la",
        "les",
        "van",
        "von",
        "der",
        "den",
        "di",
        "da",
        "del",
        "dos",
        "ben",
        "el",
    ]
)
STOP_WORDS = frozenset(
    [
        "etaient",
        "etait",
        "sont",
        "est",
        "ont",
        "present",
        "presents",
        "presente",
        "presentes",
        "absent",
        "absents",
        "absente",
        "absentes",
        "excuse",
        "excuses",
        "excusee",
        "excusees",
        "procuration",
        "procurations",
        "pouvoir",
        "pouvoirs",
        "secretaire",
        "secretaires",
        "maire",
        "maires",
        "adjoint",
        "adjointe",
        "adjoints",
        "conseil",
        "conseiller",
        "conseillere",
        "conseillers",
        "conseilleres",
        "municipal",
        "municipale",
        "municipaux",
        "president",
        "presidente",
        "mairie",
        "commune",
        "ville",
        "vu",
        "il",
        "elle",
        "ils",
        "elles",
        "apres",
        "sur",
        "article",
        "code",
        "seance",
        "total",
        "nombre",
        "date",
        "questions",
        "question",
        "depart",
        "retour",
        "arrivee",
        "assistaient",
        "ordre",
        "jour",
        "objet",
        "election",
        "soit",
        "republique",
        "francaise",
        "departement",
        "arrondissement",
        "canton",
        "donne",
        "par",
        "et",
        "ou",
        "directeur",
        "directrice",
        "general",
        "generale",
        "services",
        "prefecture",
        "membres",
        "membre",
        "quorum",
        "nota",
        "acte",
        "recu",
        "publie",
        "publiee",
        "deliberation",
        "deliberations",
        "decide",
        "approuve",
        "approuvee",
        "adopte",
        "adoptee",
        "unanimite",
        "pour",
        "contre",
        "abstention",
        "abstentions",
        "votants",
        "exercice",
        "representes",
        "represente",
        "representee",
        "monsieur",
        "madame",
        "ayant",
        "conformement",
        "considerant",
        "entendu",
        "proposition",
        "rapporteur",
        "rapport",
        "affaire",
        "liste",
        "listes",
        "madame",
        "lequel",
        "laquelle",
        "vote",
        "votes",
        "mme",
        "mm",
        "mmes",
        "mlle",
        "cette",
        "ce",
        "ces",
        "leur",
        "leurs",
        "son",
        "sa",
        "ses",
        "en",
        "au",
        "aux",
        "dans",
        "avec",
        "sans",
        "mais",
        "delegue",
        "deleguee",
        "delegues",
        "assiste",
        "auditeur",
        "auditeurs",
        "assistee",
        "communaute",
        "communes",
        "region",
        "etat",
        "prefet",
        "sous",
        "prefete",
        "secretariat",
        "envoye",
        "convocation",
        "convoques",
        "convoque",
        "excusee",
        "nombre",
        "monsieur",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "tout",
        "toute",
        "tous",
        "toutes",
        "suffrages",
        "majorite",
        "bulletins",
        "certifie",
        "fait",
        "extrait",
        "registre",
        "pour",
        "copie",
        "conforme",
        "signe",
        "signature",
        "affiche",
        "ont",
        "mesdames",
        "messieurs",
        "agent",
        "agents",
        "titulaire",
        "suppleant",
        "titulaires",
        "suppleants",
    ]
)


@functools.lru_cache(maxsize=8192)
def _is_upper_word(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters)


def _is_cap_word(tok: str) -> bool:
    return bool(tok) and tok[0].isupper() and not _is_upper_word(tok)


def strip_civility(s: str) -> tuple[str, bool]:
    m = _CIVILITY.match(s)
    if m and m.end() > 0:
        return s[m.end() :], True
    return s, False


#: what may follow a whole name in a list: a separator, a parenthesis, « et », the line's end
_NAME_END = re.compile(r"[ ]?(?:[,;.()\n]|et\s|$)")


def _surname_after_first_name(
    text: str, end: int, limit: int, word: str, shapes: list[str], pending: list[str]
) -> bool:
    """« Marc VILLE, », « Henri MAIRE (…) »: a word of the structure of délibérations, in
    capitals right after a single capitalised first name and ending the name, is that
    member's surname (« Claire LABAT, Maire » keeps its comma, and « M. le Maire » is not
    in capitals)."""
    return (
        shapes == ["C"]
        and not pending
        and len(word) >= 3
        and _is_upper_word(word)
        and _NAME_END.match(text, end, limit) is not None
    )


def take_name(text: str, pos: int = 0, limit: int = 120) -> tuple[str | None, int]:
    """The name that starts at ``text[pos]`` (after spaces): (name or None, end)."""
    end_limit = min(len(text), pos + limit)
    i = pos
    while i < end_limit and text[i] in " \n":
        i += 1
    m = _CIVILITY.match(text, i, end_limit)
    civility = False
    if m and m.end() > i:
        civility = True
        i = m.end()
    tokens: list[str] = []
    shapes: list[str] = []
    changes = 0  # how often the shape changed (CAPITALS ↔ Capitalised) along the name
    last_end = i
    newlines = 0
    j = i
    pending_particles: list[str] = []
    pending_end = j
    while j < end_limit and len(tokens) < 8:
        t = _TOKEN.match(text, j, end_limit)
        if t is None:
            break
        tok = t.group(0)
        if tok.isspace():
            newlines += tok.count("\n")
            if newlines > 1:
                break
            j = t.end()
            continue
        word = tok.rstrip(".")
        if not word or not word[0].isalpha():
            break
        if tokens and tok[0] == "M" and _NEXT_PERSON.match(text, j, end_limit):
            break  # "MME NIBODEAU M. BOBIER": a civility starts the next person
        if newlines and "U" in shapes and "C" in shapes:
            break  # "PRIGENT Loïc" is whole: the next line is not its continuation
        f = fold(word)
        if f in _PARTICLES:
            pending_particles.append(word)
            pending_end = t.end()
            j = t.end()
            continue
        if not word[0].isupper():
            break
        base = f.replace("'", " ").split()[0] if f else f
        if (base in STOP_WORDS or f in STOP_WORDS) and not _surname_after_first_name(
            text, t.end(), end_limit, word, shapes, pending_particles
        ):
            break
        shape = "U" if _is_upper_word(word) else "C"
        if len(word) <= 2 and shape == "U" and tokens:
            shape = "I"  # initials: JACQUE JP, PERCHERON C
        if shape != "I" and shapes and shapes[-1] != shape and changes >= 1:
            break
        tokens.extend(pending_particles)
        pending_particles = []
        tokens.append(word if not tok.endswith(".") or len(word) > 2 else tok)
        if shape != "I":
            if shapes and shapes[-1] != shape:
                changes += 1
            shapes.append(shape)
        last_end = t.end()
        j = t.end()
        newlines = 0
    if tokens and pending_particles and all(len(p) == 1 and p.isupper() for p in pending_particles):
        tokens.extend(pending_particles)  # initials: "PIEDFER D"
        last_end = pending_end
    if not tokens:
        if civility:
            m2 = re.match(r"[^,;:.()\n|–—]{2,60}", text[i:end_limit])
            # at most four words ("M. le Maire"); longer is a sentence ("Monsieur le maire ouvre
            # la séance ..."), not a name
            if m2 and re.search(r"[^\W\d_]", m2.group(0)) and len(m2.group(0).split()) <= 4:
                return m2.group(0).strip(), i + m2.end()
        return None, last_end
    has_upper = any(_is_upper_word(w) and len(w) >= 2 for w in tokens)
    caps = sum(1 for w in tokens if w[0].isupper())
    if not (has_upper or caps >= 2 or civility):
        return None, last_end
    name = " ".join(tokens).strip(" .")
    return (name or None), last_end


def split_items(region: str) -> list[tuple[int, str]]:
    """Cut a list into items at , ; | — – and spaced hyphens; (offset, item)."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in re.finditer(r"[,;|\n]|\s[-–—]+\s?|[–—]+|\s+et\s+(?=[A-ZÀ-Þ])", region):
        if m.group(0) == "\n":
            continue
        out.append((start, region[start : m.start()]))
        start = m.end()
    out.append((start, region[start:]))
    return out


def resolve(raw: str, known: Sequence[str]) -> str | None:
    """The member of ``known`` that ``raw`` designates, as the rules of the séance find it
    (:meth:`groupement_rules.seance.names.Roster.find`), or None."""
    return roster(tuple(known)).resolve(raw) if known else None


__all__ = ["STOP_WORDS", "resolve", "split_items", "strip_civility", "take_name"]
