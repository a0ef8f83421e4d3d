"""The conventions every command shares (issue 14, item 2): ``-`` reads standard input,
``--output FILE`` replaces FILE only once complete, ``--fail-on`` gates scripts on
findings, ``python -m groupement_rules`` is the command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from groupement_rules import InputError, outputs
from groupement_rules.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, main
from groupement_rules.policy import NoValueInForce, embedded_policy_text
from groupement_rules.seance.policy import load_cgct

DATA = resources.files("groupement_rules") / "data"
SEANCE = (DATA / "seed-seance.json").read_text(encoding="utf-8")
ADHERENT = (DATA / "seed-adherent.json").read_text(encoding="utf-8")
ACT = (DATA / "seed-act.json").read_text(encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


# ----------------------------------------------------------------------------- stdin

STDIN_CASES = {
    "check-seance": (["check-seance", "-", "--json"], SEANCE),
    "check-adherent": (["check-adherent", "-", "--on", "2027-01-01", "--json"], ADHERENT),
    "executory": (["executory", "-", "--json"], ACT),
    "scdl-write": (["scdl-write", "-"], SEANCE),
}


@pytest.mark.parametrize("case", list(STDIN_CASES))
def test_dash_reads_standard_input(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    case: str,
) -> None:
    argv, content = STDIN_CASES[case]
    f = tmp_path / "facts.json"
    f.write_text(content, encoding="utf-8")
    from_file = run(capsys, [str(f) if a == "-" else a for a in argv])
    stdin(monkeypatch, content)
    from_stdin = run(capsys, argv)
    assert from_stdin == from_file
    assert from_stdin[0] in (EXIT_OK, EXIT_FINDINGS) and from_stdin[1]


def test_a_policy_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, embedded_policy_text("eprimo-2026.toml"))
    from_stdin = run(capsys, ["windows", "--policy", "-", "--json"])
    assert from_stdin[0] == EXIT_OK
    embedded = json.loads(run(capsys, ["windows", "--json"])[1])
    # the same answer and dates; only where the policy came from differs
    got = json.loads(from_stdin[1])
    assert got["answer"] == embedded["answer"] and got["dates"] == embedded["dates"]


def test_a_text_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = Path(__file__).parent.parent.joinpath(
        "fixtures", "extracts", "synthetic-petite-commune.txt"
    )
    stdin(monkeypatch, text.read_text(encoding="utf-8"))
    code, out, _err = run(capsys, ["read", "-", "--json"])
    assert code == EXIT_OK
    read = json.loads(out)
    assert read["facts"]["deliberations"]
    # the saved output of ``read --json`` is a séance input: the pipe of the docs
    stdin(monkeypatch, out)
    code, out, _err = run(capsys, ["check-seance", "-", "--json"])
    assert code in (EXIT_OK, EXIT_FINDINGS) and json.loads(out)["question"]


def test_a_policy_with_a_byte_order_mark(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    f = tmp_path / "cgct.toml"
    f.write_bytes(b"\xef\xbb\xbf" + embedded_policy_text("cgct.toml").encode("utf-8"))
    argv = ["convocation", "2026-03-01", "--population", "500", "--json"]
    with_bom = run(capsys, [*argv, "--cgct", str(f)])
    assert with_bom[0] == EXIT_OK
    assert json.loads(with_bom[1])["data_keys"] == json.loads(run(capsys, argv)[1])["data_keys"]


# ----------------------------------------------------------------------------- --output


@pytest.mark.parametrize(
    "argv",
    [
        ["withdraw", "2028-06-01", "--json"],
        ["report", "--on", "2027-01-01"],
        ["timeline", "--lang", "en"],
        ["convocation", "2026-03-01", "--population", "500"],
    ],
    ids=lambda a: a[0],
)
def test_output_writes_what_stdout_would_show(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    code, shown, _ = run(capsys, argv)
    target = tmp_path / "out.txt"
    code_o, out, err = run(capsys, [*argv, "--output", str(target)])
    assert (code_o, out, err) == (code, "", "")
    assert target.read_text(encoding="utf-8") == shown
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


def test_output_is_left_alone_when_the_command_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "decision.json"
    target.write_text("the previous decision\n", encoding="utf-8")
    code, _out, err = run(
        capsys, ["check-seance", str(tmp_path / "missing.json"), "-o", str(target)]
    )
    assert code == EXIT_USAGE and "no such file" in err
    assert target.read_text(encoding="utf-8") == "the previous decision\n"
    assert [p.name for p in tmp_path.iterdir()] == ["decision.json"]


def test_output_is_never_half_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills while the output is written (here, when it is flushed to the
    disk) leaves the previous file whole, and no temporary file behind."""
    target = tmp_path / "report.txt"
    target.write_text("yesterday's report\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "fsync", disk_full)
    code, _out, err = run(capsys, ["report", "--on", "2027-01-01", "-o", str(target)])
    assert code == EXIT_USAGE and len(err.splitlines()) == 1
    assert f"{target}: cannot write: No space left on device" in err
    assert target.read_text(encoding="utf-8") == "yesterday's report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_output_keeps_the_permissions_of_the_file_it_replaces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o640)
    assert run(capsys, ["windows", "--json", "-o", str(target)])[0] == EXIT_OK
    assert target.stat().st_mode & 0o777 == 0o640
    assert json.loads(target.read_text(encoding="utf-8"))["question"]


def test_output_to_a_device_writes_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    # renaming over /dev/null would replace the device: it is written, not replaced
    assert run(capsys, ["windows", "-o", "/dev/null"]) == (EXIT_OK, "", "")
    assert Path("/dev/null").is_char_device()


def test_calendar_is_written_atomically(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ics = tmp_path / "eprimo.ics"
    assert run(capsys, ["timeline", "--ics", str(ics)])[0] == EXIT_OK
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir()] == ["eprimo.ics"]


def test_output_error_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(outputs.OutputError) as e, outputs.open_output(tmp_path / "x" / "y.txt"):
        pass  # pragma: no cover - the folder does not exist
    assert isinstance(e.value, InputError) and str(tmp_path / "x" / "y.txt") in str(e.value)


# ----------------------------------------------------------------------------- --fail-on


@pytest.mark.parametrize(
    ("argv", "fail_on", "expected"),
    [
        # a too-late withdrawal is answered (exit 0) with an error-level finding
        (["withdraw", "2028-07-19"], None, EXIT_OK),
        (["withdraw", "2028-07-19"], "error", EXIT_FINDINGS),
        (["withdraw", "2028-07-19"], "warning", EXIT_FINDINGS),
        # an allowed withdrawal has no finding to fail on
        (["withdraw", "2028-06-01"], "warning", EXIT_OK),
        # the seed séance has one warning (votes-unaccounted) and no error
        (["check-seance", "SEANCE"], None, EXIT_OK),
        (["check-seance", "SEANCE"], "error", EXIT_OK),
        (["check-seance", "SEANCE"], "warning", EXIT_FINDINGS),
        # report: the seed adherent's adhesion-after-deadline is an error
        (["report", "--on", "2027-01-01"], None, EXIT_OK),
        (["report", "--on", "2027-01-01"], "error", EXIT_FINDINGS),
    ],
    ids=str,
)
def test_fail_on(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    argv: list[str],
    fail_on: str | None,
    expected: int,
) -> None:
    seance = tmp_path / "seance.json"
    seance.write_text(SEANCE, encoding="utf-8")
    argv = [str(seance) if a == "SEANCE" else a for a in argv]
    code, out, _err = run(capsys, argv + (["--fail-on", fail_on] if fail_on else []))
    assert code == expected and out  # the answer is printed whatever the exit status


def test_fail_on_gates_the_json_output_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, ["withdraw", "2028-07-19", "--json", "--fail-on", "error"])
    assert code == EXIT_FINDINGS
    assert json.loads(out)["answer"] == "too-late"


# ----------------------------------------------------------------------------- the API edge


def test_no_value_in_force_is_bad_input() -> None:
    import datetime as dt

    from groupement_rules.seance.convocation import latest_sending_day

    with pytest.raises(InputError) as e:
        latest_sending_day(load_cgct(None), dt.date(1901, 1, 1), 500)
    assert isinstance(e.value, NoValueInForce) and isinstance(e.value, LookupError)
    assert "1901-01-01" in str(e.value) and "outside the dates the policy covers" in str(e.value)


# ----------------------------------------------------------------------------- python -m


def test_python_m_is_the_command() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "groupement_rules", "withdraw", "2028-06-01", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == EXIT_OK, r.stderr
    assert json.loads(r.stdout)["effective_on"] == "2028-07-19"
