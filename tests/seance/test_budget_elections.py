"""The compte administratif (SPEC B.2.11; L1612-12, L2121-14), the election of the maire and
the adjoints (SPEC B.2.12; L2122-8, ord. 2020-562) and the second convocation (SPEC B.2.9;
L2121-17 al. 2, CE Anould): each rule where it breaks, where it just passes, and elsewhere."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from groupement_rules.decision import Severity
from groupement_rules.seance.facts import Convocation
from groupement_rules.seance.rules import check_seance
from seance_helpers import (
    MOSELLE,
    DeliberationKind,
    Outcome,
    PresidentVote,
    delib,
    member,
    seance,
)

CA = DeliberationKind.COMPTE_ADMINISTRATIF
ELECTION = DeliberationKind.ELECTION_MAIRE_ADJOINTS


def codes(s: object) -> list[str]:
    return check_seance(s).codes()  # type: ignore[arg-type]


def computed(s: object, i: int = 0) -> dict[str, object]:
    return check_seance(s).data["deliberations"][i]["computed"]  # type: ignore[arg-type, no-any-return]


# -- compte administratif ---------------------------------------------------------------------


def test_a_tie_adopts_the_compte_administratif() -> None:
    tie = delib(kind=CA, presided_by=member(2), pour=7, contre=7, outcome=Outcome.ADOPTED)
    assert "outcome-mismatch" not in codes(seance(deliberations=(tie,)))
    assert computed(seance(deliberations=(tie,)))["adopted_basis"] == "compte-administratif"
    stated_rejected = delib(
        kind=CA, presided_by=member(2), pour=7, contre=7, outcome=Outcome.REJECTED
    )
    d = check_seance(seance(deliberations=(stated_rejected,)))
    (f,) = (f for f in d.findings if f.code == "outcome-mismatch")
    assert f.citation.article == "L1612-12"
    # one more vote against: a majority against, the account is not arrêté
    against = delib(kind=CA, presided_by=member(2), pour=6, contre=7, outcome=Outcome.ADOPTED)
    assert "outcome-mismatch" in codes(seance(deliberations=(against,)))
    # the same tie on an ordinary item, president's vote unknown: not decided
    ordinary = delib(pour=7, contre=7, outcome=Outcome.ADOPTED)
    assert computed(seance(deliberations=(ordinary,)))["adopted"] is None


@given(st.integers(0, 40), st.booleans(), st.sampled_from(list(PresidentVote)))
def test_tie_rules(n: int, secret: bool, president: PresidentVote) -> None:
    """A tie on a compte administratif is adopted; on any other item the president's vote
    decides, except in a secret ballot, where it rejects (L1612-12, L2121-20)."""
    ca = delib(kind=CA, presided_by=member(2), pour=n, contre=n, secret=secret, president=president)
    assert computed(seance(deliberations=(ca,)))["adopted"] is True
    other = delib(pour=n, contre=n, secret=secret, president=president)
    adopted = computed(seance(deliberations=(other,)))["adopted"]
    if n == 0 or secret:
        assert adopted is False
    else:
        assert adopted is (president is PresidentVote.POUR)


def test_the_maire_withdraws_for_the_vote() -> None:
    # 15 present, the maire (the séance's president) withdraws: 14 votants
    ok = seance(deliberations=(delib(kind=CA, presided_by=member(2), votants=14),))
    assert computed(ok)["votants"] == 14 and "maire-voted-compte-administratif" not in codes(ok)
    voted = seance(deliberations=(delib(kind=CA, presided_by=member(2), votants=15),))
    assert "maire-voted-compte-administratif" in codes(voted)
    # the same facts on an ordinary item: 15 votants is right
    plain = seance(deliberations=(delib(votants=15),))
    assert computed(plain)["votants"] == 15 and "votants-mismatch" not in codes(plain)
    # a maire named by the document, other than the president, is the one who withdraws
    named = seance(maire=member(3), deliberations=(delib(kind=CA, presided_by=member(2)),))
    assert computed(named)["stood_aside"] == [member(3)]
    assert "maire" not in {i.key for i in check_seance(named).interpretations}
    derived = seance(deliberations=(delib(kind=CA, presided_by=member(2)),))
    assert "maire" in {i.key for i in check_seance(derived).interpretations}


def test_the_council_elects_the_president_of_the_item() -> None:
    by_maire = seance(deliberations=(delib(kind=CA, presided_by=member(0)),))
    d = check_seance(by_maire)
    (f,) = (f for f in d.findings if f.code == "maire-presides-compte-administratif")
    assert f.severity is Severity.ERROR and f.citation.article == "L2121-14 al. 2"
    unknown = seance(deliberations=(delib(kind=CA),))
    (nr,) = (f for f in check_seance(unknown).findings if f.code == "checks-not-run")
    assert "deliberation.president" in nr.values["missing"]  # type: ignore[operator]


def test_the_maire_withdrawing_can_cost_the_quorum() -> None:
    # 8 present of 15: quorum 8; the maire withdraws for the compte administratif: 7
    assert "quorum-not-reached" not in codes(seance(absent=range(8, 15)))
    s = seance(absent=range(8, 15), deliberations=(delib(kind=CA, presided_by=member(2)),))
    assert "quorum-not-reached" in codes(s)


# -- elections ----------------------------------------------------------------------------------


COVID = dt.date(2020, 5, 25)  # ord. 2020-391: a third, procurations counted (not for elections)


def covid_seance(kind: DeliberationKind) -> object:
    # 4 present of 15 (quorum ⌈15/3⌉ = 5) and two procurations
    return seance(
        15,
        date=COVID,
        absent=range(4, 15),
        proxies=((4, 1), (5, 2)),
        deliberations=(delib(kind=kind),),
    )


def test_election_quorum_counts_members_present_only() -> None:
    assert "quorum-not-reached" not in codes(covid_seance(DeliberationKind.ORDINARY))
    d = check_seance(covid_seance(ELECTION))  # type: ignore[arg-type]
    (f,) = (f for f in d.findings if f.code == "quorum-not-reached")
    assert f.values["counted"] == 4 and f.values["represented_count"] is False
    # one more member present: 5, the quorum is reached for the election too
    s = seance(
        15,
        date=COVID,
        absent=range(5, 15),
        proxies=((5, 1),),
        deliberations=(delib(kind=ELECTION),),
    )
    assert "quorum-not-reached" not in codes(s)


def test_the_eldest_presides_the_election() -> None:
    by_maire = seance(eldest=member(5), deliberations=(delib(kind=ELECTION),))
    assert "election-not-presided-by-eldest" in codes(by_maire)
    by_eldest = seance(
        eldest=member(5), deliberations=(delib(kind=ELECTION, presided_by=member(5)),)
    )
    assert "election-not-presided-by-eldest" not in codes(by_eldest)
    # the same president on an ordinary item: nothing to say
    assert "election-not-presided-by-eldest" not in codes(seance(eldest=member(5)))
    unknown = check_seance(seance(deliberations=(delib(kind=ELECTION),)))
    (nr,) = (f for f in unknown.findings if f.code == "checks-not-run")
    assert "seance.eldest" in nr.values["missing"]  # type: ignore[operator]


# -- second convocation ---------------------------------------------------------------------


def second(sent_on: dt.date, *, first: dt.date | None = None, urgent: bool = False) -> Convocation:
    return Convocation(
        sent_on=sent_on, urgent=urgent, second_convocation=True, first_seance_on=first
    )


def test_three_jours_francs_run_from_the_sending_not_from_the_first_seance() -> None:
    # first séance without quorum on Monday 26 January, new séance Monday 2 February
    late = second(dt.date(2026, 1, 30), first=dt.date(2026, 1, 26))  # 31, 1: two jours francs
    c = codes(seance(absent=range(10), convocation=late))
    assert "second-convocation-interval" in c and "quorum-not-reached" in c
    just = second(dt.date(2026, 1, 29), first=dt.date(2026, 1, 26))  # 30, 31, 1
    c = codes(seance(absent=range(10), convocation=just))
    assert "quorum-dispensed" in c and "quorum-not-reached" not in c


def test_an_urgent_convocation_cannot_dispense_with_the_quorum() -> None:
    urgent = second(dt.date(2026, 1, 31), urgent=True)  # one jour franc: a valid urgency
    c = codes(seance(absent=range(10), convocation=urgent))
    assert "convocation-too-late" not in c
    assert "second-convocation-interval" in c and "quorum-not-reached" in c
    # with its quorum, the same séance is regular: the interval only matters without it
    assert "quorum-not-reached" not in codes(seance(convocation=urgent))


def test_unknown_sending_day_leaves_the_dispense_unverified() -> None:
    s = seance(absent=range(10), convocation=Convocation(second_convocation=True))
    d = check_seance(s)
    (f,) = (f for f in d.findings if f.code == "quorum-not-reached")
    assert f.severity is Severity.WARNING and f.values["dispense_unverified"] is True
    plain = check_seance(seance(absent=range(10), convocation=Convocation()))
    (g,) = (f for f in plain.findings if f.code == "quorum-not-reached")
    assert g.severity is Severity.ERROR


def test_in_moselle_the_notice_replaces_the_interval() -> None:
    c = Convocation(sent_on=dt.date(2026, 1, 29), second_convocation=True, quorum_notice=True)
    assert "quorum-dispensed" in codes(seance(absent=range(10), convocation=c, insee=MOSELLE))
