"""One identity for members (issue 13 item 3): whatever the reader resolves, the rules of
the séance resolve to the same member."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.readers.names import resolve
from groupement_rules.readers.text import read_extract
from groupement_rules.seance.names import roster

SURNAMES = ["MARTIN", "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "MICHEL", "GARCIA"]
FIRST = ["Anne", "Paul", "Élise", "Jérôme", "Marie-Claude", "Luc"]
member = st.tuples(st.sampled_from(FIRST), st.sampled_from(SURNAMES)).map(
    lambda t: f"{t[1]} {t[0]}"
)


@given(
    st.lists(member, min_size=1, max_size=8, unique=True),
    st.integers(0, 7),
    st.sampled_from(["", "M. ", "Mme ", "Monsieur "]),
    st.sampled_from(["", ", adjointe", ", conseiller municipal"]),
    st.booleans(),
    st.booleans(),
)
def test_the_reader_and_the_rules_resolve_alike(
    members: list[str], which: int, civility: str, title: str, surname_only: bool, upper: bool
) -> None:
    surname, first = members[which % len(members)].split(" ", 1)
    written = civility + (surname if surname_only else f"{first} {surname}") + title
    written = written.upper() if upper else written
    r = roster(tuple(members))
    i = r.find(written)
    assert resolve(written, members) == (members[i] if i is not None else None)
    if not surname_only and not title:
        assert i == members.index(f"{surname} {first}")  # a whole name is always found


def _readings(shared: Path) -> list[tuple[str, dict[str, object]]]:
    d = shared / "data" / "real-texts"
    names = sorted(json.loads((d / "expected.json").read_text(encoding="utf-8")))
    fixtures = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))
    texts = [(n, (d / n).read_text(encoding="utf-8")) for n in names]
    texts += [(p.name, p.read_text(encoding="utf-8")) for p in fixtures]
    return [(n, dict(read_extract(t).facts)) for n, t in texts]


def test_names_the_reader_found_among_members_are_members_for_the_rules(shared: Path) -> None:
    if not (shared / "data" / "real-texts").is_dir():
        pytest.skip("shared/data/real-texts absent")
    checked = 0
    for name, facts in _readings(shared):
        members = tuple(facts["members"])  # type: ignore[arg-type]
        if not members:
            continue
        r = roster(members)
        for n in facts["absent"]:  # type: ignore[attr-defined]
            assert r.find(n) is not None, (name, n)
            checked += 1
        for p in facts["proxies"]:  # type: ignore[attr-defined]
            assert r.find(p["from"]) is not None, (name, p)
            checked += 1
    assert checked > 100
