"""ci.build-verified: each deployable part built by a PR job, or named where it is not."""
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
    ("ops-all-covered", "pass", ".github/workflows/ci.yml:12"),
    # tests run on PRs, but nothing builds the image
    ("ops-healthcheck-compose-postgres-only", "fail", "Dockerfile:1"),
    ("ops-mongo-only", "fail", "Dockerfile:1"),
    ("ops-library-not-deployable", "skip", None),
    ("ops-helm-hpa-disabled", "skip", None),
])
def test_build_verified(fixture, status, where):
    policy = load_policy("production")
    out = run_rule(get_rule("ci.build-verified"), collect(FIXTURES / fixture, policy), policy, dt.date(2026, 11, 25))
    assert out.status == status, out.message
    if where:
        assert where in [str(loc) for loc in out.locations]
        assert where in out.message
