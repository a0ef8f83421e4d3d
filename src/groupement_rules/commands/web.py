"""``groupement-rules serve``: the HTTP API and the secretary's page (docs/http.md)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from starlette.applications import Starlette


def _port(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {n} (0 to 65535)")
    return n


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {n}")
    return n


def read_api_key(path: str) -> str:
    """The API key: the first line of the file, which must not be empty."""
    from ..inputs import read_text

    text = read_text(path, 64 * 1024)  # a key is one line: bounded, as every input
    key = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not key:
        raise InputError(path, "empty API key file")
    return key


_app_options: dict[str, object] = {}


def app_factory() -> Starlette:
    """The application for uvicorn's workers (``--workers N`` imports it by name)."""
    from ..web import Limits, create_app

    o = _app_options
    return create_app(
        policy_files=tuple(o.get("policy_files", ())),  # type: ignore[arg-type]
        cgct_file=o.get("cgct_file"),  # type: ignore[arg-type]
        deadlines_file=o.get("deadlines_file"),  # type: ignore[arg-type]
        api_key=o.get("api_key"),  # type: ignore[arg-type]
        limits=o.get("limits") or Limits(),  # type: ignore[arg-type]
    )


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..web import Limits
    except ImportError as e:
        raise InputError(
            "serve",
            f"the web extra is not installed ({e.name}): pip install 'groupement-rules[web]'",
        ) from None
    import os

    limits = Limits(body_bytes=args.max_body, csv_bytes=args.max_csv, batch_items=args.max_batch)
    options = {
        "policy_files": tuple(args.policy or ()),
        "cgct_file": args.cgct,
        "deadlines_file": args.deadlines_policy,
        "api_key": read_api_key(args.api_key_file) if args.api_key_file else None,
        "limits": limits,
    }
    _app_options.update(options)
    app_factory()  # load and check the policies now: a bad file is one line, exit 2
    if args.workers > 1:
        # workers import the factory afresh: hand them the options through the environment
        import json

        os.environ["GROUPEMENT_RULES_SERVE"] = json.dumps(
            {**options, "limits": [limits.body_bytes, limits.csv_bytes, limits.batch_items]}
        )
        uvicorn.run(
            "groupement_rules.commands.web:worker_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="warning",
            access_log=False,
        )
    else:
        uvicorn.run(
            app_factory(), host=args.host, port=args.port, log_level="warning", access_log=False
        )
    return 0


def worker_app() -> Starlette:
    """A worker's application, from the options ``serve`` left in the environment."""
    import json
    import os

    from ..web import Limits

    o = json.loads(os.environ["GROUPEMENT_RULES_SERVE"])
    o["limits"] = Limits(*o["limits"])
    _app_options.update(o)
    return app_factory()


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the HTTP API and the secretary's page (needs the [web] extra)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    p.add_argument("--workers", type=_positive, default=1, help="worker processes (default: 1)")
    p.add_argument(
        "--policy",
        metavar="FILE",
        action="append",
        help="a convention policy file (TOML) to load; repeatable; the first is the default",
    )
    p.add_argument("--cgct", metavar="FILE", help="a CGCT policy file (default: embedded)")
    p.add_argument(
        "--deadlines-policy", metavar="FILE", help="a deadlines policy file (default: embedded)"
    )
    p.add_argument(
        "--api-key-file",
        metavar="FILE",
        help="require this key (first line of FILE) on every request but /health",
    )
    p.add_argument(
        "--max-body",
        type=_positive,
        default=2 * 1024 * 1024,
        metavar="BYTES",
        help="largest document body (default: 2 MiB)",
    )
    p.add_argument(
        "--max-csv",
        type=_positive,
        default=64 * 1024 * 1024,
        metavar="BYTES",
        help="largest SCDL CSV body (default: 64 MiB)",
    )
    p.add_argument(
        "--max-batch",
        type=_positive,
        default=20_000,
        metavar="N",
        help="most items in one batch (default: 20000)",
    )
    p.set_defaults(func=cmd_serve)


__all__ = ["app_factory", "register"]
