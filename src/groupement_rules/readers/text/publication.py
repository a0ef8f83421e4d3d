"""Stage: the publication line and its date."""

from __future__ import annotations

from typing import Any

from ..french_dates import find_dates
from .document import Document
from .lexicon import PUBLICATION, PUBLICATION_STARTS


def read_publication(doc: Document) -> tuple[dict[str, Any], int]:
    f = doc.folded
    stated = False
    first = -1
    for m in doc.scan(PUBLICATION, PUBLICATION_STARTS, 0, len(f)):
        ctx = f[max(0, m.start() - 30) : m.start()]
        if "compter de sa" in ctx or "a compter" in ctx:
            continue  # "à compter de sa publication": the recours sentence, not a line
        if not stated:
            stated, first = True, m.start()
        dates = find_dates(f, m.end(), min(len(f), m.end() + 25))
        if dates and dates[0][0] - m.end() <= 6:
            return {"stated": True, "date": dates[0][2].isoformat()}, m.start()
    return {"stated": stated, "date": None}, first
