"""``check-seance`` on a text whose printed counts its own lists contradict (SPEC D):
``count-list-disagree`` instead of a false ``presence-mismatch``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from groupement_rules.cli import main
from groupement_rules.readers.text import read_extract
from groupement_rules.readers.text.findings import CATALOGUE

FIXTURES = Path(__file__).parent / "fixtures"


def _codes(capsys: pytest.CaptureFixture[str], path: Path) -> list[str]:
    main(["check-seance", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    return [f["code"] for f in out["findings"]]


def test_a_disagreeing_list_is_reported_as_such(capsys: pytest.CaptureFixture[str]) -> None:
    codes = _codes(capsys, FIXTURES / "layout-list-disagrees.txt")
    assert codes.count("count-list-disagree") == 2
    assert "presence-mismatch" not in codes and "votants-mismatch" not in codes


def test_the_same_facts_without_the_reading_still_mismatch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    r = read_extract((FIXTURES / "layout-list-disagrees.txt").read_text(encoding="utf-8"))
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(dict(r.facts)), encoding="utf-8")
    codes = _codes(capsys, facts)
    assert "count-list-disagree" not in codes and "presence-mismatch" in codes
    # the saved output of read --json keeps the disagreements
    saved = tmp_path / "read.json"
    saved.write_text(json.dumps(r.to_dict()), encoding="utf-8")
    assert "count-list-disagree" in _codes(capsys, saved)


def test_a_consistent_text_has_no_such_finding(capsys: pytest.CaptureFixture[str]) -> None:
    assert "count-list-disagree" not in _codes(capsys, FIXTURES / "layout-pairs-et.txt")


def test_the_catalogue_declares_the_code_with_both_languages() -> None:
    spec = CATALOGUE["count-list-disagree"]
    assert spec.severity.value == "warning"
    assert {"printed", "listed", "label_fr", "label_en"} <= spec.reads
