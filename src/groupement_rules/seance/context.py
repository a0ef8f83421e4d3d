"""A séance with its names resolved once, shared by every rule of :mod:`groupement_rules.seance`.

Who a name designates (:meth:`Context.key`): a member's index when the members are listed,
else the name's words (:func:`~groupement_rules.seance.names.name_words`). The population
that decides the 3 500 threshold is computed here, inferred from the council's size when the
document does not give it (L2121-2, R2151-4).
"""

from __future__ import annotations

from typing import Any

import attrs

from ..decision import Citation, Finding, Severity
from .facts import Seance
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
    **values: Any,
) -> Finding:
    return Finding(code, severity, fr, en, citation, values, deliberation=deliberation)


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


__all__ = ["INFO", "Context", "E", "Key", "W", "population_used"]
