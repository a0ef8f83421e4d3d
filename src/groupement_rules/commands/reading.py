"""CLI command of SPEC Part D ``read`` (text extract → séance facts); the SCDL commands
are in :mod:`.scdl`."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..cli import EXIT_OK, common
from ..readers.text import ExtractResult, read_extract_file

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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "read",
        help="read a délibération text (extract, PV) into séance facts, with provenance",
    )
    p.add_argument("file", metavar="FILE", help="UTF-8 text of the délibération (-: stdin)")
    common(p, fail_on=False)
    p.set_defaults(func=cmd_read)


__all__ = ["register", "render_extract"]
