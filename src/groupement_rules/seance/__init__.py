"""SPEC Part B: municipal council séances and their vote counts (CGCT)."""
