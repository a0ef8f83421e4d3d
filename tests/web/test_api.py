"""The HTTP API answers every CLI question with the CLI's JSON, valid against its schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from groupement_rules import cli
from groupement_rules.web.questions import OTHER_ENDPOINTS, QUESTIONS

DATA = resources.files("groupement_rules") / "data"
SEED_ADHERENT = (DATA / "seed-adherent.json").read_text(encoding="utf-8")
SEED_ACT = (DATA / "seed-act.json").read_text(encoding="utf-8")
SEED_SEANCE = (DATA / "seed-seance.json").read_text(encoding="utf-8")


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    capsys.readouterr()
    code = cli.main([*argv, "--json"])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    return json.loads(out)


# (CLI argv, HTTP method, path, body, content type, schema)
CASES: list[tuple[list[str], str, str, str | None, str, str]] = [
    (["withdraw", "2028-06-01"], "GET", "/withdraw?date=2028-06-01", None, "", "decision-1"),
    (
        ["withdraw", "2028-07-25", "--received"],
        "GET",
        "/withdraw?date=2028-07-25&received=true",
        None,
        "",
        "decision-1",
    ),
    (["withdraw", "2027-01-01"], "GET", "/withdraw?date=2027-01-01", None, "", "decision-1"),
    (["windows"], "GET", "/windows", None, "", "decision-1"),
    (["status", "2029-03-01"], "GET", "/status?date=2029-03-01", None, "", "decision-1"),
    (["timeline"], "GET", "/timeline", None, "", "decision-1"),
    (
        ["convocation", "2026-02-02", "--population", "5000", "--urgent"],
        "GET",
        "/convocation?date=2026-02-02&population=5000&urgent=true",
        None,
        "",
        "decision-1",
    ),
    (
        ["recours", "2026-02-10", "--insee", "57463", "--gracieux", "2026-03-01"],
        "GET",
        "/recours?date=2026-02-10&insee=57463&gracieux=2026-03-01",
        None,
        "",
        "decision-1",
    ),
    (["report", "--on", "2026-03-01"], "GET", "/report?on=2026-03-01", None, "", "report-1"),
]


@pytest.mark.parametrize(("argv", "method", "url", "body", "ctype", "schema"), CASES)
def test_same_json_as_the_cli(
    client: Any,
    validate: Any,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    method: str,
    url: str,
    body: str | None,
    ctype: str,
    schema: str,
) -> None:
    r = client.request(method, url)
    assert r.status_code == 200, r.text
    doc = r.json()
    validate(doc, schema)
    assert doc == cli_json(capsys, *argv)


@pytest.mark.parametrize(
    ("command", "path", "text", "ctype", "suffix", "query"),
    [
        ("check-adherent", "/check-adherent", SEED_ADHERENT, "application/json", ".json", "on"),
        ("executory", "/executory", SEED_ACT, "application/json", ".json", None),
        ("check-seance", "/check-seance", SEED_SEANCE, "application/json", ".json", None),
    ],
)
def test_document_questions_same_json_as_the_cli(
    client: Any,
    validate: Any,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: str,
    path: str,
    text: str,
    ctype: str,
    suffix: str,
    query: str | None,
) -> None:
    f = tmp_path / f"doc{suffix}"
    f.write_text(text, encoding="utf-8")
    extra = ["--on", "2026-03-01"] if query else []
    url = path + ("?on=2026-03-01" if query else "")
    r = client.post(url, content=text.encode("utf-8"), headers={"content-type": ctype})
    assert r.status_code == 200, r.text
    validate(r.json(), "decision-1")
    assert r.json() == cli_json(capsys, command, str(f), *extra)


def test_the_seed_text_read_and_checked_as_the_cli(
    client: Any, validate: Any, capsys: pytest.CaptureFixture[str], shared: Path
) -> None:
    seed = shared / "seeds" / "000_181dd860fa64ed08.txt"
    text = seed.read_bytes()
    r = client.post("/read", content=text, headers={"content-type": "text/plain"})
    assert r.status_code == 200
    validate(r.json(), "extract-1")
    assert r.json() == cli_json(capsys, "read", str(seed))
    r = client.post("/check-seance", content=text, headers={"content-type": "text/plain"})
    assert r.status_code == 200
    doc = r.json()
    validate(doc, "decision-1")
    assert doc == cli_json(capsys, "check-seance", str(seed))
    assert "votes-unaccounted" in [f["code"] for f in doc["findings"]]
    # the same text as an uploaded file
    up = client.post("/check-seance", files={"file": ("seed.txt", text, "text/plain")})
    assert up.json() == doc
    # a client that only speaks JSON sends {"text": ...} to /read: the same reading
    as_json = client.post("/read", json={"text": text.decode("utf-8")})
    assert as_json.status_code == 200, as_json.text
    assert (
        as_json.json()
        == client.post("/read", content=text, headers={"content-type": "text/plain"}).json()
    )


def test_timeline_as_icalendar(client: Any) -> None:
    r = client.get("/timeline", headers={"accept": "text/calendar"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/calendar")
    assert r.text.startswith("BEGIN:VCALENDAR")
    assert "DTSTART;VALUE=DATE:20280519" in r.text  # the first window opens (SPEC A.4)


def test_english(client: Any, capsys: pytest.CaptureFixture[str]) -> None:
    r = client.get("/withdraw?date=2027-01-01&lang=en")
    assert r.json() == json.loads(
        (capsys.readouterr(), cli.main(["withdraw", "2027-01-01", "--json", "--lang", "en"]))
        and capsys.readouterr().out
    )
    assert r.json()["findings"][0]["message"] == r.json()["findings"][0]["messages"]["en"]


def test_a_negative_decision_is_200(client: Any) -> None:
    r = client.get("/withdraw?date=2027-01-01")
    assert r.status_code == 200
    assert r.json()["answer"] == "too-early"
    assert "withdrawal-too-early" in [f["code"] for f in r.json()["findings"]]


def test_every_response_carries_versions_and_a_decision_id(client: Any) -> None:
    from groupement_rules import __version__

    a = client.get("/withdraw?date=2028-06-01")
    b = client.get("/withdraw?date=2028-06-01")
    c = client.get("/withdraw?date=2028-06-02")
    bad = client.get("/withdraw?date=nope")
    for r in (a, b, c, bad, client.get("/"), client.get("/ui")):
        assert r.headers["x-groupement-rules-version"] == __version__
        assert "eprimo-2026=" in r.headers["x-policy-versions"]
        assert len(r.headers["x-decision-id"]) == 32
    assert a.headers["x-decision-id"] == b.headers["x-decision-id"]  # same question, same id
    assert a.headers["x-decision-id"] != c.headers["x-decision-id"]


def test_index_lists_the_policies(client: Any, validate: Any) -> None:
    r = client.get("/", headers={"accept": "application/json"})
    doc = r.json()
    validate(doc, "index")
    ids = {p["id"]: p for p in doc["policies"]}
    assert {"eprimo-2026"} <= set(ids)
    assert ids["eprimo-2026"]["default"] is True
    assert all(
        p["last_verified_on"] is None or len(p["last_verified_on"]) == 10 for p in ids.values()
    )
    browser = client.get("/", headers={"accept": "text/html"}, follow_redirects=False)
    assert browser.status_code == 303 and browser.headers["location"] == "/ui"


def test_health(client: Any) -> None:
    assert client.get("/health").json()["status"] == "ok"


# -- errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "where", "argv"),
    [
        ("/withdraw?date=2026-02-30", "date", ["withdraw", "2026-02-30"]),
        ("/withdraw?date=9999-01-01", "date", ["withdraw", "9999-01-01"]),
        ("/convocation?date=2026-02-02&population=-3", "population", None),
        ("/withdraw", "date", None),
        ("/withdraw?date=2028-06-01&colour=red", "colour", None),
        ("/withdraw?date=2028-06-01&policy=nope", "policy", None),
        ("/recours?date=2026-02-10&rejected=2026-03-01", "rejected", None),
        ("/withdraw?date=2028-06-01&lang=de", "lang", None),
    ],
)
def test_bad_input_is_400_with_one_line(
    client: Any,
    validate: Any,
    capsys: pytest.CaptureFixture[str],
    url: str,
    where: str,
    argv: list[str] | None,
) -> None:
    r = client.get(url)
    assert r.status_code == 400
    doc = r.json()
    validate(doc, "error")
    assert doc["error"]["where"] == where
    assert "\n" not in doc["error"]["message"] and doc["error"]["message"]
    if argv is not None:  # the CLI's message for the same mistake
        capsys.readouterr()
        with pytest.raises(SystemExit):
            cli.main(argv)
        assert doc["error"]["message"] in capsys.readouterr().err


@pytest.mark.parametrize(
    ("path", "body", "ctype", "where"),
    [
        ("/check-adherent", b'{"name": "X"', "application/json", "body:1"),
        (
            "/check-adherent",
            b'{"name": "X", "kind": "commune", "colour": 1}',
            "application/json",
            "body: colour",
        ),
        ("/check-seance", b"\xff\xfe\x00a", "text/plain", "body"),
        ("/read", b"bonjour", "text/plain", "body"),
        ("/read", b'{"text": 5}', "application/json", "body: text"),
        ("/read", b'{"texte": "x"}', "application/json", "body: texte"),
        ("/read", b"{}", "application/json", "body: text"),
        ("/read", b'text = "x"', "application/toml", "body"),
        ("/executory", b"[]", "application/json", "body"),
    ],
)
def test_bad_documents_are_400(client: Any, path: str, body: bytes, ctype: str, where: str) -> None:
    r = client.post(path, content=body, headers={"content-type": ctype})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["where"] == where


def test_unknown_endpoint_and_method(client: Any, validate: Any) -> None:
    r = client.get("/nothing-here")
    assert r.status_code == 404
    validate(r.json(), "error")
    r = client.post("/withdraw?date=2028-06-01")
    assert r.status_code == 405
    validate(r.json(), "error")


def test_too_large_is_413() -> None:
    from starlette.testclient import TestClient

    from groupement_rules.web import Limits, create_app

    small = TestClient(create_app(limits=Limits(body_bytes=1000, csv_bytes=1000, batch_items=2)))
    r = small.post("/read", content=b"x" * 1001, headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert r.json()["error"]["where"] == "body"
    r = small.post("/scdl", content=b"a,b\n" * 300, headers={"content-type": "text/csv"})
    assert r.status_code == 413
    items = [{"date": "2028-06-01"}] * 3
    assert small.post("/batch", json={"question": "withdraw", "items": items}).status_code == 413
    assert (
        small.post("/batch", json={"question": "withdraw", "items": items[:2]}).status_code == 200
    )


def test_an_internal_error_is_500_without_traceback(monkeypatch: Any) -> None:
    from starlette.testclient import TestClient

    from groupement_rules.web import create_app, questions

    def boom(*args: Any) -> Any:
        raise RuntimeError("secret detail of /home/user/path")

    q = questions.QUESTIONS["windows"]
    monkeypatch.setitem(questions.QUESTIONS, "windows", questions.attrs.evolve(q, compute=boom))
    r = TestClient(create_app(), raise_server_exceptions=False).get("/windows")
    assert r.status_code == 500
    assert r.json()["error"]["where"] == "server"
    assert "Traceback" not in r.text and "secret detail" not in r.text


# -- the key ----------------------------------------------------------------------


def test_api_key() -> None:
    import base64

    from starlette.testclient import TestClient

    from groupement_rules.web import create_app

    c = TestClient(create_app(api_key="s3cret-key"))
    assert c.get("/health").status_code == 200  # liveness without the key
    r = c.get("/withdraw?date=2028-06-01")
    assert r.status_code == 401
    assert r.json()["error"]["where"] == "api key"
    assert r.headers["www-authenticate"].startswith("Basic")
    assert c.get("/windows", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert c.get("/windows", headers={"authorization": "Bearer s3cret-key"}).status_code == 200
    assert c.get("/windows", headers={"x-api-key": "s3cret-key"}).status_code == 200
    basic = base64.b64encode(b"secretaire:s3cret-key").decode()
    assert c.get("/ui", headers={"authorization": f"Basic {basic}"}).status_code == 200
    assert c.get("/ui", headers={"authorization": "Basic !!notbase64"}).status_code == 401


# -- batch ------------------------------------------------------------------------


def test_batch_of_letters(client: Any, validate: Any) -> None:
    from groupement_rules import default_convention, withdrawal

    days = [f"2028-{m:02d}-{d:02d}" for m in (4, 5, 6, 7, 8) for d in (1, 15, 28)]
    items: list[Any] = [{"date": d} for d in days] + [{"date": "2028-02-30"}, "x"]
    r = client.post(
        "/batch", json={"question": "withdraw", "shared": {"received": False}, "items": items}
    )
    assert r.status_code == 200
    doc = r.json()
    validate(doc, "batch-1")
    policy = default_convention()
    import datetime as dt

    for day, got in zip(days, doc["results"], strict=False):
        assert got == withdrawal(policy, sent_on=dt.date.fromisoformat(day)).to_dict()
    assert doc["results"][-2] == {
        "index": len(days),
        "error": {
            "where": "date",
            "message": "not a valid date: '2028-02-30' (expected YYYY-MM-DD)",
        },
    }
    assert doc["results"][-1]["index"] == len(days) + 1
    assert doc["summary"]["items"] == len(items) and doc["summary"]["errors"] == 2
    assert sum(doc["summary"]["answers"].values()) == len(days)


def test_batch_of_adherents_with_shared_date(client: Any, validate: Any) -> None:
    seed = json.loads(SEED_ADHERENT)
    other = {**seed, "name": "Autre commune", "insee": "75056"}
    r = client.post(
        "/batch",
        json={
            "question": "check-adherent",
            "shared": {"on": "2026-03-01"},
            "items": [{"body": seed}, {"body": other}],
        },
    )
    doc = r.json()
    validate(doc, "batch-1")
    one = client.post(
        "/check-adherent?on=2026-03-01",
        content=SEED_ADHERENT.encode(),
        headers={"content-type": "application/json"},
    ).json()
    assert doc["results"][0] == one
    assert "member-outside-territory" in [f["code"] for f in doc["results"][1]["findings"]]


def test_batch_bad_request(client: Any) -> None:
    assert (
        client.post(
            "/batch", content=b"{", headers={"content-type": "application/json"}
        ).status_code
        == 400
    )
    r = client.post("/batch", json={"question": "fly", "items": []})
    assert r.status_code == 400 and r.json()["error"]["where"] == "question"


# -- SCDL ---------------------------------------------------------------------------


def test_scdl_same_as_cli_and_validata_shape(
    client: Any, validate: Any, capsys: pytest.CaptureFixture[str], shared: Path
) -> None:
    csv_path = shared / "data" / "real-scdl" / "saint-etienne-metropole-2022_deliberations.csv"
    data = csv_path.read_bytes()
    r = client.post("/scdl", files={"file": (str(csv_path), data, "text/csv")})
    assert r.status_code == 200
    doc = r.json()
    validate(doc, "scdl-report-1")
    capsys.readouterr()
    cli.main(["scdl", str(csv_path), "--json"])
    assert doc == json.loads(capsys.readouterr().out)

    v = client.post("/validate", files={"file": ("d.csv", data, "text/csv")})
    assert v.status_code == 200
    rep = v.json()
    validate(rep, "validata-report-1")
    report = rep["report"]
    assert report["valid"] is False
    errors = [x for row in doc["rows"] for x in row["findings"] if x["severity"] == "error"]
    assert report["stats"]["errors"] == len(errors) + sum(
        x["severity"] == "error" for x in doc["header_findings"]
    )
    first = report["errors"][0]
    assert {"rowNumber", "fieldName", "cell", "message", "code", "citation"} <= set(first)
    # rowNumber is the line of the file, as Validata counts (header = line 1)
    by_row = {row["row"]: row["line"] for row in doc["rows"]}
    assert all(e["rowNumber"] == by_row[e["row"]] for e in report["errors"] if e["row"])


def test_scdl_bad_file_is_400(client: Any) -> None:
    r = client.post("/scdl", content=b"", headers={"content-type": "text/csv"})
    assert r.status_code == 400
    assert r.json()["error"]["where"] == "body"
    assert "/tmp" not in r.text


# -- the contract -------------------------------------------------------------------


def test_every_cli_question_has_its_endpoint(app: Any) -> None:
    from groupement_rules.web.app import openapi_doc

    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    commands = set(sub.choices)  # type: ignore[arg-type]
    doc = openapi_doc()
    routes = {getattr(r, "path", None) for r in app.routes}
    for command in commands:
        if command in QUESTIONS:
            assert f"/{command}" in doc["paths"] and f"/{command}" in routes, command
            ops = doc["paths"][f"/{command}"]
            (op,) = ops.values()
            documented = {p["name"] for p in op.get("parameters", [])}
            assert {p.name for p in QUESTIONS[command].params} | {"lang"} == documented
        else:
            assert command in OTHER_ENDPOINTS, f"CLI command {command!r} has no endpoint"
    assert {"/scdl", "/validate", "/batch", "/health", "/", "/openapi.json"} <= set(doc["paths"])
    for path in doc["paths"]:
        assert path in routes, path


def test_openapi_references_existing_schemas(client: Any) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    for name, ref in doc["components"]["schemas"].items():
        r = client.get(ref["$ref"])
        assert r.status_code == 200, name
        assert r.json()["$schema"].endswith("2020-12/schema")
    text = json.dumps(doc)
    for ref in set(__import__("re").findall(r'"#/components/schemas/([^"]+)"', text)):
        assert ref in doc["components"]["schemas"]


def test_docs_page_lists_endpoints_offline(client: Any) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    for q in QUESTIONS:
        assert f"<code>/{q}</code>" in r.text
    assert "http://" not in r.text.replace("http://127.0.0.1", "") and "https://" not in r.text


def test_kept_answers_are_the_answers(client: Any) -> None:
    """A kept (cached) answer is byte for byte the computed one, and errors are not kept."""
    from groupement_rules.web import create_app

    fresh = type(client)(create_app())
    for url in ("/withdraw?date=2028-06-03", "/recours?date=2026-05-01&insee=97411"):
        first = fresh.get(url)
        again = fresh.get(url)
        assert first.content == again.content
        assert first.headers["x-decision-id"] == again.headers["x-decision-id"]
    assert fresh.get("/withdraw?date=2028-02-30").status_code == 400
    assert fresh.get("/withdraw?date=2028-02-30").status_code == 400
