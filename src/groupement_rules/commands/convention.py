"""CLI commands of the convention (SPEC Part A): withdraw, windows, status, timeline,
check-adherent, and the main job ``report``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    common,
    emit,
    iso_date,
    note,
    note_decisions,
    output_file,
)
from ..errors import InputError
from .progress import add_flag, ocr_progress, progress_for

# The rules, readers and renderers are imported by the command that runs, not when the
# parser is built: ``--help`` and every other command do not pay for them.
if TYPE_CHECKING:
    from ..decision import Decision
    from ..policy import Policy


def _policy(args: argparse.Namespace) -> Policy:
    from ..convention.policy import load_convention  # its TOML policy: when a command runs

    return load_convention(args.policy)


def _policy_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--policy",
        metavar="FILE",
        help="a convention policy file (TOML); default: the embedded e-primo convention",
    )


def cmd_withdraw(args: argparse.Namespace) -> int:
    from ..convention.rules import withdrawal

    policy = _policy(args)
    if args.received:
        d = withdrawal(policy, received_on=args.date, reading="received")
    else:
        d = withdrawal(policy, sent_on=args.date, reading="sent")
    emit(args, d)
    return EXIT_OK


def cmd_windows(args: argparse.Namespace) -> int:
    from ..convention.rules import withdrawal_windows

    emit(args, withdrawal_windows(_policy(args)))
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from ..convention.rules import status_on

    emit(args, status_on(_policy(args), args.date))
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace) -> int:
    from ..convention.rules import timeline

    policy = _policy(args)
    if args.ics:
        from ..ics import convention_ics, write_ics

        now = dt.datetime.now(dt.UTC)
        write_ics(args.ics, convention_ics(policy, stamp=now, lang=args.lang))
    emit(args, timeline(policy))
    return EXIT_OK


def _today(args: argparse.Namespace) -> dt.date:
    on: dt.date | None = args.on
    return on if on is not None else dt.date.today()


def cmd_check_adherent(args: argparse.Namespace) -> int:
    from ..convention.rules import check_adherent
    from ..readers.adherent import load_adherent

    policy = _policy(args)
    adherent = load_adherent(args.file)
    d = check_adherent(policy, adherent, _today(args))
    emit(args, d)
    return EXIT_FINDINGS if d.has_errors() else EXIT_OK


#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``=``, ``+``, ``-`` or ``@``
    (a formula, CWE-1236) is neutralised by a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cmd_check_adherents(args: argparse.Namespace) -> int:
    import csv
    import sys

    from ..convention.batch import COLUMNS, check_adherents
    from ..readers.adherent import load_adherents
    from ..render import to_json

    policy = _policy(args)
    on = _today(args)
    progress = progress_for(args)
    adherents = load_adherents(args.file)
    if progress:
        adherents = progress.counting("adherents", adherents)
    try:
        rows, summary = check_adherents(policy, adherents, on)
    finally:
        if progress:
            progress.clear()
    if args.json:
        print(
            to_json(
                {
                    "format": "groupement-rules/adherents/1",
                    "policy": policy.ref.to_dict(),
                    "summary": summary.to_dict(),
                    "rows": [r.to_dict() for r in rows],
                }
            )
        )
    else:
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(COLUMNS)
        for r in rows:
            d = r.to_dict()
            d["codes"] = " ".join(r.codes)
            out.writerow([safe_cell(d[c]) for c in COLUMNS])
        counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.answers.items()))
        print(f"{summary.adherents} adherents on {on.isoformat()}: {counts}", file=sys.stderr)
    bad = any(r.answer in ("invalid", "unreadable") for r in rows)
    note(args, ["error"] * any(r.errors or r.answer == "unreadable" for r in rows))
    note(args, ["warning"] * any(r.warnings for r in rows))
    return EXIT_FINDINGS if bad else EXIT_OK


def seed_adherent_decision(policy: Policy, on: dt.date) -> Decision:
    """The embedded seed adherent (Le Lion d'Angers, délibération of 2026-02-02), checked."""
    from importlib import resources

    from ..convention.rules import check_adherent
    from ..readers.adherent import adherent_from_dict

    ref = resources.files("groupement_rules") / "data" / "seed-adherent.json"
    adherent = adherent_from_dict(json.loads(ref.read_text(encoding="utf-8")), "seed-adherent")
    return check_adherent(policy, adherent, on)


def _seance_section(args: argparse.Namespace) -> list[Decision]:
    """The user's séance (``--seance``), else the embedded seed séance, checked."""
    if not getattr(args, "seance", None):
        from . import seance

        return seance.report_section(args)
    from ..inputs import source_name
    from ..readers.seance import seance_from_dict
    from ..readers.text import load_seance_input
    from ..seance.policy import load_cgct
    from ..seance.rules import check_seance

    with ocr_progress(args) as progress:
        facts = seance_from_dict(
            load_seance_input(args.seance, progress=progress), source_name(args.seance)
        )
    return [check_seance(facts, load_cgct(None))]


def _act_section(args: argparse.Namespace) -> list[Decision]:
    """The executory force of the user's act (``--act``), else of the seed act."""
    if not getattr(args, "act", None):
        from . import deadlines

        return deadlines.report_section(args)
    from ..deadlines import executory, load_deadlines
    from ..holidays_fr import calendar_for_insee
    from ..readers.act import load_act

    with ocr_progress(args) as progress:
        act, good_friday = load_act(args.act, progress=progress)
    return [
        executory(load_deadlines(), act, calendar_for_insee(act.insee, good_friday=good_friday))
    ]


def _report_sections() -> list[Callable[[argparse.Namespace], list[Decision]]]:
    """The sections of ``report`` after the convention's, in their order: the séance
    checked, then the act's executory force. An explicit list, not a registry."""
    return [_seance_section, _act_section]


def cmd_report(args: argparse.Namespace) -> int:
    from ..convention.rules import check_adherent, timeline, withdrawal_windows
    from ..readers.adherent import load_adherent
    from ..render import render_text, to_json

    policy = _policy(args)
    on = _today(args)
    adherent = (
        check_adherent(policy, load_adherent(args.adherent), on)
        if args.adherent
        else seed_adherent_decision(policy, on)
    )
    decisions = [timeline(policy), withdrawal_windows(policy), adherent]
    for section in _report_sections():
        decisions.extend(section(args))
    note_decisions(args, decisions)
    if args.json:
        print(
            to_json(
                {
                    "format": "groupement-rules/report/1",
                    "on": on.isoformat(),
                    "decisions": [d.to_dict(args.lang) for d in decisions],
                }
            )
        )
    else:
        print("\n\n".join(render_text(d, args.lang) for d in decisions))
    return EXIT_OK  # the report answered; its findings are in the output


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "withdraw",
        help="if the withdrawal letter is sent on DATE, is it valid and when does it take effect?",
    )
    p.add_argument("date", type=iso_date, metavar="DATE", help="date of the letter (YYYY-MM-DD)")
    p.add_argument(
        "--received",
        action="store_true",
        help="DATE is the day the rectorat receives the letter (the cautious reading)",
    )
    _policy_option(p)
    common(p)
    p.set_defaults(func=cmd_withdraw)

    p = sub.add_parser("windows", help="when could an adherent withdraw? the notice window(s)")
    _policy_option(p)
    common(p)
    p.set_defaults(func=cmd_windows)

    p = sub.add_parser("status", help="status of an adhesion on DATE")
    p.add_argument("date", type=iso_date, metavar="DATE")
    _policy_option(p)
    common(p)
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("timeline", help="every key date of the convention with its article")
    p.add_argument(
        "--ics",
        type=output_file,
        metavar="FILE",
        help="also write the key dates as an iCalendar file",
    )
    _policy_option(p)
    common(p)
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("check-adherent", help="check one adherent's file (JSON or TOML)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--on", type=iso_date, metavar="DATE", help="check as of DATE (default: today)")
    _policy_option(p)
    common(p)
    p.set_defaults(func=cmd_check_adherent)

    p = sub.add_parser(
        "check-adherents",
        help="check every adherent of a convention from a CSV file (one row each)",
    )
    p.add_argument(
        "file", metavar="FILE", help="one row per adherent: CSV or .xlsx (docs/convention.md)"
    )
    p.add_argument("--on", type=iso_date, metavar="DATE", help="check as of DATE (default: today)")
    _policy_option(p)
    common(p)
    add_flag(p)
    p.set_defaults(func=cmd_check_adherents)

    p = sub.add_parser(
        "report",
        help="the main job: timeline, withdrawal window and the seed adherent (and séance)",
    )
    p.add_argument("--on", type=iso_date, metavar="DATE", help="as of DATE (default: today)")
    p.add_argument("--adherent", metavar="FILE", help="your adherent file instead of the seed")
    p.add_argument(
        "--seance", metavar="FILE", help="your séance (JSON, TOML or text) instead of the seed"
    )
    p.add_argument("--act", metavar="FILE", help="your act (JSON or TOML) instead of the seed")
    _policy_option(p)
    common(p)
    add_flag(p)
    p.set_defaults(func=cmd_report)


__all__ = ["InputError", "register"]
