"""Shared helpers: Evidence from a fixture repository, one rule evaluated over it.

Fixture repositories live in tests/fixtures/<situation>/, one per situation.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pytest

from gate.collect import collect
from gate.evaluate import Result, evaluate
from gate.policy.load import load_policy
from gate.rules import get_rule

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Fixture repositories are data: their own test files (a fixture of a Python repo
# has some) must never be collected as this project's tests.
collect_ignore_glob = ["fixtures/*"]
TODAY = dt.date(2025, 1, 15)


@lru_cache(maxsize=None)
def policy_named(name: str = "production"):
    return load_policy(name)


def fixture_path(name: str) -> Path:
    path = FIXTURES / name
    assert path.is_dir(), f"no fixture repository {path}"
    return path


@lru_cache(maxsize=None)
def _evidence(name: str, policy: str):
    return collect(fixture_path(name), policy_named(policy))


def evidence_for(name_or_path: str | Path, policy: str = "production"):
    """Evidence of a fixture (cached by name) or of any directory (tmp_path repos)."""
    if isinstance(name_or_path, Path):
        return collect(name_or_path, policy_named(policy))
    return _evidence(name_or_path, policy)


def run_rule(name_or_path: str | Path, rule_id: str, policy: str = "production") -> Result:
    """Evaluate one rule over a fixture repository (a name under tests/fixtures, or a Path)."""
    rule = get_rule(rule_id)
    assert rule is not None, f"no rule {rule_id}"
    ev = evidence_for(name_or_path, policy)
    results = evaluate(ev, policy_named(policy), rules=[rule], today=TODAY).results
    assert len(results) == 1, results
    return results[0]


def line_of(name: str, rel: str, needle: str) -> int:
    """The 1-based line of the one line of a fixture file that contains `needle`."""
    lines = (fixture_path(name) / rel).read_text().splitlines()
    hits = [i + 1 for i, text in enumerate(lines) if needle in text]
    assert len(hits) == 1, f"{needle!r} is on lines {hits} of {name}/{rel}"
    return hits[0]


def locs(result: Result) -> list[str]:
    """The result's locations as `path:line` strings (just `path` when no line)."""
    return [str(loc) for loc in result.locations]


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """A repository built from {relative path: content} in a tmp dir."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    return root


# Fixtures, so test modules never import this file by name (other conftest.py
# files exist under tests/, and `from conftest import` would pick any of them).
@pytest.fixture(name="run_rule")
def _run_rule_fixture():
    """run_rule(fixture_name_or_path, rule_id, policy="production") -> Result."""
    return run_rule


@pytest.fixture(name="evidence_for")
def _evidence_fixture():
    """evidence_for(fixture_name_or_path, policy="production") -> Evidence."""
    return evidence_for


@pytest.fixture(name="line_of")
def _line_of_fixture():
    """line_of(fixture_name, relative_path, needle) -> the line holding needle."""
    return line_of


@pytest.fixture(name="locs")
def _locs_fixture():
    """locs(result) -> ["path:line", ...]."""
    return locs


@pytest.fixture
def repo(tmp_path):
    """A factory: repo({path: text}) -> Path of a fresh repository."""
    def make(files: dict[str, str | bytes]) -> Path:
        return write_tree(tmp_path / "repo", files)
    return make
