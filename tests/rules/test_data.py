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
    ("ops-load-scripts-not-run", "data.migrations-reversible", "pass", "app/migrations/0001_initial.py:4"),
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


def _reversible(fixture: str):
    policy = load_policy("production")
    return run_rule(get_rule("data.migrations-reversible"), collect(FIXTURES / fixture, policy), policy,
                    dt.date(2026, 11, 25))


@pytest.mark.parametrize("fixture, status, counted, irreversible", [
    # Rails: `change` is reversed by the framework, but not remove_column without a type
    ("migrations-rails", "pass", "3 migrations read (rails), 1 irreversible",
     ["db/migrate/20240201000000_drop_legacy_code.rb:4"]),
    ("migrations-rails-irreversible", "fail", "2 migrations read (rails), 2 irreversible",
     ["db/migrate/20240201000000_widen_number.rb:3", "db/migrate/20240101000000_create_orders.rb:2"]),
    # Django: RunPython/RunSQL without their reverse
    ("migrations-django", "pass", "3 migrations read (django), 1 irreversible", ["orders/migrations/0003_index.py:7"]),
    ("migrations-django-irreversible", "fail", "2 migrations read (django), 2 irreversible",
     ["orders/migrations/0002_index.py:7", "orders/migrations/0001_initial.py:12"]),
    # Liquibase: counted as changesets, not files
    ("migrations-liquibase", "pass", "3 changesets read (liquibase), 1 irreversible",
     ["src/main/resources/db/changelog/db.changelog-master.xml:12"]),
    ("migrations-liquibase-sql", "pass", "3 changesets read (liquibase), 1 irreversible",
     ["src/main/resources/db/changelog/001-orders.sql:11"]),
    ("migrations-liquibase-irreversible", "fail", "2 changesets read (liquibase), 2 irreversible",
     ["src/main/resources/db/changelog/db.changelog-master.yaml:2",
      "src/main/resources/db/changelog/db.changelog-master.yaml:8"]),
])
def test_reversibility_by_the_frameworks_meaning(fixture, status, counted, irreversible):
    out = _reversible(fixture)
    assert out.status == status, out.message
    assert out.message.startswith(counted)
    for where in irreversible:
        assert where in out.message and where in [str(loc) for loc in out.locations]


def test_a_ci_bootstrap_against_the_runners_database_is_not_the_deploy_path():
    policy = load_policy("production")
    rule = get_rule("data.migrations-in-pipeline")
    bootstrap = run_rule(rule, collect(FIXTURES / "migrations-ci-bootstrap", policy), policy, dt.date(2026, 11, 25))
    assert bootstrap.status == "fail", bootstrap.message
    assert ".github/workflows/deploy.yml:16" not in [str(loc) for loc in bootstrap.locations]
    deploy = run_rule(rule, collect(FIXTURES / "migrations-deploy-step", policy), policy, dt.date(2026, 11, 25))
    assert deploy.status == "pass" and [str(loc) for loc in deploy.locations] == [".github/workflows/deploy.yml:24"]


def test_a_task_definition_that_migrates_on_start_is_the_deploy_path():
    policy = load_policy("production")
    rule = get_rule("data.migrations-in-pipeline")
    on = run_rule(rule, collect(FIXTURES / "iac-terraform-ecs", policy), policy, dt.date(2026, 11, 25))
    # the command is followed through `local.startup_script` to the line that migrates, and a
    # command list (["rake", "db:create", "db:migrate"]) reads as the words it runs
    assert on.status == "pass" and [str(loc) for loc in on.locations] == ["infra/service.tf:3", "infra/service.tf:26"]
    off = run_rule(rule, collect(FIXTURES / "iac-terraform-ecs-fixed", policy), policy, dt.date(2026, 11, 25))
    assert off.status == "fail"
