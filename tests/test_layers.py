"""The flow reads one way: collect → evaluate → score → report → publish.

A lower layer never imports a higher one, so a fact is derived where facts are
derived and a renderer never re-runs a rule. The test reads every module's imports
(top-level and inside functions) with `ast`, without importing anything.
"""
from __future__ import annotations

import ast
from pathlib import Path

GATE = Path(__file__).resolve().parents[1] / "gate"
# layer -> the packages it may never import
FORBIDDEN = {
    "gate.model": ("gate.collect", "gate.rules", "gate.report", "gate.publish", "gate.policy", "gate.engine",
                   "gate.evaluate", "gate.score", "gate.cli"),
    "gate.collect": ("gate.rules", "gate.report", "gate.publish", "gate.engine", "gate.evaluate", "gate.score",
                     "gate.cli"),
    "gate.policy": ("gate.rules", "gate.report", "gate.publish", "gate.engine", "gate.evaluate", "gate.score",
                    "gate.cli"),
    "gate.rules": ("gate.report", "gate.publish", "gate.engine", "gate.evaluate", "gate.score", "gate.cli"),
    "gate.report": ("gate.rules", "gate.publish", "gate.engine", "gate.cli", "gate.collect"),
    "gate.github": ("gate.collect", "gate.rules", "gate.report", "gate.publish", "gate.engine", "gate.cli"),
}


def _module(path: Path) -> str:
    rel = path.relative_to(GATE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
    return out


def test_no_layer_imports_a_higher_one():
    wrong = []
    for path in sorted(GATE.rglob("*.py")):
        module = _module(path)
        for layer, banned in FORBIDDEN.items():
            if module == layer or module.startswith(layer + "."):
                for line, name in _imports(path):
                    if any(name == b or name.startswith(b + ".") for b in banned):
                        wrong.append(f"{path.relative_to(GATE.parent)}:{line}: {module} imports {name}")
    assert not wrong, "\n".join(wrong)


def test_the_check_reads_every_layer():
    """The walk sees the package: a renamed folder must not make the test vacuous."""
    seen = {_module(p).split(".")[1] for p in GATE.rglob("*.py") if _module(p).count(".") >= 1}
    assert {"model", "collect", "policy", "rules", "report"} <= seen
