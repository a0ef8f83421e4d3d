"""The secretary's page: server-rendered HTML (French by default, English switch).

Three questions, each a plain form that works without JavaScript: a délibération
(pasted or uploaded, text or PDF) checked, each fact with the line it came from;
"if we send our withdrawal letter on X?"; "the last day of the recours against a
délibération published on X?". ``static/page.js`` (ours, a few lines) only sends
the forms in the background and replaces the answer (``X-Partial: 1``).
Nothing is fetched from outside the server.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response

from .._version import __version__
from ..decision import Decision
from ..errors import InputError

T: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Vérifier une délibération, un retrait, un recours",
        "skip": "Aller au contenu",
        "language": "Langue",
        "intro": (
            "Chaque réponse cite son article. Rien n'est envoyé hors de ce serveur ; "
            "la page fonctionne sans JavaScript."
        ),
        "seance_h": "La séance d'une délibération",
        "seance_text": "Texte de la délibération (copier-coller)",
        "seance_help": "Ou bien déposez le fichier ci-dessous (texte ou PDF).",
        "seance_file": "Fichier de la délibération (texte ou PDF)",
        "seance_submit": "Vérifier la séance",
        "withdraw_h": "Retrait du groupement de commandes",
        "withdraw_date": "Date d'envoi du courrier de retrait",
        "withdraw_received": "Cette date est celle de la réception par le rectorat",
        "withdraw_submit": "Le retrait est-il valable ?",
        "policy": "Convention",
        "recours_h": "Dernier jour du recours contentieux",
        "recours_date": "Date de publication de la délibération",
        "recours_insee": "Code INSEE de la commune (facultatif)",
        "insee_help": "Il choisit les jours fériés (Alsace-Moselle, outre-mer).",
        "recours_submit": "Calculer le dernier jour",
        "date_help": "Format AAAA-MM-JJ, par exemple 2028-06-01.",
        "error_h": "Demande incomplète ou invalide",
        "error_hint_date": (
            "Indiquez une date qui existe, au format AAAA-MM-JJ (par exemple 2028-06-01)."
        ),
        "error_hint_insee": "Le code INSEE a cinq caractères (par exemple 49176, 2A004).",
        "error_hint_text": "Collez le texte de la délibération ou déposez son fichier.",
        "error_hint_file": "Collez le texte de la délibération ou déposez son fichier.",
        "answer": "Réponse",
        "findings": "Constats",
        "no_findings": "Aucun constat.",
        "one_line": "ligne",
        "lines": "lignes",
        "facts": "Faits lus",
        "facts_caption": "Chaque fait, avec la ligne du texte d'où il vient.",
        "fact": "Fait",
        "value": "Valeur",
        "line": "Ligne",
        "unread": "Ce que le texte ne dit pas",
        "all_read": "Rien n'est resté non lu.",
        "text_h": "Le texte, lignes citées surlignées",
        "readings": "Lectures retenues",
        "footer": "groupement-rules, logiciel libre (MIT).",
        "docs": "Documentation de l'API",
        "seance_heading": "Séance vérifiée",
        "withdraw_heading": "Courrier de retrait",
        "recours_heading": "Recours contentieux",
        "effective_on": "Prend effet le",
        "window": "Fenêtre de retrait",
        "engaged_until": "Engagé jusqu'au (inclus)",
        "last_day": "Dernier jour du recours",
        "zone": "Jours fériés",
        "window_first": "Fenêtre : premier jour",
        "window_last": "Fenêtre : dernier jour",
        "opens_on": "La fenêtre ouvre le",
    },
    "en": {
        "title": "Check a délibération, a withdrawal, a recours",
        "skip": "Skip to content",
        "language": "Language",
        "intro": (
            "Every answer cites its article. Nothing is sent outside this server; "
            "the page works without JavaScript."
        ),
        "seance_h": "The séance of a délibération",
        "seance_text": "Text of the délibération (paste)",
        "seance_help": "Or upload the file below (text or PDF).",
        "seance_file": "File of the délibération (text or PDF)",
        "seance_submit": "Check the séance",
        "withdraw_h": "Withdrawal from the groupement de commandes",
        "withdraw_date": "Day the withdrawal letter is sent",
        "withdraw_received": "This is the day the rectorat receives it",
        "withdraw_submit": "Is the withdrawal valid?",
        "policy": "Convention",
        "recours_h": "Last day of the recours contentieux",
        "recours_date": "Day the délibération was published",
        "recours_insee": "INSEE code of the commune (optional)",
        "insee_help": "It chooses the public holidays (Alsace-Moselle, overseas).",
        "recours_submit": "Compute the last day",
        "date_help": "Format YYYY-MM-DD, for example 2028-06-01.",
        "error_h": "Incomplete or invalid request",
        "error_hint_date": "Give a date that exists, as YYYY-MM-DD (for example 2028-06-01).",
        "error_hint_insee": "An INSEE code has five characters (for example 49176, 2A004).",
        "error_hint_text": "Paste the text of the délibération or upload its file.",
        "error_hint_file": "Paste the text of the délibération or upload its file.",
        "answer": "Answer",
        "findings": "Findings",
        "no_findings": "No finding.",
        "one_line": "line",
        "lines": "lines",
        "facts": "Facts read",
        "facts_caption": "Each fact, with the line of the text it comes from.",
        "fact": "Fact",
        "value": "Value",
        "line": "Line",
        "unread": "What the text leaves unstated",
        "all_read": "Nothing was left unread.",
        "text_h": "The text, cited lines highlighted",
        "readings": "Readings used",
        "footer": "groupement-rules, free software (MIT).",
        "docs": "API documentation",
        "seance_heading": "Séance checked",
        "withdraw_heading": "Withdrawal letter",
        "recours_heading": "Recours contentieux",
        "effective_on": "Takes effect on",
        "window": "Withdrawal window",
        "engaged_until": "Engaged until (inclusive)",
        "last_day": "Last day of the recours",
        "zone": "Public holidays",
        "window_first": "Window: first day",
        "window_last": "Window: last day",
        "opens_on": "The window opens on",
    },
}

_GOOD = {"allowed", "valid", "deadline", "executory"}
_BAD = {"too-early", "too-late", "not-member", "invalid", "not-executory"}

if TYPE_CHECKING:
    from .app import Service


def _env() -> Any:
    import jinja2

    root = resources.files("groupement_rules") / "web" / "templates"
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root)),
        autoescape=True,
        trim_blocks=False,
    )


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "fr")
    return lang if lang in T else "fr"


def _day(iso: str, lang: str) -> str:
    from ..render.core import day

    return day(iso, lang)


def _findings(d: Decision, lang: str, lines: Mapping[int, list[int]] | None = None) -> list[Any]:
    from ..render.core import SEVERITY, label

    out = []
    for i, f in enumerate(d.findings):
        out.append(
            {
                "code": f.code,
                "severity": f.severity.value,
                "severity_label": label(SEVERITY, f.severity.value, lang),
                "message": f.message(lang),
                "citation": f.citation.text(lang),
                "lines": (lines or {}).get(i, []),
            }
        )
    return out


def _common(d: Decision, lang: str, kind: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "heading": T[lang][f"{kind}_heading"],
        "answer": d.answer,
        "answer_label": d.answer_label(lang),
        "tone": "ok" if d.answer in _GOOD else "bad" if d.answer in _BAD else "warn",
        "findings": _findings(d, lang),
        "interpretations": [i.description(lang) for i in d.interpretations],
        "policy": f"{d.policy.title} ({d.policy.id}, {d.policy.version})" if d.policy else "—",
        "facts": [],
        "unread": None,
        "key_dates": [],
        "text_lines": [],
    }


def withdraw_view(d: Decision, lang: str) -> dict[str, Any]:
    t = T[lang]
    v = _common(d, lang, "withdraw")
    data = d.data
    dates = []
    for key, name in (
        ("effective_on", t["effective_on"]),
        ("engaged_last_day", t["engaged_until"]),
        ("window_opens_on", t["opens_on"]),
    ):
        if data.get(key):
            dates.append((name, data[key], _day(data[key], lang)))
    w = data.get("window") or (data.get("windows") or [None])[-1]
    if w:
        dates.append((t["window_first"], w["first_day"], _day(w["first_day"], lang)))
        dates.append((t["window_last"], w["last_day"], _day(w["last_day"], lang)))
    v["key_dates"] = dates
    return v


def recours_view(d: Decision, lang: str, zone: str) -> dict[str, Any]:
    t = T[lang]
    v = _common(d, lang, "recours")
    last = d.data.get("last_day")
    if last:
        v["key_dates"] = [(t["last_day"], last, _day(last, lang))]
    v["zone"] = zone
    v["interpretations"] = [f"{t['zone']} : {zone}", *v["interpretations"]]
    return v


_INDEX = re.compile(r"\[(\d+)\]")


def _fact_value(facts: Any, path: str) -> Any:
    """The value at ``deliberations[0].declared.presents`` in the facts, or None."""
    cur = facts
    for part in path.split("."):
        m = _INDEX.search(part)
        key = part[: m.start()] if m else part
        if isinstance(cur, Mapping):
            cur = cur.get(key)
        else:
            return None
        if m:
            if not isinstance(cur, list) or int(m.group(1)) >= len(cur):
                return None
            cur = cur[int(m.group(1))]
    return cur


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value) or "—"
    if isinstance(value, Mapping) and {"from", "to"} <= set(value):
        return f"{_shown(value['from'])} → {_shown(value['to'])}"
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {_shown(v)}" for k, v in value.items() if v is not None) or "—"
    return str(value)


def finding_lines(d: Decision, facts: Any, provenance: Mapping[str, Any]) -> dict[int, list[int]]:
    """For each finding of a séance check, the lines of the text its facts come from.

    A finding about a délibération points to the lines of that délibération's facts
    named by the finding's values (``votants``, ``exprimes``…), or to all of its lines
    when none of its values is a fact of the text; a finding about the séance points to
    the lines of the séance facts its values name.
    """
    numbers = [x.get("number") for x in facts.get("deliberations", [])]
    out: dict[int, list[int]] = {}
    for i, f in enumerate(d.findings):
        prefix = ""
        if f.deliberation is not None and f.deliberation in numbers:
            prefix = f"deliberations[{numbers.index(f.deliberation)}]."
        elif f.deliberation is not None:
            continue
        named: set[int] = set()
        every: set[int] = set()
        for key, where in provenance.items():
            line = where.get("line") if isinstance(where, Mapping) else None
            if not line or not key.startswith(prefix):
                continue
            rest = key[len(prefix) :]
            every.add(line)
            leaf = rest.split(".")[-1].split("[")[0]
            head = rest.split(".")[0].split("[")[0]
            if leaf in f.values or head in f.values:
                named.add(line)
        lines = named or (every if prefix else set())
        if lines:
            out[i] = sorted(lines)
    return out


def seance_view(r: Any, text: str, lang: str, pol: Any) -> dict[str, Any]:
    """The séance checked from its reading ``r`` of ``text``."""
    from ..readers.text.files import numbered
    from .questions import check_facts

    d = check_facts(pol, numbered(r.facts), tuple(r.disagreements), "text")
    v = _common(d, lang, "seance")
    prov = r.provenance
    v["findings"] = _findings(d, lang, finding_lines(d, r.facts, prov))
    facts = []
    cited: set[int] = set()
    for key, where in prov.items():
        line = where.get("line") if isinstance(where, Mapping) else None
        if line:
            cited.add(line)
            facts.append((key, _shown(_fact_value(r.facts, key)), line))
    v["facts"] = facts
    v["unread"] = [dict(u) for u in r.unread]
    v["text_lines"] = [(n, line, n in cited) for n, line in enumerate(text.splitlines(), start=1)]
    return v


def _source_lines(r: Any, data: bytes, kind: str) -> list[str]:
    """The lines the reading's line numbers count: the text itself, or a PDF's text layer
    when the reading keeps it."""
    if kind == "pdf":
        text = getattr(r, "text", None)
        return text.splitlines() if isinstance(text, str) else []
    return data.decode("utf-8-sig", "replace").splitlines()


def error_view(kind: str, e: InputError, lang: str) -> dict[str, Any]:
    """A bad input, said as the API says it, with a hint in the page's language."""
    hint = T[lang].get(f"error_hint_{e.where}")
    if hint is None and e.where in ("body", "text"):
        hint = T[lang]["error_hint_text"]
    return {
        "kind": kind,
        "answer": "error",
        "heading": "",
        "error": {"where": e.where, "message": " ".join(e.reason.split()), "hint": hint},
    }


def routes(svc: Service) -> list[tuple[str, Any, list[str]]]:
    from .app import _upload
    from .questions import read_document

    env = _env()
    page = env.get_template("page.html")
    fragment = env.get_template("result.html")
    conventions = list(svc.policies.conventions.values())
    static = resources.files("groupement_rules") / "web" / "static"
    assets = {
        "style.css": ((static / "style.css").read_bytes(), "text/css; charset=utf-8"),
        "page.js": ((static / "page.js").read_bytes(), "text/javascript; charset=utf-8"),
    }

    def render(
        request: Request, lang: str, result: Any = None, form: Any = None, status: int = 200
    ) -> Response:
        ctx = {
            "lang": lang,
            "t": T[lang],
            "version": __version__,
            "result": result,
            "form": {
                "text": "",
                "date": "",
                "received": False,
                "policy": "",
                "insee": "",
                "recours_date": "",
                **(form or {}),
            },
            "conventions": conventions,
        }
        partial = request.headers.get("x-partial") == "1"
        html = (fragment if partial else page).render(ctx)
        return svc.html(html, status, {"Content-Language": lang, "Vary": "X-Partial"})

    async def home(request: Request) -> Response:
        return render(request, _lang(request))

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets:
            return Response("not found", 404, svc.headers, "text/plain")
        body, media = assets[name]
        return Response(body, 200, {**svc.headers, "Cache-Control": "max-age=3600"}, media)

    async def seance(request: Request) -> Response:
        lang = _lang(request)
        text = ""
        try:
            data, kind, name = await _upload(request, svc.limits.body_bytes)
            kind = "pdf" if kind == "pdf" else "text"
            r = read_document((data, kind), name)
            text = "\n".join(_source_lines(r, data, kind))
            view = seance_view(r, text, lang, svc.policies)
            return render(request, lang, view, {"text": "" if kind == "pdf" else text})
        except InputError as e:
            return render(request, lang, error_view("seance", e, lang), {"text": text}, 400)

    async def withdraw(request: Request) -> Response:
        from .questions import answer

        lang = _lang(request)
        q = request.query_params
        form = {
            "date": q.get("date", ""),
            "received": bool(q.get("received")),
            "policy": q.get("policy", ""),
        }
        given = {
            "date": q.get("date") or None,
            "received": q.get("received") or None,
            "policy": q.get("policy") or None,
        }
        try:
            d = answer(svc.policies, "withdraw", given)
            assert isinstance(d, Decision)
            return render(request, lang, withdraw_view(d, lang), form)
        except InputError as e:
            return render(request, lang, error_view("withdraw", e, lang), form, 400)

    async def recours(request: Request) -> Response:
        from ..holidays_fr import calendar_for_insee
        from .questions import answer

        lang = _lang(request)
        q = request.query_params
        insee = (q.get("insee") or "").strip() or None
        form = {"recours_date": q.get("date", ""), "insee": insee or ""}
        try:
            d = answer(svc.policies, "recours", {"date": q.get("date") or None, "insee": insee})
            assert isinstance(d, Decision)
            zone = calendar_for_insee(insee).describe()
            return render(request, lang, recours_view(d, lang, zone), form)
        except InputError as e:
            return render(request, lang, error_view("recours", e, lang), form, 400)

    async def docs(request: Request) -> Response:
        from .app import openapi_doc

        html = env.get_template("docs.html").render(doc=openapi_doc(), version=__version__)
        return svc.html(html)

    return [
        ("/ui", home, ["GET"]),
        ("/ui/static/{name}", asset, ["GET"]),
        ("/ui/seance", seance, ["POST"]),
        ("/ui/withdraw", withdraw, ["GET"]),
        ("/ui/recours", recours, ["GET"]),
        ("/docs", docs, ["GET"]),
    ]
