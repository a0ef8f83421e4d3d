"""Every command and snippet of the README and docs/ runs as written (issue 14, item 7).

The blocks are run from a copy of ``examples/``, the folder the README tells readers
to run them from, with ``groupement-rules`` being this interpreter's package:

- a ``sh`` block runs line by line in one shell; each ``groupement-rules`` command
  must answer (exit 0, or 1 for findings) and print no error;
- a ``console`` block's ``$`` lines run in one shell, and what each prints must be what
  the block shows below it (a line ``…`` stands for any lines);
- a ``python`` block is executed.

The only lines not run are named in :data:`NOT_RUN`, each with the reason.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

#: Lines of ``sh`` blocks that this test does not run, by their start, and why.
NOT_RUN = {
    "python3 -m venv": "installs the package: what .ci/run itself does, from a clean clone",
    "python benchmarks/": "benchmarks take minutes; docs/performance.md gives their figures",
    "python -m benchmarks": "benchmarks take minutes; docs/performance.md gives their figures",
    "mutmut ": "mutation testing takes an hour (docs/performance.md)",
    "HYPOTHESIS_PROFILE=": "a longer run of the property tests, by hand",
    "pip install": "installs packages",
    "groupement-rules serve": "a server runs until stopped: tests/web start it and ask it",
    "curl ": "asks a running server: tests/web ask the same questions",
}

_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)


def blocks(kind: str) -> list[tuple[str, str]]:
    out = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in _FENCE.finditer(text):
            if m.group(1) == kind:
                line = text[: m.start()].count("\n") + 1
                out.append((f"{doc.relative_to(REPO)}:{line}", m.group(2)))
    return out


def _shell_prelude() -> str:
    return (
        f'groupement-rules() {{ "{sys.executable}" -m groupement_rules "$@"; }}\n'
        "export -f groupement-rules 2>/dev/null || true\n"
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    d = tmp_path / "examples"
    shutil.copytree(EXAMPLES, d)
    # snippets that name the docs' own files (docs/examples/*.toml) find them there
    (d / "docs").symlink_to(REPO / "docs", target_is_directory=True)
    return d


def _strip_comment(line: str) -> str:
    return re.sub(r"\s+#\s.*$", "", line).strip()


def _skipped(line: str) -> bool:
    return any(line.startswith(start) for start in NOT_RUN)


@pytest.mark.parametrize(("where", "body"), blocks("sh"), ids=[w for w, _ in blocks("sh")])
def test_sh_block(workdir: Path, where: str, body: str) -> None:
    commands = [_strip_comment(x) for x in body.splitlines()]
    commands = [c for c in commands if c and not _skipped(c)]
    for command in commands:
        assert command.startswith("groupement-rules "), (where, command)
        r = subprocess.run(
            ["bash", "-c", _shell_prelude() + command],
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert r.returncode in (0, 1), (where, command, r.stderr)
        assert "error" not in r.stderr, (where, command, r.stderr)
        if " > " in command:  # the output goes to a file: it must be there, not empty
            target = workdir / command.rsplit(" > ", 1)[1].split()[0]
            assert target.stat().st_size > 0, (where, command)
        else:
            assert r.stdout.strip(), (where, command)


def _console_steps(body: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line.rstrip())
    return steps


def _matches(expected: list[str], got: list[str]) -> bool:
    """``got`` is ``expected``, where a line ``…`` stands for any lines (none included)."""
    if not expected:
        return not got
    if expected[0].strip() == "…":
        return any(_matches(expected[1:], got[i:]) for i in range(len(got) + 1))
    return bool(got) and got[0] == expected[0] and _matches(expected[1:], got[1:])


MARK = "@@end-of-step@@"


@pytest.mark.parametrize(
    ("where", "body"), blocks("console"), ids=[w for w, _ in blocks("console")]
)
def test_console_block(workdir: Path, where: str, body: str) -> None:
    steps = _console_steps(body)
    script = [_shell_prelude(), "exec 2>&1"]
    for command, _ in steps:
        # each step's output is closed by a mark; the mark keeps the step's exit status
        script.append(f"{command}\n__s=$?; printf '\\n{MARK}\\n'; (exit $__s)")
    r = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    outputs = r.stdout.split(f"\n{MARK}\n")
    assert len(outputs) == len(steps) + 1, (where, r.stdout[-2000:])
    for (command, expected), got in zip(steps, outputs, strict=False):
        lines = [x.rstrip() for x in got.splitlines()]
        if not expected:
            continue  # the block shows no output for this step: it only has to run
        assert _matches(expected, lines), (where, command, expected, lines[:30])


@pytest.mark.parametrize(("where", "body"), blocks("python"), ids=[w for w, _ in blocks("python")])
def test_python_block(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, where: str, body: str
) -> None:
    for module in re.findall(r"^\s*import (\w+)", body, re.M):
        if module not in sys.stdlib_module_names and module != "groupement_rules":
            pytest.importorskip(module, reason=f"{where} uses {module}, an optional extra")
    monkeypatch.chdir(workdir)
    exec(compile(body, where, "exec"), {"__name__": "__docs__"})


def test_every_block_is_seen() -> None:
    """The README's blocks are all found (a fence written another way would be skipped)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    fences = readme.count("\n```") // 2
    found = sum(1 for kind in ("sh", "console", "python", "") for w, _ in blocks(kind)
                if w.startswith("README.md"))  # fmt: skip
    assert found == fences


def test_the_package_docstring_examples() -> None:
    import doctest

    import groupement_rules

    result = doctest.testmod(groupement_rules, verbose=False)
    assert result.attempted > 0 and result.failed == 0
