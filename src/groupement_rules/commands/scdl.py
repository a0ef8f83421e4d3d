"""CLI commands ``scdl`` (check an SCDL « Délibérations » CSV) and ``scdl-write``
(séance facts → SCDL rows), SPEC Part D.

``scdl`` reads its file once (``-`` for standard input; a pipe works), and reads every
record before it prints anything: a file that cannot be read is one error line (exit
2) and no output. ``--json`` prints one JSON document, streamed row by row, which is
always complete (should the file change under the second pass, the document still
ends, with an ``error`` member); ``--json-lines`` prints one JSON object a line.
``--min-severity`` leaves out the findings below a level (and, in JSON, the rows left
without a finding); the summary counts them all. Exit status 1 when the header or a
row has an error (with ``--fail-on warning``, a warning too).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from ..cli import EXIT_FINDINGS, EXIT_OK, common
from ..cli import note as note_severities
from ..errors import InputError
from .progress import Progress, add_flag, label, ocr_progress, progress_for

# the findings and their renderers: imported when a command runs, not for ``--help``
if TYPE_CHECKING:
    from ..decision import Finding

#: The levels of ``--min-severity``, worst first (the values of
#: :class:`groupement_rules.decision.Severity`, which tests/cli checks).
SEVERITIES = ("error", "warning", "info")

REPORT_FORMAT = "groupement-rules/scdl-report/1"
LINES_FORMAT = "groupement-rules/scdl-report-lines/1"

_L = {
    "header": ("en-tête", "header"),
    "row": (
        "ligne de données {row} (ligne {line} du fichier), DELIB_ID {id}",
        "data row {row} (line {line} of the file), DELIB_ID {id}",
    ),
    "summary": (
        "Résumé : {rows:pl(ligne|lignes)}, {errors} avec erreur, {warnings} avec avertissement",
        "Summary: {rows:pl(row|rows)}, {errors} with an error, {warnings} with a warning",
    ),
    "header_errors": (
        "{n:pl(erreur|erreurs)} dans l'en-tête",
        "{n:pl(error|errors)} in the header",
    ),
    "outcomes": ("issues (L2121-20)", "outcomes (L2121-20)"),
    "note_row": ("ligne {row}", "row {row}"),
    "adopted": ("adoptée", "adopted"),
    "rejected": ("rejetée", "rejected"),
    "tie": ("à égalité", "tied"),
}


def _say(key: str, lang: str, **values: Any) -> str:
    from ..decision import format_message

    return format_message(label(_L, key, lang), values, lang)


def _finding_line(x: Finding, lang: str) -> str:
    from ..render.core import SEVERITY

    return (
        f"{label(SEVERITY, x.severity.value, lang)} {x.code} [{x.column or '-'}] {x.message(lang)}"
    )


def cmd_scdl(args: argparse.Namespace) -> int:
    from ..scdl import SummaryBuilder, open_scdl, severity_at_least

    if args.json and args.json_lines:
        raise InputError("--json-lines", "choose --json or --json-lines, not both")
    floor = args.min_severity or ("info" if args.json or args.json_lines else "warning")
    keep = severity_at_least(floor)
    progress = progress_for(args)
    with open_scdl(args.file) as f:
        # every record read: an unreadable file fails here, before any output
        f.scan(progress.phase("reading") if progress else None)
        builder = SummaryBuilder(f.header.findings)
        out = sys.stdout
        try:
            if args.json_lines or args.json:
                if progress:  # the document may go to the same terminal
                    progress.clear()
                if args.json_lines:
                    _json_lines(f, builder, keep, args.lang, out)
                else:
                    _json_document(f, builder, keep, args.lang, out, skip_empty=floor != "info")
            else:
                _text(f, builder, keep, args.lang, out, progress)
        finally:
            if progress:
                progress.clear()
        summary = builder.build()
        note_severities(args, [x.severity for x in f.header.findings])
    seen = ["error"] * summary.has_errors() + ["warning"] * bool(summary.rows_with_warnings)
    note_severities(args, seen)
    return EXIT_FINDINGS if summary.has_errors() else EXIT_OK


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _json_document(
    f: Any,
    builder: Any,
    keep: Callable[[Finding], bool],
    lang: str,
    out: TextIO,
    *,
    skip_empty: bool,
) -> None:
    out.write(f'{{\n"format": "{REPORT_FORMAT}",\n')
    out.write(f'"file": {_dump(f.name)},\n"separator": {_dump(f.header.separator)},\n')
    header = [x.to_dict(lang) for x in f.header.findings if keep(x)]
    out.write(f'"header_findings": {_dump(header)},\n"rows": [\n')
    first = True
    try:
        for r in f.rows():
            builder.add(r)
            row = r.to_dict(lang, keep)
            if skip_empty and not row["findings"]:
                continue
            out.write(("" if first else ",\n") + _dump(row))
            first = False
    except InputError as e:
        out.write(f'\n],\n"error": {_dump(str(e))}\n}}\n')
        raise
    summary = builder.build().to_dict()
    out.write(f'\n],\n"summary": {_dump(summary)}\n}}\n')


def _json_lines(
    f: Any, builder: Any, keep: Callable[[Finding], bool], lang: str, out: TextIO
) -> None:
    header = {
        "type": "header",
        "format": LINES_FORMAT,
        "file": f.name,
        "separator": f.header.separator,
        "findings": [x.to_dict(lang) for x in f.header.findings if keep(x)],
    }
    out.write(_dump(header) + "\n")
    try:
        for r in f.rows():
            builder.add(r)
            row = r.to_dict(lang, keep)
            if row["findings"]:
                out.write(_dump({"type": "row", **row}) + "\n")
    except InputError as e:
        out.write(_dump({"type": "error", "message": str(e)}) + "\n")
        raise
    out.write(_dump({"type": "summary", "summary": builder.build().to_dict()}) + "\n")


def _text(
    f: Any,
    builder: Any,
    keep: Callable[[Finding], bool],
    lang: str,
    out: TextIO,
    progress: Progress | None = None,
) -> None:
    head = label(_L, "header", lang)
    for x in f.header.findings:
        if keep(x):
            out.write(f"{head}: {_finding_line(x, lang)}\n")
    for r in f.rows(progress.phase("checking") if progress else None):
        builder.add(r)
        shown = [x for x in r.findings if keep(x)]
        if not shown:
            continue
        if progress:
            progress.clear()
        out.write(_say("row", lang, row=r.row, line=r.line, id=r.delib_id or "-") + ":\n")
        for x in shown:
            out.write(f"  {_finding_line(x, lang)}\n")
    s = builder.build()
    summary = _say(
        "summary", lang, rows=s.rows, errors=s.rows_with_errors, warnings=s.rows_with_warnings
    )
    if s.header_errors:
        summary += "; " + _say("header_errors", lang, n=s.header_errors)
    out.write(summary + "\n")
    for code, n in sorted(s.codes.items()):
        out.write(f"  {code}: {n}\n")
    if s.outcomes:
        outcomes = ", ".join(f"{label(_L, k, lang)} {v}" for k, v in sorted(s.outcomes.items()))
        out.write(f"  {label(_L, 'outcomes', lang)}: {outcomes}\n")


def cmd_scdl_write(args: argparse.Namespace) -> int:
    from ..readers.seance import validate_seance_facts
    from ..readers.text import load_seance_input
    from ..scdl.writing import (
        check_matiere,
        check_siret,
        check_url,
        scdl_rows_from_facts,
        write_scdl,
    )

    siret = check_siret(args.siret or "", "--siret")
    code, nom = check_matiere(
        args.matiere_code or "", args.matiere_nom or "", "--matiere-code", "--matiere-nom"
    )
    url = check_url(args.url or "", "--url")
    with ocr_progress(args) as progress:
        facts = load_seance_input(args.file, progress=progress)
    validate_seance_facts(facts, str(args.file))
    rows = scdl_rows_from_facts(
        facts,
        coll_nom=args.coll_nom,
        coll_siret=siret,
        matiere_code=code,
        matiere_nom=nom,
        delib_url=url,
    )
    if not rows:
        raise InputError(args.file, "no délibération in these facts: nothing to write")
    write_scdl([r.row for r in rows], sys.stdout)
    for i, r in enumerate(rows, 1):
        for note in r.notes:
            print(
                f"groupement-rules: note: {_say('note_row', args.lang, row=i)}: "
                f"{note.message(args.lang)}",
                file=sys.stderr,
            )
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("scdl", help="check an SCDL « Délibérations » CSV file, row by row")
    p.add_argument(
        "file", metavar="FILE", help="the CSV file (UTF-8, comma or semicolon); - for stdin"
    )
    common(p)
    p.add_argument(
        "--json-lines",
        action="store_true",
        help="print one JSON object a line (header, rows with findings, summary)",
    )
    p.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        help="leave out findings below this level (default: info in JSON, warning in text)",
    )
    add_flag(p)
    p.set_defaults(func=cmd_scdl)

    p = sub.add_parser(
        "scdl-write",
        help="write SCDL « Délibérations » rows from séance facts (JSON/TOML or text)",
    )
    p.add_argument("file", metavar="FILE", help="séance facts (.json, .toml) or a text (.txt)")
    p.add_argument("--siret", help="COLL_SIRET (14 digits, a valid SIRET)")
    p.add_argument("--coll-nom", help="COLL_NOM (default: the commune's name)")
    p.add_argument("--matiere-code", help="DELIB_MATIERE_CODE, an ACTES code such as 1.4")
    p.add_argument("--matiere-nom", help="DELIB_MATIERE_NOM, e.g. 'Commande publique/Autres'")
    p.add_argument("--url", help="DELIB_URL")
    common(p, json_flag=False, fail_on=False)
    add_flag(p)
    p.set_defaults(func=cmd_scdl_write)


__all__ = ["register"]
