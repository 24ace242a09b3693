"""observability.*: a fixture where each rule passes, fails and does not apply."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gate.collect import collect
from gate.evaluate import run_rule
from gate.policy.load import load_policy
from gate.rules import get_rule

FIXTURES = Path(__file__).parents[1] / "fixtures"


def outcome(fixture: str, rule_id: str):
    policy = load_policy("production")
    return run_rule(get_rule(rule_id), collect(FIXTURES / fixture, policy), policy, dt.date(2026, 11, 25))


@pytest.mark.parametrize("fixture, rule_id, status, where", [
    ("ops-all-covered", "observability.health-checks", "pass", "Dockerfile:5"),
    ("ops-load-scripts-not-run", "observability.health-checks", "pass", "fly.toml:6"),
    # a healthcheck only on the postgres container is not the service's
    ("ops-healthcheck-compose-postgres-only", "observability.health-checks", "fail", "Dockerfile:5"),
    # probes templated from values that leave them empty are not rendered
    ("ops-helm-hpa-disabled", "observability.health-checks", "fail", "chart/templates/deployment.yaml:2"),
    ("ops-library-not-deployable", "observability.health-checks", "skip", None),
    ("ops-all-covered", "observability.telemetry", "pass", "requirements.txt:5"),
    # winston is a logging library, not telemetry
    ("ops-healthcheck-compose-postgres-only", "observability.telemetry", "fail", "package.json:1"),
    ("ops-library-not-deployable", "observability.telemetry", "skip", None),
    ("ops-all-covered", "observability.alerting", "pass", "k8s/alerts.yaml:2"),
    ("ops-mongo-only", "observability.alerting", "fail", "Dockerfile:3"),
    ("ops-library-not-deployable", "observability.alerting", "skip", None),
])
def test_status_and_location(fixture, rule_id, status, where):
    out = outcome(fixture, rule_id)
    assert out.status == status, out.message
    if where:
        assert where in out.message
        assert where in [str(loc) for loc in out.locations]
    else:
        assert "library" in out.message


@pytest.mark.parametrize("fixture, rule_id, status, where", [
    ("serverless-sam-api", "observability.health-checks", "pass", "template.yaml:30"),
    ("serverless-framework", "observability.telemetry", "pass", "serverless.yml:7"),
    ("iac-cdk-typescript", "observability.alerting", "pass", "lib/service-stack.ts:24"),
    ("iac-terraform-modules", "observability.health-checks", "pass", "infra/main.tf:21"),
    ("iac-terraform-modules-off", "observability.alerting", "fail", None),
    ("ops-python-extras", "observability.telemetry", "pass", "pyproject.toml:11"),
    ("ops-python-extras-dev-only", "observability.telemetry", "fail", "pyproject.toml:1"),
    # the production compose file is cited, not the local one beside it
    ("ops-compose-production", "observability.health-checks", "pass", "docker-compose.yml:5"),
    ("ops-compose-local-only", "observability.health-checks", "fail", "Dockerfile:3"),
])
def test_infrastructure_written_any_way(fixture, rule_id, status, where):
    out = outcome(fixture, rule_id)
    assert out.status == status, out.message
    if where:
        assert where in [str(loc) for loc in out.locations]


def test_a_function_is_told_what_health_means_there():
    out = outcome("serverless-sam-api-bare", "observability.health-checks")
    assert out.status == "fail"
    assert [str(loc) for loc in out.locations] == ["template.yaml:6"]
    assert "API Gateway" in out.message and "canary" in out.message
    assert "add a HEALTHCHECK" not in out.message
