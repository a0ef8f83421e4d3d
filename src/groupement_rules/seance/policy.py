"""The dated CGCT parameters of a séance (``policies/cgct.toml``) and their loader.

SPEC B.2: each value has the date from which it applies, so that a séance of
2021 is checked with the law of 2021.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources
from pathlib import Path
from typing import Any

from ..policy import ParamSpec, Policy, load_policy

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


#: What a CGCT policy file may hold (SPEC B.2).
SCHEMA: dict[str, ParamSpec] = {
    "council_size": ParamSpec("table", dated=True, check=_size_table),
}


def load_cgct(path: str | Path | None = None, *, text: str | None = None) -> Policy:
    """Load a CGCT policy file (the embedded ``policies/cgct.toml`` by default)."""
    if path is None and text is None:
        return default_cgct()
    return load_policy(path or "<policy>", SCHEMA, kind="cgct", text=text)


@functools.cache
def default_cgct() -> Policy:
    ref = resources.files("groupement_rules") / "policies" / DEFAULT_POLICY
    return load_policy(
        f"policies/{DEFAULT_POLICY}", SCHEMA, kind="cgct", text=ref.read_text(encoding="utf-8")
    )


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
