"""The facts a reader must find at the opening of a séance, as the shared
``expected.json`` names them (``../shared/data/README.md``, section 3)."""

from __future__ import annotations

from typing import Any

from groupement_rules.readers.text import ExtractResult

EXPECTED_KEYS = ("date", "convocation", "en_exercice", "presents", "proxies", "votants")


def summary(r: ExtractResult) -> dict[str, Any]:
    """The six expected keys of one reading."""
    return {
        "date": r.facts["date"],
        "convocation": r.facts["convocation"]["sent_on"],
        "en_exercice": r.opening["en_exercice"],
        "presents": r.opening["presents"],
        "proxies": r.opening["proxies"],
        "votants": r.opening["votants"],
    }
