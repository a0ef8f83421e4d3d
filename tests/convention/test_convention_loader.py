"""The loader's coherence checks for each withdrawal family, the bounds of a policy, and
the bounded caches of the convention."""

from __future__ import annotations

import datetime as dt
import gc
import re
from pathlib import Path

import pytest

from groupement_rules.convention import policy as cpolicy
from groupement_rules.convention import schedule as cschedule
from groupement_rules.convention import withdrawal as cwithdrawal
from groupement_rules.convention.policy import load_convention
from groupement_rules.convention.schedule import schedule
from groupement_rules.convention.withdrawal import withdrawal
from groupement_rules.policy import PolicyError
from policy_factory import EPRIMO_TEXT, set_value

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
D = dt.date


def text_of(family: str) -> str:
    return (EXAMPLES / f"{family}.toml").read_text(encoding="utf-8")


def replace(text: str, key: str, value: str) -> str:
    pat = re.compile(r"(\[params\." + re.escape(key) + r"\]\n)value = [^\n]*")
    new, n = pat.subn(lambda m: m.group(1) + f"value = {value}", text, count=1)
    assert n == 1, key
    return new


@pytest.mark.parametrize(
    ("family", "key", "value", "message"),
    [
        ("notice-before-fixed-date", "withdrawal_deadline_day", '"02-30"', "not a day of the year"),
        ("notice-before-fixed-date", "withdrawal_deadline_day", '"02-29"', "does not exist every"),
        ("notice-before-fixed-date", "withdrawal_effect_day", '"13-01"', "not a day of the year"),
        ("notice-before-period-end", "withdrawal_notice_months", "12", "as long as a period"),
        ("window-before-period-end", "withdrawal_notice_months", "13", "longer than the initial"),
        ("notice-after-receipt", "withdrawal_notice_months", "60", "longer than the whole"),
        ("notice-before-fixed-date", "period_basis", '"weeks"', "must be one of"),
        ("none", "withdrawal_family", '"maybe"', "must be one of"),
    ],
)
def test_incoherent_family_parameters_are_refused(
    family: str, key: str, value: str, message: str
) -> None:
    with pytest.raises(PolicyError, match=message) as e:
        load_convention("bad.toml", text=replace(text_of(family), key, value))
    assert key in str(e.value) and "bad.toml:" in str(e.value)


def test_a_family_without_its_parameters_or_with_anothers_is_refused() -> None:
    text = text_of("notice-before-fixed-date")
    with pytest.raises(PolicyError, match="needs it"):
        load_convention(
            "bad.toml",
            text=re.sub(r"\[params\.withdrawal_effect_day\]\n(?:[^\[]*\n)", "", text),
        )
    extra = text_of("none") + (
        '\n[params.withdrawal_notice_months]\nvalue = 2\ncitation = { source = "convention", '
        'article = "art. 7" }\n'
    )
    with pytest.raises(PolicyError, match="not a parameter of the 'none'"):
        load_convention("bad.toml", text=extra)


def test_a_deferred_rule_with_no_next_echeance_is_refused() -> None:
    text = replace(text_of("notice-before-period-end"), "max_tacit_renewals", "0")
    with pytest.raises(PolicyError, match="no period is renewed"):
        load_convention("bad.toml", text=text)


def test_overlapping_or_outlying_marches_are_refused() -> None:
    text = text_of("end-of-marches")
    with pytest.raises(PolicyError, match="overlap"):
        load_convention("bad.toml", text=text.replace("start = 2030-01-01", "start = 2029-06-01"))
    with pytest.raises(PolicyError, match="outside the convention"):
        load_convention("bad.toml", text=text.replace("months = 48", "months = 120"))
    with pytest.raises(PolicyError, match="unknown keys"):
        load_convention("bad.toml", text=text.replace("months = 48", "months = 48\ncolour = 1"))


def test_a_late_letter_rule_in_a_family_without_late_letters_is_refused() -> None:
    extra = text_of("none") + (
        '\n[params.withdrawal_late_letter]\nvalue = "deferred"\ncitation = { source = '
        '"convention", article = "art. 7" }\n'
    )
    with pytest.raises(PolicyError, match="has no late letter"):
        load_convention("bad.toml", text=extra)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("initial_period_months", str(10**9), "more than 1200 months"),
        ("renewal_months", "1201", "more than 1200 months"),
        ("max_tacit_renewals", "10001", "more than 10000 renewals"),
        ("withdrawal_notice_months", str(10**9), "more than 1200 months"),
    ],
)
def test_durations_and_renewals_have_upper_bounds(key: str, value: str, message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        load_convention("big.toml", text=set_value(EPRIMO_TEXT, key, value))


def _renewed(n: int, months: int = 1) -> str:
    text = EPRIMO_TEXT
    for key, value in {
        "initial_period_months": "24",
        "renewal_months": str(months),
        "max_tacit_renewals": str(n),
        "total_months": str(24 + n * months),
    }.items():
        text = set_value(text, key, value)
    text = re.sub(r"\[params\.convention_end\]\n(?:[^\[]*\n)", "", text)
    return set_value(text, "withdrawal_notice_months", "1")


def test_a_convention_ending_after_year_9999_is_refused() -> None:
    with pytest.raises(PolicyError, match="after year 9999"):
        load_convention("far.toml", text=_renewed(9000, 1200))


def test_nine_thousand_renewals_are_answered() -> None:
    """9 000 monthly renewals: one calendar entry per boundary and window, no more (the
    time ratio against 900 renewals is measured in benchmarks/run.py)."""
    small, large = (load_convention(f"r{n}.toml", text=_renewed(n)) for n in (900, 9000))
    s_dates, l_dates = len(schedule(small).dates), len(schedule(large).dates)
    assert (s_dates, l_dates) == (3 * 900 + 5, 3 * 9000 + 5)  # 3 per renewal, 5 fixed
    sch = schedule(large)
    d = withdrawal(large, sent_on=sch.windows[-1].first_day)
    assert d.answer == "allowed" and len(sch.windows) == 9000
    assert d.data["effective_on"] == sch.windows[-1].boundary.isoformat()


def test_the_caches_are_bounded_and_do_not_keep_policies_alive() -> None:
    """A server loading thousands of policies keeps at most POLICY_CACHE_SIZE calendars."""
    for i in range(3 * cpolicy.POLICY_CACHE_SIZE):
        p = load_convention(f"p{i}.toml", text=EPRIMO_TEXT)
        withdrawal(p, sent_on=D(2028, 6, 1))
    for cached in (cpolicy.terms, cschedule.schedule, cwithdrawal._context):
        assert cached.cache_info().currsize <= cpolicy.POLICY_CACHE_SIZE
    gc.collect()


def test_the_memo_is_bounded_per_policy() -> None:
    p = load_convention("memo.toml", text=EPRIMO_TEXT)
    for i in range(cwithdrawal.MEMO_SIZE + 50):
        withdrawal(p, sent_on=D(2026, 1, 1) + dt.timedelta(days=i))
    assert len(cwithdrawal._context(p).memo) == cwithdrawal.MEMO_SIZE
