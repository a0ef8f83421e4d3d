"""The record of one read: the facts, where each came from, what was left unread."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from ...seance.facts import Seance

MAX_CHARS = 20 * 1024 * 1024
#: Above this many names, matching a name inside messy text is skipped (keeps time linear).
MAX_KNOWN = 400

#: The format of ``read --json`` output.
FORMAT = "groupement-rules/extract/1"

COUNT_KEYS = ("en_exercice", "presents", "represented", "votants", "exprimes")
VOTE_KEYS = ("pour", "contre", "abstentions", "blancs_nuls")


@attrs.frozen
class ExtractResult:
    """What a text says about a séance, where it says it, and what it leaves unsaid."""

    facts: Mapping[str, Any]
    provenance: Mapping[str, Any]
    unread: tuple[Mapping[str, str], ...]
    publication: Mapping[str, Any]
    opening: Mapping[str, Any] = attrs.field(factory=dict)
    #: printed counts that a list of names contradicts (``count``, ``printed``, ``listed``)
    disagreements: tuple[Mapping[str, Any], ...] = ()
    #: what was read: ``{"kind": "text"}``, or a PDF's pages and method (text layer, OCR)
    document: Mapping[str, Any] = attrs.field(factory=lambda: {"kind": "text"})
    #: the stamps of transmission and publication (SPEC C) and the ACTES identifier
    stamps: Mapping[str, Any] = attrs.field(factory=dict)
    #: the facts of the act (the input of ``executory``), None without a date of adoption
    act: Mapping[str, Any] | None = None

    def seance(self, where: str = "<text>") -> Seance:
        """The séance facts read, typed (:class:`~groupement_rules.seance.facts.Seance`);
        :class:`InputError` when the text gives no séance date."""
        from ..seance import seance_from_dict
        from .files import numbered

        return seance_from_dict(numbered(self.facts), where)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "facts": self.facts,
            "provenance": self.provenance,
            "unread": [dict(u) for u in self.unread],
            "publication": dict(self.publication),
            "opening": dict(self.opening),
            "disagreements": [dict(d) for d in self.disagreements],
            "document": dict(self.document),
            "stamps": dict(self.stamps),
            "act": dict(self.act) if self.act is not None else None,
        }
