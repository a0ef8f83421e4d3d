"""Policy data: dated parameters, each value with its citation, loaded from TOML.

One TOML file per text (``policies/eprimo-2026.toml`` for the convention,
``policies/cgct.toml`` for the municipal code). The format, documented in
``docs/policy-format.md``::

    [policy]
    id = "eprimo-2026"
    kind = "convention"
    title = "..."
    version = "2026.1"
    last_verified_on = 2026-11-29

    [sources.convention]              # every citation names one of these
    name = "convention e-primo"
    title = "Convention d'adhésion ..."

    [params.market_start]             # an undated value
    value = 2026-07-19
    citation = { source = "convention", article = "art. 6" }

    [[params.quorum.values]]          # dated values, OpenFisca style
    from = 2020-03-24
    to = 2020-04-02                   # optional, inclusive: leaves a gap after it
    value = "third"
    citation = { source = "loi-2020-290", article = "art. 10" }

The loader refuses a file with an unknown key, a missing citation, a bad date
or overlapping dated values, and says so in one line naming the file, the key
and the line (:class:`PolicyError`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

import attrs

from . import inputs
from .decision import Citation, PolicyRef
from .errors import InputError


class PolicyError(InputError):
    """A policy file that cannot be used; the message names file, key and line."""

    def __init__(self, file: str, key: str | None, line: int | None, message: str) -> None:
        self.file = file
        self.key = key
        self.line = line
        where = file if line is None else f"{file}:{line}"
        super().__init__(f"{where}: {key}" if key else where, message)


class NoValueInForce(InputError, LookupError):
    """A dated parameter has no value on the date asked (a gap, or before its first value).

    Bad input, not a bug: the question asks about a day the policy data does not
    cover. It is still a :class:`LookupError`, as it was before it became an
    :class:`InputError`.
    """

    def __init__(self, policy_id: str, key: str, on: dt.date | None) -> None:
        self.policy_id = policy_id
        self.key = key
        self.on = on
        when = f"on {on.isoformat()}" if on is not None else "without a date"
        super().__init__(
            f"policy {policy_id}",
            f"no value of {key!r} in force {when} (outside the dates the policy covers)",
        )


#: The types a parameter value can have.
TYPES = ("date", "int", "str", "bool", "float", "list[str]", "list[int]", "table")


#: Marks a parameter without a default value.
NO_DEFAULT: Any = object()

#: The source cited for values the policy file does not state.
DEFAULT_SOURCE = "groupement-rules"


@attrs.frozen
class ParamSpec:
    """What a policy kind expects of one parameter.

    ``check`` receives the parsed value and returns an error message or None.
    ``dated`` allows several values with ``from`` dates. An optional parameter
    may have a ``default``, used when the file is silent: it is then cited as
    « groupement-rules, par défaut : <default_note_fr> » (in English « default:
    <default_note> »), so that a decision shows that the text said nothing and
    which reading filled the gap.
    """

    type: str
    required: bool = True
    dated: bool = False
    check: Callable[[Any], str | None] | None = None
    description: str = ""
    default: Any = NO_DEFAULT
    default_note: str = ""
    default_note_fr: str = ""


def default_citation(spec: ParamSpec | None = None) -> Citation:
    """The citation of a value the policy file is silent on (see :class:`ParamSpec`)."""
    if spec is None:
        return Citation(
            DEFAULT_SOURCE,
            "le fichier de politique est muet",
            article_en="the policy file is silent",
        )
    return Citation(
        DEFAULT_SOURCE,
        f"par défaut : {spec.default_note_fr or spec.default_note or 'le texte est muet'}",
        article_en=f"default: {spec.default_note or 'the text is silent'}",
    )


@attrs.frozen
class Source:
    key: str
    name: str
    title: str
    url: str | None = None
    legifrance_id: str | None = None


@attrs.frozen
class DatedValue:
    """One value of a parameter, in force from ``start`` to ``end``.

    Both days are inclusive; None means open-ended.
    """

    start: dt.date | None
    end: dt.date | None
    value: Any
    citation: Citation


@attrs.frozen(eq=False)
class Parameter:
    key: str
    values: tuple[DatedValue, ...]
    description: str = ""
    _starts: tuple[dt.date, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(v.start or dt.date.min for v in self.values))

    def at(self, on: dt.date | None = None) -> DatedValue | None:
        """The value in force on ``on`` (the only value when ``on`` is None)."""
        if on is None:
            return self.values[-1] if len(self.values) == 1 else None
        i = bisect.bisect_right(self._starts, on) - 1
        if i < 0:
            return None
        v = self.values[i]
        if v.end is not None and on > v.end:
            return None
        return v


@attrs.frozen(eq=False)
class Policy:
    """Validated policy data. Identity-hashed, so rules can cache per policy."""

    id: str
    kind: str
    title: str
    version: str
    last_verified_on: dt.date | None
    sources: Mapping[str, Source]
    params: Mapping[str, Parameter]
    path: str | None = None

    @property
    def ref(self) -> PolicyRef:
        return PolicyRef(self.id, self.title, self.version, self.last_verified_on)

    def entry(self, key: str, on: dt.date | None = None) -> DatedValue:
        try:
            param = self.params[key]
        except KeyError:
            raise NoValueInForce(self.id, key, on) from None
        v = param.at(on)
        if v is None:
            raise NoValueInForce(self.id, key, on)
        return v

    def value(self, key: str, on: dt.date | None = None) -> Any:
        """The value of ``key`` (in force on ``on`` for a dated parameter)."""
        return self.entry(key, on).value

    def get(self, key: str, default: Any = None, on: dt.date | None = None) -> Any:
        """Like :meth:`value`, but ``default`` for an absent optional parameter."""
        if key not in self.params:
            return default
        return self.value(key, on)

    def citation(self, key: str, on: dt.date | None = None) -> Citation:
        return self.entry(key, on).citation


# -- loading ---------------------------------------------------------------

_POLICY_KEYS = {"id", "kind", "title", "version", "last_verified_on", "description"}
_SOURCE_KEYS = {"name", "title", "url", "legifrance_id"}
_PARAM_KEYS = {"value", "citation", "description", "values"}
_VALUE_KEYS = {"from", "to", "value", "citation", "note"}
_CITATION_KEYS = {"source", "article", "article_en", "url", "legifrance_id"}


def line_of(text: str, section: str, key: str | None = None) -> int | None:
    """The line of ``[section]`` (or ``[[section]]``), or of ``key =`` inside it."""
    lines = text.splitlines()
    head = re.compile(r"^\s*\[\[?\s*" + re.escape(section) + r"\s*\]")
    any_head = re.compile(r"^\s*\[")
    start = None
    for i, line in enumerate(lines):
        if head.match(line):
            start = i
            break
    if start is None:
        # maybe a dotted or inline definition: look for the last component
        last = (key or section).split(".")[-1]
        pat = re.compile(r"^\s*" + re.escape(last) + r"\s*=")
        for i, line in enumerate(lines):
            if pat.match(line):
                return i + 1
        return None
    if key is None:
        return start + 1
    pat = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for i in range(start + 1, len(lines)):
        if any_head.match(lines[i]):
            break
        if pat.match(lines[i]):
            return i + 1
    return start + 1


def _check_type(type_: str, value: Any) -> str | None:
    ok: bool
    if type_ == "date":
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        if ok and (reason := inputs.date_out_of_range(value)):
            return reason
    elif type_ == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif type_ == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif type_ == "str":
        ok = isinstance(value, str) and value.strip() != ""
    elif type_ == "bool":
        ok = isinstance(value, bool)
    elif type_ == "list[str]":
        ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
    elif type_ == "list[int]":
        ok = isinstance(value, list) and all(
            isinstance(x, int) and not isinstance(x, bool) for x in value
        )
    elif type_ == "table":
        ok = isinstance(value, list | dict)
    else:  # pragma: no cover - a programming error in a schema
        raise ValueError(f"unknown parameter type {type_!r}")
    if ok:
        return None
    kind = "datetime" if isinstance(value, dt.datetime) else type(value).__name__
    return f"expected a {type_}, got {kind} {value!r}"


def read_policy_text(path: str | Path) -> str:
    """The text of a policy file (``-``: standard input), or a :class:`PolicyError`
    saying why it cannot be read: held to the limits of every input
    (:func:`groupement_rules.inputs.read_text`: size, UTF-8 with or without BOM)."""
    try:
        text = inputs.read_text(path, inputs.MAX_DOCUMENT_BYTES)
    except PolicyError:  # pragma: no cover - read_text raises plain InputErrors
        raise
    except InputError as e:
        raise PolicyError(e.where, None, None, e.reason) from None
    if not text.strip():
        raise PolicyError(inputs.source_name(path), None, None, "empty file")
    return text


def embedded_policy_text(filename: str) -> str:
    """The text of a policy file shipped in ``groupement_rules/policies/``.

    Read beside this module rather than through ``importlib.resources``, whose
    import alone costs more than the rest of a first use of the package.
    """
    import os

    path = os.path.join(os.path.dirname(__file__), "policies", filename)
    with open(path, encoding="utf-8") as f:
        return f.read()


def load_embedded_policy(filename: str, schema: Mapping[str, ParamSpec], *, kind: str) -> Policy:
    """Load a policy file shipped with the package (named ``policies/<filename>`` in errors)."""
    return load_policy(
        f"policies/{filename}", schema, kind=kind, text=embedded_policy_text(filename)
    )


def load_policy(
    source: str | Path,
    schema: Mapping[str, ParamSpec],
    *,
    kind: str,
    text: str | None = None,
) -> Policy:
    """Load and validate a policy file against ``schema``.

    ``source`` is a path; ``text`` may give its content directly (``source``
    then only names it in errors).
    """
    name = inputs.source_name(source)
    if text is None:
        text = read_policy_text(source)
    try:
        doc = tomllib.loads(text)
        inputs.check_numbers(doc, "")
    except InputError as e:  # a number beyond the limits of every input
        raise PolicyError(name, e.where.removeprefix(": "), None, e.reason) from None
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+)", str(e))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        raise PolicyError(
            name, None, int(m.group(1)) if m else None, f"invalid TOML: {msg}"
        ) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise PolicyError(name, None, None, "invalid TOML: nested too deeply") from None
    except ValueError as e:  # an integer of more than 4300 digits, which Python won't convert
        reason = str(e).split(";")[0]
        raise PolicyError(name, None, None, f"invalid TOML: {reason}") from None
    return _build(name, text, doc, schema, kind)


def _build(
    name: str, text: str, doc: dict[str, Any], schema: Mapping[str, ParamSpec], kind: str
) -> Policy:
    def fail(
        key: str | None, msg: str, section: str | None = None, sub: str | None = None
    ) -> PolicyError:
        line = line_of(text, section, sub) if section else None
        return PolicyError(name, key, line, msg)

    for top in doc:
        if top not in ("policy", "sources", "params"):
            raise fail(top, "unknown top-level key", top)
    head = doc.get("policy")
    if not isinstance(head, dict):
        raise fail("policy", "missing [policy] table")
    for k in head:
        if k not in _POLICY_KEYS:
            raise fail(f"policy.{k}", "unknown key", "policy", k)
    for k in ("id", "kind", "title", "version"):
        if not isinstance(head.get(k), str) or not head[k].strip():
            raise fail(f"policy.{k}", "missing or empty", "policy", k)
    if head["kind"] != kind:
        raise fail(
            "policy.kind", f"this file is a {head['kind']!r} policy, expected {kind!r}", "policy"
        )
    lv = head.get("last_verified_on")
    if lv is not None and _check_type("date", lv):
        raise fail(
            "policy.last_verified_on", "expected a date (YYYY-MM-DD)", "policy", "last_verified_on"
        )

    sources: dict[str, Source] = {}
    raw_sources = doc.get("sources", {})
    if not isinstance(raw_sources, dict) or not raw_sources:
        raise fail("sources", "missing [sources.*] tables: every citation names a source")
    for skey, s in raw_sources.items():
        sec = f"sources.{skey}"
        if not isinstance(s, dict):
            raise fail(sec, "expected a table", sec)
        for k in s:
            if k not in _SOURCE_KEYS:
                raise fail(f"{sec}.{k}", "unknown key", sec, k)
        for k in ("name", "title"):
            if not isinstance(s.get(k), str) or not s[k].strip():
                raise fail(f"{sec}.{k}", "missing or empty", sec)
        url = s.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith("https://")):
            raise fail(f"{sec}.url", "must be an https:// address", sec, "url")
        sources[skey] = Source(skey, s["name"], s["title"], url, s.get("legifrance_id"))

    def citation(raw: Any, key: str, section: str) -> Citation:
        if raw is None:
            raise fail(key, "missing citation", section)
        if not isinstance(raw, dict):
            raise fail(key, "citation must be a table {source, article}", section, "citation")
        for k in raw:
            if k not in _CITATION_KEYS:
                raise fail(f"{key}.citation.{k}", "unknown key", section, "citation")
        src = raw.get("source")
        if src not in sources:
            known = ", ".join(sorted(sources))
            raise fail(
                f"{key}.citation.source",
                f"unknown source {src!r} (declared: {known})",
                section,
                "citation",
            )
        art = raw.get("article")
        if not isinstance(art, str) or not art.strip():
            raise fail(f"{key}.citation.article", "missing article", section, "citation")
        art_en = raw.get("article_en")
        if art_en is not None and (not isinstance(art_en, str) or not art_en.strip()):
            raise fail(f"{key}.citation.article_en", "must be a non-empty string", section)
        url = raw.get("url", sources[src].url)
        return Citation(
            sources[src].name,
            art,
            url,
            raw.get("legifrance_id", sources[src].legifrance_id),
            article_en=art_en,
        )

    params: dict[str, Parameter] = {}
    raw_params = doc.get("params", {})
    if not isinstance(raw_params, dict):
        raise fail("params", "expected [params.*] tables")
    for pkey, p in raw_params.items():
        sec = f"params.{pkey}"
        spec = schema.get(pkey)
        if spec is None:
            raise fail(sec, f"unknown key (a {kind} policy knows: {', '.join(schema)})", sec)
        if not isinstance(p, dict):
            raise fail(sec, "expected a table with value and citation", sec)
        for k in p:
            if k not in _PARAM_KEYS:
                raise fail(f"{sec}.{k}", "unknown key", sec, k)
        entries: list[DatedValue] = []
        if "values" in p:
            if "value" in p:
                raise fail(sec, "give either value or values, not both", sec)
            if not spec.dated:
                raise fail(sec, "this parameter is not dated: give one value", sec)
            raw_values = p["values"]
            if not isinstance(raw_values, list) or not raw_values:
                raise fail(f"{sec}.values", "expected a non-empty array of tables", sec)
            vsec = f"{sec}.values"
            lines = _value_lines(text, vsec)
            for i, v in enumerate(raw_values):
                vline = lines[i] if i < len(lines) else line_of(text, vsec)
                vkey = f"{sec}.values[{i}]"
                if not isinstance(v, dict):
                    raise PolicyError(name, vkey, vline, "expected a table")
                for k in v:
                    if k not in _VALUE_KEYS:
                        raise PolicyError(name, f"{vkey}.{k}", vline, "unknown key")
                start, end = v.get("from"), v.get("to")
                if start is None or (bad := _check_type("date", start)):
                    why = "missing date" if start is None else f"bad date: {bad}"
                    raise PolicyError(name, f"{vkey}.from", vline, why)
                if end is not None and (_check_type("date", end) or end < start):
                    why = _check_type("date", end) or "must be a date on or after from"
                    raise PolicyError(name, f"{vkey}.to", vline, f"bad date ({why})")
                if "value" not in v:
                    raise PolicyError(name, f"{vkey}.value", vline, "missing value")
                err = _check_type(spec.type, v["value"]) or (
                    spec.check(v["value"]) if spec.check else None
                )
                if err:
                    raise PolicyError(name, f"{vkey}.value", vline, err)
                if v.get("citation") is None:
                    raise PolicyError(name, vkey, vline, "missing citation")
                cit = citation(v["citation"], vkey, vsec)
                if entries:
                    prev = entries[-1]
                    assert prev.start is not None
                    if start <= prev.start:
                        raise PolicyError(
                            name,
                            f"{vkey}.from",
                            vline,
                            f"dates out of order or overlapping ({start} after {prev.start})",
                        )
                    if prev.end is not None and start <= prev.end:
                        raise PolicyError(
                            name,
                            f"{vkey}.from",
                            vline,
                            f"overlaps the previous value (in force until {prev.end})",
                        )
                    if prev.end is None:
                        entries[-1] = attrs.evolve(prev, end=start - dt.timedelta(days=1))
                entries.append(DatedValue(start, end, v["value"], cit))
        else:
            if "value" not in p:
                raise fail(f"{sec}.value", "missing value", sec)
            err = _check_type(spec.type, p["value"]) or (
                spec.check(p["value"]) if spec.check else None
            )
            if err:
                raise fail(f"{sec}.value", err, sec, "value")
            cit = citation(p.get("citation"), sec, sec)
            entries.append(DatedValue(None, None, p["value"], cit))
        params[pkey] = Parameter(pkey, tuple(entries), p.get("description", spec.description))
    for pkey, spec in schema.items():
        if pkey in params:
            continue
        if spec.required:
            raise PolicyError(name, f"params.{pkey}", None, "missing required parameter")
        if spec.default is not NO_DEFAULT:
            cit = default_citation(spec)
            params[pkey] = Parameter(pkey, (DatedValue(None, None, spec.default, cit),))
    return Policy(
        id=head["id"],
        kind=head["kind"],
        title=head["title"],
        version=head["version"],
        last_verified_on=lv,
        sources=sources,
        params=params,
        path=name,
    )


def _value_lines(text: str, section: str) -> list[int]:
    """Line numbers of each ``[[section]]`` header, in order."""
    pat = re.compile(r"^\s*\[\[\s*" + re.escape(section) + r"\s*\]\]")
    return [i + 1 for i, line in enumerate(text.splitlines()) if pat.match(line)]


# -- typed views -------------------------------------------------------------------


def param(spec: ParamSpec, *, shown_only: bool = False) -> Any:
    """Declare one policy key as a field of a :class:`PolicyView` subclass.

    The field's name is the key, ``spec`` what the loader accepts for it. A key that
    no rule reads (it is only shown in decisions or docs) says so with
    ``shown_only=True``, so that a test can fail on keys that nothing uses.
    """
    return attrs.field(metadata={"param": spec, "shown_only": shown_only})


_VIEW_CACHE_SIZE = 4096


@attrs.frozen(eq=False)
class PolicyView:
    """A frozen, typed view of a policy on one date: each declared key is an attribute.

    A domain declares its keys once, as an attrs subclass whose fields are made with
    :func:`param`; :meth:`schema` derives the loader's schema from them, and
    :meth:`of` reads the values in force on a date (an absent optional key is its
    default, or None). A misspelt key is then an attribute error found by mypy, not a
    string found at run time. ``cite(key)`` gives the citation of the value used.
    """

    policy: Policy
    on: dt.date | None

    @classmethod
    def schema(cls) -> dict[str, ParamSpec]:
        """The loader's schema: one :class:`ParamSpec` per declared key."""
        return {f.name: f.metadata["param"] for f in attrs.fields(cls) if "param" in f.metadata}

    @classmethod
    def shown_only(cls) -> frozenset[str]:
        """The keys declared as shown only (read by no rule)."""
        return frozenset(f.name for f in attrs.fields(cls) if f.metadata.get("shown_only"))

    @classmethod
    def of(cls: type[_V], policy: Policy, on: dt.date | None = None) -> _V:
        """The view of ``policy`` on ``on`` (cached: views are immutable)."""
        return cast("_V", _view(cast(Any, cls), policy, on))

    def cite(self, key: str) -> Citation:
        """The citation of the value of ``key`` used by this view."""
        if key not in self.policy.params:
            spec = type(self).schema().get(key)
            if spec is None:
                raise KeyError(f"{type(self).__name__} declares no key {key!r}")
            return default_citation()
        return self.policy.citation(key, self.on)


_V = TypeVar("_V", bound=PolicyView)


@functools.lru_cache(maxsize=_VIEW_CACHE_SIZE)
def _view(cls: type[PolicyView], policy: Policy, on: dt.date | None) -> PolicyView:
    values: dict[str, Any] = {}
    for key, spec in cls.schema().items():
        if key in policy.params:
            param_ = policy.params[key]
            v = param_.at(on) if spec.dated else param_.values[-1]
            if v is None:
                if spec.required:
                    raise NoValueInForce(policy.id, key, on)
                values[key] = None if spec.default is NO_DEFAULT else spec.default
            else:
                values[key] = v.value
        else:
            values[key] = None if spec.default is NO_DEFAULT else spec.default
    return cls(policy=policy, on=on, **values)
