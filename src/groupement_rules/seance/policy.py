"""The dated CGCT parameters of a séance (``policies/cgct.toml``) and their loader.

SPEC B.2: each value has the date from which it applies, so that a séance of
2021 is checked with the law of 2021.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import attrs

from ..decision import Citation
from ..policy import NoValueInForce, ParamSpec, Policy, load_embedded_policy, load_policy

DEFAULT_POLICY = "cgct.toml"


def _size_table(v: Any) -> str | None:
    """Rows [lowest population, seats], populations strictly increasing from 0."""
    if not isinstance(v, list) or not v:
        return "expected a non-empty list of [population, seats] rows"
    prev = -1
    for row in v:
        if (
            not isinstance(row, list)
            or len(row) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in row)
        ):
            return f"bad row {row!r}: expected [population, seats]"
        if row[0] <= prev or row[1] <= 0:
            return f"bad row {row!r}: populations must increase and seats be positive"
        prev = row[0]
    if v[0][0] != 0:
        return "the first bracket must start at population 0"
    return None


def _positive(v: Any) -> str | None:
    return None if v > 0 else "must be a positive number"


def _non_negative(v: Any) -> str | None:
    return None if v >= 0 else "must be zero or more"


def _quorum_rule(v: Any) -> str | None:
    return None if v in QUORUM_RULES else f"must be one of {', '.join(QUORUM_RULES)}"


def _population_reference(v: Any) -> str | None:
    return None if v == "last-general-renewal" else "must be 'last-general-renewal'"


def _exprimes_exclude(v: Any) -> str | None:
    bad = [x for x in v if x not in ("abstentions", "blancs_nuls")]
    return f"unknown vote categories {bad}" if bad else None


def _declared(v: Any) -> str | None:
    bad = [x for x in v if x not in DECLARED_COUNTS]
    return f"unknown counts {bad}" if bad else None


#: The quorum rules a policy can name: ``majority`` = ⌊n/2⌋ + 1 (L2121-17),
#: ``third`` = ⌈n/3⌉ (the 2020–2022 state of health emergency).
QUORUM_RULES = ("majority", "third")

#: The counts a délibération may declare (SPEC B.1).
DECLARED_COUNTS = ("en_exercice", "presents", "represented", "votants", "exprimes")

#: What a CGCT policy file may hold (SPEC B.2).
SCHEMA: dict[str, ParamSpec] = {
    "council_size": ParamSpec("table", dated=True, check=_size_table),
    "population_reference": ParamSpec("str", check=_population_reference),
    "population_threshold": ParamSpec("int", dated=True, check=_positive),
    "convocation_jours_francs_small": ParamSpec("int", dated=True, check=_non_negative),
    "convocation_jours_francs_large": ParamSpec("int", dated=True, check=_non_negative),
    "convocation_jours_francs_urgent": ParamSpec("int", dated=True, check=_non_negative),
    "convocation_jours_francs_after_renewal": ParamSpec("int", dated=True, check=_non_negative),
    "second_convocation_interval_jours_francs": ParamSpec("int", dated=True, check=_non_negative),
    "quorum": ParamSpec("str", dated=True, check=_quorum_rule),
    "quorum_counts_represented": ParamSpec("bool", dated=True),
    "max_proxies_per_holder": ParamSpec("int", dated=True, check=_positive),
    "proxy_max_consecutive_seances": ParamSpec("int", check=_positive),
    "deport_excludes_from_presents": ParamSpec("bool"),
    "l1111_6_removes_from_en_exercice": ParamSpec("bool", dated=True),
    "exprimes_exclude": ParamSpec("list[str]", check=_exprimes_exclude),
    "president_casting_vote": ParamSpec("bool"),
    "secret_ballot_tie_rejects": ParamSpec("bool"),
    "secretary_from_members": ParamSpec("bool"),
    "declared_counts": ParamSpec("list[str]", check=_declared),
}


def load_cgct(path: str | Path | None = None, *, text: str | None = None) -> Policy:
    """Load a CGCT policy file (the embedded ``policies/cgct.toml`` by default)."""
    if path is None and text is None:
        return default_cgct()
    return load_policy(path or "<policy>", SCHEMA, kind="cgct", text=text)


@functools.cache
def default_cgct() -> Policy:
    return load_embedded_policy(DEFAULT_POLICY, SCHEMA, kind="cgct")


def council_seats(policy: Policy, population: int, on: dt.date) -> int:
    """Seats of the council of a commune of ``population`` inhabitants on ``on`` (L2121-2)."""
    seats = 0
    for lowest, n in policy.value("council_size", on):
        if population >= lowest:
            seats = n
        else:
            break
    return int(seats)


def max_council_seats(policy: Policy, on: dt.date) -> int:
    """The largest council of the L2121-2 table on ``on`` (Paris, Lyon, Marseille excepted)."""
    return int(policy.value("council_size", on)[-1][1])


def quorum_of(rule: str, en_exercice: int) -> int:
    """The quorum for ``en_exercice`` members under ``rule`` (``majority`` or ``third``).

    « la majorité de ses membres en exercice est présente » (L2121-17): more than half,
    ⌊n/2⌋ + 1; « le tiers des membres en exercice est présent » (loi 2020-290 art. 10 and
    its successors): ⌈n/3⌉.
    """
    if rule == "third":
        return -(-en_exercice // 3)
    return en_exercice // 2 + 1


@attrs.frozen(eq=False)
class SeanceParams:
    """Every CGCT parameter in force on one day, looked up once (cached per policy and day)."""

    on: dt.date
    size_table: tuple[tuple[int, int], ...]
    size_citation: Citation
    population_citation: Citation
    threshold: int
    threshold_citation: Citation
    jf_small: int
    jf_small_citation: Citation
    jf_large: int
    jf_large_citation: Citation
    jf_urgent: int
    jf_urgent_citation: Citation
    jf_after_renewal: int
    jf_after_renewal_citation: Citation
    second_interval: int
    second_interval_citation: Citation
    quorum_rule: str
    quorum_citation: Citation
    quorum_represented: bool
    quorum_represented_citation: Citation
    max_proxies: int
    max_proxies_citation: Citation
    proxy_max_seances: int
    proxy_max_seances_citation: Citation
    deport_excludes: bool
    deport_citation: Citation
    l1111_6_removes: bool
    l1111_6_citation: Citation
    exprimes_exclude: tuple[str, ...]
    exprimes_citation: Citation
    casting_vote: bool
    casting_vote_citation: Citation
    secret_tie_rejects: bool
    secret_tie_citation: Citation
    secretary_citation: Citation
    counts_citation: Citation

    def seats(self, population: int) -> int:
        seats = 0
        for lowest, n in self.size_table:
            if population >= lowest:
                seats = n
            else:
                break
        return seats

    def bracket_for(self, en_exercice: int) -> tuple[int, int | None, int] | None:
        """The smallest bracket whose seats are ≥ ``en_exercice``: (lowest, highest, seats)."""
        rows = self.size_table
        for i, (lowest, n) in enumerate(rows):
            if n >= en_exercice:
                highest = rows[i + 1][0] - 1 if i + 1 < len(rows) else None
                return lowest, highest, n
        return None

    def quorum(self, en_exercice: int) -> int:
        return quorum_of(self.quorum_rule, en_exercice)


@functools.lru_cache(maxsize=512)
def params_on(policy: Policy, on: dt.date) -> SeanceParams:
    """The parameters of ``policy`` in force on ``on``.

    Raises :class:`~groupement_rules.policy.NoValueInForce` when the policy has no value of a
    parameter on that day (e.g. before its first ``from`` date).
    """

    def e(key: str) -> tuple[Any, Citation]:
        v = policy.entry(key, on if policy.params[key].values[0].start is not None else None)
        return v.value, v.citation

    size, size_c = e("council_size")
    thr, thr_c = e("population_threshold")
    small, small_c = e("convocation_jours_francs_small")
    large, large_c = e("convocation_jours_francs_large")
    urg, urg_c = e("convocation_jours_francs_urgent")
    ren, ren_c = e("convocation_jours_francs_after_renewal")
    sec, sec_c = e("second_convocation_interval_jours_francs")
    q, q_c = e("quorum")
    qr, qr_c = e("quorum_counts_represented")
    mp, mp_c = e("max_proxies_per_holder")
    ms, ms_c = e("proxy_max_consecutive_seances")
    dep, dep_c = e("deport_excludes_from_presents")
    l6, l6_c = e("l1111_6_removes_from_en_exercice")
    ex, ex_c = e("exprimes_exclude")
    cv, cv_c = e("president_casting_vote")
    st, st_c = e("secret_ballot_tie_rejects")
    _, secr_c = e("secretary_from_members")
    _, cnt_c = e("declared_counts")
    _, pop_c = e("population_reference")
    return SeanceParams(
        on=on,
        size_table=tuple((int(a), int(b)) for a, b in size),
        size_citation=size_c,
        population_citation=pop_c,
        threshold=thr,
        threshold_citation=thr_c,
        jf_small=small,
        jf_small_citation=small_c,
        jf_large=large,
        jf_large_citation=large_c,
        jf_urgent=urg,
        jf_urgent_citation=urg_c,
        jf_after_renewal=ren,
        jf_after_renewal_citation=ren_c,
        second_interval=sec,
        second_interval_citation=sec_c,
        quorum_rule=q,
        quorum_citation=q_c,
        quorum_represented=qr,
        quorum_represented_citation=qr_c,
        max_proxies=mp,
        max_proxies_citation=mp_c,
        proxy_max_seances=ms,
        proxy_max_seances_citation=ms_c,
        deport_excludes=dep,
        deport_citation=dep_c,
        l1111_6_removes=l6,
        l1111_6_citation=l6_c,
        exprimes_exclude=tuple(ex),
        exprimes_citation=ex_c,
        casting_vote=cv,
        casting_vote_citation=cv_c,
        secret_tie_rejects=st,
        secret_tie_citation=st_c,
        secretary_citation=secr_c,
        counts_citation=cnt_c,
    )


__all__ = [
    "DECLARED_COUNTS",
    "QUORUM_RULES",
    "SCHEMA",
    "NoValueInForce",
    "SeanceParams",
    "council_seats",
    "default_cgct",
    "load_cgct",
    "max_council_seats",
    "params_on",
    "quorum_of",
]
