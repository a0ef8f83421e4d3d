"""The public API refuses arguments of the wrong kind at its edge (issue 14, items 3
and 5): one :class:`InputError` subclass naming the function and the argument, never a
``TypeError`` from deep inside a rule, and never an answer to a question that has none."""

from __future__ import annotations

import datetime as dt
import types
from typing import Any

import pytest

import groupement_rules as g
from groupement_rules import ArgumentTypeError, InputError, InvalidArgument

JUNE = dt.date(2028, 6, 1)


def cases() -> list[Any]:
    conv, cgct, dl = g.default_convention(), g.default_cgct(), g.default_deadlines()
    cal = g.calendar_for_insee(None)
    return [
        # a string date: today a TypeError from a comparison inside the rule
        (
            lambda: g.withdrawal(conv, sent_on="2028-06-01"),
            ArgumentTypeError,
            "withdrawal(sent_on)",
        ),
        (lambda: g.status_on(conv, "2029-01-01"), ArgumentTypeError, "status_on(on)"),
        (lambda: g.recours(dl, "2024-11-12", cal), ArgumentTypeError, "recours("),
        # a datetime, naive or aware: its day depends on a time zone the rules don't know
        (
            lambda: g.withdrawal(conv, sent_on=dt.datetime(2028, 6, 1, 23)),
            ArgumentTypeError,
            "datetime",
        ),
        (
            lambda: g.status_on(conv, dt.datetime(2029, 1, 1, tzinfo=dt.UTC)),
            ArgumentTypeError,
            "datetime",
        ),
        # dates outside the years handled, refused as the CLI refuses them
        (lambda: g.withdrawal(conv, sent_on=dt.date(1800, 1, 1)), InvalidArgument, "outside"),
        (lambda: g.status_on(conv, dt.date(9999, 12, 31)), InvalidArgument, "outside"),
        (lambda: g.latest_sending_day(cgct, dt.date(2300, 1, 1), 500), InvalidArgument, "outside"),
        # a negative population is not answered; a bool is not a number
        (lambda: g.latest_sending_day(cgct, dt.date(2026, 3, 1), -5), InvalidArgument, "negative"),
        (lambda: g.latest_sending_day(cgct, dt.date(2026, 3, 1), True), ArgumentTypeError, "bool"),
        (lambda: g.latest_sending_day(cgct, dt.date(2026, 3, 1), "500"), ArgumentTypeError, "str"),
        # a policy that is not one (a path given where the loaded policy is expected)
        (lambda: g.withdrawal("eprimo-2026.toml", sent_on=JUNE), ArgumentTypeError, "Policy"),
        (lambda: g.check_seance({"date": "2026-02-02"}, cgct), ArgumentTypeError, "Seance"),
        # a call that does not fit the signature at all
        (lambda: g.withdrawal(conv, sent_ob=JUNE), ArgumentTypeError, "withdrawal()"),
        # a date before the policy's first dated value: bad input, not a bug
        (lambda: g.latest_sending_day(cgct, dt.date(1901, 1, 1), 500), g.NoValueInForce, "1901"),
    ]


@pytest.mark.parametrize("index", range(15))
def test_bad_arguments_are_refused_at_the_edge(index: int) -> None:
    call, kind, needle = cases()[index]
    with pytest.raises(kind) as e:
        call()
    assert isinstance(e.value, InputError)
    assert needle in str(e.value), str(e.value)
    assert "\n" not in str(e.value) and len(str(e.value)) < 300


def test_a_type_error_is_still_a_type_error() -> None:
    with pytest.raises(TypeError):
        g.withdrawal(g.default_convention(), sent_on="2028-06-01")


def test_good_arguments_are_answered_as_before() -> None:
    from groupement_rules.convention.withdrawal import withdrawal as unguarded

    conv = g.default_convention()
    assert g.withdrawal(conv, sent_on=JUNE) == unguarded(conv, sent_on=JUNE)
    assert g.withdrawal(conv, sent_on=JUNE).answer == "allowed"
    assert g.latest_sending_day(g.default_cgct(), dt.date(2026, 3, 1), 0).answer == "computed"


def test_every_public_function_is_guarded() -> None:
    for name in g.__all__:
        value = getattr(g, name)
        if isinstance(value, types.FunctionType):
            assert getattr(value, "__wrapped_public__", False), name
            assert value.__name__ == name and value.__doc__  # functools.wraps kept them


def test_the_api_reaches_what_an_integrator_needs() -> None:
    """Readers of adherents and acts, and the enums that facts are built with."""
    needed = {
        "load_adherent", "adherent_from_dict", "load_act", "act_from_dict",
        "ActKind", "PublicationMode", "DeliberationKind", "DeportArticle", "Outcome",
        "PresidentVote", "NoValueInForce", "ExecutoryAnswer", "RecoursAnswer",
    }  # fmt: skip
    assert needed <= set(g.__all__)
    act, good_friday = g.act_from_dict(
        {"adopted_on": "2026-02-03", "kind": g.ActKind.REGULATORY.value}, "act"
    )
    assert act.kind is g.ActKind.REGULATORY and good_friday is False
    assert issubclass(g.NoValueInForce, InputError)
    with pytest.raises(InputError, match="adopted_on"):
        g.act_from_dict({"adopted_on": "2026-W06-2"}, "act")


def test_sorted_and_complete_all() -> None:
    assert set(g.__all__) == set(dir(g))
    for name in g.__all__:
        getattr(g, name)  # each name resolves


def test_calls_that_do_not_fit_the_signature_are_refused_by_name() -> None:
    """A missing, unknown or doubly given argument is one clear ArgumentTypeError."""
    conv = g.default_convention()
    cases = [
        lambda: g.status_on(conv),  # missing
        lambda: g.status_on(conv, dt.date(2029, 1, 1), dt.date(2029, 1, 2), 3, 4, 5),  # too many
        lambda: g.status_on(conv, dt.date(2029, 1, 1), onn=dt.date(2029, 1, 1)),  # unknown
        lambda: g.status_on(conv, dt.date(2029, 1, 1), on=dt.date(2029, 1, 1)),  # twice
    ]
    for call in cases:
        with pytest.raises(ArgumentTypeError, match=r"status_on\(\)"):
            call()
    # and a call that fits is checked by name whether positional or keyword
    with pytest.raises(ArgumentTypeError, match=r"status_on\(on\)"):
        g.status_on(policy=conv, on="2029-01-01")
    assert g.status_on(conv, on=dt.date(2029, 1, 1)).answer == "second-period"
