"""Compare a decision with its reviewed snapshot (not a test module).

``UPDATE_GOLDEN=1`` rewrites the snapshot; review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from groupement_rules.decision import Decision
from groupement_rules.render import render_text


def assert_matches_snapshot(d: Decision, path: Path) -> None:
    """Everything a user reads of ``d`` (JSON and text, French and English) equals ``path``."""
    got = {
        "fr": d.to_dict("fr"),
        "en": d.to_dict("en"),
        "text_fr": render_text(d, "fr").splitlines(),
        "text_en": render_text(d, "en").splitlines(),
    }
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(got)) == want
