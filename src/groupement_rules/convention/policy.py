"""The policy schema of a groupement de commandes convention, and its loader.

SPEC A.1: every fact of the convention lives in a policy file, one value per
key, each with the article it comes from. The embedded default is
``policies/eprimo-2026.toml``; another groupement's convention is another file
with the same keys, loaded with :func:`load_convention` (CLI ``--policy``).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from ..decision import Citation
from ..legal_time import add_months
from ..policy import (
    ParamSpec,
    Policy,
    PolicyError,
    embedded_policy_text,
    line_of,
    load_policy,
    read_policy_text,
)

DEFAULT_POLICY = "eprimo-2026.toml"


def _positive(v: Any) -> str | None:
    return None if v > 0 else "must be a positive number"


def _non_negative(v: Any) -> str | None:
    return None if v >= 0 else "must be zero or more"


def _reading(v: Any) -> str | None:
    return None if v in ("sent", "received") else "must be 'sent' or 'received'"


def _percent(v: Any) -> str | None:
    return None if 0 <= v <= 100 else "must be a percentage between 0 and 100"


def _departements(v: Any) -> str | None:
    bad = [d for d in v if not re.fullmatch(r"0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-8]|98\d", d)]
    return f"not département codes: {bad}" if bad else None


def _annexes(v: Any) -> str | None:
    return None if all(a >= 1 for a in v) else "annex numbers start at 1"


def _month(v: Any) -> str | None:
    return None if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", v) else "expected YYYY-MM"


#: What a convention policy file may hold (SPEC A.1).
SCHEMA: dict[str, ParamSpec] = {
    # the calendar: required, everything else follows from it
    "coordinator": ParamSpec("str"),
    "adhesion_deadline": ParamSpec("date"),
    "market_start": ParamSpec("date"),
    "initial_period_months": ParamSpec("int", check=_positive),
    "renewal_months": ParamSpec("int", check=_positive),
    "max_tacit_renewals": ParamSpec("int", check=_non_negative),
    "withdrawal_notice_months": ParamSpec("int", check=_positive),
    # stated twice by some conventions: checked against the calendar when given
    "total_months": ParamSpec("int", required=False, check=_positive),
    "convention_end": ParamSpec("date", required=False),
    # optional, with the reading used when the text is silent
    "adhesion_act": ParamSpec(
        "str", required=False, check=_reading, default="sent",
        default_note="the sending of the signed convention counts, as e-primo art. 2 says",
        default_note_fr="l'envoi de la convention signée compte, comme le dit l'art. 2 d'e-primo",
    ),
    "withdrawal_forbidden_months": ParamSpec(
        "int", required=False, check=_non_negative, default=None,
        default_note="no withdrawal takes effect before the end of the initial period",
        default_note_fr="aucun retrait ne prend effet avant la fin de la période initiale",
    ),
    "withdrawal_request_date": ParamSpec(
        "str", required=False, check=_reading, default="sent",
        default_note="the letter's sending date counts (literal reading of « adressé »)",
        default_note_fr="la date d'envoi du courrier compte (lecture littérale de « adressé »)",
    ),
    "exclusion_requires_judgment": ParamSpec(
        "bool", required=False, default=False,
        default_note="the text does not reserve exclusion to a judge",
        default_note_fr="le texte ne réserve pas l'exclusion à un juge",
    ),
    "minimum_order_months": ParamSpec(
        "int", required=False, check=_positive, default=None,
        default_note="no minimum order is stated: orders are not checked",
        default_note_fr="aucun minimum de commande : les commandes ne sont pas vérifiées",
    ),
    "purchase_order_equals_need": ParamSpec(
        "bool", required=False, default=False,
        default_note="no purchase order is required to equal the need",
        default_note_fr="aucun bon de commande ne doit égaler le besoin",
    ),
    "eligible_member_kinds": ParamSpec(
        "list[str]", required=False, default=None,
        default_note="the text lists no eligible kinds of member: not checked",
        default_note_fr="le texte ne liste pas les catégories de membres admises : non vérifié",
    ),
    "territory_departements": ParamSpec(
        "list[str]", required=False, check=_departements, default=None,
        default_note="the text sets no territory: not checked",
        default_note_fr="le texte ne fixe pas de territoire : non vérifié",
    ),
    "representation_modes": ParamSpec("list[str]", required=False),
    "required_annexes": ParamSpec(
        "list[int]", required=False, check=_annexes, default=[],
        default_note="the text requires no annex",
        default_note_fr="le texte n'exige aucune annexe",
    ),
    "authorisation_must_be_transmitted": ParamSpec(
        "bool", required=False, default=False,
        default_note="the text does not require the stamped copy of the délibération",
        default_note_fr="le texte n'exige pas la copie visée de la délibération",
    ),
    # facts shown by the timeline and the docs
    "coordinator_address": ParamSpec("str", required=False),
    "legal_basis": ParamSpec("str", required=False),
    "tender_earliest_launch": ParamSpec("date", required=False),
    "market_notification_planned": ParamSpec("str", required=False, check=_month),
    "invoicing": ParamSpec("str", required=False),
    "award_weight_price": ParamSpec("int", required=False, check=_percent),
    "award_weight_quality": ParamSpec("int", required=False, check=_percent),
    "litigation_court": ParamSpec("str", required=False),
}  # fmt: skip


def _consistency(policy: Policy, text: str) -> None:
    """Cross-checks of the convention's own figures (art. 2, 6, 8 state them twice)."""
    v = policy.value
    name = policy.path or policy.id

    def fail(key: str, msg: str) -> PolicyError:
        return PolicyError(name, f"params.{key}", line_of(text, f"params.{key}"), msg)

    total = v("initial_period_months") + v("max_tacit_renewals") * v("renewal_months")
    if "total_months" in policy.params and total != v("total_months"):
        raise fail(
            "total_months",
            f"{v('total_months')} months stated, but initial + renewals × renewal = {total}",
        )
    end = add_months(v("market_start"), total)
    if "convention_end" in policy.params and end != v("convention_end"):
        raise fail(
            "convention_end",
            f"{v('convention_end')} stated, but market_start + {total} months = {end}",
        )
    forbidden = v("withdrawal_forbidden_months")
    if forbidden is not None and forbidden > total:
        raise fail("withdrawal_forbidden_months", "longer than the whole convention")
    if v("withdrawal_notice_months") > v("initial_period_months"):
        raise fail("withdrawal_notice_months", "longer than the initial period")
    if v("max_tacit_renewals") >= 2 and v("withdrawal_notice_months") > v("renewal_months"):
        raise fail(
            "withdrawal_notice_months",
            "longer than a renewal period: the notice windows would overlap",
        )
    if "award_weight_price" in policy.params and "award_weight_quality" in policy.params:
        s = v("award_weight_price") + v("award_weight_quality")
        if s != 100:
            raise fail("award_weight_quality", f"award weights add up to {s} %, not 100 %")


def load_convention(path: str | Path | None = None, *, text: str | None = None) -> Policy:
    """Load a convention policy file (the embedded e-primo convention by default)."""
    if path is None and text is None:
        return default_convention()
    if text is None:
        assert path is not None
        text = read_policy_text(path)
    policy = load_policy(path or "<policy>", SCHEMA, kind="convention", text=text)
    _consistency(policy, text)
    return policy


@functools.cache
def default_convention() -> Policy:
    """The embedded e-primo 2026–2030 convention (``policies/eprimo-2026.toml``)."""
    return load_convention(f"policies/{DEFAULT_POLICY}", text=embedded_policy_text(DEFAULT_POLICY))


def forbidden_months(policy: Policy) -> int:
    """Months during which no withdrawal takes effect (the initial period when unstated)."""
    value = policy.value("withdrawal_forbidden_months")
    return int(policy.value("initial_period_months") if value is None else value)


def forbidden_citation(policy: Policy) -> Citation:
    if policy.value("withdrawal_forbidden_months") is None:
        return policy.citation("initial_period_months")
    return policy.citation("withdrawal_forbidden_months")


def end_citation(policy: Policy) -> Citation:
    """The article that ends the convention (its stated end, else its durations)."""
    if "convention_end" in policy.params:
        return policy.citation("convention_end")
    return policy.citation("max_tacit_renewals")
