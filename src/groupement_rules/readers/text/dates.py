"""Stage: the date of the séance and the date the convocation was sent."""

from __future__ import annotations

import datetime as dt
import re

from ..french_dates import find_dates, find_relative_days, year_after_an
from .document import Document
from .lexicon import SENT_VERB, STAMP_BEFORE
from .search import WordStart

# ----------------------------------------------------------------------------- dates


#: Words that, earlier on the same line, make "… du conseil municipal du <date>" the date of
#: an earlier séance whose minutes are approved or read, not the date of this one.
EARLIER_MINUTES = re.compile(r"approb|approuve|lecture|precedente|adopte")


#: "L'an deux mille ..." (searched from its literal, the look-behind checked on each hit).
L_AN = WordStart(r"l\s?'?\s?an\s+(?=[a-z0-9])")

#: "CONVOCATION : L'an deux mille seize, le dix-huit novembre, Nous, X, certifions avoir
#: convoqué ... pour le vingt-cinq novembre": that "L'an" dates the convocation.
CONVOCATION_CERTIFICATE = re.compile(r"certifi\w{0,4}\s+avoir\s+convoque|avons\s+convoque")


def convocation_an(f: str, an_start: int, an_end: int) -> bool:
    if "convocation" in f[max(0, an_start - 30) : an_start]:
        return True
    return CONVOCATION_CERTIFICATE.search(f, an_end, min(len(f), an_end + 250)) is not None


def seance_date(doc: Document) -> tuple[dt.date | None, int]:
    f = doc.folded
    for m in L_AN.finditer(f):
        year = year_after_an(f, m.end())
        if year is None:
            continue
        if convocation_an(f, m.start(), m.end()):
            continue  # the date of the convocation, not of the séance
        dates = find_dates(f, year[1], min(len(f), year[1] + 120), default_year=year[0])
        if dates:
            return dates[0][2], m.start()
    for m in re.finditer(
        r"(?<![a-z])(?:seance|reunion|session)(?:\s+(?:ordinaire|extraordinaire|publique|"
        r"du\s+conseil\s+[a-z' ]{0,40}?))?\s+du\s|conseil\s+(?:municipal|d'administration|"
        r"communautaire|syndical)\s+du\s|seance\s+qui\s+s'ouvrira\s+le"
        # « PROCÈS-VERBAL DU CONSEIL COMMUNAUTAIRE JEUDI 4 JUIN 2020 »: the title, then the day
        r"|(?:conseil\s+(?:municipal|communautaire|syndical)|comite\s+syndical)\s+"
        r"(?=(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s)",
        f,
    ):
        before = f[max(0, m.start() - 80) : m.start()]
        if EARLIER_MINUTES.search(before[before.rfind("\n") + 1 :]):
            continue  # "Approbation du compte rendu du conseil municipal du 4 septembre"
        dates = [
            d
            for d in find_dates(f, m.end(), min(len(f), m.end() + 60))
            if not publication_date(f, m.end(), d[0])
        ]
        if dates and not approved_after(f, dates[0][1]):
            annexed = annexed_minutes_date(f, dates[0][1], dates[0][2])
            if annexed is not None:
                return annexed
            if annexed_heading_disagrees(f, dates[0][1], dates[0][2]):
                return None, -1  # minutes of another séance, their date ambiguous: unread
            return dates[0][2], dates[0][0]
    for m in re.finditer(r"s'est\s+reuni|se\s+sont\s+reunis|s'est\s+assemble|etant\s+assemble", f):
        # "s'est réuni en séance ordinaire, salle du Conseil, …, le lundi 2 mars 2020": the
        # date of the same sentence, after the verb
        after = find_dates(f, m.end(), sentence_end(f, m.end(), 250))
        if after:
            return after[0][2], after[0][0]
        dates = [
            d
            for d in find_dates(f, max(0, m.start() - 300), m.start())
            if "convo" not in f[max(0, d[0] - 40) : d[0]]
            and STAMP_BEFORE.search(f, max(0, d[0] - 25), d[0]) is None
        ]
        if dates:
            return dates[0][2], dates[0][0]
    return None, -1


#: « date de publication 14.03.2019 », « publié le … »: when a document was published
PUBLISHED = re.compile(r"publi(?:cation|e)")
#: « Le compte rendu du conseil municipal du 4 mars 2022 est approuvé »: minutes approved
APPROVED_AFTER = re.compile(r"\s?,?\s?(?:est|sont|a\s+ete)?\s?(?:approuve|adopte)")
#: « Approbation du procès-verbal du 6 avril 2022 »: the minutes a later meeting approves
APPROVAL_OF_MINUTES = re.compile(
    r"approbation\s+d[ue]\s+(?:la\s+)?(?:proces\s?-?\s?verbal|compte\s?-?\s?rendu|pv|cr)"
    r"(?:\s+de\s+la\s+(?:seance|reunion))?\s+du\s"
)
#: what opens the minutes of a séance after its heading date
OPENING_AFTER = re.compile(r"\s?[,.:]?\s?(?:sous\s+la\s+presidence|presents?\s?:)")


def publication_date(f: str, lo: int, start: int) -> bool:
    """A date labelled as a publication date (a document site's metadata, a publication
    stamp) is not the date of the séance."""
    return PUBLISHED.search(f, max(lo, start - 30), start) is not None


def approved_after(f: str, date_end: int) -> bool:
    """« … du conseil municipal du 4 mars 2022 est approuvé »: the date of minutes the
    séance approves, an earlier séance's."""
    return APPROVED_AFTER.match(f, date_end, date_end + 30) is not None


def annexed_minutes_date(f: str, first_end: int, first: dt.date) -> tuple[dt.date, int] | None:
    """Minutes annexed to a later meeting's note: « Réunion du 27 avril 2022 … Approbation du
    procès-verbal du 6 avril 2022 Réunion du 6 avril 2022 Sous la présidence de … ». The
    heading that opens the attendance, with the date of the minutes approved, dates the
    séance these minutes record; the first date is the meeting that approves them."""
    ap = APPROVAL_OF_MINUTES.search(f, first_end, min(len(f), first_end + 200))
    if ap is None:
        return None
    approved = find_dates(f, ap.end(), min(len(f), ap.end() + 40))
    if not approved or approved[0][2] >= first:
        return None
    _s, a_end, day = approved[0]
    for m in re.finditer(r"(?:seance|reunion)\s+du\s", f[a_end : a_end + 120]):
        again = find_dates(f, a_end + m.end(), min(len(f), a_end + m.end() + 40))
        if again and again[0][2] == day and OPENING_AFTER.match(f, again[0][1]):
            return day, again[0][0]
    return None


#: Where a convocation is named (searched from its words: see Document.scan)
CONVOCATION_WORD = re.compile(
    r"(?<![a-z])(date\s+(?:de\s+(?:la\s+)?|d')convocation|convocation|convoquee?s?)"
)
CONVOCATIONS = re.compile(r"(?<![a-z])convocations?(?![a-z])")


def annexed_heading_disagrees(f: str, first_end: int, first: dt.date) -> bool:
    """« Réunion du 3 mars 2021 … Approbation du procès-verbal du 28 janvier 2021 Réunion du
    21 janvier 2021 Sous la présidence de … »: minutes annexed to a later meeting, whose
    heading does not give the date of the minutes approved. The first date is the meeting
    that approves them, not the séance, and which of the other two is the séance's the
    text does not settle."""
    ap = APPROVAL_OF_MINUTES.search(f, first_end, min(len(f), first_end + 200))
    if ap is None:
        return False
    approved = find_dates(f, ap.end(), min(len(f), ap.end() + 40))
    if not approved or approved[0][2] >= first:
        return False
    a_end = approved[0][1]
    for m in re.finditer(r"(?:seance|reunion)\s+du\s", f[a_end : a_end + 120]):
        again = find_dates(f, a_end + m.end(), min(len(f), a_end + m.end() + 40))
        if again and again[0][2] < first and OPENING_AFTER.match(f, again[0][1]):
            return again[0][2] != approved[0][2]
    return False


def convocation_date(doc: Document, seance: dt.date | None) -> tuple[dt.date | None, int]:
    f = doc.folded
    for m in L_AN.finditer(f):
        year = year_after_an(f, m.end())
        if year is None or not convocation_an(f, m.start(), m.end()):
            continue
        dates = find_dates(f, year[1], min(len(f), year[1] + 120), default_year=year[0])
        if dates and (seance is None or 0 < (seance - dates[0][2]).days <= 60):
            return dates[0][2], dates[0][0]
    for m in doc.scan(CONVOCATION_WORD, ("date", "convo"), 0, len(f)):
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
        if seance is not None:
            # « convoqués le quatorze courant »: the month and year of the séance
            # (« sur convocation du Maire X, adressée le dix-neuf du même mois »: the same
            # sentence)
            for start, day in find_relative_days(f, m.end(), sentence_end(f, m.end(), 90)):
                if day < seance.day:
                    return seance.replace(day=day), start
    # "les convocations individuelles, l'ordre du jour et les notes … ont été transmis …
    # aux conseillers le 12 novembre 2020": a verb of sending in the sentence dates it
    for m in doc.scan(CONVOCATIONS, ("convocation",), 0, len(f)):
        end = sentence_end(f, m.end(), 300)
        verb = SENT_VERB.search(f, m.end(), end)
        if verb is None:
            continue
        for start, _end, date in find_dates(
            f, verb.end(), end, default_year=seance.year if seance is not None else None
        ):
            if seance is None or 0 < (seance - date).days <= 60:
                return date, start
    return None, -1


def sentence_end(f: str, pos: int, limit: int) -> int:
    """The end of the sentence that ``pos`` is in (a full stop, a blank line), within ``limit``."""
    end = min(len(f), pos + limit)
    stops = [i for i in (f.find(". ", pos, end), f.find("\n\n", pos, end)) if i >= 0]
    return min(stops) if stops else end
