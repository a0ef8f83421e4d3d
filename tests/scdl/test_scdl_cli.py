"""The ``scdl`` and ``scdl-write`` commands: exit codes, stdin read once, JSON always whole."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from groupement_rules.cli import main
from groupement_rules.scdl import ScdlFile

SEED = "seeds/000_181dd860fa64ed08.txt"
SEED_FACTS = Path(__file__).resolve().parents[2] / "src/groupement_rules/data/seed-seance.json"
COMMUNE_SIRET = "21490176100012"
HEADER = (
    "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,"
    "VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION"
)
OK = "Test,24420077000117,1,2026-02-02,1.4,Commande publique/Autres,Objet,28,25,24,0,1"
BAD = "Test,24420077000117,2,2026-02-02,1.4,Commande publique/Autres,Objet,28,25,24,0,2"
RUN = "import sys; from groupement_rules.cli import main; sys.exit(main(sys.argv[1:]))"


def _csv(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    p = tmp_path / "d.csv"
    p.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return p


def test_scdl_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _csv(tmp_path, OK)
    assert main(["scdl", str(p)]) == 0
    assert "Résumé : 1 ligne, 0 avec erreur" in capsys.readouterr().out
    p = _csv(tmp_path, OK, BAD)
    assert main(["scdl", str(p), "--json", "--lang", "en"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["rows"] == 2 and out["summary"]["rows_with_errors"] == 1
    (finding,) = [x for x in out["rows"][1]["findings"] if x["severity"] == "error"]
    assert (finding["code"], finding["row"], finding["column"]) == (
        "vote-sum-mismatch",
        2,
        "VOTE_REEL",
    )
    assert main(["scdl", str(p)]) == 1
    text = capsys.readouterr().out
    assert "erreur vote-sum-mismatch" in text and "Résumé : 2 lignes" in text
    assert "error" not in text  # severities in French
    assert main(["scdl", str(p), "--lang", "en"]) == 1
    assert "Summary: 2 rows, 1 with an error" in capsys.readouterr().out
    p.write_bytes("COLL_NOM;Été\n".encode("cp1252"))
    assert main(["scdl", str(p)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_real_scdl_file_exit_1(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = shared / "data" / "real-scdl" / "saint-etienne-metropole-2022_deliberations.csv"
    assert main(["scdl", str(path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["codes"]["vote-sum-mismatch"] == 79
    assert out["header_findings"][0]["code"] == "column-extra"


def test_a_missing_required_column_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = HEADER.replace(",DELIB_OBJET", "")
    row = OK.replace(",Objet", "")
    assert main(["scdl", str(_csv(tmp_path, row, header=header)), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["rows_with_errors"] == 0 and out["summary"]["header_errors"] == 1
    assert main(["scdl", str(_csv(tmp_path, OK))]) == 0  # optional columns missing: 0


def test_stdin_dash_and_a_pipe_are_read_once(tmp_path: Path) -> None:
    data = _csv(tmp_path, OK, BAD).read_bytes()
    for target in ("-", "/dev/stdin"):
        done = subprocess.run(
            [sys.executable, "-c", RUN, "scdl", target, "--json"],
            input=data,
            capture_output=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        out = json.loads(done.stdout)
        assert out["summary"]["rows"] == 2
        assert out["rows"][1]["findings"][0]["code"] == "vote-sum-mismatch"


def test_a_bad_byte_late_in_the_file_prints_nothing_and_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [OK.replace(",1,", f",{i},", 1) for i in range(3000)]  # well past 64 KiB
    p = _csv(tmp_path, *rows)
    data = bytearray(p.read_bytes())
    lines = data.split(b"\n")
    lines[2500] = lines[2500].replace(b"Objet", b"Obj\xe9t")  # file line 2501
    p.write_bytes(b"\n".join(lines))
    assert len(data) > 65536
    for flags in (["--json"], ["--json-lines"], []):
        assert main(["scdl", str(p), *flags]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert f"{p}:2501: not UTF-8" in captured.err


def test_json_is_a_whole_document_even_if_reading_fails_midway(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the file change under the second pass, the document still closes."""
    from groupement_rules.errors import InputError

    rows = ScdlFile.rows

    def failing(self: ScdlFile) -> Any:
        for i, r in enumerate(rows(self)):
            if i == 1:
                raise InputError(f"{self.name}:3", "unreadable CSV: changed")
            yield r

    monkeypatch.setattr(ScdlFile, "rows", failing)
    p = _csv(tmp_path, OK, BAD)
    assert main(["scdl", str(p), "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert len(out["rows"]) == 1 and "changed" in out["error"] and "summary" not in out
    assert main(["scdl", str(p), "--json-lines"]) == 2
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["type"] for x in lines] == ["header", "row", "error"]


def test_min_severity_leaves_findings_and_empty_rows_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = _csv(tmp_path, OK, BAD)
    assert main(["scdl", str(p), "--json", "--min-severity", "error"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [r["row"] for r in out["rows"]] == [2]
    assert {f["severity"] for r in out["rows"] for f in r["findings"]} == {"error"}
    assert out["header_findings"] == []  # the missing optional columns are info
    assert out["summary"]["codes"]["vote-outcome"] == 2  # the summary counts everything
    assert main(["scdl", str(p), "--json-lines", "--min-severity", "info"]) == 1
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["type"] for x in lines] == ["header", "row", "row", "summary"]
    assert main(["scdl", str(p), "--json", "--json-lines"]) == 2


def test_scdl_write_from_text(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scdl-write", str(shared / SEED), "--siret", COMMUNE_SIRET]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("COLL_NOM,COLL_SIRET,DELIB_ID")
    assert "2026-02-03,2026-02-02" in lines[1]
    assert "note: ligne 1: les déports n'ont pas de colonne SCDL" in captured.err
    assert main(["scdl-write", str(shared / SEED), "--siret", COMMUNE_SIRET, "--lang", "en"]) == 0
    assert "note: row 1: déports have no SCDL column" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--siret", "abc"], "--siret: 'abc' is not a valid SIRET"),
        (["--siret", "21490176300018"], "--siret: '21490176300018' is not a valid SIRET"),
        (["--matiere-code", "9.9"], "--matiere-code: '9.9' is not an ACTES matter code"),
        (["--matiere-code", "1.4x"], "--matiere-code: '1.4x' is not an ACTES matter code"),
        (["--matiere-nom", "Marchés/Autres"], "--matiere-nom: 'Marchés/Autres' does not start"),
        (["--url", "pas une adresse"], "--url: 'pas une adresse' is not a URI"),
        (
            ["--matiere-code", "7.1", "--matiere-nom", "Commande publique/Autres"],
            "is not matter 7 of the code 7.1",
        ),
    ],
)
def test_scdl_write_refuses_what_the_checker_would_reject(
    flags: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scdl-write", str(SEED_FACTS), *flags]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.splitlines()) == 1


def test_scdl_write_neutralises_formula_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = json.loads(SEED_FACTS.read_text(encoding="utf-8"))
    facts.pop("$schema", None)
    facts["deliberations"][0]["title"] = '=HYPERLINK("http://x","y")'
    p = tmp_path / "s.json"
    p.write_text(json.dumps(facts), encoding="utf-8")
    flags = ["--siret", COMMUNE_SIRET, "--matiere-code", "1.4"]
    assert main(["scdl-write", str(p), *flags, "--matiere-nom", "Commande publique/Autres"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["DELIB_OBJET"] == '\'=HYPERLINK("http://x","y")'
    assert rows[0]["COLL_SIRET"] == COMMUNE_SIRET and rows[0]["DELIB_MATIERE_CODE"] == "1.4"


def _schema_validator(name: str = "scdl-report-1") -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    from referencing import Registry, Resource

    folder = Path(__file__).resolve().parents[2] / "src/groupement_rules/schemas"
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.schema.json")]
    registry = Registry().with_resources(
        (d["$id"], Resource.from_contents(d)) for d in docs if "$id" in d
    )
    schema = json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, registry=registry)


def test_json_documents_follow_the_shipped_schema_whole_or_interrupted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    validator = _schema_validator()
    p = _csv(tmp_path, OK, BAD)
    main(["scdl", str(p), "--json"])
    validator.validate(json.loads(capsys.readouterr().out))
    from groupement_rules.errors import InputError

    def failing(self: ScdlFile) -> Any:
        raise InputError(f"{self.name}:2", "unreadable CSV: changed")
        yield

    monkeypatch.setattr(ScdlFile, "rows", failing)
    assert main(["scdl", str(p), "--json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    validator.validate(doc)
    assert doc["rows"] == [] and "summary" not in doc


def test_fail_on_warning_and_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twice = _csv(tmp_path, OK, OK)  # the same DELIB_ID twice: a warning, no error
    assert main(["scdl", str(twice)]) == 0
    assert main(["scdl", str(twice), "--fail-on", "warning"]) == 1
    assert main(["scdl", str(twice), "--fail-on", "error"]) == 0
    capsys.readouterr()
    out = tmp_path / "report.json"
    assert main(["scdl", str(twice), "--json", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["rows"] == 2
    broken = tmp_path / "broken.csv"
    broken.write_bytes(twice.read_bytes() + b"Test,\xff\n")
    gone = tmp_path / "gone.json"
    assert main(["scdl", str(broken), "--json", "--output", str(gone)]) == 2
    assert not gone.exists() and capsys.readouterr().out == ""


def test_progress_callbacks_rise_to_the_end_of_each_pass(tmp_path: Path) -> None:
    from groupement_rules.scdl import ids, open_scdl

    rows = [OK.replace(",1,", f",{i},", 1) for i in range(3 * ids.PROGRESS_EVERY + 5)]
    seen: dict[str, list[float]] = {"reading": [], "checking": []}
    with open_scdl(_csv(tmp_path, *rows)) as f:
        f.scan(seen["reading"].append)
        n = sum(1 for _ in f.rows(seen["checking"].append))
    assert n == len(rows)
    for fractions in seen.values():
        assert len(fractions) == 3
        assert fractions == sorted(fractions) and fractions[0] > 0 and fractions[-1] <= 1


def test_progress_shows_after_a_second_and_is_erased() -> None:
    from groupement_rules.commands.progress import Progress

    now = [0.0]
    stream = io.StringIO()
    p = Progress(stream, "fr", clock=lambda: now[0])
    show = p.phase("reading")
    show(0.1)  # before a second: nothing
    assert stream.getvalue() == ""
    now[0] = 1.5
    show(0.42)
    now[0] = 1.6
    show(0.5)  # within 0.2 s of the last: not redrawn
    assert stream.getvalue() == "\rlecture 42 %"
    p.clear()
    assert stream.getvalue().endswith("\r")
    now[0] = 0.0
    out = io.StringIO()
    english = Progress(out, "en", clock=lambda: now[0])
    now[0] = 2.0
    english.phase("checking")(0.5)
    assert out.getvalue() == "\rchecking 50%"


def test_no_progress_in_pipes_or_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _csv(tmp_path, OK, BAD)
    main(["scdl", str(p)])
    assert capsys.readouterr().err == ""  # stderr is not a terminal here
    done = subprocess.run(
        [sys.executable, "-c", RUN, "scdl", str(p)], capture_output=True, check=False
    )
    assert done.returncode == 1 and done.stderr == b""


def test_json_lines_follow_their_shipped_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    validator = _schema_validator("scdl-report-lines-1")
    p = _csv(tmp_path, OK, BAD)
    assert main(["scdl", str(p), "--json-lines", "--min-severity", "info"]) == 1
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    for line in lines:
        validator.validate(line)
    assert lines[-1]["summary"]["rows"] == 2
    from groupement_rules.errors import InputError

    def failing(self: ScdlFile) -> Any:
        raise InputError(f"{self.name}:2", "unreadable CSV: changed")
        yield

    monkeypatch.setattr(ScdlFile, "rows", failing)
    assert main(["scdl", str(p), "--json-lines"]) == 2
    last = json.loads(capsys.readouterr().out.splitlines()[-1])
    validator.validate(last)
    assert last["type"] == "error"
