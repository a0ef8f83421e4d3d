"""CLI command of SPEC Part D ``read`` (text extract → séance facts); the SCDL commands
are in :mod:`.scdl`."""

from __future__ import annotations

import argparse
import json

from ..cli import EXIT_OK, common
from .progress import add_flag


def cmd_read(args: argparse.Namespace) -> int:
    # the text reader is heavy (its lexicon): loaded when ``read`` runs, not for --help
    from ..readers.text import read_extract_file
    from ..render.reading import render_extract
    from .progress import ocr_progress

    with ocr_progress(args) as progress:
        r = read_extract_file(args.file, progress=progress)
    if args.json:
        print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_extract(r, args.lang))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "read",
        help="read a délibération text (extract, PV) into séance facts, with provenance",
    )
    p.add_argument("file", metavar="FILE", help="UTF-8 text of the délibération (-: stdin)")
    common(p, fail_on=False)
    add_flag(p)
    p.set_defaults(func=cmd_read)


__all__ = ["register"]
