"""The ``groupement-rules`` command (docs/cli.md).

Exit status: 0 when the question was answered, 1 when a ``check-*`` command
(or ``report``) found an error-level finding, 2 for bad input or usage, with
one clear line on standard error and never a traceback; 3 for an internal error
(a bug: one line asking to report it; ``GROUPEMENT_RULES_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ._version import __version__
from .errors import InputError
from .policy import NoValueInForce
from .readers.structured import date_out_of_range

if TYPE_CHECKING:
    from .decision import Decision

#: Each module exposes ``register(subparsers)``; a domain adds its commands here.
COMMAND_MODULES: tuple[str, ...] = (
    "groupement_rules.commands.convention",
    "groupement_rules.commands.seance",
    "groupement_rules.commands.reading",
    "groupement_rules.commands.scdl",
    "groupement_rules.commands.deadlines",
    "groupement_rules.commands.web",
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
#: An exception no input should cause: a bug, reported in one line, never a traceback.
EXIT_INTERNAL = 3


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line, with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def iso_date(value: str) -> dt.date:
    """An argparse type for ISO dates, with a clear message for 2026-02-30."""
    try:
        if len(value) != 10:
            raise ValueError
        d = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a valid date: {value!r} (expected YYYY-MM-DD)"
        ) from None
    reason = date_out_of_range(d)
    if reason:
        raise argparse.ArgumentTypeError(reason)
    return d


def common(parser: argparse.ArgumentParser, *, json_flag: bool = True) -> None:
    """The options every answering command has."""
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print the decision as JSON")
    parser.add_argument(
        "--lang", choices=("fr", "en"), default="fr", help="language of the text (default: fr)"
    )


def emit(args: argparse.Namespace, decision: Decision) -> None:
    """Print a decision as the options ask: JSON (``--json``) or text in ``--lang``."""
    from .render import render_text, to_json

    if args.json:
        print(to_json(decision.to_dict(args.lang)))
    else:
        print(render_text(decision, args.lang))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="groupement-rules",
        description=(
            "Explained decisions on the e-primo groupement de commandes convention and on "
            "municipal council séances (CGCT)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except InputError as e:
        print(f"groupement-rules: error: {_one_line(str(e))}", file=sys.stderr)
        return EXIT_USAGE
    except NoValueInForce as e:
        # a date before (or in a gap of) the policy's dated values: the input asks
        # about a time the policy does not cover
        print(
            f"groupement-rules: error: {_one_line(str(e))} (outside the dates the policy covers)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # last resort: no input reaches it (tests/cli/test_cli_bad_input.py)
        if os.environ.get("GROUPEMENT_RULES_DEBUG"):
            raise
        print(
            f"groupement-rules: internal error: {type(e).__name__}: {_one_line(str(e))} "
            "(please report)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    return code


def _one_line(message: str) -> str:
    """A message on one line, whatever the input quoted in it."""
    return " ".join(message.split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
