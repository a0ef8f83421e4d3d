"""The text reader's fast scans find exactly what its plain patterns find.

For speed (issue 6: the seed read >= 1 000 times a second) the reader does not run
each pattern over every position of the text: it tries a pattern only where one of
its first words starts a word (``_Doc.scan``), searches a pattern without its
leading look-behind and checks it on each hit (``_WordStart``), or searches the
branches of an alternation on their own (``_Branches``, ``_first_of``). Each of
these must give the same matches as the plain pattern, or the reader would read
differently: these tests compare them on the real texts and on generated ones.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groupement_rules.readers import textnorm
from groupement_rules.readers.text import (
    counts,
    dates,
    deliberations,
    document,
    headings,
    lexicon,
    reader,
    search,
)

FRAGMENTS = [
    " ",
    " ",
    "\n",
    ":",
    " : ",
    "....",
    "(",
    ")",
    ",",
    ";",
    "-",
    "/",
    "–",
    "'",
    "°",
    "0",
    "3",
    "12",
    "28",
    "2026-02-03",
    "n°",
    "N° 5",
    "Délibération",
    "délib.",
    "affaire",
    "Nombre de conseillers en exercice",
    "Le nombre de membres en exercice est de : ",
    "délégués titulaires présents",
    "nombre de délégués titulaires et suppléants présents est de : ",
    "en exercice",
    "membres",
    "conseillers municipaux",
    "Présents",
    "présent",
    "Votants",
    "ayant pris part au vote",
    "qui ont pris part au vote",
    "total des votes",
    "représentés",
    "procurations",
    "pouvoir",
    "Absents",
    "absents et excusés",
    "excusée",
    "suffrages exprimés",
    "exprimés",
    "Vote",
    "Résultats",
    "pour",
    "contre",
    "ont voté pour",
    "votes contre",
    "se sont abstenus",
    "abstention(s)",
    "abstenus",
    "bulletins blancs et nuls",
    "blancs",
    "nuls",
    "néant",
    "zéro",
    "aucun",
    "a l'unanimité",
    "à l’unanimité",
    "pas unanimité",
    "unanimement",
    "n'unanimite",
    "urgence",
    "urgences",
    "seconde convocation",
    "quorum n'ayant pas été atteint",
    "installation du conseil",
    "L. 2121-7",
    "est arrivée au point 2",
    "arrive lors du point 3",
    "est entrée en séance à la question 4",
    "quitte la séance au point 5",
    "est partie avant le point 6",
    "sort au dossier 7",
    "part après le vote du point 8",
    "départ de",
    "Départ de M. X",
    "sortie de",
    "arrivée de",
    "retour de",
    "rejoint la séance",
    "arrive en séance",
    "s'absente",
    "département de",
    "commune de",
    "de la commune de",
    "Ville de",
    "conseil municipal de",
    "mairie d'",
    "C.C.A.S. de",
    "publié le",
    "mise en ligne le",
    "affichée et publiée le",
    "date de publication",
    "et de la publication, le",
    "secrétaire de séance",
    "Secrétariat de séance :",
    "secretariat de la seance",
    "a été désigné secrétaire",
    "est nommée secrétaire",
    "élue comme secrétaire",
    "assistaient",
    "ordre du jour",
    "étaient présents",
    "sont excusés",
    "ont donné procuration",
    "absents ayant donné pouvoir",
    "Absents avec pouvoir :",
    "absente avec procuration",
    "Objet :",
    "objet: ",
    "2026-12 objet :",
    "15 présents",
    "soit 12 votants",
    "par 20 voix pour",
    "3 contre et 2 abstentions",
    "vingt et un voix pour, trois contre",
    "2 bulletins blancs",
    "1 vote nul",
    "dix-sept pour, 2 contre",
    "Pour 15 Contre 1 Abstention 1",
    "L'an deux mil vingt-trois",
    "l an 2024",
    "plan ",
    "pour 3 - contre 0",
    "pour 2026",
    "12\n\npour",
    "1234 voix pour",
    "cent vingt-trois pour et 4 contre",
    "deux abstentions",
    "un  pour",
    "quatre-vingt-dix-neuf",
    "Pour extrait conforme",
    "certifié exécutoire",
    "la séance est levée",
    "Mme DUPONT",
    "M. Martin",
    "questions 3 à 5 :",
    "point 2 et 4 :",
    "qui a donné procuration à",
    "ayant donné pouvoir à",
    "avait donné une procuration écrite à",
    " – (un pouvoir à",
    "est représentée par",
    "représentés par",
    "délégation de vote à",
    "mandat à",
    "a le pouvoir de",
    "donne",
    "a ",
    "se déporte",
    "ne prend pas part au vote",
    "ne participent pas au vote",
    "s'abstient de participer",
    "scrutin secret",
    "bulletins secrets",
    "étaient présents tous les conseillers",
    "sont présents tous ",
    "date de la convocation",
    "convoqués",
    "convocations",
    "\n1 - Budget",
    "\n 12) Travaux",
    "\n2024-05 Objet",
    "\n2026.1.2 / «Marché",
    "\n3 – Subvention",
    "P R É S E N T S",
    "\nA B C D",
    " X Y ",
    "vote à main levée",
    "se  déporte",
    "se\ndéportent",
    "chose déporte",
    "ne  prennent pas part",
    "ne\nparticipe pas à ce vote",
    "est  partie au point 3",
    "déporte",
    "participe",
    "adopté. ",
    "une longue phrase sans point qui continue encore et encore sur la même ligne " * 2,
]

CHECKS = [(key, starts, pat) for key, starts, pat in lexicon.LABEL_FIRST] + [
    ("section", lexicon.SECTION_STARTS, lexicon.SECTION),
    ("strong heading", lexicon.STRONG_STARTS, lexicon.STRONG_HEADING),
    ("publication", lexicon.PUBLICATION_STARTS, lexicon.PUBLICATION),
    ("commune", lexicon.COMMUNE_STARTS, lexicon.COMMUNE),
    ("questions", lexicon.QUESTIONS_STARTS, lexicon.QUESTIONS.pattern),
    ("present verb", reader.PRESENT_VERB_STARTS, reader.PRESENT_VERB),
    ("convocation word", ("date", "convo"), dates.CONVOCATION_WORD),
    ("convocations", ("convocation",), dates.CONVOCATIONS),
]
BRANCHES = [lexicon.DEPORT, lexicon.SECRET, lexicon.PROXY_ANCHOR]
WORD_STARTS = [
    lexicon.BARE_OBJET,
    lexicon.NUMBER_FIRST,
    lexicon.OBJET_HEADING,
    lexicon.PREFIX_HEADING,
    lexicon.QUESTIONS,
    lexicon.URGENCE,
    counts.BARE_VOTE_ROW,
    dates.L_AN,
]
PLAIN_AT = {
    "arrived": re.compile(
        r"(?:est\s+)?(?:arrivee?|arrive|entre|entree)" + lexicon.AT_TAIL.replace("(?P<n>", "(")
    ),
    "left": re.compile(
        r"(?:quitte\s+la\s+seance|est\s+partie?|part|sort)"
        + lexicon.LEFT_TAIL.replace("(?P<n>", "(")
    ),
    "left_sentence": re.compile(
        r"(?<![a-z])(?:depart\s+de|sortie\s+de)\s+|quitte\s+la\s+seance|s'absente"
    ),
    "arrived_sentence": re.compile(
        r"(?<![a-z])(?:arrivee\s+de|retour\s+de)\s+|rejoint\s+la\s+seance|arrive\s+en\s+seance"
    ),
}


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def assert_same_scans(text: str, start: int = 0, end: int | None = None) -> None:
    if textnorm._LETTER_SPACED.search(text) is not None:  # clean() skips it without its core
        assert textnorm._LETTER_SPACED_CORE.search(text) is not None
    doc = document.Document(textnorm.clean(text))
    f = doc.folded
    end = len(f) if end is None else min(end, len(f))
    start = min(start, end)
    for name, starts, pat in CHECKS:
        assert spans(doc.scan(pat, starts, start, end)) == spans(pat.finditer(f, start, end)), name
    for ws in WORD_STARTS:
        got = spans(ws.finditer(f, start, end))
        assert got == spans(ws.pattern.finditer(f, start, end)), ws.pattern.pattern
    got = spans(counts.find_number_first(doc, start, end))
    assert got == spans(lexicon.NUMBER_FIRST.pattern.finditer(f, start, end))
    for pat, anchors, middles in (
        (lexicon.VOICE_POUR, ("pour",), ("voix",)),
        (lexicon.VOICE_ABST, ("absten",), ()),
        (lexicon.VOICE_BN, ("blanc", "nul"), counts.BN_MIDDLE),
    ):
        got = spans(counts.find_number_before(doc, pat, anchors, middles, start, end))
        assert got == spans(pat.finditer(f, start, end)), pat.pattern
    plain = lexicon.UNANIMITY.search(f, start, end)
    fast = deliberations.find_unanimity(f, start, end)
    assert (fast.span() if fast else None) == (plain.span() if plain else None)
    for branches in (lexicon.SECOND_CONVOCATION, lexicon.RENEWAL, lexicon.END_MARKERS):
        alternation = re.compile("|".join(b.pattern for b in branches))
        first = search.first_of(f, branches)
        whole = alternation.search(f)
        assert (first.start() if first else None) == (whole.start() if whole else None)
    for branches in BRANCHES:
        alternation = re.compile("|".join(b.pattern for b in branches.branches))
        got = spans(branches.finditer(f, start, end))
        assert got == spans(alternation.finditer(f, start, end)), alternation.pattern
    assert spans(headings.objet_headings(doc)) == spans(lexicon.OBJET_HEADING.pattern.finditer(f))
    assert spans(headings.weak_headings(doc)) == spans(lexicon.WEAK_HEADING.finditer(doc.text))
    held = [
        m.span()
        for m in deliberations.SENTENCE.finditer(f[start:end])
        if lexicon.DECISION_CONTEXT.search(m.group(0))
    ]
    first = lexicon.DECISION_CONTEXT.search(f, start, end)
    fast_held = [
        m.span()
        for m in deliberations.sentences_from(f, start, end, first)
        if lexicon.DECISION_CONTEXT.search(m.group(0))
    ]
    assert fast_held == held
    for lo in range(start, end, 7):
        hi = min(end, lo + 90)
        fast = lexicon.PROXY_CONNECTOR_FIRST.search(f, lo, hi)
        plain = lexicon.PROXY_CONNECTOR.search(f, lo, hi)
        assert (fast.span() if fast else None) == (plain.span() if plain else None), (lo, hi)
    assert spans(lexicon.ARRIVED_AT.finditer(f)) == spans(PLAIN_AT["arrived"].finditer(f))
    assert spans(lexicon.LEFT_AT.finditer(f)) == spans(PLAIN_AT["left"].finditer(f))
    assert spans(lexicon.LEFT.finditer(f, start, end)) == spans(
        PLAIN_AT["left_sentence"].finditer(f, start, end)
    )
    assert spans(lexicon.ARRIVED.finditer(f, start, end)) == spans(
        PLAIN_AT["arrived_sentence"].finditer(f, start, end)
    )


def test_scans_of_the_seed_and_real_texts(shared: Path) -> None:
    paths = [shared / "seeds" / "000_181dd860fa64ed08.txt"]
    paths += sorted((shared / "data" / "real-texts").glob("*.txt"))
    for p in paths:
        if p.exists():
            text = p.read_text(encoding="utf-8")
            assert_same_scans(text)
            assert_same_scans(text, len(text) // 3, 2 * len(text) // 3)


def test_scans_of_the_synthetic_extracts() -> None:
    root = Path(__file__).parent.parent / "fixtures" / "extracts"
    files = sorted(root.glob("*"))
    if not files:
        pytest.skip("no synthetic extracts")
    for p in files:
        assert_same_scans(p.read_text(encoding="utf-8"))


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=60),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=2000),
)
def test_scans_of_generated_texts(parts: list[str], start: int, length: int) -> None:
    text = "".join(parts)
    assert_same_scans(text)
    assert_same_scans(text, start, start + length)


def test_a_mutated_start_list_is_caught() -> None:
    """The comparison can fail: without "present" among its first words, the label
    "Présents : 12" is no longer found."""
    doc = document.Document("Présents : 12\n")
    pat = dict((k, p) for k, _s, p in lexicon.LABEL_FIRST)["presents"]
    assert spans(pat.finditer(doc.folded)) != []
    assert spans(doc.scan(pat, ("nombre", "conseiller", "membre"), 0, 14)) == []


def test_a_narrowed_connector_prefix_is_caught() -> None:
    """The comparison can fail: without the letters of « ayant », the procuration
    « ayant donné pouvoir à » is found from « donné » on, not from « ayant »."""
    f = document.Document("X, ayant donné pouvoir à Y").folded
    pat, anchors = lexicon.PROXY_CONNECTOR, lexicon.PROXY_ANCHOR
    digest = search.pattern_shape(pat.pattern, *(b.pattern for b in anchors.branches))
    narrowed = search.Anchored(pat, anchors, prefix=",-(deinou", shape=digest)
    assert narrowed.active
    plain = lexicon.PROXY_CONNECTOR.search(f)
    fast = narrowed.search(f)
    assert plain is not None and fast is not None and fast.span() != plain.span()


def test_fast_searches_apply_to_the_rules_as_written() -> None:
    """Each search reasoned for the shape of one rule checks that the rule is still
    written so (else it falls back to the plain search, and reads stay right but slow):
    when this fails, a rule was changed; check the reasoning in the fast search's
    docstring again for the new rule, then update the digest it records."""
    assert lexicon.PROXY_CONNECTOR_FIRST.active
    assert headings._OBJET_FAST
    assert headings._WEAK_FAST
    assert deliberations._DECISION_FAST
    assert textnorm._LETTER_FAST


def test_the_plain_searches_read_the_same(monkeypatch: pytest.MonkeyPatch, shared: Path) -> None:
    """With every fast search turned off (as after a change of its rule), the seed
    reads the same."""
    from groupement_rules.readers.text import read_extract

    text = (shared / "seeds" / "000_181dd860fa64ed08.txt").read_text(encoding="utf-8")
    fast = read_extract(text).to_dict()
    monkeypatch.setattr(lexicon.PROXY_CONNECTOR_FIRST, "active", False)
    monkeypatch.setattr(headings, "_OBJET_FAST", False)
    monkeypatch.setattr(headings, "_WEAK_FAST", False)
    monkeypatch.setattr(deliberations, "_DECISION_FAST", False)
    monkeypatch.setattr(textnorm, "_LETTER_FAST", False)
    assert read_extract(text).to_dict() == fast
