"""data.*: managed, in the pipeline, reversible; skipped without a relational database."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gate.collect import collect
from gate.evaluate import run_rule
from gate.policy.load import load_policy
from gate.rules import get_rule

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize("fixture, rule_id, status, where", [
    ("ops-all-covered", "data.migrations-managed", "pass", "alembic.ini:1"),
    ("ops-gorm-automigrate", "data.migrations-managed", "fail", "main.go:5"),
    ("ops-mongo-only", "data.migrations-managed", "skip", None),
    ("ops-all-covered", "data.migrations-in-pipeline", "pass", "docker-entrypoint.sh:3"),
    ("ops-load-scripts-not-run", "data.migrations-in-pipeline", "pass", "fly.toml:4"),
    ("ops-healthcheck-compose-postgres-only", "data.migrations-in-pipeline", "fail", "Dockerfile:5"),
    ("ops-mongo-only", "data.migrations-in-pipeline", "skip", None),
    ("ops-all-covered", "data.migrations-reversible", "pass", "alembic/versions/0001_create_patients.py:13"),
    ("ops-load-scripts-not-run", "data.migrations-reversible", "pass", "app/migrations/0001_initial.py:1"),
    # Prisma migrations are forward-only
    ("ops-healthcheck-compose-postgres-only", "data.migrations-reversible", "fail",
     "prisma/migrations/20240101000000_init/migration.sql:1"),
    ("ops-library-not-deployable", "data.migrations-reversible", "skip", None),
])
def test_status_and_location(fixture, rule_id, status, where):
    policy = load_policy("production")
    out = run_rule(get_rule(rule_id), collect(FIXTURES / fixture, policy), policy, dt.date(2026, 11, 25))
    assert out.status == status, out.message
    if where:
        assert where in [str(loc) for loc in out.locations]
        assert where in out.message
    elif fixture == "ops-mongo-only":
        assert "mongodb (package.json:3)" in out.message
