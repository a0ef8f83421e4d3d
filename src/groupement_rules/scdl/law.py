"""What the CGCT lets the vote columns say, beyond the schema.

- The outcome: « Les délibérations sont prises à la majorité absolue des suffrages
  exprimés. […] En cas de partage égal des voix, et sauf cas de scrutin secret, la voix
  du président est prépondérante » (L2121-20). Suffrages exprimés = VOTE_POUR +
  VOTE_CONTRE (abstentions are not expressed); the columns cannot say whether the vote
  was secret, so a tie is a warning, not an outcome.
- The council size: no municipal council has more members than the largest of the
  L2121-2 table (the ``council_size`` policy of ``policies/cgct.toml`` on the
  délibération's date), Paris, Lyon and Marseille excepted (L2511-1 and following).
  Only a commune's SIREN (``21…``) is checked: an EPCI's council is sized otherwise.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from ..decision import Citation, Finding
from .checks import GOOD_MAX, SIRET14, Check
from .findings import CATALOGUE, emit, severity_of

L2121_20 = Citation("CGCT", "L2121-20", legifrance_id="LEGIARTI000006389872")

#: Communes whose council is not sized by L2121-2 (PLM law: L2511-1 and following).
PLM_SIRENS = {"217500016": "Paris", "216901231": "Lyon", "211300553": "Marseille"}

_OUTCOME_LABELS = {
    "adopted": {"fr": "adoptée", "en": "adopted"},
    "rejected": {"fr": "rejetée", "en": "rejected"},
    "tie": {"fr": "à égalité des voix", "en": "tied"},
}


def outcome(pour: int, contre: int) -> str:
    """``adopted``, ``rejected`` or ``tie`` by majority of the suffrages exprimés (L2121-20).

    No suffrage exprimé (all abstain) adopts nothing: rejected.
    """
    if pour > contre:
        return "adopted"
    if pour < contre or pour + contre == 0:
        return "rejected"
    return "tie"


def commune_siren(siret: str) -> str | None:
    """The SIREN of a commune whose council L2121-2 sizes (not Paris, Lyon, Marseille)."""
    if not SIRET14.fullmatch(siret):
        return None
    siren = siret[:9]
    return siren if siren.startswith("21") and siren not in PLM_SIRENS else None


@functools.lru_cache(maxsize=64)
def council_cap(on: dt.date) -> tuple[int, Citation] | None:
    """The largest council of L2121-2 on ``on``, with its citation (None outside the policy)."""
    from ..policy import PolicyError
    from ..seance.policy import default_cgct, max_council_seats

    try:
        policy = default_cgct()
        return max_council_seats(policy, on), policy.citation("council_size", on)
    except (PolicyError, LookupError, ValueError):
        return None


def outcome_check(pour_i: int | None, contre_i: int | None) -> Check | None:
    """The outcome of the vote (L2121-20), and a warning on a tie, from the value slots."""
    if pour_i is None or contre_i is None:
        return None
    severity = severity_of("vote-outcome")
    spec = CATALOGUE["vote-outcome"]

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        pour = values[pour_i]
        contre = values[contre_i]
        if type(pour) is not int or type(contre) is not int:
            return
        result = outcome(pour, contre)
        exprimes = pour + contre
        values_ = {
            "pour": pour,
            "contre": contre,
            "exprimes": exprimes,
            "outcome": result,
            "outcome_label": _OUTCOME_LABELS[result],
        }
        # one a row: built positionally (see findings.emit)
        out.append(
            Finding(
                "vote-outcome",
                severity,
                spec.fr,
                spec.en,
                L2121_20,
                values_,
                None,
                n,
                "VOTE_POUR",
                template=True,
            )
        )
        if result == "tie" and exprimes > 0:
            tie = {"pour": pour, "contre": contre}
            out.append(emit("vote-tie", tie, row=n, column="VOTE_POUR", citation=L2121_20))

    return check


def council_size_check(
    effectif_i: int | None, date_i: int | None, siret_slot: int | None
) -> Check | None:
    """VOTE_EFFECTIF of a commune against the largest council of L2121-2 on DELIB_DATE."""
    if effectif_i is None or date_i is None or siret_slot is None:
        return None
    communes: dict[str, str | None] = {}  # SIRET → SIREN of a commune sized by L2121-2

    def check(cells: Sequence[str], values: Sequence[Any], n: int, out: list[Finding]) -> None:
        effectif = values[effectif_i]
        date = values[date_i]
        if type(effectif) is not int or type(date) is not dt.date:
            return
        siret = cells[siret_slot]
        if siret in communes:
            siren = communes[siret]
        else:
            siren = commune_siren(siret)
            if len(communes) >= GOOD_MAX:
                communes.clear()
            communes[siret] = siren
        if siren is None:
            return
        cap = council_cap(date)
        if cap is not None and effectif > cap[0]:
            values_ = {
                "VOTE_EFFECTIF": effectif,
                "max_seats": cap[0],
                "siren": siren,
                "on": date.isoformat(),
            }
            code = "vote-effectif-exceeds-council-size"
            out.append(emit(code, values_, row=n, column="VOTE_EFFECTIF", citation=cap[1]))

    return check


__all__ = [
    "L2121_20",
    "PLM_SIRENS",
    "commune_siren",
    "council_cap",
    "council_size_check",
    "outcome",
    "outcome_check",
]
