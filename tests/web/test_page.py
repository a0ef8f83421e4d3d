"""The secretary's page, without JavaScript: plain forms, server-rendered answers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

SEED = "seeds/000_181dd860fa64ed08.txt"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_home_in_french_with_an_english_switch(client: Any) -> None:
    r = client.get("/ui")
    assert r.status_code == 200
    assert '<html lang="fr">' in r.text
    assert r.headers["content-language"] == "fr"
    for field in ("text", "file", "withdraw-date", "recours-date", "recours-insee"):
        assert f'<label for="{field}"' in r.text and f'id="{field}"' in r.text
    en = client.get("/ui?lang=en")
    assert '<html lang="en">' in en.text and "Check the séance" in en.text
    assert 'href="/ui?lang=en" lang="en"' in r.text


def test_nothing_is_fetched_from_outside(client: Any) -> None:
    pages = [
        client.get("/ui").text,
        client.get("/ui/withdraw?date=2028-06-01").text,
        client.get("/docs").text,
        client.get("/ui/static/style.css").text,
        client.get("/ui/static/page.js").text,
    ]
    for html in pages:
        for url in re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(
            r"url\(([^)]+)\)", html
        ):
            assert url.startswith(("/", "#")), url
        assert "@import" not in html


def test_seed_pasted_shows_the_finding_with_its_line(client: Any, shared: Path) -> None:
    text = (shared / SEED).read_text(encoding="utf-8")
    r = client.post("/ui/seance", data={"text": text})
    assert r.status_code == 200
    html = r.text
    # the finding, with its article and the line of the text its counts come from
    m = re.search(r'<li class="finding[^"]*" data-code="votes-unaccounted">(.*?)</li>', html, re.S)
    assert m, "votes-unaccounted not shown"
    assert "L2121-20" in m.group(1)
    lines = re.findall(r'href="#l(\d+)"', m.group(1))
    assert lines
    n = int(lines[0])
    assert "suffrages exprimés" in text.splitlines()[n - 1]
    # that line is highlighted in the text shown
    assert re.search(rf'<li id="l{n}" value="{n}"><mark>', html)
    # facts with their lines, and what the text leaves unstated
    assert "<code>deliberations[0].declared.presents</code>" in html
    assert "commune.insee" in _text(html.split("Ce que le texte ne dit pas")[1])
    assert 'data-answer="to-review"' in html


def test_seed_uploaded_as_a_file(client: Any, shared: Path) -> None:
    data = (shared / SEED).read_bytes()
    r = client.post("/ui/seance?lang=en", files={"file": ("seed.txt", data, "text/plain")})
    assert r.status_code == 200
    assert 'data-code="votes-unaccounted"' in r.text
    assert "What the text leaves unstated" in r.text


def test_withdrawal_form(client: Any) -> None:
    r = client.get("/ui/withdraw?date=2028-06-01&lang=fr")
    assert r.status_code == 200
    assert 'data-answer="allowed"' in r.text
    assert '<time datetime="2028-07-19">19 juillet 2028</time>' in r.text
    assert '<time datetime="2028-05-19">' in r.text  # the window's first day
    late = client.get("/ui/withdraw?date=2028-08-01")
    assert 'data-answer="too-late"' in late.text and 'data-code="withdrawal-too-late"' in late.text


@pytest.mark.parametrize("date", ["2028-02-30", "demain", ""])
def test_a_bad_date_is_a_readable_error(client: Any, date: str) -> None:
    r = client.get(f"/ui/withdraw?date={date}")
    assert r.status_code == 400
    assert 'role="alert"' in r.text
    assert "Indiquez une date qui existe" in r.text
    assert f'value="{date}"' in r.text  # what was typed is kept for correction
    assert "Traceback" not in r.text


def test_recours_form_zone_from_insee(client: Any) -> None:
    r = client.get("/ui/recours?date=2026-02-10&insee=49176")
    assert 'data-answer="deadline"' in r.text
    assert '<time datetime="2026-04-13">13 avril 2026</time>' in r.text
    moselle = client.get("/ui/recours?date=2026-02-10&insee=57463")
    assert "Moselle" in moselle.text or "Alsace" in moselle.text
    bad = client.get("/ui/recours?date=2026-02-10&insee=999")
    assert bad.status_code == 400 and "Le code INSEE a cinq caractères" in bad.text


def test_partial_answers_for_the_script(client: Any) -> None:
    r = client.get("/ui/withdraw?date=2028-06-01", headers={"x-partial": "1"})
    assert r.text.lstrip().startswith("<article")
    assert "<html" not in r.text
    assert r.headers["vary"] == "X-Partial"


def test_empty_seance_form_is_an_error(client: Any) -> None:
    r = client.post("/ui/seance", data={"text": "  "})
    assert r.status_code == 400 and 'role="alert"' in r.text
