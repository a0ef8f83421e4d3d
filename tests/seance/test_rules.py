"""Each rule of SPEC B.2 with a failing and a passing example; every code of B.4 is produced
by some séance and absent from another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from groupement_rules.decision import Severity
from groupement_rules.seance.facts import Convocation, Deliberation, Proxy, Seance
from groupement_rules.seance.rules import CODES, SPEC_CODES, check_seance
from seance_helpers import (
    DAY,
    MOSELLE,
    DeliberationKind,
    DeportArticle,
    Outcome,
    PresidentVote,
    StandAside,
    consistent_delib,
    delib,
    member,
    seance,
)

SPEC_B4 = [
    "council-size-exceeded",
    "population-inferred",
    "convocation-too-late",
    "quorum-not-reached",
    "proxy-giver-present",
    "proxy-holder-absent",
    "proxy-holder-overloaded",
    "proxy-self",
    "proxy-holder-not-member",
    "proxy-used-by-deported",
    "deported-member-voted",
    "presence-mismatch",
    "votants-mismatch",
    "exprimes-mismatch",
    "votes-do-not-add-up",
    "votes-unaccounted",
    "outcome-mismatch",
    "unanimity-with-contre",
    "unanimity-of-exprimes",
    "secretary-not-present",
    "member-unknown",
    "member-listed-twice",
]


def codes(s: Seance) -> list[str]:
    return check_seance(s).codes()


def good() -> Seance:
    """15 members, 2 absent (one represented), all counts consistent."""
    return seance(
        15,
        absent=(13, 14),
        proxies=((14, 2),),
        deliberations=(consistent_delib(15, (13, 14), ((14, 2),), contre=2, abstentions=1),),
    )


def test_spec_codes_are_exactly_b4() -> None:
    assert list(SPEC_CODES) == SPEC_B4


def test_good_seance_has_no_finding() -> None:
    d = check_seance(good())
    assert d.codes() == []
    assert d.answer == "valid"
    c = d.data["deliberations"][0]["computed"]
    assert (c["presents"], c["represented"], c["votants"], c["quorum"]) == (13, 1, 14, 8)
    assert c["quorum_reached"] is True and c["adopted"] is True


SECOND_OK = Convocation(sent_on=dt.date(2026, 1, 29), second_convocation=True)
SECOND_URGENT = Convocation(sent_on=dt.date(2026, 1, 31), urgent=True, second_convocation=True)
SECOND_NOTICE = Convocation(
    sent_on=dt.date(2026, 1, 29), second_convocation=True, quorum_notice=True
)


def ca(**kw: object) -> Deliberation:
    return delib(kind=DeliberationKind.COMPTE_ADMINISTRATIF, **kw)  # type: ignore[arg-type]


def election(**kw: object) -> Deliberation:
    return delib(kind=DeliberationKind.ELECTION_MAIRE_ADJOINTS, **kw)  # type: ignore[arg-type]


#: code -> (a séance producing it, a séance without it)
CASES: dict[str, tuple[Callable[[], Seance], Callable[[], Seance]]] = {
    "second-convocation-interval": (
        lambda: seance(15, absent=range(10), convocation=SECOND_URGENT),
        lambda: seance(15, absent=range(10), convocation=SECOND_OK),
    ),
    "second-convocation-notice-missing": (
        lambda: seance(15, absent=range(10), convocation=SECOND_OK, insee=MOSELLE),
        lambda: seance(15, absent=range(10), convocation=SECOND_NOTICE, insee=MOSELLE),
    ),
    "quorum-dispensed": (
        lambda: seance(15, absent=range(10), convocation=SECOND_OK),
        lambda: seance(15, absent=range(7)),
    ),
    "maire-presides-compte-administratif": (
        lambda: seance(15, deliberations=(ca(presided_by=member(0)),)),
        lambda: seance(15, deliberations=(ca(presided_by=member(2)),)),
    ),
    "maire-voted-compte-administratif": (
        lambda: seance(15, deliberations=(ca(presided_by=member(2), votants=15),)),
        lambda: seance(15, deliberations=(ca(presided_by=member(2), votants=14),)),
    ),
    "election-not-presided-by-eldest": (
        lambda: seance(15, eldest=member(5), deliberations=(election(),)),
        lambda: seance(15, eldest=member(5), deliberations=(election(presided_by=member(5)),)),
    ),
    "policy-uncertain": (
        lambda: seance(15, date=dt.date(2026, 4, 13)),  # after the renewal of March 2026
        lambda: seance(15),
    ),
    "council-size-exceeded": (
        lambda: seance(15, population=400),  # 100–499: 11 seats
        lambda: seance(15, population=1000),  # 500–1 499: 15 seats
    ),
    "population-inferred": (lambda: seance(15, population=None), lambda: seance(15)),
    "convocation-too-late": (
        lambda: seance(15, sent_on=dt.date(2026, 1, 30)),  # 2 jours francs < 3
        lambda: seance(15, sent_on=dt.date(2026, 1, 29)),  # 3 jours francs
    ),
    "quorum-not-reached": (
        lambda: seance(15, absent=range(8)),  # 7 present < 8
        lambda: seance(15, absent=range(7)),  # 8 present
    ),
    "proxy-giver-present": (
        lambda: seance(15, proxies=((3, 4),)),
        lambda: seance(15, absent=(3,), proxies=((3, 4),)),
    ),
    "proxy-holder-absent": (
        lambda: seance(15, absent=(3, 4), proxies=((3, 4),)),
        lambda: seance(15, absent=(3,), proxies=((3, 4),)),
    ),
    "proxy-holder-overloaded": (
        lambda: seance(15, absent=(3, 5), proxies=((3, 4), (5, 4))),
        lambda: seance(15, absent=(3, 5), proxies=((3, 4), (5, 6))),
    ),
    "proxy-self": (
        lambda: seance(15, absent=(3,), proxies=((3, 3),)),
        lambda: seance(15, absent=(3,), proxies=((3, 4),)),
    ),
    "proxy-holder-not-member": (
        lambda: seance(15, absent=(3,), proxies=((3, 20),)),
        lambda: seance(15, absent=(3,), proxies=((3, 4),)),
    ),
    "proxy-used-by-deported": (
        # the absent giver (3) is interested: 15 votants declared = 14 present + the procuration
        lambda: seance(
            15,
            absent=(3,),
            proxies=((3, 4),),
            deliberations=(delib(stood_aside=(member(3),), votants=15),),
        ),
        lambda: seance(
            15,
            absent=(3,),
            proxies=((3, 4),),
            deliberations=(delib(stood_aside=(member(3),), votants=14),),
        ),
    ),
    "deported-member-voted": (
        lambda: seance(15, deliberations=(delib(stood_aside=(member(5),), votants=15),)),
        lambda: seance(15, deliberations=(delib(stood_aside=(member(5),), votants=14),)),
    ),
    "presence-mismatch": (
        lambda: seance(15, absent=(3,), deliberations=(delib(presents=15),)),
        lambda: seance(15, absent=(3,), deliberations=(delib(presents=14),)),
    ),
    "votants-mismatch": (
        lambda: seance(15, deliberations=(delib(votants=16),)),
        lambda: seance(15, deliberations=(delib(votants=15),)),
    ),
    "exprimes-mismatch": (
        lambda: seance(15, deliberations=(delib(abstentions=2, blancs_nuls=0, exprimes=12),)),
        lambda: seance(15, deliberations=(delib(abstentions=2, blancs_nuls=0, exprimes=13),)),
    ),
    "votes-do-not-add-up": (
        lambda: seance(15, deliberations=(delib(pour=10, contre=3, abstentions=1),)),
        lambda: seance(15, deliberations=(delib(pour=10, contre=4, abstentions=1),)),
    ),
    "votes-unaccounted": (
        lambda: seance(15, deliberations=(delib(exprimes=14),)),  # abstentions not recorded
        lambda: seance(15, deliberations=(delib(exprimes=15),)),
    ),
    "outcome-mismatch": (
        lambda: seance(15, deliberations=(delib(pour=7, contre=8, outcome=Outcome.ADOPTED),)),
        lambda: seance(15, deliberations=(delib(pour=8, contre=7, outcome=Outcome.ADOPTED),)),
    ),
    "unanimity-with-contre": (
        lambda: seance(15, deliberations=(delib(pour=14, contre=1, unanimous=True),)),
        lambda: seance(15, deliberations=(delib(pour=15, contre=0, unanimous=True),)),
    ),
    "unanimity-of-exprimes": (
        lambda: seance(15, deliberations=(delib(pour=4, contre=0, abstentions=11),)),
        lambda: seance(15, deliberations=(delib(pour=4, contre=1, abstentions=10),)),
    ),
    "secretary-not-present": (
        lambda: seance(15, absent=(1,)),  # member(1) is the secretary
        lambda: seance(15, absent=(2,)),
    ),
    "member-unknown": (
        lambda: seance(15, absent=(3,), president="Dupont Jean"),
        lambda: seance(15, absent=(3,)),
    ),
    "member-listed-twice": (
        lambda: seance(15, absent=(3, 3)),
        lambda: seance(15, absent=(3,)),
    ),
    "checks-not-run": (
        lambda: seance(15, deliberations=(delib(votants=15),)),
        good,
    ),
    "proxy-expired": (
        lambda: Seance(
            date=DAY,
            members=good().members,
            absent=(member(3),),
            proxies=(Proxy(member(3), member(4), consecutive_seances=4),),
        ),
        lambda: Seance(
            date=DAY,
            members=good().members,
            absent=(member(3),),
            proxies=(Proxy(member(3), member(4), consecutive_seances=4, illness_certified=True),),
        ),
    ),
}


def test_every_code_has_a_case() -> None:
    assert set(CASES) == set(CODES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_produced_and_absent(code: str) -> None:
    failing, passing = CASES[code]
    assert code in codes(failing()), codes(failing())
    assert code not in codes(passing()), codes(passing())


def test_severities() -> None:
    sev = {}
    for code, (failing, _) in CASES.items():
        for f in check_seance(failing()).findings:
            if f.code == code:
                sev[code] = f.severity
    assert sev["quorum-not-reached"] is Severity.ERROR
    assert sev["convocation-too-late"] is Severity.ERROR
    assert sev["outcome-mismatch"] is Severity.ERROR
    assert sev["council-size-exceeded"] is Severity.WARNING  # L2121-2-1 exceptions: warn
    assert sev["votes-unaccounted"] is Severity.WARNING
    for code in ("population-inferred", "unanimity-of-exprimes", "checks-not-run"):
        assert sev[code] is Severity.INFO


def test_findings_carry_deliberation_number() -> None:
    s = seance(15, deliberations=(delib("2026-07", votants=16),))
    f = next(f for f in check_seance(s).findings if f.code == "votants-mismatch")
    assert f.deliberation == "2026-07"
    f = next(f for f in check_seance(seance(15, population=400)).findings)
    assert f.deliberation is None


# -- convocation -------------------------------------------------------------------------


def test_convocation_large_commune_needs_five_jours_francs() -> None:
    assert "convocation-too-late" in codes(
        seance(15, population=5000, sent_on=dt.date(2026, 1, 28))
    )
    assert "convocation-too-late" not in codes(
        seance(15, population=5000, sent_on=dt.date(2026, 1, 27))
    )


def test_convocation_unknown_population_uses_inferred_bracket() -> None:
    # 15 en exercice: smallest bracket 500–1 499 (< 3 500): 3 jours francs suffice
    assert "convocation-too-late" not in codes(
        seance(15, population=None, sent_on=dt.date(2026, 1, 29))
    )
    # 28 en exercice: 5 000–9 999 (≥ 3 500): 5 jours francs
    s = seance(28, population=None, sent_on=dt.date(2026, 1, 28))
    assert "convocation-too-late" in codes(s)


def test_convocation_urgent_one_jour_franc() -> None:
    ok = Convocation(sent_on=dt.date(2026, 1, 31), urgent=True)
    late = Convocation(sent_on=dt.date(2026, 2, 1), urgent=True)
    assert "convocation-too-late" not in codes(seance(15, population=5000, convocation=ok))
    assert "convocation-too-late" in codes(seance(15, population=5000, convocation=late))


def test_convocation_after_renewal_three_for_all() -> None:
    conv = Convocation(sent_on=dt.date(2026, 1, 29), first_after_renewal=True)
    assert "convocation-too-late" not in codes(seance(15, population=50000, convocation=conv))
    conv = Convocation(sent_on=dt.date(2026, 1, 30), first_after_renewal=True)
    assert "convocation-too-late" in codes(seance(15, population=50000, convocation=conv))


def test_second_convocation_waives_quorum_when_three_jours_francs_later() -> None:
    # SPEC B.2.9: three jours francs from the sending of the new convocation to the new séance
    ok = Convocation(sent_on=dt.date(2026, 1, 29), second_convocation=True)  # 30, 31, 1
    c = codes(seance(15, absent=range(10), convocation=ok))
    assert "quorum-not-reached" not in c and "quorum-dispensed" in c
    assert "second-convocation-interval" not in c
    soon = Convocation(sent_on=dt.date(2026, 1, 30), second_convocation=True)  # 31, 1
    c = codes(seance(15, absent=range(10), convocation=soon))
    assert "quorum-not-reached" in c and "second-convocation-interval" in c


# -- quorum and déport -------------------------------------------------------------------


def test_quorum_counts_deported_out() -> None:
    # 8 present of 15: quorum 8 reached; one of them stands aside: 7, not reached
    assert "quorum-not-reached" not in codes(seance(15, absent=range(7, 14)))
    s = seance(15, absent=range(7, 14), deliberations=(delib(stood_aside=(member(2),)),))
    assert "quorum-not-reached" in codes(s)


def test_l1111_6_removes_from_en_exercice_since_3ds() -> None:
    aside = (
        StandAside(member(2), DeportArticle.L1111_6),
        StandAside(member(3), DeportArticle.L1111_6),
    )
    after = seance(15, absent=range(9, 15), deliberations=(delib(stood_aside=aside),))
    d = check_seance(after)
    c = d.data["deliberations"][0]["computed"]
    assert (c["en_exercice_for_quorum"], c["quorum"], c["presents_for_quorum"]) == (13, 7, 7)
    assert "quorum-not-reached" not in d.codes()
    before = seance(
        15,
        absent=range(9, 15),
        deliberations=(delib(stood_aside=aside),),
        date=dt.date(2019, 6, 3),
    )
    assert "quorum-not-reached" in codes(before)
    same_day_l2131 = seance(
        15, absent=range(9, 15), deliberations=(delib(stood_aside=(member(2), member(3))),)
    )
    assert "quorum-not-reached" in codes(same_day_l2131)


def test_attendance_changes_between_items() -> None:
    s = seance(
        15,
        absent=range(7),
        deliberations=(
            delib("1"),
            delib("2", left=(member(8),)),
            delib("3", arrived=(member(0), member(1))),
        ),
    )
    d = check_seance(s)
    reached = [x["computed"]["quorum_reached"] for x in d.data["deliberations"]]
    assert reached == [True, False, True]
    assert [f.deliberation for f in d.findings if f.code == "quorum-not-reached"] == ["2"]


def test_arrival_of_present_member_is_presence_mismatch() -> None:
    s = seance(15, deliberations=(delib(arrived=(member(3),)),))
    assert "presence-mismatch" in codes(s)


def test_president_standing_aside_but_voting() -> None:
    s = seance(15, deliberations=(delib(stood_aside=(member(0),), president=PresidentVote.POUR),))
    assert "deported-member-voted" in codes(s)


def test_proxy_of_absent_giver_standing_aside_not_counted() -> None:
    s = seance(15, absent=(3,), proxies=((3, 4),), deliberations=(delib(stood_aside=(member(3),)),))
    c = check_seance(s).data["deliberations"][0]["computed"]
    assert c["represented"] == 0 and c["votants"] == 14


def test_presents_declared_without_deportes_is_accepted() -> None:
    s = seance(15, deliberations=(delib(stood_aside=(member(4),), presents=14),))
    assert "presence-mismatch" not in codes(s)
    s = seance(15, deliberations=(delib(stood_aside=(member(4),), presents=13),))
    assert "presence-mismatch" in codes(s)


# -- majority ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pour", "contre", "secret", "president", "adopted"),
    [
        (8, 7, False, None, True),
        (7, 8, False, None, False),
        (7, 7, False, PresidentVote.POUR, True),
        (7, 7, False, PresidentVote.CONTRE, False),
        (7, 7, True, PresidentVote.POUR, False),
        (7, 7, False, None, None),
        (0, 0, False, None, False),
        (4, 0, False, None, True),
    ],
)
def test_majority(
    pour: int, contre: int, secret: bool, president: PresidentVote | None, adopted: bool | None
) -> None:
    s = seance(
        15, deliberations=(delib(pour=pour, contre=contre, secret=secret, president=president),)
    )
    assert check_seance(s).data["deliberations"][0]["computed"]["adopted"] is adopted


def test_seed_like_unanimity_counts_as_adopted() -> None:
    s = seance(15, deliberations=(delib(unanimous=True, exprimes=15, outcome=Outcome.ADOPTED),))
    d = check_seance(s)
    assert d.data["deliberations"][0]["computed"]["adopted"] is True
    assert "outcome-mismatch" not in d.codes()


def test_members_unknown_uses_declared_counts() -> None:
    s = seance(
        15,
        members=(),
        absent=(3,),
        proxies=((3, 4),),
        deliberations=(delib(en_exercice=15, presents=14, votants=15, exprimes=15),),
    )
    d = check_seance(s)
    c = d.data["deliberations"][0]["computed"]
    assert (c["presents"], c["represented"], c["votants"], c["quorum"]) == (14, 1, 15, 8)
    assert not d.has_errors()
    assert "member-unknown" not in d.codes()


def test_before_the_policy_is_an_input_error() -> None:
    from groupement_rules.errors import InputError

    with pytest.raises(InputError):
        check_seance(seance(15, date=dt.date(1990, 1, 1)))


def test_deported_holder_voting_twice_gives_both_codes() -> None:
    s = seance(
        15,
        absent=(3,),
        proxies=((3, 4),),
        deliberations=(delib(stood_aside=(member(4),), votants=15),),
    )
    c = codes(s)
    assert "deported-member-voted" in c and "proxy-used-by-deported" in c
    assert "votants-mismatch" not in c


def test_spec_b4_matches_the_spec_file(shared: object) -> None:
    import re
    from pathlib import Path

    assert isinstance(shared, Path)
    spec = (shared / "SPEC.md").read_text(encoding="utf-8")
    section = spec.split("### B.4 Finding codes", 1)[1].split("----", 1)[0]
    assert re.findall(r"`([a-z-]+)`", section) == list(SPEC_CODES)


def test_member_leaving_may_give_a_procuration_for_later_items() -> None:
    s = seance(
        15,
        proxies=((3, 4),),
        deliberations=(delib("1"), delib("2", left=(member(3),))),
    )
    d = check_seance(s)
    assert "proxy-giver-present" not in d.codes()
    represented = [x["computed"]["represented"] for x in d.data["deliberations"]]
    assert represented == [0, 1]


def test_late_holder_may_use_a_procuration_once_arrived() -> None:
    s = seance(
        15,
        absent=(3, 4),
        proxies=((3, 4),),
        deliberations=(delib("1"), delib("2", arrived=(member(4),))),
    )
    d = check_seance(s)
    assert "proxy-holder-absent" not in d.codes()
    represented = [x["computed"]["represented"] for x in d.data["deliberations"]]
    assert represented == [0, 1]


def test_two_procurations_per_holder_under_the_emergency_regime() -> None:
    two = {"absent": (3, 5), "proxies": ((3, 4), (5, 4))}
    assert "proxy-holder-overloaded" not in codes(seance(15, date=dt.date(2022, 7, 31), **two))
    assert "proxy-holder-overloaded" in codes(seance(15, date=dt.date(2022, 8, 1), **two))
    d = check_seance(seance(15, date=dt.date(2022, 7, 31), **two))
    assert d.data["deliberations"][0]["computed"]["represented"] == 2


def test_represented_members_count_for_quorum_only_in_spring_2020() -> None:
    # 15 en exercice, one third = 5; 4 present + 2 represented
    kw = {"absent": range(4, 15), "proxies": ((4, 0), (5, 1))}
    reached = check_seance(seance(15, date=dt.date(2020, 5, 15), **kw))
    assert "quorum-not-reached" not in reached.codes()
    assert "quorum-not-reached" in codes(seance(15, date=dt.date(2020, 7, 11), **kw))
    assert "quorum-not-reached" in codes(seance(15, date=dt.date(2020, 4, 2), **kw))


def test_every_catalogued_code_is_a_code_of_the_domain() -> None:
    from groupement_rules.seance.findings import CATALOGUE

    assert set(CATALOGUE.codes) <= set(CODES)
    for spec in CATALOGUE:
        assert spec.citation, spec.code  # where its citation comes from is documented
