"""Fuzzing of the structured readers (issue 6): any input ends in facts or in a
typed error with one clear line, never an uncaught exception.

Modest, deterministic example counts here; ``python benchmarks/fuzz.py`` runs
the same properties with many more examples and reports how many were tried.
"""

from __future__ import annotations

import json
import string
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groupement_rules.cli import main
from groupement_rules.convention.policy import load_convention
from groupement_rules.errors import InputError
from groupement_rules.readers.act import act_from_dict
from groupement_rules.readers.adherent import adherent_from_dict
from groupement_rules.readers.seance import seance_from_dict
from groupement_rules.readers.structured import parse_document
from policy_factory import EPRIMO_TEXT

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.dates().map(lambda d: d.isoformat()),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(string.ascii_lowercase + "_", max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)

ADHERENT_KEYS = [
    "name", "kind", "insee", "departement", "representation", "need", "authorisation",
    "signed_on", "sent_on", "annexes", "orders", "withdrawal_letters", "exclusion",
]  # fmt: skip
SEANCE_KEYS = [
    "commune", "date", "convocation", "president", "secretaries", "members", "absent",
    "proxies", "deliberations",
]  # fmt: skip
ACT_KEYS = [
    "number", "title", "commune", "insee", "population", "adopted_on", "kind",
    "publication_mode", "published_on", "notified_on", "transmitted_on",
    "listed_in_l2131_2", "good_friday",
]  # fmt: skip


def one_line_error(e: InputError) -> None:
    assert str(e) and "\n" not in str(e)
    assert "Traceback" not in str(e)


def documents(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with the real keys (so the fuzzer gets past the first check) and random values."""
    return st.dictionaries(st.sampled_from(keys), json_values, max_size=len(keys))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(documents(ADHERENT_KEYS) | json_values)
def test_adherent_reader_never_crashes(doc: Any) -> None:
    try:
        adherent_from_dict(doc, "fuzz.json")
    except InputError as e:
        one_line_error(e)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(documents(SEANCE_KEYS) | json_values)
def test_seance_reader_never_crashes(doc: Any) -> None:
    try:
        seance_from_dict(doc, "fuzz.json")
    except InputError as e:
        one_line_error(e)


@given(st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")) | st.text(max_size=300))
def test_document_parser_never_crashes(text: str) -> None:
    for name in ("fuzz.json", "fuzz.toml", "fuzz"):
        try:
            parse_document(text, name)
        except InputError as e:
            one_line_error(e)


@given(json_values)
def test_valid_json_of_any_shape_never_crashes_the_parser(value: Any) -> None:
    try:
        doc = parse_document(json.dumps(value), "fuzz.json")
    except InputError as e:
        one_line_error(e)
    else:
        assert isinstance(doc, dict)


lines = EPRIMO_TEXT.splitlines()


@given(
    st.lists(
        st.tuples(st.integers(0, len(lines) - 1), st.text(max_size=30)), min_size=1, max_size=3
    )
)
def test_policy_loader_on_mutated_files_never_crashes(edits: list[tuple[int, str]]) -> None:
    mutated = list(lines)
    for i, text in edits:
        mutated[i] = text
    try:
        load_convention("fuzz.toml", text="\n".join(mutated))
    except InputError as e:
        one_line_error(e)
        assert str(e).startswith("fuzz.toml")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(documents(ACT_KEYS) | json_values)
def test_act_reader_never_crashes(doc: Any) -> None:
    try:
        act_from_dict(doc, "fuzz.json")
    except InputError as e:
        one_line_error(e)


# ----------------------------------------------------------------------------- CLI entry points

#: (command, extension of the file it is given): every file reader the CLI exposes.
CLI_READERS = [
    ("check-seance", ".json"),
    ("check-seance", ".toml"),
    ("check-seance", ".txt"),
    ("check-adherent", ".json"),
    ("check-adherent", ".toml"),
    ("read", ".txt"),
    ("scdl", ".csv"),
    ("executory", ".json"),
    ("scdl-write", ".json"),
    ("scdl-write", ".txt"),
]


def _near_valid(fmt: str) -> st.SearchStrategy[bytes]:
    """Contents close to what a reader expects, so that fuzzing gets past the parser."""
    if fmt == ".json":
        keys = SEANCE_KEYS + ADHERENT_KEYS + ACT_KEYS
        return documents(keys).map(lambda d: json.dumps(d).encode())
    if fmt == ".csv":
        head = "COLL_NOM,COLL_SIRET,DELIB_ID,DELIB_DATE,VOTE_EFFECTIF,VOTE_POUR\n"
        return st.text(',;\n"0123456789-aé ', max_size=200).map(lambda t: (head + t).encode())
    return st.text(max_size=300).map(lambda t: t.encode())


@settings(  # example count from the profile: 100 in CI, more with benchmarks/fuzz.py
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    reader=st.sampled_from(CLI_READERS),
    data=st.data(),
)
def test_cli_on_random_file_contents(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    reader: tuple[str, str],
    data: st.DataObject,
) -> None:
    """Any bytes given to a command's file: exit 0, 1 or 2, at most one line on stderr
    (never a traceback, never the internal-error status 3); ``scdl-write`` may add
    notes when it answers."""
    command, ext = reader
    content = data.draw(st.binary(max_size=400) | _near_valid(ext), label="content")
    f = tmp_path_factory.mktemp("cli-fuzz") / f"input{ext}"
    f.write_bytes(content)
    argv = [command, str(f)] + (["--on", "2027-01-01"] if command == "check-adherent" else [])
    capsys.readouterr()  # capsys is shared by the examples: start each one empty
    code = main(argv)
    _out, err = capsys.readouterr()
    assert code in (0, 1, 2), err
    if command == "scdl-write" and code == 0:  # its notes on what it left empty, one a line
        assert all(line.startswith("groupement-rules: note: ") for line in err.splitlines())
    else:
        assert len(err.splitlines()) <= 1, err
    assert "Traceback" not in err and "internal error" not in err
