"""The policy schema of a groupement de commandes convention, and its loader.

SPEC A.1: every fact of the convention lives in a policy file, one value per
key, each with the article it comes from. The embedded default is
``policies/eprimo-2026.toml``; another groupement's convention is another file
with the same keys, loaded with :func:`load_convention` (CLI ``--policy``).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..decision import Citation
from ..legal_time import add_months
from ..policy import (
    DEFAULT_SOURCE,
    ParamSpec,
    Policy,
    PolicyError,
    embedded_policy_text,
    line_of,
    load_policy,
    read_policy_text,
)
from .facts import Marche, civil_year_boundary

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


#: Upper bounds that keep every date of a convention inside the calendar
#: (a period of a century, ten thousand renewals): beyond them a file is a typo.
MAX_MONTHS = 1200
MAX_RENEWALS = 10_000


def _months(v: Any) -> str | None:
    if v <= 0:
        return "must be a positive number"
    return None if v <= MAX_MONTHS else f"more than {MAX_MONTHS} months (a century)"


def _months_or_zero(v: Any) -> str | None:
    return None if v == 0 else _months(v)


def _renewals(v: Any) -> str | None:
    if v < 0:
        return "must be zero or more"
    return None if v <= MAX_RENEWALS else f"more than {MAX_RENEWALS} renewals"


def _one_of(*values: str) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        return None if v in values else "must be one of " + ", ".join(repr(x) for x in values)

    return check


def _day_of_year(v: Any) -> str | None:
    """A day that exists every year, written MM-DD (29 February does not)."""
    m = re.fullmatch(r"(\d{2})-(\d{2})", v)
    if m is None:
        return "expected MM-DD (e.g. 06-30)"
    month, day = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return f"{v} is not a day of the year"
    if (month, day) == (2, 29):
        return "02-29 does not exist every year: write 02-28 or 03-01 as the text means"
    return None


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: The withdrawal clause families of SPEC A.8.
FAMILIES = (
    "window-before-period-end",
    "notice-before-period-end",
    "notice-before-fixed-date",
    "notice-after-receipt",
    "end-of-marches",
    "none",
)
#: Which parameters each family needs (beyond the calendar).
FAMILY_NEEDS: dict[str, tuple[str, ...]] = {
    "window-before-period-end": ("withdrawal_notice_months",),
    "notice-before-period-end": ("withdrawal_notice_months",),
    "notice-before-fixed-date": (
        "withdrawal_deadline_day",
        "withdrawal_deadline_inclusive",
        "withdrawal_effect_day",
    ),
    "notice-after-receipt": ("withdrawal_notice_months",),
    "end-of-marches": (),
    "none": (),
}


#: What a convention policy file may hold (SPEC A.1).
SCHEMA: dict[str, ParamSpec] = {
    # the calendar: required, everything else follows from it
    "coordinator": ParamSpec("str"),
    "adhesion_deadline": ParamSpec("date"),
    "market_start": ParamSpec("date"),
    "initial_period_months": ParamSpec("int", check=_months),
    "renewal_months": ParamSpec("int", check=_months),
    "max_tacit_renewals": ParamSpec("int", check=_renewals),
    "period_basis": ParamSpec(
        "str", required=False, check=_one_of("months", "civil-years"), default="months",
        default_note="periods are counted in months from the market start",
    ),
    "marches": ParamSpec("table", required=False),
    # the withdrawal clause (SPEC A.8): its family and that family's parameters
    "withdrawal_family": ParamSpec(
        "str", required=False, check=_one_of(*FAMILIES), default="window-before-period-end",
        default_note="a notice window before the end of each renewable period",
    ),
    "withdrawal_notice_months": ParamSpec("int", required=False, check=_months),
    "withdrawal_deadline_day": ParamSpec("str", required=False, check=_day_of_year),
    "withdrawal_deadline_inclusive": ParamSpec("bool", required=False),
    "withdrawal_effect_day": ParamSpec("str", required=False, check=_day_of_year),
    "withdrawal_late_letter": ParamSpec(
        "str", required=False, check=_one_of("deferred", "too-late"),
    ),
    "withdrawal_forbidden_bars": ParamSpec(
        "str", required=False, check=_one_of("effect", "letter"), default="effect",
        default_note="the forbidden period bars the effect of a withdrawal, not the letter",
    ),
    "withdrawal_requires_deliberation": ParamSpec(
        "bool", required=False, default=False,
        default_note="the text does not require a délibération deciding the withdrawal",
    ),
    "withdrawal_form": ParamSpec("str", required=False),
    "withdrawal_wording": ParamSpec("str", required=False),
    "withdrawal_reading_notes": ParamSpec("table", required=False),
    "exclusion_by": ParamSpec(
        "str", required=False, check=_one_of("judge", "coordinator", "committee", "none"),
    ),
    "exclusion_notice_days": ParamSpec("int", required=False, check=_non_negative),
    "adhesion_form": ParamSpec("table", required=False),
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
        "int", required=False, check=_months_or_zero, default=None,
        default_note="no withdrawal takes effect before the end of the initial period",
        default_note_fr="aucun retrait ne prend effet avant la fin de la période initiale",
    ),
    "withdrawal_request_date": ParamSpec(
        "str", required=False, check=_one_of("sent", "received", "deliberation"),
        default="sent",
        default_note="the letter's sending date counts (literal reading of « adressé »)",
        default_note_fr="la date d'envoi du courrier compte (lecture littérale de « adressé »)",
    ),
    "exclusion_requires_judgment": ParamSpec(
        "bool", required=False, default=False,
        default_note="the text does not reserve exclusion to a judge",
        default_note_fr="le texte ne réserve pas l'exclusion à un juge",
    ),
    "minimum_order_months": ParamSpec(
        "int", required=False, check=_months, default=None,
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
    """Cross-checks of the convention's own figures (art. 2, 6, 8 state them twice), and
    of its withdrawal clause: each family has the parameters it needs and no other."""
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
    try:
        end = add_months(v("market_start"), total)
    except (OverflowError, ValueError):
        raise fail(
            "max_tacit_renewals", f"{total} months from the start end after year 9999"
        ) from None
    basis = v("period_basis")
    if basis == "civil-years":
        for key in ("initial_period_months", "renewal_months"):
            if v(key) % 12:
                raise fail(key, "periods in civil years are whole years: a multiple of 12 months")
        end = civil_year_boundary(v("market_start"), total // 12)
    if "convention_end" in policy.params and end != v("convention_end"):
        raise fail(
            "convention_end",
            f"{v('convention_end')} stated, but market_start + {total} months = {end}",
        )
    forbidden = v("withdrawal_forbidden_months")
    if forbidden is not None and forbidden > total:
        raise fail("withdrawal_forbidden_months", "longer than the whole convention")
    family = v("withdrawal_family")
    for key in FAMILY_NEEDS[family]:
        if key not in policy.params:
            raise fail(key, f"missing: the {family!r} withdrawal family needs it")
    for key in {k for needs in FAMILY_NEEDS.values() for k in needs} - set(FAMILY_NEEDS[family]):
        if key in policy.params:
            raise fail(key, f"not a parameter of the {family!r} withdrawal family")
    notice = policy.get("withdrawal_notice_months")
    if family == "window-before-period-end":
        assert notice is not None
        if notice > v("initial_period_months"):
            raise fail("withdrawal_notice_months", "longer than the initial period")
        if v("max_tacit_renewals") >= 2 and notice > v("renewal_months"):
            raise fail(
                "withdrawal_notice_months",
                "longer than a renewal period: the notice windows would overlap",
            )
    if family == "notice-before-period-end":
        assert notice is not None
        if notice >= v("initial_period_months") or (
            v("max_tacit_renewals") >= 1 and notice >= v("renewal_months")
        ):
            raise fail("withdrawal_notice_months", "a notice as long as a period leaves no day")
    if family == "notice-after-receipt" and notice is not None and notice >= total:
        raise fail("withdrawal_notice_months", "longer than the whole convention")
    if stated(policy, "withdrawal_late_letter"):
        if family not in ("notice-before-period-end", "notice-before-fixed-date"):
            raise fail("withdrawal_late_letter", f"the {family!r} family has no late letter")
        if (
            family == "notice-before-period-end"
            and policy.get("withdrawal_late_letter", "deferred") == "deferred"
            and v("max_tacit_renewals") == 0
        ):
            raise fail(
                "withdrawal_late_letter",
                "a late letter is deferred to the next échéance, but no period is renewed",
            )
    if stated(policy, "exclusion_notice_days") and policy.get("exclusion_by") not in (
        "coordinator",
        "committee",
    ):
        raise fail(
            "exclusion_notice_days",
            "a formal notice applies to an exclusion decided "
            "by the coordinator or the committee (exclusion_by)",
        )
    marches = policy.get("marches")
    if marches is not None:
        _check_marches(marches, v("market_start"), end, fail)
    if "award_weight_price" in policy.params and "award_weight_quality" in policy.params:
        s = v("award_weight_price") + v("award_weight_quality")
        if s != 100:
            raise fail("award_weight_quality", f"award weights add up to {s} %, not 100 %")


def stated(policy: Policy, key: str) -> bool:
    """True when the policy file itself states ``key`` (not a default of the schema)."""
    param = policy.params.get(key)
    return param is not None and param.values[0].citation.source != DEFAULT_SOURCE


_MARCHE_KEYS = {"id", "start", "months", "renewals", "renewal_months", "parties_from", "title"}


def _check_marches(
    raw: Any, start: dt.date, end: dt.date, fail: Callable[[str, str], PolicyError]
) -> None:
    """Each marché well formed, inside the convention, and none overlapping another."""
    if not isinstance(raw, list) or not raw:
        raise fail("marches", "expected a non-empty array of tables")
    spans: list[tuple[dt.date, dt.date, str]] = []
    for i, m in enumerate(raw):
        where = f"marches[{i}]"
        if not isinstance(m, dict):
            raise fail("marches", f"{where}: expected a table")
        unknown = set(m) - _MARCHE_KEYS
        if unknown:
            raise fail("marches", f"{where}: unknown keys {sorted(unknown)}")
        try:
            marche = marche_from_table(m)
        except (KeyError, TypeError, ValueError) as e:
            raise fail("marches", f"{where}: {e}") from None
        if marche.start < start or marche.end > end:
            raise fail(
                "marches",
                f"{where} ({marche.id}) runs {marche.start}–{marche.end}, outside the "
                f"convention ({start}–{end})",
            )
        spans.append((marche.start, marche.end, marche.id))
    spans.sort()
    for (_, a_end, a_id), (b_start, _, b_id) in itertools.pairwise(spans):
        if b_start < a_end:
            raise fail("marches", f"marchés {a_id} and {b_id} overlap ({b_start} < {a_end})")


def marche_from_table(m: Mapping[str, Any]) -> Marche:
    """A :class:`Marche` from one ``[[params.marches.value]]`` table."""
    for key, type_ in (("id", str), ("start", dt.date), ("months", int)):
        if not isinstance(m.get(key), type_):
            raise TypeError(f"{key} must be a {type_.__name__}")
    return Marche(
        id=m["id"],
        start=m["start"],
        initial_months=m["months"],
        renewals=int(m.get("renewals", 0)),
        renewal_months=int(m.get("renewal_months", m["months"])),
        parties_from=m.get("parties_from"),
        title=m.get("title"),
    )


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


#: How many policies keep their computed calendar and memo: a long-running server
#: loading thousands of policies stays flat (the least recently used go first).
POLICY_CACHE_SIZE = 16


@attrs.frozen
class Terms:
    """The convention's calendar and clauses as typed values, read once from its policy.

    Rules read these fields, never a policy key by its string (SPEC A.1, A.8).
    """

    market_start: dt.date
    initial_months: int
    renewal_months: int
    renewals: int
    basis: str  # "months" | "civil-years"
    marches: tuple[Marche, ...]  # empty: one marché, the convention's calendar
    family: str
    notice_months: int | None
    deadline_day: tuple[int, int] | None  # (month, day)
    deadline_inclusive: bool | None
    effect_day: tuple[int, int] | None
    late: str  # "deferred" | "too-late"
    forbidden_months: int
    forbidden_bars: str  # "effect" | "letter"
    request_date: str  # "sent" | "received" | "deliberation"
    requires_deliberation: bool
    reading_notes: Mapping[str, str]
    exclusion_by: str  # "judge" | "coordinator" | "committee" | "none"
    exclusion_notice_days: int | None
    coordinator: str
    citation: Citation  # the article of the withdrawal clause


def _month_day(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    month, day = value.split("-")
    return int(month), int(day)


_FAMILY_KEY = {
    "window-before-period-end": "withdrawal_notice_months",
    "notice-before-period-end": "withdrawal_notice_months",
    "notice-after-receipt": "withdrawal_notice_months",
    "notice-before-fixed-date": "withdrawal_deadline_day",
}


@functools.lru_cache(maxsize=POLICY_CACHE_SIZE)
def terms(policy: Policy) -> Terms:
    """The typed terms of a convention policy (computed once per policy, bounded cache)."""
    v, get = policy.value, policy.get
    family = v("withdrawal_family")
    raw_marches = get("marches")
    basis = v("period_basis")
    if get("exclusion_by") is not None:
        exclusion_by = v("exclusion_by")
    else:
        exclusion_by = "judge" if v("exclusion_requires_judgment") else "none"
    return Terms(
        market_start=v("market_start"),
        initial_months=v("initial_period_months"),
        renewal_months=v("renewal_months"),
        renewals=v("max_tacit_renewals"),
        basis=basis,
        marches=tuple(attrs.evolve(marche_from_table(m), basis=basis) for m in raw_marches or ()),
        family=family,
        notice_months=get("withdrawal_notice_months"),
        deadline_day=_month_day(get("withdrawal_deadline_day")),
        deadline_inclusive=get("withdrawal_deadline_inclusive"),
        effect_day=_month_day(get("withdrawal_effect_day")),
        late=get("withdrawal_late_letter", "deferred"),
        forbidden_months=forbidden_months(policy),
        forbidden_bars=v("withdrawal_forbidden_bars"),
        request_date=v("withdrawal_request_date"),
        requires_deliberation=v("withdrawal_requires_deliberation"),
        reading_notes=dict(get("withdrawal_reading_notes") or {}),
        exclusion_by=exclusion_by,
        exclusion_notice_days=get("exclusion_notice_days"),
        coordinator=v("coordinator"),
        citation=policy.citation(_FAMILY_KEY.get(family, "withdrawal_family")),
    )


def forbidden_months(policy: Policy) -> int:
    """Months during which no withdrawal takes effect.

    Unstated: the initial period for the families whose échéances are period
    ends (the first échéance is its end anyway), none for the others.
    """
    value = policy.value("withdrawal_forbidden_months")
    if value is not None:
        return int(value)
    if policy.value("withdrawal_family") in (
        "window-before-period-end",
        "notice-before-period-end",
    ):
        return int(policy.value("initial_period_months"))
    return 0


def forbidden_citation(policy: Policy) -> Citation:
    if policy.value("withdrawal_forbidden_months") is None:
        if policy.value("withdrawal_family") in (
            "window-before-period-end",
            "notice-before-period-end",
        ):
            return policy.citation("initial_period_months")
        return Citation(DEFAULT_SOURCE, "default: the text sets no period without withdrawal")
    return policy.citation("withdrawal_forbidden_months")


def end_citation(policy: Policy) -> Citation:
    """The article that ends the convention (its stated end, else its durations)."""
    if "convention_end" in policy.params:
        return policy.citation("convention_end")
    return policy.citation("max_tacit_renewals")
