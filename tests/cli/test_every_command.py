"""The command-line conventions, checked on EVERY command the parser has (issue 14,
item 2): ``-`` reads standard input for every file argument, once (a real pipe);
``--output`` (and ``--ics``) replace their file only once complete and report a full
disk in one line; ``--fail-on`` wherever findings are given, with one meaning;
oversized inputs (``/dev/zero``, a FIFO, standard input) refused in one line.

The commands and their file arguments are listed from :func:`build_parser`, not by
hand: a new command fails :func:`test_every_command_has_a_sample_run` until it is
given one here, and from then on goes through every test below.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from groupement_rules import outputs
from groupement_rules.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    FAIL_ON,
    NO_OUTPUT,
    build_parser,
    main,
    output_file,
)
from groupement_rules.inputs import MAX_DOCUMENT_BYTES
from groupement_rules.policy import embedded_policy_text

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

#: What each kind of input file holds (the samples of ``examples/``, the embedded policies).
SAMPLES: dict[str, bytes] = {
    "convention-policy": embedded_policy_text("eprimo-2026.toml").encode(),
    "cgct-policy": embedded_policy_text("cgct.toml").encode(),
    "deadlines-policy": embedded_policy_text("deadlines.toml").encode(),
    "adherent": (EXAMPLES / "adherent.toml").read_bytes(),
    "adherents": (EXAMPLES / "adherents.csv").read_bytes(),
    "seance": (EXAMPLES / "seance.json").read_bytes(),
    "act": (EXAMPLES / "act.json").read_bytes(),
    "text": (EXAMPLES / "deliberation.txt").read_bytes(),
    "scdl": (EXAMPLES / "deliberations.csv").read_bytes(),
}

#: One run of each command that answers; ``{FILE}`` is its positional file.
RUNS: dict[str, list[str]] = {
    "withdraw": ["withdraw", "2028-07-19"],
    "windows": ["windows"],
    "status": ["status", "2027-01-01"],
    "timeline": ["timeline"],
    "check-adherent": ["check-adherent", "{FILE}", "--on", "2027-01-01"],
    "check-adherents": ["check-adherents", "{FILE}", "--on", "2027-01-01"],
    "report": ["report", "--on", "2027-01-01"],
    "check-seance": ["check-seance", "{FILE}"],
    "convocation": ["convocation", "2026-03-01", "--population", "500"],
    "read": ["read", "{FILE}"],
    "scdl": ["scdl", "{FILE}"],
    "scdl-write": ["scdl-write", "{FILE}"],
    "recours": ["recours", "2026-02-03"],
    "executory": ["executory", "{FILE}"],
    "completion": ["completion", "bash"],
}

#: The commands not run here, and why.
NOT_RUN = {"serve": "a server: its files are read by tests/web (create_app)"}

#: The kind of input each file argument of each command reads ("dest" of argparse).
FILE_KINDS: dict[tuple[str, str], str] = {
    ("withdraw", "policy"): "convention-policy",
    ("windows", "policy"): "convention-policy",
    ("status", "policy"): "convention-policy",
    ("timeline", "policy"): "convention-policy",
    ("check-adherent", "file"): "adherent",
    ("check-adherent", "policy"): "convention-policy",
    ("check-adherents", "file"): "adherents",
    ("check-adherents", "policy"): "convention-policy",
    ("report", "policy"): "convention-policy",
    ("report", "adherent"): "adherent",
    ("report", "seance"): "seance",
    ("report", "act"): "act",
    ("check-seance", "file"): "seance",
    ("check-seance", "cgct"): "cgct-policy",
    ("convocation", "cgct"): "cgct-policy",
    ("read", "file"): "text",
    ("scdl", "file"): "scdl",
    ("scdl-write", "file"): "seance",
    ("recours", "deadlines_policy"): "deadlines-policy",
    ("executory", "file"): "act",
    ("executory", "deadlines_policy"): "deadlines-policy",
}

#: Also read from standard input as a text (``check-seance`` and ``scdl-write`` take
#: facts or a text; on standard input there is no file name to tell them apart).
TEXT_TOO = {("check-seance", "file"), ("scdl-write", "file"), ("report", "seance")}


def _commands() -> dict[str, argparse.ArgumentParser]:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")  # pragma: no cover


COMMANDS = _commands()


def _is_input_file(a: argparse.Action) -> bool:
    """An argument that names a file the command reads (not one it writes)."""
    named = a.metavar == "FILE" or "file" in a.dest or "policy" in a.dest
    return named and a.type is not output_file and a.dest not in ("help", "output")


def _input_files(name: str) -> list[argparse.Action]:
    return [a for a in COMMANDS[name]._actions if _is_input_file(a)]


def _output_files(name: str) -> list[argparse.Action]:
    return [a for a in COMMANDS[name]._actions if a.type is output_file]


def _has(name: str, option: str) -> bool:
    return any(option in a.option_strings for a in COMMANDS[name]._actions)


RUN_COMMANDS = [c for c in COMMANDS if c not in NOT_RUN]
FILE_ARGS = [(c, a.dest) for c in RUN_COMMANDS for a in _input_files(c)]
OUTPUT_ARGS = [(c, a.option_strings[-1]) for c in RUN_COMMANDS for a in _output_files(c)]


def _positional_kind(command: str) -> str | None:
    return FILE_KINDS.get((command, "file"))


def _argv(command: str, tmp: Path, *, dest: str | None = None, value: str = "-") -> list[str]:
    """The sample run of ``command``, with the file argument ``dest`` given ``value``."""
    kind = _positional_kind(command)
    argv = []
    for a in RUNS[command]:
        if a == "{FILE}":
            assert kind is not None
            if dest == "file":
                a = value
            else:
                a = str(tmp / f"sample-{kind}{_suffix(kind)}")
                Path(a).write_bytes(SAMPLES[kind])
        argv.append(a)
    if dest is not None and dest != "file":
        action = next(x for x in COMMANDS[command]._actions if x.dest == dest)
        argv += [action.option_strings[-1], value]
    return argv


def _suffix(kind: str) -> str:
    return {
        "adherent": ".toml",
        "adherents": ".csv",
        "seance": ".json",
        "act": ".json",
        "text": ".txt",
        "scdl": ".csv",
    }.get(kind, ".toml")


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@contextlib.contextmanager
def piped_stdin(
    monkeypatch: pytest.MonkeyPatch, data: bytes, repeat: int = 1
) -> Iterator[threading.Thread]:
    """Standard input is a real pipe (read once, not seekable) fed ``data`` ``repeat``
    times by a thread; the thread stops when the reader closes its end."""
    r, w = os.pipe()

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), os.fdopen(w, "wb") as f:
            for _ in range(repeat):
                f.write(data)

    t = threading.Thread(target=feed, daemon=True)
    t.start()
    stream = io.TextIOWrapper(os.fdopen(r, "rb"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    try:
        yield t
    finally:
        stream.close()
        t.join(10)


# ------------------------------------------------------------------ the lists are whole


def test_every_command_has_a_sample_run() -> None:
    assert set(RUNS) | set(NOT_RUN) == set(COMMANDS)
    missing = [pair for pair in FILE_ARGS if pair not in FILE_KINDS]
    assert missing == [], "give these file arguments a kind of sample in FILE_KINDS"
    assert set(FILE_KINDS) <= set(FILE_ARGS)  # no stale entry


def test_the_lists_see_the_arguments() -> None:
    # the discovery is not vacuous: the file arguments known to exist are found
    assert ("report", "seance") in FILE_ARGS and ("scdl", "file") in FILE_ARGS
    assert ("timeline", "--ics") in OUTPUT_ARGS and ("read", "--output") in OUTPUT_ARGS
    assert [c for c in COMMANDS if c not in NO_OUTPUT and not _output_files(c)] == []


# ------------------------------------------------------------------ - reads standard input


def _as_stdin(text: str, f: Path) -> str:
    """``text`` as it reads when the file ``f`` is given as ``-``."""
    return text.replace(str(f), "<stdin>").replace(f.name, "<stdin>")


@pytest.mark.parametrize(("command", "dest"), FILE_ARGS, ids=lambda x: str(x))
def test_dash_reads_a_pipe_once(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    dest: str,
) -> None:
    kind = FILE_KINDS[(command, dest)]
    f = tmp_path / f"input{_suffix(kind)}"
    f.write_bytes(SAMPLES[kind])
    from_file = run(capsys, _argv(command, tmp_path, dest=dest, value=str(f)))
    assert from_file[0] in (EXIT_OK, EXIT_FINDINGS), from_file[2]
    with piped_stdin(monkeypatch, SAMPLES[kind]):
        code, out, err = run(capsys, _argv(command, tmp_path, dest=dest))
    assert code == from_file[0], err
    # the same answer; only the name of the input differs (<stdin> for the file)
    assert out == _as_stdin(from_file[1], f) and out


@pytest.mark.parametrize(("command", "dest"), sorted(TEXT_TOO), ids=lambda x: str(x))
def test_dash_reads_a_text_where_a_text_is_taken(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    dest: str,
) -> None:
    f = tmp_path / "deliberation.txt"
    f.write_bytes(SAMPLES["text"])
    from_file = run(capsys, _argv(command, tmp_path, dest=dest, value=str(f)))
    assert from_file[0] in (EXIT_OK, EXIT_FINDINGS), from_file[2]
    with piped_stdin(monkeypatch, SAMPLES["text"]):
        code, out, err = run(capsys, _argv(command, tmp_path, dest=dest))
    assert (code, out) == (from_file[0], _as_stdin(from_file[1], f)), err


# ------------------------------------------------------------------ --output, --ics


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("command", [c for c in RUN_COMMANDS if c not in NO_OUTPUT])
def test_output_is_what_stdout_shows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    argv = _argv(command, inputs)
    shown = run(capsys, argv)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "answer"
    code, out, err = run(capsys, [*argv, "--output", str(target)])
    assert (code, out, err) == (shown[0], "", shown[2])
    assert target.read_bytes().decode("utf-8") == shown[1]  # CRLF kept (SCDL)
    assert _only(out_dir) == ["answer"]


@pytest.mark.parametrize(("command", "option"), OUTPUT_ARGS, ids=lambda x: str(x))
@pytest.mark.parametrize("failure", ["disk-full", "interrupted"])
def test_a_failed_write_leaves_the_previous_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    option: str,
    failure: str,
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    argv = _argv(command, inputs)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "previous"
    target.write_text("the previous answer\n", encoding="utf-8")

    def fail(fd: int) -> None:
        if failure == "interrupted":
            raise KeyboardInterrupt
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "fsync", fail)
    code, _out, err = run(capsys, [*argv, option, str(target)])
    if failure == "interrupted":
        assert code == 130
    else:
        assert code == EXIT_USAGE
        assert err.splitlines()[-1] == (
            f"groupement-rules: error: {target}: cannot write: No space left on device"
        )
    assert target.read_text(encoding="utf-8") == "the previous answer\n"
    assert _only(out_dir) == ["previous"]  # no temporary file left


@pytest.mark.parametrize(("command", "option"), OUTPUT_ARGS, ids=lambda x: str(x))
def test_a_full_device_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, option: str
) -> None:
    full = Path("/dev/full")
    if not full.exists():  # pragma: no cover - Linux has it
        pytest.skip("no /dev/full")
    code, _out, err = run(capsys, [*_argv(command, tmp_path), option, str(full)])
    assert code == EXIT_USAGE
    assert err.splitlines()[-1] == (
        "groupement-rules: error: /dev/full: cannot write: No space left on device"
    )


@pytest.mark.parametrize("command", [c for c in RUN_COMMANDS if c not in NO_OUTPUT])
def test_a_full_disk_on_stdout_is_one_line(tmp_path: Path, command: str) -> None:
    full = Path("/dev/full")
    if not full.exists():  # pragma: no cover - Linux has it
        pytest.skip("no /dev/full")
    with open(full, "w") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "groupement_rules", *_argv(command, tmp_path)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    lines = [x for x in done.stderr.splitlines() if not x.startswith("groupement-rules: note")]
    assert done.returncode == EXIT_USAGE, done.stderr
    assert lines[-1] == "groupement-rules: error: <stdout>: cannot write: No space left on device"
    assert "Traceback" not in done.stderr and len(lines) <= 2  # check-adherents' summary


# ------------------------------------------------------------------ --fail-on


def _severities(doc: Any) -> set[str]:
    """The severities of the findings anywhere in a JSON answer."""
    seen: set[str] = set()
    stack = [doc]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            if isinstance(v.get("severity"), str):
                seen.add(v["severity"])
            # check-adherents' rows count their findings
            for key, severity in (("errors", "error"), ("warnings", "warning")):
                if isinstance(v.get(key), int) and not isinstance(v.get(key), bool) and v[key]:
                    seen.add(severity)
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return seen


JSON_COMMANDS = [c for c in RUN_COMMANDS if _has(c, "--json")]


@pytest.mark.parametrize("command", JSON_COMMANDS)
def test_fail_on_wherever_findings_are_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    argv = [*_argv(command, tmp_path), "--json"]
    code, out, err = run(capsys, argv)
    assert code in (EXIT_OK, EXIT_FINDINGS), err
    severities = _severities(json.loads(out))
    if not _has(command, "--fail-on"):
        assert severities == set(), f"{command} gives findings but has no --fail-on"
        return
    for threshold, levels in FAIL_ON.items():
        expected = EXIT_FINDINGS if severities & set(levels) else code
        got = run(capsys, [*argv, "--fail-on", threshold])
        assert (got[0], got[1]) == (expected, out), threshold


def test_the_samples_exercise_fail_on(tmp_path: Path) -> None:
    """The runs above are not vacuous: among the sample runs, some give warnings and
    some errors (the gating is asserted on each one)."""
    found: set[str] = set()
    for command in JSON_COMMANDS:
        if _has(command, "--fail-on"):
            argv = [*_argv(command, tmp_path), "--json"]
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
                main(argv)
            found |= _severities(json.loads(buf.getvalue()))
    assert {"error", "warning"} <= found


# ------------------------------------------------------------------ oversized inputs

#: More than any input's limit (SCDL's is lowered for the test: 2 GiB would be slow).
SCDL_LIMIT = 1024 * 1024
CHUNK = b"a" * (1024 * 1024)
OVERSIZE_REPEAT = MAX_DOCUMENT_BYTES // len(CHUNK) + 2


@pytest.fixture
def small_scdl_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from groupement_rules.scdl import reading

    monkeypatch.setattr(reading, "MAX_BYTES", SCDL_LIMIT)


def _refused(code: int, out: str, err: str, name: str) -> None:
    assert code == EXIT_USAGE, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("groupement-rules: error: "), err
    assert name in lines[0]
    assert out == ""


@pytest.mark.usefixtures("small_scdl_limit")
@pytest.mark.parametrize(("command", "dest"), FILE_ARGS, ids=lambda x: str(x))
def test_a_device_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, dest: str
) -> None:
    code, out, err = run(capsys, _argv(command, tmp_path, dest=dest, value="/dev/zero"))
    _refused(code, out, err, "/dev/zero")


@pytest.mark.usefixtures("small_scdl_limit")
@pytest.mark.parametrize(("command", "dest"), FILE_ARGS, ids=lambda x: str(x))
def test_oversized_standard_input_is_refused(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    dest: str,
) -> None:
    with piped_stdin(monkeypatch, CHUNK, OVERSIZE_REPEAT):
        code, out, err = run(capsys, _argv(command, tmp_path, dest=dest))
    _refused(code, out, err, "<stdin>")
    assert "too large" in err or "larger than" in err


@pytest.mark.usefixtures("small_scdl_limit")
@pytest.mark.parametrize(("command", "dest"), FILE_ARGS, ids=lambda x: str(x))
def test_an_oversized_fifo_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, dest: str
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError, OSError), open(fifo, "wb") as f:
            for _ in range(OVERSIZE_REPEAT):
                f.write(CHUNK)

    t = threading.Thread(target=feed, daemon=True)
    t.start()
    try:
        code, out, err = run(capsys, _argv(command, tmp_path, dest=dest, value=str(fifo)))
    finally:
        if t.is_alive():  # release a writer still waiting for a reader
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        t.join(10)
    _refused(code, out, err, str(fifo))
    assert "too large" in err or "larger than" in err


TWO_FILES = [c for c in RUN_COMMANDS if len(_input_files(c)) >= 2]


@pytest.mark.parametrize("command", TWO_FILES)
def test_dash_given_twice_is_refused_before_reading(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
) -> None:
    first, second = _input_files(command)[:2]
    argv = _argv(command, tmp_path, dest=first.dest)
    argv += [second.option_strings[-1], "-"] if second.option_strings else ["-"]
    stdin = io.StringIO(SAMPLES[FILE_KINDS[(command, first.dest)]].decode("utf-8"))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, err = run(capsys, argv)
    _refused(code, out, err, "standard input can be read once: '-' given to ")
    assert stdin.tell() == 0  # nothing read


def test_two_file_arguments_are_found() -> None:
    assert {"report", "check-seance", "executory"} <= set(TWO_FILES)
