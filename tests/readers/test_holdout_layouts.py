"""Layout families of the held-out evaluation, one synthetic fixture each.

Each fixture (invented names and numbers) isolates one layout of the language of
délibérations that a held-out set of real texts showed the reader missing or
misreading; ``expected.json`` gives the facts a careful reader takes from it, with
``null`` where the text does not state the fact. A family the reader does not yet
read is marked ``xfail(strict=True)`` with the family's name, so fixing it flips the
mark to an error until the mark is removed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from groupement_rules.readers.text import read_extract
from reading_summary import summary as _summary

FIXTURES = Path(__file__).parent / "fixtures" / "holdout"
KEYS = ("date", "convocation", "en_exercice", "presents", "proxies", "votants")

#: families the reader does not read yet (fixture → family of the held-out report)
PENDING: dict[str, str] = {}

#: fixtures where the reader still states a value the text contradicts
STATES_WRONG: frozenset[str] = frozenset()


def _expected() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(
        (FIXTURES / "expected.json").read_text(encoding="utf-8")
    )
    return data


def _params(failing: Any = None) -> list[Any]:
    failing = PENDING if failing is None else failing
    out = []
    for name in sorted(_expected()):
        marks = []
        if name in failing:
            reason = PENDING.get(name, name)
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        out.append(pytest.param(name, marks=marks, id=name.removesuffix(".txt")))
    return out


def _got(name: str) -> dict[str, Any]:
    return _summary(read_extract((FIXTURES / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", _params())
def test_holdout_layout_reads_its_facts(name: str) -> None:
    expected = _expected()[name]
    got = _got(name)
    wrong = {k: (got[k], expected[k]) for k in KEYS if k in expected and got[k] != expected[k]}
    assert not wrong, wrong


@pytest.mark.parametrize("name", _params(STATES_WRONG))
def test_holdout_layout_states_no_wrong_value(name: str) -> None:
    """Precision first (SPEC Part D): a fact may be left unread, never contradicted."""
    expected = _expected()[name]
    got = _got(name)
    stated = {
        k: (got[k], expected[k])
        for k in KEYS
        if k in expected and got[k] is not None and got[k] != expected[k]
    }
    assert not stated, stated
