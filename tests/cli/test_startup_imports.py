"""Startup stays light: importing the package, and building the command line (what
``--help`` and every command pay), load none of the heavy optional modules, and
``--help`` none of the rule modules (each command imports its own when it runs).
Checked on ``sys.modules`` in a fresh interpreter: not a timing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = (
    "starlette",
    "jinja2",
    "uvicorn",
    "pypdfium2",
    "openpyxl",
    "hypothesis",
    "dateutil.rrule",
)

#: The rules and readers of the domains: loaded by the command that needs them.
RULES = (
    "groupement_rules.convention.rules",
    "groupement_rules.convention.batch",
    "groupement_rules.seance.rules",
    "groupement_rules.seance.convocation",
    "groupement_rules.seance.policy",
    "groupement_rules.deadlines",
    "groupement_rules.holidays_fr",
    "groupement_rules.readers.adherent",
    "groupement_rules.readers.seance",
    "groupement_rules.readers.act",
    "groupement_rules.scdl",
)

PROBE = (
    "import json, sys\n{code}\n"
    "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {roots} "
    "or m in {names})))"
)

HELP = (
    "import contextlib, io\n"
    "from groupement_rules.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
    "    main({argv})"
)


def _loaded(code: str, names: tuple[str, ...]) -> list[str]:
    roots = sorted({n.split(".")[0] for n in names if "." not in n})
    probe = PROBE.format(code=code, roots=roots, names=list(names))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout))


def test_importing_the_package_loads_no_heavy_module() -> None:
    assert _loaded("import groupement_rules", HEAVY) == []


@pytest.mark.parametrize("extra", [(), ("groupement_rules.readers.text",)])
def test_the_command_line_parser_loads_no_heavy_module(extra: tuple[str, ...]) -> None:
    # the text reader (its lexicon) is loaded by ``read`` when it runs, not for --help
    code = "from groupement_rules.cli import build_parser; build_parser()"
    assert _loaded(code, (*HEAVY, *extra)) == []


def test_the_command_line_parser_loads_no_rule_module() -> None:
    code = "from groupement_rules.cli import build_parser; build_parser()"
    assert _loaded(code, (*RULES, "groupement_rules.decision")) == []


@pytest.mark.parametrize(
    "argv", [["--help"], ["--help", "--lang", "en"], ["check-seance", "--help"]], ids=str
)
def test_help_loads_no_rule_module(argv: list[str]) -> None:
    assert _loaded(HELP.format(argv=argv), (*HEAVY, *RULES)) == []


def test_the_probe_sees_a_module_that_is_loaded() -> None:
    assert _loaded("import groupement_rules.readers.text", ("groupement_rules.readers.text",))
    # and a command that runs loads its rules (the list above names real modules)
    loaded = _loaded(HELP.format(argv=["withdraw", "2028-06-01"]), RULES)
    assert "groupement_rules.convention.rules" in loaded


def test_the_rule_modules_exist() -> None:
    import importlib.util

    assert [m for m in RULES if importlib.util.find_spec(m) is None] == []


def test_min_severity_lists_every_severity() -> None:
    from groupement_rules.commands.scdl import SEVERITIES
    from groupement_rules.decision import Severity

    assert tuple(s.value for s in Severity) == SEVERITIES
