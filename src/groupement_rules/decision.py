"""Explained decisions: what every rule of the library returns.

A :class:`Decision` answers one question. It carries the question and its
inputs, the answer (a string enum, never a bare boolean), every date the rule
computed and how, the findings (stable codes, SPEC A.7 and B.4), the readings
of ambiguous sentences that were used, and the identity of the policy data.

``Decision.to_dict()`` emits the versioned JSON format documented in
``docs/decision-format.md`` (``"format": "groupement-rules/decision/1"``);
``Decision.from_dict()`` reads it back.

Decisions are immutable all the way down: their inputs, data and finding values
are read-only dicts and lists (:func:`freeze`), so a decision handed to many
callers (from a memo, from many server threads) cannot be changed by one of
them; ``to_dict()`` returns fresh dicts and lists that belong to the caller.
"""

from __future__ import annotations

import datetime as dt
import enum
import string
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from . import labels

FORMAT = "groupement-rules/decision/1"

#: JSON-ready values only: str, int, float, bool, None, lists and dicts of them.
JSONValue = Any


def _read_only(self: Any, *args: Any, **kwargs: Any) -> Any:
    raise TypeError(
        f"a decision's {type(self).__bases__[0].__name__} is read-only: "
        "use to_dict() for a copy of your own"
    )


class _FrozenDict(dict[str, Any]):
    """A ``dict`` no one can change: equal to, and serialised as, a plain ``dict``.

    Decisions are shared (a memo answers 1 530 schools asking about one day with
    one object), so what they hold must not be writable by any one caller.
    Copying (``copy``, ``dict(x)``, pickling) gives an ordinary, writable dict.
    """

    __slots__ = ()
    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> Any:
        return (dict, (dict(self),))

    def __copy__(self) -> dict[str, Any]:
        return dict(self)

    def __deepcopy__(self, memo: Any) -> dict[str, Any]:
        return thaw(self)  # type: ignore[no-any-return]


class _FrozenList(list[Any]):
    """A ``list`` no one can change: equal to, and serialised as, a plain ``list``."""

    __slots__ = ()
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only
    append = clear = extend = insert = pop = remove = reverse = sort = _read_only

    def __reduce__(self) -> Any:
        return (list, (list(self),))

    def __copy__(self) -> list[Any]:
        return list(self)

    def __deepcopy__(self, memo: Any) -> list[Any]:
        return thaw(self)  # type: ignore[no-any-return]


def freeze(value: JSONValue) -> JSONValue:
    """``value`` with every dict and list (or tuple) made read-only, recursively.

    Dicts and lists stay dicts and lists for ``==``, ``isinstance`` and ``json``;
    only writing to them raises ``TypeError``. Already frozen parts are reused.
    """
    t = type(value)
    if t in _AS_IS:
        return value
    if t is dict and not value:
        return _EMPTY
    if isinstance(value, Mapping):
        return _FrozenDict({k: v if type(v) in _AS_IS else freeze(v) for k, v in value.items()})
    if t is list or t is tuple:
        return _FrozenList([v if type(v) in _AS_IS else freeze(v) for v in value])
    return value


_SCALARS: frozenset[type] = frozenset({str, int, float, bool, type(None)})
_EMPTY = _FrozenDict()
_DICTS: frozenset[type] = frozenset((dict, _FrozenDict))
_LISTS: frozenset[type] = frozenset((list, tuple, _FrozenList))
#: What :func:`freeze` returns unchanged: JSON scalars, and what is frozen already.
_AS_IS = frozenset({str, int, float, bool, type(None), _FrozenDict, _FrozenList})


def thaw(value: JSONValue) -> JSONValue:
    """A fresh, writable copy of a JSON-ready ``value`` (dicts and lists copied deep)."""
    t = type(value)
    if t in _SCALARS:
        return value
    if t in _DICTS:
        return {k: thaw(v) for k, v in value.items()}
    if t in _LISTS:
        return [thaw(v) for v in value]
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [thaw(v) for v in value]
    return value


class Severity(enum.StrEnum):
    """How serious a finding is (SPEC A.7)."""

    ERROR = "error"  # the rule is broken
    WARNING = "warning"  # something does not add up, or cannot be checked
    INFO = "info"  # a fact worth showing


@attrs.frozen
class Citation:
    """A typed reference to the text a rule or value comes from.

    ``source`` names the text (``"convention e-primo"``, ``"CGCT"``, ``"CPC"``),
    ``article`` the article within it (``"art. 3"``, ``"L2121-17 al. 2"``), written
    in French as the text is; ``article_en`` is its English wording where the
    reference says more than article numbers (« L2121-11 et L2121-12 »). A source's
    name is a proper name, the same in both languages; quotations of the text
    (« est présente ») stay in French in both.
    """

    source: str
    article: str
    url: str | None = None
    legifrance_id: str | None = None
    article_en: str | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        return f"{self.source}, {self.article}"

    def text(self, lang: str = "fr") -> str:
        """The reference for people in ``lang``."""
        if lang == "en":
            return f"{self.source}, {_reference_en(self)}"
        return str(self)

    def to_dict(self) -> dict[str, JSONValue]:
        out: dict[str, JSONValue] = {"source": self.source, "article": self.article}
        if self.article_en is not None:
            out["article_en"] = self.article_en
        if self.url is not None:
            out["url"] = self.url
        if self.legifrance_id is not None:
            out["legifrance_id"] = self.legifrance_id
        fr = f"{self.source}, {self.article}"
        out["text"] = fr
        out["texts"] = {"fr": fr, "en": f"{self.source}, {_reference_en(self)}"}
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, JSONValue]) -> Citation:
        return cls(
            source=data["source"],
            article=data["article"],
            url=data.get("url"),
            legifrance_id=data.get("legifrance_id"),
            article_en=data.get("article_en"),
        )


def _reference_en(c: Citation) -> str:
    return c.article_en if c.article_en is not None else labels.reference_en(c.article)


def cites(*citations: Citation) -> tuple[Citation, ...]:
    """Deduplicate citations, keeping their order."""
    seen: dict[Citation, None] = {}
    for c in citations:
        seen.setdefault(c, None)
    return tuple(seen)


class _MessageFormatter(string.Formatter):
    """Formats message templates in one language.

    Format specs beyond Python's own:

    - ``{day:d}`` writes an ISO date in long form (« 19 juillet 2028 », "19 July 2028");
    - ``{n:pl(ligne|lignes)}`` writes the number and the word that agrees with it
      (« 1 ligne », « 2 lignes »; French takes the singular for 0 and 1, English only
      for 1: « 0 ligne », "0 lines");
    - ``{n:pw(est|sont)}`` writes only the agreeing word;
    - ``{missing:fields}`` writes paths of facts (``declared.votants``) as their labels
      (« nombre de votants », :func:`groupement_rules.labels.field_list`).
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def _singular(self, value: Any) -> bool:
        n = abs(value) if isinstance(value, int | float) else 2
        return n < 2 if self.lang == "fr" else n == 1

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "d" and isinstance(value, str) and len(value) == 10:
            return labels.long_date(int(value[0:4]), int(value[5:7]), int(value[8:10]), self.lang)
        if format_spec == "fields":
            return labels.field_list(value, self.lang)
        if format_spec[:3] in ("pl(", "pw(") and format_spec.endswith(")"):
            one, _, many = format_spec[3:-1].partition("|")
            word = one if self._singular(value) else many
            return word if format_spec[1] == "w" else f"{value} {word}"
        return str(super().format_field(value, format_spec))


_FORMATTERS = {"fr": _MessageFormatter("fr"), "en": _MessageFormatter("en")}


def format_message(template: str, values: Mapping[str, Any], lang: str = "fr") -> str:
    """A message template formatted over ``values`` in ``lang`` (see :class:`Finding`)."""
    return _FORMATTERS["en" if lang == "en" else "fr"].vformat(template, (), values)


@attrs.frozen(eq=False)
class Finding:
    """One observation of a rule: a stable code, a severity, two messages.

    ``values`` holds the values the rule compared (JSON-ready), so that a
    reader can redo the check. ``deliberation``, ``row`` and ``column`` locate
    the finding inside a séance or a CSV file when that applies.

    With ``template=True`` the two messages are format strings over ``values``
    (``"Un courrier du {request_date:d} …"``; ``:d`` writes an ISO date as
    « 19 juillet 2028 »), formatted only when read: a rule answering millions of
    questions does not pay for text nobody reads, and the text cannot say
    anything the values do not.
    """

    code: str
    severity: Severity
    _fr: str = attrs.field(alias="message_fr")
    _en: str = attrs.field(alias="message_en")
    citation: Citation
    values: Mapping[str, JSONValue] = attrs.field(factory=dict, converter=freeze)
    deliberation: str | None = None
    row: int | None = None
    column: str | None = None
    template: bool = attrs.field(default=False, kw_only=True)

    @property
    def message_fr(self) -> str:
        return _FORMATTERS["fr"].vformat(self._fr, (), self.values) if self.template else self._fr

    @property
    def message_en(self) -> str:
        return _FORMATTERS["en"].vformat(self._en, (), self.values) if self.template else self._en

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr

    def _key(self) -> tuple[Any, ...]:
        return (
            self.code,
            self.severity,
            self.message_fr,
            self.message_en,
            self.citation,
            dict(self.values),
            self.deliberation,
            self.row,
            self.column,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.code, self.severity, self.message_fr, self.deliberation, self.row))

    def to_dict(self, lang: str = "fr") -> dict[str, JSONValue]:
        fr, en = self.message_fr, self.message_en
        out: dict[str, JSONValue] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": en if lang == "en" else fr,
            "messages": {"fr": fr, "en": en},
            "citation": self.citation.to_dict(),
            "values": thaw(self.values),
            "deliberation": self.deliberation,
        }
        if self.row is not None:
            out["row"] = self.row
        if self.column is not None:
            out["column"] = self.column
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, JSONValue]) -> Finding:
        return cls(
            code=data["code"],
            severity=Severity(data["severity"]),
            message_fr=data["messages"]["fr"],
            message_en=data["messages"]["en"],
            citation=Citation.from_dict(data["citation"]),
            values=dict(data.get("values", {})),
            deliberation=data.get("deliberation"),
            row=data.get("row"),
            column=data.get("column"),
        )


@attrs.frozen
class Interpretation:
    """A reading chosen where the text allows more than one (DESIGN "Ambiguity is named")."""

    key: str
    value: str
    alternatives: tuple[str, ...]
    description_fr: str
    description_en: str
    citation: Citation

    def description(self, lang: str = "fr") -> str:
        return self.description_en if lang == "en" else self.description_fr

    def label(self, lang: str = "fr") -> str:
        """What the reading is about, for people (the key when no label is known)."""
        return labels.say(labels.reading_label(self.key), lang, self.key)

    def value_label(self, lang: str = "fr") -> str:
        """The reading chosen, for people (the value when no label is known)."""
        return labels.say(labels.reading_value_label(self.key, self.value), lang, self.value)

    def to_dict(self, lang: str = "fr") -> dict[str, JSONValue]:
        return {
            "key": self.key,
            "label": labels.as_dict(labels.reading_label(self.key)),
            "value": self.value,
            "value_label": labels.as_dict(labels.reading_value_label(self.key, self.value)),
            "alternatives": list(self.alternatives),
            "description": self.description(lang),
            "descriptions": {"fr": self.description_fr, "en": self.description_en},
            "citation": self.citation.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSONValue]) -> Interpretation:
        return cls(
            key=data["key"],
            value=data["value"],
            alternatives=tuple(data["alternatives"]),
            description_fr=data["descriptions"]["fr"],
            description_en=data["descriptions"]["en"],
            citation=Citation.from_dict(data["citation"]),
        )


@attrs.frozen
class ComputedDate:
    """A date a rule computed, with the arithmetic that produced it.

    ``how`` shows the operation (« 19 juillet 2026 + 24 mois »); ``note`` is set
    when a rule of computation moved the date, e.g. CPC art. 641 al. 2 when the
    target month has no such day (31 → 30). Both are French; ``how_en`` and
    ``note_en`` are their English text (the French is shown when there is none).
    The date's label for people comes from :mod:`groupement_rules.labels` by
    ``name``.
    """

    name: str
    value: dt.date
    how: str
    citation: Citation
    note: str | None = None
    how_en: str | None = attrs.field(default=None, kw_only=True)
    note_en: str | None = attrs.field(default=None, kw_only=True)

    def how_in(self, lang: str = "fr") -> str:
        return self.how_en if lang == "en" and self.how_en is not None else self.how

    def note_in(self, lang: str = "fr") -> str | None:
        return self.note_en if lang == "en" and self.note_en is not None else self.note

    def label(self, lang: str = "fr") -> str:
        """The date's label for people (its name when no label is known)."""
        return labels.say(labels.date_label(self.name), lang, self.name)

    def to_dict(self, lang: str = "fr") -> dict[str, JSONValue]:
        return {
            "name": self.name,
            "label": labels.as_dict(labels.date_label(self.name)),
            "value": self.value.isoformat(),
            "how": self.how_in(lang),
            "hows": {"fr": self.how, "en": self.how_in("en")},
            "citation": self.citation.to_dict(),
            "note": self.note_in(lang),
            "notes": (None if self.note is None else {"fr": self.note, "en": self.note_in("en")}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSONValue]) -> ComputedDate:
        hows = data.get("hows") or {"fr": data["how"], "en": None}
        notes = data.get("notes") or {"fr": data.get("note"), "en": None}
        return cls(
            name=data["name"],
            value=dt.date.fromisoformat(data["value"]),
            how=hows["fr"],
            how_en=hows.get("en"),
            citation=Citation.from_dict(data["citation"]),
            note=notes["fr"],
            note_en=notes.get("en"),
        )


@attrs.frozen
class PolicyRef:
    """Which policy data a decision was computed with."""

    id: str
    title: str
    version: str
    last_verified_on: dt.date | None = None

    def to_dict(self) -> dict[str, JSONValue]:
        return {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "last_verified_on": (
                self.last_verified_on.isoformat() if self.last_verified_on else None
            ),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSONValue]) -> PolicyRef:
        lv = data.get("last_verified_on")
        return cls(
            id=data["id"],
            title=data["title"],
            version=data["version"],
            last_verified_on=dt.date.fromisoformat(lv) if lv else None,
        )


def _freeze_findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


@attrs.frozen
class Decision:
    """The explained answer to one question.

    ``answer`` is a member of the question's answer enum (a ``StrEnum``, so that it
    also equals its string, e.g. ``"allowed"``, as JSON and older callers see it).
    ``data`` holds the question-specific, JSON-ready payload that integrators
    read at the top level of the JSON (``effective_on``, ``window``...); its dates
    are ISO strings there, and :meth:`data_date` reads one as a date.
    """

    question: str
    answer: str
    inputs: Mapping[str, JSONValue] = attrs.field(converter=freeze)
    policy: PolicyRef | None
    dates: tuple[ComputedDate, ...] = ()
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_freeze_findings)
    interpretations: tuple[Interpretation, ...] = ()
    citations: tuple[Citation, ...] = ()
    data: Mapping[str, JSONValue] = attrs.field(factory=dict, converter=freeze)

    # -- queries -----------------------------------------------------------
    def codes(self) -> list[str]:
        """The finding codes, in order (what tests and integrators filter on)."""
        return [f.code for f in self.findings]

    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def answer_label(self, lang: str = "fr") -> str:
        """The answer for people (« trop tard », "too late"); the value when none is known."""
        return labels.say(labels.answer_label(self.question, self.answer), lang, self.answer)

    def question_label(self, lang: str = "fr") -> str:
        """The question for people (« Demande de retrait »); its key when none is known."""
        return labels.say(labels.question_label(self.question), lang, self.question)

    def date(self, name: str) -> dt.date:
        """The computed date called ``name``."""
        for d in self.dates:
            if d.name == name:
                return d.value
        raise KeyError(name)

    def data_date(self, *path: str | int) -> dt.date | None:
        """The date at ``path`` in :attr:`data`, as a :class:`datetime.date` (None when
        the data says null): ``d.data_date("effective_on")``,
        ``d.data_date("window", "first_day")``, ``d.data_date("windows", 0, "end")``.

        A :class:`KeyError` (or :class:`IndexError`) when there is no such value, a
        :class:`ValueError` when the value there is not an ISO date.
        """
        value: Any = self.data
        for key in path:
            value = value[key]
        if value is None or isinstance(value, dt.date):
            return value
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError(f"decision data at {path!r} is not a date: {value!r}")
        return dt.date.fromisoformat(value)

    # -- JSON ----------------------------------------------------------------
    def to_dict(self, lang: str = "fr") -> dict[str, JSONValue]:
        out: dict[str, JSONValue] = {
            "format": FORMAT,
            "question": self.question,
            "answer": self.answer,
            "answer_label": labels.as_dict(labels.answer_label(self.question, self.answer)),
            "question_label": labels.as_dict(labels.question_label(self.question)),
        }
        reserved = set(out) | {
            "inputs",
            "policy",
            "dates",
            "findings",
            "interpretations",
            "citations",
            "data_keys",
        }
        for key, value in self.data.items():
            if key in reserved:
                raise ValueError(f"decision data key {key!r} is reserved")
            out[key] = thaw(value)
        out.update(
            {
                "inputs": thaw(self.inputs),
                "policy": self.policy.to_dict() if self.policy else None,
                "dates": [d.to_dict(lang) for d in self.dates],
                "findings": [f.to_dict(lang) for f in self.findings],
                "interpretations": [i.to_dict(lang) for i in self.interpretations],
                "citations": [c.to_dict() for c in self.citations],
                "data_keys": list(self.data),
            }
        )
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, JSONValue]) -> Decision:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} document (format={data.get('format')!r})")
        policy = data.get("policy")
        return cls(
            question=data["question"],
            answer=data["answer"],
            inputs=dict(data["inputs"]),
            policy=PolicyRef.from_dict(policy) if policy else None,
            dates=tuple(ComputedDate.from_dict(d) for d in data["dates"]),
            findings=tuple(Finding.from_dict(f) for f in data["findings"]),
            interpretations=tuple(Interpretation.from_dict(i) for i in data["interpretations"]),
            citations=tuple(Citation.from_dict(c) for c in data["citations"]),
            data={k: data[k] for k in data["data_keys"]},
        )
