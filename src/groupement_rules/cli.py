"""The ``groupement-rules`` command (docs/cli.md).

Exit status: 0 when the question was answered, 1 when a ``check-*`` command
found an error-level finding (or, with ``--fail-on``, any command a finding of that
severity), 2 for bad input, usage or output that cannot be written, with one clear
line on standard error and never a traceback; 3 for an internal error (a bug: one
line asking to report it; ``GROUPEMENT_RULES_DEBUG=1`` shows the traceback); 130 after
Ctrl-C and 143 after SIGTERM, both unwound so that nothing is left behind.

The conventions every command shares are applied here, once, to every subcommand
that the modules of :data:`COMMAND_MODULES` register: ``-`` for standard input
(:mod:`groupement_rules.inputs`), ``--output FILE`` written atomically
(:mod:`groupement_rules.outputs`), ``--fail-on`` for the commands that answer with
decisions (:func:`common`, :func:`emit`, :func:`note`).
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import datetime as dt
import importlib
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO, cast

from . import inputs, outputs
from ._version import __version__
from .errors import InputError

if TYPE_CHECKING:
    from .decision import Decision, Severity

#: Each module exposes ``register(subparsers)``; a domain adds its commands here.
COMMAND_MODULES: tuple[str, ...] = (
    "groupement_rules.commands.convention",
    "groupement_rules.commands.seance",
    "groupement_rules.commands.reading",
    "groupement_rules.commands.scdl",
    "groupement_rules.commands.deadlines",
    "groupement_rules.commands.web",
    "groupement_rules.commands.shell",
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
#: An exception no input should cause: a bug, reported in one line, never a traceback.
EXIT_INTERNAL = 3


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line, with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from .render.errors import error_language, usage_error_in

        if error_language(_ARGV.get()) == "fr":
            fr = usage_error_in(message, "fr")
            self.exit(EXIT_USAGE, f"{self.prog} : erreur : {fr} (voir {self.prog} --help)\n")
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


#: The command line being parsed, for the language of argparse's own errors (explicit
#: ``--lang fr`` only, as for every error line: :mod:`groupement_rules.render.errors`).
_ARGV: contextvars.ContextVar[Sequence[str]] = contextvars.ContextVar("argv", default=())


def iso_date(value: str) -> dt.date:
    """An argparse type for dates: ``YYYY-MM-DD`` only, within the dates handled
    (:func:`groupement_rules.inputs.parse_iso_date`)."""
    try:
        return inputs.parse_iso_date(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def output_file(value: str) -> str:
    """An argparse type for a file to write (``--output``, ``--ics``): not empty."""
    try:
        return outputs.check_target(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


#: ``--fail-on`` thresholds: the severities that make the exit status 1.
FAIL_ON = {"error": ("error",), "warning": ("error", "warning")}


def common(
    parser: argparse.ArgumentParser, *, json_flag: bool = True, fail_on: bool = True
) -> None:
    """The options every answering command has."""
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print the decision as JSON")
    parser.add_argument(
        "--lang", choices=("fr", "en"), default=None, help="language of the text (default: fr)"
    )
    if fail_on:
        parser.add_argument(
            "--fail-on",
            choices=tuple(FAIL_ON),
            metavar="{error,warning}",
            help="exit with status 1 when a finding of this severity or worse is given",
        )


def note(args: argparse.Namespace, severities: Iterable[Severity | str]) -> None:
    """Record the severities of the findings a command gave (for ``--fail-on``)."""
    seen: set[str] = args.__dict__.setdefault("_severities", set())
    seen.update(str(s) for s in severities)


def note_decisions(args: argparse.Namespace, decisions: Iterable[Decision]) -> None:
    """Record the severities of the decisions' findings (for ``--fail-on``)."""
    note(args, (f.severity for d in decisions for f in d.findings))


def emit(args: argparse.Namespace, decision: Decision) -> None:
    """Print a decision as the options ask: JSON (``--json``) or text in ``--lang``."""
    from .render import render_text, to_json

    note_decisions(args, [decision])
    if args.json:
        print(to_json(decision.to_dict(args.lang)))
    else:
        print(render_text(decision, args.lang))


def _failed_on(args: argparse.Namespace) -> bool:
    threshold = getattr(args, "fail_on", None)
    if threshold is None:
        return False
    seen: set[str] = getattr(args, "_severities", set())
    return any(s in seen for s in FAIL_ON[threshold])


#: The commands that print no answer (a server): no ``--output`` for them.
NO_OUTPUT = frozenset({"serve"})


def _reads_a_file(action: argparse.Action) -> bool:
    """An argument that names a file the command reads (``FILE``, not one it writes)."""
    return action.metavar == "FILE" and action.type is not output_file


def _stdin_once(parser: argparse.ArgumentParser) -> None:
    """Record the file arguments of a command, so that ``-`` (standard input, which can
    be read once) is refused when given to two of them (:func:`_check_stdin_once`)."""
    named = tuple(
        (a.dest, a.option_strings[-1] if a.option_strings else str(a.metavar))
        for a in parser._actions
        if _reads_a_file(a)
    )
    parser.set_defaults(_file_arguments=named)


def _check_stdin_once(args: argparse.Namespace) -> None:
    given = []
    for dest, shown in getattr(args, "_file_arguments", ()):
        value = getattr(args, dest, None)
        values = value if isinstance(value, list) else [value]
        given += [shown] * values.count(inputs.STDIN)
    if len(given) > 1:
        raise InputError(
            inputs.STDIN_NAME,
            f"standard input can be read once: '-' given to {' and '.join(given)}",
        )


def _conventions(parser: argparse.ArgumentParser) -> None:
    """The options every command takes, added once for all (``--output``)."""
    _stdin_once(parser)
    if any("--output" in a.option_strings for a in parser._actions):
        return
    parser.add_argument(
        "-o",
        "--output",
        type=output_file,
        metavar="FILE",
        help="write the output to FILE (replaced only once complete) instead of stdout",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="groupement-rules",
        description=(
            "Explained decisions on the e-primo groupement de commandes convention and on "
            "municipal council séances (CGCT)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # also before the command (``groupement-rules --lang en report``), as the README's
    # French paragraph puts it; the command's own ``--lang`` wins when both are given
    parser.add_argument(
        "--lang",
        dest="lang_before_command",
        choices=("fr", "en"),
        default=None,
        help="language of the text (default: fr)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    for name, command in sub.choices.items():
        if name in NO_OUTPUT:
            _stdin_once(command)
        else:
            _conventions(command)
    return parser


def _error_line(e: InputError, argv: Sequence[str]) -> str:
    """The one line of a refused input; in French with an explicit ``--lang fr``
    (:mod:`groupement_rules.render.errors`), else as the reader wrote it."""
    from .render.errors import error_language, reason_in

    if error_language(argv) != "fr":
        return f"groupement-rules: error: {_one_line(str(e))}"
    where, reason = getattr(e, "where", ""), getattr(e, "reason", None)
    text = str(e) if reason is None else reason_in(str(reason), "fr")
    if reason is not None and where:
        text = f"{where} : {text}"
    return f"groupement-rules : erreur : {_one_line(text)}"


def _help_in_its_language(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """``--help`` in French or English (:mod:`groupement_rules.render.help`)."""
    if "-h" not in argv and "--help" not in argv:
        return
    from .render.help import help_language, to_french

    if help_language(argv) == "fr":
        to_french(parser)


@contextlib.contextmanager
def _stdout_to(path: str | None) -> Iterator[None]:
    """Standard output, for the command's run, goes to ``path`` (atomically) when given,
    through a stream that reports a failed write as one line (a full disk)."""
    if path is None or path == "-":
        guarded = outputs.GuardedStream(sys.stdout, outputs.STDOUT_NAME)
        with contextlib.redirect_stdout(guarded):
            yield
        _flush_stdout()
        return
    with outputs.open_output(path) as stream:
        guarded = outputs.GuardedStream(cast("TextIO", stream), path)
        with contextlib.redirect_stdout(guarded):
            yield
        # flushed here, where a full disk is reported: the guard, once collected, closes
        # quietly, and a buffer whose write failed there is not written again
        guarded.flush()


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as e:
        raise outputs.OutputError(outputs.STDOUT_NAME, e) from None


#: The exit status after SIGTERM (128 + 15, as a shell reports it).
EXIT_TERMINATED = 143


class _Terminated(BaseException):
    """SIGTERM, raised where the command is, so that its ``finally`` blocks run: the
    temporary file of ``--output`` is removed and an OCR's processes are stopped."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """SIGTERM raises :class:`_Terminated` for the run (from the main thread only, and
    only where nobody else has set a handler), the previous handler restored after."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous is not signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    with _sigterm_unwinds():
        try:
            return _main(argv)
        except _Terminated:
            return EXIT_TERMINATED


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    _help_in_its_language(parser, sys.argv[1:] if argv is None else argv)
    token = _ARGV.set(tuple(sys.argv[1:] if argv is None else argv))
    try:
        args = parser.parse_args(argv)
    finally:
        _ARGV.reset(token)
    if "lang" in vars(args):
        args.lang = args.lang or args.lang_before_command or "fr"
    try:
        _check_stdin_once(args)
        with _stdout_to(getattr(args, "output", None)):
            code: int = args.func(args)
    except outputs.OutputError as e:
        if e.where == outputs.STDOUT_NAME:
            outputs.silence_stdout()
        print(f"groupement-rules: error: {_one_line(str(e))}", file=sys.stderr)
        return EXIT_USAGE
    except InputError as e:
        print(_error_line(e, sys.argv[1:] if argv is None else argv), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        outputs.silence_stdout()
        return EXIT_OK
    except Exception as e:  # last resort: no input reaches it (tests/cli/)
        if os.environ.get("GROUPEMENT_RULES_DEBUG"):
            raise
        print(
            f"groupement-rules: internal error: {type(e).__name__}: {_one_line(str(e))} "
            "(please report)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    if code == EXIT_OK and _failed_on(args):
        return EXIT_FINDINGS
    return code


#: The longest error line printed; the longest quoted piece of input and the longest
#: unbroken run of characters (a key, a path) kept in it.
MAX_LINE, MAX_QUOTE, MAX_RUN = 400, 60, 120

_LONG = re.compile(
    rf"'[^']{{{MAX_QUOTE + 1},}}'|\"[^\"]{{{MAX_QUOTE + 1},}}\"|\S{{{MAX_RUN + 1},}}"
)


def _cut(piece: str) -> str:
    keep = MAX_QUOTE if piece[0] in "'\"" else MAX_RUN
    return piece[: keep - 1] + "…"


def _one_line(message: str) -> str:
    """A message on one line, whatever the input quoted in it: each quoted piece longer
    than :data:`MAX_QUOTE` and each unbroken run longer than :data:`MAX_RUN` is cut,
    then the line at :data:`MAX_LINE`, each cut marked with ``…``."""
    line = " ".join(message.split())
    line = _LONG.sub(lambda m: _cut(m.group(0)), line)
    return line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
