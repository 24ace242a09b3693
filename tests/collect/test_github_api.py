"""API facts from the fake GitHub: what is there, what is absent, what is unknown, in few requests."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `tests.github_fake` must import however pytest is started
    sys.path.insert(0, str(ROOT))

from tests.github_fake import Fault  # noqa: E402
from tests.github_fake.fixture import TOKEN, fake_ghes, fake_github  # noqa: E402,F401
from tests.github_fake.objects import build, user  # noqa: E402

from gate.collect.github_api import collect_api_facts  # noqa: E402


def _collect(fake, **kw):
    clock = FakeTime()
    facts = collect_api_facts("octo/app", TOKEN, api_url=fake.api_url, timeout=20, retries=2, sleep=clock.sleep,
                              clock=clock.clock, **kw)
    return facts, clock.sleeps


class FakeTime:
    """Waits are recorded and move this clock, never spent; no test depends on a real timeout."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.now = 0.0

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def _env(name, rules=(), policy=None):
    return build("environment", id=len(name), node_id=f"E_{name}", name=name, protection_rules=list(rules),
                 deployment_branch_policy=policy, url=f"https://api.github.com/repos/octo/app/environments/{name}",
                 html_url=f"https://github.com/octo/app/deployments/activity_log?environments_filter={name}")


def _reviewers(n):
    return {"id": 1, "node_id": "R1", "type": "required_reviewers", "prevent_self_review": True,
            "reviewers": [{"type": "User", "reviewer": user(f"u{i}", 100 + i)} for i in range(n)]}


def _alert(number, ref="refs/heads/main", state="open"):
    return build("code-scanning-alert-items", number=number, state=state,
                 html_url=f"https://github.com/octo/app/security/code-scanning/{number}",
                 rule={"id": "py/sql-injection", "severity": "error", "security_severity_level": "high"},
                 tool={"name": "CodeQL"},
                 most_recent_instance={"ref": ref, "location": {"path": "app/db.py", "start_line": 42}})


def _configured(fake):
    r = fake.repo
    r.environments = [_env("staging"),
                      _env("production", [_reviewers(2), {"id": 2, "node_id": "W", "type": "wait_timer",
                                                          "wait_timer": 15}],
                           {"protected_branches": False, "custom_branch_policies": True}),
                      _env("preview", policy={"protected_branches": True, "custom_branch_policies": False})]
    r.branch_policies["production"] = [build("deployment-branch-policy", id=1, name="main", type="branch"),
                                       build("deployment-branch-policy", id=2, name="v*", type="tag")]
    r.protection = {"url": "https://api.github.com/x",
                    "required_status_checks": {"strict": True, "contexts": ["ci/test"], "checks": [
                        {"context": "readiness-gate", "app_id": None}]},
                    "required_pull_request_reviews": {"url": "https://api.github.com/y",
                                                      "dismiss_stale_reviews": False,
                                                      "require_code_owner_reviews": False,
                                                      "required_approving_review_count": 1}}
    r.branch_rules = [
        {"type": "required_status_checks", "ruleset_source_type": "Repository", "ruleset_source": "octo/app",
         "ruleset_id": 3, "parameters": {"strict_required_status_checks_policy": False,
                                         "required_status_checks": [{"context": "build"}]}},
        {"type": "pull_request", "ruleset_source_type": "Repository", "ruleset_source": "octo/app", "ruleset_id": 3,
         "parameters": {"required_approving_review_count": 2, "dismiss_stale_reviews_on_push": True,
                        "require_code_owner_review": False, "require_last_push_approval": False,
                        "required_review_thread_resolution": False}}]
    r.alerts = [_alert(1), _alert(2, state="dismissed"), _alert(3, ref="refs/heads/other")]
    r.default_setup = {"state": "configured", "languages": ["python"], "query_suite": "default"}


def test_everything_readable_in_seven_requests(fake_github):
    _configured(fake_github)
    facts, _ = _collect(fake_github)
    assert facts.default_branch == "main"
    prod = {e.name: e for e in facts.environments}["production"]
    assert (prod.required_reviewers, prod.prevent_self_review, prod.wait_timer) == (2, True, 15)
    assert (prod.branch_policy, prod.branch_patterns) == ("custom", ("main", "tag:v*"))
    staging = {e.name: e for e in facts.environments}["staging"]
    assert (staging.required_reviewers, staging.wait_timer, staging.branch_policy) == (0, 0, "none")
    assert {e.name: e for e in facts.environments}["preview"].branch_policy == "protected-branches"
    assert facts.branch_protection.required_status_checks == ("ci/test", "readiness-gate")
    assert facts.branch_protection.required_approving_review_count == 1
    assert facts.rulesets.required_status_checks == ("build",)
    assert facts.required_status_checks == ("ci/test", "readiness-gate", "build")
    assert facts.required_approving_review_count == 2 and facts.default_branch_protected is True
    [alert] = facts.code_scanning_alerts  # open, and on the ref
    assert (alert.rule_id, alert.severity, alert.path, alert.line) == ("py/sql-injection", "high", "app/db.py", 42)
    assert alert.html_url.endswith("/code-scanning/1")
    assert facts.codeql_default_setup is True
    assert facts.notices == ()
    # repo, environments, protection, rulesets, alerts, default setup + 1 custom branch policy list
    assert facts.requests == len(fake_github.requests) == 7
    alerts_call = fake_github.calls("code-scanning/list-alerts-for-repo")[0]
    assert alerts_call.query["ref"] == ["refs/heads/main"] and alerts_call.query["state"] == ["open"]


def test_absent_is_not_unknown(fake_github):
    facts, _ = _collect(fake_github, default_branch="main")  # nothing configured at all
    assert facts.environments == ()
    assert facts.branch_protection.required_status_checks == () and facts.default_branch_protected is False
    assert facts.rulesets.required_status_checks == () and facts.rulesets.required_approving_review_count == 0
    assert facts.codeql_default_setup is None  # 404: unknown, said in a notice
    assert facts.requests == 5  # the default branch was given: no repository request


def test_a_read_only_token_gives_unknowns_with_notices(fake_github):
    _configured(fake_github)
    for op in ("repos/get-branch-protection", "code-scanning/list-alerts-for-repo",
               "code-scanning/get-default-setup"):
        fake_github.deny(op, 403)
    facts, _ = _collect(fake_github, ref="refs/pull/7/merge")
    assert facts.code_scanning_alerts is None and facts.codeql_default_setup is None
    # classic protection unreadable: the branch endpoint still gives the required checks
    assert facts.branch_protection.required_status_checks == ("ci/test",)
    assert facts.branch_protection.required_approving_review_count is None
    assert facts.required_approving_review_count == 2  # known from the rulesets
    assert facts.environments is not None
    text = "\n".join(facts.notices)
    assert len(facts.notices) == 3
    assert "`security-events: read`" in text and "`administration: read`" in text
    assert TOKEN not in text
    assert facts.alerts_ref == "refs/pull/7/merge"


def test_pages_are_followed_and_faults_retried(fake_github):
    _configured(fake_github)
    fake_github.repo.alerts = [_alert(n) for n in range(1, 251)]
    fake_github.inject("repos/get-all-environments", Fault.server_error(502), Fault.secondary_rate_limit(3))
    facts, sleeps = _collect(fake_github)
    assert len(facts.code_scanning_alerts) == 250
    assert len(fake_github.calls("code-scanning/list-alerts-for-repo")) == 3  # 100 + 100 + 50
    assert 3 in sleeps and facts.environments is not None
    assert facts.requests == 9


def test_persistent_failure_is_unknown_not_a_crash(fake_github):
    _configured(fake_github)
    fake_github.inject("repos/get-all-environments", *[Fault.server_error(503)] * 5)
    fake_github.inject("code-scanning/get-default-setup", Fault.unauthorized())
    facts, _ = _collect(fake_github)
    assert facts.environments is None and facts.codeql_default_setup is None
    assert any("environments unknown" in n and "503" in n for n in facts.notices)
    assert facts.branch_protection is not None


def test_github_enterprise(fake_ghes):
    _configured(fake_ghes)
    facts, _ = _collect(fake_ghes)
    assert facts.default_branch == "main" and facts.codeql_default_setup is True
    assert all(r.path.startswith("/repos/octo/app") for r in fake_ghes.requests)


READS = ("repos/get", "repos/get-all-environments", "repos/get-branch-protection", "repos/get-branch-rules",
         "code-scanning/list-alerts-for-repo", "code-scanning/get-default-setup",
         "repos/list-deployment-branch-policies")
BAD = {"cut-off": Fault.cut_off(), "html": Fault.html(200), "text": Fault.not_json(200),
       "reset-reading": Fault.reset_while_reading(), "wrong-shape": Fault(status=200, raw=b'"a string"'),
       "redirect-elsewhere": Fault.redirect("http://elsewhere.invalid/x", 302)}


@pytest.mark.parametrize("op", READS)
@pytest.mark.parametrize("fault", BAD.values(), ids=BAD.keys())
def test_a_bad_answer_once_is_retried(fake_github, op, fault):
    _configured(fake_github)
    fake_github.inject(op, fault)
    facts, _ = _collect(fake_github)
    if "Location" in fault.headers:  # not followed to another host: that fact is unknown, said once
        assert len(facts.notices) == 1 and "redirect" in facts.notices[0]
        return
    assert facts.notices == (), facts.notices
    assert facts.required_status_checks == ("ci/test", "readiness-gate", "build")


@pytest.mark.parametrize("op", READS)
@pytest.mark.parametrize("fault", BAD.values(), ids=BAD.keys())
def test_a_bad_answer_every_time_is_unknown_with_a_notice_never_a_crash(fake_github, op, fault):
    _configured(fake_github)
    fake_github.inject(op, *[fault] * 10)
    facts, _ = _collect(fake_github)
    assert facts.notices and all(TOKEN not in n and "\n" not in n for n in facts.notices)
    assert len(fake_github.requests) <= 7 + 3 * 2  # bounded: each read tried 3 times at most


def test_everything_fits_one_deadline(fake_github):
    _configured(fake_github)
    fake_github.inject("repos/get-all-environments", Fault.too_many_requests(retry_after=50))
    fake_github.inject("code-scanning/list-alerts-for-repo", Fault.too_many_requests(retry_after=50))
    clock = FakeTime()
    facts = collect_api_facts("octo/app", TOKEN, api_url=fake_github.api_url, retries=2, sleep=clock.sleep,
                              clock=clock.clock, deadline=90)
    assert sum(clock.sleeps) <= 90 and clock.sleeps == [50]
    assert facts.environments is not None and facts.code_scanning_alerts is None
    assert any("asked to wait 50s" in n for n in facts.notices)


def test_a_token_with_a_line_break_is_a_notice(fake_github):
    facts = collect_api_facts("octo/app", TOKEN[:9] + "\n" + TOKEN[9:], api_url=fake_github.api_url)
    assert facts.environments is None and fake_github.requests == []
    assert len(facts.notices) == 1 and "line break" in facts.notices[0] and TOKEN[:9] not in facts.notices[0]
    _configured(fake_github)
    assert collect_api_facts("octo/app", TOKEN + "\n", api_url=fake_github.api_url).notices == ()  # stripped
