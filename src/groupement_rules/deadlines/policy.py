"""The policy of délais and executory force (``policies/deadlines.toml``), as a typed view.

Each key is declared once, as a field of :class:`DeadlinesView`: the loader's schema and
the frozen view the rules read both come from that declaration.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import attrs

from ..policy import ParamSpec, Policy, PolicyView, load_embedded_policy, load_policy, param

DEFAULT_POLICY = "deadlines.toml"

#: The two orders of operations of a délai franc counted in months, at month ends.
ORDERS = ("months-then-day", "day-then-months")


def _order(v: Any) -> str | None:
    return None if v in ORDERS else f"expected one of {', '.join(ORDERS)}"


def _positive(v: Any) -> str | None:
    return None if v > 0 else "must be positive"


def _good_friday(v: Any) -> str | None:
    return None if v == "commune-calendar" else "must be 'commune-calendar'"


@attrs.frozen(eq=False)
class DeadlinesView(PolicyView):
    """The parameters of recours and executory force (SPEC Part C)."""

    recours_months: int = param(ParamSpec("int", check=_positive))
    recours_franc: bool = param(ParamSpec("bool"))
    recours_franc_order: str = param(ParamSpec("str", check=_order))
    recours_extension: bool = param(ParamSpec("bool"))
    gracieux_interrupts: bool = param(ParamSpec("bool"))
    gracieux_silence_months: int = param(ParamSpec("int", check=_positive))
    express_rejection_reopens: bool = param(
        ParamSpec(
            "bool",
            required=False,
            default=True,
            default_note="CJA R421-2 al. 1, second sentence",
        )
    )
    good_friday_reading: str = param(
        ParamSpec(
            "str",
            required=False,
            default="commune-calendar",
            check=_good_friday,
            default_note="Code du travail L3134-13, the commune's calendar",
        )
    )
    electronic_publication_from: dt.date = param(ParamSpec("date"))  # noqa: RUF009
    publication_choice_threshold: int = param(ParamSpec("int", check=_positive))
    transmission_list: list[str] = param(ParamSpec("list[str]"), shown_only=True)  # noqa: RUF009


#: What a deadlines policy file may hold (docs/deadlines.md).
SCHEMA: dict[str, ParamSpec] = DeadlinesView.schema()


def load_deadlines(path: str | Path | None = None, *, text: str | None = None) -> Policy:
    """Load a deadlines policy file (the embedded ``policies/deadlines.toml`` by default)."""
    if path is None and text is None:
        return default_deadlines()
    return load_policy(path or "<policy>", SCHEMA, kind="deadlines", text=text)


@functools.cache
def default_deadlines() -> Policy:
    return load_embedded_policy(DEFAULT_POLICY, SCHEMA, kind="deadlines")


def view(policy: Policy) -> DeadlinesView:
    """The typed view of a deadlines policy (its keys are not dated)."""
    return DeadlinesView.of(policy)


__all__ = [
    "ORDERS",
    "SCHEMA",
    "DeadlinesView",
    "default_deadlines",
    "load_deadlines",
    "view",
]
