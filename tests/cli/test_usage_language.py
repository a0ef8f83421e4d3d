"""argparse's own usage errors follow an explicit ``--lang fr`` like every error line
(docs/languages.md), and stay as argparse writes them otherwise (scripts match them)."""

from __future__ import annotations

import pytest

from groupement_rules.cli import main
from groupement_rules.render.errors import USAGE_FR, usage_error_in

CASES = [
    (["withdraw"], "the following arguments are required", "arguments obligatoires manquants"),
    (["withdraw", "2026-01-01", "--bogus"], "unrecognized arguments", "arguments inconnus"),
    (["withdraw", "2026-13-01"], "not a valid date", "date invalide"),
    (["withdraw", "2026-01-01", "--fail-on", "zzz"], "invalid choice", "choix invalide"),
    (["withdraw", "2026-01-01", "--lang"], "expected one argument", "une valeur attendue"),
]


@pytest.mark.parametrize(("argv", "english", "french"), CASES)
def test_usage_error_in_french_with_lang_fr(
    argv: list[str], english: str, french: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*argv, "--lang", "fr"] if argv[-1] != "--lang" else argv)
    err = capsys.readouterr().err
    if argv[-1] == "--lang":  # no language given: English, as every error line
        assert exc.value.code == 2 and english in err
        return
    assert exc.value.code == 2
    assert err.count("\n") == 1, err
    assert french in err and english not in err and "erreur" in err and "error:" not in err
    assert "(voir groupement-rules" in err


@pytest.mark.parametrize(("argv", "english", "french"), CASES)
def test_usage_error_in_english_by_default(
    argv: list[str], english: str, french: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2 and english in err and french not in err
    assert err.count("\n") == 1


def test_every_french_usage_error_keeps_the_values_it_quotes() -> None:
    """Each pattern of the table rewrites a message into French that still quotes what
    argparse quoted (the argument's name and the values)."""
    samples = {
        "the following arguments are required": "the following arguments are required: DATE",
        "unrecognized arguments": "unrecognized arguments: --x",
        "invalid choice": "argument A: invalid choice: 'z' (choose from 'a', 'b')",
        "expected one argument": "argument --on: expected one argument",
        "expected at least one argument": "argument FILE: expected at least one argument",
        "not allowed with argument": "argument --a: not allowed with argument --b",
        "ignored explicit argument": "argument --a: ignored explicit argument 'x'",
        "ambiguous option": "ambiguous option: --o could match --on, --output",
        "invalid .* value": "argument N: invalid int value: 'x'",
    }
    assert len(samples) == len(USAGE_FR)
    for message in samples.values():
        fr = usage_error_in(message, "fr")
        assert fr != message, message
        for quoted in ("DATE", "--x", "'z'", "'a', 'b'", "--on", "FILE", "--b", "'x'", "N"):
            if quoted in message:
                assert quoted in fr, (message, fr)
    assert usage_error_in("something argparse never says", "fr") == "something argparse never says"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["recours", "2024-11-12"], "fr"),
        (["--lang", "en", "recours", "2024-11-12"], "en"),
        (["--lang=en", "recours", "2024-11-12"], "en"),
        (["recours", "2024-11-12", "--lang", "en"], "en"),
        # the command's own option wins over the one given before it
        (["--lang", "en", "recours", "2024-11-12", "--lang", "fr"], "fr"),
        (["--lang", "fr", "recours", "2024-11-12", "--lang", "en"], "en"),
    ],
)
def test_lang_is_taken_before_or_after_the_command(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    french, english = "13 janvier 2025" in out, "13 January 2025" in out
    assert (french, english) == (expected == "fr", expected == "en"), out
