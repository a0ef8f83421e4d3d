"""Name matching: NFC, case and accent folding, either order, civilities stripped."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.seance.names import (
    CIVILITIES,
    duplicates,
    fold,
    name_words,
    roster,
    same_name,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GLÉMOT Étienne", "Étienne Glémot"),
        ("M. GLÉMOT Étienne", "Monsieur etienne glemot"),
        ("Mme Marie MELLIER", "MELLIER Marie"),
        ("Mme SORET-LENEUTRE Valérie", "Valérie Soret-Leneutre"),
        (unicodedata.normalize("NFD", "Émeline STEINIRGER"), "STEINIRGER Émeline"),
    ],
)
def test_same_name(a: str, b: str) -> None:
    assert same_name(a, b)


def test_different_names() -> None:
    assert not same_name("MAURIER Jérôme", "DELOIRE Jérôme")


def test_fold_keeps_lengths_and_name_words_expand_ligatures() -> None:
    assert fold("ŒUVRE Élise") == "œuvre elise"
    assert fold("Présents : 23") == "presents : 23"
    assert name_words("ŒUVRE Élise") == ("elise", "oeuvre") == name_words("Oeuvre elise")


@given(st.text(max_size=80))
def test_fold_keeps_the_length(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_a_name_written_with_a_title_is_the_member() -> None:
    r = roster(("MARTIN Anne", "MARTIN Paul", "DURAND Luc"))
    assert r.find("Mme Anne MARTIN, adjointe") == 0
    assert r.resolve("M. Luc DURAND, conseiller municipal délégué") == "DURAND Luc"
    assert r.find("MARTIN") is None  # two members: ambiguous
    assert r.find("Anne MARTIN Paul") is None  # two members as long: ambiguous


def test_partial_name_matches_the_only_member() -> None:
    r = roster(("Mme MELLIER Marie", "M. PARIS Jean-Paul", "Mme PELLETIER Estelle"))
    assert r.find("Mellier") == 0
    assert r.find("M. Jean-Paul PARIS") == 1
    assert r.find("Dupont") is None


def test_ambiguous_partial_name_matches_nobody() -> None:
    r = roster(("MAURIER Jérôme", "DELOIRE Jérôme"))
    assert r.find("Jérôme") is None
    assert r.find("Jérôme Maurier") == 0


def test_duplicates() -> None:
    assert duplicates(["GLÉMOT Étienne", "Étienne Glémot", "X Y"]) == ["Étienne Glémot"]
    assert roster(("A B", "b a")).duplicates == (1,)


# civilities are stripped only at the start of a name, so a word that is one is left out
words = st.text(alphabet="abcdéèêëïîôüçABCDÉ", min_size=2, max_size=8).filter(
    lambda w: fold(w) not in CIVILITIES
)


@given(st.lists(words, min_size=2, max_size=4, unique_by=fold), st.randoms())
def test_order_and_case_never_matter(parts: list[str], rnd: object) -> None:
    shuffled = list(parts)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a = " ".join(parts)
    b = " ".join(p.upper() for p in shuffled)
    assert name_words(a) == name_words(b)


def test_fold_composes_decomposed_accents_first() -> None:
    assert fold(unicodedata.normalize("NFD", "Libertés publiques")) == "libertes publiques"
