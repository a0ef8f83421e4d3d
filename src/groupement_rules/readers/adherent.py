"""Read one adherent's facts from JSON or TOML (CLI ``check-adherent``).

The format is documented in ``docs/convention.md`` and by the JSON Schema
shipped as ``groupement_rules/schemas/adherent.schema.json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..convention.facts import (
    Adherent,
    Authorisation,
    Exclusion,
    Order,
    WithdrawalLetter,
    departement_of,
)
from ..errors import InputError
from .structured import Fields, load_document

KEYS = (
    "$schema",
    "name",
    "kind",
    "insee",
    "departement",
    "representation",
    "need",
    "authorisation",
    "signed_on",
    "sent_on",
    "annexes",
    "orders",
    "withdrawal_letters",
    "exclusion",
)


def adherent_from_dict(data: Any, where: str = "") -> Adherent:
    """Build :class:`Adherent` facts from a parsed JSON/TOML object."""
    f = Fields(data, where, KEYS)
    insee = f.string("insee")
    if insee is not None:
        try:
            departement_of(insee)
        except ValueError as e:
            raise InputError(f.path("insee"), str(e)) from None
    auth = None
    a = f.object("authorisation", ("date", "number", "transmitted_on"))
    if a is not None:
        t = a.raw("transmitted_on")
        auth = Authorisation(
            date=a.req_date("date"),
            number=a.string("number"),
            transmitted_on=None if t is False else a.date("transmitted_on"),
            transmitted=False if t is False else None,
        )
    annexes = None
    if "annexes" in f.data and f.raw("annexes") is not None:
        nums = f.array("annexes")
        for i, n in enumerate(nums):
            if isinstance(n, bool) or not isinstance(n, int) or n < 1:
                raise InputError(
                    f"{f.path('annexes')}[{i}]", f"expected an annex number, got {n!r}"
                )
        annexes = frozenset(nums)
    orders = tuple(
        Order(
            date=o.req_date("date"),
            accounts=o.integer("accounts", required=True) or 0,
            purchase_order=bool(o.boolean("purchase_order", False)),
        )
        for o in f.objects("orders", ("date", "accounts", "purchase_order"))
    )
    letters = []
    for w in f.objects("withdrawal_letters", ("sent_on", "received_on")):
        try:
            letters.append(WithdrawalLetter(w.date("sent_on"), w.date("received_on")))
        except ValueError as err:
            raise InputError(w.where, str(err)) from None
    exclusion = None
    x = f.object("exclusion", ("effective_on", "judgment_on", "court"))
    if x is not None:
        exclusion = Exclusion(x.req_date("effective_on"), x.date("judgment_on"), x.string("court"))
    return Adherent(
        name=f.req_string("name"),
        kind=f.req_string("kind"),
        insee=insee,
        departement=f.string("departement"),
        representation=f.string("representation"),
        need=f.integer("need"),  # 0 is a finding (need-not-positive); below, no count
        authorisation=auth,
        signed_on=f.date("signed_on"),
        sent_on=f.date("sent_on"),
        annexes=annexes,
        orders=orders,
        withdrawal_letters=tuple(letters),
        exclusion=exclusion,
    )


def load_adherent(path: str | Path) -> Adherent:
    """Read an adherent file (JSON or TOML, same keys)."""
    return adherent_from_dict(load_document(path), str(path))
