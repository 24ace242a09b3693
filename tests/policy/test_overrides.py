"""Each override changes a real report on a fixture repository."""
from __future__ import annotations

import datetime as dt

from .helpers import FIXTURES, blockers, gate_run, status


def test_severity_off_removes_a_blocker():
    _, strict, _ = gate_run("policy-severity-off", "production")
    _, ours, _ = gate_run("policy-severity-off")  # .github/readiness.yml: ci.tests-run off
    assert "ci.tests-run" in blockers(strict)
    assert status(ours, "ci.tests-run") is None
    assert blockers(ours) == [b for b in blockers(strict) if b != "ci.tests-run"]


def test_waiver_counts_through_its_expiry_day_then_the_failure_returns():
    _, before, card = gate_run("policy-waiver", today=dt.date(2025, 6, 30))
    waived = next(r for r in before.results if r.rule.id == "hardening.script-injection")
    assert waived.status == "waived" and waived.waiver["approved_by"] == "@example/security"
    assert card.verdict == "PASS" and not before.notices
    _, after, card = gate_run("policy-waiver", today=dt.date(2025, 7, 1))
    assert status(after, "hardening.script-injection") == "fail" and card.verdict == "FAIL"
    assert any("waiver for hardening.script-injection expired on 2025-06-30" in n for n in after.notices)


def test_a_waiver_with_paths_does_not_cover_a_failure_elsewhere(tmp_path):
    policy = tmp_path / "p.yml"
    policy.write_text("extends: production\nwaivers:\n  - rule: hardening.script-injection\n    reason: r\n"
                      "    expires: 2030-01-01\n    paths: [.github/workflows/ci.yml]\n")
    _, evaluation, _ = gate_run("policy-waiver", str(policy))
    assert status(evaluation, "hardening.script-injection") == "fail"


def test_branch_profile_fails_release_and_passes_a_feature_branch():
    pol, _, card = gate_run("policy-profiles", ref="release/1.2")
    assert (card.verdict, pol.profile, pol.chain[1]) == ("FAIL", "release/**", "regulated")
    assert "matches profile `release/**`" in pol.profile_reason
    pol, _, card = gate_run("policy-profiles", ref="feature/login")
    assert (card.verdict, pol.profile, pol.chain[1]) == ("PASS", None, "production")
    assert "matches no profile" in pol.profile_reason


def test_branch_profile_from_the_pull_request_event():
    env = {"GITHUB_BASE_REF": "release/2.0", "GITHUB_HEAD_REF": "fix/x", "GITHUB_REF": "refs/pull/7/merge"}
    pol, _, card = gate_run("policy-profiles", env=env)
    assert pol.profile == "release/**" and card.verdict == "FAIL"
    assert "GITHUB_BASE_REF: a pull request from fix/x into release/2.0" in pol.profile_reason
    pol, _, _ = gate_run("policy-profiles", env={"GITHUB_REF": "refs/heads/main"})
    assert pol.profile is None and "`refs/heads/main` (from GITHUB_REF)" in pol.profile_reason


def test_extending_the_test_command_recognisers_makes_tests_run_pass(tmp_path):
    policy = tmp_path / "p.yml"
    policy.write_text("extends: production\nsignatures:\n  test_commands: {extend: ['\\bshellcheck\\b']}\n")
    assert status(gate_run("policy-severity-off", "production")[1], "ci.tests-run") == "fail"
    assert status(gate_run("policy-severity-off", str(policy))[1], "ci.tests-run") == "pass"


def test_unknown_fail_and_threshold_change_the_verdict(tmp_path):
    unknown = tmp_path / "unknown.yml"
    unknown.write_text("extends: production\nunknown: fail\nrules:\n  governance.branch-protection: {severity: blocker}\n")
    _, evaluation, card = gate_run("policy-profiles", str(unknown))
    assert status(evaluation, "governance.branch-protection") == "unknown" and card.verdict == "FAIL"
    assert "governance.branch-protection" in card.reasons[0]
    strict = tmp_path / "strict.yml"
    strict.write_text("extends: production\nthreshold: 100\nrules:\n  ci.default-branch-push: {params: {default_branches: [trunk]}}\n")
    _, evaluation, card = gate_run("policy-profiles", str(strict))
    assert status(evaluation, "ci.default-branch-push") == "fail"
    assert card.verdict == "FAIL" and "under the policy's threshold 100" in card.reasons[-1]


def test_domain_weights_move_the_overall_score(tmp_path):
    only_ci = tmp_path / "only-ci.yml"
    zeros = ", ".join(f"{d}: 0" for d in ("security", "hardening", "iac", "delivery", "rollback", "observability",
                                          "resilience", "performance", "data", "governance", "custom"))
    only_ci.write_text(f"extends: production\nweights: {{ci: 1, {zeros}}}\n")
    _, _, base = gate_run("policy-severity-off", "production")
    _, _, weighted = gate_run("policy-severity-off", str(only_ci))
    ci = next(d.score for d in weighted.domains if d.id == "ci")
    assert weighted.score == ci and weighted.score != base.score
