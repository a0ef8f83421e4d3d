"""Fixtures of the HTTP API tests: one application, a client, and the JSON Schemas."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the [web] extra is not installed")
pytest.importorskip("httpx", reason="httpx (the test client's transport) is not installed")

from starlette.testclient import TestClient

from groupement_rules.web import create_app

SCHEMAS = resources.files("groupement_rules") / "schemas"
BASE = "https://groupement-rules.example/schemas/"


@pytest.fixture(scope="session")
def app() -> Any:
    return create_app()


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _registry() -> Any:
    from referencing import Registry, Resource

    resources_ = []
    for p in SCHEMAS.iterdir():
        if p.name.endswith(".schema.json"):
            doc = json.loads(p.read_text(encoding="utf-8"))
            resources_.append((doc.get("$id", BASE + p.name), Resource.from_contents(doc)))
    return Registry().with_resources(resources_)


@pytest.fixture(scope="session")
def validate() -> Any:
    """``validate(doc, "decision-1")`` checks ``doc`` against the shipped schema."""
    import jsonschema

    registry = _registry()

    def check(doc: Any, name: str) -> None:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema, registry=registry).validate(doc)

    return check
