"""The policy loader refuses bad files with one line naming file, key and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.convention.policy import default_convention, load_convention
from groupement_rules.policy import Policy, PolicyError, load_policy
from groupement_rules.seance.policy import SCHEMA as CGCT_SCHEMA
from groupement_rules.seance.policy import council_seats, default_cgct, load_cgct
from policy_factory import EPRIMO_TEXT, set_value


def load(text: str) -> None:
    load_convention("bad.toml", text=text)


def test_every_value_of_the_embedded_convention_has_a_citation() -> None:
    p = default_convention()
    assert p.id == "eprimo-2026" and p.last_verified_on is not None
    for key, param in p.params.items():
        for v in param.values:
            assert v.citation.article, key
            assert v.citation.source == "convention e-primo" or key == "legal_basis"


def test_spec_a1_values() -> None:
    v = default_convention().value
    assert v("adhesion_deadline") == dt.date(2026, 1, 24)
    assert v("market_start") == dt.date(2026, 7, 19)
    assert v("convention_end") == dt.date(2030, 7, 19)
    assert (v("initial_period_months"), v("renewal_months"), v("max_tacit_renewals")) == (24, 24, 1)
    assert v("withdrawal_notice_months") == 2
    assert (v("award_weight_price"), v("award_weight_quality")) == (40, 60)
    assert v("territory_departements") == ["44", "49", "53", "72", "85"]


def test_unknown_key_names_file_key_and_line() -> None:
    text = EPRIMO_TEXT + '\n[params.colour]\nvalue = "blue"\n'
    line = text.splitlines().index("[params.colour]") + 1
    with pytest.raises(PolicyError) as e:
        load(text)
    assert str(e.value).startswith(f"bad.toml:{line}: params.colour:")
    assert "unknown key" in str(e.value)


def test_missing_citation() -> None:
    text = EPRIMO_TEXT.replace(
        '[params.invoicing]\nvalue = "annual, to each member directly (CCAP art. 15)"\n'
        'citation = { source = "convention", article = "art. 7.1" }',
        '[params.invoicing]\nvalue = "annual"',
    )
    with pytest.raises(PolicyError, match="params.invoicing: missing citation"):
        load(text)


def test_bad_date_and_bad_type() -> None:
    with pytest.raises(PolicyError, match="market_start.value: expected a date"):
        load(set_value(EPRIMO_TEXT, "market_start", '"19 juillet 2026"'))
    with pytest.raises(PolicyError, match="initial_period_months.value: expected a int"):
        load(set_value(EPRIMO_TEXT, "initial_period_months", "true"))
    with pytest.raises(PolicyError, match="invalid TOML"):
        load(set_value(EPRIMO_TEXT, "market_start", "2026-02-30"))


def test_inconsistent_figures_are_refused() -> None:
    with pytest.raises(PolicyError, match="total_months"):
        load(set_value(EPRIMO_TEXT, "total_months", "36"))
    with pytest.raises(PolicyError, match="convention_end"):
        load(set_value(EPRIMO_TEXT, "convention_end", "2030-07-18"))
    with pytest.raises(PolicyError, match="award"):
        load(set_value(EPRIMO_TEXT, "award_weight_quality", "50"))


def test_unknown_source_and_missing_required() -> None:
    with pytest.raises(PolicyError, match="unknown source"):
        load(
            EPRIMO_TEXT.replace(
                'source = "convention", article = "art. 9"',
                'source = "code-civil", article = "art. 9"',
            )
        )
    without = EPRIMO_TEXT.replace("[params.coordinator]\n", "[params.coordinator_x]\n")
    with pytest.raises(PolicyError, match="coordinator_x"):
        load(without)


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="no such file"):
        load_convention(tmp_path / "nope.toml")
    with pytest.raises(PolicyError, match="directory"):
        load_convention(tmp_path)
    latin = tmp_path / "latin.toml"
    latin.write_bytes("[policy]\nid = 'é'\n".encode("latin-1"))
    with pytest.raises(PolicyError, match="UTF-8"):
        load_convention(latin)
    wrong_kind = tmp_path / "cgct.toml"
    wrong_kind.write_text(EPRIMO_TEXT, encoding="utf-8")
    with pytest.raises(PolicyError, match="expected 'cgct'"):
        load_cgct(wrong_kind)


DATED = """
[policy]
id = "t"
kind = "cgct"
title = "t"
version = "1"

[sources.cgct]
name = "CGCT"
title = "Code"

[[params.council_size.values]]
from = 2000-01-01
{first_to}value = [[0, 9], [100, 11]]
citation = {{ source = "cgct", article = "L2121-2" }}

[[params.council_size.values]]
from = {second_from}
value = [[0, 7], [100, 11]]
citation = {{ source = "cgct", article = "L2121-2" }}
"""


def load_dated(name: str, text: str) -> Policy:
    """The loader on a file with only the dated council-size table."""
    return load_policy(name, {"council_size": CGCT_SCHEMA["council_size"]}, kind="cgct", text=text)


def test_dated_values_day_before_and_first_day() -> None:
    p = load_dated("t.toml", DATED.format(first_to="", second_from="2014-03-23"))
    assert council_seats(p, 50, dt.date(2014, 3, 22)) == 9
    assert council_seats(p, 50, dt.date(2014, 3, 23)) == 7
    assert p.citation("council_size", dt.date(2014, 3, 23)).article == "L2121-2"


def test_overlapping_or_unordered_dated_values_are_refused() -> None:
    text = DATED.format(first_to="to = 2015-01-01\n", second_from="2014-03-23")
    with pytest.raises(PolicyError, match="overlaps") as e:
        load_dated("t.toml", text)
    assert e.value.line == text.splitlines().index("[[params.council_size.values]]", 12) + 1
    with pytest.raises(PolicyError, match="out of order"):
        load_dated("t.toml", DATED.format(first_to="", second_from="1999-01-01"))


def test_a_gap_has_no_value_in_force() -> None:
    from groupement_rules.policy import NoValueInForce

    p = load_dated("t.toml", DATED.format(first_to="to = 2010-12-31\n", second_from="2014-03-23"))
    with pytest.raises(NoValueInForce):
        p.value("council_size", dt.date(2012, 1, 1))
    with pytest.raises(NoValueInForce):
        p.value("council_size", dt.date(1999, 12, 31))


def test_embedded_cgct_loads() -> None:
    assert council_seats(default_cgct(), 4870, dt.date(2020, 3, 15)) == 27


MUTATIONS = [
    lambda t: t.replace('id = "eprimo-2026"', 'id = ""'),
    lambda t: t.replace("[params.market_start]", "[params.market_begin]"),
    lambda t: t.replace('article = "art. 3"', 'article = ""', 1),
    lambda t: t.replace('kind = "convention"', 'kind = "cgct"'),
    lambda t: t.replace('value = ["44", "49"', 'value = ["44", "100"'),
    lambda t: set_value(t, "withdrawal_request_date", '"posted"'),
    lambda t: set_value(t, "withdrawal_notice_months", "0"),
    lambda t: set_value(t, "withdrawal_notice_months", "25"),
    lambda t: set_value(t, "max_tacit_renewals", "-1"),
    lambda t: t + "\n[extra]\nx = 1\n",
    lambda t: t.replace("citation = {", "citation = {colour = 1, ", 1),
]


@given(st.sampled_from(range(len(MUTATIONS))))
def test_a_mutated_policy_is_caught(i: int) -> None:
    with pytest.raises(PolicyError) as e:
        load(MUTATIONS[i](EPRIMO_TEXT))
    assert str(e.value).startswith("bad.toml")
    assert "\n" not in str(e.value)


MINIMAL = """
[policy]
id = "autre-groupement"
kind = "convention"
title = "Another groupement, renewable twice"
version = "1"

[sources.conv]
name = "convention X"
title = "Convention constitutive du groupement X"

[params.coordinator]
value = "Syndicat mixte X"
citation = { source = "conv", article = "art. 1" }

[params.adhesion_deadline]
value = 2025-10-31
citation = { source = "conv", article = "art. 4" }

[params.market_start]
value = 2026-01-31
citation = { source = "conv", article = "art. 5" }

[params.initial_period_months]
value = 12
citation = { source = "conv", article = "art. 5" }

[params.renewal_months]
value = 12
citation = { source = "conv", article = "art. 5" }

[params.max_tacit_renewals]
value = 2
citation = { source = "conv", article = "art. 5" }

[params.withdrawal_notice_months]
value = 3
citation = { source = "conv", article = "art. 7" }
"""


def test_a_minimal_convention_gets_named_defaults() -> None:
    from groupement_rules import Adherent, check_adherent, status_on, timeline, withdrawal
    from groupement_rules.convention.schedule import schedule

    p = load_convention("autre.toml", text=MINIMAL)
    sch = schedule(p)
    assert [w.boundary for w in sch.windows] == [dt.date(2027, 1, 31), dt.date(2028, 1, 31)]
    assert sch.windows[0].first_day == dt.date(2026, 10, 31)
    assert sch.end == dt.date(2029, 1, 31)
    d = withdrawal(p, sent_on=dt.date(2027, 12, 1))
    assert d.answer == "allowed" and d.data["effective_on"] == "2028-01-31"
    assert d.interpretations[0].value == "sent"
    assert p.citation("withdrawal_request_date").source == "groupement-rules"
    cited = p.citation("withdrawal_request_date")
    assert cited.article.startswith("par défaut : ")
    assert cited.text("en").startswith("groupement-rules, default: ")
    assert status_on(p, dt.date(2029, 1, 31)).answer == "ended"
    assert timeline(p).data["events"]
    # no territory, kinds, annexes or orders rule in this convention: none is checked
    a = Adherent(name="Y", kind="anything", authorisation=None)
    codes = check_adherent(p, a, dt.date(2026, 6, 1)).codes()
    assert not {"member-kind-ineligible", "member-outside-territory", "annex-missing"} & set(codes)
    assert "authorisation-missing" in codes


def test_a_minimal_convention_missing_its_calendar_is_refused() -> None:
    text = MINIMAL.replace("[params.market_start]\nvalue = 2026-01-31\n", "[params.other]\n")
    with pytest.raises(PolicyError):
        load_convention("autre.toml", text=text)
