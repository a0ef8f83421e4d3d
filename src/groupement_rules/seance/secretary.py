"""The secrétaire de séance (CGCT L2121-15)."""

from __future__ import annotations

from ..decision import Finding
from .context import Context, E, _f


def check_secretary(ctx: Context) -> list[Finding]:
    """« Au début de chacune de ses séances, le conseil municipal nomme un ou plusieurs de ses
    membres pour remplir les fonctions de secrétaire. » (L2121-15): a member, present."""
    cit = ctx.params.cite("secretary_from_members")
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


__all__ = ["check_secretary"]
