"""The findings of reading a text (SPEC D): a printed count that the text's own list
contradicts.

``check-seance`` on a text or a PDF adds them to the séance's decision. The rules
compare the declared counts with the members the reader could name; where the reader
itself found that the text's list and its printed count disagree, that comparison says
nothing about the séance: the finding is ``count-list-disagree`` (what the text says is
inconsistent, or the list was not fully read), not ``presence-mismatch``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ...decision import Citation, Decision, Finding, Severity
from ...findings import Catalogue, FindingSpec

CATALOGUE = Catalogue(
    "reading",
    [
        FindingSpec(
            "count-list-disagree",
            Severity.WARNING,
            fr="{label_fr} : le texte imprime {printed} et sa liste en nomme {listed} ; "
            "le nombre imprimé est retenu, la liste est gardée telle que lue.",
            en="{label_en}: the text prints {printed} and its list names {listed}; "
            "the printed count is kept, the list as read.",
            citation="CGCT L2121-15 (the procès-verbal names the members present)",
        ),
    ],
)

#: The counts of the rules that a disagreement of the reader makes unreliable.
_AFFECTED: dict[str, tuple[tuple[str, str | None], ...]] = {
    "presents": (("presence-mismatch", "presents"), ("presence-mismatch", "en_exercice")),
    "proxies": (("presence-mismatch", "represented"), ("votants-mismatch", None)),
}
#: The counts' names in French and English (« procuration » stays in English text).
_LABELS = {
    "presents": ("Présents", "Members present"),
    "proxies": ("Procurations", "Procurations"),
}
_FALLBACK = Citation("CGCT", "L2121-15")


def count_list_findings(
    disagreements: Sequence[Mapping[str, Any]], citation: Citation = _FALLBACK
) -> list[Finding]:
    """One ``count-list-disagree`` per disagreement the reader recorded."""
    return [
        CATALOGUE.emit(
            "count-list-disagree",
            citation,
            label_fr=_LABELS.get(str(d["count"]), (str(d["count"]),) * 2)[0],
            label_en=_LABELS.get(str(d["count"]), (str(d["count"]),) * 2)[1],
            count=str(d["count"]),
            printed=int(d["printed"]),
            listed=int(d["listed"]),
        )
        for d in disagreements
    ]


def with_reading_findings(
    decision: Decision, disagreements: Sequence[Mapping[str, Any]]
) -> Decision:
    """``decision`` where the comparisons a disagreement makes meaningless are replaced by
    ``count-list-disagree``."""
    if not disagreements:
        return decision
    dropped: set[tuple[str, str | None]] = set()
    for d in disagreements:
        dropped.update(_AFFECTED.get(str(d["count"]), ()))
    kept: list[Finding] = []
    citation: Citation | None = None
    for f in decision.findings:
        field = f.values.get("field") if f.code == "presence-mismatch" else None
        if (f.code, field) in dropped and (f.code != "presence-mismatch" or field is not None):
            citation = citation or f.citation
            continue
        kept.append(f)
    kept.extend(count_list_findings(disagreements, citation or _FALLBACK))
    return attrs.evolve(decision, findings=tuple(kept))


__all__ = ["CATALOGUE", "count_list_findings", "with_reading_findings"]
