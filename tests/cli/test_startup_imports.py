"""Startup stays light: importing the package, and building the command line (what
``--help`` and every command pay), load none of the heavy optional modules.
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

PROBE = (
    "import json, sys; {code}; "
    "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {roots} "
    "or m in {names})))"
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


def test_the_probe_sees_a_module_that_is_loaded() -> None:
    assert _loaded("import groupement_rules.readers.text", ("groupement_rules.readers.text",))
