"""Reconciliation: the counts of the opening of the séance, chosen from their candidates.

A stage proposes candidates for each count: the number printed beside its label
(« Présents : 23 »), the number of names in a list (the présents named, the pairs of a
procuration list), and the value an identity of SPEC B.2.6 gives from the other printed
counts. This step chooses, in that order of strength (precision before recall, SPEC D):

- a printed count is the fact; when a list disagrees with it, the list is kept as read
  and the disagreement is recorded (both values), never resolved in favour of the list;
- a count counted from a list is taken only when no count is printed and the identities
  that can be checked hold (présents + absents named ≤ en exercice printed);
- a count is derived only when an identity and printed counts settle it:
  procurations = votants − présents, présents = votants − procurations (at the opening,
  before anyone stands aside), présents = en exercice − the members excepted when the
  text says « tous les conseillers en exercice, à l'exception de … », procurations = 0
  when the présents printed are all the members en exercice printed. « Absents » is not
  used: texts count the represented members in it or not.

Each chosen count records how it was obtained (``printed``, ``counted`` or ``derived``)
and, when derived, the identity used.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

PRINTED = "printed"
COUNTED = "counted"
DERIVED = "derived"


@attrs.frozen
class Choice:
    """One count of the opening: its value (None: unknown), how it was obtained, and why."""

    value: int | None
    how: str | None = None
    identity: str | None = None


@attrs.frozen
class Disagreement:
    """A printed count and a list of names that give different numbers."""

    count: str
    printed: int
    listed: int
    list_name: str

    def to_dict(self) -> dict[str, object]:
        return {
            "count": self.count,
            "printed": self.printed,
            "listed": self.listed,
            "list": self.list_name,
        }


@attrs.frozen
class Opening:
    """The reconciled counts of the opening, with the disagreements found."""

    choices: Mapping[str, Choice]
    disagreements: tuple[Disagreement, ...]

    def value(self, key: str) -> int | None:
        c = self.choices.get(key)
        return c.value if c is not None else None


@attrs.frozen
class Candidates:
    """What the stages found for the opening: the printed counts and the lists' sizes."""

    printed: Mapping[str, int]
    #: the présents named in a list (None: no list of présents)
    present_named: int | None
    #: the absents named (represented or not; None: no list of absents)
    absent_named: int | None
    #: the procurations paired from the text (giver and holder both read)
    proxies_paired: int
    #: whether the text speaks of procurations at all
    mentions_proxies: bool
    #: « tous les conseillers en exercice, à l'exception de … »: how many are excepted
    present_all_but: int | None = None


def reconcile(c: Candidates) -> Opening:
    """Choose each count of the opening from its candidates (see the module's rules)."""
    p = c.printed
    choices: dict[str, Choice] = {}
    disagreements: list[Disagreement] = []
    for key in ("en_exercice", "votants", "exprimes", "absents"):
        choices[key] = Choice(p[key], PRINTED) if key in p else Choice(None)

    # procurations
    if "represented" in p:
        proxies = Choice(p["represented"], PRINTED)
        if c.proxies_paired and c.proxies_paired != p["represented"]:
            disagreements.append(
                Disagreement("proxies", p["represented"], c.proxies_paired, "procurations")
            )
    elif c.proxies_paired:
        proxies = Choice(c.proxies_paired, COUNTED)
    elif "votants" in p and "presents" in p and p["votants"] >= p["presents"]:
        proxies = Choice(p["votants"] - p["presents"], DERIVED, "procurations = votants − présents")
    elif c.mentions_proxies or c.present_named:
        proxies = Choice(0, COUNTED)  # the text speaks of procurations and lists none
    elif "presents" in p and "en_exercice" in p and p["presents"] == p["en_exercice"] > 0:
        # every member en exercice is present: no one is absent to give a procuration
        proxies = Choice(0, DERIVED, "procurations = 0 (présents = en exercice)")
    else:
        proxies = Choice(None)
    choices["proxies"] = proxies

    # présents
    if "presents" in p:
        presents = Choice(p["presents"], PRINTED)
        if c.present_named is not None and c.present_named != p["presents"]:
            disagreements.append(
                Disagreement("presents", p["presents"], c.present_named, "présents")
            )
    elif c.present_named is not None and _list_consistent(c, p):
        presents = Choice(c.present_named, COUNTED)
    elif c.present_all_but is not None and "en_exercice" in p:
        presents = Choice(
            p["en_exercice"] - c.present_all_but,
            DERIVED,
            "présents = en exercice − the members excepted (« tous … à l'exception de … »)",
        )
    elif "votants" in p and proxies.how == PRINTED and proxies.value is not None:
        presents = Choice(
            p["votants"] - proxies.value, DERIVED, "présents = votants − procurations"
        )
    else:
        presents = Choice(None)
    if presents.value is not None and presents.value < 0:
        presents = Choice(None)
    choices["presents"] = presents
    choices["represented"] = (
        Choice(p["represented"], PRINTED) if "represented" in p else Choice(None)
    )
    return Opening(choices, tuple(disagreements))


def _list_consistent(c: Candidates, p: Mapping[str, int]) -> bool:
    """A list of présents is counted only when the identities that can be checked hold."""
    assert c.present_named is not None
    if "en_exercice" in p and c.absent_named is not None:
        # a member may be named nowhere (a vacancy, an omission): at most, not exactly
        return c.present_named + c.absent_named <= p["en_exercice"]
    if "en_exercice" in p:
        return c.present_named <= p["en_exercice"]
    if "votants" in p and "represented" in p:
        return c.present_named + p["represented"] == p["votants"]
    return True


__all__ = ["COUNTED", "DERIVED", "PRINTED", "Candidates", "Choice", "Disagreement", "Opening"]
