"""Recours contentieux (CJA R421-1) and executory force (CGCT L2131-1, L2131-2)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.deadlines import (
    Act,
    ActKind,
    PublicationMode,
    default_deadlines,
    executory,
    load_deadlines,
    recours,
)
from groupement_rules.decision import Decision
from groupement_rules.errors import InputError
from groupement_rules.holidays_fr import HolidayCalendar, Zone
from groupement_rules.legal_time import add_months, is_working_day
from groupement_rules.policy import PolicyError
from groupement_rules.render import render_text

P = default_deadlines()
CAL = HolidayCalendar()
dates = st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31))


def D(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


@pytest.mark.parametrize(
    ("published", "last", "codes"),
    [
        ("2026-01-03", "2026-03-04", []),
        ("2021-01-03", "2021-03-04", []),
        ("2024-11-12", "2025-01-13", []),
        ("2007-10-01", "2007-12-03", ["recours-last-day-extended"]),
    ],
)
def test_worked_examples(published: str, last: str, codes: list[str]) -> None:
    d = recours(P, D(published), CAL)
    assert d.answer == "deadline"
    assert d.data["last_day"] == last
    assert d.codes() == codes
    assert d.date("recours_last_day") == D(last)
    assert [i.key for i in d.interpretations] == ["recours_franc_order"]


def test_month_end_returns_ce_reading_and_names_the_cautious_date() -> None:
    d = recours(P, D("2024-12-30"), CAL)
    # +2 months = 28 Feb 2025, +1 day = Sat 1 March → Mon 3 March; other order: Fri 28 Feb
    assert d.data["last_day"] == "2025-03-03"
    assert d.data["cautious_last_day"] == "2025-02-28"
    assert "recours-month-end-order" in d.codes()
    f = next(f for f in d.findings if f.code == "recours-month-end-order")
    assert f.values["cautious_last_day"] == "2025-02-28"
    assert d.date("recours_last_day_other_order") == D("2025-02-28")


def test_month_end_when_orders_agree_after_extension() -> None:
    # 2025-12-30: 1 March 2026 is a Sunday and 28 February a Saturday: both → Monday 2 March
    d = recours(P, D("2025-12-30"), CAL)
    assert d.data["last_day"] == d.data["cautious_last_day"] == "2026-03-02"
    assert "recours-month-end-order" not in d.codes()


def test_leap_year_month_end() -> None:
    d = recours(P, D("2023-12-29"), CAL)
    assert d.data["last_day"] == "2024-03-01"
    assert d.data["cautious_last_day"] == "2024-02-29"


def test_not_published_computes_nothing() -> None:
    d = recours(P, None, CAL)
    assert d.answer == "not-running"
    assert d.data["last_day"] is None
    assert d.codes() == ["recours-not-running"]
    assert d.dates == ()


def test_alsace_moselle_26_december_extends() -> None:
    # published 2026-10-25: +2 months = 25 Dec, +1 = 26 Dec (Saturday anyway) → Monday 28
    # published 2024-10-25: 26 Dec 2024 is a Thursday, a holiday only in Alsace-Moselle
    assert recours(P, D("2024-10-25"), CAL).data["last_day"] == "2024-12-26"
    d = recours(P, D("2024-10-25"), HolidayCalendar(Zone.MOSELLE))
    assert d.data["last_day"] == "2024-12-27"
    assert "recours-last-day-extended" in d.codes()


def test_gracieux_within_delai_interrupts_implicit_rejection() -> None:
    d = recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"))
    assert d.data["interrupted"] is True
    assert d.data["implicit_rejection_on"] == "2026-06-20"
    assert d.data["runs_from"] == "2026-06-20"
    assert d.data["last_day"] == "2026-08-21"
    assert d.date("initial_last_day") == D("2026-05-11")
    assert d.codes() == ["recours-gracieux-interrupts", "recours-implicit-rejection"]


def test_gracieux_express_rejection() -> None:
    d = recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"), rejected_on=D("2026-05-05"))
    assert d.data["runs_from"] == "2026-05-05"
    assert d.data["last_day"] == "2026-07-06"  # (5 May + 2 months) + 1 day
    assert d.codes() == ["recours-gracieux-interrupts"]


def test_express_rejection_while_the_implicit_delai_runs_makes_it_run_again() -> None:
    # R421-2, second sentence. Gracieux 20 April: implicit rejection 20 June, whose délai
    # runs to 21 August; an express rejection on 1 July starts the délai again.
    d = recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"), rejected_on=D("2026-07-01"))
    assert d.data["implicit_rejection_on"] == "2026-06-20"
    assert d.date("implicit_rejection_last_day") == D("2026-08-21")
    assert d.data["runs_from"] == "2026-07-01"
    assert d.data["last_day"] == "2026-09-02"  # (1 July + 2 months) + 1 day
    assert "recours-express-after-implicit" in d.codes()
    assert "recours-express-after-expiry" not in d.codes()
    (reopened,) = (f for f in d.findings if f.code == "recours-express-after-implicit")
    assert "R421-2" in reopened.citation.article
    assert "express_rejection_before_expiry" in {i.key for i in d.interpretations}


def test_express_rejection_on_the_last_day_of_the_implicit_delai_still_reopens() -> None:
    d = recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"), rejected_on=D("2026-08-21"))
    assert d.data["runs_from"] == "2026-08-21"
    assert d.data["last_day"] == "2026-10-22"
    assert "recours-express-after-implicit" in d.codes()


def test_express_rejection_after_the_implicit_delai_expired_reopens_nothing() -> None:
    d = recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"), rejected_on=D("2026-08-22"))
    assert d.data["runs_from"] == "2026-06-20"
    assert d.data["last_day"] == "2026-08-21"
    assert "recours-express-after-expiry" in d.codes()
    assert "recours-express-after-implicit" not in d.codes()


def test_a_policy_without_the_second_sentence_counts_from_the_implicit_rejection() -> None:
    text = Path(__file__).resolve().parents[2] / "src/groupement_rules/policies/deadlines.toml"
    body = text.read_text().replace(
        "[params.express_rejection_reopens]\nvalue = true",
        "[params.express_rejection_reopens]\nvalue = false",
    )
    assert "value = false" in body
    p = load_deadlines(text=body)
    d = recours(p, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"), rejected_on=D("2026-07-01"))
    assert d.data["runs_from"] == "2026-06-20"
    assert "recours-express-after-expiry" in d.codes()


def test_gracieux_after_the_delai_does_not_interrupt() -> None:
    d = recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-05-12"))
    assert d.data["interrupted"] is False
    assert d.data["last_day"] == "2026-05-11"
    assert d.codes() == ["recours-gracieux-late"]


def test_gracieux_on_the_last_day_interrupts() -> None:
    d = recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-05-11"))
    assert d.data["interrupted"] is True


def test_rejection_needs_gracieux_and_order() -> None:
    with pytest.raises(InputError):
        recours(P, D("2026-03-10"), CAL, rejected_on=D("2026-04-01"))
    with pytest.raises(InputError):
        recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-02"), rejected_on=D("2026-04-01"))


@given(dates)
def test_last_day_never_before_two_months_and_a_working_day(published: dt.date) -> None:
    d = recours(P, published, CAL)
    last = D(d.data["last_day"])
    assert last > add_months(published, 2)
    assert is_working_day(last, CAL)
    assert D(d.data["cautious_last_day"]) <= last


@given(dates, st.integers(1, 400))
def test_last_day_is_monotone_in_publication(published: dt.date, later: int) -> None:
    a = D(recours(P, published, CAL).data["last_day"])
    b = D(recours(P, published + dt.timedelta(days=later), CAL).data["last_day"])
    assert a <= b


@given(dates, st.integers(0, 90))
def test_gracieux_within_never_shortens(published: dt.date, offset: int) -> None:
    base = recours(P, published, CAL)
    g = published + dt.timedelta(days=offset)
    d = recours(P, published, CAL, gracieux_on=g)
    if g <= D(base.data["last_day"]):
        assert d.data["interrupted"] and D(d.data["last_day"]) > D(base.data["last_day"])
    else:
        assert "recours-gracieux-late" in d.codes()
        assert d.data["last_day"] == base.data["last_day"]


def test_json_round_trip_and_text() -> None:
    d = recours(P, D("2024-12-30"), CAL)
    assert Decision.from_dict(json.loads(json.dumps(d.to_dict()))) == d
    text = render_text(d, "en")
    assert "last admissible day: 3 March 2025" in text
    assert "cautious date: 28 February 2025" in text


# -- executory force -------------------------------------------------------------

SEED = Act(D("2026-02-02"), number="2026-02-03", commune="Le Lion d'Angers", insee="49176")


def test_seed_not_executory_no_recours() -> None:
    d = executory(P, SEED, CAL)
    assert d.answer == "not-executory"
    assert d.codes() == ["act-not-published", "act-not-transmitted", "recours-not-running"]
    assert d.data["recours_last_day"] is None
    assert d.data["executory_since"] is None
    assert all(f.deliberation == "2026-02-03" for f in d.findings)


def test_published_and_transmitted_is_executory_since_the_later() -> None:
    act = Act(D("2026-02-02"), published_on=D("2026-02-05"), transmitted_on=D("2026-02-09"))
    d = executory(P, act, CAL)
    assert d.answer == "executory"
    assert d.data["executory_since"] == "2026-02-09"
    assert d.data["recours_last_day"] == "2026-04-07"  # 6 April 2026 is Easter Monday
    assert "act-executory" in d.codes()
    assert "recours-last-day-extended" in d.codes()


def test_published_not_transmitted() -> None:
    d = executory(P, Act(D("2026-02-02"), published_on=D("2026-02-05")), CAL)
    assert d.answer == "not-executory"
    assert d.codes()[0] == "act-not-transmitted"
    assert d.data["recours_last_day"] == "2026-04-07"  # the délai runs from publication


def test_act_not_listed_in_l2131_2_needs_only_publication() -> None:
    act = Act(D("2026-02-02"), published_on=D("2026-02-05"), listed_in_l2131_2=False)
    assert executory(P, act, CAL).data["executory_since"] == "2026-02-05"


def test_individual_act_needs_notification() -> None:
    act = Act(D("2026-02-02"), kind=ActKind.INDIVIDUAL, published_on=D("2026-02-05"))
    d = executory(P, act, CAL)
    assert "act-not-notified" in d.codes()
    assert d.answer == "not-executory"
    act = Act(
        D("2026-02-02"),
        kind=ActKind.INDIVIDUAL,
        notified_on=D("2026-02-06"),
        transmitted_on=D("2026-02-04"),
    )
    assert executory(P, act, CAL).data["executory_since"] == "2026-02-06"


def test_affichage_in_a_large_commune_after_2022() -> None:
    act = Act(
        D("2026-02-02"),
        published_on=D("2026-02-05"),
        publication_mode=PublicationMode.AFFICHAGE,
        population=5343,
        transmitted_on=D("2026-02-04"),
    )
    d = executory(P, act, CAL)
    assert "publication-mode-not-allowed" in d.codes()
    assert d.answer == "not-executory"
    small = executory(P, Act(**{**_kw(act), "population": 800}), CAL)
    assert small.answer == "executory"
    before = executory(P, Act(**{**_kw(act), "adopted_on": D("2022-01-10")}), CAL)
    assert "publication-mode-not-allowed" not in before.codes()


def _kw(act: Act) -> dict[str, object]:
    import attrs

    return attrs.asdict(act, recurse=False)


def test_dates_before_adoption_are_an_error() -> None:
    act = Act(D("2026-02-02"), published_on=D("2026-01-05"), transmitted_on=D("2026-02-04"))
    d = executory(P, act, CAL)
    assert d.has_errors() and "act-dates-inconsistent" in d.codes()
    assert d.answer == "not-executory"


@given(dates, st.integers(0, 60), st.integers(0, 60))
def test_executory_since_is_the_last_condition(adopted: dt.date, p: int, t: int) -> None:
    pub, tr = adopted + dt.timedelta(days=p), adopted + dt.timedelta(days=t)
    d = executory(P, Act(adopted, published_on=pub, transmitted_on=tr), CAL)
    assert d.data["executory_since"] == max(pub, tr).isoformat()
    # removing either fact makes it not executory (a mutated input is caught)
    assert executory(P, Act(adopted, published_on=pub), CAL).answer == "not-executory"
    assert executory(P, Act(adopted, transmitted_on=tr), CAL).answer == "not-executory"


def test_seed_publication_line_is_empty(shared: Path) -> None:
    """The embedded seed facts agree with the seed document."""
    text = (shared / "seeds" / "000_181dd860fa64ed08.txt").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("Publié sur le site internet le"))
    assert line.split(":", 1)[1].strip() == ""
    assert "2026-02-03 / Groupement de commandes" in text


# -- policy ---------------------------------------------------------------------


def test_policy_refuses_a_bad_order() -> None:
    from importlib import resources

    text = (resources.files("groupement_rules") / "policies" / "deadlines.toml").read_text(
        encoding="utf-8"
    )
    bad = text.replace('value = "months-then-day"', 'value = "sideways"')
    with pytest.raises(PolicyError, match="recours_franc_order"):
        load_deadlines("bad.toml", text=bad)


def test_policy_order_switch_gives_cautious_date() -> None:
    from importlib import resources

    text = (resources.files("groupement_rules") / "policies" / "deadlines.toml").read_text(
        encoding="utf-8"
    )
    p = load_deadlines("alt.toml", text=text.replace('"months-then-day"', '"day-then-months"'))
    d = recours(p, D("2024-12-30"), CAL)
    assert d.data["last_day"] == "2025-02-28"
    assert d.interpretations[0].value == "day-then-months"


def test_gracieux_between_cautious_and_ce_date() -> None:
    # published 2024-12-30: CE last day 2025-03-03, cautious 2025-02-28
    d = recours(P, D("2024-12-30"), CAL, gracieux_on=D("2025-03-03"))
    assert d.data["interrupted"] is True
    assert "recours-gracieux-after-cautious-date" in d.codes()
    d = recours(P, D("2024-12-30"), CAL, gracieux_on=D("2025-02-27"))
    assert "recours-gracieux-after-cautious-date" not in d.codes()


def test_implicit_rejection_interpretation() -> None:
    d = recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-23"))
    assert d.data["implicit_rejection_on"] == "2026-06-23"  # not franc: same quantième
    assert [i.key for i in d.interpretations] == ["recours_franc_order", "implicit_rejection_date"]
    express = recours(
        P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-23"), rejected_on=D("2026-05-02")
    )
    assert [i.key for i in express.interpretations] == ["recours_franc_order"]


def test_publication_mode_unchecked_without_population() -> None:
    act = Act(
        D("2026-02-02"),
        published_on=D("2026-02-05"),
        publication_mode=PublicationMode.PAPER,
        transmitted_on=D("2026-02-04"),
    )
    d = executory(P, act, CAL)
    assert "publication-mode-unchecked" in d.codes()
    assert d.answer == "executory"


def _scenarios() -> list[Decision]:
    """One decision per situation; together they produce every finding code."""
    a = D("2026-02-02")
    return [
        recours(P, None, CAL),
        recours(P, D("2007-10-01"), CAL),
        recours(P, D("2024-12-30"), CAL, gracieux_on=D("2025-03-03")),
        recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-06-01")),
        recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-03-01")),
        recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"), rejected_on=D("2026-07-01")),
        recours(P, D("2026-03-10"), CAL, gracieux_on=D("2026-04-20"), rejected_on=D("2026-08-22")),
        recours(P, D("2026-02-02"), HolidayCalendar(Zone.BAS_RHIN)),
        executory(P, Act(a), CAL),
        executory(P, Act(a, published_on=D("2026-02-05"), transmitted_on=D("2026-02-06")), CAL),
        executory(P, Act(a, kind=ActKind.INDIVIDUAL), CAL),
        executory(P, Act(a, published_on=D("2026-01-05")), CAL),
        executory(
            P,
            Act(a, published_on=a, publication_mode=PublicationMode.AFFICHAGE, population=4000),
            CAL,
        ),
        executory(P, Act(a, published_on=a, publication_mode=PublicationMode.AFFICHAGE), CAL),
    ]


def test_every_finding_code_is_produced_and_documented(shared: Path) -> None:
    from groupement_rules.deadlines import FINDING_CODES

    produced = {c for d in _scenarios() for c in d.codes()}
    assert produced == set(FINDING_CODES)
    doc = (Path(__file__).resolve().parents[2] / "docs" / "deadlines.md").read_text()
    for code in FINDING_CODES:
        assert f"`{code}`" in doc, code


def test_a_plain_case_produces_no_warning() -> None:
    d = recours(P, D("2026-01-03"), CAL)
    assert d.findings == ()
    act = Act(D("2026-02-02"), published_on=D("2026-02-12"), transmitted_on=D("2026-02-13"))
    assert executory(P, act, CAL).codes() == ["act-executory"]


def test_executory_json_round_trip() -> None:
    act = Act(D("2026-02-02"), published_on=D("2026-02-12"), transmitted_on=D("2026-02-13"))
    d = executory(P, act, CAL)
    assert Decision.from_dict(json.loads(json.dumps(d.to_dict("en")))) == d
    assert d.date("executory_since") == D("2026-02-13")
    since = next(c for c in d.dates if c.name == "executory_since")
    assert since.how == (
        "la plus tardive de : publication le 12 février 2026 ; "
        "transmission au préfet le 13 février 2026"
    )
    assert since.how_in("en") == (
        "the latest of: publication on 12 February 2026; "
        "transmission to the préfet on 13 February 2026"
    )


def test_good_friday_in_a_commune_without_temple_is_said_uncertain() -> None:
    # published 2 February 2026: last day Friday 3 April 2026, Good Friday
    no_temple = recours(P, D("2026-02-02"), HolidayCalendar(Zone.BAS_RHIN))
    assert no_temple.data["last_day"] == "2026-04-03"
    assert no_temple.date("last_day_if_good_friday_counts") == D("2026-04-07")
    assert no_temple.codes() == ["recours-good-friday-uncertain"]
    assert "good_friday_reading" in {i.key for i in no_temple.interpretations}
    temple = recours(P, D("2026-02-02"), HolidayCalendar(Zone.BAS_RHIN, good_friday=True))
    assert temple.data["last_day"] == "2026-04-07"  # Good Friday, weekend, Easter Monday
    assert "recours-good-friday-uncertain" not in temple.codes()
    # the same publication outside Alsace-Moselle: Good Friday is a working day, nothing to say
    assert recours(P, D("2026-02-02"), CAL).codes() == []
    # a last day that is not Good Friday: nothing to say either
    assert recours(P, D("2026-02-06"), HolidayCalendar(Zone.BAS_RHIN)).codes() == []
