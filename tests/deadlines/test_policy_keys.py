"""Every key of the deadlines policy is read by a rule, unless declared as shown only."""

from __future__ import annotations

import re
from pathlib import Path

import groupement_rules.deadlines as pkg
from groupement_rules.deadlines import DeadlinesView


def test_every_policy_key_is_read_by_some_rule() -> None:
    src = "\n".join(p.read_text() for p in Path(pkg.__file__).parent.glob("*.py"))
    read = set(re.findall(r"\bv\.([a-z_0-9]+)\b", src))
    unread = set(DeadlinesView.schema()) - read - DeadlinesView.shown_only()
    assert not unread, f"policy keys no rule reads: {sorted(unread)}"
