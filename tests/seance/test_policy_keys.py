"""Every key of the CGCT policy is read by a rule, unless declared as shown only."""

from __future__ import annotations

import re
from pathlib import Path

import groupement_rules.seance as pkg
from groupement_rules.seance.policy import CgctView


def test_every_policy_key_is_read_by_some_rule() -> None:
    here = Path(pkg.__file__).parent
    src = "\n".join(p.read_text() for p in here.glob("*.py") if p.name != "policy.py")
    read = set(re.findall(r"\b(?:p|params|ctx\.params)\.([a-z_0-9]+)\b", src))
    read |= set(re.findall(r"cite\(\"([a-z_0-9]+)\"\)", src))
    # the view's own helpers read these keys
    read |= {"council_size", "quorum"}
    unread = set(CgctView.schema()) - read - CgctView.shown_only()
    assert not unread, f"policy keys no rule reads: {sorted(unread)}"
