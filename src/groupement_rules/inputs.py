"""The one edge where outside bytes come in: files, devices, FIFOs and standard input.

Every reader and every command reads through these functions, so that each input,
whatever its kind, is held to the same limits and refused in one line naming it:

- :func:`read_bytes` reads at most ``max_bytes`` (plus one, to know it was more) from a
  regular file, a device such as ``/dev/zero``, a FIFO or standard input (``-``):
  memory never grows with the input beyond the limit;
- :func:`decode_text` accepts UTF-8, with or without a byte-order mark, and names
  UTF-16, other encodings and binary content;
- :func:`loads_json` refuses what :func:`json.loads` lets through silently: a key
  given twice (the last one would win), ``NaN``/``Infinity``, numbers that overflow
  to infinity, and integers beyond the interoperable range of I-JSON (RFC 7493 §2.2:
  ±(2**53 − 1)), which also bounds the digits Python would otherwise convert;
- :func:`check_numbers` holds a TOML document to the same number limits;
- :func:`parse_iso_date` accepts only the calendar form ``YYYY-MM-DD`` with ASCII
  digits (ISO 8601's week dates ``2026-W06-2``, ordinal dates and the other forms
  :meth:`datetime.date.fromisoformat` accepts are refused), inside the years the rules
  handle (:data:`MIN_DATE` to :data:`MAX_DATE`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import stat
import sys
from collections.abc import Mapping
from typing import Any

from .errors import InputError

#: The path that means standard input, as for most command-line tools.
STDIN = "-"
#: How standard input is named in error lines.
STDIN_NAME = "<stdin>"

#: The largest JSON, TOML or policy document read (the real ones are a few KB).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

#: The byte-order marks of UTF-16 (what Windows tools call "Unicode").
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

#: The dates these rules handle. Outside them a date is a typo (``0226-02-02``,
#: ``9999-12-31`` as "never"), and computing a délai from it could leave the calendar.
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2199, 12, 31)

#: The largest integer magnitude accepted in a document: I-JSON's (RFC 7493 §2.2), the
#: range a JavaScript or PHP front-end reads exactly.
MAX_INTEGER = 2**53 - 1

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def source_name(path: str | os.PathLike[str]) -> str:
    """How an input is named in error lines (``<stdin>`` for ``-``)."""
    return STDIN_NAME if str(path) == STDIN else str(path)


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of ``path`` (``-``: standard input), at most ``max_bytes`` of them.

    A regular file larger than the limit is refused before it is read; anything else
    (a device, a FIFO, a pipe, a terminal) is read up to one byte past the limit and
    refused there, so that ``/dev/zero`` costs ``max_bytes`` of memory, not all of it.
    """
    name = source_name(path)
    try:
        if str(path) == STDIN:
            data = _read_stream(sys.stdin.buffer, max_bytes)
        else:
            with open(path, "rb") as f:
                st = os.fstat(f.fileno())
                if stat.S_ISDIR(st.st_mode):  # pragma: no cover - open() refuses first
                    raise IsADirectoryError
                if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
                    raise InputError(name, _too_large(max_bytes, st.st_size))
                data = _read_stream(f, max_bytes)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except OSError as e:
        raise InputError(name, e.strerror or str(e)) from None
    if len(data) > max_bytes:
        raise InputError(name, _too_large(max_bytes))
    return data


def _read_stream(f: Any, max_bytes: int) -> bytes:
    data: bytes = f.read(max_bytes + 1)
    return data


def _too_large(max_bytes: int, size: int | None = None) -> str:
    got = f"{size} bytes" if size is not None else f"more than {max_bytes} bytes"
    return f"too large ({got}; at most {max_bytes})"


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text (a leading byte-order mark dropped), or an :class:`InputError` naming
    the encoding to convert from."""
    if data.startswith(UTF16_BOMS):
        raise InputError(name, "UTF-16 text, not UTF-8; convert the file to UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            name, f"not UTF-8 text (byte {e.start}: {e.reason}); convert the file to UTF-8"
        ) from None
    if "\x00" in text:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    return text


def read_text(path: str | os.PathLike[str], max_bytes: int = MAX_DOCUMENT_BYTES) -> str:
    """The UTF-8 text of ``path`` (``-``: standard input), within ``max_bytes``."""
    return decode_text(read_bytes(path, max_bytes), source_name(path))


# -- JSON ----------------------------------------------------------------------------


class _Duplicate(ValueError):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def _integer(digits: str) -> int:
    # the length test first: Python refuses to convert more than 4300 digits at all
    n = int(digits) if len(digits.lstrip("-")) <= len(str(MAX_INTEGER)) else None
    if n is None or abs(n) > MAX_INTEGER:
        raise _NumberError(f"integer {_cut(digits)} is too large (at most {MAX_INTEGER})")
    return n


def _float(text: str) -> float:
    x = float(text)
    if not math.isfinite(x):
        raise _NumberError(f"number {_cut(text)} is too large")
    return x


def _constant(text: str) -> Any:
    raise _NumberError(f"{text} is not a JSON number")


class _NumberError(ValueError):
    pass


def loads_json(text: str, name: str) -> Any:
    """Parse JSON strictly (see the module's docstring); errors name ``name`` and the line."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_object,
            parse_int=_integer,
            parse_float=_float,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as e:
        raise InputError(f"{name}:{e.lineno}", f"invalid JSON: {e.msg}") from None
    except _Duplicate as e:
        raise InputError(name, f"invalid JSON: key {_cut(str(e))!r} given twice") from None
    except _NumberError as e:
        raise InputError(name, f"invalid JSON: {e}") from None
    except RecursionError:
        raise InputError(name, "invalid JSON: nested too deeply") from None


def check_numbers(doc: Any, name: str, path: str = "") -> None:
    """Refuse integers beyond :data:`MAX_INTEGER` and non-finite floats anywhere in
    ``doc`` (a parsed TOML document), naming the key."""
    stack: list[tuple[str, Any]] = [(path, doc)]
    while stack:
        where, v = stack.pop()
        if isinstance(v, bool):
            continue
        if isinstance(v, int):
            if abs(v) > MAX_INTEGER:
                raise InputError(_join(name, where), f"integer too large (at most {MAX_INTEGER})")
        elif isinstance(v, float):
            if not math.isfinite(v):
                raise InputError(_join(name, where), f"number {v} is not finite")
        elif isinstance(v, Mapping):
            stack.extend((f"{where}.{k}" if where else str(k), x) for k, x in v.items())
        elif isinstance(v, list):
            stack.extend((f"{where}[{i}]", x) for i, x in enumerate(v))


def _join(name: str, where: str) -> str:
    return f"{name}: {where}" if where else name


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse TOML, with the number limits of :func:`check_numbers`."""
    import tomllib

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(name, f"invalid TOML: {e}") from None
    except RecursionError:
        raise InputError(name, "invalid TOML: nested too deeply") from None
    except ValueError as e:  # an integer of more than 4300 digits
        raise InputError(name, f"invalid TOML: {_cut(str(e), 80)}") from None
    check_numbers(doc, name)
    return doc


# -- dates ---------------------------------------------------------------------------


def date_out_of_range(d: dt.date) -> str | None:
    """Why ``d`` is outside the dates these rules handle, or None when it is inside."""
    if MIN_DATE <= d <= MAX_DATE:
        return None
    return f"{d.isoformat()} is outside the dates handled ({MIN_DATE} to {MAX_DATE})"


def parse_iso_date(value: str) -> dt.date:
    """A calendar date written ``YYYY-MM-DD``, within the dates handled.

    Raises :class:`ValueError` with a message for people: ``not a valid date: '…'
    (expected YYYY-MM-DD)`` or the range it is outside of.
    """
    d = None
    if _ISO_DATE.fullmatch(value):
        try:
            d = dt.date.fromisoformat(value)
        except ValueError:
            d = None
    if d is None:
        raise ValueError(f"not a valid date: {_cut(value)!r} (expected YYYY-MM-DD)")
    reason = date_out_of_range(d)
    if reason:
        raise ValueError(reason)
    return d


def _cut(text: str, limit: int = 40) -> str:
    """``text`` shortened to about ``limit`` characters for an error line."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


__all__ = [
    "MAX_DATE",
    "MAX_DOCUMENT_BYTES",
    "MAX_INTEGER",
    "MIN_DATE",
    "STDIN",
    "check_numbers",
    "date_out_of_range",
    "decode_text",
    "loads_json",
    "parse_iso_date",
    "parse_toml",
    "read_bytes",
    "read_text",
    "source_name",
]
