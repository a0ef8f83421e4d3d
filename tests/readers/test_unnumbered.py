"""A délibération whose number the text does not print can still be checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from groupement_rules.readers.seance import seance_from_dict
from groupement_rules.readers.text.files import load_seance_reading, numbered
from groupement_rules.seance.policy import load_cgct
from groupement_rules.seance.rules import check_seance


def test_only_the_missing_numbers_are_named_by_their_place() -> None:
    facts = {"deliberations": [{"number": "2026-02-03"}, {"number": None}, {}], "date": "x"}
    out = numbered(facts)
    assert [d["number"] for d in out["deliberations"]] == ["2026-02-03", "#2", "#3"]
    assert facts["deliberations"][1]["number"] is None  # the reading itself is unchanged


def test_every_shared_text_can_be_checked(shared: Path) -> None:
    texts = sorted((shared / "data" / "real-texts").glob("*.txt"))
    if not texts:
        pytest.skip("no shared texts")
    cgct = load_cgct(None)
    for path in texts:
        facts, _ = load_seance_reading(str(path))
        if facts.get("date") is None:
            continue  # no séance date: nothing to check (a clear InputError)
        d = check_seance(seance_from_dict(facts, str(path)), cgct)
        assert d.answer is not None, path.name
