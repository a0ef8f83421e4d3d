"""Error lines: English by default (scripts match them), French with ``--lang fr``."""

from __future__ import annotations

from pathlib import Path

import pytest

from groupement_rules.cli import main
from groupement_rules.render.errors import REASONS_FR, error_language, reason_in


def _err(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    return err


def test_a_refused_file_in_both_languages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "none.json")
    assert _err(capsys, "check-seance", missing) == (
        f"groupement-rules: error: {missing}: no such file\n"
    )
    assert _err(capsys, "check-seance", missing, "--lang", "fr") == (
        f"groupement-rules : erreur : {missing} : fichier introuvable\n"
    )
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    assert "fichier vide" in _err(capsys, "check-seance", str(empty), "--lang=fr")
    bad = tmp_path / "bad.json"
    bad.write_text('{"date": "2026-13-01"}', encoding="utf-8")
    fr = _err(capsys, "check-seance", str(bad), "--lang", "fr")
    assert "date invalide : '2026-13-01' (AAAA-MM-JJ)" in fr


def test_a_reason_the_table_does_not_know_is_kept_in_english() -> None:
    assert reason_in("a reason nobody wrote French for", "fr") == "a reason nobody wrote French for"
    assert reason_in("no such file", "en") == "no such file"


def test_values_quoted_by_a_reason_are_carried_over() -> None:
    assert reason_in("too large (30000000 bytes; at most 20971520)", "fr") == (
        "trop grand (30000000 octets ; au plus 20971520)"
    )
    assert reason_in("invalid JSON: key 'date' given twice", "fr") == (
        "JSON invalide : clé 'date' donnée deux fois"
    )


def test_french_only_when_asked() -> None:
    assert error_language(["check-seance", "x"]) == "en"
    assert error_language(["check-seance", "x", "--lang", "en"]) == "en"
    assert error_language(["check-seance", "x", "--lang", "fr"]) == "fr"
    assert error_language(["--lang=fr"]) == "fr"


def test_every_french_reason_is_french() -> None:
    for _, fr in REASONS_FR:
        assert not any(w in fr.split() for w in ("the", "of", "expected", "got", "not"))
