"""The rules of a municipal council séance (SPEC B.2), one function per check.

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
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .. import labels
from ..decision import Citation, ComputedDate, Decision, Finding, Interpretation, Severity, cites
from ..errors import InputError
from ..legal_time import jours_francs_between, latest_act_for_jours_francs, said
from ..policy import NoValueInForce, Policy
from .convocation import required_delai
from .facts import Deliberation, DeportArticle, PresidentVote, Proxy, Seance
from .names import Roster, name_words, roster
from .policy import SeanceParams, default_cgct, params_on

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
)

CODES = SPEC_CODES + EXTRA_CODES


class SeanceAnswer(enum.StrEnum):
    """The verdict on a séance."""

    VALID = "valid"  # no error, no warning
    TO_REVIEW = "to-review"  # no error, but something does not add up or cannot be checked
    INVALID = "invalid"  # at least one error-level finding


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Who a name designates: a member's index when the members are listed, else the name's words.
Key = int | tuple[str, ...]


def _f(
    code: str,
    severity: Severity,
    fr: str,
    en: str,
    citation: Citation,
    deliberation: str | None = None,
    **values: Any,
) -> Finding:
    return Finding(code, severity, fr, en, citation, values, deliberation=deliberation)


# -- context: the séance's names resolved once --------------------------------------------


@attrs.frozen(eq=False)
class Context:
    """A séance with its parameters and its names resolved (built once per check)."""

    seance: Seance
    params: SeanceParams
    roster: Roster | None  # None when the document does not list the members
    absent: frozenset[Key]
    present0: frozenset[Key] | None  # present at the opening (None: members not listed)
    unknown: tuple[tuple[str, str, str | None], ...]  # (name, role, deliberation)
    population: tuple[int | None, bool] = (None, False)  # used for the threshold; inferred?

    @property
    def names_known(self) -> bool:
        return self.roster is not None

    @property
    def en_exercice(self) -> int | None:
        if self.roster is not None:
            return len(self.roster) - len(self.roster.duplicates)
        for d in self.seance.deliberations:
            if d.declared.en_exercice is not None:
                return d.declared.en_exercice
        return None

    def key(self, name: str) -> Key | None:
        """The member ``name`` designates (None: not a member, or ambiguous)."""
        if self.roster is None:
            return name_words(name)
        return self.roster.find(name)

    def label(self, key: Key) -> str:
        if isinstance(key, int) and self.roster is not None:
            return self.roster.names[key]
        return " ".join(key) if isinstance(key, tuple) else str(key)


def _context(seance: Seance, params: SeanceParams) -> Context:
    ros = roster(seance.members) if seance.members else None
    unknown: list[tuple[str, str, str | None]] = []

    def key(name: str, role: str, delib: str | None = None) -> Key | None:
        if ros is None:
            return name_words(name)
        k = ros.find(name)
        if k is None:
            unknown.append((name, role, delib))
        return k

    if seance.president is not None:
        key(seance.president, "president")
    for name in seance.secretaries:
        key(name, "secretary")
    absent = frozenset(k for n in seance.absent if (k := key(n, "absent")) is not None)
    for p in seance.proxies:
        key(p.giver, "proxy-giver")
    for d in seance.deliberations:
        for s in d.stood_aside:
            key(s.name, "stood-aside", d.number)
        for n in d.arrived:
            key(n, "arrived", d.number)
        for n in d.left:
            key(n, "left", d.number)
    present0 = None
    if ros is not None:
        everyone = frozenset(range(len(ros))) - frozenset(ros.duplicates)
        present0 = everyone - absent
    ctx = Context(seance, params, ros, absent, present0, tuple(unknown))
    return attrs.evolve(ctx, population=_population_used(ctx))


# -- names (SPEC B.1) ------------------------------------------------------------------------


ROLES_FR = {
    "president": "président",
    "secretary": "secrétaire de séance",
    "absent": "absent",
    "proxy-giver": "donne procuration",
    "stood-aside": "se déporte",
    "arrived": "arrive",
    "left": "part",
}


def check_names(ctx: Context) -> list[Finding]:
    """Every name the document uses designates one member en exercice, listed once.

    « Les conseillers municipaux […] en exercice » are the members the procès-verbal names
    (L2121-15): a name that designates nobody, or several members, cannot be checked; a
    member listed twice would be counted twice.
    """
    s = ctx.seance
    cit = ctx.params.counts_citation
    out: list[Finding] = []
    if ctx.roster is not None:
        for i in ctx.roster.duplicates:
            name = ctx.roster.names[i]
            out.append(
                _f(
                    "member-listed-twice",
                    W,
                    f"« {name} » figure deux fois parmi les membres en exercice.",
                    f"'{name}' is listed twice among the members en exercice.",
                    cit,
                    name=name,
                    list="members",
                )
            )
    for list_name, names in (
        ("absent", s.absent),
        ("secretaries", s.secretaries),
        ("proxies.from", tuple(p.giver for p in s.proxies)),
    ):
        seen: set[Key] = set()
        for n in names:
            k = ctx.key(n)
            if k is None:
                continue
            if k in seen:
                out.append(
                    _f(
                        "member-listed-twice",
                        W,
                        f"« {n} » figure deux fois dans la liste {list_name}.",
                        f"'{n}' is listed twice in {list_name}.",
                        cit,
                        name=n,
                        list=list_name,
                    )
                )
            seen.add(k)
    for name, role, delib in ctx.unknown:
        out.append(
            _f(
                "member-unknown",
                W,
                f"« {name} » ({ROLES_FR.get(role, role)}) ne désigne aucun membre en exercice, "
                "ou en désigne plusieurs.",
                f"'{name}' ({role}) designates no member en exercice, or several.",
                cit,
                delib,
                name=name,
                role=role,
            )
        )
    return out


# -- council size (L2121-2, R2151-4) ---------------------------------------------------------


def population_used(ctx: Context) -> tuple[int | None, bool]:
    """The population deciding the 3 500 threshold, and whether it was inferred."""
    return ctx.population


def _population_used(ctx: Context) -> tuple[int | None, bool]:
    pop = ctx.seance.commune.population
    if pop is not None:
        return pop, False
    n = ctx.en_exercice
    if n is None:
        return None, False
    bracket = ctx.params.bracket_for(n)
    if bracket is None:
        return None, False
    return bracket[0], True


def check_council_size(ctx: Context) -> list[Finding]:
    """« Le nombre des membres du conseil municipal des communes est fixé conformément au
    tableau ci-après » (L2121-2), for the population authenticated at the last general
    renewal (R2151-4). En exercice ≤ seats; vacancies make it smaller; communes nouvelles
    and the « réputé complet » rule (L2121-2-1) make exceptions, hence a warning. When the
    population is unknown, the smallest bracket consistent with the members en exercice is
    inferred, and said (``population-inferred``)."""
    p = ctx.params
    n = ctx.en_exercice
    pop = ctx.seance.commune.population
    if n is None:
        return []
    if pop is not None:
        seats = p.seats(pop)
        if n > seats:
            return [
                _f(
                    "council-size-exceeded",
                    W,
                    f"{n} membres en exercice pour {seats} sièges (population {pop}) : vérifier "
                    "une exception (commune nouvelle, L2121-2-1).",
                    f"{n} members en exercice for {seats} seats (population {pop}): check for "
                    "an exception (commune nouvelle, L2121-2-1).",
                    p.size_citation,
                    en_exercice=n,
                    seats=seats,
                    population=pop,
                )
            ]
        return []
    bracket = p.bracket_for(n)
    if bracket is None:
        most = p.size_table[-1][1]
        return [
            _f(
                "council-size-exceeded",
                W,
                f"{n} membres en exercice : plus que le plus grand conseil du tableau ({most}).",
                f"{n} members en exercice: more than the largest council of the table ({most}).",
                p.size_citation,
                en_exercice=n,
                seats=most,
                population=None,
            )
        ]
    lowest, highest, seats = bracket
    span_fr = f"{lowest} à {highest}" if highest is not None else f"{lowest} et plus"
    span_en = f"{lowest} to {highest}" if highest is not None else f"{lowest} or more"
    return [
        _f(
            "population-inferred",
            INFO,
            f"Population inconnue : {n} membres en exercice supposent au moins la tranche "
            f"{span_fr} habitants ({seats} sièges) ; retenue pour la suite.",
            f"Population unknown: {n} members en exercice imply at least the bracket "
            f"{span_en} inhabitants ({seats} seats); used below.",
            p.size_citation,
            en_exercice=n,
            population_min=lowest,
            population_max=highest,
            seats=seats,
        )
    ]


# -- convocation (L2121-7, L2121-11, L2121-12, L2121-17) -----------------------------------


def check_convocation(ctx: Context) -> list[Finding]:
    """« la convocation est adressée trois jours francs au moins avant celui de la réunion »
    (L2121-11); « Le délai de convocation est fixé à cinq jours francs » (L2121-12); urgency:
    « sans pouvoir être toutefois inférieur à un jour franc »; first séance after a general
    renewal: three jours francs (L2121-7). A second convocation after a séance without quorum
    comes « à trois jours au moins d'intervalle » (L2121-17), read as jours francs."""
    s = ctx.seance
    c = s.convocation
    p = ctx.params
    out: list[Finding] = []
    if c.second_convocation and c.first_seance_on is not None:
        gap = jours_francs_between(c.first_seance_on, s.date)
        if gap < p.second_interval:
            out.append(
                _f(
                    "convocation-too-late",
                    E,
                    f"Seconde convocation : {gap} jour(s) franc(s) seulement depuis la séance "
                    f"sans quorum du {c.first_seance_on:%d/%m/%Y} ; il en faut "
                    f"{p.second_interval}. La séance ne peut délibérer sans quorum.",
                    f"Second convocation: only {gap} jour(s) franc(s) since the séance without "
                    f"quorum of {c.first_seance_on.isoformat()}; {p.second_interval} are "
                    "required. The séance cannot deliberate without quorum.",
                    p.second_interval_citation,
                    first_seance_on=c.first_seance_on.isoformat(),
                    jours_francs=gap,
                    required=p.second_interval,
                )
            )
    if c.sent_on is None:
        return out
    pop, _ = population_used(ctx)
    delai = required_delai(p, pop, urgent=c.urgent, first_after_renewal=c.first_after_renewal)
    left = jours_francs_between(c.sent_on, s.date)
    if left < delai.jours_francs:
        latest = latest_act_for_jours_francs(s.date, delai.jours_francs)
        out.append(
            _f(
                "convocation-too-late",
                E,
                f"Convocation envoyée le {c.sent_on:%d/%m/%Y} : {left} jour(s) franc(s) avant la "
                f"séance du {s.date:%d/%m/%Y}, il en faut {delai.jours_francs} (envoi au plus "
                f"tard le {latest:%d/%m/%Y}).",
                f"Convocation sent on {c.sent_on.isoformat()}: {left} jour(s) franc(s) before "
                f"the séance of {s.date.isoformat()}; {delai.jours_francs} are required (send "
                f"by {latest.isoformat()}).",
                delai.citation,
                sent_on=c.sent_on.isoformat(),
                jours_francs=left,
                required=delai.jours_francs,
                regime=delai.regime,
                latest_sending_day=latest.isoformat(),
            )
        )
    return out


# -- procurations (L2121-20) ------------------------------------------------------------------


@attrs.frozen
class ProxyStatus:
    """A procuration and whether it can be used at all (before attendance at each item)."""

    proxy: Proxy
    giver: Key | None
    holder: Key | None
    valid: bool  # not self, holder a member, within the holder's limit, not expired


def proxy_statuses(ctx: Context) -> tuple[ProxyStatus, ...]:
    """Each procuration with its static validity (the first ones within a holder's limit)."""
    p = ctx.params
    held: dict[Key, int] = {}
    givers: set[Key] = set()
    out = []
    for pr in ctx.seance.proxies:
        g, h = ctx.key(pr.giver), ctx.key(pr.holder)
        valid = g is not None and h is not None and g != h and g not in givers
        if (
            pr.consecutive_seances is not None
            and pr.consecutive_seances > p.proxy_max_seances
            and not pr.illness_certified
        ):
            valid = False
        if valid:
            assert h is not None
            held[h] = held.get(h, 0) + 1
            if held[h] > p.max_proxies:
                valid = False
        if g is not None:
            givers.add(g)
        out.append(ProxyStatus(pr, g, h, valid))
    return tuple(out)


def check_proxies(
    ctx: Context,
    statuses: Iterable[ProxyStatus],
    presence: Iterable[frozenset[Key] | None] = (),
) -> list[Finding]:
    """« Un conseiller municipal empêché d'assister à une séance peut donner à un collègue de
    son choix pouvoir écrit de voter en son nom. Un même conseiller municipal ne peut être
    porteur que d'un seul pouvoir. […] Sauf cas de maladie dûment constatée, il ne peut être
    valable pour plus de trois séances consécutives. » (L2121-20; two pouvoirs under the
    state of health emergency regimes). The giver is absent, the holder a present member,
    nobody represents themself. A member who leaves during the séance may give a procuration
    for the items that follow, and a holder who arrives late may use it from then on:
    ``presence`` (who is present at each item) says whether that ever happens."""
    p = ctx.params
    cit = p.max_proxies_citation
    items = [x for x in presence if x is not None]
    if ctx.present0 is not None:
        items = items or [ctx.present0]
        always_present = frozenset.intersection(ctx.present0, *items)
        ever_present = frozenset.union(ctx.present0, *items)
    else:
        always_present, ever_present = frozenset(), frozenset()
    out: list[Finding] = []
    counts: dict[Key, list[str]] = {}
    for st in statuses:
        pr = st.proxy
        if st.giver is not None and st.giver == st.holder:
            out.append(
                _f(
                    "proxy-self",
                    E,
                    f"« {pr.giver} » se donne procuration à lui-même ou elle-même.",
                    f"'{pr.giver}' gives a procuration to themself.",
                    cit,
                    giver=pr.giver,
                    holder=pr.holder,
                )
            )
            continue
        if st.holder is None:
            out.append(
                _f(
                    "proxy-holder-not-member",
                    E,
                    f"Le porteur de la procuration de « {pr.giver} », « {pr.holder} », n'est pas "
                    "un membre en exercice (« un collègue »).",
                    f"The holder of '{pr.giver}''s procuration, '{pr.holder}', is not a member "
                    "en exercice ('un collègue').",
                    cit,
                    giver=pr.giver,
                    holder=pr.holder,
                )
            )
        else:
            counts.setdefault(st.holder, []).append(pr.giver)
            if st.holder in ctx.absent and (ctx.present0 is None or st.holder not in ever_present):
                out.append(
                    _f(
                        "proxy-holder-absent",
                        E,
                        f"« {pr.holder} », porteur de la procuration de « {pr.giver} », est "
                        "absent(e) : la procuration ne peut pas être exercée.",
                        f"'{pr.holder}', holder of '{pr.giver}''s procuration, is absent: the "
                        "procuration cannot be used.",
                        cit,
                        giver=pr.giver,
                        holder=pr.holder,
                    )
                )
        if st.giver is not None and st.giver in always_present:
            out.append(
                _f(
                    "proxy-giver-present",
                    E,
                    f"« {pr.giver} » a donné procuration mais n'est pas noté(e) absent(e) : "
                    "seul un conseiller empêché d'assister à la séance peut la donner.",
                    f"'{pr.giver}' gave a procuration but is not listed as absent: only a "
                    "member unable to attend may give one.",
                    cit,
                    giver=pr.giver,
                    holder=pr.holder,
                )
            )
        if (
            pr.consecutive_seances is not None
            and pr.consecutive_seances > p.proxy_max_seances
            and not pr.illness_certified
        ):
            out.append(
                _f(
                    "proxy-expired",
                    E,
                    f"La procuration de « {pr.giver} » sert pour la {pr.consecutive_seances}e "
                    f"séance consécutive ; au plus {p.proxy_max_seances} sauf maladie dûment "
                    "constatée.",
                    f"'{pr.giver}''s procuration serves for the {pr.consecutive_seances}th "
                    f"consecutive séance; at most {p.proxy_max_seances} unless illness is "
                    "certified.",
                    p.proxy_max_seances_citation,
                    giver=pr.giver,
                    consecutive_seances=pr.consecutive_seances,
                    maximum=p.proxy_max_seances,
                )
            )
    for holder, givers in counts.items():
        if len(givers) > p.max_proxies:
            name = ctx.label(holder)
            out.append(
                _f(
                    "proxy-holder-overloaded",
                    E,
                    f"« {name} » porte {len(givers)} procurations ({', '.join(givers)}) ; au plus "
                    f"{p.max_proxies} à cette date. Seule(s) la ou les première(s) sont "
                    "comptée(s).",
                    f"'{name}' holds {len(givers)} procurations ({', '.join(givers)}); at most "
                    f"{p.max_proxies} on this date. Only the first are counted.",
                    cit,
                    holder=name,
                    givers=givers,
                    maximum=p.max_proxies,
                )
            )
    return out


# -- attendance and counts at each item --------------------------------------------------


@attrs.frozen
class Tally:
    """The counts computed for one délibération (SPEC B.2.3, B.2.5, B.2.6)."""

    en_exercice: int | None
    en_exercice_for_quorum: int | None
    presents: int | None  # in the séance at this item, déportés included
    presents_for_quorum: int | None  # présents not standing aside
    represented: int | None  # usable procurations
    votants: int | None
    quorum: int | None
    quorum_reached: bool | None
    stood_aside: tuple[str, ...]
    deported_present: int  # déportés present in the séance
    proxies_lost_to_deport: int  # procurations not usable because giver or holder stands aside
    proxies: tuple[tuple[str, str], ...]  # (giver, holder) counted
    presence_notes: tuple[tuple[str, str], ...]  # (name, "arrived-present" | "left-absent")


def tally(
    ctx: Context,
    deliberation: Deliberation,
    present: frozenset[Key] | None,
    statuses: tuple[ProxyStatus, ...],
    notes: tuple[tuple[str, str], ...] = (),
) -> Tally:
    """Compute the attendance counts of ``deliberation`` given who is ``present``.

    « Le conseil municipal ne délibère valablement que lorsque la majorité de ses membres en
    exercice est présente » (L2121-17); a member who stands aside is not counted present
    for that item (L2131-11), nor, under L1111-6, among the members en exercice."""
    p = ctx.params
    d = deliberation
    aside = [ctx.key(s.name) for s in d.stood_aside]
    aside_keys = frozenset(k for k in aside if k is not None)
    l1111 = sum(
        1
        for s, k in zip(d.stood_aside, aside, strict=True)
        if k is not None and s.article is DeportArticle.L1111_6
    )
    n = ctx.en_exercice
    n_q = n - l1111 if (n is not None and p.l1111_6_removes) else n
    if present is not None:
        presents: int | None = len(present)
        deported_present = len(aside_keys & present)
    else:
        presents = d.declared.presents
        deported_present = len(aside_keys)  # the declared présents are taken to include them
    pq = None
    if presents is not None:
        pq = presents - deported_present if p.deport_excludes else presents
    counted: list[tuple[str, str]] = []
    lost = 0
    for st in statuses:
        if not st.valid:
            continue
        assert st.giver is not None and st.holder is not None
        if present is not None:
            if st.giver in present or st.holder not in present:
                continue
        elif st.holder in ctx.absent or (ctx.absent and st.giver not in ctx.absent):
            continue
        if st.giver in aside_keys or st.holder in aside_keys:
            lost += 1
            continue
        counted.append((st.proxy.giver, st.proxy.holder))
    represented = len(counted)
    votants = pq + represented if pq is not None else None
    quorum = p.quorum(n_q) if n_q is not None else None
    reached = None
    if quorum is not None and pq is not None:
        reached = pq + (represented if p.quorum_represented else 0) >= quorum
    return Tally(
        en_exercice=n,
        en_exercice_for_quorum=n_q,
        presents=presents,
        presents_for_quorum=pq,
        represented=represented,
        votants=votants,
        quorum=quorum,
        quorum_reached=reached,
        stood_aside=tuple(s.name for s in d.stood_aside),
        deported_present=deported_present,
        proxies_lost_to_deport=lost,
        proxies=tuple(counted),
        presence_notes=notes,
    )


def attendance(ctx: Context) -> list[tuple[frozenset[Key] | None, tuple[tuple[str, str], ...]]]:
    """Who is present at each item: the opening, then arrivals and departures in order."""
    out: list[tuple[frozenset[Key] | None, tuple[tuple[str, str], ...]]] = []
    present = ctx.present0
    for d in ctx.seance.deliberations:
        notes: list[tuple[str, str]] = []
        if present is not None:
            cur = set(present)
            for n in d.arrived:
                k = ctx.key(n)
                if k is None:
                    continue
                if k in cur:
                    notes.append((n, "arrived-present"))
                cur.add(k)
            for n in d.left:
                k = ctx.key(n)
                if k is None:
                    continue
                if k not in cur:
                    notes.append((n, "left-absent"))
                cur.discard(k)
            present = frozenset(cur)
        out.append((present, tuple(notes)))
    return out


def check_quorum(ctx: Context, d: Deliberation, t: Tally) -> list[Finding]:
    """« Le conseil municipal ne délibère valablement que lorsque la majorité de ses membres
    en exercice est présente. Si […] ce quorum n'est pas atteint, le conseil municipal est à
    nouveau convoqué à trois jours au moins d'intervalle. Il délibère alors valablement sans
    condition de quorum. » (L2121-17). Procurations do not count (except 3 April – 10 July
    2020); the quorum is assessed at each item."""
    p = ctx.params
    if t.quorum_reached is not False:
        return []
    c = ctx.seance.convocation
    if c.second_convocation and (
        c.first_seance_on is None
        or jours_francs_between(c.first_seance_on, ctx.seance.date) >= p.second_interval
    ):
        return []
    counted = t.presents_for_quorum or 0
    if p.quorum_represented:
        counted += t.represented or 0
    return [
        _f(
            "quorum-not-reached",
            E,
            f"Quorum non atteint : {counted} membre(s) compté(s), il en faut {t.quorum} sur "
            f"{t.en_exercice_for_quorum} en exercice.",
            f"Quorum not reached: {counted} member(s) counted, {t.quorum} required out of "
            f"{t.en_exercice_for_quorum} en exercice.",
            p.quorum_citation,
            d.number,
            counted=counted,
            quorum=t.quorum,
            en_exercice=t.en_exercice_for_quorum,
            rule=p.quorum_rule,
            represented_count=p.quorum_represented,
        )
    ]


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
                    p.deport_citation,
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
                    p.deport_citation,
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
                    p.deport_citation,
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
                    p.counts_citation,
                    d.number,
                    declared=declared,
                    computed=t.votants,
                )
            )
    return out


def check_presence(ctx: Context, d: Deliberation, t: Tally) -> list[Finding]:
    """présents + absents = en exercice; the declared counts of attendance (en exercice,
    présents, représentés) match the members listed (L2121-15: the procès-verbal names the
    members present or represented)."""
    cit = ctx.params.counts_citation
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
                f"{field} : {declared} déclaré(s), {computed} d'après les noms.",
                f"{field}: {declared} declared, {computed} from the names.",
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


# -- suffrages exprimés, majority, unanimity (L2121-20) ----------------------------------


@attrs.frozen
class VoteTally:
    exprimes: int | None  # votants − abstentions − blancs/nuls
    pour: int | None  # recorded, or implied by « à l'unanimité »
    contre: int | None
    adopted: bool | None
    basis: str  # how adoption was decided


def vote_tally(ctx: Context, d: Deliberation, t: Tally) -> VoteTally:
    """« Les délibérations sont prises à la majorité absolue des suffrages exprimés. Lorsqu'il
    y a partage égal des voix et sauf cas de scrutin secret, la voix du président est
    prépondérante. » (L2121-20). Abstentions, blancs and nuls are not suffrages exprimés."""
    p = ctx.params
    v = d.vote
    blancs = v.blancs_nuls if (v.blancs_nuls is not None or v.secret) else 0
    excl = {"abstentions": v.abstentions, "blancs_nuls": blancs}
    exprimes = None
    if t.votants is not None and all(excl[k] is not None for k in p.exprimes_exclude):
        exprimes = t.votants - sum(excl[k] or 0 for k in p.exprimes_exclude)
    pour, contre, basis = v.pour, v.contre, "vote"
    if v.unanimous and pour is None and contre is None:
        total = d.declared.exprimes if d.declared.exprimes is not None else exprimes
        if total is not None:
            pour, contre, basis = total, 0, "unanimity-stated"
    if pour is None or contre is None:
        return VoteTally(exprimes, pour, contre, None, "unknown")
    if pour * 2 > pour + contre:
        return VoteTally(exprimes, pour, contre, True, basis)
    if pour != contre or pour == 0:
        return VoteTally(exprimes, pour, contre, False, basis)
    # a tie
    if v.secret and p.secret_tie_rejects:
        return VoteTally(exprimes, pour, contre, False, "tie-secret-ballot")
    pres = ctx.seance.president
    if pres is not None and any(ctx.key(s.name) == ctx.key(pres) for s in d.stood_aside):
        return VoteTally(exprimes, pour, contre, False, "tie-president-stood-aside")
    if not p.casting_vote or v.president is None:
        return VoteTally(exprimes, pour, contre, None, "tie-president-vote-unknown")
    return VoteTally(
        exprimes, pour, contre, v.president is PresidentVote.POUR, "tie-president-casting-vote"
    )


def check_exprimes(ctx: Context, d: Deliberation, t: Tally, vt: VoteTally) -> list[Finding]:
    """« suffrages exprimés = votants − abstentions − blancs/nuls; pour + contre = suffrages
    exprimés » (SPEC B.2.6, after L2121-20). When abstentions are not recorded, votes that
    nobody accounts for are ``votes-unaccounted`` (a warning), not a mismatch."""
    p = ctx.params
    cit = p.exprimes_citation
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
                        f"{t.votants} membres pouvaient voter, {declared} suffrages exprimés "
                        f"déclarés : {gap} voix sans explication (abstention non consignée, ou "
                        "erreur de décompte).",
                        f"{t.votants} members could vote, {declared} suffrages exprimés "
                        f"declared: {gap} vote(s) unaccounted for (an abstention not recorded, "
                        "or a miscount).",
                        cit,
                        d.number,
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
                        f"{recorded} voix consignées pour {t.votants} votants.",
                        f"{recorded} votes recorded for {t.votants} votants.",
                        cit,
                        d.number,
                        recorded=recorded,
                        votants=t.votants,
                    )
                )
            elif recorded < t.votants:
                out.append(
                    _f(
                        "votes-unaccounted",
                        W,
                        f"{t.votants} membres pouvaient voter, {recorded} voix consignées : "
                        f"{t.votants - recorded} voix sans explication.",
                        f"{t.votants} members could vote, {recorded} votes recorded: "
                        f"{t.votants - recorded} unaccounted for.",
                        cit,
                        d.number,
                        votants=t.votants,
                        recorded=recorded,
                        unaccounted=t.votants - recorded,
                    )
                )
    return out


def check_outcome(ctx: Context, d: Deliberation, vt: VoteTally) -> list[Finding]:
    """« Les délibérations sont prises à la majorité absolue des suffrages exprimés. Lorsqu'il
    y a partage égal des voix et sauf cas de scrutin secret, la voix du président est
    prépondérante. » (L2121-20). The stated outcome must follow from the vote."""
    p = ctx.params
    if d.outcome is None or vt.adopted is None:
        return []
    stated = d.outcome.value == "adopted"
    if stated == vt.adopted:
        return []
    cit = p.secret_tie_citation if vt.basis.startswith("tie") else p.casting_vote_citation
    computed = "adopted" if vt.adopted else "rejected"
    fr = "adoptée" if vt.adopted else "rejetée"
    return [
        _f(
            "outcome-mismatch",
            E,
            f"Délibération déclarée {'adoptée' if stated else 'rejetée'}, mais le vote "
            f"({vt.pour} pour, {vt.contre} contre) la donne {fr}.",
            f"Délibération stated {d.outcome.value}, but the vote ({vt.pour} for, {vt.contre} "
            f"against) gives {computed}.",
            cit,
            d.number,
            stated=d.outcome.value,
            computed=computed,
            pour=vt.pour,
            contre=vt.contre,
            basis=vt.basis,
        )
    ]


def check_unanimity(ctx: Context, d: Deliberation) -> list[Finding]:
    """« à l'unanimité » is true only without any vote contre; with abstentions (or blancs
    and nuls) and no contre the délibération is adopted « à l'unanimité des suffrages
    exprimés » (SPEC B.2.7), which is said."""
    p = ctx.params
    v = d.vote
    out: list[Finding] = []
    if v.unanimous and v.contre is not None and v.contre > 0:
        out.append(
            _f(
                "unanimity-with-contre",
                W,
                f"« À l'unanimité » déclarée, mais {v.contre} voix contre.",
                f"'À l'unanimité' stated, but {v.contre} vote(s) against.",
                p.exprimes_citation,
                d.number,
                contre=v.contre,
            )
        )
    not_exprimes = (v.abstentions or 0) + (v.blancs_nuls or 0)
    if v.contre == 0 and (v.pour or 0) > 0 and not_exprimes > 0:
        out.append(
            _f(
                "unanimity-of-exprimes",
                INFO,
                f"{v.pour} pour, 0 contre, {not_exprimes} abstention(s) ou blancs/nuls : "
                "adoptée à l'unanimité des suffrages exprimés"
                + (" (et non à l'unanimité des votants)." if v.unanimous else "."),
                f"{v.pour} for, 0 against, {not_exprimes} abstention(s) or blank/spoilt: adopted "
                "unanimously of the suffrages exprimés"
                + (" (not unanimously of the votants)." if v.unanimous else "."),
                p.exprimes_citation,
                d.number,
                pour=v.pour,
                contre=0,
                not_exprimes=not_exprimes,
                stated_unanimous=v.unanimous,
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
    if not missing:
        return []
    return [
        _f(
            "checks-not-run",
            INFO,
            "Non renseigné, donc non vérifié : " + labels.field_list(missing, "fr") + ".",
            "Not given, so not checked: " + labels.field_list(missing, "en") + ".",
            ctx.params.counts_citation,
            d.number,
            missing=missing,
        )
    ]


# -- secretary (L2121-15) ---------------------------------------------------------------------


def check_secretary(ctx: Context) -> list[Finding]:
    """« Au début de chacune de ses séances, le conseil municipal nomme un ou plusieurs de ses
    membres pour remplir les fonctions de secrétaire. » (L2121-15): a member, present."""
    cit = ctx.params.secretary_citation
    out: list[Finding] = []
    for name in ctx.seance.secretaries:
        k = ctx.key(name)
        if k is not None and k in ctx.absent:
            out.append(
                _f(
                    "secretary-not-present",
                    E,
                    f"Le ou la secrétaire de séance « {name} » est noté(e) absent(e).",
                    f"The secretary of the séance '{name}' is listed as absent.",
                    cit,
                    name=name,
                )
            )
    return out


# -- the whole séance --------------------------------------------------------------------------


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
        "quorum_rule": p.quorum_rule,
        "quorum_citation": str(p.quorum_citation),
        "quorum_counts_represented": p.quorum_represented,
        "max_proxies_per_holder": p.max_proxies,
        "population_threshold": p.threshold,
        "l1111_6_removes_from_en_exercice": p.l1111_6_removes,
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
        citation=p.deport_citation,
    )


@functools.lru_cache(maxsize=256)
def _base_citations(params: SeanceParams, delai: Citation) -> tuple[Citation, ...]:
    return cites(
        params.size_citation,
        delai,
        params.quorum_citation,
        params.max_proxies_citation,
        params.exprimes_citation,
        params.deport_citation,
        params.secretary_citation,
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
    if seance.convocation.sent_on is None:
        findings.append(
            _f(
                "checks-not-run",
                INFO,
                "Date d'envoi de la convocation non renseignée : délai non vérifié.",
                "Convocation sending date not given: the délai is not checked.",
                params.jf_small_citation,
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
    delai = required_delai(
        params, pop, urgent=conv.urgent, first_after_renewal=conv.first_after_renewal
    )
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
    interpretations = (_presents_reading(params),) if deport_seen else ()
    citations = _base_citations(params, delai.citation)
    extra = [f.citation for f in findings if f.citation not in citations]
    if extra:
        citations = cites(*citations, *extra)
    c = seance.commune
    return Decision(
        question="seance",
        answer=answer.value,
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
