"""The secrétaire de séance (CGCT L2121-15; L2541-6 in Alsace-Moselle)."""

from __future__ import annotations

from ..decision import Finding
from .context import Context, secretary_from_members
from .findings import CATALOGUE


def check_secretary(ctx: Context) -> list[Finding]:
    """« Au début de chacune de ses séances, le conseil municipal nomme un ou plusieurs de ses
    membres pour remplir les fonctions de secrétaire. » (L2121-15): a member, present. In
    Alsace-Moselle « le secrétaire de séance n'est pas obligatoirement membre du conseil »
    (L2541-6): a secretary who is not a member is neither unknown nor absent; a member named
    secretary is still expected to be present."""
    p = ctx.params
    from_members = secretary_from_members(p, ctx.alsace_moselle)
    cit = p.cite("secretary_from_members" if not ctx.local_law else "am_secretary_from_members")
    out: list[Finding] = []
    for name in ctx.seance.secretaries:
        k = ctx.key(name)
        if k is None and not from_members:
            continue
        if k is not None and k in ctx.absent:
            out.append(CATALOGUE.emit("secretary-not-present", cit, name=name))
    return out


__all__ = ["check_secretary"]
