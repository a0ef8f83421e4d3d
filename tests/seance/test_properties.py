"""Hypothesis properties of the séance rules (SPEC B.2): laws of the domain."""

from __future__ import annotations

import datetime as dt
import random

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from groupement_rules.seance.facts import Seance
from groupement_rules.seance.policy import default_cgct, params_on
from groupement_rules.seance.rules import check_seance
from seance_helpers import PresidentVote, consistent_delib, delib, member, names, seance

ALLOWED_WHEN_CONSISTENT = {
    "population-inferred",
    "unanimity-of-exprimes",
    "checks-not-run",
    "policy-uncertain",  # info: the law on that date is uncertain (e.g. after March 2026)
}

dates = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def consistent_seances(draw: st.DrawFn, *, deport: bool = True) -> Seance:
    """A séance whose facts and declared counts agree, with quorum reached."""
    n = draw(st.integers(min_value=7, max_value=69))
    date = draw(dates)
    max_absent = n - (n // 2 + 1) - 1  # keep one spare present member for a déport
    absent = draw(st.lists(st.integers(2, n - 1), unique=True, max_size=max_absent))
    present = [i for i in range(n) if i not in absent]
    k = draw(st.integers(0, min(len(absent), len(present))))
    holders = draw(st.permutations(present))[:k]
    proxies = list(zip(absent[:k], holders, strict=True))
    aside: list[str] = []
    if deport and draw(st.booleans()):
        candidates = [i for i in present if i not in holders and i > 1]
        if candidates:
            aside = [member(draw(st.sampled_from(candidates)))]
    votants = len(present) - len(aside) + k
    contre = draw(st.integers(0, votants))
    abstentions = draw(st.integers(0, votants - contre))
    d = consistent_delib(
        n, absent, proxies, contre=contre, abstentions=abstentions, stood_aside=aside
    )
    if d.vote.pour == d.vote.contre:  # a tie: the president (member 0, present) decides
        d = attrs.evolve(d, vote=attrs.evolve(d.vote, president=PresidentVote.CONTRE))
    # the population is unknown: the bracket is inferred from n (at most 69, always found)
    assert params_on(default_cgct(), date).bracket_for(n) is not None
    return seance(
        n,
        absent=absent,
        proxies=proxies,
        deliberations=(d,),
        date=date,
        population=None,
        sent_on=date - dt.timedelta(days=10),
    )


@given(consistent_seances())
def test_consistent_seance_has_no_error(s: Seance) -> None:
    d = check_seance(s)
    assert not d.has_errors(), d.codes()
    assert set(d.codes()) <= ALLOWED_WHEN_CONSISTENT, d.codes()


COUNT_CODES = {
    "en_exercice": "presence-mismatch",
    "presents": "presence-mismatch",
    "represented": "presence-mismatch",
    "votants": "votants-mismatch",
    "exprimes": "exprimes-mismatch",
}


@given(
    consistent_seances(deport=False),
    st.sampled_from(sorted(COUNT_CODES)),
    st.sampled_from([-1, 1]),
)
def test_one_declared_count_off_by_one_is_caught(s: Seance, field: str, delta: int) -> None:
    d = s.deliberations[0]
    value = getattr(d.declared, field)
    if value + delta < 0:
        delta = 1
    mutated = attrs.evolve(
        s,
        deliberations=(
            attrs.evolve(d, declared=attrs.evolve(d.declared, **{field: value + delta})),
        ),
    )
    assert COUNT_CODES[field] in check_seance(mutated).codes()


@given(
    st.integers(7, 69),
    st.data(),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31)).filter(
        lambda d: not dt.date(2020, 4, 3) <= d <= dt.date(2020, 7, 10)
    ),
)
def test_quorum_monotone_in_presents_and_blind_to_proxies(
    n: int, data: st.DataObject, date: dt.date
) -> None:
    absent = data.draw(st.lists(st.integers(0, n - 1), unique=True, max_size=n - 1))

    def reached(absent: list[int], proxies: list[tuple[int, int]]) -> bool:
        s = seance(n, absent=absent, proxies=proxies, date=date, population=10**6)
        return bool(check_seance(s).data["deliberations"][0]["computed"]["quorum_reached"])

    base = reached(absent, [])
    present = [i for i in range(n) if i not in absent]
    proxies = list(zip(absent, present, strict=False))
    assert reached(absent, proxies) == base  # procurations do not count
    if absent:
        more_present = reached(absent[1:], [])
        assert more_present >= base  # one more member present never loses the quorum


@settings(max_examples=60)
@given(
    st.integers(0, 30),
    st.integers(0, 30),
    st.integers(0, 30),
    st.integers(1, 30),
    st.booleans(),
    st.sampled_from(list(PresidentVote)),
)
def test_abstentions_never_change_adoption(
    pour: int, contre: int, abst: int, more: int, secret: bool, president: PresidentVote
) -> None:
    def adopted(a: int) -> object:
        s = seance(
            15,
            deliberations=(
                delib(pour=pour, contre=contre, abstentions=a, secret=secret, president=president),
            ),
        )
        return check_seance(s).data["deliberations"][0]["computed"]["adopted"]

    assert adopted(abst) == adopted(abst + more)


@given(st.integers(1, 30), st.booleans(), st.sampled_from(list(PresidentVote)))
def test_tie_follows_president_except_secret(
    votes: int, secret: bool, president: PresidentVote
) -> None:
    s = seance(
        15,
        deliberations=(delib(pour=votes, contre=votes, secret=secret, president=president),),
    )
    adopted = check_seance(s).data["deliberations"][0]["computed"]["adopted"]
    if secret:
        assert adopted is False
    else:
        assert adopted is (president is PresidentVote.POUR)


@given(consistent_seances(), st.integers(0, 2**32 - 1))
def test_member_order_changes_nothing(s: Seance, seed: int) -> None:
    members = list(s.members)
    random.Random(seed).shuffle(members)
    shuffled = attrs.evolve(s, members=tuple(members))
    a, b = check_seance(s), check_seance(shuffled)
    assert sorted(a.codes()) == sorted(b.codes())
    assert a.data["deliberations"] == b.data["deliberations"]


@given(consistent_seances(deport=False))
def test_mutated_proxy_is_caught(s: Seance) -> None:
    """Turning a procuration's giver into a present member is caught."""
    if not s.proxies:
        return
    holders = {p.holder for p in s.proxies}
    present = [m for m in names(len(s.members)) if m not in s.absent and m not in holders]
    mutated = attrs.evolve(s, proxies=(attrs.evolve(s.proxies[0], giver=present[0]),))
    assert "proxy-giver-present" in check_seance(mutated).codes()


@given(
    dates,
    dates,
    st.one_of(st.none(), st.integers(0, 400_000)),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_latest_sending_day_is_monotone_in_the_seance_date(
    a: dt.date, b: dt.date, population: int | None, urgent: bool, renewal: bool, local: bool
) -> None:
    """A later séance never has an earlier latest sending day, under every régime."""
    from groupement_rules.seance.convocation import latest_sending_day

    first, second = sorted((a, b))
    p = default_cgct()
    d1 = latest_sending_day(p, first, population, urgent, renewal, alsace_moselle=local)
    d2 = latest_sending_day(p, second, population, urgent, renewal, alsace_moselle=local)
    assert d1.date("latest_sending_day") <= d2.date("latest_sending_day")
    assert d1.date("latest_sending_day") < first
