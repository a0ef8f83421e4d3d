"""Robustness of the text reader: any input ends in facts or one InputError, in linear time."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groupement_rules.errors import InputError
from groupement_rules.readers.text import read_extract, read_extract_file

FRAGMENTS = [
    "L'an deux mille vingt-six, le deux février",
    "Présents : 23",
    "Votants : ",
    "Pour : ",
    "/",
    " - ",
    "Mme DUPONT Anne",
    "M. MARTIN",
    "a donné procuration à",
    "(pouvoir à ",
    "se déporte",
    "Délibération n° 2026-02-03 : ",
    "à l'unanimité",
    "Étaient présents :",
    "excusée ;",
    "Secrétaire de séance :",
    "\n",
    "Questions 1 à 10 :",
    "Publié le :",
    "convoqué le 27/01/2026",
    "ﬁ",
    "\u00a0",
    "’",
    "-\n",
    "(((",
    "N°",
    "1 – ",
]


@settings(max_examples=60)
@given(st.text(max_size=3000))
def test_property_any_text_gives_facts(text: str) -> None:
    try:
        r = read_extract(text)
    except InputError as e:
        assert "NUL" in str(e)
        return
    assert set(r.facts) == {
        "commune",
        "date",
        "convocation",
        "president",
        "secretaries",
        "members",
        "absent",
        "proxies",
        "deliberations",
    }
    for d in r.facts["deliberations"]:
        assert set(d["declared"]) == {
            "en_exercice",
            "presents",
            "represented",
            "votants",
            "exprimes",
        }


@settings(max_examples=60)
@given(st.lists(st.sampled_from([*FRAGMENTS, "12", "vingt-sept", "Jean", "LEROY"]), max_size=120))
def test_property_document_like_noise_gives_facts(parts: list[str]) -> None:
    r = read_extract(" ".join(parts))
    # every fact read has a provenance with a real line number
    for where in r.provenance.values():
        if where.get("line") is not None:
            assert where["line"] >= 1


@settings(max_examples=40)
@given(
    n=st.integers(min_value=0, max_value=999),
    layout=st.sampled_from(
        [
            "Présents : {n}",
            "Nombre de conseillers présents..... {n}",
            "PRÉSENTS ({n})",
            "Soit {n} présents\n1 procuration",
        ]
    ),
)
def test_property_declared_presents_is_read_back(n: int, layout: str) -> None:
    """A mutated count is read as written (so the checks of Part B see the change)."""
    text = "Séance du 2 février 2026\n" + layout.format(n=n) + "\nAdopté à l'unanimité.\n"
    r = read_extract(text)
    assert r.opening["presents"] == n
    assert r.facts["deliberations"][0]["declared"]["presents"] == n


@settings(max_examples=20)
@given(st.binary(max_size=4000))
def test_property_any_file_ends_in_facts_or_input_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    p = tmp_path_factory.mktemp("t") / "x.txt"
    p.write_bytes(data)
    try:
        read_extract_file(str(p))
    except InputError as e:
        assert str(p) in str(e)


def test_large_and_nested_inputs(tmp_path: Path) -> None:
    # 10 MB of text: read, not refused (time is linear: bounded patterns only)
    big = ("Mme DUPONT Anne, " * 40 + "\n") * 16_000
    assert len(big) > 10_000_000
    r = read_extract(big)
    assert r.facts["date"] is None
    # deeply "nested" punctuation and parentheses
    read_extract("(" * 200_000 + "Présents : 3" + ")" * 200_000)
    read_extract("[" * 100_000 + "{" * 100_000)
    with pytest.raises(InputError, match="NUL"):
        read_extract("abc\x00def")
    p = tmp_path / "latin1.txt"
    p.write_bytes("Séance du 2 février 2026".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_extract_file(str(p))
