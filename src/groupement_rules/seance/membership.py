"""Names (SPEC B.1): every name the document uses designates one member, listed once."""

from __future__ import annotations

from ..decision import Finding
from .context import Context, Key, W, _f

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


__all__ = ["ROLES_FR", "check_names"]
