"""``--help`` in French and in English (groupement_rules.render.help)."""

from __future__ import annotations

import pytest

from groupement_rules.cli import build_parser, main
from groupement_rules.render.help import HELP_FR, help_language, untranslated


def test_every_help_string_has_its_french() -> None:
    assert untranslated(build_parser()) == []


def test_no_french_is_left_without_its_english() -> None:
    """A help string removed from a command leaves no stale row here."""
    from groupement_rules.render.help import _helps

    declared = set(_helps(build_parser()))
    assert set(HELP_FR) <= declared, sorted(set(HELP_FR) - declared)


@pytest.mark.parametrize(
    ("argv", "env", "lang"),
    [
        (["withdraw", "--help"], {}, "fr"),
        (["withdraw", "--help", "--lang", "en"], {"LANG": "fr_FR.UTF-8"}, "en"),
        (["withdraw", "--lang=fr", "-h"], {"LANG": "en_US.UTF-8"}, "fr"),
        (["--help"], {"LANG": "en_GB.UTF-8"}, "en"),
        (["--help"], {"LC_ALL": "fr_FR.UTF-8", "LANG": "en_GB.UTF-8"}, "fr"),
        (["--help"], {"LC_MESSAGES": "en_US", "LANG": "fr_FR"}, "en"),
        (["--help"], {"LANG": "C.UTF-8"}, "fr"),
    ],
)
def test_the_language_of_help(argv: list[str], env: dict[str, str], lang: str) -> None:
    assert help_language(argv, env) == lang


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as e:
        main(list(argv))
    assert e.value.code == 0
    return capsys.readouterr().out


def test_help_in_french_and_in_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    fr = _help(capsys, "recours", "--help")
    assert "usage : groupement-rules recours" in fr
    assert "date de publication (AAAA-MM-JJ)" in fr and "affiche cette aide" in fr
    # « : » and « ; » stay with the word before them, never at the start of a line
    assert not [line for line in fr.splitlines() if line.strip().startswith((":", ";"))]
    en = _help(capsys, "recours", "--help", "--lang", "en")
    assert "usage: groupement-rules recours" in en
    assert "date of publication (YYYY-MM-DD)" in en and "date de publication" not in en
