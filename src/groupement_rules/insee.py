"""INSEE commune codes (Code officiel géographique): the one check of the library.

A commune's code has five characters: its département, then its number within it.

- Metropolitan départements 01 to 95 (20 no longer exists: Corsica has been 2A and
  2B since 1976), so ``49176`` is in Maine-et-Loire (49) and ``2A004`` in
  Corse-du-Sud (2A).
- Overseas départements and collectivités with communes take three characters:
  971 Guadeloupe, 972 Martinique, 973 Guyane, 974 La Réunion, 976 Mayotte,
  975 Saint-Pierre-et-Miquelon, 977 Saint-Barthélemy, 978 Saint-Martin,
  987 Polynésie française, 988 Nouvelle-Calédonie.
- Moselle (57), Bas-Rhin (67) and Haut-Rhin (68) keep a local law for their
  communes (CGCT L2541-1 and following; Code du travail L3134-13).
"""

from __future__ import annotations

import re

from .errors import InputError

_CODE = re.compile(r"(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-8]|98[78])\d{2,3}")

#: The départements whose communes follow the local law of Alsace-Moselle.
ALSACE_MOSELLE = frozenset({"57", "67", "68"})

#: The overseas départements (DROM) and collectivités whose codes take three characters.
OVERSEAS = frozenset({"971", "972", "973", "974", "975", "976", "977", "978", "987", "988"})


class InvalidInseeCode(InputError):
    """Not the INSEE code of a commune."""

    def __init__(self, code: object, where: str = "insee") -> None:
        super().__init__(
            where, f"not an INSEE commune code: {code!r} (5 characters, e.g. 49176 or 2A004)"
        )
        self.code = code


def normalise(code: str, where: str = "insee") -> str:
    """``code`` checked and written in capitals (``2a004`` → ``2A004``)."""
    if not isinstance(code, str):
        raise InvalidInseeCode(code, where)
    c = code.strip().upper()
    if len(c) != 5 or not _CODE.fullmatch(c):
        raise InvalidInseeCode(code, where)
    if c[len(departement_of_valid(c)) :].strip("0") == "":
        raise InvalidInseeCode(code, where)  # no commune is numbered 000 (00 overseas)
    return c


def departement_of_valid(code: str) -> str:
    """The département of an already normalised code."""
    return code[:3] if code[:2] in ("97", "98") else code[:2]


def departement_of(code: str, where: str = "insee") -> str:
    """The département (or overseas collectivité) of a commune from its INSEE code."""
    return departement_of_valid(normalise(code, where))


def is_valid(code: object) -> bool:
    """Whether ``code`` is the INSEE code of a commune (no exception)."""
    try:
        normalise(code, "insee")  # type: ignore[arg-type]
    except InputError:
        return False
    return True


def in_alsace_moselle(code: str) -> bool:
    """Whether the commune follows the local law of Alsace-Moselle (57, 67, 68)."""
    return departement_of(code) in ALSACE_MOSELLE


__all__ = [
    "ALSACE_MOSELLE",
    "OVERSEAS",
    "InvalidInseeCode",
    "departement_of",
    "in_alsace_moselle",
    "is_valid",
    "normalise",
]
