"""The text of a decision does not depend on which modules were imported before.

Renderers are wired in one explicit table (``groupement_rules.render``); nothing
registers itself at import. Each decision kind is rendered in a fresh interpreter
that imports only what the question needs, and in one that has loaded every module
of the package first: the outputs must be identical, in French and in English.
"""

from __future__ import annotations

import subprocess
import sys

_DECISIONS = r"""
import datetime as dt, json
from importlib import resources

from groupement_rules.convention.policy import default_convention
from groupement_rules.convention.rules import (
    check_adherent, status_on, timeline, withdrawal, withdrawal_windows,
)
from groupement_rules.readers.adherent import adherent_from_dict
from groupement_rules.readers.seance import seance_from_dict
from groupement_rules.readers.act import act_from_dict
from groupement_rules.seance.policy import load_cgct
from groupement_rules.seance.rules import check_seance
from groupement_rules.seance.convocation import latest_sending_day
from groupement_rules.deadlines import default_deadlines, executory, recours
from groupement_rules.holidays_fr import calendar_for_insee

data = resources.files("groupement_rules") / "data"
conv = default_convention()
cgct = load_cgct(None)
adherent = adherent_from_dict(json.loads((data / "seed-adherent.json").read_text("utf-8")), "a")
seance = seance_from_dict(json.loads((data / "seed-seance.json").read_text("utf-8")), "s")
act, good_friday = act_from_dict(json.loads((data / "seed-act.json").read_text("utf-8")), "x")
cal = calendar_for_insee(None)
decisions = [
    withdrawal(conv, sent_on=dt.date(2028, 6, 1)),
    withdrawal(conv, sent_on=dt.date(2027, 6, 1)),
    withdrawal_windows(conv),
    status_on(conv, dt.date(2029, 1, 1)),
    timeline(conv),
    check_adherent(conv, adherent, dt.date(2026, 12, 1)),
    check_seance(seance, cgct),
    latest_sending_day(cgct, dt.date(2026, 2, 2), 5000),
    recours(default_deadlines(), dt.date(2024, 11, 12), cal),
    executory(default_deadlines(), act, cal),
]
"""

_RENDER = r"""
from groupement_rules.render import render_text
for d in decisions:
    for lang in ("fr", "en"):
        print(render_text(d, lang))
        print("----")
"""

_IMPORT_EVERYTHING = r"""
import importlib, pkgutil
import groupement_rules
for m in pkgutil.walk_packages(groupement_rules.__path__, "groupement_rules."):
    if ".web" in m.name:
        continue  # optional extra
    try:
        importlib.import_module(m.name)
    except ImportError:
        pass  # an optional extra that is not installed
"""


def _run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_rendering_does_not_depend_on_import_history() -> None:
    fresh = _run(_DECISIONS + _RENDER)
    loaded = _run(_IMPORT_EVERYTHING + _DECISIONS + _RENDER)
    assert fresh == loaded
    # every kind rendered with its own label, not a bare question key
    for label in (
        "Demande de retrait",
        "Séance du conseil municipal",
        "Délai de recours contentieux",
        "Caractère exécutoire",
        "Recours deadline",
        "Executory force",
    ):
        assert label in fresh
