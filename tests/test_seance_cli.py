"""The seed séance (SPEC B.3) through check_seance, the CLI and report; the reader and the
schema of the input format; the convocation helper and command."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from groupement_rules.cli import main
from groupement_rules.commands.seance import seed_seance
from groupement_rules.errors import InputError
from groupement_rules.readers.seance import load_seance, seance_from_dict
from groupement_rules.seance.convocation import latest_sending_day
from groupement_rules.seance.policy import default_cgct
from groupement_rules.seance.rules import check_seance

SEED_FINDINGS = [
    ("population-inferred", "info", None),
    ("votes-unaccounted", "warning", "2026-02-03"),
    ("checks-not-run", "info", "2026-02-03"),
]


def seed_dict() -> dict[str, object]:
    ref = resources.files("groupement_rules") / "data" / "seed-seance.json"
    data: dict[str, object] = json.loads(ref.read_text(encoding="utf-8"))
    return data


def test_seed_exact_findings() -> None:
    d = check_seance(seed_seance())
    assert [(f.code, f.severity.value, f.deliberation) for f in d.findings] == SEED_FINDINGS
    unaccounted = d.findings[1]
    assert unaccounted.values["votants"] == 25 and unaccounted.values["exprimes"] == 24
    c = d.data["deliberations"][0]["computed"]
    assert c == {
        **c,
        "presents": 23,
        "presents_for_quorum": 22,
        "represented": 3,
        "votants": 25,
        "exprimes": None,
        "quorum": 15,
        "quorum_reached": True,
        "adopted": True,
    }
    assert d.data["seance"]["convocation"]["required_jours_francs"] == 5
    assert d.data["seance"]["convocation"]["jours_francs"] == 5
    assert d.answer == "to-review"


def test_seed_reads_the_seed_text(shared: Path) -> None:
    text = (shared / "seeds" / "000_181dd860fa64ed08.txt").read_text(encoding="utf-8")
    s = seed_seance()
    assert "convoqué le vingt-sept janvier deux mille vingt-six" in text
    assert s.convocation.sent_on == dt.date(2026, 1, 27)
    for m in s.members:
        surname = m.split()[1]
        assert surname in text
    assert "Nombre de suffrages exprimés.....\t24" in text


def test_seed_through_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    ref = resources.files("groupement_rules") / "data" / "seed-seance.json"
    with resources.as_file(ref) as path:
        rc = main(["check-seance", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0
    got = [(f["code"], f["severity"], f["deliberation"]) for f in out["findings"]]
    assert got == SEED_FINDINGS
    for f in out["findings"]:
        assert set(f) >= {"code", "severity", "deliberation", "message", "citation"}
    comp = out["deliberations"][0]["computed"]
    assert set(comp) >= {
        "presents",
        "represented",
        "votants",
        "exprimes",
        "quorum",
        "quorum_reached",
        "adopted",
    }


def test_seed_through_cli_text_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    ref = resources.files("groupement_rules") / "data" / "seed-seance.json"
    with resources.as_file(ref) as path:
        assert main(["check-seance", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Municipal council séance" in out
    assert "votes-unaccounted" in out and "25 members could vote" in out


def test_report_checks_the_seed_seance(capsys: pytest.CaptureFixture[str]) -> None:
    main(["report", "--on", "2026-03-01", "--json"])
    out = json.loads(capsys.readouterr().out)
    seances = [d for d in out["decisions"] if d["question"] == "seance"]
    assert len(seances) == 1
    assert [(f["code"], f["severity"], f["deliberation"]) for f in seances[0]["findings"]] == (
        [tuple(x) for x in SEED_FINDINGS]
    )


def test_check_seance_exit_1_on_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = seed_dict()
    data["absent"] = [*data["absent"], "M. RAYNAL Michel"]  # type: ignore[list-item]
    data["proxies"] = [
        *data["proxies"],
        {"from": "M. RAYNAL Michel", "to": "Mme HAMARD Marie-Claude"},
    ]  # type: ignore[list-item]
    p = tmp_path / "s.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check-seance", str(p), "--json"]) == 1
    codes = [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert "proxy-holder-overloaded" in codes


def test_toml_input_same_keys(tmp_path: Path) -> None:
    p = tmp_path / "s.toml"
    p.write_text(
        """
date = 2026-02-02
members = ["A B", "C D", "E F"]
absent = ["E F"]
proxies = [{ from = "E F", to = "A B" }]
[convocation]
sent_on = 2026-01-20
[[deliberations]]
number = "1"
vote = { pour = 3, contre = 0, abstentions = 0 }
outcome = "adopted"
declared = { en_exercice = 3, presents = 2, represented = 1, votants = 3, exprimes = 3 }
""",
        encoding="utf-8",
    )
    s = load_seance(p)
    d = check_seance(s)
    assert not d.has_errors(), d.codes()
    assert d.data["deliberations"][0]["computed"]["votants"] == 3


def d0(d: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = d["deliberations"][0]
    return first


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d.update(extra=1), "extra"),
        (lambda d: d["commune"].update(populaton=5), "commune.populaton"),
        (
            lambda d: d["deliberations"][0]["declared"].update(presents="23"),
            "deliberations[0].declared.presents",
        ),
        (
            lambda d: d["deliberations"][0]["vote"].update(president="oui"),
            "deliberations[0].vote.president",
        ),
        (lambda d: d["deliberations"][0].update(outcome="adoptée"), "deliberations[0].outcome"),
        (lambda d: d.update(date="2026-02-30"), "date"),
        (lambda d: d["proxies"][0].pop("to"), "proxies[0].to"),
        (lambda d: d["convocation"].update(sent_on="2026-02-05"), "convocation.sent_on"),
        (
            lambda d: d["deliberations"][0]["stood_aside"][0].update(article="L9"),
            "stood_aside[0].article",
        ),
    ],
)
def test_reader_names_the_bad_key(mutate: object, where: str) -> None:
    data = seed_dict()
    mutate(data)  # type: ignore[operator]
    with pytest.raises(InputError) as e:
        seance_from_dict(data, "seance.json")
    assert where in str(e.value)


def test_bad_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "s.json"
    p.write_text('{"date": "2026-02-02", "memberz": []}', encoding="utf-8")
    assert main(["check-seance", str(p)]) == 2
    assert "memberz" in capsys.readouterr().err


def test_seed_valid_against_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    ref = resources.files("groupement_rules") / "schemas" / "seance.schema.json"
    schema = json.loads(ref.read_text(encoding="utf-8"))
    jsonschema.validate(seed_dict(), schema)
    bad = seed_dict()
    bad["memberz"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_schema_lists_the_reader_keys() -> None:
    from groupement_rules.readers import seance as reader

    ref = resources.files("groupement_rules") / "schemas" / "seance.schema.json"
    schema = json.loads(ref.read_text(encoding="utf-8"))
    props = schema["properties"]
    assert set(props) == set(reader.KEYS)
    item = props["deliberations"]["items"]["properties"]
    assert set(item) == set(reader.DELIBERATION_KEYS)
    assert set(item["vote"]["properties"]) == set(reader.VOTE_KEYS)
    assert set(item["declared"]["properties"]) == set(reader.DECLARED_KEYS)
    assert set(props["convocation"]["properties"]) == set(reader.CONVOCATION_KEYS)
    assert set(props["proxies"]["items"]["properties"]) == set(reader.PROXY_KEYS)


# -- convocation helper ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("population", "urgent", "renewal", "latest", "jours"),
    [
        (3499, False, False, "2026-01-29", 3),
        (3500, False, False, "2026-01-27", 5),
        (None, False, False, "2026-01-27", 5),  # unknown: the cautious, longer délai
        (50000, True, False, "2026-01-31", 1),
        (50000, False, True, "2026-01-29", 3),
    ],
)
def test_latest_sending_day(
    population: int | None, urgent: bool, renewal: bool, latest: str, jours: int
) -> None:
    d = latest_sending_day(
        default_cgct(), dt.date(2026, 2, 2), population, urgent=urgent, first_after_renewal=renewal
    )
    assert d.data["latest_sending_day"] == latest
    assert d.data["jours_francs"] == jours
    assert d.citations


def test_weekends_count_and_never_extend() -> None:
    # séance on Monday 2026-02-02, 3 jours francs: Thursday, Friday, Saturday and Sunday are
    # between; the latest sending day is Thursday 2026-01-29 even though the days are a weekend
    d = latest_sending_day(default_cgct(), dt.date(2026, 2, 2), 100)
    assert d.data["latest_sending_day"] == "2026-01-29"
    # 1 May (a holiday) counts too
    d = latest_sending_day(default_cgct(), dt.date(2026, 5, 3), 100)
    assert d.data["latest_sending_day"] == "2026-04-29"


def test_convocation_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convocation", "2026-02-02", "--population", "5000", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["latest_sending_day"] == "2026-01-27"
    assert main(["convocation", "2026-02-02", "--population", "800", "--urgent"]) == 0
    assert "31 janvier 2026" in capsys.readouterr().out
    with pytest.raises(SystemExit) as e:
        main(["convocation", "2026-02-02", "--population", "x"])
    assert e.value.code == 2


def test_decision_json_round_trip() -> None:
    from groupement_rules.decision import Decision

    d = check_seance(seed_seance())
    back = Decision.from_dict(json.loads(json.dumps(d.to_dict("en"))))
    assert back.codes() == d.codes()
    assert back.data["deliberations"] == d.data["deliberations"]


def test_render_without_the_cli() -> None:
    from groupement_rules.render import render_text

    text = render_text(check_seance(seed_seance()), "fr")
    assert "votants 25" in text and "à vérifier" in text
