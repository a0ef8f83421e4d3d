"""PDFs (SPEC D, issue 9 item 4): the seed from a PDF made of it, a two-column page,
line-end hyphens, a scan without OCR (one clear line, exit 2) and with OCR."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from groupement_rules.cli import main
from groupement_rules.errors import InputError
from groupement_rules.readers.text import pdf as pdf_module
from groupement_rules.readers.text import read_extract, read_pdf
from pdf_factory import scanned_pdf, text_pdf, two_column_pdf


@pytest.fixture
def seed_text(shared: Path) -> str:
    return (shared / "seeds" / "000_181dd860fa64ed08.txt").read_text(encoding="utf-8")


def test_the_seed_reads_the_same_from_a_pdf_made_of_it(seed_text: str) -> None:
    r = read_pdf(text_pdf(seed_text, hyphenate=("délibération", "vingt-six")))
    t = read_extract(seed_text)
    assert r.document == {"kind": "pdf", "pages": r.document["pages"], "method": "text-layer"}
    assert r.document["pages"] >= 2
    assert r.facts == t.facts and r.opening == t.opening and r.publication == t.publication
    assert r.facts["date"] == "2026-02-02" and len(r.facts["proxies"]) == 3


def test_line_end_hyphens_are_rejoined_and_number_words_keep_theirs() -> None:
    text = "Séance du conseil municipal. Les délibérations du conseil : L'an deux mille vingt-six."
    pt = pdf_module.pdf_text(text_pdf(text, hyphenate=("délibérations", "vingt-six")))
    assert "délibérations" in pt.text and "vingt-six" in pt.text
    assert "\x02" not in pt.text


def test_a_two_column_page_is_read_column_by_column() -> None:
    data = two_column_pdf(
        "COMMUNE DE VALBRUNE - Séance du 3 mars 2025",
        [
            "Présents : Mme Alice ROUX, M. Bruno SAGE,",
            "Mme Chloé TESSIER, M. Denis URBAIN,",
            "Mme Elsa VIDAL, M. Fabien WEISS.",
            "Absents : M. Gilles YVON.",
        ],
        [
            "Pouvoirs : M. Gilles YVON à Mme Alice ROUX.",
            "En exercice : 7",
            "Votants : 7",
            "Délibération n° 2025-09 : Voirie",
            "Adopté à l'unanimité.",
        ],
    )
    r = read_pdf(data)
    assert r.facts["date"] == "2025-03-03"
    assert r.facts["proxies"] == [{"from": "Gilles YVON", "to": "Alice ROUX"}]
    assert r.opening["presents"] == 6 and r.opening["en_exercice"] == 7
    assert r.opening["votants"] == 7


def test_read_and_check_seance_accept_a_pdf(
    seed_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deliberation.pdf"
    path.write_bytes(text_pdf(seed_text))
    assert main(["read", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["facts"]["date"] == "2026-02-02" and out["document"]["kind"] == "pdf"
    main(["check-seance", str(path), "--json"])
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "votes-unaccounted" in codes  # SPEC B.3: the difference of one


def test_a_scan_without_ocr_is_one_clear_line_and_exit_2(
    seed_text: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_module, "ocr_available", lambda: False)
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf(text_pdf(seed_text[:1500]), scale=1.0))
    assert main(["read", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "scanned PDF" in err and "scan.pdf" in err
    with pytest.raises(InputError, match="no text layer"):
        read_pdf(path.read_bytes())


def test_not_a_pdf() -> None:
    with pytest.raises(InputError, match="not a readable PDF"):
        read_pdf(b"%PDF-1.7\nnonsense")


@pytest.mark.skipif(not pdf_module.ocr_available(), reason="ocrmypdf / tesseract-ocr-fra absent")
def test_a_scan_is_read_through_ocr(seed_text: str) -> None:
    head = seed_text[:3000]
    r = read_pdf(scanned_pdf(text_pdf(head)))
    assert r.document["method"] == "ocr"
    t = read_extract(head)
    assert r.facts["date"] == t.facts["date"] == "2026-02-02"
    for key in ("en_exercice", "presents", "proxies"):
        assert r.opening[key] == t.opening[key]
