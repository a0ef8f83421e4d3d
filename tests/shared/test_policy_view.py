"""Typed policy views: one declaration of the keys gives the schema and the view."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from groupement_rules.policy import NoValueInForce, ParamSpec, PolicyView, load_policy, param

TEXT = """
[policy]
id = "t"
kind = "test"
title = "Test"
version = "1"

[sources.code]
name = "CGCT"
title = "Code général des collectivités territoriales"

[params.threshold]
value = 3500
citation = { source = "code", article = "L2121-11" }

[[params.quorum.values]]
from = 2020-03-24
to = 2020-04-02
value = "third"
citation = { source = "code", article = "loi 2020-290 art. 10" }

[[params.quorum.values]]
from = 2022-08-01
value = "majority"
citation = { source = "code", article = "L2121-17" }
"""


@attrs.frozen(eq=False)
class View(PolicyView):
    threshold: int = param(ParamSpec("int"))
    quorum: str = param(ParamSpec("str", dated=True))
    note: str | None = param(ParamSpec("str", required=False), shown_only=True)
    days: int = param(ParamSpec("int", required=False, default=3, default_note="3 days"))


def _policy():  # type: ignore[no-untyped-def]
    return load_policy("t.toml", View.schema(), kind="test", text=TEXT)


def test_schema_is_derived_from_the_declaration() -> None:
    assert set(View.schema()) == {"threshold", "quorum", "note", "days"}
    assert View.shown_only() == {"note"}


def test_view_reads_the_values_in_force_on_a_date() -> None:
    policy = _policy()
    v = View.of(policy, dt.date(2020, 3, 30))
    assert (v.threshold, v.quorum, v.note, v.days) == (3500, "third", None, 3)
    assert View.of(policy, dt.date(2023, 1, 1)).quorum == "majority"
    assert v.cite("quorum").article == "loi 2020-290 art. 10"
    assert v.cite("days").source == "groupement-rules"
    assert View.of(policy, dt.date(2020, 3, 30)) is v  # immutable, so cached
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        v.threshold = 1  # type: ignore[misc]


def test_a_date_with_no_value_in_force_is_refused() -> None:
    with pytest.raises(NoValueInForce):
        View.of(_policy(), dt.date(2021, 1, 1))


def test_citing_an_undeclared_key_fails() -> None:
    with pytest.raises(KeyError):
        View.of(_policy(), dt.date(2023, 1, 1)).cite("thresold")
