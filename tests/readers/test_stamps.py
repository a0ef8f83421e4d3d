"""Stamps of transmission and publication (SPEC C, issue 9 item 5): read into the act's
facts, so that ``executory`` works from a stamped text or PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from groupement_rules.cli import main
from groupement_rules.readers.text import read_extract

FIXTURES = Path(__file__).parent / "fixtures"
STAMPED = FIXTURES / "layout-stamped.txt"


def test_stamps_and_the_actes_id_are_read() -> None:
    r = read_extract(STAMPED.read_text(encoding="utf-8"))
    assert r.stamps["sent_on"] == "2025-03-06"
    assert r.stamps["received_on"] == "2025-03-06"
    assert r.stamps["published_on"] == "2025-03-07"
    assert r.stamps["posted_on"] is None
    ident = r.stamps["actes_id"]
    assert ident["id"] == "049-219900011-20250304-2025_11-DE"
    assert (ident["departement"], ident["siren"], ident["decided_on"]) == (
        "049",
        "219900011",
        "2025-03-04",
    )
    assert r.act is not None
    assert r.act["adopted_on"] == "2025-03-04"
    assert r.act["transmitted_on"] == "2025-03-06"
    assert r.act["published_on"] == "2025-03-07"
    assert r.provenance["stamps.received_on"]["line"] == 2


def test_a_stamp_printed_twice_with_another_date_is_reported() -> None:
    text = STAMPED.read_text(encoding="utf-8") + "\nReçu en préfecture le 09/03/2025\n"
    r = read_extract(text)
    assert r.stamps["received_on"] == "2025-03-06"
    assert "stamps.received_on" in {u["fact"] for u in r.unread}


def test_affiche_alone_is_a_publication_by_affichage() -> None:
    r = read_extract("Séance du 4 mars 2025\nAffiché le 10/03/2025\n")
    assert r.act is not None
    assert r.act["published_on"] == "2025-03-10" and r.act["publication_mode"] == "affichage"


def test_a_recours_sentence_is_no_stamp() -> None:
    r = read_extract(
        "Séance du 4 mars 2025\nRecours possible dans les deux mois à compter de sa "
        "publication le 10/03/2025.\n"
    )
    assert r.stamps["published_on"] is None


def test_the_seed_has_no_stamp_and_is_not_executory(
    shared: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seed = shared / "seeds" / "000_181dd860fa64ed08.txt"
    r = read_extract(seed.read_text(encoding="utf-8"))
    assert all(v is None for v in r.stamps.values())
    assert r.act is not None and r.act["published_on"] is None
    path = tmp_path / "seed.txt"
    path.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    main(["executory", str(path), "--json"])
    assert json.loads(capsys.readouterr().out)["answer"] == "not-executory"


def test_executory_from_a_stamped_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    from pdf_factory import text_pdf

    path = tmp_path / "stamped.pdf"
    path.write_bytes(text_pdf(STAMPED.read_text(encoding="utf-8")))
    assert main(["executory", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["answer"] == "executory"
    dates = {d["name"]: d["value"] for d in out["dates"]}
    assert dates["executory_since"] == "2025-03-07"
    assert dates["recours_last_day"] == "2025-05-09"
