"""Stage: the date of the séance and the date the convocation was sent."""

from __future__ import annotations

import datetime as dt
import re

from ..french_dates import find_dates, year_after_an
from .document import Document
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
        r"communautaire|syndical)\s+du\s|seance\s+qui\s+s'ouvrira\s+le",
        f,
    ):
        before = f[max(0, m.start() - 80) : m.start()]
        if EARLIER_MINUTES.search(before[before.rfind("\n") + 1 :]):
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


def convocation_date(doc: Document, seance: dt.date | None) -> tuple[dt.date | None, int]:
    f = doc.folded
    for m in L_AN.finditer(f):
        year = year_after_an(f, m.end())
        if year is None or not convocation_an(f, m.start(), m.end()):
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
