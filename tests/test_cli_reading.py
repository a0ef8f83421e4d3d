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
    assert "Secrétaire de séance : Marie MELLIER" in fr
    assert "membres qui se déportent : GUEUDET" in fr
    assert main(["read", str(shared / SEED), "--lang", "en"]) == 0
    assert "Absent at the opening" in capsys.readouterr().out


def test_read_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\xff\xfe\x00\x01")
    assert main(["read", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("groupement-rules: error:") and str(p) in err
    assert main(["read", str(tmp_path / "missing.txt")]) == 2
