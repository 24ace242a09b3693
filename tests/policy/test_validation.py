"""Bad policies: every problem listed as `file:line: key: what is wrong`, exit 2."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from gate.policy.cli import policy_group
from gate.policy.load import MAX_POLICY_BYTES, PolicyError, load_policy

from .helpers import FIXTURES, catalogue


def errors_of(repo: Path, **kw) -> list[str]:
    with pytest.raises(PolicyError) as exc:
        load_policy(None, repo, env={}, rules=catalogue(), **kw)
    return str(exc.value).splitlines()


def validate(*args: str, **kw):
    """`readiness-gate policy validate`, with the rule catalogue the main command group passes."""
    return CliRunner().invoke(policy_group, ["validate", *args], obj={"rule_catalogue": catalogue}, **kw)


def repo_with(tmp_path: Path, text: str, name: str = ".github/readiness.yml") -> Path:
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    return tmp_path


def test_schema_invalid_policy_lists_every_error_with_file_line_and_key():
    assert errors_of(FIXTURES / "policy-invalid") == [
        ".github/readiness.yml:2: threshold: expected integer, got the text 'high'; give a whole number from 0 to 100",
        ".github/readiness.yml:3: unknwon: unknown key; did you mean `unknown`?",
        ".github/readiness.yml:5: rules.ci.test-run: unknown rule id `ci.test-run`; did you mean `ci.tests-run`?",
        ".github/readiness.yml:6: rules.hardening.pinned-actions.severity: give blocker, warning, info or off "
        "(got the text 'critical')",
        ".github/readiness.yml:10: waivers[0].expires: `2025-02-30` is not a date; give YYYY-MM-DD",
    ]


def test_wrong_type_names_line_key_and_expected_type(tmp_path):
    repo = repo_with(tmp_path, "extends: production\nweights:\n  ci: [3]\n")
    assert errors_of(repo) == [".github/readiness.yml:3: weights.ci: expected number, got a list; give a number of 0 or more"]


def test_unknown_key_nested_in_a_waiver(tmp_path):
    repo = repo_with(tmp_path, "extends: production\nwaivers:\n  - rule: ci.tests-run\n    reason: r\n"
                               "    expires: 2030-01-01\n    approver: me\n")
    assert errors_of(repo) == [".github/readiness.yml:6: waivers[0].approver: unknown key; did you mean `approved_by`?"]


def test_bad_date_shape_and_impossible_date(tmp_path):
    repo = repo_with(tmp_path, "waivers:\n  - {rule: ci.tests-run, reason: r, expires: next week}\n"
                               "  - {rule: ci.tests-run, reason: r, expires: 2025-13-01}\n")
    assert errors_of(repo) == [
        ".github/readiness.yml:2: waivers[0].expires: give a date as YYYY-MM-DD (got the text 'next week')",
        ".github/readiness.yml:3: waivers[1].expires: `2025-13-01` is not a date; give YYYY-MM-DD",
    ]


def test_unknown_rule_id_in_rules_and_in_a_waiver(tmp_path):
    repo = repo_with(tmp_path, "rules:\n  ci.unit-tests: {severity: off}\n"
                               "waivers:\n  - {rule: custom.nothing, reason: r, expires: 2030-01-01}\n")
    assert errors_of(repo) == [
        ".github/readiness.yml:2: rules.ci.unit-tests: unknown rule id `ci.unit-tests`; did you mean `ci.tests-run`?",
        ".github/readiness.yml:4: waivers[0].rule: unknown rule id `custom.nothing`; `readiness-gate rules` lists them",
    ]


def test_extends_cycle_is_named_with_its_path():
    assert errors_of(FIXTURES / "policy-extends-cycle") == [
        ".github/team.yml:2: extends: `extends:` cycle: .github/readiness.yml -> .github/team.yml -> .github/readiness.yml"]


def test_unknown_param_bad_regex_and_two_checks_in_one_custom_rule(tmp_path):
    repo = repo_with(tmp_path, (
        "rules:\n  ci.default-branch-push: {params: {branches: [main]}}\n"
        "signatures:\n  test_commands: {extend: ['(unclosed']}\n"
        "custom_rules:\n  - id: custom.x\n    title: t\n    remediation: r\n    exists: a\n    fresh: {paths: a, max_age_days: 3}\n"))
    errors = errors_of(repo)
    assert errors[0] == (".github/readiness.yml:2: rules.ci.default-branch-push.params.branches: "
                         "unknown param of ci.default-branch-push; it takes: default_branches")
    assert errors[1].startswith(".github/readiness.yml:4: signatures.test_commands.extend[0]: `(unclosed` is not a valid "
                                "regular expression (missing ), unterminated subpattern at position 0)")
    assert errors[2] == (".github/readiness.yml:10: custom_rules[0].fresh: give exactly one check of: "
                         "exists, file_matches, file_not_matches, workflow_step, fresh (found exists, fresh)")
    assert len(errors) == 3


def test_cli_validate_exits_2_and_prints_every_error():
    result = validate("--repo", str(FIXTURES / "policy-invalid"))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 5 and all(line.startswith("readiness-gate: error: .github/readiness.yml:") for line in lines)


def test_cli_validate_accepts_a_good_file_and_the_presets():
    ok = validate("--repo", str(FIXTURES / "policy-custom"), env={"GITHUB_REF": ""})
    assert ok.exit_code == 0, ok.output
    assert "6 custom rule(s)" in ok.output
    for preset in ("baseline", "production", "regulated"):
        assert validate(preset).exit_code == 0


def test_repository_file_is_found_else_production(tmp_path):
    assert load_policy(None, tmp_path, env={}).name == "production"
    repo_with(tmp_path, "name: ours\nextends: baseline\n", ".github/readiness.yaml")
    policy = load_policy(None, tmp_path, env={})
    assert (policy.name, policy.source, policy.chain[:2]) == ("ours", ".github/readiness.yaml", [".github/readiness.yaml", "baseline"])
    assert load_policy("regulated", tmp_path, env={}).name == "regulated"  # --policy wins


def test_a_link_out_of_the_repository_is_not_followed(tmp_path):
    outside = tmp_path / "outside.yml"
    outside.write_text("extends: baseline\n")
    repo = tmp_path / "repo"
    (repo / ".github").mkdir(parents=True)
    os.symlink(outside, repo / ".github" / "readiness.yml")
    assert errors_of(repo) == [".github/readiness.yml: a link out of the repository; not followed"]


def test_a_repository_policy_may_not_extend_a_file_outside_it(tmp_path):
    (tmp_path / "team.yml").write_text("extends: baseline\n")
    repo = repo_with(tmp_path / "repo", "extends: ../../team.yml\n")
    assert errors_of(repo)[0].startswith(".github/readiness.yml:1: extends: policy `../../team.yml` is outside the repository")


def test_an_oversized_policy_is_refused(tmp_path):
    repo = repo_with(tmp_path, "# " + "x" * MAX_POLICY_BYTES + "\n")
    assert errors_of(repo) == [f".github/readiness.yml: larger than {MAX_POLICY_BYTES} bytes; a policy is a short file"]


def test_show_prints_the_effective_policy_with_its_profile():
    result = CliRunner().invoke(policy_group, ["show", "--repo", str(FIXTURES / "policy-profiles"), "--ref", "release/1.2"])
    assert result.exit_code == 0, result.output
    assert "# profile: release/**: ref `release/1.2` (from --ref) matches profile `release/**` → regulated" in result.output
    assert "unknown: fail" in result.output and "threshold: 80" in result.output
