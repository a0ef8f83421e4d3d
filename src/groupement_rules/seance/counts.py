"""The declared counts against the computed ones (SPEC B.2.6): présents, représentés,
votants, suffrages exprimés; and the checks that could not run for want of a count."""

from __future__ import annotations

from .. import labels
from ..decision import Finding, format_message
from . import budget, elections
from .attendance import Tally
from .context import INFO, Context, E, W, _f
from .facts import Deliberation, DeportArticle
from .findings import CATALOGUE
from .majority import VoteTally


def check_presence(ctx: Context, d: Deliberation, t: Tally) -> list[Finding]:
    """présents + absents = en exercice; the declared counts of attendance (en exercice,
    présents, représentés) match the members listed (L2121-15: the procès-verbal names the
    members present or represented)."""
    cit = ctx.params.cite("declared_counts")
    out: list[Finding] = []
    dc = d.declared
    checks: list[tuple[str, int | None, int | None, tuple[int, ...]]] = []
    if ctx.names_known:
        checks.append(("en_exercice", dc.en_exercice, t.en_exercice, ()))
        alt = (t.presents - t.deported_present,) if t.presents is not None else ()
        checks.append(("presents", dc.presents, t.presents, alt))
    checks.append(("represented", dc.represented, t.represented, ()))
    for field, declared, computed, alternatives in checks:
        if declared is None or computed is None or declared == computed:
            continue
        if declared in alternatives and t.deported_present:
            continue  # présents declared without the members standing aside: also a reading
        out.append(
            _f(
                "presence-mismatch",
                W,
                f"{labels.field_label('declared.' + field, 'fr').capitalize()} : {declared} "
                f"déclaré, {computed} d'après les noms.",
                f"{labels.field_label('declared.' + field, 'en').capitalize()}: {declared} "
                f"declared, {computed} from the names.",
                cit,
                d.number,
                field=field,
                declared=declared,
                computed=computed,
            )
        )
    for name, what in t.presence_notes:
        fr = "arrive alors qu'il ou elle est déjà présent(e)"
        en = "arrives while already present"
        if what == "left-absent":
            fr, en = "part alors qu'il ou elle n'est pas présent(e)", "leaves while not present"
        out.append(
            _f(
                "presence-mismatch",
                W,
                f"« {name} » {fr}.",
                f"'{name}' {en}.",
                cit,
                d.number,
                field=what,
                name=name,
            )
        )
    return out


def check_deport_votants(ctx: Context, d: Deliberation, t: Tally) -> list[Finding]:
    """« Sont illégales les délibérations auxquelles ont pris part un ou plusieurs membres du
    conseil intéressés à l'affaire qui en fait l'objet, soit en leur nom personnel, soit
    comme mandataires. » (L2131-11). Compares the declared votants with the members who
    could vote (présents not standing aside + usable procurations, SPEC B.2.6)."""
    p = ctx.params
    out: list[Finding] = []
    pres = ctx.seance.president
    if pres is not None and d.vote.president is not None:
        pk = ctx.key(pres)
        if any(ctx.key(s.name) == pk for s in d.stood_aside):
            out.append(
                _f(
                    "deported-member-voted",
                    E,
                    f"Le président « {pres} » se déporte mais son vote est indiqué "
                    f"({d.vote.president}).",
                    f"The president '{pres}' stands aside but his or her vote is recorded "
                    f"({d.vote.president}).",
                    p.cite("deport_excludes_from_presents"),
                    d.number,
                    name=pres,
                    vote=str(d.vote.president),
                )
            )
    declared = d.declared.votants
    if declared is None or t.votants is None or declared == t.votants:
        return out
    extra = declared - t.votants
    k, j = t.deported_present, t.proxies_lost_to_deport
    aside = ctx.stood_aside(d)
    only_maire = len(aside) == 1 and aside[0].article is DeportArticle.L2121_14
    if only_maire and not d.stood_aside and extra == 1 and k == 1 and not j:
        # the maire, who « doit se retirer au moment du vote » (L2121-14 al. 2), voted
        out.append(
            CATALOGUE.emit(
                "maire-voted-compte-administratif",
                p.cite("compte_administratif_maire_withdraws"),
                deliberation=d.number,
                declared=declared,
                computed=t.votants,
                extra=extra,
                name=aside[0].name,
            )
        )
        return out
    if k and j and extra == k + j:
        codes = ["deported-member-voted", "proxy-used-by-deported"]
    elif k and extra == k:
        codes = ["deported-member-voted"]
    elif j and extra == j:
        codes = ["proxy-used-by-deported"]
    else:
        codes = ["votants-mismatch"]
    for code in codes:
        if code == "deported-member-voted":
            out.append(
                _f(
                    code,
                    E,
                    f"{declared} votants déclarés, {t.votants} calculés : l'écart ({extra}) "
                    f"correspond aux membres qui se déportent ({', '.join(t.stood_aside)}), "
                    "comptés comme votants.",
                    f"{declared} votants declared, {t.votants} computed: the difference ({extra}) "
                    f"is the members standing aside ({', '.join(t.stood_aside)}), counted as "
                    "voting.",
                    p.cite("deport_excludes_from_presents"),
                    d.number,
                    declared=declared,
                    computed=t.votants,
                    stood_aside=list(t.stood_aside),
                )
            )
        elif code == "proxy-used-by-deported":
            out.append(
                _f(
                    code,
                    E,
                    f"{declared} votants déclarés, {t.votants} calculés : l'écart ({extra}) "
                    "correspond aux procurations d'un membre qui se déporte, qui ne peuvent "
                    "pas servir.",
                    f"{declared} votants declared, {t.votants} computed: the difference ({extra}) "
                    "is the procurations of a member standing aside, which cannot be used.",
                    p.cite("deport_excludes_from_presents"),
                    d.number,
                    declared=declared,
                    computed=t.votants,
                    proxies=j,
                )
            )
        else:
            out.append(
                _f(
                    code,
                    W,
                    f"{declared} votants déclarés, {t.votants} calculés ({t.presents_for_quorum} "
                    f"présents ne se déportant pas + {t.represented} procurations).",
                    f"{declared} votants declared, {t.votants} computed "
                    f"({t.presents_for_quorum} present not standing aside + {t.represented} "
                    "procurations).",
                    p.cite("declared_counts"),
                    d.number,
                    declared=declared,
                    computed=t.votants,
                )
            )
    return out


def check_exprimes(ctx: Context, d: Deliberation, t: Tally, vt: VoteTally) -> list[Finding]:
    """« suffrages exprimés = votants − abstentions − blancs/nuls; pour + contre = suffrages
    exprimés » (SPEC B.2.6, after L2121-20). When abstentions are not recorded, votes that
    nobody accounts for are ``votes-unaccounted`` (a warning), not a mismatch."""
    p = ctx.params
    cit = p.cite("exprimes_exclude")
    v = d.vote
    out: list[Finding] = []
    declared = d.declared.exprimes
    if declared is not None and t.votants is not None:
        if vt.exprimes is not None:
            if declared != vt.exprimes:
                out.append(
                    _f(
                        "exprimes-mismatch",
                        W,
                        f"{declared} suffrages exprimés déclarés, {vt.exprimes} calculés "
                        f"({t.votants} votants − abstentions et blancs/nuls).",
                        f"{declared} suffrages exprimés declared, {vt.exprimes} computed "
                        f"({t.votants} votants − abstentions and blank/spoilt).",
                        cit,
                        d.number,
                        declared=declared,
                        computed=vt.exprimes,
                        votants=t.votants,
                    )
                )
        else:
            recorded = (v.abstentions or 0) + (v.blancs_nuls or 0)
            gap = t.votants - declared - recorded
            if gap > 0:
                out.append(
                    _f(
                        "votes-unaccounted",
                        W,
                        "{votants:pl(membre|membres)} {votants:pw(pouvait|pouvaient)} voter, "
                        "{exprimes} suffrages exprimés déclarés : {unaccounted} voix sans "
                        "explication (abstention non consignée, ou erreur de décompte).",
                        "{votants:pl(member|members)} could vote, {exprimes} suffrages exprimés "
                        "declared: {unaccounted:pl(vote|votes)} unaccounted for (an abstention "
                        "not recorded, or a miscount).",
                        cit,
                        d.number,
                        template=True,
                        votants=t.votants,
                        exprimes=declared,
                        recorded_not_exprimes=recorded,
                        unaccounted=gap,
                    )
                )
            elif gap < 0:
                out.append(
                    _f(
                        "exprimes-mismatch",
                        W,
                        f"{declared} suffrages exprimés déclarés pour {t.votants} votants "
                        f"seulement ({recorded} non exprimés consignés).",
                        f"{declared} suffrages exprimés declared for only {t.votants} votants "
                        f"({recorded} recorded as not exprimés).",
                        cit,
                        d.number,
                        declared=declared,
                        votants=t.votants,
                        recorded_not_exprimes=recorded,
                    )
                )
    if v.pour is not None and v.contre is not None:
        ref = vt.exprimes if vt.exprimes is not None else declared
        total = v.pour + v.contre
        if ref is not None and total != ref:
            out.append(
                _f(
                    "votes-do-not-add-up",
                    W,
                    f"{v.pour} pour + {v.contre} contre = {total}, pour {ref} suffrages exprimés.",
                    f"{v.pour} for + {v.contre} against = {total}, for {ref} suffrages exprimés.",
                    cit,
                    d.number,
                    pour=v.pour,
                    contre=v.contre,
                    exprimes=ref,
                )
            )
        elif ref is None and t.votants is not None:
            recorded = total + (v.abstentions or 0) + (v.blancs_nuls or 0)
            if recorded > t.votants:
                out.append(
                    _f(
                        "votes-do-not-add-up",
                        W,
                        "{recorded:pl(voix consignée|voix consignées)} pour "
                        "{votants:pl(votant|votants)}.",
                        "{recorded:pl(vote|votes)} recorded for {votants:pl(votant|votants)}.",
                        cit,
                        d.number,
                        template=True,
                        recorded=recorded,
                        votants=t.votants,
                    )
                )
            elif recorded < t.votants:
                out.append(
                    _f(
                        "votes-unaccounted",
                        W,
                        format_message(
                            "{v:pl(membre|membres)} {v:pw(pouvait|pouvaient)} voter, {r} voix "
                            "consignées : {gap} voix sans explication.",
                            {"v": t.votants, "r": recorded, "gap": t.votants - recorded},
                            "fr",
                        ),
                        format_message(
                            "{v:pl(member|members)} could vote, {r:pl(vote|votes)} recorded: "
                            "{gap} unaccounted for.",
                            {"v": t.votants, "r": recorded, "gap": t.votants - recorded},
                            "en",
                        ),
                        cit,
                        d.number,
                        votants=t.votants,
                        recorded=recorded,
                        unaccounted=t.votants - recorded,
                    )
                )
    return out


def checks_not_run(ctx: Context, d: Deliberation, t: Tally, vt: VoteTally) -> list[Finding]:
    """Say which checks of this délibération could not run for want of a count."""
    v = d.vote
    missing: list[str] = []
    if t.quorum_reached is None:
        missing.append("quorum")
    for field in ("en_exercice", "presents", "represented", "votants", "exprimes"):
        if getattr(d.declared, field) is None:
            missing.append(f"declared.{field}")
    if v.pour is None and v.contre is None and not v.unanimous:
        missing.append("vote.pour/contre")
    if v.abstentions is None:
        missing.append("vote.abstentions")
    if vt.adopted is None:
        missing.append("majority")
    missing += budget.missing_facts(ctx, d) + elections.missing_facts(ctx, d)
    if not missing:
        return []
    return [
        _f(
            "checks-not-run",
            INFO,
            "Non renseigné, donc non vérifié : {missing:fields}.",
            "Not given, so not checked: {missing:fields}.",
            ctx.params.cite("declared_counts"),
            d.number,
            template=True,
            missing=missing,
        )
    ]


__all__ = ["check_deport_votants", "check_exprimes", "check_presence", "checks_not_run"]
