"""Properties of the bilingual texts, over the questions' whole range of dates.

Whatever the day asked about: every computed date, reading and answer has a label in
both languages; a date's arithmetic is written in both, with dates in long form (no
ISO date is left in the French or English ``how``); and the French and English texts
of a decision name the same days.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from groupement_rules import labels
from groupement_rules.convention.policy import default_convention
from groupement_rules.convention.rules import status_on, withdrawal
from groupement_rules.deadlines import default_deadlines, recours
from groupement_rules.decision import Decision
from groupement_rules.holidays_fr import calendar_for_insee
from groupement_rules.render import render_text
from groupement_rules.seance.convocation import latest_sending_day
from groupement_rules.seance.policy import load_cgct

CONV = default_convention()
CGCT = load_cgct(None)
DEADLINES = default_deadlines()
CAL = calendar_for_insee("57463")  # Metz: Alsace-Moselle holidays as well
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
#: Case-law references keep their French dates in both languages (« CE, 13 mai 2015 »).
CASE = re.compile(r"CE, \d+ \w+\.? \d{4}")
days = st.dates(dt.date(2021, 1, 1), dt.date(2031, 12, 31))


def _decisions(day: dt.date, population: int) -> list[Decision]:
    return [
        withdrawal(CONV, sent_on=day),
        withdrawal(CONV, received_on=day, reading="received"),
        status_on(CONV, day),
        recours(DEADLINES, day, CAL),
        latest_sending_day(CGCT, day, population),
    ]


def _long_dates(text: str, lang: str) -> set[dt.date]:
    """The dates written in long form in ``text`` (« 1er mars 2026 », "1 March 2026")."""
    months = {labels.long_date(2000, m, 2, lang).split()[1]: m for m in range(1, 13)}
    found = re.findall(rf"\b(1er|\d{{1,2}}) ({'|'.join(months)}) (\d{{4}})\b", CASE.sub("", text))
    return {dt.date(int(y), months[m], 1 if d == "1er" else int(d)) for d, m, y in found}


@given(days, st.integers(0, 300_000))
def test_every_identifier_is_labelled_and_every_how_is_bilingual(
    day: dt.date, population: int
) -> None:
    for d in _decisions(day, population):
        assert labels.answer_label(d.question, d.answer) is not None, (d.question, d.answer)
        for c in d.dates:
            assert labels.date_label(c.name) is not None, c.name
            assert c.how_en is not None, c.name
            assert not ISO.search(c.how) and not ISO.search(c.how_in("en")), c
            if c.note is not None:
                assert c.note_en is not None, c.name
        for i in d.interpretations:
            assert labels.reading_label(i.key) is not None, i.key
            assert labels.reading_value_label(i.key, i.value) is not None, (i.key, i.value)


@given(days, st.integers(0, 300_000))
def test_french_and_english_text_give_the_same_days(day: dt.date, population: int) -> None:
    """The two languages say the same days: none is written in one language only."""
    for d in _decisions(day, population):
        fr, en = render_text(d, "fr"), render_text(d, "en")
        assert _long_dates(fr, "fr") == _long_dates(en, "en"), d.question
