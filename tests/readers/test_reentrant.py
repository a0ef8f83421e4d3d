"""The reader keeps no module-level mutable state (issue 9): every memo of a read lives
in its Document, so reads in parallel threads give what reads in sequence give."""

from __future__ import annotations

import ast
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import groupement_rules.readers as readers_pkg
from groupement_rules.readers.text import read_extract

READERS = Path(readers_pkg.__file__).parent
MODULES = [
    *sorted((READERS / "text").glob("*.py")),
    READERS / "textnorm.py",
    READERS / "names.py",
    READERS / "french_dates.py",
]
FIXTURES = Path(__file__).parent / "fixtures"


def _mutable_globals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if value is None:
            continue
        mutable = isinstance(value, ast.Dict | ast.List | ast.Set | ast.DictComp | ast.ListComp)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            mutable = mutable or value.func.id in ("dict", "list", "set", "defaultdict")
        if mutable:
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_module_level_mutable_state() -> None:
    # a module-level dict or list is allowed only as a constant table (never written)
    offenders = [m for p in MODULES for m in _mutable_globals(p)]
    allowed = {m for m in offenders if _is_constant_table(m)}
    assert sorted(set(offenders) - allowed) == []


def _is_constant_table(where: str) -> bool:
    """A module-level dict that no function of its module assigns to or mutates."""
    name, line = where.split(":")
    path = next(p for p in MODULES if p.name == name)
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    target = next(
        n for n in tree.body if isinstance(n, ast.Assign | ast.AnnAssign) and n.lineno == int(line)
    )
    t = target.targets[0] if isinstance(target, ast.Assign) else target.target
    assert isinstance(t, ast.Name)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Store | ast.Del)
            and isinstance(node.value, ast.Name)
            and node.value.id == t.id
        ):
            return False
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            mutators = {"clear", "update", "pop", "setdefault", "append", "add", "extend"}
            if node.value.id == t.id and node.attr in mutators:
                return False
    return True


def test_reads_in_parallel_threads_equal_reads_in_sequence() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((FIXTURES.parent.parent / "fixtures" / "extracts").glob("*.txt"))
    ]
    alone = [read_extract(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda t: read_extract(t).to_dict(), texts * 4))
    assert together == alone * 4
