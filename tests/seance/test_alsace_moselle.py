"""The local law of Alsace-Moselle (SPEC B.2.10; CGCT L2541-1 and following): for each rule,
the séance that breaks it, the one that just passes, and the same facts outside 57/67/68."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.decision import Severity
from groupement_rules.seance.convocation import required_delai
from groupement_rules.seance.facts import Convocation, DeportArticle, StandAside
from groupement_rules.seance.policy import default_cgct, params_on
from groupement_rules.seance.rules import check_seance
from seance_helpers import BAS_RHIN, DAY, GENERAL, MOSELLE, delib, member, seance


def codes(s: object) -> list[str]:
    return check_seance(s).codes()  # type: ignore[arg-type]


def sent(day: int, month: int = 1, *, urgent: bool = False) -> Convocation:
    return Convocation(sent_on=dt.date(2026, month, day), urgent=urgent)


# -- convocation (L2541-2) ------------------------------------------------------------------


def test_small_commune_three_days_at_least_read_as_jours_francs() -> None:
    # séance Monday 2 February 2026; 3 jours francs: sent by Thursday 29 January
    for insee in (MOSELLE, BAS_RHIN, GENERAL):
        assert "convocation-too-late" not in codes(seance(convocation=sent(29), insee=insee))
        assert "convocation-too-late" in codes(seance(convocation=sent(30), insee=insee))


def test_small_commune_urgency_la_veille() -> None:
    veille, same_day = sent(1, 2, urgent=True), sent(2, 2, urgent=True)
    assert "convocation-too-late" not in codes(seance(convocation=veille, insee=MOSELLE))
    assert "convocation-too-late" in codes(seance(convocation=same_day, insee=MOSELLE))
    # outside Alsace-Moselle urgency still needs one jour franc (L2121-11)
    assert "convocation-too-late" in codes(seance(convocation=veille, insee=GENERAL))
    assert "convocation-too-late" not in codes(seance(convocation=sent(31, urgent=True)))
    d = check_seance(seance(convocation=same_day, insee=MOSELLE))
    assert d.data["seance"]["convocation"]["regime"] == "am-urgent"
    assert d.data["seance"]["local_law"] == "alsace-moselle"
    (f,) = (f for f in d.findings if f.code == "convocation-too-late")
    assert f.citation.article.startswith("CGCT L2541-2")


def test_from_3500_inhabitants_l2121_12_applies_in_alsace_moselle_too() -> None:
    for insee in (MOSELLE, GENERAL):
        ok = seance(population=5000, convocation=sent(27), insee=insee)  # 5 jours francs
        late = seance(population=5000, convocation=sent(28), insee=insee)
        assert "convocation-too-late" not in codes(ok)
        assert "convocation-too-late" in codes(late)
        urgent = seance(population=5000, convocation=sent(1, 2, urgent=True), insee=insee)
        assert "convocation-too-late" in codes(urgent)  # one jour franc, not la veille


@given(
    st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)),
    st.integers(0, 3499),
    st.booleans(),
)
def test_alsace_moselle_under_3500_never_stricter_for_an_ordinary_convocation(
    day: dt.date, population: int, urgent: bool
) -> None:
    p = params_on(default_cgct(), day)
    local = required_delai(p, population, urgent=urgent, alsace_moselle=True)
    general = required_delai(p, population, urgent=urgent, alsace_moselle=False)
    assert local.jours_francs <= general.jours_francs


# -- quorum exceptions (L2541-4) --------------------------------------------------------------


def second(*, notice: bool, day: int = 1, urgent: bool = True) -> Convocation:
    return Convocation(
        sent_on=dt.date(2026, 2, day) if day < 3 else dt.date(2026, 1, day),
        urgent=urgent,
        second_convocation=True,
        quorum_notice=notice,
    )


def test_second_convocation_needs_no_interval_when_it_says_so() -> None:
    # sent la veille, in urgency, 5 present out of 15: no quorum needed in Moselle
    c = codes(seance(15, absent=range(10), convocation=second(notice=True), insee=MOSELLE))
    assert "quorum-dispensed" in c and "quorum-not-reached" not in c
    # without the express notice the quorum applies
    c = codes(seance(15, absent=range(10), convocation=second(notice=False), insee=MOSELLE))
    assert "second-convocation-notice-missing" in c and "quorum-not-reached" in c
    # the same facts outside Alsace-Moselle: three jours francs are needed, and urgency
    # (la veille is not even one jour franc) cannot stand in for them
    c = codes(seance(15, absent=range(10), convocation=second(notice=True), insee=GENERAL))
    assert "quorum-not-reached" in c and "second-convocation-interval" in c


def interested(k: int) -> tuple[StandAside, ...]:
    return tuple(StandAside(member(i), DeportArticle.L2131_11) for i in range(2, 2 + k))


def test_half_or_more_interested_dispenses_with_quorum() -> None:
    # 15 members, 3 absent, 12 present; 8 interested: half or more (16 ≥ 15)
    half = seance(15, absent=range(12, 15), deliberations=(delib(stood_aside=interested(8)),))
    assert "quorum-not-reached" in codes(half)  # general law: 4 counted < 8
    moselle = seance(
        15, absent=range(12, 15), deliberations=(delib(stood_aside=interested(8)),), insee=MOSELLE
    )
    c = codes(moselle)
    assert "quorum-dispensed" in c and "quorum-not-reached" not in c
    # 7 interested: less than half, the quorum applies in Moselle too
    fewer = seance(
        15, absent=range(12, 15), deliberations=(delib(stood_aside=interested(7)),), insee=MOSELLE
    )
    assert "quorum-not-reached" in codes(fewer)


def test_l1111_6_representatives_are_not_interested_for_l2541_4() -> None:
    aside = tuple(StandAside(member(i), DeportArticle.L1111_6) for i in range(2, 10))
    s = seance(15, absent=range(12, 15), deliberations=(delib(stood_aside=aside),), insee=MOSELLE)
    assert "quorum-dispensed" not in codes(s)


# -- secretary (L2541-6) ---------------------------------------------------------------------


def test_secretary_need_not_be_a_member_in_alsace_moselle() -> None:
    outsider = ("Mme SCHMITT Odile",)
    assert "member-unknown" not in codes(seance(secretaries=outsider, insee=MOSELLE))
    assert "member-unknown" in codes(seance(secretaries=outsider, insee=GENERAL))
    # a member named secretary and listed absent is still not present
    absent = seance(absent=(1,), secretaries=(member(1),), insee=MOSELLE)
    d = check_seance(absent)
    (f,) = (f for f in d.findings if f.code == "secretary-not-present")
    assert f.severity is Severity.ERROR and f.citation.article == "L2541-6"


def test_unknown_insee_code_applies_the_general_law_and_says_so() -> None:
    d = check_seance(seance(insee=None))
    assert d.data["seance"]["local_law"] == "general-insee-unknown"
    assert "local_law" in {i.key for i in d.interpretations}
    assert "local_law" not in {i.key for i in check_seance(seance()).interpretations}
    assert check_seance(seance(insee=MOSELLE)).date("latest_sending_day") == DAY - dt.timedelta(4)
