"""A longer fuzzing run of every reader than the test suite's (issue 6).

Runs the fuzz properties of ``tests/test_fuzz_*.py`` under Hypothesis with many
examples (``--examples N`` per property, default 20 000) and reports how many
inputs were tried and whether any ended in anything but facts or a typed error.

    python benchmarks/fuzz.py --examples 20000
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=20000, help="examples per property")
    args = parser.parse_args()
    env = dict(
        os.environ, HYPOTHESIS_PROFILE="thorough", HYPOTHESIS_MAX_EXAMPLES=str(args.examples)
    )
    files = sorted(str(p) for p in (ROOT / "tests").glob("test_fuzz_*.py"))
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
           "--hypothesis-show-statistics", *files]  # fmt: skip
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    out = proc.stdout
    counts = re.findall(r"(\d+) passing, (\d+) failing", out)
    tried = sum(int(a) + int(b) for a, b in counts)
    props = len(re.findall(r"^tests/\S+::\S+:$", out, re.M))
    print(f"fuzz properties run: {props}")
    print(f"inputs tried: {tried:,}")
    summary = [line for line in out.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    print(summary[-1] if summary else proc.stderr.strip())
    if proc.returncode != 0:
        print(out[-4000:])
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
