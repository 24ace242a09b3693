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
    assert results["delivery.production-protected"]["status"] == "unknown"
    assert results["delivery.production-protected"]["counts_as"] == "skip"
    assert "token" in results["delivery.production-protected"]["message"]


def test_api_answers_that_are_not_json_are_unknowns_and_notices_not_a_traceback(fake_github, monkeypatch):
    from tests.github_fake import Fault

    fake_github.inject("repos/get-all-environments", *[Fault.html(200)] * 10)
    fake_github.inject("code-scanning/list-alerts-for-repo", *[Fault.cut_off()] * 10)
    fake_github.inject("repos/get", Fault.redirect("http://elsewhere.invalid/x", 302))
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN + "\n")  # stripped, not retried as a network failure
    monkeypatch.setenv("GITHUB_API_URL", fake_github.api_url)
    monkeypatch.delenv("GITHUB_REF", raising=False)
    result = CliRunner().invoke(main, ["check", str(HARDENED), "--repo", "octo/app", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output and TOKEN not in result.output
    report = json.loads(result.output)
    results = {r["id"]: r for r in report["results"]}
    assert results["delivery.production-protected"]["status"] in ("skip", "unknown")
    notices = "\n".join(str(n) for n in report.get("notices") or [])
    assert "environments unknown" in notices and "an HTML page" in notices


def test_check_publish_fails_like_publish_does(fake_github, monkeypatch, tmp_path):
    from tests.github_fake import Fault

    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", fake_github.api_url)
    monkeypatch.setenv("GITHUB_REPOSITORY", "octo/app")
    monkeypatch.setenv("GITHUB_EVENT_NAME", "push")
    monkeypatch.delenv("GITHUB_EVENT_PATH", raising=False)
    monkeypatch.delenv("GITHUB_REF", raising=False)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    first = CliRunner().invoke(main, ["check", str(HARDENED), "--no-api", "--format", "json"])
    judged = (json.loads(first.output).get("subject") or {}).get("sha") or "d" * 40
    monkeypatch.setenv("GITHUB_SHA", judged)
    fake_github.inject("checks/create", Fault.redirect("http://elsewhere.invalid/x", 302))
    result = CliRunner().invoke(main, ["check", str(HARDENED), "--publish", "--comment", "never"])
    assert result.exit_code == 3, result.output
    assert "publishing failed: check-run: GitHub answered HTTP 302" in result.output
    assert "Traceback" not in result.output and TOKEN not in result.output
    assert (tmp_path / "summary.md").read_text()  # the job summary still written
