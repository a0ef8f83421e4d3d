"""Reading SCDL CSV: the source read once, its dialect, its records and its header.

A source is a path, ``-`` (standard input) or a binary stream. It is opened once: a
regular file is read in place; anything else (a pipe, a process substitution, a
device, standard input) is copied once, up to :data:`MAX_BYTES`, into an anonymous
temporary file, so that the two passes of the checker read the same bytes and nothing
is read twice from the pipe.

The dialect is what real files use: UTF-8 (with or without BOM), ``,`` or ``;``
(from the header line), CRLF or LF, quoted fields with line breaks. An error names
the file and the *file's* line: a byte that is not UTF-8 is located by scanning the
bytes, not by where the decoder happened to be.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import stat
import sys
import tempfile
from collections.abc import Generator, Iterator
from typing import IO, Any, BinaryIO

import attrs

from ..decision import Finding
from ..errors import InputError
from .findings import emit
from .schema import Schema

#: The largest field a record may have (csv's own limit is 128 KiB; DELIB_OBJET can be long).
MAX_FIELD = 1024 * 1024
#: The largest SCDL input read (about 7 million rows of the usual size).
MAX_BYTES = 2 * 1024**3
_HEAD = 65536
_COPY = 1 << 20


class Source:
    """The bytes of one SCDL input, seekable, opened once; close it when done."""

    def __init__(self, name: str, handle: BinaryIO, size: int) -> None:
        self.name = name
        self.handle = handle
        self.size = size

    def close(self) -> None:
        self.handle.close()

    def fraction(self) -> float:
        """How much of the source the current pass has read (0 to 1; read-ahead included)."""
        return min(1.0, self.handle.tell() / self.size) if self.size else 1.0

    def head(self) -> bytes:
        self.handle.seek(0)
        return self.handle.read(_HEAD)

    @contextlib.contextmanager
    def text(self) -> Iterator[IO[str]]:
        """The source as text from its first byte (BOM dropped), for one pass."""
        self.handle.seek(0)
        wrapper = io.TextIOWrapper(self.handle, encoding="utf-8-sig", errors="strict", newline="")
        try:
            yield wrapper
        finally:
            wrapper.detach()


def open_source(
    source: str | os.PathLike[str] | BinaryIO, *, max_bytes: int | None = None
) -> Source:
    """Open ``source`` once (see the module's docstring); InputError when it cannot be read.

    ``max_bytes`` defaults to :data:`MAX_BYTES` as it is when called."""
    if max_bytes is None:
        max_bytes = MAX_BYTES
    if not isinstance(source, str | os.PathLike):
        return _spool(getattr(source, "name", "<stream>"), source, max_bytes, owned=None)
    name = os.fspath(source)
    if name == "-":
        return _spool("<stdin>", sys.stdin.buffer, max_bytes, owned=None)
    try:
        fh = open(name, "rb")  # noqa: SIM115 (closed by Source.close)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except OSError as e:
        raise InputError(name, e.strerror or str(e)) from None
    try:
        st = os.fstat(fh.fileno())
    except OSError as e:
        fh.close()
        raise InputError(name, e.strerror or str(e)) from None
    if stat.S_ISDIR(st.st_mode):
        fh.close()
        raise InputError(name, "is a directory, not a file")
    if stat.S_ISREG(st.st_mode) and st.st_size > 0:
        if st.st_size > max_bytes:
            fh.close()
            raise InputError(name, _too_large(max_bytes))
        return Source(name, fh, st.st_size)
    return _spool(name, fh, max_bytes, owned=fh)


def _too_large(max_bytes: int) -> str:
    return f"larger than {max_bytes:,} bytes, the limit for an SCDL file".replace(",", " ")


def _spool(name: str, stream: Any, max_bytes: int, owned: BinaryIO | None) -> Source:
    """Copy a stream that cannot be read twice into a temporary file (up to ``max_bytes``)."""
    spool: BinaryIO = tempfile.TemporaryFile(prefix="groupement-rules-scdl-")  # noqa: SIM115
    size = 0
    try:
        while True:
            chunk = stream.read(_COPY)
            if not chunk:
                break
            if size < _HEAD and b"\x00" in chunk[: _HEAD - size]:
                raise InputError(name, "binary file (contains NUL bytes), not a CSV text file")
            size += len(chunk)
            if size > max_bytes:
                raise InputError(name, _too_large(max_bytes))
            spool.write(chunk)
    except OSError as e:
        spool.close()
        raise InputError(name, e.strerror or str(e)) from None
    except BaseException:
        spool.close()
        raise
    finally:
        if owned is not None:
            owned.close()
    return Source(name, spool, size)


def sniff(source: Source) -> str:
    """The separator (',' or ';'), from the header line; InputError for what is not CSV text."""
    name = source.name
    head = source.head()
    if not head.strip():
        raise InputError(name, "empty file")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, "UTF-16 text, not UTF-8; SCDL files are UTF-8: convert the file")
    if b"\x00" in head:
        raise InputError(name, "binary file (contains NUL bytes), not a CSV text file")
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 4 and len(head) == _HEAD:  # a character cut by the window
            text = head[: e.start].decode("utf-8-sig")
        else:
            raise not_utf8(source) from None
    lines = text.splitlines()
    first = lines[0] if lines else ""
    return ";" if first.count(";") > first.count(",") else ","


def not_utf8(source: Source) -> InputError:
    """The error for the first byte of ``source`` that is not UTF-8, at its line."""
    line, offset = _first_bad_byte(source.handle)
    return InputError(
        f"{source.name}:{line}",
        f"not UTF-8 (byte {offset}); SCDL files are UTF-8: "
        "convert the file (e.g. iconv -f WINDOWS-1252 -t UTF-8)",
    )


def _first_bad_byte(handle: BinaryIO) -> tuple[int, int]:
    """(line, byte offset) of the first byte that does not decode as UTF-8."""
    handle.seek(0)
    line = 1
    offset = 0
    pending = b""
    while True:
        chunk = handle.read(_COPY)
        data = pending + chunk
        if not data:
            return line, offset
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            if chunk and e.reason == "unexpected end of data":
                good, pending = data[: e.start], data[e.start :]
            else:
                before = data[: e.start]
                return line + _line_breaks(before), offset + e.start
        else:
            good, pending = data, b""
        line += _line_breaks(good)
        offset += len(good)
        if not chunk:
            return line, offset


def _line_breaks(data: bytes) -> int:
    """Line ends as the csv reader counts them (``\\n``, ``\\r\\n`` or a lone ``\\r``)."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def read_error(source: Source, reader: Any, e: UnicodeDecodeError | csv.Error) -> InputError:
    """The InputError for a decoding or CSV error met while reading records."""
    if isinstance(e, UnicodeDecodeError):
        return not_utf8(source)
    return InputError(f"{source.name}:{reader.line_num}", f"unreadable CSV: {e}")


def records(source: Source, sep: str) -> Generator[tuple[int, list[str]], None, None]:
    """(file line where the record starts, fields), streaming."""
    csv.field_size_limit(MAX_FIELD)
    with source.text() as fh:
        reader = csv.reader(fh, delimiter=sep, quotechar='"', strict=False)
        start = 1
        try:
            for rec in reader:
                yield start, rec
                start = reader.line_num + 1
        except (UnicodeDecodeError, csv.Error) as e:
            raise read_error(source, reader, e) from None


@attrs.frozen
class Header:
    """The header line: its columns, where each schema column is, what is wrong with it."""

    columns: tuple[str, ...]
    index: dict[str, int]
    findings: tuple[Finding, ...]
    separator: str

    def has_errors(self) -> bool:
        return any(f.severity.value == "error" for f in self.findings)


def read_header(schema: Schema, cols: list[str], sep: str, name: str) -> Header:
    """The header's columns against the schema's: extra, missing (required or not)."""
    cols = [c.strip().lstrip("\ufeff").strip('"').strip() for c in cols]
    known = set(schema.names)
    if not any(c in known for c in cols):
        raise InputError(
            name,
            "not an SCDL « Délibérations » file: no column of the schema in the header "
            f"(first columns: {', '.join(cols[:3])[:120]})",
        )
    index: dict[str, int] = {}
    findings: list[Finding] = []
    for i, c in enumerate(cols):
        if c in known and c not in index:
            index[c] = i
        else:
            findings.append(emit("column-extra", {"name": c[:200], "position": i + 1}, column=c))
    for f in schema.fields:
        if f.name not in index:
            code = "column-missing" if f.required else "column-missing-optional"
            findings.append(emit(code, {"name": f.name}, column=f.name))
    return Header(tuple(cols), index, tuple(findings), sep)


__all__ = [
    "MAX_BYTES",
    "MAX_FIELD",
    "Header",
    "Source",
    "not_utf8",
    "open_source",
    "read_error",
    "read_header",
    "records",
    "sniff",
]
