"""Custom rules declared in a policy, judged over collected evidence."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest

from gate.collect import collect
from gate.evaluate import evaluate
from gate.policy.load import load_policy

from .helpers import FIXTURES, gate_run, status


def test_each_kind_of_custom_rule_judges_the_fixture():
    pol, evaluation, _ = gate_run("policy-custom")
    got = {r.rule.id: (r.status, r.rule.domain, [str(loc) for loc in r.locations]) for r in evaluation.results
           if r.rule.id.startswith("custom.")}
    assert got["custom.dr-runbook"] == ("pass", "resilience", ["docs/runbooks/disaster-recovery.md"])
    assert got["custom.slo-doc"][:2] == ("fail", "custom")
    assert got["custom.runbook-names-drill"] == ("pass", "resilience", ["docs/runbooks/disaster-recovery.md:5"])
    assert got["custom.no-debug-in-config"] == ("fail", "security", ["config/dev.yml:2"])
    assert got["custom.smoke-after-deploy"] == ("pass", "rollback", [".github/workflows/deploy.yml:14"])


def test_workflow_step_filters_by_trigger_and_environment(tmp_path):
    policy = tmp_path / "p.yml"
    policy.write_text("custom_rules:\n"
                      "  - {id: custom.on-pr, title: t, remediation: r, workflow_step: {pattern: 'curl', triggers: [pull_request]}}\n"
                      "  - {id: custom.in-staging, title: t, remediation: r, workflow_step: {pattern: 'curl', environments: [staging]}}\n"
                      "  - {id: custom.in-prod-tier, title: t, remediation: r, workflow_step: {pattern: 'curl', environments: [production]}}\n")
    _, evaluation, _ = gate_run("policy-custom", str(policy))
    assert [status(evaluation, f"custom.{n}") for n in ("on-pr", "in-staging", "in-prod-tier")] == ["fail", "fail", "pass"]


def test_a_freshness_rule_outside_git_is_unknown_with_the_reason(tmp_path):
    repo = tmp_path / "not-git"
    shutil.copytree(FIXTURES / "policy-custom", repo)
    pol = load_policy(None, repo, env={})
    evidence = collect(repo, pol)
    result = next(r for r in evaluate(evidence, pol).results if r.rule.id == "custom.dr-drill-fresh")
    assert result.status == "unknown" and result.counts_as == "skip" and "not a git repository" in result.message


def _git(repo, *args, date=None):
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, env=env, check=True,
                   capture_output=True)


@pytest.fixture
def dated_repo(tmp_path):
    """policy-custom as a git repository whose runbook was last committed on 2025-01-02."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "policy-custom", repo)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "runbook", "--date=2025-01-02T12:00:00+00:00", date="2025-01-02T12:00:00+00:00")
    (repo / "README.md").write_text("later change elsewhere\n")
    _git(repo, "add", "README.md")
    _git(repo, "commit", "-q", "-m", "readme", "--date=2025-06-01T12:00:00+00:00", date="2025-06-01T12:00:00+00:00")
    return repo


def test_freshness_passes_within_n_days_and_fails_after(dated_repo):
    _, fresh, _ = gate_run(dated_repo, today=dt.date(2025, 4, 2))   # 90 days after the commit
    _, stale, _ = gate_run(dated_repo, today=dt.date(2025, 4, 3))   # 91 days
    assert status(fresh, "custom.dr-drill-fresh") == "pass"
    result = next(r for r in stale.results if r.rule.id == "custom.dr-drill-fresh")
    assert result.status == "fail" and result.blocking
    assert "last changed 2025-01-02" in result.message and "at most 90" in result.message
    assert [str(loc) for loc in result.locations] == ["docs/runbooks/disaster-recovery.md"]


def test_freshness_outside_a_git_repository_is_unknown(tmp_path):
    repo = tmp_path / "plain"
    shutil.copytree(FIXTURES / "policy-custom", repo)
    if subprocess.run(["git", "-C", str(repo), "rev-parse"], capture_output=True).returncode == 0:
        pytest.skip(f"{tmp_path} is inside a git repository")
    _, evaluation, _ = gate_run(repo)
    result = next(r for r in evaluation.results if r.rule.id == "custom.dr-drill-fresh")
    assert result.status == "unknown" and result.counts_as == "skip" and "not a git repository" in result.message
