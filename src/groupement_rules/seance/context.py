"""A séance with its names resolved once, shared by every rule of :mod:`groupement_rules.seance`.

Who a name designates (:meth:`Context.key`): a member's index when the members are listed,
else the name's words (:func:`~groupement_rules.seance.names.name_words`). The population
that decides the 3 500 threshold is computed here, inferred from the council's size when the
document does not give it (L2121-2, R2151-4), and whether the local law of Alsace-Moselle
applies (the département of the INSEE code: 57, 67, 68; L2541-1).
"""

from __future__ import annotations

from typing import Any

import attrs

from .. import insee
from ..decision import Citation, Finding, Severity
from .facts import Deliberation, DeliberationKind, DeportArticle, Seance, StandAside
from .names import Roster, name_words, roster
from .policy import SeanceParams

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
    *,
    template: bool = False,
    **values: Any,
) -> Finding:
    """A finding of the séance domain; with ``template``, its two messages are format
    strings over its ``values``, written only when read (:class:`Finding`): the checks
    a séance manager runs on every save do not pay for text nobody reads."""
    return Finding(
        code, severity, fr, en, citation, values, deliberation=deliberation, template=template
    )


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
    alsace_moselle: bool | None = None  # the local law applies (None: INSEE code not given)

    @property
    def local_law(self) -> bool:
        """Whether the local law of Alsace-Moselle (L2541-1 and following) applies."""
        return self.alsace_moselle is True

    @property
    def maire(self) -> str | None:
        """The maire: named by the document, else the séance's president (L2121-14 al. 1:
        « Le conseil municipal est présidé par le maire »)."""
        return self.seance.maire if self.seance.maire is not None else self.seance.president

    def stood_aside(self, d: Deliberation) -> tuple[StandAside, ...]:
        """Who takes no part in the vote of ``d``: the members who se déportent, and for the
        compte administratif the maire, who « doit se retirer au moment du vote »
        (L2121-14 al. 2), when the document does not already list them."""
        out = d.stood_aside
        if (
            d.kind is DeliberationKind.COMPTE_ADMINISTRATIF
            and self.params.compte_administratif_maire_withdraws
            and self.maire is not None
        ):
            mk = self.key(self.maire)
            if mk is not None and all(self.key(x.name) != mk for x in out):
                out = (*out, StandAside(self.maire, DeportArticle.L2121_14))
        return out

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


def local_law(seance: Seance, params: SeanceParams) -> bool | None:
    """Whether the commune follows the local law of Alsace-Moselle (None: no INSEE code)."""
    code = seance.commune.insee
    if code is None:
        return None
    return params.alsace_moselle_local_law and insee.in_alsace_moselle(code)


def secretary_from_members(params: SeanceParams, alsace_moselle: bool | None) -> bool:
    """Whether the secretary must be a member: L2121-15, but not in Alsace-Moselle (L2541-6)."""
    if alsace_moselle:
        return params.am_secretary_from_members
    return params.secretary_from_members


def _context(seance: Seance, params: SeanceParams) -> Context:
    ros = roster(seance.members) if seance.members else None
    am = local_law(seance, params)
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
        if secretary_from_members(params, am):
            key(name, "secretary")
    for named, role in ((seance.maire, "maire"), (seance.eldest, "eldest")):
        if named is not None:
            key(named, role)
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
        if d.president is not None:
            key(d.president, "item-president", d.number)
    present0 = None
    if ros is not None:
        everyone = frozenset(range(len(ros))) - frozenset(ros.duplicates)
        present0 = everyone - absent
    ctx = Context(seance, params, ros, absent, present0, tuple(unknown), alsace_moselle=am)
    return attrs.evolve(ctx, population=_population_used(ctx))


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


__all__ = [
    "INFO",
    "Context",
    "E",
    "Key",
    "W",
    "local_law",
    "population_used",
    "secretary_from_members",
]
