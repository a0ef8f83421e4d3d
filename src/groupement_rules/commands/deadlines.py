"""CLI commands of deadlines (SPEC Part C): ``recours`` and ``executory``, plus the
report section that shows the seed délibération's executory force."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

from ..cli import EXIT_OK, common, emit, iso_date, output_file
from ..errors import InputError
from .progress import add_flag, ocr_progress

# The rules and readers are imported by the command that runs (not for ``--help``).
if TYPE_CHECKING:
    from ..decision import Decision


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def cmd_recours(args: argparse.Namespace) -> int:
    from ..deadlines import load_deadlines, recours
    from ..holidays_fr import calendar_for_insee

    policy = load_deadlines(args.deadlines_policy)
    cal = calendar_for_insee(args.insee, good_friday=args.good_friday)
    if args.rejected is not None and args.gracieux is None:
        raise InputError("--rejected", "needs --gracieux (the date of the recours gracieux)")
    d = recours(
        policy,
        args.date,
        cal,
        trigger="notification" if args.notified else "publication",
        gracieux_on=args.gracieux,
        rejected_on=args.rejected,
    )
    if args.ics:
        from ..ics import recours_ics, write_ics

        write_ics(args.ics, recours_ics(d, stamp=_now(), lang=args.lang))
    emit(args, d)
    return EXIT_OK


def cmd_executory(args: argparse.Namespace) -> int:
    from ..deadlines import executory, load_deadlines
    from ..holidays_fr import calendar_for_insee
    from ..readers.act import load_act

    policy = load_deadlines(args.deadlines_policy)
    with ocr_progress(args) as progress:
        act, good_friday = load_act(args.file, progress=progress)
    cal = calendar_for_insee(act.insee, good_friday=good_friday)
    emit(args, executory(policy, act, cal))
    return EXIT_OK


def seed_act_decision() -> Decision:
    """The seed délibération (Le Lion d'Angers, 2026-02-03): executory force and recours."""
    from importlib import resources

    from ..deadlines import executory, load_deadlines
    from ..holidays_fr import calendar_for_insee
    from ..readers.act import act_from_dict

    ref = resources.files("groupement_rules") / "data" / "seed-act.json"
    act, good_friday = act_from_dict(json.loads(ref.read_text(encoding="utf-8")), "seed-act")
    cal = calendar_for_insee(act.insee, good_friday=good_friday)
    return executory(load_deadlines(), act, cal)


def report_section(args: argparse.Namespace) -> list[Decision]:
    return [seed_act_decision()]


def _policy_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--deadlines-policy",
        metavar="FILE",
        help="a deadlines policy file (TOML); default: the embedded one",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "recours",
        help="last admissible day of a recours contentieux against an act published on DATE",
    )
    p.add_argument("date", type=iso_date, metavar="DATE", help="date of publication (YYYY-MM-DD)")
    p.add_argument(
        "--notified", action="store_true", help="DATE is a notification, not a publication"
    )
    p.add_argument(
        "--insee",
        metavar="CODE",
        help="INSEE code of the commune: its public holidays (Alsace-Moselle, overseas)",
    )
    p.add_argument(
        "--good-friday",
        action="store_true",
        help="Alsace-Moselle commune with a Protestant temple or mixed church (L3134-13)",
    )
    p.add_argument("--gracieux", type=iso_date, metavar="DATE", help="date of a recours gracieux")
    p.add_argument(
        "--rejected",
        type=iso_date,
        metavar="DATE",
        help="date of the express rejection of the recours gracieux",
    )
    p.add_argument(
        "--ics",
        type=output_file,
        metavar="FILE",
        help="also write the last day as an iCalendar file",
    )
    _policy_option(p)
    common(p)
    p.set_defaults(func=cmd_recours)

    p = sub.add_parser(
        "executory",
        help="is this act executory, and since when? (facts in a JSON or TOML file)",
    )
    p.add_argument("file", metavar="FILE")
    _policy_option(p)
    common(p)
    add_flag(p)
    p.set_defaults(func=cmd_executory)


__all__ = ["register", "report_section", "seed_act_decision"]
