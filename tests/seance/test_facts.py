"""Typed séance facts: the attrs classes are the one schema. A wrong type or value is refused
at construction with one line naming the class and field; enums take their string values;
the JSON reader and the shipped JSON Schema list exactly the classes' fields."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import attrs
import pytest

from groupement_rules.errors import InputError
from groupement_rules.readers import seance as reader
from groupement_rules.readers.seance import seance_from_dict
from groupement_rules.seance.facts import (
    Commune,
    Convocation,
    DeclaredCounts,
    Deliberation,
    DeliberationKind,
    DeportArticle,
    InvalidFact,
    Outcome,
    PresidentVote,
    Proxy,
    Seance,
    StandAside,
    Vote,
)

D = dt.date(2026, 2, 2)


def test_enums_accept_their_string_values() -> None:
    d = Deliberation("1", outcome="adopted", kind="compte-administratif")  # type: ignore[arg-type]
    assert d.outcome is Outcome.ADOPTED and d.kind is DeliberationKind.COMPTE_ADMINISTRATIF
    assert Vote(president="pour").president is PresidentVote.POUR  # type: ignore[arg-type]
    assert StandAside("X", "L1111-6").article is DeportArticle.L1111_6  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (lambda: Deliberation("1", outcome="adoptée"), "Outcome"),
        (lambda: DeclaredCounts(presents=-3), "DeclaredCounts.presents"),
        (lambda: DeclaredCounts(votants=2.5), "DeclaredCounts.votants"),
        (lambda: DeclaredCounts(votants=True), "DeclaredCounts.votants"),
        (lambda: Vote(pour=10**100), "Vote.pour"),
        (lambda: Commune(population=-1), "Commune.population"),
        (lambda: Commune(population=10**100), "Commune.population"),
        (lambda: Commune(insee="99999"), "insee"),
        (lambda: Convocation(urgent="yes"), "Convocation.urgent"),
        (lambda: Convocation(sent_on="2026-01-27"), "Convocation.sent_on"),
        (lambda: Proxy("A", ""), "Proxy.holder"),
        (lambda: Proxy("A", "B", consecutive_seances=0), "Proxy.consecutive_seances"),
        (lambda: Seance("2026-02-02"), "Seance.date"),
        (lambda: Seance(D, members="A, B"), "names"),
        (lambda: Seance(D, deliberations=({"number": "1"},)), "Deliberation"),
        (lambda: Deliberation("1", kind="budget"), "DeliberationKind"),
    ],
)
def test_a_wrong_fact_is_refused_at_construction(build: object, where: str) -> None:
    with pytest.raises(InputError) as e:
        build()  # type: ignore[operator]
    assert e.value.where == where
    assert "\n" not in str(e.value) and len(str(e.value)) < 200


def test_invalid_fact_is_an_input_error_and_lists_are_tuples() -> None:
    assert issubclass(InvalidFact, InputError)
    s = Seance(D, members=["A", "B"], absent=["B"])  # type: ignore[arg-type]
    assert s.members == ("A", "B") and s.absent == ("B",)
    assert Commune(insee="2a004").insee == "2A004"


def test_the_reader_refuses_huge_and_negative_populations_with_one_line() -> None:
    for value, words in ((-5, "0 or more"), (10**100, "a number of 101 digits")):
        with pytest.raises(InputError) as e:
            seance_from_dict({"date": "2026-02-02", "commune": {"population": value}})
        assert e.value.where == "commune.population" and words in e.value.reason


#: JSON key → attrs field, where they differ.
RENAMED = {"from": "giver", "to": "holder", "$schema": None}


def _fields(cls: type) -> set[str]:
    return {f.name for f in attrs.fields(cls)}


def _keys(keys: tuple[str, ...]) -> set[str]:
    return {RENAMED.get(k, k) for k in keys} - {None}  # type: ignore[arg-type]


def test_the_reader_reads_every_field_of_the_facts() -> None:
    assert _keys(reader.KEYS) == _fields(Seance)
    assert _keys(reader.COMMUNE_KEYS) == _fields(Commune)
    assert _keys(reader.CONVOCATION_KEYS) == _fields(Convocation)
    assert _keys(reader.PROXY_KEYS) == _fields(Proxy)
    assert _keys(reader.DELIBERATION_KEYS) == _fields(Deliberation)
    assert _keys(reader.VOTE_KEYS) == _fields(Vote)
    assert _keys(reader.DECLARED_KEYS) == _fields(DeclaredCounts)
    assert _keys(reader.STAND_ASIDE_KEYS) == _fields(StandAside)


def test_the_json_schema_lists_every_field_and_every_enum_value() -> None:
    ref = resources.files("groupement_rules") / "schemas" / "seance.schema.json"
    schema = json.loads(ref.read_text(encoding="utf-8"))
    props = schema["properties"]
    item = props["deliberations"]["items"]["properties"]
    assert _keys(tuple(props)) == _fields(Seance)
    assert _keys(tuple(props["commune"]["properties"])) == _fields(Commune)
    assert _keys(tuple(props["convocation"]["properties"])) == _fields(Convocation)
    assert _keys(tuple(props["proxies"]["items"]["properties"])) == _fields(Proxy)
    assert _keys(tuple(item)) == _fields(Deliberation)
    assert _keys(tuple(item["new_proxies"]["items"]["properties"])) == _fields(Proxy)
    assert _keys(tuple(item["vote"]["properties"])) == _fields(Vote)
    assert _keys(tuple(item["declared"]["properties"])) == _fields(DeclaredCounts)
    for enum_cls, spec in (
        (Outcome, item["outcome"]),
        (DeliberationKind, item["kind"]),
        (PresidentVote, item["vote"]["properties"]["president"]),
        (DeportArticle, item["stood_aside"]["items"]["oneOf"][1]["properties"]["article"]),
    ):
        assert set(spec["enum"]) - {None} == {m.value for m in enum_cls}


def test_new_fields_round_trip_through_the_reader() -> None:
    s = seance_from_dict(
        {
            "date": "2026-02-02",
            "maire": "A",
            "eldest": "B",
            "commune": {"insee": "57463"},
            "convocation": {"second_convocation": True, "quorum_notice": True},
            "deliberations": [
                {
                    "number": "1",
                    "kind": "compte-administratif",
                    "president": "C",
                    "new_proxies": [{"from": "D", "to": "E"}],
                }
            ],
        }
    )
    d = s.deliberations[0]
    assert (s.maire, s.eldest, s.convocation.quorum_notice) == ("A", "B", True)
    assert d.kind is DeliberationKind.COMPTE_ADMINISTRATIF and d.president == "C"
    assert d.new_proxies == (Proxy("D", "E"),)
