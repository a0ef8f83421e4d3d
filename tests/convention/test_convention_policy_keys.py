"""Every key a convention policy may hold is read by a rule, or declared as shown only
(issue 13.6): a key validated but never read is a promise the library does not keep."""

from __future__ import annotations

import ast
from pathlib import Path

from groupement_rules.convention import policy as cpolicy

SRC = Path(cpolicy.__file__).resolve().parent
#: Facts a convention states that no rule decides on: shown by the timeline and the docs.
SHOWN_ONLY = frozenset(
    {
        "coordinator_address",
        "legal_basis",
        "invoicing",
        "litigation_court",
        "representation_modes",
        "withdrawal_form",
        "withdrawal_wording",
    }
)
READERS = {"value", "v", "get", "citation", "stated", "entry", "_month_day"}


def keys_read() -> set[str]:
    """String keys passed to a policy lookup anywhere in convention/ (outside SCHEMA)."""
    found: set[str] = set()
    for path in SRC.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", None))
                if name in READERS:
                    found |= {
                        a.value
                        for a in node.args
                        if isinstance(a, ast.Constant) and isinstance(a.value, str)
                    }
            if (  # "key" in policy.params
                isinstance(node, ast.Compare)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and isinstance(node.ops[0], ast.In)
            ):
                found.add(node.left.value)
            if isinstance(node, ast.Dict):  # the family → key tables
                found |= {
                    v.value
                    for v in node.values
                    if isinstance(v, ast.Constant) and isinstance(v.value, str)
                }
    return found


def test_every_schema_key_is_read_or_shown_only() -> None:
    unread = set(cpolicy.SCHEMA) - keys_read() - SHOWN_ONLY
    assert unread == set()


def test_shown_only_keys_are_schema_keys_no_rule_reads() -> None:
    assert set(cpolicy.SCHEMA) >= SHOWN_ONLY
    assert SHOWN_ONLY.isdisjoint(keys_read())
