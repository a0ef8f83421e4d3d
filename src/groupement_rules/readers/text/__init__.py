"""The text reader of délibérations (SPEC Part D): a text, or a PDF's text layer, into
séance facts with a reading record.

The reader is a pipeline of small named stages over one :class:`Document` (which owns
every per-read memo: no stage keeps module-level state, so reading is re-entrant):

- normalise (:mod:`..textnorm`): NFC, spaces, ligatures, hyphenation, mojibake;
- :mod:`.commune`, :mod:`.dates` (séance, convocation), :mod:`.attendance` (sections,
  names, procurations), :mod:`.counts`, :mod:`.headings` and :mod:`.deliberations`
  (votes, outcomes, déports, movements), :mod:`.publication` (lines and stamps);
- :mod:`.reconcile`: one step that chooses between the candidate readings of the
  opening counts with the identities of SPEC B.2.6, and records for each count whether
  it was printed, counted from a list or derived.

The French vocabulary is data in :mod:`.lexicon`. See ``docs/reading.md``.
"""

from __future__ import annotations

from .files import (
    load_seance_input,
    load_seance_reading,
    nothing_read,
    read_extract_file,
    read_pdf,
)
from .reader import read_extract
from .record import FORMAT, ExtractResult

__all__ = [
    "FORMAT",
    "ExtractResult",
    "load_seance_input",
    "load_seance_reading",
    "nothing_read",
    "read_extract",
    "read_extract_file",
    "read_pdf",
]
