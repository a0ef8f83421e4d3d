"""``POST /batch``: one question for many inputs, the shared inputs given once.

The body is ``{"question": NAME, "lang": "fr", "shared": {...}, "items": [{...}, ...]}``;
each item's parameters are laid over ``shared`` (a document question takes its
document as ``"body"``: an object, or a string for a text). The answer, streamed, is
``groupement-rules/batch/1``: one result per item, in order (the decision's JSON, or
``{"index": i, "error": {...}}`` for an item that is bad input), then a summary.
A bad item does not fail the batch: the others are answered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from ..errors import InputError
from ..policy import NoValueInForce
from .questions import QUESTIONS, Policies, answer, result_dict

FORMAT = "groupement-rules/batch/1"
#: Items answered between two writes of the stream.
CHUNK = 256

if TYPE_CHECKING:
    from .app import Service


def parse_batch(doc: Any, max_items: int) -> tuple[str, str, dict[str, Any], list[Any]]:
    """The question, language, shared inputs and items of a batch request."""
    from .app import TooLarge

    if not isinstance(doc, Mapping):
        raise InputError("body", "expected an object with 'question' and 'items'")
    unknown = set(doc) - {"question", "lang", "shared", "items"}
    if unknown:
        raise InputError(sorted(unknown)[0], "unknown key (known: question, lang, shared, items)")
    name = doc.get("question")
    if name not in QUESTIONS:
        raise InputError("question", f"unknown question {name!r} (known: {', '.join(QUESTIONS)})")
    lang = doc.get("lang") or "fr"
    if lang not in ("fr", "en"):
        raise InputError("lang", f"unknown language {lang!r} (fr or en)")
    shared = doc.get("shared") or {}
    if not isinstance(shared, Mapping):
        raise InputError("shared", "expected an object")
    items = doc.get("items")
    if not isinstance(items, list):
        raise InputError("items", "expected a list")
    if len(items) > max_items:
        raise TooLarge(max_items) from None
    return str(name), str(lang), dict(shared), items


def answer_item(pol: Policies, name: str, lang: str, shared: Mapping[str, Any], item: Any) -> Any:
    """One item's result: the decision's JSON, or an error (bad input of this item)."""
    if not isinstance(item, Mapping):
        raise InputError("item", "expected an object")
    given = {**shared, **item}
    body = given.pop("body", None)
    if isinstance(body, str):
        body = (body.encode("utf-8"), "text")
    elif body is not None and not isinstance(body, Mapping):
        raise InputError("body", "expected an object or a text")
    given["lang"] = lang
    return result_dict(answer(pol, name, given, body), lang)


def run_batch(
    pol: Policies, name: str, lang: str, shared: Mapping[str, Any], items: list[Any]
) -> Iterator[bytes]:
    """The batch answer, as chunks of JSON."""
    from .app import dumps, error_doc

    answers: Counter[str] = Counter()
    errors = 0
    yield b'{"format":"' + FORMAT.encode() + b'","question":' + dumps(name) + b',"results":['
    buf: list[bytes] = []
    for i, item in enumerate(items):
        try:
            doc = answer_item(pol, name, lang, shared, item)
            a = doc.get("answer")
            if isinstance(a, str):
                answers[a] += 1
        except InputError as e:
            errors += 1
            doc = {"index": i, **error_doc(e.where, e.reason)}
        except NoValueInForce as e:
            errors += 1
            doc = {"index": i, **error_doc("date", f"{e} (outside the dates the policy covers)")}
        buf.append(dumps(doc))
        if len(buf) >= CHUNK:
            yield (b"," if i >= CHUNK else b"") + b",".join(buf)
            buf = []
    if buf:
        yield (b"," if len(items) > len(buf) else b"") + b",".join(buf)
    summary = {"items": len(items), "answers": dict(sorted(answers.items())), "errors": errors}
    yield b'],"summary":' + dumps(summary) + b"}"


def routes(svc: Service) -> list[tuple[str, Any, list[str]]]:
    import json

    from .app import _digest, read_body

    async def batch(request: Request) -> Response:
        raw = await read_body(request, svc.limits.batch_bytes)
        try:
            doc = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise InputError("body", f"invalid JSON: {e}") from None
        name, lang, shared, items = parse_batch(doc, svc.limits.batch_items)
        chunks = run_batch(svc.policies, name, lang, shared, items)
        return svc.stream(chunks, _digest(request, raw, svc.headers["X-Policy-Versions"]))

    return [("/batch", batch, ["POST"])]
