"""Read a séance's facts from JSON or TOML (CLI ``check-seance``; issue 3 item 2).

The format is documented in ``docs/seance.md`` and by the JSON Schema shipped as
``groupement_rules/schemas/seance.schema.json``. Unknown keys and malformed values are
:class:`~groupement_rules.errors.InputError` naming the key path; an absent or null count
means unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import insee as _insee
from ..errors import InputError
from ..seance.facts import (
    COUNT_MAX,
    POPULATION_MAX,
    Commune,
    Convocation,
    DeclaredCounts,
    Deliberation,
    DeliberationKind,
    DeportArticle,
    Outcome,
    PresidentVote,
    Proxy,
    Seance,
    StandAside,
    Vote,
)
from .structured import MAX_DATE, Fields, load_document

KEYS = (
    "$schema",
    "commune",
    "date",
    "convocation",
    "president",
    "secretaries",
    "members",
    "absent",
    "proxies",
    "deliberations",
    "maire",
    "eldest",
)
COMMUNE_KEYS = ("name", "insee", "population")
CONVOCATION_KEYS = (
    "sent_on",
    "urgent",
    "second_convocation",
    "first_seance_on",
    "first_after_renewal",
    "quorum_notice",
)
PROXY_KEYS = ("from", "to", "consecutive_seances", "illness_certified")
DELIBERATION_KEYS = (
    "number",
    "title",
    "stood_aside",
    "arrived",
    "left",
    "vote",
    "outcome",
    "declared",
    "kind",
    "new_proxies",
    "president",
)
VOTE_KEYS = ("pour", "contre", "abstentions", "blancs_nuls", "secret", "unanimous", "president")
DECLARED_KEYS = ("en_exercice", "presents", "represented", "votants", "exprimes")
STAND_ASIDE_KEYS = ("name", "article")


def _choice(f: Fields, key: str, choices: tuple[str, ...]) -> str | None:
    v = f.raw(key)
    if v is None:
        return None
    if v not in choices:
        raise InputError(f.path(key), f"expected one of {', '.join(choices)} or null, got {v!r}")
    return str(v)


def _stood_aside(f: Fields) -> tuple[StandAside, ...]:
    out = []
    for i, item in enumerate(f.array("stood_aside")):
        where = f"{f.path('stood_aside')}[{i}]"
        if isinstance(item, str):
            if not item.strip():
                raise InputError(where, "expected a name, got an empty string")
            out.append(StandAside(item.strip()))
            continue
        s = Fields(item, where, STAND_ASIDE_KEYS)
        article = _choice(s, "article", tuple(a.value for a in DeportArticle))
        out.append(
            StandAside(
                s.req_string("name"),
                DeportArticle(article) if article else DeportArticle.L2131_11,
            )
        )
    return tuple(out)


def _number(f: Fields) -> str:
    v = f.raw("number")
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return f.req_string("number")


def _deliberation(f: Fields) -> Deliberation:
    vote = Vote()
    v = f.object("vote", VOTE_KEYS)
    if v is not None:
        president = _choice(v, "president", tuple(p.value for p in PresidentVote))
        vote = Vote(
            pour=v.integer("pour", maximum=COUNT_MAX),
            contre=v.integer("contre", maximum=COUNT_MAX),
            abstentions=v.integer("abstentions", maximum=COUNT_MAX),
            blancs_nuls=v.integer("blancs_nuls", maximum=COUNT_MAX),
            secret=bool(v.boolean("secret", False)),
            unanimous=bool(v.boolean("unanimous", False)),
            president=PresidentVote(president) if president else None,
        )
    declared = DeclaredCounts()
    c = f.object("declared", DECLARED_KEYS)
    if c is not None:
        declared = DeclaredCounts(**{k: c.integer(k, maximum=COUNT_MAX) for k in DECLARED_KEYS})
    outcome = _choice(f, "outcome", tuple(o.value for o in Outcome))
    kind = _choice(f, "kind", tuple(k.value for k in DeliberationKind))
    return Deliberation(
        number=_number(f),
        title=f.string("title"),
        stood_aside=_stood_aside(f),
        arrived=tuple(f.strings("arrived")),
        left=tuple(f.strings("left")),
        vote=vote,
        outcome=Outcome(outcome) if outcome else None,
        declared=declared,
        kind=DeliberationKind(kind) if kind else DeliberationKind.ORDINARY,
        new_proxies=tuple(_proxy(p) for p in f.objects("new_proxies", PROXY_KEYS)),
        president=f.string("president"),
    )


def _proxy(p: Fields) -> Proxy:
    return Proxy(
        giver=p.req_string("from"),
        holder=p.req_string("to"),
        consecutive_seances=p.integer("consecutive_seances", minimum=1, maximum=COUNT_MAX),
        illness_certified=bool(p.boolean("illness_certified", False)),
    )


def seance_from_dict(data: Any, where: str = "") -> Seance:
    """Build :class:`~groupement_rules.seance.facts.Seance` facts from a parsed JSON/TOML
    object (the format of ``docs/seance.md``)."""
    f = Fields(data, where, KEYS)
    commune = Commune()
    c = f.object("commune", COMMUNE_KEYS)
    if c is not None:
        insee = c.string("insee")
        if insee is not None:
            insee = _insee.normalise(insee, c.path("insee"))
        population = c.integer("population", maximum=POPULATION_MAX)
        commune = Commune(c.string("name"), insee, population)
    conv = Convocation()
    v = f.object("convocation", CONVOCATION_KEYS)
    if v is not None:
        first = v.date("first_seance_on")
        second = bool(v.boolean("second_convocation", False))
        if first is not None and not second:
            raise InputError(
                v.path("first_seance_on"), "only meaningful with second_convocation: true"
            )
        conv = Convocation(
            sent_on=v.date("sent_on"),
            urgent=bool(v.boolean("urgent", False)),
            second_convocation=second,
            first_seance_on=first,
            first_after_renewal=bool(v.boolean("first_after_renewal", False)),
            quorum_notice=bool(v.boolean("quorum_notice", False)),
        )
    date = f.req_date("date")
    if conv.sent_on is not None and conv.sent_on > date:
        raise InputError(f.path("convocation.sent_on"), f"after the séance ({date.isoformat()})")
    proxies = tuple(_proxy(p) for p in f.objects("proxies", PROXY_KEYS))
    deliberations = tuple(_deliberation(d) for d in f.objects("deliberations", DELIBERATION_KEYS))
    return Seance(
        date=date,
        commune=commune,
        convocation=conv,
        president=f.string("president"),
        secretaries=tuple(f.strings("secretaries")),
        members=tuple(f.strings("members")),
        absent=tuple(f.strings("absent")),
        proxies=proxies,
        deliberations=deliberations,
        maire=f.string("maire"),
        eldest=f.string("eldest"),
    )


def validate_seance_facts(data: Any, where: str = "") -> None:
    """Check séance facts as :func:`seance_from_dict` does (types, counts of 0 or more,
    real dates, known keys), except that the séance date and the délibérations'
    numbers may be unknown: for writers (``scdl-write``) that leave unknowns empty."""
    if isinstance(data, Mapping):
        data = dict(data)
        if data.get("date") is None:
            data["date"] = MAX_DATE  # a stand-in for the check only; never returned
        delibs = data.get("deliberations")
        if isinstance(delibs, list):
            data["deliberations"] = [
                {**d, "number": "?"} if isinstance(d, Mapping) and d.get("number") is None else d
                for d in delibs
            ]
    seance_from_dict(data, where)


def load_seance(path: str | Path) -> Seance:
    """Read a séance file (JSON or TOML, same keys)."""
    return seance_from_dict(load_document(path), str(path))


__all__ = ["load_seance", "seance_from_dict", "validate_seance_facts"]
