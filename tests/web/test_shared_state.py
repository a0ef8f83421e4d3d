"""Results handed out are never shared mutable state (issue 10, item 4).

A server answers many callers with decisions that memos share: one caller's edit must
not change the answer another caller gets; many threads must get identical answers;
a server answering the same questions for a long time must not grow.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groupement_rules import default_convention, withdrawal, withdrawal_windows
from groupement_rules.decision import Decision, freeze, thaw
from groupement_rules.web.questions import answer, load_policies, result_dict

DAYS = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2031, 12, 31))


def _vandalise(doc: Any) -> None:
    """Change everything writable inside a JSON document, in place."""
    if isinstance(doc, dict):
        for k in list(doc):
            if isinstance(doc[k], dict | list):
                _vandalise(doc[k])
            else:
                doc[k] = "vandalised"
        doc["added"] = 1
    elif isinstance(doc, list):
        for x in doc:
            _vandalise(x)
        doc.append("added")


def test_a_decision_cannot_be_edited() -> None:
    d = withdrawal(default_convention(), sent_on=dt.date(2027, 1, 1))
    with pytest.raises(TypeError):
        d.data["window"]["first_day"] = "2020-01-01"
    with pytest.raises(TypeError):
        d.data["windows"].append({})
    with pytest.raises(TypeError):
        d.data["windows"][0]["effective_on"] = None
    with pytest.raises(TypeError):
        d.inputs["sent_on"] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        d.findings[0].values["request_date"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        d.data["windows"].sort()
    # they still read as plain dicts and lists
    assert isinstance(d.data["window"], dict) and isinstance(d.data["windows"], list)
    assert d.data["window"] == dict(d.data["window"])
    assert json.loads(json.dumps(d.data["windows"])) == d.data["windows"]


def test_copies_of_a_decision_part_are_the_callers() -> None:
    d = withdrawal(default_convention(), sent_on=dt.date(2028, 6, 1))
    for mine in (
        copy.copy(d.data["window"]),
        copy.deepcopy(d.data),
        pickle.loads(pickle.dumps(d.data["windows"])),
    ):
        _vandalise(mine)
    assert (
        withdrawal(default_convention(), sent_on=dt.date(2028, 6, 1)).data["effective_on"]
        == "2028-07-19"
    )
    assert d.data["window"]["first_day"] == "2028-05-19"


@given(DAYS, st.booleans())
def test_editing_to_dict_never_changes_another_answer(day: dt.date, received: bool) -> None:
    policy = default_convention()
    kw = {"received_on": day, "reading": "received"} if received else {"sent_on": day}
    before = json.dumps(withdrawal(policy, **kw).to_dict())  # type: ignore[arg-type]
    windows_before = json.dumps(withdrawal_windows(policy).to_dict("en"))
    for lang in ("fr", "en"):
        _vandalise(withdrawal(policy, **kw).to_dict(lang))  # type: ignore[arg-type]
        _vandalise(withdrawal_windows(policy).to_dict(lang))
    assert json.dumps(withdrawal(policy, **kw).to_dict()) == before  # type: ignore[arg-type]
    assert json.dumps(withdrawal_windows(policy).to_dict("en")) == windows_before


def test_editing_every_questions_json_changes_no_later_answer() -> None:
    pol = load_policies()
    before = {
        name: json.dumps(result_dict(answer(pol, name, args, body), "fr"))
        for name, args, body in QUESTIONS_ASKED
    }
    for name, args, body in QUESTIONS_ASKED:
        _vandalise(result_dict(answer(pol, name, args, body), "fr"))
    after = {
        name: json.dumps(result_dict(answer(pol, name, args, body), "fr"))
        for name, args, body in QUESTIONS_ASKED
    }
    assert after == before


def test_freeze_and_thaw_round_trip() -> None:
    doc = {"a": [1, {"b": (2, 3)}], "c": {"d": None}}
    frozen = freeze(doc)
    assert frozen == {"a": [1, {"b": [2, 3]}], "c": {"d": None}}
    assert freeze(frozen) is frozen  # already read-only: shared, not copied
    mine = thaw(frozen)
    _vandalise(mine)
    assert frozen == {"a": [1, {"b": [2, 3]}], "c": {"d": None}}
    assert type(mine) is dict and type(mine["a"]) is list


def test_round_trip_of_a_frozen_decision() -> None:
    d = withdrawal(
        default_convention(), sent_on=dt.date(2028, 7, 30), received_on=dt.date(2028, 8, 2)
    )
    assert Decision.from_dict(d.to_dict()).to_dict() == d.to_dict()


# -- many threads -----------------------------------------------------------------------

_DATA = resources.files("groupement_rules") / "data"
_SEANCE = json.loads((_DATA / "seed-seance.json").read_text(encoding="utf-8"))
_ADHERENT = json.loads((_DATA / "seed-adherent.json").read_text(encoding="utf-8"))
_ACT = json.loads((_DATA / "seed-act.json").read_text(encoding="utf-8"))

QUESTIONS_ASKED: list[tuple[str, dict[str, Any], Any]] = [
    ("withdraw", {"date": "2028-06-01"}, None),
    ("withdraw", {"date": "2028-07-25", "received": "true"}, None),
    ("withdraw", {"date": "2027-02-01"}, None),
    ("windows", {}, None),
    ("status", {"date": "2029-01-01"}, None),
    ("timeline", {}, None),
    ("check-adherent", {"on": "2026-03-01"}, _ADHERENT),
    ("check-seance", {}, _SEANCE),
    ("convocation", {"date": "2026-02-02", "population": "4000"}, None),
    ("recours", {"date": "2026-02-10", "insee": "67482"}, None),
    ("executory", {}, _ACT),
]


def _all_answers(pol: Any, lang: str) -> list[str]:
    return [json.dumps(result_dict(answer(pol, n, a, b), lang)) for n, a, b in QUESTIONS_ASKED]


def test_many_threads_get_identical_answers() -> None:
    pol = load_policies()
    expected = {lang: _all_answers(pol, lang) for lang in ("fr", "en")}
    barrier = threading.Barrier(8)

    def work(i: int) -> list[list[str]]:
        barrier.wait()
        lang = "en" if i % 2 else "fr"
        out = []
        for _ in range(15):
            got = _all_answers(pol, lang)
            _vandalise(json.loads(got[0]))
            out.append(got)
        return out

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    for i, runs in enumerate(results):
        lang = "en" if i % 2 else "fr"
        assert all(run == expected[lang] for run in runs)


def test_many_threads_on_fresh_caches_get_identical_answers() -> None:
    """Threads racing to fill the per-policy contexts and memos still agree."""
    from groupement_rules.convention import schedule, withdrawal

    pol = load_policies()
    expected = _all_answers(pol, "fr")
    for _ in range(3):
        withdrawal._context.cache_clear()
        schedule.schedule.cache_clear()
        barrier = threading.Barrier(8)

        def work(_: int, barrier: threading.Barrier = barrier) -> list[str]:
            barrier.wait()
            return _all_answers(pol, "fr")

        with ThreadPoolExecutor(8) as pool:
            assert all(r == expected for r in pool.map(work, range(8)))


# -- a long-running server stays flat ------------------------------------------------------


def test_the_same_questions_again_and_again_do_not_grow_the_server() -> None:
    from starlette.testclient import TestClient

    from groupement_rules.web import create_app

    client = TestClient(create_app())
    days = [(dt.date(2028, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(0, 400, 10)]

    def serve_a_day() -> None:
        for day in days:
            assert client.get(f"/withdraw?date={day}").status_code == 200
        assert client.post("/check-seance", json=_SEANCE).status_code == 200
        assert client.get("/recours?date=2026-02-10&insee=97411").status_code == 200

    serve_a_day()  # warm: memos filled once
    import gc
    import tracemalloc

    tracemalloc.start()
    try:
        serve_a_day()
        gc.collect()  # garbage not yet collected is not growth (its timing varies by version)
        first, _ = tracemalloc.get_traced_memory()
        for _ in range(3):
            serve_a_day()
        gc.collect()
        later, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert later - first < 128 * 1024, f"grew by {later - first} bytes over 3 more rounds"


def test_many_loaded_policies_do_not_grow_without_bound() -> None:
    from groupement_rules.convention.policy import load_convention
    from groupement_rules.policy import embedded_policy_text

    text = embedded_policy_text("eprimo-2026.toml")

    def ask(n: int) -> None:
        for _ in range(n):
            p = load_convention(text=text)
            withdrawal(p, sent_on=dt.date(2028, 6, 1)).to_dict()

    import gc

    ask(20)
    gc.collect()
    start = len(gc.get_objects())
    ask(40)
    gc.collect()
    after_40 = len(gc.get_objects())
    ask(160)
    gc.collect()
    after_200 = len(gc.get_objects())
    # bounded caches: 160 more policies keep at most a few times what 40 kept
    assert after_200 - start < 2 * (after_40 - start) + 10_000, (start, after_40, after_200)
