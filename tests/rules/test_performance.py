"""performance.load-tests: scripts run by a workflow, scripts nobody runs, a library."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gate.collect import collect
from gate.evaluate import run_rule
from gate.policy.load import load_policy
from gate.rules import get_rule

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize("fixture, status, where", [
    ("ops-all-covered", "pass", ".github/workflows/load.yml:10"),
    ("ops-load-scripts-not-run", "fail", "perf/locustfile.py:1"),
    ("ops-mongo-only", "fail", ".github/workflows"),
    ("ops-library-not-deployable", "skip", None),
])
def test_load_tests(fixture, status, where):
    policy = load_policy("production")
    out = run_rule(get_rule("performance.load-tests"), collect(FIXTURES / fixture, policy), policy, dt.date(2026, 11, 25))
    assert out.status == status, out.message
    if where:
        assert where in [str(loc) for loc in out.locations]
        assert where in out.message
