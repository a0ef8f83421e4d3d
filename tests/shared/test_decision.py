"""Decisions: what every rule returns, and the JSON format integrators read."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.decision import (
    FORMAT,
    Citation,
    ComputedDate,
    Decision,
    Finding,
    Interpretation,
    PolicyRef,
    Severity,
)

CIT = Citation("CGCT", "L2121-17", url="https://www.legifrance.gouv.fr/")


def _finding(severity: Severity = Severity.WARNING, **values: object) -> Finding:
    return Finding(
        code="votes-unaccounted",
        severity=severity,
        message_fr="{could} pouvaient voter, {n:pl(suffrage exprimé|suffrages exprimés)}",
        message_en="{could} could vote, {n:pl(vote cast|votes cast)}",
        citation=CIT,
        values={"could": 25, "n": 24, **values},
        deliberation="2026-02-03",
        template=True,
    )


def _decision(*findings: Finding) -> Decision:
    return Decision(
        question="seance",
        answer="to-review",
        inputs={"file": "seance.json", "members": ["A", "B"]},
        policy=PolicyRef("cgct", "CGCT", "2026.1", dt.date(2026, 11, 29)),
        dates=(
            ComputedDate(
                "latest_sending_day", dt.date(2026, 1, 27), "2026-02-02 − 6 jours", CIT, None
            ),
        ),
        findings=findings,
        interpretations=(
            Interpretation("declared_presents", "with-deportes", ("without",), "fr", "en", CIT),
        ),
        citations=(CIT,),
        data={"counts": {"presents": 23}, "checked": ["quorum"]},
    )


def test_json_round_trip_keeps_everything() -> None:
    d = _decision(_finding(), _finding(Severity.ERROR))
    j = d.to_dict()
    assert j["format"] == FORMAT
    assert j["counts"] == {"presents": 23}  # data keys at the top level
    assert j["data_keys"] == ["counts", "checked"]
    back = Decision.from_dict(j)
    assert back.to_dict() == j
    assert back.findings == d.findings


def test_queries() -> None:
    d = _decision(_finding(), _finding(Severity.ERROR))
    assert d.codes() == ["votes-unaccounted", "votes-unaccounted"]
    assert d.has_errors()
    assert not _decision(_finding()).has_errors()
    assert d.date("latest_sending_day") == dt.date(2026, 1, 27)
    with pytest.raises(KeyError):
        d.date("nope")


def test_template_messages_agree_in_each_language() -> None:
    f = _finding(n=1)
    assert f.message("fr") == "25 pouvaient voter, 1 suffrage exprimé"
    assert f.message("en") == "25 could vote, 1 vote cast"
    assert f.to_dict("en")["message"] == f.message_en
    assert f.to_dict()["messages"] == {"fr": f.message_fr, "en": f.message_en}


def test_a_reserved_data_key_is_refused() -> None:
    d = Decision(question="q", answer="a", inputs={}, policy=None, data={"findings": 1})
    with pytest.raises(ValueError, match="reserved"):
        d.to_dict()


def test_another_format_is_refused() -> None:
    j = _decision().to_dict()
    j["format"] = "groupement-rules/decision/0"
    with pytest.raises(ValueError, match="decision/1"):
        Decision.from_dict(j)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_findings_differ_when_their_values_differ(a: int, b: int) -> None:
    # two findings are equal exactly when what they say is equal
    assert (_finding(n=a) == _finding(n=b)) == (a == b)
