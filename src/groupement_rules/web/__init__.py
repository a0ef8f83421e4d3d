"""The HTTP API and the secretary's page (extra ``[web]``: Starlette, uvicorn, Jinja2).

>>> from groupement_rules.web import create_app  # doctest: +SKIP
>>> app = create_app(policy_files=("my-convention.toml",))  # doctest: +SKIP

``create_app`` returns an ASGI application an integrator can mount; the command
``groupement-rules serve`` runs it with uvicorn (docs/http.md).
"""

from __future__ import annotations

from .app import Limits, create_app
from .questions import Policies, load_policies

__all__ = ["Limits", "Policies", "create_app", "load_policies"]
