"""SCDL « Délibérations » over HTTP: ``POST /scdl`` (the CLI's ``scdl --json``, streamed)
and ``POST /validate``, shaped like Validata's validation API.

``/validate`` takes a multipart ``file`` (or a raw CSV body) and answers
``{"report": {"valid": ..., "stats": {...}, "errors": [...], "warnings": [...]}}``
as Validata does: each error has Validata's keys (``title``, ``message``, ``type``,
``tags``, ``rowNumber``, ``fieldName``, ``cell``) plus ours, ``code``, ``severity``
and ``citation``; ``warnings`` are messages (strings) as in Validata, and
``warning_details`` the same warnings with every key. ``rowNumber`` is
the line of the file (the header is line 1), as in Validata's reports; ``row``
keeps our numbering of data rows.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from ..decision import Finding, Severity
from ..errors import InputError

if TYPE_CHECKING:
    from .app import Service


async def _to_file(request: Request, limit: int) -> tuple[str, str, Any]:
    """The uploaded CSV saved to a temporary file: (path, name shown, digest input)."""
    from .app import TooLarge

    ct = request.headers.get("content-type", "")
    fd, path = tempfile.mkstemp(prefix="groupement-rules-", suffix=".csv")
    size = 0
    h = hashlib.blake2b(digest_size=16)
    try:
        with os.fdopen(fd, "wb") as out:
            if ct.startswith("multipart/form-data"):
                form = await request.form(max_part_size=limit)
                try:
                    f = form.get("file")
                    if f is None or isinstance(f, str):
                        raise InputError("file", "missing: send the CSV as the 'file' field")
                    name = f.filename or "file"
                    while chunk := await f.read(1 << 16):
                        size += len(chunk)
                        if size > limit:
                            raise TooLarge(limit)
                        out.write(chunk)
                        h.update(chunk)
                finally:
                    await form.close()
            else:
                name = "body"
                declared = request.headers.get("content-length")
                if declared is not None and declared.isdigit() and int(declared) > limit:
                    raise TooLarge(limit)
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge(limit)
                    out.write(chunk)
                    h.update(chunk)
    except BaseException:
        os.unlink(path)
        raise
    return path, name, h


def _open(path: str, name: str) -> Any:
    """The SCDL file opened and scanned (every record read): an unreadable file is an
    InputError here, before any answer starts; errors name the upload."""
    from ..scdl import open_scdl

    f = None
    try:
        f = open_scdl(path)
        f.scan()  # every record read: a bad byte anywhere is a 400, not a half-sent body
        return f
    except InputError as e:
        if f is not None:
            f.close()
        os.unlink(path)
        raise InputError(e.where.replace(path, name), e.reason.replace(path, name)) from None
    except BaseException:
        if f is not None:
            f.close()
        os.unlink(path)
        raise


def scdl_report(f: Any, path: str, name: str, lang: str) -> Iterator[bytes]:
    """The CLI's ``scdl --json`` document, in chunks of rows; the file is removed at the end."""
    from ..scdl import SummaryBuilder
    from .app import dumps

    try:
        builder = SummaryBuilder(f.header.findings)
        yield (
            b'{"format":"groupement-rules/scdl-report/1","file":'
            + dumps(name)
            + b',"separator":'
            + dumps(f.header.separator)
            + b',"header_findings":'
            + dumps([x.to_dict(lang) for x in f.header.findings])
            + b',"rows":['
        )
        buf: list[bytes] = []
        first = True
        try:
            for r in f.rows():
                builder.add(r)
                buf.append(dumps(r.to_dict(lang)))
                if len(buf) >= 512:
                    yield (b"" if first else b",") + b",".join(buf)
                    first, buf = False, []
        except InputError as e:  # the file changed under the second pass: the document ends
            yield (
                (b"" if first else b",")
                + b",".join(buf)
                + b'],"error":'
                + dumps(str(e).replace(path, name))
                + b"}"
            )
            return
        if buf:
            yield (b"" if first else b",") + b",".join(buf)
        yield b'],"summary":' + dumps(builder.build().to_dict()) + b"}"
    finally:
        f.close()
        os.unlink(path)


def validata_error(f: Finding, line: int | None, lang: str) -> dict[str, Any]:
    """One finding with Validata's keys (rowNumber, fieldName, cell, message) and ours."""
    cell = f.values.get("value")
    return {
        "title": f.code,
        "tags": ["#row", "#cell"] if f.column else ["#row"],
        "rowNumber": line,
        "fieldName": f.column,
        "cell": cell if isinstance(cell, str) else None,
        "message": f.message(lang),
        "code": f.code,
        "type": f.code,
        "severity": f.severity.value,
        "citation": f.citation.to_dict(),
        "row": f.row,
    }


def validata_report(f: Any, path: str, name: str, lang: str) -> dict[str, Any]:
    from ..scdl import SummaryBuilder

    try:
        builder = SummaryBuilder(f.header.findings)
        errors: list[dict[str, Any]] = []
        warnings: list[dict[str, Any]] = []
        fields = len(f.header.columns)
        for x in f.header.findings:
            (errors if x.severity is Severity.ERROR else warnings).append(
                validata_error(x, 1, lang)
            )
        for r in f.rows():
            builder.add(r)
            for x in r.findings:
                if x.severity is Severity.ERROR:
                    errors.append(validata_error(x, r.line, lang))
                elif x.severity is Severity.WARNING:
                    warnings.append(validata_error(x, r.line, lang))
        s = builder.build()
        return {
            "format": "groupement-rules/validata-report/1",
            "file": name,
            "report": {
                "valid": not errors,
                "stats": {
                    "errors": len(errors),
                    "warnings": len(warnings),
                    "fields": fields,
                    "rows": s.rows,
                    "rows_processed": s.rows,
                    "rows_with_errors": s.rows_with_errors,
                },
                "errors": errors,
                "warnings": [w["message"] for w in warnings],
                "warning_details": warnings,
                "summary": s.to_dict(),
            },
        }
    finally:
        f.close()
        os.unlink(path)


def routes(svc: Service) -> list[tuple[str, Any, list[str]]]:
    async def scdl(request: Request) -> Response:
        lang = _lang(request)
        path, name, h = await _to_file(request, svc.limits.csv_bytes)
        f = _open(path, name)  # an unreadable file is a 400, before the stream starts
        h.update(svc.headers["X-Policy-Versions"].encode())
        return svc.stream(scdl_report(f, path, name, lang), h)

    async def validate(request: Request) -> Response:
        lang = _lang(request)
        path, name, _ = await _to_file(request, svc.limits.csv_bytes)
        return svc.json(validata_report(_open(path, name), path, name, lang))

    return [("/scdl", scdl, ["POST"]), ("/validate", validate, ["POST"])]


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or "fr"
    if lang not in ("fr", "en"):
        raise InputError("lang", f"unknown language {lang!r} (fr or en)")
    return lang
