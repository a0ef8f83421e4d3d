"""Shared test fixtures: the shared/ folder beside the repository, when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Deterministic, modest property tests in CI; more examples locally with
# HYPOTHESIS_PROFILE=thorough.
settings.register_profile("ci", max_examples=100, derandomize=True, deadline=None)
settings.register_profile(
    "thorough", max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "2000")), deadline=None
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The shared/ folder (seeds, data); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("shared/ folder not present beside the repository")
    return SHARED


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Each test computes from scratch: the per-policy schedules and memos of a
    previous test (or of the unmutated code, under mutation testing) must not
    answer for it."""
    from groupement_rules import legal_time
    from groupement_rules.convention import policy, schedule, withdrawal

    legal_time._count_delai_cached.cache_clear()
    policy.terms.cache_clear()
    schedule.schedule.cache_clear()
    withdrawal._context.cache_clear()
    withdrawal.reading_interpretation.cache_clear()
