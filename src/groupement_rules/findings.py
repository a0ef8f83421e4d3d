"""Finding catalogues: each domain declares its finding codes once.

A domain's ``findings.py`` holds one :class:`Catalogue`: for each stable code, its
severity, where its citation comes from, and its French and English message
templates over the values the rule compared. A rule then writes only
``CATALOGUE.emit("code", citation, **values)``: the words live in one place, the
message cannot say anything its values do not, and a test can list every code a
domain produces.

Templates are :func:`str.format` strings with the specs of
:func:`groupement_rules.decision.format_message`: ``{day:d}`` for a date in long form
(« 19 juillet 2028 », "19 July 2028"), ``{fields:fields}`` for paths of facts as their
labels, ``{n:pl(jour franc|jours francs)}`` for a number and the word that
agrees with it, ``{n:pw(est|sont)}`` for the agreeing word alone.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from .decision import Citation, Finding, JSONValue, Severity

_PARSER = string.Formatter()


def _fields(template: str) -> frozenset[str]:
    """The top-level value names a template reads (``{a.b}`` reads ``a``)."""
    names = set()
    for _, field, _, _ in _PARSER.parse(template):
        if field:
            names.add(field.split(".")[0].split("[")[0])
    return frozenset(names)


@attrs.frozen
class FindingSpec:
    """One code of a catalogue.

    ``citation`` documents where the finding's citation comes from (a policy key, or
    the article when it is fixed); the citation itself is given at emission, since it
    is dated policy data.
    """

    code: str
    severity: Severity
    fr: str
    en: str
    citation: str = ""
    reads: frozenset[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "reads", _fields(self.fr) | _fields(self.en))


class UnknownFinding(KeyError):
    """A rule emitted a code its catalogue does not declare (a bug, not bad input)."""


class Catalogue:
    """The finding codes of one domain (``convention``, ``seance``, ``deadlines``, …)."""

    def __init__(self, domain: str, specs: Iterable[FindingSpec]) -> None:
        self.domain = domain
        self._specs: dict[str, FindingSpec] = {}
        for spec in specs:
            if spec.code in self._specs:
                raise ValueError(f"{domain}: finding code {spec.code!r} declared twice")
            self._specs[spec.code] = spec

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._specs)

    def __contains__(self, code: object) -> bool:
        return code in self._specs

    def __iter__(self) -> Iterator[FindingSpec]:
        return iter(self._specs.values())

    def __len__(self) -> int:
        return len(self._specs)

    def __getitem__(self, code: str) -> FindingSpec:
        try:
            return self._specs[code]
        except KeyError:
            raise UnknownFinding(f"{self.domain}: no finding code {code!r}") from None

    def emit(
        self,
        code: str,
        citation: Citation,
        *,
        deliberation: str | None = None,
        row: int | None = None,
        column: str | None = None,
        severity: Severity | None = None,
        **values: JSONValue,
    ) -> Finding:
        """The finding ``code`` over ``values``; its messages are formatted when read.

        ``severity`` overrides the catalogue's only where a rule's severity depends on
        the facts (it is then documented with the code).
        """
        spec = self[code]
        missing = spec.reads - values.keys()
        if missing:
            raise TypeError(f"{self.domain}: {code} needs the values {sorted(missing)}")
        return Finding(
            code=code,
            severity=spec.severity if severity is None else severity,
            message_fr=spec.fr,
            message_en=spec.en,
            citation=citation,
            values=values,
            deliberation=deliberation,
            row=row,
            column=column,
            template=True,
        )

    def table(self) -> list[Mapping[str, Any]]:
        """The catalogue as rows (code, severity, citation), for documentation."""
        return [
            {"code": s.code, "severity": s.severity.value, "citation": s.citation} for s in self
        ]


__all__ = ["Catalogue", "FindingSpec", "UnknownFinding"]
