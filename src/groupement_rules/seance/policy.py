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
from ..policy import (
    NoValueInForce,
    ParamSpec,
    Policy,
    PolicyView,
    load_embedded_policy,
    load_policy,
    param,
)

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


def _bilingual_points(v: Any) -> str | None:
    """Each point the policy cannot settle is said in both languages of the output."""
    ok = isinstance(v, list) and all(
        isinstance(x, dict)
        and set(x) == {"fr", "en"}
        and all(isinstance(t, str) and t.strip() for t in x.values())
        for x in v
    )
    return None if ok else "must be a list of tables { fr = …, en = … } of non-empty strings"


def _i(check: Any = None, **kw: Any) -> ParamSpec:
    return ParamSpec("int", dated=True, check=check or _non_negative, **kw)


def _b(**kw: Any) -> ParamSpec:
    return ParamSpec("bool", **kw)


@attrs.frozen(eq=False)
class CgctView(PolicyView):
    """Every CGCT parameter in force on one day (SPEC B.2), one field per policy key.

    ``View.of(policy, day)`` is cached: rules read ``view.<key>`` and cite
    ``view.cite("<key>")``.
    """

    # L2121-2, R2151-4: council size by population.
    council_size: list[list[int]] = param(ParamSpec("table", dated=True, check=_size_table))  # noqa: RUF009
    population_reference: str = param(
        ParamSpec("str", check=_population_reference), shown_only=True
    )
    # L2121-7, L2121-11, L2121-12: convocation délais in jours francs.
    population_threshold: int = param(_i(_positive))
    convocation_jours_francs_small: int = param(_i())
    convocation_jours_francs_large: int = param(_i())
    convocation_jours_francs_urgent: int = param(_i())
    convocation_jours_francs_after_renewal: int = param(_i())
    # L2121-17 al. 2: the second convocation (CE, 16 juin 1997, Commune d'Anould).
    second_convocation_interval_jours_francs: int = param(_i())
    # L2121-17, the state of health emergency regimes; L2122-8 for elections.
    quorum: str = param(ParamSpec("str", dated=True, check=_quorum_rule))
    quorum_counts_represented: bool = param(_b(dated=True))
    election_quorum_counts_represented: bool = param(
        _b(dated=True, required=False, default=False, default_note="L2121-17 « est présente »")
    )
    election_presided_by_eldest: bool = param(
        _b(required=False, default=True, default_note="L2122-8")
    )
    # L2121-20: procurations.
    max_proxies_per_holder: int = param(_i(_positive))
    proxy_max_consecutive_seances: int = param(ParamSpec("int", check=_positive))
    # L2131-11, L1111-6: members who stand aside.
    deport_excludes_from_presents: bool = param(_b())
    l1111_6_removes_from_en_exercice: bool = param(_b(dated=True))
    # L2121-20: suffrages exprimés, majority, the president's casting vote.
    exprimes_exclude: list[str] = param(ParamSpec("list[str]", check=_exprimes_exclude))  # noqa: RUF009
    president_casting_vote: bool = param(_b())
    secret_ballot_tie_rejects: bool = param(_b())
    # L1612-12, L2121-14: the compte administratif.
    compte_administratif_adopted_unless_majority_against: bool = param(
        _b(required=False, default=True, default_note="L1612-12")
    )
    compte_administratif_maire_withdraws: bool = param(
        _b(required=False, default=True, default_note="L2121-14")
    )
    # L2121-15: the secretary.
    secretary_from_members: bool = param(_b())
    # L2541-1 and following: the local law of Alsace-Moselle (57, 67, 68).
    alsace_moselle_local_law: bool = param(
        _b(dated=True, required=False, default=True, default_note="L2541-1")
    )
    am_convocation_jours_francs_small: int = param(_i(required=False, default=3))
    am_convocation_jours_francs_urgent: int = param(_i(required=False, default=0))
    am_second_convocation_requires_notice: bool = param(
        _b(required=False, default=True, default_note="L2541-4 1°")
    )
    am_interested_half_dispenses_quorum: bool = param(
        _b(required=False, default=True, default_note="L2541-4 2°")
    )
    am_secretary_from_members: bool = param(
        _b(required=False, default=False, default_note="L2541-6")
    )
    # Counts the procès-verbal states.
    declared_counts: list[str] = param(ParamSpec("list[str]", check=_declared), shown_only=True)  # noqa: RUF009
    # What the policy cannot settle on a date: said in the decision.
    uncertain: list[dict[str, str]] = param(  # noqa: RUF009
        ParamSpec("table", dated=True, required=False, default=[], check=_bilingual_points)
    )

    def seats(self, population: int) -> int:
        """Seats of the council of a commune of ``population`` inhabitants (L2121-2)."""
        seats = 0
        for lowest, n in self.council_size:
            if population >= lowest:
                seats = n
            else:
                break
        return int(seats)

    def bracket_for(self, en_exercice: int) -> tuple[int, int | None, int] | None:
        """The smallest bracket whose seats are ≥ ``en_exercice``: (lowest, highest, seats)."""
        rows = self.council_size
        for i, (lowest, n) in enumerate(rows):
            if n >= en_exercice:
                highest = rows[i + 1][0] - 1 if i + 1 < len(rows) else None
                return lowest, highest, n
        return None

    def cite(self, key: str) -> Citation:
        """The citation of ``key`` (cached: the view is immutable)."""
        return _cite(self, key)

    def required_quorum(self, en_exercice: int) -> int:
        """The quorum for ``en_exercice`` members under the rule in force."""
        return quorum_of(self.quorum, en_exercice)


@functools.lru_cache(maxsize=4096)
def _cite(view: CgctView, key: str) -> Citation:
    return PolicyView.cite(view, key)


#: The parameters in force on one day (the name the rules use).
SeanceParams = CgctView

#: What a CGCT policy file may hold (SPEC B.2).
SCHEMA: dict[str, ParamSpec] = CgctView.schema()


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
    return params_on(policy, on).seats(population)


def max_council_seats(policy: Policy, on: dt.date) -> int:
    """The largest council of the L2121-2 table on ``on`` (Paris, Lyon, Marseille excepted)."""
    return int(params_on(policy, on).council_size[-1][1])


def quorum_of(rule: str, en_exercice: int) -> int:
    """The quorum for ``en_exercice`` members under ``rule`` (``majority`` or ``third``).

    « la majorité de ses membres en exercice est présente » (L2121-17): more than half,
    ⌊n/2⌋ + 1; « le tiers des membres en exercice est présent » (loi 2020-290 art. 10 and
    its successors): ⌈n/3⌉.
    """
    if rule == "third":
        return -(-en_exercice // 3)
    return en_exercice // 2 + 1


def params_on(policy: Policy, on: dt.date) -> CgctView:
    """The parameters of ``policy`` in force on ``on`` (cached).

    Raises :class:`~groupement_rules.policy.NoValueInForce` when the policy has no value of a
    parameter on that day (e.g. before its first ``from`` date).
    """
    return CgctView.of(policy, on)


__all__ = [
    "DECLARED_COUNTS",
    "QUORUM_RULES",
    "SCHEMA",
    "CgctView",
    "NoValueInForce",
    "SeanceParams",
    "council_seats",
    "default_cgct",
    "load_cgct",
    "max_council_seats",
    "params_on",
    "quorum_of",
]
