"""The one INSEE commune-code check."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.errors import InputError
from groupement_rules.insee import (
    InvalidInseeCode,
    departement_of,
    in_alsace_moselle,
    is_valid,
    normalise,
)


@pytest.mark.parametrize(
    ("code", "dep"),
    [
        ("49176", "49"),
        ("2A004", "2A"),
        ("2b033", "2B"),
        ("01001", "01"),
        ("95690", "95"),
        ("97411", "974"),
        ("97608", "976"),
        ("97502", "975"),
        ("98735", "987"),
        ("57463", "57"),
    ],
)
def test_departement_of_a_commune(code: str, dep: str) -> None:
    assert departement_of(code) == dep
    assert normalise(code) == code.upper()


@pytest.mark.parametrize(
    "code",
    [
        "",
        "4917",
        "491760",
        "20004",
        "00001",
        "96001",
        "97900",
        "98601",
        "49000",
        "97400",
        "2C004",
        "4917A",
        "ABCDE",
        "9 123",
    ],
)
def test_not_a_commune_code(code: str) -> None:
    assert not is_valid(code)
    with pytest.raises(InvalidInseeCode) as e:
        departement_of(code)
    assert isinstance(e.value, InputError)
    assert "49176" in str(e.value)


def test_alsace_moselle() -> None:
    assert in_alsace_moselle("57463")  # Metz
    assert in_alsace_moselle("67482")  # Strasbourg
    assert in_alsace_moselle("68224")  # Mulhouse
    assert not in_alsace_moselle("54395")  # Nancy: Meurthe-et-Moselle is not


@given(st.text(max_size=8))
def test_valid_codes_have_a_departement_prefix(code: str) -> None:
    if is_valid(code):
        c = code.strip().upper()
        assert c.startswith(departement_of(code))
        assert len(c) == 5
