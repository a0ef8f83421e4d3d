"""CLI of Part D: read, scdl, scdl-write (exit codes 0 / 1 / 2, JSON shapes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from groupement_rules.cli import main
from groupement_rules.readers.text import load_seance_input

SEED = "seeds/000_181dd860fa64ed08.txt"


def test_read_json_gives_facts_provenance_unread(
    shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["read", str(shared / SEED), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"facts", "provenance", "unread", "publication"}
    assert out["facts"]["deliberations"][0]["declared"]["exprimes"] == 24
    assert out["facts"]["date"] == "2026-02-02"
    assert out["publication"] == {"stated": True, "date": None}


def test_read_output_can_be_saved_and_loaded_as_facts(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["read", str(shared / SEED), "--json"])
    saved = tmp_path / "seed.json"
    saved.write_text(capsys.readouterr().out, encoding="utf-8")
    facts = load_seance_input(str(saved))
    assert facts == load_seance_input(str(shared / SEED))
    assert facts["proxies"][0] == {"from": "DESNOS Caroline", "to": "HAMARD Marie-Claude"}


def test_read_text_in_both_languages(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(shared / SEED)]) == 0
    fr = capsys.readouterr().out
    assert "Secrétaire(s) de séance: Marie MELLIER" in fr and "se déportent: GUEUDET" in fr
    assert main(["read", str(shared / SEED), "--lang", "en"]) == 0
    assert "Absent at the opening" in capsys.readouterr().out


def test_read_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\xff\xfe\x00\x01")
    assert main(["read", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("groupement-rules: error:") and str(p) in err
    assert main(["read", str(tmp_path / "missing.txt")]) == 2


def test_scdl_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = (
        "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,DELIB_MATIERE_CODE,DELIB_MATIERE_NOM,DELIB_OBJET,"
        "VOTE_EFFECTIF,VOTE_REEL,VOTE_POUR,VOTE_CONTRE,VOTE_ABSTENTION"
    )
    ok = "Test,24420077000117,1,2026-02-02,1.4,Commande publique/Autres,Objet,28,25,24,0,1"
    bad = "Test,24420077000117,2,2026-02-02,1.4,Commande publique/Autres,Objet,28,25,24,0,2"
    p = tmp_path / "ok.csv"
    p.write_text(header + "\n" + ok + "\n", encoding="utf-8")
    assert main(["scdl", str(p)]) == 0
    capsys.readouterr()
    p.write_text(header + "\n" + ok + "\n" + bad + "\n", encoding="utf-8")
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
    assert "vote-sum-mismatch" in text and "Résumé: 2 lignes" in text
    p.write_bytes("COLL_NOM;Été\n".encode("cp1252"))
    assert main(["scdl", str(p)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_real_scdl_file_exit_1(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = shared / "data" / "real-scdl" / "saint-etienne-metropole-2022_deliberations.csv"
    assert main(["scdl", str(path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["codes"]["vote-sum-mismatch"] == 79
    assert out["header_findings"][0]["code"] == "column-extra"


def test_scdl_write_from_text(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scdl-write", str(shared / SEED), "--siret", "21490176300018"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("COLL_NOM,COLL_SIRET,DELIB_ID")
    assert "2026-02-03,2026-02-02" in lines[1]
    assert "déports have no SCDL column" in captured.err
