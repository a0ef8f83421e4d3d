"""The questions the HTTP API answers: the CLI's commands, one row each.

Each :class:`Question` names its CLI command, its parameters (query string, or
the keys of one item of a batch) and, for the questions about a document, the
kind of body it reads. :func:`answer` turns parsed parameters into the same
Decision (or document) the command prints with ``--json``, by calling the same
rule functions; nothing here knows about HTTP.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..decision import Decision
from ..errors import InputError
from ..policy import Policy

#: Result of a question: a decision, or a JSON document (``read``, ``report``).
Result = Decision | dict[str, Any]


@attrs.frozen
class Param:
    """One parameter: its name (the CLI option without ``--``), type and meaning."""

    name: str
    kind: str  # "date", "bool", "int", "str"
    help: str
    required: bool = False


@attrs.frozen
class Question:
    """A CLI question as an endpoint: ``body`` is the document it reads, if any."""

    name: str
    summary: str
    params: tuple[Param, ...]
    compute: Callable[[Policies, Mapping[str, Any], Any], Result]
    body: str | None = None  # "adherent", "seance", "act", "text", "csv"
    output: str = "decision"  # the schema of the answer


@attrs.frozen
class Policies:
    """The policies a server answers with, loaded once at start, by id.

    ``conventions`` maps a convention's id to its policy; the first is the default
    (the embedded e-primo convention unless ``--policy`` names others).
    """

    conventions: Mapping[str, Policy]
    cgct: Policy
    deadlines: Policy

    @property
    def default_convention(self) -> Policy:
        return next(iter(self.conventions.values()))

    def convention(self, policy_id: str | None) -> Policy:
        if not policy_id:
            return self.default_convention
        try:
            return self.conventions[policy_id]
        except KeyError:
            known = ", ".join(self.conventions)
            raise InputError(
                "policy", f"no loaded policy {policy_id!r} (loaded: {known})"
            ) from None

    def all(self) -> list[Policy]:
        return [*self.conventions.values(), self.cgct, self.deadlines]


def load_policies(
    convention_files: tuple[str, ...] = (),
    cgct_file: str | None = None,
    deadlines_file: str | None = None,
) -> Policies:
    """Load the policies at start: the embedded ones, plus the files named (``--policy``)."""
    from ..convention.policy import default_convention, load_convention
    from ..deadlines import load_deadlines
    from ..seance.policy import load_cgct

    conventions: dict[str, Policy] = {}
    for path in convention_files:  # the first named is the default, as the CLI's --policy
        p = load_convention(path)
        if p.id in conventions:
            raise InputError(path, f"a policy with id {p.id!r} is already loaded")
        conventions[p.id] = p
    embedded = default_convention()
    conventions.setdefault(embedded.id, embedded)
    return Policies(conventions, load_cgct(cgct_file), load_deadlines(deadlines_file))


# -- parameters ---------------------------------------------------------------


def parse_param(p: Param, raw: Any) -> Any:
    """A parameter's value from a query string or a JSON item; InputError names it."""
    if p.kind == "date":
        if isinstance(raw, dt.date):
            return raw
        from ..cli import iso_date

        try:
            return iso_date(str(raw))
        except argparse.ArgumentTypeError as e:
            raise InputError(p.name, str(e)) from None
    if p.kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("", "1", "true", "yes", "on", "oui"):
            return True
        if text in ("0", "false", "no", "off", "non"):
            return False
        raise InputError(p.name, f"not a boolean: {raw!r} (expected true or false)")
    if p.kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise InputError(p.name, f"not a whole number: {raw!r}")
        try:
            n = int(raw)
        except ValueError:
            raise InputError(p.name, f"not a whole number: {raw!r}") from None
        if n < 0:
            raise InputError(p.name, f"cannot be negative: {n}")
        return n
    if not isinstance(raw, str):
        raise InputError(p.name, f"expected a string, got {type(raw).__name__}")
    return raw


def parse_params(q: Question, given: Mapping[str, Any]) -> dict[str, Any]:
    """Every parameter of ``q`` parsed from ``given`` (absent optional ones: None/False)."""
    known = {p.name for p in q.params} | {"lang"}
    for key in given:
        if key not in known:
            raise InputError(
                key, f"unknown parameter of {q.name} (known: {', '.join(sorted(known))})"
            )
    out: dict[str, Any] = {}
    for p in q.params:
        raw = given.get(p.name)
        if raw is None:
            if p.required:
                raise InputError(p.name, "missing (required)")
            out[p.name] = False if p.kind == "bool" else None
        else:
            out[p.name] = parse_param(p, raw)
    return out


# -- bodies -------------------------------------------------------------------


def document(body: bytes | str, name: str, fmt: str | None = None) -> dict[str, Any]:
    """A JSON or TOML object from a request body (UTF-8)."""
    from ..readers.structured import parse_document

    return parse_document(_text(body, name), name, fmt)


def _text(body: bytes | str, name: str) -> str:
    if isinstance(body, str):
        return body
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, "UTF-16 text, not UTF-8; convert it to UTF-8")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(name, f"not UTF-8 text (byte {e.start}: {e.reason})") from None
    if "\x00" in text:
        raise InputError(name, "binary data (contains NUL bytes), not text")
    return text


def read_text(body: bytes | str, name: str = "body") -> Any:
    """``read``: a délibération's text into séance facts (extract/1)."""
    from ..readers.text import nothing_read, read_extract

    text = _text(body, name)
    if not text.strip():
        raise InputError(name, "empty text")
    r = read_extract(text)
    if nothing_read(r):
        raise InputError(
            name,
            "no séance fact recognised (no date, commune, member, délibération or "
            "publication line): is it the text of a délibération?",
        )
    return r


def read_pdf(data: bytes, name: str = "body") -> Any:
    """``read`` of a PDF: its text layer, through the reader's own handling of ``.pdf``
    files (a scan is said to be one); errors name the upload, not a temporary file."""
    import os
    import tempfile

    from ..readers.text import read_extract_file

    fd, path = tempfile.mkstemp(prefix="groupement-rules-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        return read_extract_file(path)
    except InputError as e:
        raise InputError(e.where.replace(path, name), e.reason.replace(path, name)) from None
    finally:
        os.unlink(path)


def read_document(body: Any, name: str = "body") -> Any:
    """The reading of a text or PDF body ``(data, kind)``."""
    if not isinstance(body, tuple):
        raise InputError(name, "expected the text of a délibération")
    data, kind = body
    if kind == "pdf":
        return read_pdf(data, name)
    if kind == "json":  # {"text": "..."}: what a client that only speaks JSON sends
        doc = document(data, name, "json")
        unknown = sorted(set(doc) - {"text"})
        if unknown:
            raise InputError(f"{name}: {unknown[0]}", "unknown key (known: text)")
        text = doc.get("text")
        if not isinstance(text, str):
            raise InputError(
                f"{name}: text",
                "missing (required)" if text is None else "expected a string (the délibération)",
            )
        return read_text(text, name)
    if kind == "toml":
        raise InputError(name, 'expected a text, a PDF or a JSON object {"text": ...}, not TOML')
    return read_text(data, name)


def seance_facts(body: Any, name: str = "body") -> tuple[dict[str, Any], tuple[Any, ...]]:
    """Séance facts from a body (a JSON/TOML object, ``read``'s output, a text or a PDF)
    and the disagreements its reading recorded, as ``check-seance`` takes them."""
    from ..readers.text import FORMAT

    if isinstance(body, Mapping):
        doc = dict(body)
    elif isinstance(body, tuple) and body[1] in ("text", "pdf"):
        from ..readers.text.files import numbered

        r = read_document(body, name)
        return numbered(r.facts), tuple(r.disagreements)
    elif isinstance(body, tuple):
        doc = document(body[0], name, body[1])
    else:
        raise InputError(name, "expected séance facts (an object) or a text")
    if doc.get("format") == FORMAT and isinstance(doc.get("facts"), dict):
        raw = doc.get("disagreements")
        dis = tuple(d for d in raw if isinstance(d, dict)) if isinstance(raw, list) else ()
        return dict(doc["facts"]), dis
    return doc, ()


def check_facts(pol: Policies, facts: Any, disagreements: Any, name: str = "body") -> Decision:
    """``check-seance``: the séance checked, with the reading's disagreements."""
    from ..readers.seance import seance_from_dict
    from ..readers.text.findings import with_reading_findings
    from ..seance.rules import check_seance

    d = check_seance(seance_from_dict(facts, name), pol.cgct)
    return with_reading_findings(d, disagreements)


def _object(body: Any, name: str) -> dict[str, Any]:
    if isinstance(body, Mapping):
        return dict(body)
    if isinstance(body, tuple):
        data, kind = body
        return document(data, name, kind if kind in ("json", "toml") else None)
    raise InputError(name, "expected an object")


# -- the answers -------------------------------------------------------------------


def _lang(given: Mapping[str, Any]) -> str:
    lang = given.get("lang") or "fr"
    if lang not in ("fr", "en"):
        raise InputError("lang", f"unknown language {lang!r} (fr or en)")
    return str(lang)


def _withdraw(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    from ..convention.rules import withdrawal

    policy = pol.convention(a["policy"])
    if a["received"]:
        return withdrawal(policy, received_on=a["date"], reading="received")
    return withdrawal(policy, sent_on=a["date"], reading="sent")


def _windows(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    from ..convention.rules import withdrawal_windows

    return withdrawal_windows(pol.convention(a["policy"]))


def _status(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    from ..convention.rules import status_on

    return status_on(pol.convention(a["policy"]), a["date"])


def _timeline(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    from ..convention.rules import timeline

    return timeline(pol.convention(a["policy"]))


def _check_adherent(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    from ..convention.rules import check_adherent
    from ..readers.adherent import adherent_from_dict

    adherent = adherent_from_dict(_object(body, "body"), "body")
    return check_adherent(pol.convention(a["policy"]), adherent, a["on"] or dt.date.today())


def _check_seance(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    facts, disagreements = seance_facts(body)
    return check_facts(pol, facts, disagreements)


def _read(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    return dict(read_document(body).to_dict())


def _convocation(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    from ..seance.convocation import latest_sending_day

    return latest_sending_day(
        pol.cgct,
        a["date"],
        a["population"],
        urgent=a["urgent"],
        first_after_renewal=a["first_after_renewal"],
    )


def _recours(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    from ..deadlines import recours
    from ..holidays_fr import calendar_for_insee

    if a["rejected"] is not None and a["gracieux"] is None:
        raise InputError("rejected", "needs gracieux (the date of the recours gracieux)")
    cal = calendar_for_insee(a["insee"], good_friday=a["good_friday"])
    return recours(
        pol.deadlines,
        a["date"],
        cal,
        trigger="notification" if a["notified"] else "publication",
        gracieux_on=a["gracieux"],
        rejected_on=a["rejected"],
    )


def _executory(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    from ..deadlines import executory
    from ..holidays_fr import calendar_for_insee
    from ..readers.act import act_from_dict

    act, good_friday = act_from_dict(_object(body, "body"), "body")
    return executory(pol.deadlines, act, calendar_for_insee(act.insee, good_friday=good_friday))


def report_decisions(pol: Policies, a: Mapping[str, Any]) -> tuple[dt.date, list[Decision]]:
    """``report``'s decisions: timeline, windows, the seed adherent, then the sections."""
    from ..commands import convention as cmd
    from ..convention.rules import timeline, withdrawal_windows

    policy = pol.convention(a["policy"])
    on = a["on"] or dt.date.today()
    decisions = [
        timeline(policy),
        withdrawal_windows(policy),
        cmd.seed_adherent_decision(policy, on),
    ]
    args = argparse.Namespace(policy=policy.path, on=on, lang=_lang(a), json=True)
    for section in cmd._report_sections():
        decisions.extend(section(args))
    return on, decisions


def _report(pol: Policies, a: Mapping[str, Any], body: Any) -> Result:
    on, decisions = report_decisions(pol, a)
    lang = _lang(a)
    return {
        "format": "groupement-rules/report/1",
        "on": on.isoformat(),
        "decisions": [d.to_dict(lang) for d in decisions],
    }


_POLICY = Param("policy", "str", "id of a loaded convention policy (default: the first loaded)")
_CGCT_NOTE = "the CGCT policy loaded at start (--cgct)"

QUESTIONS: dict[str, Question] = {
    q.name: q
    for q in (
        Question(
            "withdraw",
            "If the withdrawal letter is sent on DATE, is it valid and when does it take effect?",
            (
                Param("date", "date", "date of the letter (YYYY-MM-DD)", required=True),
                Param("received", "bool", "DATE is the day the rectorat receives the letter"),
                _POLICY,
            ),
            _withdraw,
        ),
        Question(
            "windows",
            "When could an adherent withdraw? The notice window(s).",
            (_POLICY,),
            _windows,
        ),
        Question(
            "status",
            "Status of an adhesion on DATE.",
            (Param("date", "date", "the day asked about", required=True), _POLICY),
            _status,
        ),
        Question(
            "timeline",
            "Every key date of the convention with its article (Accept: text/calendar gives .ics).",
            (_POLICY,),
            _timeline,
        ),
        Question(
            "check-adherent",
            "Check one adherent's file (JSON or TOML body).",
            (Param("on", "date", "check as of DATE (default: today)"), _POLICY),
            _check_adherent,
            body="adherent",
        ),
        Question(
            "check-seance",
            "Check a municipal council séance and its vote counts (JSON, TOML, text or PDF body).",
            (),
            _check_seance,
            body="seance",
        ),
        Question(
            "read",
            "Read a délibération (text or PDF) into séance facts, with provenance.",
            (),
            _read,
            body="text",
            output="extract",
        ),
        Question(
            "convocation",
            "The last day a convocation may be sent for a séance on DATE.",
            (
                Param("date", "date", "day of the séance (YYYY-MM-DD)", required=True),
                Param(
                    "population",
                    "int",
                    "population authenticated at the last general renewal (R2151-4)",
                    required=True,
                ),
                Param("urgent", "bool", "urgency (L2121-11, L2121-12)"),
                Param("first_after_renewal", "bool", "first séance after a general renewal"),
            ),
            _convocation,
        ),
        Question(
            "recours",
            "Last admissible day of a recours contentieux against an act published on DATE.",
            (
                Param("date", "date", "date of publication (YYYY-MM-DD)", required=True),
                Param("notified", "bool", "DATE is a notification, not a publication"),
                Param("insee", "str", "INSEE code of the commune: its public holidays"),
                Param("good_friday", "bool", "Alsace-Moselle commune with a Protestant temple"),
                Param("gracieux", "date", "date of a recours gracieux"),
                Param("rejected", "date", "date of the express rejection of the recours gracieux"),
            ),
            _recours,
        ),
        Question(
            "executory",
            "Is this act executory, and since when? (JSON or TOML body)",
            (),
            _executory,
            body="act",
        ),
        Question(
            "report",
            "The main job: timeline, withdrawal window, the seed adherent, séance and act.",
            (Param("on", "date", "as of DATE (default: today)"), _POLICY),
            _report,
            output="report",
        ),
    )
}

#: CLI commands answered by other endpoints (or not questions): the test of
#: "every CLI question has its endpoint" reads this.
OTHER_ENDPOINTS = {
    "scdl": "/scdl and /validate",
    "scdl-write": "/scdl-write",
    "serve": "-",
    "completion": "-",
    "check-adherents": "/batch (question check-adherent, one item per adherent)",
}


def answer(pol: Policies, name: str, given: Mapping[str, Any], body: Any = None) -> Result:
    """Answer question ``name`` with parameters ``given`` and ``body`` (InputError if bad)."""
    q = QUESTIONS[name]
    _lang(given)
    return q.compute(pol, parse_params(q, given), body)


def result_dict(result: Result, lang: str) -> dict[str, Any]:
    """The JSON document of a result: ``to_dict(lang)`` of a decision, the document itself."""
    return result.to_dict(lang) if isinstance(result, Decision) else result


__all__ = ["QUESTIONS", "Param", "Policies", "Question", "answer", "load_policies"]
