"""resilience.*: pass, fail and not-applicable fixtures; the runbook's age through git."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gate.collect import collect
from gate.collect.git import GitFacts
from gate.evaluate import run_rule
from gate.policy.load import load_policy
from gate.rules import get_rule

FIXTURES = Path(__file__).parents[1] / "fixtures"
TODAY = dt.date(2026, 11, 25)


def outcome(root: Path, rule_id: str, git: GitFacts | None = None):
    policy = load_policy("production")
    ev = collect(root, policy)
    if git is not None:
        ev.git = git
    return run_rule(get_rule(rule_id), ev, policy, TODAY)


@pytest.mark.parametrize("fixture, rule_id, status, where", [
    ("ops-all-covered", "resilience.backups", "pass", "infra/db.tf:4"),
    ("ops-healthcheck-compose-postgres-only", "resilience.backups", "fail", "docker-compose.yml:6"),
    ("ops-library-not-deployable", "resilience.backups", "skip", None),
    ("ops-all-covered", "resilience.autoscaling", "pass", "k8s/hpa.yaml:2"),
    # the chart's HPA is off by default and nothing turns it on
    ("ops-helm-hpa-disabled", "resilience.autoscaling", "fail", "chart/templates/hpa.yaml:3"),
    ("ops-library-not-deployable", "resilience.autoscaling", "skip", None),
    ("ops-mongo-only", "resilience.dr-runbook", "fail", "docs"),
    ("ops-library-not-deployable", "resilience.dr-runbook", "skip", None),
])
def test_status_and_location(fixture, rule_id, status, where):
    out = outcome(FIXTURES / fixture, rule_id)
    assert out.status == status, out.message
    if where:
        assert where in [str(loc) for loc in out.locations]
        assert where in out.message


def _git_copy(tmp_path: Path, committed: str) -> Path:
    root = tmp_path / "svc"
    shutil.copytree(FIXTURES / "ops-all-covered", root)
    env = {**os.environ, "GIT_AUTHOR_DATE": committed, "GIT_COMMITTER_DATE": committed,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "init"]):
        subprocess.run(["git", "-c", "core.hooksPath=/dev/null", *args], cwd=root, env=env, check=True)
    return root


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("committed, status", [("2026-10-01T12:00:00", "pass"), ("2025-01-01T12:00:00", "fail")])
def test_runbook_freshness(tmp_path, committed, status):
    root = _git_copy(tmp_path, committed)
    git = GitFacts(root, prefetch=[["docs/runbooks/disaster-recovery.md"]])
    out = outcome(root, "resilience.dr-runbook", git)
    assert out.status == status, out.message
    assert "docs/runbooks/disaster-recovery.md" in out.message
    assert committed[:10] in out.message


def test_runbook_outside_git_is_unknown(tmp_path):
    # its age cannot be told: not missing, not fresh — the policy's `unknown:` decides
    root = tmp_path / "svc"
    shutil.copytree(FIXTURES / "ops-all-covered", root)
    out = outcome(root, "resilience.dr-runbook", GitFacts(root))
    assert out.status == "unknown"
    assert "not a git repository" in out.message


@pytest.mark.parametrize("fixture, rule_id, status, where", [
    ("iac-terraform-modules", "resilience.backups", "pass", "infra/main.tf:8"),    # the caller's pitr = true
    ("iac-terraform-modules-off", "resilience.backups", "fail", "infra/modules/table/main.tf:10"),
    ("iac-cdk-python", "resilience.backups", "pass", "stacks/api_stack.py:23"),
    ("iac-pulumi-bare", "resilience.backups", "fail", "index.ts:3"),
    ("serverless-framework-bare", "resilience.backups", "fail", "serverless.yml:17"),
    # the platform scales functions; an on-demand DynamoDB table scales too
    ("serverless-sam-api-bare", "resilience.autoscaling", "pass", "template.yaml:6"),
    ("iac-terraform-modules", "resilience.autoscaling", "pass", "infra/modules/table/main.tf:12"),
    ("iac-cdk-typescript", "resilience.autoscaling", "pass", "lib/service-stack.ts:21"),
    ("iac-cdk-typescript-bare", "resilience.autoscaling", "fail", None),
])
def test_infrastructure_as_written(fixture, rule_id, status, where):
    out = outcome(FIXTURES / fixture, rule_id)
    assert out.status == status, out.message
    if where:
        assert where in [str(loc) for loc in out.locations]


def test_platform_scaling_says_why():
    out = outcome(FIXTURES / "serverless-framework-bare", "resilience.autoscaling")
    assert out.status == "pass" and "platform scales" in out.message


@pytest.mark.parametrize("fixture, rule_id, status, where", [
    # a service that keeps no data has nothing to back up; a named volume is data
    ("ops-stateless-service", "resilience.backups", "skip", None),
    ("ops-stateful-volume", "resilience.backups", "fail", "docker-compose.yml:7"),
    # Vercel, Netlify, Cloudflare Workers, Firebase scale the service themselves
    ("serverless-vercel", "resilience.autoscaling", "pass", "vercel.json:1"),
    ("ops-stateless-service", "resilience.autoscaling", "fail", "Dockerfile:3"),
])
def test_what_the_service_keeps_and_where_it_runs(fixture, rule_id, status, where):
    out = outcome(FIXTURES / fixture, rule_id)
    assert out.status == status, out.message
    if where:
        assert [str(loc) for loc in out.locations] == [where]


def test_a_scaling_target_fixed_at_one_size_is_not_autoscaling():
    on = outcome(FIXTURES / "iac-terraform-ecs", "resilience.autoscaling")
    assert on.status == "pass" and [str(loc) for loc in on.locations] == ["infra/service.tf:35"]
    fixed = outcome(FIXTURES / "iac-terraform-ecs-fixed", "resilience.autoscaling")
    assert fixed.status == "fail" and [str(loc) for loc in fixed.locations] == ["infra/service.tf:16"]
    assert "min 1 / max 1" in fixed.message


def test_cloud_run_scales_the_image_it_runs():
    out = outcome(FIXTURES / "serverless-cloud-run", "resilience.autoscaling")
    assert out.status == "pass" and [str(loc) for loc in out.locations] == [".github/workflows/deploy.yml:14"]


@pytest.mark.parametrize("fixture, status, where", [
    # a web host beside the service's own image serves a front end; it does not scale the service
    ("ops-web-host-beside-image", "fail", "Dockerfile:3"),
    # a scaling range set per environment (variables without defaults) is declared, not shown fixed
    ("iac-terraform-range-vars", "pass", "infra/scaling.tf:13"),
])
def test_scaling_as_deployed(fixture, status, where):
    out = outcome(FIXTURES / fixture, "resilience.autoscaling")
    assert out.status == status, out.message
    assert [str(loc) for loc in out.locations] == [where]


@pytest.mark.parametrize("fixture, status, where", [
    # a kustomize patch that targets an HPA names one; it does not declare one
    ("ops-kustomize-hpa-patch-only", "fail", ["k8s/base/deployment.yaml:2"]),
    ("ops-kustomize-hpa-declared", "pass", ["k8s/base/hpa.yaml:2", "k8s/base/hpa.yaml:6"]),
])
def test_an_autoscaler_is_declared_not_named(fixture, status, where):
    out = outcome(FIXTURES / fixture, "resilience.autoscaling")
    assert out.status == status, out.message
    assert [str(loc) for loc in out.locations] == where
