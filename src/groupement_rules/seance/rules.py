"""The rules of a municipal council séance (SPEC B.2), composed: one module per question.

Names (:mod:`.membership`), council size (:mod:`.council`), convocation
(:mod:`.convocation`), procurations (:mod:`.proxies`), attendance and counts at each item
(:mod:`.attendance`, :mod:`.counts`), quorum (:mod:`.quorum`), majority and unanimity
(:mod:`.majority`), secretary (:mod:`.secretary`).

Each check is a pure function of the séance facts and the CGCT parameters in force on the
séance's date (:func:`~groupement_rules.seance.policy.params_on`, cached per policy and
day); it returns findings (codes of SPEC B.4) and never raises for a negative answer.
:func:`check_seance` composes them into one :class:`~groupement_rules.decision.Decision`.

Counts the document does not give are None: a check that needs one says it could not run
(``checks-not-run``, info) rather than guessing.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import Any

from ..decision import Citation, ComputedDate, Decision, Finding, Interpretation, cites
from ..errors import InputError
from ..legal_time import jours_francs_between, latest_act_for_jours_francs, said
from ..policy import NoValueInForce, Policy
from .attendance import Tally, attendance, tally
from .budget import check_compte_administratif
from .context import INFO, Context, E, W, _context, _f, population_used
from .convocation import check_convocation, seance_delai
from .council import check_council_size
from .counts import check_deport_votants, check_exprimes, check_presence, checks_not_run
from .elections import check_election
from .facts import Deliberation, DeliberationKind, Seance
from .findings import CATALOGUE
from .majority import VoteTally, check_outcome, check_unanimity, vote_tally
from .membership import check_names
from .policy import SeanceParams, default_cgct, params_on
from .proxies import check_proxies, proxy_statuses
from .quorum import check_quorum
from .secretary import check_secretary

#: The finding codes of SPEC B.4, in its order.
SPEC_CODES = (
    "council-size-exceeded",
    "population-inferred",
    "convocation-too-late",
    "quorum-not-reached",
    "proxy-giver-present",
    "proxy-holder-absent",
    "proxy-holder-overloaded",
    "proxy-self",
    "proxy-holder-not-member",
    "proxy-used-by-deported",
    "deported-member-voted",
    "presence-mismatch",
    "votants-mismatch",
    "exprimes-mismatch",
    "votes-do-not-add-up",
    "votes-unaccounted",
    "outcome-mismatch",
    "unanimity-with-contre",
    "unanimity-of-exprimes",
    "secretary-not-present",
    "member-unknown",
    "member-listed-twice",
)


#: Codes added beyond SPEC B.4 (docs/seance.md says why).
EXTRA_CODES = (
    "checks-not-run",  # info: a check needed a count or fact the document does not give
    "proxy-expired",  # error: a procuration used beyond three consecutive séances (L2121-20)
    "second-convocation-interval",  # warning: too few jours francs to dispense with quorum
    "second-convocation-notice-missing",  # warning: Alsace-Moselle, L2541-4 1°
    "quorum-dispensed",  # info: quorum not reached, but not required (L2121-17, L2541-4)
    "maire-presides-compte-administratif",  # error: L2121-14
    "maire-voted-compte-administratif",  # error: L2121-14
    "election-not-presided-by-eldest",  # warning: L2122-8
    "policy-uncertain",  # info: a point of the law in force the policy cannot settle
)


CODES = SPEC_CODES + EXTRA_CODES


class SeanceAnswer(enum.StrEnum):
    """The verdict on a séance."""

    VALID = "valid"  # no error, no warning
    TO_REVIEW = "to-review"  # no error, but something does not add up or cannot be checked
    INVALID = "invalid"  # at least one error-level finding


def _computed(t: Tally, vt: VoteTally) -> dict[str, Any]:
    return {
        "en_exercice": t.en_exercice,
        "en_exercice_for_quorum": t.en_exercice_for_quorum,
        "presents": t.presents,
        "presents_for_quorum": t.presents_for_quorum,
        "represented": t.represented,
        "votants": t.votants,
        "exprimes": vt.exprimes,
        "quorum": t.quorum,
        "quorum_reached": t.quorum_reached,
        "adopted": vt.adopted,
        "adopted_basis": vt.basis,
        "stood_aside": list(t.stood_aside),
        "proxies": [{"from": g, "to": h} for g, h in t.proxies],
    }


def _declared(d: Deliberation) -> dict[str, int | None]:
    dc = d.declared
    return {
        "en_exercice": dc.en_exercice,
        "presents": dc.presents,
        "represented": dc.represented,
        "votants": dc.votants,
        "exprimes": dc.exprimes,
    }


def _params_data(p: SeanceParams) -> dict[str, Any]:
    return {
        "quorum_rule": p.quorum,
        "quorum_citation": str(p.cite("quorum")),
        "quorum_counts_represented": p.quorum_counts_represented,
        "max_proxies_per_holder": p.max_proxies_per_holder,
        "population_threshold": p.population_threshold,
        "l1111_6_removes_from_en_exercice": p.l1111_6_removes_from_en_exercice,
    }


def _presents_reading(p: SeanceParams) -> Interpretation:
    return Interpretation(
        key="declared_presents",
        value="with-deportes",
        alternatives=("without-deportes",),
        description_fr=(
            "le nombre de présents déclaré compte les membres présents à la séance, y compris "
            "ceux qui se déportent ; le nombre sans eux est aussi accepté. Le quorum, lui, ne "
            "compte pas les membres qui se déportent"
        ),
        description_en=(
            "the declared number of members present counts those present at the séance, "
            "including those standing aside; the number without them is also accepted. The "
            "quorum does not count members standing aside"
        ),
        citation=p.cite("deport_excludes_from_presents"),
    )


def _interpretations(ctx: Context, deport_seen: bool) -> tuple[Interpretation, ...]:
    p = ctx.params
    s = ctx.seance
    budget = any(d.kind is DeliberationKind.COMPTE_ADMINISTRATIF for d in s.deliberations)
    return _readings(
        p,
        deport_seen,
        s.commune.insee is None and p.alsace_moselle_local_law,
        budget and s.maire is None and s.president is not None,
    )


@functools.lru_cache(maxsize=256)
def _readings(
    p: SeanceParams, deport_seen: bool, insee_unknown: bool, maire_derived: bool
) -> tuple[Interpretation, ...]:
    out = [_presents_reading(p)] if deport_seen else []
    if insee_unknown:
        out.append(
            Interpretation(
                key="local_law",
                value="general",
                alternatives=("alsace-moselle",),
                description_fr=(
                    "code INSEE non renseigné : le droit général est appliqué ; une commune de "
                    "la Moselle, du Bas-Rhin ou du Haut-Rhin suit le droit local (convocation, "
                    "quorum, secrétaire : L2541-1 et suivants)"
                ),
                description_en=(
                    "INSEE code not given: the general law is applied; a commune of Moselle, "
                    "Bas-Rhin or Haut-Rhin follows the local law (convocation, quorum, "
                    "secretary: L2541-1 and following)"
                ),
                citation=p.cite("alsace_moselle_local_law"),
            )
        )
    if maire_derived:
        out.append(
            Interpretation(
                key="maire",
                value="seance-president",
                alternatives=("named-maire",),
                description_fr=(
                    "le maire n'est pas nommé : le président de la séance est tenu pour le "
                    "maire (« Le conseil municipal est présidé par le maire »), qui se retire "
                    "au moment du vote du compte administratif"
                ),
                description_en=(
                    "the maire is not named: the séance's president is taken to be the maire "
                    "(« Le conseil municipal est présidé par le maire »), who withdraws for the "
                    "vote of the compte administratif"
                ),
                citation=p.cite("compte_administratif_maire_withdraws"),
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=256)
def _base_citations(params: SeanceParams, delai: Citation) -> tuple[Citation, ...]:
    return cites(
        params.cite("council_size"),
        delai,
        params.cite("quorum"),
        params.cite("max_proxies_per_holder"),
        params.cite("exprimes_exclude"),
        params.cite("deport_excludes_from_presents"),
        params.cite("secretary_from_members"),
    )


def check_seance(seance: Seance, policy: Policy | None = None) -> Decision:
    """Check a séance and each of its délibérations with the CGCT parameters in force on its
    date (SPEC B.2). Findings carry ``deliberation`` (a number, or None for the séance)."""
    policy = policy or default_cgct()
    try:
        params = params_on(policy, seance.date)
    except NoValueInForce as e:
        raise InputError(
            "date", f"no CGCT parameter {e.key!r} in force on {seance.date.isoformat()}"
        ) from None
    ctx = _context(seance, params)
    findings: list[Finding] = []
    findings += check_names(ctx)
    findings += check_council_size(ctx)
    findings += check_convocation(ctx)
    statuses = proxy_statuses(ctx)
    presence = attendance(ctx)
    findings += check_proxies(ctx, statuses, (x for x, _ in presence))
    findings += check_secretary(ctx)
    findings += [
        CATALOGUE.emit(
            "policy-uncertain", params.cite("uncertain"), point_fr=point["fr"], point_en=point["en"]
        )
        for point in params.uncertain
    ]
    if seance.convocation.sent_on is None:
        findings.append(
            _f(
                "checks-not-run",
                INFO,
                "Date d'envoi de la convocation non renseignée : délai non vérifié.",
                "Convocation sending date not given: the délai is not checked.",
                params.cite("convocation_jours_francs_small"),
                missing=["convocation.sent_on"],
            )
        )
    delibs: list[dict[str, Any]] = []
    deport_seen = False
    for d, (present, notes) in zip(seance.deliberations, presence, strict=True):
        t = tally(ctx, d, present, statuses, notes)
        vt = vote_tally(ctx, d, t)
        deport_seen = deport_seen or bool(d.stood_aside)
        findings += check_presence(ctx, d, t)
        findings += check_quorum(ctx, d, t)
        findings += check_deport_votants(ctx, d, t)
        findings += check_exprimes(ctx, d, t, vt)
        findings += check_outcome(ctx, d, vt)
        findings += check_unanimity(ctx, d)
        findings += check_compte_administratif(ctx, d)
        findings += check_election(ctx, d)
        findings += checks_not_run(ctx, d, t, vt)
        delibs.append(
            {
                "number": d.number,
                "title": d.title,
                "outcome": d.outcome.value if d.outcome else None,
                "declared": _declared(d),
                "computed": _computed(t, vt),
            }
        )
    answer = (
        SeanceAnswer.INVALID
        if any(f.severity is E for f in findings)
        else SeanceAnswer.TO_REVIEW
        if any(f.severity is W for f in findings)
        else SeanceAnswer.VALID
    )
    dates: tuple[ComputedDate, ...] = ()
    conv = seance.convocation
    pop, inferred = population_used(ctx)
    delai = seance_delai(ctx)
    latest = latest_act_for_jours_francs(seance.date, delai.jours_francs)
    dates = (
        ComputedDate(
            "latest_sending_day",
            latest,
            f"{said(seance.date)} − ({delai.jours_francs} + 1) jours",
            delai.citation,
            how_en=f"{said(seance.date, 'en')} − ({delai.jours_francs} + 1) days",
        ),
    )
    interpretations = _interpretations(ctx, deport_seen)
    citations = _base_citations(params, delai.citation)
    extra = [f.citation for f in findings if f.citation not in citations]
    if extra:
        citations = cites(*citations, *extra)
    c = seance.commune
    return Decision(
        question="seance",
        answer=answer,
        inputs={
            "date": seance.date.isoformat(),
            "commune": c.name,
            "insee": c.insee,
            "population": c.population,
        },
        policy=policy.ref,
        dates=dates,
        findings=findings,
        interpretations=interpretations,
        citations=citations,
        data={
            "seance": {
                "date": seance.date.isoformat(),
                "commune": c.name,
                "president": seance.president,
                "secretaries": list(seance.secretaries),
                "en_exercice": ctx.en_exercice,
                "population_used": pop,
                "population_inferred": inferred,
                "local_law": (
                    "alsace-moselle"
                    if ctx.local_law
                    else "general"
                    if ctx.alsace_moselle is False
                    else "general-insee-unknown"
                ),
                "convocation": {
                    "sent_on": conv.sent_on.isoformat() if conv.sent_on else None,
                    "jours_francs": (
                        jours_francs_between(conv.sent_on, seance.date) if conv.sent_on else None
                    ),
                    "required_jours_francs": delai.jours_francs,
                    "regime": delai.regime,
                    "latest_sending_day": latest.isoformat(),
                },
            },
            "parameters": _params_data(params),
            "deliberations": delibs,
        },
    )


def codes_by_deliberation(decision: Decision) -> Mapping[str | None, list[str]]:
    """The finding codes of a séance decision grouped by délibération number (None: séance)."""
    out: dict[str | None, list[str]] = {}
    for f in decision.findings:
        out.setdefault(f.deliberation, []).append(f.code)
    return out


__all__ = [
    "CODES",
    "EXTRA_CODES",
    "SPEC_CODES",
    "SeanceAnswer",
    "check_seance",
    "codes_by_deliberation",
]
