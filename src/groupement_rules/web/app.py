"""The ASGI application: the CLI's questions over HTTP, and the secretary's page.

:func:`create_app` builds a Starlette application answering every question of
:mod:`.questions` with the JSON the CLI prints for ``--json``. The mapping of
outcomes to statuses (docs/http.md):

- a decision, even a negative one (``not-allowed``, ``invalid``), is ``200``;
- bad input is ``400`` with the CLI's one-line message,
  ``{"error": {"where": ..., "message": ...}}``;
- a body over the limit ``413``; a missing or wrong API key ``401``;
- anything else ``500`` with a one-line message, never a traceback.

Every response carries ``X-Groupement-Rules-Version``, ``X-Policy-Versions`` and
``X-Decision-Id`` (a digest of the answer, or of the request when the answer is
streamed: the same question on the same policies has the same id).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping
from importlib import resources
from typing import Any

import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .._version import __version__
from ..errors import InputError
from ..policy import NoValueInForce
from .questions import QUESTIONS, Policies, Question, answer, load_policies, result_dict

log = logging.getLogger("groupement_rules.web")

JSON = "application/json"


@attrs.frozen
class Limits:
    """Size limits of the requests (``serve --max-body``, ``--max-csv``, ``--max-batch``)."""

    body_bytes: int = 2 * 1024 * 1024  # a délibération, a séance, an adherent, a PDF
    csv_bytes: int = 64 * 1024 * 1024  # an SCDL file (streamed, checked row by row)
    batch_items: int = 20_000
    batch_bytes: int = 32 * 1024 * 1024


class TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"request body too large (at most {limit} bytes)")
        self.limit = limit


def dumps(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def error_doc(where: str, message: str) -> dict[str, Any]:
    return {"error": {"where": where, "message": " ".join(message.split())}}


@attrs.frozen
class Service:
    """What every request shares: the policies, the limits and the fixed headers."""

    policies: Policies
    limits: Limits
    headers: Mapping[str, str]

    def json(self, doc: Any, status: int = 200) -> Response:
        body = dumps(doc)
        return Response(body, status, self._headers(hashlib.blake2b(body, digest_size=16)), JSON)

    def html(
        self, html: str, status: int = 200, extra: Mapping[str, str] | None = None
    ) -> Response:
        body = html.encode("utf-8")
        headers = {**self._headers(hashlib.blake2b(body, digest_size=16)), **(extra or {})}
        return Response(body, status, headers, "text/html; charset=utf-8")

    def error(self, status: int, where: str, message: str) -> Response:
        return self.json(error_doc(where, message), status)

    def stream(self, chunks: Iterator[bytes], request_digest: Any, media: str = JSON) -> Response:
        return StreamingResponse(chunks, 200, self._headers(request_digest), media)

    def _headers(self, digest: Any) -> dict[str, str]:
        return {**self.headers, "X-Decision-Id": digest.hexdigest()}


def policy_versions(policies: Policies) -> str:
    return ", ".join(f"{p.id}={p.version}" for p in policies.all())


def index_doc(policies: Policies) -> dict[str, Any]:
    """``/``: the library's version and the policies loaded, with their identity."""
    return {
        "name": "groupement-rules",
        "version": __version__,
        "policies": [
            {
                "id": p.id,
                "kind": p.kind,
                "title": p.title,
                "version": p.version,
                "last_verified_on": p.last_verified_on.isoformat() if p.last_verified_on else None,
                "default": p is policies.default_convention,
            }
            for p in policies.all()
        ],
        "openapi": "/openapi.json",
        "docs": "/docs",
        "page": "/ui",
    }


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (:class:`TooLarge`) as soon as it passes ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise TooLarge(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def body_kind(content_type: str, filename: str = "") -> str:
    """How to read a body: ``json``, ``toml``, ``text`` or ``pdf``, from its type or name."""
    ct = content_type.split(";")[0].strip().lower()
    name = filename.lower()
    if ct == "application/pdf" or name.endswith(".pdf"):
        return "pdf"
    if ct in ("application/toml", "text/toml") or name.endswith(".toml"):
        return "toml"
    if ct.endswith("json") or name.endswith(".json"):
        return "json"
    return "text"


def _digest(request: Request, body: bytes, versions: str) -> Any:
    h = hashlib.blake2b(digest_size=16)
    for part in (__version__, versions, request.url.path, str(request.query_params)):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    h.update(body)
    return h


Handler = Callable[[Request], Awaitable[Response]]


def _guard(svc: Service, fn: Handler) -> Handler:
    """Map input errors to 400, limits to 413, anything else to a one-line 500."""

    async def handle(request: Request) -> Response:
        try:
            return await fn(request)
        except InputError as e:
            return svc.error(400, e.where, e.reason)
        except NoValueInForce as e:
            return svc.error(400, "date", f"{e} (outside the dates the policy covers)")
        except TooLarge as e:
            return svc.error(413, "body", str(e))
        except HTTPException:
            raise
        except Exception as e:  # no input should get here: logged, never shown as a traceback
            log.exception("internal error on %s", request.url.path)
            return svc.error(500, "server", f"internal error: {type(e).__name__} (please report)")

    return handle


def _params(request: Request) -> dict[str, Any]:
    return dict(request.query_params)


#: Questions whose answer is a pure function of their parameters and the policies loaded
#: (no document, no "today"): their encoded answers are kept, as the rules keep decisions.
PURE = frozenset({"withdraw", "windows", "status", "timeline", "convocation", "recours"})
#: Encoded answers kept (a bounded, least-recently-used table).
ANSWER_CACHE_SIZE = 4096


class AnswerCache:
    """A bounded LRU table of encoded answers, safe across threads."""

    def __init__(self, size: int = ANSWER_CACHE_SIZE) -> None:
        import threading
        from collections import OrderedDict

        self.size = size
        self._items: OrderedDict[tuple[object, ...], tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> tuple[bytes, str] | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: tuple[object, ...], value: tuple[bytes, str]) -> None:
        with self._lock:
            self._items[key] = value
            if len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


def _question_endpoint(svc: Service, q: Question) -> Handler:
    cache = AnswerCache() if q.name in PURE else None

    async def endpoint(request: Request) -> Response:
        if cache is not None and "text/calendar" not in request.headers.get("accept", ""):
            key = (q.name, *request.query_params.multi_items())
            hit = cache.get(key)
            if hit is None:
                resp = await compute(request)
                if resp.status_code == 200:
                    cache.put(key, (bytes(resp.body), resp.headers["x-decision-id"]))
                return resp
            body, digest = hit
            return Response(body, 200, {**svc.headers, "X-Decision-Id": digest}, JSON)
        return await compute(request)

    async def compute(request: Request) -> Response:
        given = _params(request)
        lang = given.get("lang") or "fr"
        body = None
        if q.body is not None:
            data, kind, _ = await _upload(request, svc.limits.body_bytes)
            body = (data, kind)
        result = answer(svc.policies, q.name, given, body)
        if q.name == "timeline" and "text/calendar" in request.headers.get("accept", ""):
            return _calendar(svc, given)
        return svc.json(result_dict(result, lang))

    return endpoint


def _calendar(svc: Service, given: Mapping[str, Any]) -> Response:
    import datetime as dt

    from ..ics import convention_ics

    policy = svc.policies.convention(given.get("policy"))
    data = convention_ics(policy, stamp=dt.datetime.now(dt.UTC), lang=given.get("lang") or "fr")
    h = hashlib.blake2b(data, digest_size=16)
    return Response(data, 200, svc._headers(h), "text/calendar")


async def _upload(request: Request, limit: int) -> tuple[bytes, str, str]:
    """A document from a raw body, or from the ``file`` (or ``text``) field of a form."""
    ct = request.headers.get("content-type", "")
    if ct.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        form = await request.form(max_part_size=limit)
        try:
            f = form.get("file")
            if f is not None and not isinstance(f, str):
                data = await f.read(limit + 1)
                if len(data) > limit:
                    raise TooLarge(limit)
                if data:
                    name = f.filename or "file"
                    return data, body_kind(f.content_type or "", name), name
            text = form.get("text")
            if isinstance(text, str) and text.strip():
                return text.encode("utf-8"), "text", "text"
        finally:
            await form.close()
        raise InputError("file", "missing: send the document as the 'file' field (or 'text')")
    return await read_body(request, limit), body_kind(ct), "body"


def create_app(
    *,
    policies: Policies | None = None,
    policy_files: tuple[str, ...] = (),
    cgct_file: str | None = None,
    deadlines_file: str | None = None,
    api_key: str | None = None,
    limits: Limits | None = None,
) -> Starlette:
    """The ASGI application (mountable): every CLI question, the page, the contract.

    ``policies`` (or the policy files, loaded now) are those the server answers
    with; ``api_key``, when given, is required on every request but ``/health``
    (``Authorization: Bearer KEY``, ``X-API-Key: KEY``, or the password of HTTP
    Basic for browsers), compared in constant time.
    """
    from . import batch, page, scdl_api

    pol = policies or load_policies(policy_files, cgct_file, deadlines_file)
    svc = Service(
        pol,
        limits or Limits(),
        {
            "X-Groupement-Rules-Version": __version__,
            "X-Policy-Versions": policy_versions(pol),
        },
    )

    async def health(request: Request) -> Response:
        return svc.json({"status": "ok", "version": __version__})

    async def index(request: Request) -> Response:
        accept = request.headers.get("accept", "")
        if "text/html" in accept and "application/json" not in accept:
            return Response(status_code=303, headers={**svc.headers, "Location": "/ui"})
        return svc.json(index_doc(pol))

    async def openapi(request: Request) -> Response:
        return svc.json(openapi_doc())

    async def schema(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in schema_names():
            return svc.error(404, "schema", f"no schema {name!r}")
        return svc.json(load_schema(name))

    routes: list[BaseRoute] = [
        Route("/", index),
        Route("/health", health),
        Route("/openapi.json", openapi),
        Route("/schemas/{name}", schema),
    ]
    for q in QUESTIONS.values():
        method = "POST" if q.body else "GET"
        routes.append(
            Route(f"/{q.name}", _guard(svc, _question_endpoint(svc, q)), methods=[method])
        )
    for path, fn, methods in (
        *batch.routes(svc),
        *scdl_api.routes(svc),
        *page.routes(svc),
    ):
        routes.append(Route(path, _guard(svc, fn), methods=methods))

    async def not_found(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        where = request.url.path
        if exc.status_code == 405:
            return svc.error(405, where, f"method {request.method} not allowed here")
        if exc.status_code == 404:
            return svc.error(404, where, "no such endpoint (see /openapi.json)")
        return svc.error(exc.status_code, where, str(exc.detail))

    async def server_error(request: Request, exc: Exception) -> Response:
        return svc.error(500, "server", f"internal error: {type(exc).__name__} (please report)")

    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: not_found, Exception: server_error},
    )
    app.state.service = svc
    if api_key:
        app.add_middleware(ApiKey, key=api_key, headers=svc.headers)
    return app


class ApiKey:
    """Require the API key on every request but ``/health`` (constant-time comparison)."""

    def __init__(self, app: ASGIApp, key: str, headers: Mapping[str, str]) -> None:
        self.app = app
        self.key = key.encode("utf-8")
        self.headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == "/health" or self._ok(scope):
            await self.app(scope, receive, send)
            return
        body = dumps(error_doc("api key", "missing or wrong API key"))
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [
                    (b"content-type", JSON.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"www-authenticate", b'Basic realm="groupement-rules", charset="UTF-8"'),
                    *self.headers,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _ok(self, scope: Scope) -> bool:
        given = b""
        for name, value in scope["headers"]:
            if name == b"x-api-key":
                given = value.strip()
            elif name == b"authorization":
                scheme, _, cred = value.partition(b" ")
                if scheme.lower() == b"bearer":
                    given = cred.strip()
                elif scheme.lower() == b"basic":
                    import base64
                    import binascii

                    try:
                        given = base64.b64decode(cred.strip(), validate=True).partition(b":")[2]
                    except (binascii.Error, ValueError):
                        given = b""
        return hmac.compare_digest(given, self.key)


# -- the contract, as data ------------------------------------------------------


def schema_names() -> list[str]:
    root = resources.files("groupement_rules") / "schemas"
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".schema.json"))


def load_schema(name: str) -> Any:
    root = resources.files("groupement_rules") / "schemas"
    return json.loads((root / name).read_text(encoding="utf-8"))


def openapi_doc() -> Any:
    """The OpenAPI 3.1 document (``web/openapi.json``), with the library's version."""
    ref = resources.files("groupement_rules") / "web" / "openapi.json"
    doc = json.loads(ref.read_text(encoding="utf-8"))
    doc["info"]["version"] = __version__
    return doc


__all__ = ["Limits", "Service", "create_app"]
