"""CLI commands of the séance (SPEC Part B): ``check-seance`` and ``convocation``; and the
``report`` section that checks the embedded seed séance."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ..cli import EXIT_FINDINGS, EXIT_OK, common, emit, iso_date
from .progress import add_flag, ocr_progress

# The rules and readers are imported by the command that runs (not for ``--help``).
if TYPE_CHECKING:
    from ..decision import Decision
    from ..policy import Policy
    from ..seance.facts import Seance

SEED = "seed-seance.json"


def seed_seance() -> Seance:
    """The embedded seed séance (Le Lion d'Angers, 2026-02-02, SPEC B.3)."""
    from importlib import resources

    from ..readers.seance import seance_from_dict

    ref = resources.files("groupement_rules") / "data" / SEED
    return seance_from_dict(json.loads(ref.read_text(encoding="utf-8")), "seed-seance")


def _policy(args: argparse.Namespace) -> Policy:
    from ..seance.policy import load_cgct

    return load_cgct(getattr(args, "cgct", None))


def cmd_check_seance(args: argparse.Namespace) -> int:
    # JSON/TOML facts, the saved output of ``read --json``, or the text itself (SPEC D)
    from ..readers.seance import seance_from_dict
    from ..readers.text import load_seance_reading
    from ..readers.text.findings import with_reading_findings
    from ..seance.rules import check_seance

    with ocr_progress(args) as progress:
        facts, disagreements = load_seance_reading(args.file, progress=progress)
    seance = seance_from_dict(facts, str(args.file))
    # a printed count that the text's own list contradicts: count-list-disagree (SPEC D)
    d = with_reading_findings(check_seance(seance, _policy(args)), disagreements)
    emit(args, d)
    return EXIT_FINDINGS if d.has_errors() else EXIT_OK


def cmd_convocation(args: argparse.Namespace) -> int:
    from ..seance.convocation import latest_sending_day

    d = latest_sending_day(
        _policy(args),
        args.date,
        args.population,
        urgent=args.urgent,
        first_after_renewal=args.first_after_renewal,
    )
    emit(args, d)
    return EXIT_OK


def report_section(args: argparse.Namespace) -> list[Decision]:
    """``report``: the seed séance, checked with the embedded CGCT parameters."""
    from ..seance.policy import load_cgct
    from ..seance.rules import check_seance

    return [check_seance(seed_seance(), load_cgct(None))]


def _population(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"a population cannot be negative: {n}")
    return n


def _cgct_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cgct",
        metavar="FILE",
        help="a CGCT policy file (TOML); default: the embedded policies/cgct.toml",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check-seance",
        help="check a municipal council séance and its vote counts (JSON or TOML)",
    )
    p.add_argument("file", metavar="FILE")
    _cgct_option(p)
    common(p)
    add_flag(p)
    p.set_defaults(func=cmd_check_seance)

    p = sub.add_parser(
        "convocation", help="the last day a convocation may be sent for a séance on DATE"
    )
    p.add_argument("date", type=iso_date, metavar="DATE", help="day of the séance (YYYY-MM-DD)")
    p.add_argument(
        "--population",
        type=_population,
        required=True,
        metavar="N",
        help="population authenticated at the last general renewal (R2151-4)",
    )
    p.add_argument("--urgent", action="store_true", help="urgency (L2121-11, L2121-12)")
    p.add_argument(
        "--first-after-renewal",
        action="store_true",
        help="first séance after a general renewal (L2121-7)",
    )
    _cgct_option(p)
    common(p)
    p.set_defaults(func=cmd_convocation)


__all__ = ["register", "report_section", "seed_seance"]
