"""SPEC Part B: municipal council séances and their vote counts (CGCT)."""

from . import render as _render  # noqa: F401  (registers the text output of séance decisions)
