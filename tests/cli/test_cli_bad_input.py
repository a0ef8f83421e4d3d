"""The CLI on bad input (issue 6, item 7): every command that reads a file or takes
a date or a number exits 2 with exactly one line on standard error, naming what is
wrong and where, never a traceback and never the last-resort "internal error" (3).

Each case runs through ``cli.main`` (fast); a handful also run as a real process
(``python -m groupement_rules.cli``) to check the exit status and stderr end to end.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import re
import subprocess
import sys
import threading
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from groupement_rules import inputs
from groupement_rules.cli import EXIT_INTERNAL, EXIT_USAGE, main
from groupement_rules.policy import embedded_policy_text

DATA = resources.files("groupement_rules") / "data"
SEANCE = json.loads((DATA / "seed-seance.json").read_text(encoding="utf-8"))
ADHERENT = json.loads((DATA / "seed-adherent.json").read_text(encoding="utf-8"))
ACT = json.loads((DATA / "seed-act.json").read_text(encoding="utf-8"))

GARBAGE_10MB = (b'lorem ipsum { [ " dolor = ; , sit amet\n' * 270_000)[: 10 * 1024 * 1024]

#: The bad contents of a file (None: the file is not created, or is a directory).
CONTENTS: dict[str, bytes | None] = {
    "missing": None,
    "directory": None,
    "empty": b"",
    "blank": b"  \n\t\n",
    "latin-1": '{"commune": {"name": "Chemillé-en-Anjou"}}'.encode("latin-1"),
    "utf-16": '{"commune": {"name": "Chemillé-en-Anjou"}}'.encode("utf-16"),
    "garbage-10MB": GARBAGE_10MB,
    "binary": bytes(range(256)) * 64,
    "nested-json": b"[" * 100_000 + b"]" * 100_000,
    "nested-toml": b"a = " + b"[" * 100_000 + b"]" * 100_000,
    "json-array": b'[{"date": "2026-02-02"}]',
    "toml-error": b'date = 2026-02-02\n[commune\nname = "X"\n',
}

#: What the one line must say, by kind of content, when the kind decides it.
NEEDLES = {
    "missing": "no such file",
    "directory": "directory",
    "empty": "empty",
    "blank": "empty",
    "latin-1": "UTF-8",
    "utf-16": "UTF-16",
}

#: Commands reading one input file (FILE stands for it) and the extensions they read.
FILE_COMMANDS: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "check-adherent": (["check-adherent", "FILE", "--on", "2027-01-01"], (".json", ".toml")),
    "check-seance": (["check-seance", "FILE"], (".json", ".toml", ".txt")),
    "read": (["read", "FILE"], (".txt",)),
    "scdl": (["scdl", "FILE"], (".csv",)),
    "scdl-write": (["scdl-write", "FILE"], (".json", ".txt")),
    "executory": (["executory", "FILE"], (".json", ".toml")),
}

#: Commands taking a policy file (FILE), with a good input file (GOOD_*) when they need one.
POLICY_COMMANDS: list[list[str]] = [
    ["withdraw", "2028-06-01", "--policy", "FILE"],
    ["windows", "--policy", "FILE"],
    ["status", "2028-01-01", "--policy", "FILE"],
    ["timeline", "--policy", "FILE"],
    ["check-adherent", "GOOD_ADHERENT", "--on", "2027-01-01", "--policy", "FILE"],
    ["report", "--on", "2028-01-01", "--policy", "FILE"],
    ["check-seance", "GOOD_SEANCE", "--cgct", "FILE"],
    ["convocation", "2026-03-01", "--population", "500", "--cgct", "FILE"],
    ["recours", "2026-03-01", "--deadlines-policy", "FILE"],
    ["executory", "GOOD_ACT", "--deadlines-policy", "FILE"],
]


def expected_needle(kind: str, ext: str) -> str | None:
    if kind in NEEDLES:
        return NEEDLES[kind]
    if kind == "json-array" and ext == ".json":
        return "expected an object"
    if kind == "toml-error" and ext == ".toml":
        return "invalid TOML"
    if kind.startswith("nested") and ext in (".json", ".toml"):
        return "nested too deeply" if kind[7:] == ext[1:] else "invalid"
    if kind == "garbage-10MB" and ext == ".txt":
        return "too large"
    return None


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bad")
    (d / "GOOD_SEANCE.json").write_text(json.dumps(SEANCE), encoding="utf-8")
    (d / "GOOD_ADHERENT.json").write_text(json.dumps(ADHERENT), encoding="utf-8")
    (d / "GOOD_ACT.json").write_text(json.dumps(ACT), encoding="utf-8")
    (d / "a-directory.json").mkdir()
    return d


def bad_file(d: Path, kind: str, ext: str) -> str:
    if kind == "directory":
        return str(d / "a-directory.json")
    p = d / f"{kind}{ext}"
    content = CONTENTS[kind]
    if content is not None and not p.exists():
        p.write_bytes(content)
    return str(p)


def argv_for(template: list[str], d: Path, file: str) -> list[str]:
    out = []
    for a in template:
        if a == "FILE":
            out.append(file)
        elif a.startswith("GOOD_"):
            out.append(str(d / f"{a}.json"))
        else:
            out.append(a)
    return out


def assert_one_line_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], *needles: str | None
) -> str:
    code = main(argv)
    _out, err = capsys.readouterr()
    assert code == EXIT_USAGE, (code, err)
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert err.startswith("groupement-rules: error: "), err
    assert "Traceback" not in err and "internal error" not in err
    for needle in needles:
        if needle is not None:
            assert needle in err, (needle, err)
    return err


# ----------------------------------------------------------------------------- files

FILE_CASES = [
    pytest.param(cmd, ext, kind, id=f"{cmd}-{kind}{ext}")
    for cmd, (_t, exts) in FILE_COMMANDS.items()
    for ext in exts
    for kind in CONTENTS
]


@pytest.mark.parametrize(("command", "ext", "kind"), FILE_CASES)
def test_bad_input_file(
    capsys: pytest.CaptureFixture[str], files: Path, command: str, ext: str, kind: str
) -> None:
    template, _ = FILE_COMMANDS[command]
    path = bad_file(files, kind, ext)
    err = assert_one_line_error(
        capsys, argv_for(template, files, path), path, expected_needle(kind, ext)
    )
    assert len(err) < 400  # the input is named, not quoted at length


POLICY_CASES = [
    pytest.param(t, kind, id=f"{t[0]}-{t[-2]}-{kind}")
    for t in POLICY_COMMANDS
    for kind in CONTENTS
    if kind not in ("json-array", "nested-json")  # policies are TOML only: same as garbage
]


@pytest.mark.parametrize(("template", "kind"), POLICY_CASES)
def test_bad_policy_file(
    capsys: pytest.CaptureFixture[str], files: Path, template: list[str], kind: str
) -> None:
    path = bad_file(files, kind, ".toml")
    needle = expected_needle(kind, ".toml")
    if kind in ("empty", "blank"):
        needle = "empty file"
    assert_one_line_error(capsys, argv_for(template, files, path), path, needle)


# ----------------------------------------------------------------------------- facts


def seance_with(edit: Any) -> dict[str, Any]:
    doc = copy.deepcopy(SEANCE)
    edit(doc)
    return doc


def _neg_pour(doc: dict[str, Any]) -> None:
    doc["deliberations"][0]["vote"] = {"pour": -3, "contre": 0, "abstentions": 0}


def _neg_declared(doc: dict[str, Any]) -> None:
    doc["deliberations"][0]["declared"] = {"presents": -1}


def _bad_date(doc: dict[str, Any]) -> None:
    doc["date"] = "2026-02-30"


def _bad_convocation(doc: dict[str, Any]) -> None:
    doc["convocation"] = {"sent_on": "2026-13-01"}


def _far_date(doc: dict[str, Any]) -> None:
    doc["date"] = "9999-12-31"


def _delibs_not_a_list(doc: dict[str, Any]) -> None:
    doc["deliberations"] = "all of them"


SEANCE_FACTS = {
    "negative-vote": (_neg_pour, "deliberations[0].vote.pour", "0 or more"),
    "negative-declared": (_neg_declared, "deliberations[0].declared.presents", "0 or more"),
    "invalid-date": (_bad_date, ": date", "2026-02-30"),
    "invalid-convocation-date": (_bad_convocation, "convocation.sent_on", "2026-13-01"),
    "date-out-of-range": (_far_date, ": date", "outside the dates handled"),
    "deliberations-not-a-list": (_delibs_not_a_list, "deliberations", "expected a list"),
}


@pytest.mark.parametrize("command", ["check-seance", "scdl-write"])
@pytest.mark.parametrize("case", list(SEANCE_FACTS))
def test_bad_seance_facts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, case: str
) -> None:
    edit, where, what = SEANCE_FACTS[case]
    f = tmp_path / "seance.json"
    f.write_text(json.dumps(seance_with(edit)), encoding="utf-8")
    assert_one_line_error(capsys, [command, str(f)], str(f), where, what)


ADHERENT_FACTS = {
    "negative-need": ({"need": -3}, "need", "0 or more"),
    "negative-accounts": (
        {"orders": [{"date": "2026-09-01", "accounts": -10}]},
        "orders[0].accounts",
        "0 or more",
    ),
    "invalid-date": ({"sent_on": "2026-02-30"}, "sent_on", "2026-02-30"),
    "out-of-range-date": ({"signed_on": "0001-01-01"}, "signed_on", "outside"),
    "unknown-key": ({"bogus": 1}, "bogus", "unknown key"),
}


@pytest.mark.parametrize("case", list(ADHERENT_FACTS))
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_bad_adherent_facts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str, fmt: str
) -> None:
    extra, where, what = ADHERENT_FACTS[case]
    doc = {**ADHERENT, **extra}
    f = tmp_path / f"adherent.{fmt}"
    f.write_text(json.dumps(doc) if fmt == "json" else _toml(doc), encoding="utf-8")
    assert_one_line_error(capsys, ["check-adherent", str(f), "--on", "2027-01-01"], where, what)


def _toml(doc: dict[str, Any]) -> str:
    """A small TOML writer for flat documents with tables and arrays of tables."""
    lines, tables = [], []
    for k, v in doc.items():
        if isinstance(v, dict):
            tables.append(
                f"[{k}]\n" + "".join(f"{kk} = {json.dumps(vv)}\n" for kk, vv in v.items())
            )
        elif isinstance(v, list):
            for item in v:
                body = "".join(f"{kk} = {json.dumps(vv)}\n" for kk, vv in item.items())
                tables.append(f"[[{k}]]\n{body}")
        else:
            lines.append(f"{k} = {json.dumps(v)}")
    return "\n".join(lines) + "\n" + "\n".join(tables)


@pytest.mark.parametrize(
    ("edit", "where", "what"),
    [
        ({"adopted_on": "2026-02-30"}, "adopted_on", "2026-02-30"),
        ({"published_on": "2026-02-3"}, "published_on", "not a valid date"),
        ({"population": -1}, "population", "0 or more"),
        ({"population": "many"}, "population", "whole number"),
        ({"transmitted_on": "9999-12-31"}, "transmitted_on", "outside"),
    ],
)
def test_bad_act_facts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, edit: dict[str, Any], where: str, what: str
) -> None:
    f = tmp_path / "act.json"
    f.write_text(json.dumps({**ACT, **edit}), encoding="utf-8")
    assert_one_line_error(capsys, ["executory", str(f)], str(f), where, what)


# ----------------------------------------------------------------------------- arguments

DATE_COMMANDS = [
    ["withdraw", "X"],
    ["status", "X"],
    ["check-adherent", "GOOD_ADHERENT", "--on", "X"],
    ["report", "--on", "X"],
    ["convocation", "X", "--population", "500"],
    ["recours", "X"],
    ["recours", "2026-03-01", "--gracieux", "X"],
    ["recours", "2026-03-01", "--gracieux", "2026-04-01", "--rejected", "X"],
]
BAD_DATES = {
    "2026-02-30": "not a valid date",
    "2026-2-3": "not a valid date",
    "03/02/2026": "not a valid date",
    "": "not a valid date",
    "9999-12-31": "outside the dates handled",
    "0001-01-01": "outside the dates handled",
}


@pytest.mark.parametrize("value", list(BAD_DATES))
@pytest.mark.parametrize("template", DATE_COMMANDS, ids=lambda t: "-".join(t[:1] + t[2:3]))
def test_bad_date_argument(
    capsys: pytest.CaptureFixture[str], files: Path, template: list[str], value: str
) -> None:
    argv = [value if a == "X" else a for a in argv_for(template, files, "")]
    code = main_exit(argv)
    _out, err = capsys.readouterr()
    assert code == EXIT_USAGE
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert BAD_DATES[value] in err and "error: argument " in err


def main_exit(argv: list[str]) -> int:
    """``main`` for argparse errors, which exit through SystemExit."""
    try:
        return main(argv)
    except SystemExit as e:
        assert isinstance(e.code, int)
        return e.code


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("-5", "cannot be negative"),
        ("abc", "not a whole number"),
        ("1.5", "not a whole number"),
        ("", "not a whole number"),
        ("9" * 5000, "not a whole number"),
    ],
)
def test_bad_population(capsys: pytest.CaptureFixture[str], value: str, needle: str) -> None:
    code = main_exit(["convocation", "2026-03-01", f"--population={value}"])
    _out, err = capsys.readouterr()
    assert code == EXIT_USAGE
    assert len(err.splitlines()) == 1 and needle in err and "--population" in err


def test_a_date_the_policy_does_not_cover(capsys: pytest.CaptureFixture[str]) -> None:
    # the CGCT council-size table starts well after 1900: no value in force then
    assert_one_line_error(
        capsys,
        ["convocation", "1901-01-01", "--population", "500"],
        "council_size",
        "outside the dates the policy covers",
    )


@pytest.mark.parametrize("command", [["timeline"], ["recours", "2026-03-01"]])
def test_unwritable_calendar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    assert_one_line_error(capsys, [*command, "--ics", str(tmp_path)], str(tmp_path))
    missing = str(tmp_path / "no-such-dir" / "x.ics")
    assert_one_line_error(capsys, [*command, "--ics", missing], missing)


# ----------------------------------------------------------------------------- last resort


def test_an_unexpected_exception_is_one_line_exit_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard exists for bugs; the cases above show no bad input reaches it."""

    def broken(policy: Any) -> Any:
        raise RuntimeError("a bug\nwith two lines")

    # the command imports its rule when it runs: the rule module is where it is replaced
    monkeypatch.setattr("groupement_rules.convention.rules.withdrawal_windows", broken)
    monkeypatch.delenv("GROUPEMENT_RULES_DEBUG", raising=False)
    code = main(["windows"])
    _out, err = capsys.readouterr()
    assert code == EXIT_INTERNAL
    assert err.splitlines() == [
        "groupement-rules: internal error: RuntimeError: a bug with two lines (please report)"
    ]


# ----------------------------------------------------------------------------- processes

PROCESS_CASES = {
    "missing-file": (["check-seance", "MISSING.json"], "no such file"),
    "garbage-10MB": (["read", "GARBAGE.txt"], "too large"),
    "invalid-date": (["withdraw", "2026-02-30"], "not a valid date"),
    "negative-population": (["convocation", "2026-03-01", "--population=-5"], "negative"),
    "nested-json": (["check-adherent", "NESTED.json"], "nested too deeply"),
    "nested-policy": (["windows", "--policy", "NESTED.toml"], "nested too deeply"),
}


@pytest.mark.parametrize("case", list(PROCESS_CASES))
def test_real_process(files: Path, case: str) -> None:
    argv, needle = PROCESS_CASES[case]
    bad_file(files, "garbage-10MB", ".txt")
    bad_file(files, "nested-json", ".json")
    bad_file(files, "nested-toml", ".toml")
    names = {
        "MISSING.json": str(files / "missing.json"),
        "GARBAGE.txt": str(files / "garbage-10MB.txt"),
        "NESTED.json": str(files / "nested-json.json"),
        "NESTED.toml": str(files / "nested-toml.toml"),
    }
    r = subprocess.run(
        [sys.executable, "-m", "groupement_rules.cli", *(names.get(a, a) for a in argv)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == EXIT_USAGE, r.stderr
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert needle in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


# ----------------------------------------------------------------------------- hostile inputs
# (issue 14, item 5): every magnitude bounded, every failure one line, exit 2.

#: The commands that read a JSON/TOML document (FILE), and the limit they hold it to.
DOCUMENT_COMMANDS = {
    "check-adherent": ["check-adherent", "FILE", "--on", "2027-01-01"],
    "check-seance": ["check-seance", "FILE"],
    "scdl-write": ["scdl-write", "FILE"],
    "executory": ["executory", "FILE"],
}


class EndlessZeros(io.RawIOBase):
    """A stream that never ends (like ``/dev/zero``), counting what was taken from it."""

    def __init__(self) -> None:
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = len(b)
        b[:n] = bytes(n)
        self.taken += n
        return n


def fake_stdin(monkeypatch: pytest.MonkeyPatch, raw: io.RawIOBase | bytes) -> Any:
    stream = io.BytesIO(raw) if isinstance(raw, bytes) else io.BufferedReader(raw)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream, encoding="utf-8"))
    return raw


@pytest.mark.parametrize(
    "template",
    [*DOCUMENT_COMMANDS.values(), ["read", "FILE"], ["check-adherents", "FILE"]],
    ids=lambda t: t[0],
)
def test_endless_stdin_is_read_up_to_the_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, template: list[str]
) -> None:
    from groupement_rules.readers.text import files as text_files

    zeros = fake_stdin(monkeypatch, EndlessZeros())
    assert_one_line_error(capsys, argv_for(template, Path("."), "-"), "<stdin>", "too large")
    # a text may be a PDF, read up to the PDF limit; a document up to its own
    limit = text_files.MAX_PDF_BYTES if template[0] == "read" else inputs.MAX_DOCUMENT_BYTES
    assert zeros.taken <= limit + 2 * io.DEFAULT_BUFFER_SIZE


@pytest.mark.parametrize(
    "template", [*DOCUMENT_COMMANDS.values(), ["read", "FILE"], ["check-adherents", "FILE"]]
)
def test_a_device_is_read_up_to_the_limit(
    capsys: pytest.CaptureFixture[str], template: list[str]
) -> None:
    if not Path("/dev/zero").exists():  # pragma: no cover - every POSIX system has it
        pytest.skip("no /dev/zero")
    assert_one_line_error(capsys, argv_for(template, Path("."), "/dev/zero"), "too large")


@pytest.mark.parametrize("template", POLICY_COMMANDS[:3] + POLICY_COMMANDS[-4:], ids=str)
def test_a_policy_from_a_device_or_too_large(
    capsys: pytest.CaptureFixture[str], files: Path, template: list[str]
) -> None:
    assert_one_line_error(capsys, argv_for(template, files, "/dev/zero"), "/dev/zero", "too large")
    big = files / "big-policy.toml"
    if not big.exists():  # a valid TOML comment, 25 MB
        big.write_bytes(b"# " + b"x" * (25 * 1024 * 1024) + b"\n")
    assert_one_line_error(capsys, argv_for(template, files, str(big)), str(big), "too large")


def test_a_fifo_is_read_up_to_the_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        chunk = b"Le conseil municipal " * 5000
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as f:
            for _ in range(10_000):  # far past any limit, unless the reader stops
                f.write(chunk)

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    assert_one_line_error(capsys, ["read", str(fifo)], str(fifo), "too large")
    t.join(timeout=60)
    assert not t.is_alive()


#: ISO 8601 forms other than the calendar date YYYY-MM-DD, all refused.
NOT_CALENDAR_DATES = ["2026-W06-2", "2026W062", "2026-033", "20260202", "２０２６-02-02"]


@pytest.mark.parametrize("value", NOT_CALENDAR_DATES)
def test_only_calendar_dates_on_the_command_line(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code = main_exit(["withdraw", value])
    _out, err = capsys.readouterr()
    assert code == EXIT_USAGE and len(err.splitlines()) == 1
    assert "not a valid date" in err and "expected YYYY-MM-DD" in err


@pytest.mark.parametrize("value", NOT_CALENDAR_DATES)
@pytest.mark.parametrize(
    ("command", "doc", "key"),
    [
        ("check-adherent", ADHERENT, "signed_on"),
        ("check-seance", SEANCE, "date"),
        ("executory", ACT, "adopted_on"),
    ],
)
def test_only_calendar_dates_in_files(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: str,
    doc: dict[str, Any],
    key: str,
    value: str,
) -> None:
    f = tmp_path / "facts.json"
    f.write_text(json.dumps({**doc, key: value}), encoding="utf-8")
    assert_one_line_error(capsys, [command, str(f)], key, "not a valid date")


def test_a_toml_date_time_is_not_a_date(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "adherent.toml"
    f.write_text(_toml(ADHERENT).replace("\n", "\nsigned_on = 2026-02-02T23:30:00-05:00\n", 1))
    assert_one_line_error(capsys, ["check-adherent", str(f)], "signed_on", "date and time")


@pytest.mark.parametrize(
    ("command", "nested"),
    [(c, False) for c in DOCUMENT_COMMANDS]
    + [(c, True) for c in DOCUMENT_COMMANDS if c != "executory"],
)  # an act's facts are flat: no nested object to repeat a key in
def test_duplicate_json_keys(
    capsys: pytest.CaptureFixture[str], files: Path, tmp_path: Path, command: str, nested: bool
) -> None:
    good = {"check-adherent": ADHERENT, "executory": ACT}.get(command, SEANCE)
    text = json.dumps(good)
    if nested:
        key = next(k for k, v in good.items() if isinstance(v, dict))
        inner = json.dumps(good[key])
        dup = inner[:-1] + ", " + inner[1:]  # the same keys twice in one object
        text = text.replace(inner, dup, 1)
        assert json.loads(text) == good  # what json.loads would have said: nothing
    else:
        first = next(iter(good))
        text = "{" + json.dumps(first) + ": null, " + text[1:]
    f = tmp_path / "dup.json"
    f.write_text(text, encoding="utf-8")
    assert_one_line_error(
        capsys, argv_for(DOCUMENT_COMMANDS[command], files, str(f)), "given twice"
    )


HUGE_NUMBERS = {
    "5000-digits": "9" * 5000,
    "2**64": str(2**64),
    "-2**60": str(-(2**60)),
    "1e999": "1e999",
    "NaN": "NaN",
    "Infinity": "Infinity",
}


@pytest.mark.parametrize("value", list(HUGE_NUMBERS.values()), ids=list(HUGE_NUMBERS))
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_numbers_beyond_the_limits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, value: str
) -> None:
    if fmt == "toml" and value in ("NaN", "Infinity", "1e999"):
        value = {"NaN": "nan", "Infinity": "inf"}.get(value, value)
    f = tmp_path / f"adherent.{fmt}"
    if fmt == "json":
        f.write_text(json.dumps(ADHERENT)[:-1] + f', "need": {value}}}', encoding="utf-8")
    else:
        f.write_text(f"need = {value}\n" + _toml(ADHERENT), encoding="utf-8")
    err = assert_one_line_error(capsys, ["check-adherent", str(f)], str(f))
    assert len(err) < 300, err
    assert any(w in err for w in ("too large", "not finite", "not a JSON number", "invalid")), err


@pytest.mark.parametrize("value", ["9" * 5000, str(2**70)])
def test_policy_numbers_beyond_the_limits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
) -> None:
    text = embedded_policy_text("cgct.toml")
    assert "value = 3500" in text
    f = tmp_path / "cgct.toml"
    f.write_text(text.replace("value = 3500", f"value = {value}", 1), encoding="utf-8")
    err = assert_one_line_error(
        capsys, ["convocation", "2026-03-01", "--population", "500", "--cgct", str(f)], str(f)
    )
    assert len(err) < 300 and ("too large" in err or "4300 digits" in err), err


@pytest.mark.parametrize("date", ["1800-01-01", "2300-01-01"])
def test_policy_dates_outside_the_range(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, date: str
) -> None:
    text = embedded_policy_text("eprimo-2026.toml")
    f = tmp_path / "eprimo.toml"
    f.write_text(re.sub(r"value = 2026-07-19", f"value = {date}", text, count=1), "utf-8")
    assert text != f.read_text("utf-8")
    assert_one_line_error(capsys, ["windows", "--policy", str(f)], str(f), "outside the dates")


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "--ics", ""],
        ["recours", "2026-03-01", "--ics", " "],
        ["withdraw", "2028-06-01", "--output", ""],
        ["report", "-o", ""],
    ],
    ids=str,
)
def test_an_empty_file_name_to_write_is_refused(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code = main_exit(argv)
    out, err = capsys.readouterr()
    assert code == EXIT_USAGE and out == ""
    assert len(err.splitlines()) == 1 and "an empty file name" in err


FULL_DISK = [
    ["withdraw", "2028-06-01"],
    ["report", "--on", "2027-01-01", "--json"],
    ["check-seance", "GOOD_SEANCE"],
    ["timeline", "--lang", "en"],
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("argv", FULL_DISK, ids=lambda a: a[0])
@pytest.mark.parametrize("how", ["stdout", "--output"])
def test_a_full_disk_is_one_line(files: Path, argv: list[str], how: str) -> None:
    full = ["--output", "/dev/full"] if how == "--output" else []
    with open("/dev/full", "w") as dev_full:
        r = subprocess.run(
            [sys.executable, "-m", "groupement_rules", *argv_for(argv, files, ""), *full],
            stdout=dev_full if how == "stdout" else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    assert r.returncode == EXIT_USAGE, r.stderr
    assert r.stderr.splitlines() == [
        f"groupement-rules: error: {'<stdout>' if how == 'stdout' else '/dev/full'}: "
        "cannot write: No space left on device"
    ]


def test_an_error_line_cuts_the_input_it_echoes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    f = tmp_path / "adherent.json"
    f.write_text(json.dumps({**ADHERENT, "k" * 100_000: 1}), encoding="utf-8")
    err = assert_one_line_error(capsys, ["check-adherent", str(f)], str(f), "kkkk…", "unknown")
    assert len(err) <= len("groupement-rules: error: ") + 400 + len("\n")
    f.write_text(json.dumps({**ADHERENT, "signed_on": "2026-" + "0" * 50_000}), encoding="utf-8")
    err = assert_one_line_error(capsys, ["check-adherent", str(f)], "signed_on", "not a valid")
    assert len(err) <= 200


def test_a_long_date_argument_is_cut(capsys: pytest.CaptureFixture[str]) -> None:
    code = main_exit(["withdraw", "2" * 100_000])
    _out, err = capsys.readouterr()
    assert code == EXIT_USAGE and len(err.splitlines()) == 1 and len(err) < 300, err[:500]


def test_error_lines_read_file_key_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The form docs/cli.md shows: ``FILE: KEY: reason``, the key path inside the file."""
    f = tmp_path / "adherent.json"
    f.write_text(json.dumps({**ADHERENT, "need": -3}), encoding="utf-8")
    err = assert_one_line_error(capsys, ["check-adherent", str(f)])
    assert err == f"groupement-rules: error: {f}: need: must be 0 or more, got -3\n"
    f.write_text(json.dumps({**ADHERENT, "orders": [{"date": "2026-13-01", "accounts": 1}]}))
    err = assert_one_line_error(capsys, ["check-adherent", str(f)])
    assert err.startswith(f"groupement-rules: error: {f}: orders[0].date: not a valid date")
