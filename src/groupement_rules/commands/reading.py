"""CLI commands of SPEC Part D: ``read`` (text extract → séance facts), ``scdl``
(check an SCDL « Délibérations » CSV) and ``scdl-write`` (séance facts → SCDL rows)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..cli import EXIT_FINDINGS, EXIT_OK, common
from ..cli import note as note_severities
from ..decision import Severity
from ..errors import InputError
from ..readers.extract import ExtractResult, load_seance_input, read_extract_file

_L = {
    "fr": {
        "commune": "Commune",
        "date": "Séance",
        "convocation": "Convocation envoyée le",
        "president": "Président(e)",
        "secretaries": "Secrétaire(s) de séance",
        "members": "Membres nommés",
        "absent": "Absents à l'ouverture",
        "proxies": "Procurations",
        "deliberation": "Délibération",
        "declared": "déclarés",
        "vote": "vote",
        "outcome": "issue",
        "stood_aside": "se déportent",
        "arrived": "arrivent",
        "left": "partent",
        "publication": "Publication",
        "unread": "Non lu (laissé inconnu)",
        "unknown": "inconnu",
        "stated_nodate": "ligne présente, sans date",
        "none": "aucune ligne de publication",
        "rows": "lignes",
        "errors": "avec erreur",
        "warnings": "avec avertissement",
        "summary": "Résumé",
        "row": "ligne de données",
        "outcomes": "issues (L2121-20)",
    },
    "en": {
        "commune": "Commune",
        "date": "Séance",
        "convocation": "Convocation sent on",
        "president": "President",
        "secretaries": "Secretary(ies)",
        "members": "Members named",
        "absent": "Absent at the opening",
        "proxies": "Procurations",
        "deliberation": "Délibération",
        "declared": "declared",
        "vote": "vote",
        "outcome": "outcome",
        "stood_aside": "stand aside",
        "arrived": "arrive",
        "left": "leave",
        "publication": "Publication",
        "unread": "Not read (left unknown)",
        "unknown": "unknown",
        "stated_nodate": "line present, no date",
        "none": "no publication line",
        "rows": "rows",
        "errors": "with an error",
        "warnings": "with a warning",
        "summary": "Summary",
        "row": "data row",
        "outcomes": "outcomes (L2121-20)",
    },
}


def _v(x: Any, lang: str) -> str:
    if x is None:
        return _L[lang]["unknown"]
    if isinstance(x, bool):
        return ("oui" if x else "non") if lang == "fr" else ("yes" if x else "no")
    return str(x)


def render_extract(r: ExtractResult, lang: str = "fr") -> str:
    t = _L[lang]
    f = r.facts
    lines = [
        f"{t['commune']}: {_v(f['commune']['name'], lang)}",
        f"{t['date']}: {_v(f['date'], lang)}",
        f"{t['convocation']}: {_v(f['convocation']['sent_on'], lang)}",
        f"{t['president']}: {_v(f['president'], lang)}",
        f"{t['secretaries']}: {', '.join(f['secretaries']) or _v(None, lang)}",
        f"{t['members']}: {len(f['members'])}",
        f"{t['absent']}: {', '.join(f['absent']) or '-'}",
        f"{t['proxies']}: " + (", ".join(f"{p['from']} → {p['to']}" for p in f["proxies"]) or "-"),
    ]
    for d in f["deliberations"]:
        lines.append(f"{t['deliberation']} {_v(d['number'], lang)}: {_v(d['title'], lang)}")
        decl = ", ".join(f"{k} {v}" for k, v in d["declared"].items() if v is not None)
        lines.append(f"  {t['declared']}: {decl or '-'}")
        vote = ", ".join(
            f"{k} {_v(v, lang)}" for k, v in d["vote"].items() if v not in (None, False)
        )
        lines.append(f"  {t['vote']}: {vote or '-'}; {t['outcome']}: {_v(d['outcome'], lang)}")
        for key in ("stood_aside", "arrived", "left"):
            if d[key]:
                lines.append(f"  {t[key]}: {', '.join(d[key])}")
    pub = r.publication
    if pub["stated"]:
        lines.append(f"{t['publication']}: {pub['date'] or t['stated_nodate']}")
    else:
        lines.append(f"{t['publication']}: {t['none']}")
    if r.unread:
        lines.append(f"{t['unread']}:")
        lines.extend(f"  - {u['fact']}: {u['reason']}" for u in r.unread)
    return "\n".join(lines)


def cmd_read(args: argparse.Namespace) -> int:
    r = read_extract_file(args.file)
    if args.json:
        print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_extract(r, args.lang))
    return EXIT_OK


def cmd_scdl(args: argparse.Namespace) -> int:
    from ..scdl import SummaryBuilder, open_scdl

    f = open_scdl(args.file)
    builder = SummaryBuilder(f.header.findings)
    lang = args.lang
    t = _L[lang]
    out = sys.stdout
    if args.json:
        out.write('{\n"format": "groupement-rules/scdl-report/1",\n')
        out.write(f'"file": {json.dumps(str(args.file), ensure_ascii=False)},\n')
        out.write(f'"separator": {json.dumps(f.header.separator)},\n')
        out.write(
            '"header_findings": '
            + json.dumps([x.to_dict(lang) for x in f.header.findings], ensure_ascii=False)
            + ',\n"rows": [\n'
        )
        first = True
        for r in f.rows():
            builder.add(r)
            if not first:
                out.write(",\n")
            out.write(json.dumps(r.to_dict(lang), ensure_ascii=False))
            first = False
        s = builder.build()
        out.write('\n],\n"summary": ' + json.dumps(s.to_dict(), ensure_ascii=False) + "\n}\n")
    else:
        for x in f.header.findings:
            out.write(f"header: {x.severity.value} {x.code} [{x.column}] {x.message(lang)}\n")
        for r in f.rows():
            builder.add(r)
            shown = [
                x for x in r.findings if x.severity is not Severity.INFO or x.code == "vote-tie"
            ]
            if not shown:
                continue
            out.write(f"{t['row']} {r.row} (l. {r.line}) DELIB_ID {r.delib_id or '-'}:\n")
            for x in shown:
                out.write(f"  {x.severity.value} {x.code} [{x.column or '-'}] {x.message(lang)}\n")
        s = builder.build()
        out.write(
            f"{t['summary']}: {s.rows} {t['rows']}, {s.rows_with_errors} {t['errors']}, "
            f"{s.rows_with_warnings} {t['warnings']}\n"
        )
        for code, n in sorted(s.codes.items()):
            out.write(f"  {code}: {n}\n")
        if s.outcomes:
            out.write(
                f"  {t['outcomes']}: "
                + ", ".join(f"{k} {v}" for k, v in sorted(s.outcomes.items()))
                + "\n"
            )
    note_severities(args, [x.severity for x in f.header.findings])
    seen = ["error"] * bool(builder.errors) + ["warning"] * bool(s.rows_with_warnings)
    note_severities(args, seen)
    return EXIT_FINDINGS if builder.errors else EXIT_OK


def cmd_scdl_write(args: argparse.Namespace) -> int:
    from ..readers.seance import validate_seance_facts
    from ..scdl import scdl_rows_from_facts, write_scdl

    facts = load_seance_input(args.file)
    validate_seance_facts(facts, str(args.file))
    rows = scdl_rows_from_facts(
        facts,
        coll_nom=args.coll_nom,
        coll_siret=args.siret or "",
        matiere_code=args.matiere_code or "",
        matiere_nom=args.matiere_nom or "",
        delib_url=args.url or "",
    )
    if not rows:
        raise InputError(args.file, "no délibération in these facts: nothing to write")
    write_scdl([r.row for r in rows], sys.stdout)
    for i, r in enumerate(rows, 1):
        for note in r.notes:
            print(f"groupement-rules: note: row {i}: {note}", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "read",
        help="read a délibération text (extract, PV) into séance facts, with provenance",
    )
    p.add_argument("file", metavar="FILE", help="UTF-8 text of the délibération (-: stdin)")
    common(p, fail_on=False)
    p.set_defaults(func=cmd_read)

    p = sub.add_parser("scdl", help="check an SCDL « Délibérations » CSV file, row by row")
    p.add_argument("file", metavar="FILE", help="the CSV file (UTF-8, comma or semicolon)")
    common(p)
    p.set_defaults(func=cmd_scdl)

    p = sub.add_parser(
        "scdl-write",
        help="write SCDL « Délibérations » rows from séance facts (JSON/TOML or text)",
    )
    p.add_argument("file", metavar="FILE", help="séance facts (.json, .toml) or a text (.txt)")
    p.add_argument("--siret", help="COLL_SIRET (14 digits)")
    p.add_argument("--coll-nom", help="COLL_NOM (default: the commune's name)")
    p.add_argument("--matiere-code", help="DELIB_MATIERE_CODE, e.g. 1.4")
    p.add_argument("--matiere-nom", help="DELIB_MATIERE_NOM, e.g. 'Commande publique/Autres'")
    p.add_argument("--url", help="DELIB_URL")
    p.set_defaults(func=cmd_scdl_write)


__all__ = ["register", "render_extract"]
