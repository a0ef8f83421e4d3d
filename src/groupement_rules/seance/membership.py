"""Names (SPEC B.1): every name the document uses designates one member, listed once."""

from __future__ import annotations

from ..decision import Citation, Finding
from .context import Context, Key
from .findings import CATALOGUE

ROLES_FR = {
    "president": "président",
    "secretary": "secrétaire de séance",
    "absent": "absent",
    "proxy-giver": "donne procuration",
    "stood-aside": "se déporte",
    "arrived": "arrive",
    "left": "part",
    "item-president": "préside le point",
    "maire": "maire",
    "eldest": "doyen d'âge",
}


#: The lists a name may be repeated in, as the French message names them.
LISTS_FR = {
    "members": "des membres en exercice",
    "absent": "des absents",
    "secretaries": "des secrétaires de séance",
    "proxies.from": "des donneurs de procuration",
}


def _twice(cit: Citation, name: str, list_name: str) -> Finding:
    return CATALOGUE.emit(
        "member-listed-twice", cit, name=name, list=list_name, list_fr=LISTS_FR[list_name]
    )


def check_names(ctx: Context) -> list[Finding]:
    """Every name the document uses designates one member en exercice, listed once.

    « Les conseillers municipaux […] en exercice » are the members the procès-verbal names
    (L2121-15): a name that designates nobody, or several members, cannot be checked; a
    member listed twice would be counted twice.
    """
    s = ctx.seance
    cit = ctx.params.cite("declared_counts")
    out: list[Finding] = []
    if ctx.roster is not None:
        for i in ctx.roster.duplicates:
            name = ctx.roster.names[i]
            out.append(_twice(cit, name, "members"))
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
                out.append(_twice(cit, n, list_name))
            seen.add(k)
    for name, role, delib in ctx.unknown:
        out.append(
            CATALOGUE.emit(
                "member-unknown",
                cit,
                deliberation=delib,
                name=name,
                role=role,
                role_fr=ROLES_FR.get(role, role),
            )
        )
    return out


__all__ = ["ROLES_FR", "check_names"]
