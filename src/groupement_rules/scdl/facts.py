"""One SCDL « Délibérations » row as a typed fact: the 17 columns of schema 2.1.5.

Every cell is text, as in the CSV (``""`` is the schema's missing value); what a cell
means and which cells are required is the schema's business (:mod:`.schema`), and a
test checks that these fields are the schema's columns, in its order.
:meth:`ScdlRow.from_mapping` accepts what a data frame or a database hands a
user-defined function: ``None`` for a missing cell, integers, dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from ..errors import InputError


def cell_text(value: object, column: str = "") -> str:
    """A cell as the CSV would hold it: None → ``""``, an integer or a date in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        raise InputError(column or "cell", f"a boolean ({value}) is not an SCDL cell")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        if value != value:  # NaN: what data frames use for a missing number
            return ""
        if value == int(value):
            return str(int(value))
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raise InputError(column or "cell", f"a {type(value).__name__} is not an SCDL cell")


def _text(value: object) -> str:
    return cell_text(value)


def _field() -> Any:
    return attrs.field(default="", converter=_text)


@attrs.frozen
class ScdlRow:
    """The 17 columns of an SCDL « Délibérations » 2.1.5 row, in the schema's order."""

    COLL_NOM: str = _field()
    COLL_SIRET: str = _field()
    DELIB_ID: str = _field()
    DELIB_DATE: str = _field()
    DELIB_MATIERE_CODE: str = _field()
    DELIB_MATIERE_NOM: str = _field()
    DELIB_OBJET: str = _field()
    BUDGET_ANNEE: str = _field()
    BUDGET_NOM: str = _field()
    PREF_ID: str = _field()
    PREF_DATE: str = _field()
    VOTE_EFFECTIF: str = _field()
    VOTE_REEL: str = _field()
    VOTE_POUR: str = _field()
    VOTE_CONTRE: str = _field()
    VOTE_ABSTENTION: str = _field()
    DELIB_URL: str = _field()

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return tuple(a.name for a in attrs.fields(cls))

    @classmethod
    def from_mapping(cls, row: Mapping[str, object]) -> ScdlRow:
        """A row from column → value: absent columns are empty, other keys ignored (as the
        CSV reader ignores a column the schema does not define)."""
        if not isinstance(row, Mapping):
            raise InputError(
                "row", f"an SCDL row is a mapping of columns, not {type(row).__name__}"
            )
        return cls(**{k: cell_text(row[k], k) for k in _COLUMNS if k in row})

    def to_dict(self) -> dict[str, str]:
        return attrs.asdict(self)


_COLUMNS = ScdlRow.columns()

__all__ = ["ScdlRow", "cell_text"]
