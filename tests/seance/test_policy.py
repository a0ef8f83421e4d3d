"""The dated CGCT parameters: the day before and the first day of each dated value
(including each state of health emergency regime boundary), and the loader's refusals."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from groupement_rules.policy import PolicyError
from groupement_rules.seance.policy import (
    SCHEMA,
    council_seats,
    default_cgct,
    load_cgct,
    max_council_seats,
    params_on,
)

D = dt.date


def cgct_text() -> str:
    ref = resources.files("groupement_rules") / "policies" / "cgct.toml"
    return ref.read_text(encoding="utf-8")


#: SPEC B.2.3: (first day, quorum rule, counts represented?, procurations per holder)
REGIMES = [
    (D(2020, 3, 24), "third", False, 2),
    (D(2020, 4, 3), "third", True, 2),
    (D(2020, 7, 11), "third", False, 2),
    (D(2020, 8, 31), "majority", False, 1),
    (D(2020, 11, 16), "third", False, 2),
    (D(2021, 10, 1), "majority", False, 1),
    (D(2021, 11, 10), "third", False, 2),
    (D(2022, 8, 1), "majority", False, 1),
]


def state(on: dt.date) -> tuple[str, bool, int]:
    p = params_on(default_cgct(), on)
    return p.quorum, p.quorum_counts_represented, p.max_proxies_per_holder


@pytest.mark.parametrize(("first", "rule", "represented", "proxies"), REGIMES)
def test_regime_first_day(first: dt.date, rule: str, represented: bool, proxies: int) -> None:
    assert state(first) == (rule, represented, proxies)


@pytest.mark.parametrize("index", range(len(REGIMES)))
def test_regime_day_before_is_previous_regime(index: int) -> None:
    first = REGIMES[index][0]
    before = first - dt.timedelta(days=1)
    expected = REGIMES[index - 1][1:] if index else ("majority", False, 1)
    assert state(before) == expected


def test_regime_last_days_of_spec_table() -> None:
    # inclusive last days from SPEC B.2.3
    assert state(D(2020, 4, 2)) == ("third", False, 2)
    assert state(D(2020, 7, 10)) == ("third", True, 2)
    assert state(D(2020, 8, 30)) == ("third", False, 2)
    assert state(D(2020, 11, 15)) == ("majority", False, 1)
    assert state(D(2021, 9, 30)) == ("third", False, 2)
    assert state(D(2021, 11, 9)) == ("majority", False, 1)
    assert state(D(2022, 7, 31)) == ("third", False, 2)


def test_quorum_arithmetic() -> None:
    ordinary = params_on(default_cgct(), D(2026, 2, 2))
    assert [ordinary.required_quorum(n) for n in (11, 8, 29, 28)] == [6, 5, 15, 15]
    covid = params_on(default_cgct(), D(2021, 1, 15))
    assert [covid.required_quorum(n) for n in (9, 15, 29)] == [3, 5, 10]


def test_council_size_before_and_from_2014() -> None:
    p = default_cgct()
    assert council_seats(p, 50, D(2014, 3, 22)) == 9
    assert council_seats(p, 50, D(2014, 3, 23)) == 7
    assert council_seats(p, 5000, D(2026, 2, 2)) == 29
    assert council_seats(p, 4999, D(2026, 2, 2)) == 27
    assert max_council_seats(p, D(2026, 2, 2)) == 69


def test_l1111_6_parameter_boundaries() -> None:
    p = default_cgct()
    assert params_on(p, D(2022, 2, 22)).l1111_6_removes_from_en_exercice is False
    assert params_on(p, D(2022, 2, 23)).l1111_6_removes_from_en_exercice is True
    assert params_on(p, D(2025, 12, 23)).l1111_6_removes_from_en_exercice is True
    assert "2025-1249" in str(
        params_on(p, D(2025, 12, 24)).cite("l1111_6_removes_from_en_exercice")
    )
    assert "2022-217" in str(params_on(p, D(2025, 12, 23)).cite("l1111_6_removes_from_en_exercice"))


def test_convocation_parameters_with_citations() -> None:
    p = params_on(default_cgct(), D(2026, 2, 2))
    assert (
        p.population_threshold,
        p.convocation_jours_francs_small,
        p.convocation_jours_francs_large,
        p.convocation_jours_francs_urgent,
        p.convocation_jours_francs_after_renewal,
    ) == (
        3500,
        3,
        5,
        1,
        3,
    )
    assert p.cite("convocation_jours_francs_small").article.startswith("L2121-11")
    assert p.cite("convocation_jours_francs_large").article.startswith("L2121-12")
    assert p.cite("convocation_jours_francs_after_renewal").article.startswith("L2121-7")
    assert p.second_convocation_interval_jours_francs == 3


def test_every_schema_key_is_in_the_file() -> None:
    assert set(default_cgct().params) == set(SCHEMA)


def test_loader_refuses_unknown_key() -> None:
    text = (
        cgct_text()
        + "\n[params.quorum_bonus]\nvalue = 1\n"
        + ('citation = { source = "cgct", article = "L0" }\n')
    )
    with pytest.raises(PolicyError, match="quorum_bonus"):
        load_cgct("mutated.toml", text=text)


def test_loader_refuses_missing_citation() -> None:
    text = cgct_text().replace(
        'value = 3500\ncitation = { source = "cgct", article = "L2121-11 et L2121-12" }',
        "value = 3500",
    )
    assert text != cgct_text()
    with pytest.raises(PolicyError, match="citation"):
        load_cgct("mutated.toml", text=text)


def test_loader_refuses_overlapping_dates() -> None:
    text = cgct_text().replace("from = 2020-08-31\nvalue = 1", "from = 2020-03-24\nvalue = 1")
    assert text != cgct_text()
    with pytest.raises(PolicyError, match="max_proxies_per_holder"):
        load_cgct("mutated.toml", text=text)


def test_loader_refuses_bad_quorum_rule() -> None:
    text = cgct_text().replace('value = "third"', 'value = "quarter"', 1)
    with pytest.raises(PolicyError, match="quorum"):
        load_cgct("mutated.toml", text=text)


def test_each_dated_value_day_before_and_first_day() -> None:
    """For every dated parameter: on its first day a value is in force, and the day before
    has the previous value (or none before the first, or after a value that ended earlier:
    ``uncertain`` holds only the days the policy cannot settle)."""
    from groupement_rules.policy import NoValueInForce

    p = default_cgct()
    checked = 0
    for key, param in p.params.items():
        previous = None
        prev_end: dt.date | None = None
        for v in param.values:
            if v.start is None:
                continue
            assert p.value(key, v.start) == v.value
            before = v.start - dt.timedelta(days=1)
            ended = previous is not None and prev_end is not None and prev_end < before
            prev_end = v.end
            if previous is None or ended:
                with pytest.raises(NoValueInForce):
                    p.value(key, before)
            else:
                assert p.value(key, before) == previous
                assert p.citation(key, before) != p.citation(key, v.start)
            previous = v.value
            checked += 1
    assert checked >= 30


def test_every_uncertain_point_is_said_in_both_languages() -> None:
    """Each point the policy cannot settle has a French and an English text, which differ
    (a French reader is not shown the English note)."""
    p = default_cgct()
    points = [pt for v in p.params["uncertain"].values for pt in v.value]
    assert len(points) >= 4
    for pt in points:
        assert set(pt) == {"fr", "en"}
        assert pt["fr"].strip() and pt["en"].strip() and pt["fr"] != pt["en"]


@pytest.mark.parametrize(
    "mutation",
    [
        lambda t: t.replace("{ fr = ", "{ de = ", 1),  # a language the output does not have
        lambda t: t.replace(', en = "council sizes', ', fr2 = "council sizes', 1),
        lambda t: t.replace('{ fr = "effectifs', '{ fr = "", x = "effectifs', 1),
        lambda t: t.replace('value = [\n  { fr = "premier', 'value = [\n  "x", { fr = "premier', 1),
    ],
)
def test_loader_refuses_an_uncertain_point_not_in_both_languages(mutation: object) -> None:
    text = mutation(cgct_text())  # type: ignore[operator]
    assert text != cgct_text()
    with pytest.raises(PolicyError, match="uncertain"):
        load_cgct("mutated.toml", text=text)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_uncertain_point_in_the_language_of_the_output(lang: str) -> None:
    """A séance after March 2026 is told the council-size point in its reader's language."""
    import json
    from pathlib import Path

    from groupement_rules.readers.seance import seance_from_dict
    from groupement_rules.seance.rules import check_seance

    example = Path(__file__).resolve().parents[2] / "examples" / "seance.json"
    data = json.loads(example.read_text(encoding="utf-8"))
    data["date"], data["convocation"]["sent_on"] = "2026-06-08", "2026-06-02"
    findings = check_seance(seance_from_dict(data)).findings
    text = next(f for f in findings if f.code == "policy-uncertain").message(lang)
    if lang == "fr":
        assert "effectifs des conseils" in text and "council sizes" not in text
    else:
        assert "council sizes" in text and "effectifs" not in text
