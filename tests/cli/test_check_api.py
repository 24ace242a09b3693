"""`check` with a token: API evidence from the fake GitHub decides the API-only rules."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.github_fake.fixture import TOKEN, fake_github  # noqa: E402,F401
from tests.github_fake.objects import build, user  # noqa: E402

from gate.cli import main  # noqa: E402

HARDENED = ROOT / "examples" / "hardened-service"


def _env(name, rules=()):
    return build("environment", id=len(name), node_id=f"E_{name}", name=name, protection_rules=list(rules),
                 deployment_branch_policy={"protected_branches": True, "custom_branch_policies": False},
                 url=f"https://api.github.com/repos/octo/app/environments/{name}",
                 html_url=f"https://github.com/octo/app/deployments/activity_log?environments_filter={name}")


def _check(fake, monkeypatch) -> dict:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", fake.api_url)
    monkeypatch.delenv("GITHUB_REF", raising=False)
    result = CliRunner().invoke(main, ["check", str(HARDENED), "--repo", "octo/app", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert TOKEN not in result.output
    return {r["id"]: r for r in json.loads(result.output)["results"]}


def test_unprotected_production_environment_fails(fake_github, monkeypatch):
    fake_github.repo.environments = [_env("staging"), _env("production")]
    results = _check(fake_github, monkeypatch)
    assert results["delivery.production-protected"]["status"] == "fail"
    assert "production" in results["delivery.production-protected"]["message"]


def test_required_reviewers_and_required_gate_pass(fake_github, monkeypatch):
    reviewers = {"id": 1, "node_id": "R1", "type": "required_reviewers", "prevent_self_review": True,
                 "reviewers": [{"type": "User", "reviewer": user("lead", 101)}]}
    fake_github.repo.environments = [_env("staging"), _env("production", [reviewers])]
    fake_github.repo.protection = {
        "url": "https://api.github.com/x",
        "required_status_checks": {"strict": True, "contexts": ["readiness-gate"],
                                   "checks": [{"context": "readiness-gate", "app_id": None}]},
        "required_pull_request_reviews": {"url": "https://api.github.com/y", "dismiss_stale_reviews": False,
                                          "require_code_owner_reviews": False,
                                          "required_approving_review_count": 1}}
    results = _check(fake_github, monkeypatch)
    assert results["delivery.production-protected"]["status"] == "pass"
    assert results["governance.branch-protection"]["status"] == "pass"
    assert results["governance.gate-required"]["status"] == "pass"


def test_without_a_token_api_rules_skip_and_say_why(monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["check", str(HARDENED), "--format", "json"])
    results = {r["id"]: r for r in json.loads(result.output)["results"]}
    assert results["delivery.production-protected"]["status"] == "skip"
    assert "token" in results["delivery.production-protected"]["message"]
