"""Strict reading of JSON or TOML documents into facts.

:func:`load_document` reads a file as JSON or TOML (by extension, or by content
when the extension says nothing); :class:`Fields` reads one object's keys with
types, refusing unknown keys, and names the key path in every error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import inputs as _inputs
from ..errors import InputError
from ..inputs import MAX_DATE as MAX_DATE
from ..inputs import MAX_DOCUMENT_BYTES, date_out_of_range, source_name
from ..inputs import MIN_DATE as MIN_DATE

MAX_BYTES = MAX_DOCUMENT_BYTES
#: The names of files read as structured facts only (JSON, TOML).
DOCUMENT_SUFFIXES = (".json", ".toml")


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """A file's UTF-8 text (at most ``max_bytes``; ``-`` is standard input), or an
    :class:`InputError` saying why not (:mod:`groupement_rules.inputs`)."""
    return _inputs.read_text(path, max_bytes)


def parse_document(text: str, name: str, fmt: str | None = None) -> dict[str, Any]:
    """Parse JSON or TOML text into a top-level object."""
    if fmt is None:
        suffix = Path(name).suffix.lower()
        fmt = "toml" if suffix == ".toml" else "json" if suffix == ".json" else None
    if fmt is None:
        fmt = "json" if text.lstrip().startswith(("{", "[")) else "toml"
    if not text.strip():
        raise InputError(name, "empty file")
    doc = _inputs.loads_json(text, name) if fmt == "json" else _inputs.parse_toml(text, name)
    if not isinstance(doc, dict):
        raise InputError(name, f"expected an object at the top level, got {type(doc).__name__}")
    return doc


def load_document(path: str | Path) -> dict[str, Any]:
    """Read a JSON or TOML file (``-``: standard input) into a top-level object."""
    return parse_document(read_text(path), source_name(path))


def key_path(where: str, key: str, *, inside: bool = False) -> str:
    """Where a key is, as error lines name it: ``FILE: KEY`` (``adherent.json: need``,
    ``seance.json: deliberations[0].vote.pour``), or the key path alone for a
    document without a name. ``inside``: ``where`` is already a key path."""
    if not where:
        return key
    if inside or ": " in where or where.endswith("]"):
        return f"{where}.{key}"
    return f"{where}: {key}"


class Fields:
    """Typed access to one object's keys; unknown keys and bad values are errors.

    ``where`` is the path shown in errors (``"adherent.json: orders[2]"``).
    """

    def __init__(
        self, data: Any, where: str, known: tuple[str, ...], *, inside: bool = False
    ) -> None:
        if not isinstance(data, Mapping):
            raise InputError(where, f"expected an object, got {_kind(data)}")
        for key in data:
            if key not in known:
                raise InputError(
                    key_path(where, str(key), inside=inside),
                    f"unknown key (known: {', '.join(known)})",
                )
        self.data = data
        self.where = where
        self.inside = inside

    def path(self, key: str) -> str:
        return key_path(self.where, key, inside=self.inside)

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def raw(self, key: str) -> Any:
        return self.data.get(key)

    def string(self, key: str, required: bool = False) -> str | None:
        v = self.data.get(key)
        if v is None:
            if required:
                raise InputError(self.path(key), "missing")
            return None
        if not isinstance(v, str) or not v.strip():
            raise InputError(self.path(key), f"expected a non-empty string, got {_kind(v)}")
        return v.strip()

    def req_string(self, key: str) -> str:
        v = self.string(key, required=True)
        assert v is not None
        return v

    def date(self, key: str, required: bool = False) -> dt.date | None:
        v = self.data.get(key)
        if v is None:
            if required:
                raise InputError(self.path(key), "missing date")
            return None
        return parse_date(v, self.path(key))

    def req_date(self, key: str) -> dt.date:
        v = self.date(key, required=True)
        assert v is not None
        return v

    def integer(
        self,
        key: str,
        required: bool = False,
        minimum: int | None = 0,
        maximum: int | None = None,
    ) -> int | None:
        v = self.data.get(key)
        if v is None:
            if required:
                raise InputError(self.path(key), "missing number")
            return None
        if isinstance(v, bool) or not isinstance(v, int):
            raise InputError(self.path(key), f"expected a whole number, got {_kind(v)}")
        if minimum is not None and v < minimum:
            raise InputError(self.path(key), f"must be {minimum} or more, got {v}")
        if maximum is not None and v > maximum:
            shown = v if v < 10**12 else f"a number of {len(str(v))} digits"
            raise InputError(self.path(key), f"must be {maximum} or less, got {shown}")
        return v

    def boolean(self, key: str, default: bool | None = None) -> bool | None:
        v = self.data.get(key)
        if v is None:
            return default
        if not isinstance(v, bool):
            raise InputError(self.path(key), f"expected true or false, got {_kind(v)}")
        return v

    def array(self, key: str) -> list[Any]:
        v = self.data.get(key)
        if v is None:
            return []
        if not isinstance(v, list):
            raise InputError(self.path(key), f"expected a list, got {_kind(v)}")
        return v

    def objects(self, key: str, known: tuple[str, ...]) -> Iterator[Fields]:
        for i, item in enumerate(self.array(key)):
            yield Fields(item, f"{self.path(key)}[{i}]", known, inside=True)

    def object(self, key: str, known: tuple[str, ...]) -> Fields | None:
        v = self.data.get(key)
        if v is None:
            return None
        return Fields(v, self.path(key), known, inside=True)

    def strings(self, key: str) -> list[str]:
        out = []
        for i, v in enumerate(self.array(key)):
            if not isinstance(v, str) or not v.strip():
                raise InputError(f"{self.path(key)}[{i}]", f"expected a name, got {_kind(v)}")
            out.append(v.strip())
        return out


def parse_date(value: Any, where: str) -> dt.date:
    """A calendar date (``YYYY-MM-DD``, :func:`~groupement_rules.inputs.parse_iso_date`)
    from a string or a TOML local date; a TOML date-time is refused, its day being
    ambiguous across time zones."""
    if isinstance(value, dt.datetime):
        raise InputError(where, "expected a date YYYY-MM-DD, got a date and time")
    if isinstance(value, dt.date):
        d = value
    elif not isinstance(value, str):
        raise InputError(where, f"expected a date YYYY-MM-DD, got {_kind(value)}")
    else:
        try:
            d = _inputs.parse_iso_date(value)
        except ValueError as e:
            raise InputError(where, str(e)) from None
    reason = date_out_of_range(d)
    if reason:
        raise InputError(where, reason)
    return d


def _kind(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return f"boolean {str(v).lower()}"
    if isinstance(v, int | float):
        return f"number {v!r}"
    if isinstance(v, str):
        return f"string {v[:40]!r}"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, Mapping):
        return "an object"
    return type(v).__name__
