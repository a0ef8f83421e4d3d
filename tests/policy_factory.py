"""Build convention policies with other figures, for property tests.

The text is the embedded e-primo file with some values replaced, so every
generated policy goes through the real loader and its validation.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

from groupement_rules.convention.policy import load_convention
from groupement_rules.legal_time import add_months
from groupement_rules.policy import Policy

EPRIMO_TEXT = (resources.files("groupement_rules") / "policies" / "eprimo-2026.toml").read_text(
    encoding="utf-8"
)


def set_value(text: str, key: str, value: str) -> str:
    """Replace ``value = ...`` inside ``[params.key]``."""
    pat = re.compile(r"(\[params\." + re.escape(key) + r"\]\n(?:[^\[]*?\n)?)value = [^\n]*")
    new, n = pat.subn(lambda m: m.group(1) + f"value = {value}", text, count=1)
    assert n == 1, key
    return new


def convention_text(
    start: dt.date,
    initial: int = 24,
    renewal: int = 24,
    renewals: int = 1,
    notice: int = 2,
    forbidden: int | None = None,
    reading: str = "sent",
) -> str:
    total = initial + renewals * renewal
    text = EPRIMO_TEXT
    for key, value in {
        "market_start": start.isoformat(),
        "initial_period_months": str(initial),
        "renewal_months": str(renewal),
        "max_tacit_renewals": str(renewals),
        "total_months": str(total),
        "convention_end": add_months(start, total).isoformat(),
        "withdrawal_forbidden_months": str(initial if forbidden is None else forbidden),
        "withdrawal_notice_months": str(notice),
        "minimum_order_months": str(initial),
        "withdrawal_request_date": f'"{reading}"',
    }.items():
        text = set_value(text, key, value)
    return text


def convention(**kw: object) -> Policy:
    return load_convention("generated.toml", text=convention_text(**kw))  # type: ignore[arg-type]
