"""Shell completion (issue 14, item 2): the scripts are made from the parser, so every
command and option is completed, and bash completes them as a user would see."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from groupement_rules.cli import build_parser, main
from groupement_rules.commands.shell import bash_script, fish_script


def complete(words: list[str]) -> list[str]:
    """What bash offers after ``words`` (the last one is the word being completed)."""
    script = bash_script(build_parser())
    quoted = " ".join(f"'{w}'" for w in words)
    probe = (
        f"{script}\nCOMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}\n"
        '_groupement_rules; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    r = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
    return r.stdout.split()


pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash not installed")


def test_commands_are_completed() -> None:
    assert set(complete(["groupement-rules", "check-"])) >= {"check-seance", "check-adherent"}
    assert complete(["groupement-rules", "withd"]) == ["withdraw"]


def test_options_of_the_command_are_completed() -> None:
    got = complete(["groupement-rules", "withdraw", "--"])
    assert {"--received", "--policy", "--json", "--lang", "--fail-on", "--output"} <= set(got)
    assert "--population" not in got  # an option of convocation, not of withdraw
    assert "--population" in complete(["groupement-rules", "convocation", "--pop"])


def test_choices_are_completed() -> None:
    assert complete(["groupement-rules", "status", "--lang", ""]) == ["fr", "en"]
    assert complete(["groupement-rules", "report", "--fail-on", "w"]) == ["warning"]


def test_every_command_of_the_parser_is_in_every_script() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if hasattr(a, "choices") and a.choices).choices
    for script in (bash_script(parser), fish_script(parser)):
        for name in commands:
            assert name in script


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_command(capsys: pytest.CaptureFixture[str], shell: str) -> None:
    assert main(["completion", shell]) == 0
    out = capsys.readouterr().out
    assert "groupement-rules" in out and "check-seance" in out
