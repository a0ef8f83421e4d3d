"""SPEC A.5 and A.6: one adherent's file, each finding code produced and absent."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules import (
    Adherent,
    Authorisation,
    Exclusion,
    Order,
    WithdrawalLetter,
    check_adherent,
    default_convention,
)
from groupement_rules.errors import InputError
from groupement_rules.readers.adherent import adherent_from_dict

D = dt.date
EPRIMO = default_convention()
TODAY = D(2026, 11, 29)

GOOD = Adherent(
    name="Commune exemple",
    kind="commune",
    insee="49007",
    representation="self",
    need=120,
    authorisation=Authorisation(D(2026, 1, 5), "2026-01", transmitted_on=D(2026, 1, 7)),
    signed_on=D(2026, 1, 10),
    sent_on=D(2026, 1, 12),
    annexes=frozenset({1, 2}),
    orders=(Order(D(2026, 9, 1), 120, purchase_order=True),),
)


def codes(a: Adherent, on: dt.date = TODAY) -> list[str]:
    return check_adherent(EPRIMO, a, on).codes()


def test_a_complete_valid_file_has_no_finding() -> None:
    d = check_adherent(EPRIMO, GOOD, D(2029, 1, 1))
    assert d.codes() == []
    assert d.answer == "valid"
    assert d.data["status"] == "second-period"


def test_seed_adherent_is_late() -> None:
    """SPEC A.5: the délibération of 2026-02-02 is nine days after the deadline."""
    seed = Adherent(
        name="Le Lion d'Angers",
        kind="commune",
        departement="49",
        authorisation=Authorisation(D(2026, 2, 2), "2026-02-03"),
    )
    d = check_adherent(EPRIMO, seed, TODAY)
    late = [f for f in d.findings if f.code == "adhesion-after-deadline"]
    assert len(late) == 1 and late[0].severity == "error"
    assert late[0].values["days_late"] == 9
    assert late[0].values["deadline"] == "2026-01-24"
    assert d.answer == "invalid"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"kind": "departement"}, "member-kind-ineligible"),
        ({"insee": "75056"}, "member-outside-territory"),
        ({"insee": "2A004"}, "member-outside-territory"),
        ({"insee": "97411"}, "member-outside-territory"),
        ({"authorisation": None}, "authorisation-missing"),
        ({"signed_on": D(2026, 1, 4), "sent_on": D(2026, 1, 12)}, "authorisation-after-signature"),
        (
            {"authorisation": Authorisation(D(2026, 1, 5), transmitted=False)},
            "authorisation-not-transmitted",
        ),
        (
            {"authorisation": Authorisation(D(2026, 1, 5), transmitted_on=D(2026, 1, 20))},
            "authorisation-not-transmitted",
        ),
        ({"sent_on": D(2026, 1, 25)}, "adhesion-after-deadline"),
        ({"annexes": frozenset({1})}, "annex-missing"),
        ({"need": 0}, "need-not-positive"),
        ({"orders": (Order(D(2026, 9, 1), 100, purchase_order=True),)}, "orders-below-need"),
        (
            {
                "orders": (
                    Order(D(2026, 9, 1), 100, purchase_order=True),
                    Order(D(2026, 10, 1), 20),
                )
            },
            "purchase-order-mismatch",
        ),
        ({"orders": (Order(D(2026, 9, 1), 120),)}, "purchase-order-mismatch"),
        ({"withdrawal_letters": (WithdrawalLetter(D(2027, 1, 1)),)}, "withdrawal-too-early"),
        ({"withdrawal_letters": (WithdrawalLetter(D(2028, 8, 1)),)}, "withdrawal-too-late"),
        ({"exclusion": Exclusion(D(2027, 1, 1))}, "exclusion-without-judgment"),
    ],
)
def test_each_code_is_produced_by_its_fault(change: dict[str, object], code: str) -> None:
    assert code not in codes(GOOD, D(2029, 1, 1))
    bad = attrs.evolve(GOOD, **change)
    d = check_adherent(EPRIMO, bad, D(2029, 1, 1))
    assert code in d.codes()
    assert d.answer == "invalid"


def test_deadline_day_itself_is_in_time() -> None:
    assert "adhesion-after-deadline" not in codes(attrs.evolve(GOOD, sent_on=D(2026, 1, 24)))
    assert "adhesion-after-deadline" in codes(attrs.evolve(GOOD, sent_on=D(2026, 1, 25)))


def test_orders_outside_the_first_period_do_not_count() -> None:
    late_order = attrs.evolve(
        GOOD,
        orders=(
            Order(D(2026, 9, 1), 60, purchase_order=True),
            Order(D(2028, 7, 19), 60),  # first day of the renewal: does not count
        ),
    )
    d = check_adherent(EPRIMO, late_order, D(2029, 1, 1))
    below = next(f for f in d.findings if f.code == "orders-below-need")
    assert below.values["ordered"] == 60
    assert below.values["orders_outside_period"] == 1


def test_shortfall_before_the_period_ends_is_only_information() -> None:
    a = attrs.evolve(GOOD, orders=())
    during = check_adherent(EPRIMO, a, D(2027, 1, 1))
    f = next(f for f in during.findings if f.code == "orders-below-need")
    assert f.severity == "info"
    assert "purchase-order-mismatch" not in during.codes()
    after = check_adherent(EPRIMO, a, D(2028, 7, 19))
    assert {"orders-below-need", "purchase-order-mismatch"} <= set(after.codes())
    assert after.answer == "invalid"


def test_unknown_facts_are_warnings_not_errors() -> None:
    a = Adherent(name="X", kind="commune", authorisation=Authorisation(D(2026, 1, 5)))
    d = check_adherent(EPRIMO, a, TODAY)
    assert d.answer == "incomplete"
    assert all(f.severity == "warning" for f in d.findings)
    # a file without any authorising délibération is not incomplete but invalid (annexe 1)
    assert check_adherent(EPRIMO, Adherent(name="X", kind="commune"), TODAY).answer == "invalid"
    assert {"member-outside-territory", "adhesion-after-deadline", "annex-missing"} <= set(
        d.codes()
    )


def test_valid_withdrawal_letter_makes_the_status_withdrawn() -> None:
    a = attrs.evolve(GOOD, withdrawal_letters=(WithdrawalLetter(D(2028, 6, 1), D(2028, 6, 3)),))
    d = check_adherent(EPRIMO, a, D(2028, 8, 1))
    assert d.data["status"] == "withdrawn"
    assert d.data["withdrawn_from"] == "2028-07-19"
    assert d.codes() == []


def test_excluded_with_judgment() -> None:
    a = attrs.evolve(GOOD, exclusion=Exclusion(D(2027, 6, 1), judgment_on=D(2027, 5, 1)))
    d = check_adherent(EPRIMO, a, D(2027, 7, 1))
    assert d.data["status"] == "excluded"
    assert "exclusion-without-judgment" not in d.codes()


@given(
    st.sampled_from(["commune", "epci", "syndicat-mixte", "ecole-privee-sous-contrat"]),
    st.sampled_from(["44", "49", "53", "72", "85"]),
    st.integers(1, 999),  # communes are numbered from 001 (COG)
)
def test_any_commune_of_the_academie_is_in_territory(kind: str, dep: str, n: int) -> None:
    a = attrs.evolve(GOOD, kind=kind, insee=f"{dep}{n:03d}")
    assert not {"member-kind-ineligible", "member-outside-territory"} & set(codes(a))


@given(st.integers(1, 2000), st.integers(-2000, 2000))
def test_a_mutated_sending_date_is_caught(offset: int, noise: int) -> None:
    """Property: any sending date after the deadline is caught, none before."""
    deadline = D(2026, 1, 24)
    late = attrs.evolve(GOOD, sent_on=deadline + dt.timedelta(days=offset))
    assert "adhesion-after-deadline" in codes(late)
    early = attrs.evolve(GOOD, sent_on=deadline - dt.timedelta(days=abs(noise)))
    assert "adhesion-after-deadline" not in codes(early)


# -- the adherent file format ------------------------------------------------


def test_reader_round_trip_of_a_full_file() -> None:
    a = adherent_from_dict(
        {
            "name": "Commune exemple",
            "kind": "commune",
            "insee": "49007",
            "need": 120,
            "authorisation": {"date": "2026-01-05", "transmitted_on": "2026-01-07"},
            "signed_on": "2026-01-10",
            "sent_on": "2026-01-12",
            "annexes": [1, 2],
            "orders": [{"date": "2026-09-01", "accounts": 120, "purchase_order": True}],
            "withdrawal_letters": [{"sent_on": "2028-06-01", "received_on": "2028-06-03"}],
            "exclusion": None,
        }
    )
    assert a.authorisation and a.authorisation.transmitted
    assert a.annexes == frozenset({1, 2})
    assert a.orders[0].purchase_order


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"name": "X", "kind": "commune", "colour": "blue"}, "colour"),
        ({"name": "X"}, "kind"),
        ({"name": "X", "kind": "commune", "sent_on": "2026-02-30"}, "sent_on"),
        ({"name": "X", "kind": "commune", "insee": "4917"}, "insee"),
        ({"name": "X", "kind": "commune", "need": "ten"}, "need"),
        (
            {"name": "X", "kind": "commune", "orders": [{"date": "2026-09-01"}]},
            "orders[0].accounts",
        ),
        (
            {"name": "X", "kind": "commune", "orders": [{"date": "2026-09-01", "accounts": -1}]},
            "orders[0].accounts",
        ),
        ({"name": "X", "kind": "commune", "withdrawal_letters": [{}]}, "withdrawal_letters[0]"),
        ({"name": "X", "kind": "commune", "annexes": [0]}, "annexes[0]"),
        ({"name": "X", "kind": "commune", "authorisation": {"number": "1"}}, "authorisation.date"),
    ],
)
def test_reader_names_the_bad_key(data: dict[str, object], where: str) -> None:
    with pytest.raises(InputError) as e:
        adherent_from_dict(data)
    assert where in e.value.where


def test_shipped_json_schema_accepts_what_the_reader_accepts() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads(
        (resources.files("groupement_rules") / "schemas" / "adherent.schema.json").read_text(
            encoding="utf-8"
        )
    )
    seed = json.loads(
        (resources.files("groupement_rules") / "data" / "seed-adherent.json").read_text(
            encoding="utf-8"
        )
    )
    full = {
        "name": "Commune exemple",
        "kind": "commune",
        "insee": "2A004",
        "need": 120,
        "authorisation": {"date": "2026-01-05", "transmitted_on": False},
        "annexes": [1, 2],
        "orders": [{"date": "2026-09-01", "accounts": 120, "purchase_order": True}],
        "withdrawal_letters": [{"received_on": "2028-06-03"}],
        "exclusion": {"effective_on": "2027-06-01", "judgment_on": None},
    }
    for doc in (seed, full):
        jsonschema.validate(doc, schema)
        adherent_from_dict(doc)
    for bad in ({**full, "colour": "blue"}, {**full, "insee": "4917"}, {"name": "X"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
        with pytest.raises(InputError):
            adherent_from_dict(bad)


@pytest.mark.parametrize(
    ("ordered", "fr", "en"),
    [
        (1, "1 compte commandé du ", "1 account ordered from "),
        (2, "2 comptes commandés du ", "2 accounts ordered from "),
    ],
)
def test_the_counted_accounts_agree_with_their_number(ordered: int, fr: str, en: str) -> None:
    one = attrs.evolve(GOOD, need=3, orders=(Order(D(2026, 9, 1), ordered, purchase_order=True),))
    d = check_adherent(EPRIMO, one, D(2029, 1, 1))
    below = next(f for f in d.findings if f.code == "orders-below-need")
    assert below.message("fr").startswith(fr)
    assert below.message("en").startswith(en)
