"""hardening.* rules over fixture repositories, with exact lines."""
import pytest

WF = ".github/workflows"


def test_pinned_actions_passes_when_third_party_uses_are_pinned(run_rule):
    r = run_rule("library-not-deployable", "hardening.pinned-actions")
    assert r.status == "pass"
    assert "All 3 third-party" in r.message  # setup-uv, codeql init, codeql analyze


def test_pinned_actions_fails_at_each_unpinned_use(run_rule, locs, line_of):
    name, path = "hardening-unpinned-actions", f"{WF}/ci.yml"
    r = run_rule(name, "hardening.pinned-actions")
    assert r.status == "fail"
    assert "2 of 3" in r.message
    # the step-level `uses:` line, and the job that calls a remote reusable workflow
    assert locs(r) == [f"{path}:{line_of(name, path, 'codecov/codecov-action@v4')}",
                       f"{path}:{line_of(name, path, 'shared:')}"]
    assert any("example/workflows/.github/workflows/lint.yml@main" in d for d in r.details)


def test_pinned_actions_skips_with_first_party_actions_only(run_rule):
    # actions/*, docker:// and ./ are not third-party
    assert run_rule("hardening-first-party-actions-only", "hardening.pinned-actions").status == "skip"


def test_token_permissions_passes_when_every_workflow_sets_them(run_rule):
    assert run_rule("library-not-deployable", "hardening.token-permissions").status == "pass"


def test_token_permissions_fails_without_top_level_block(run_rule, locs):
    r = run_rule("hardening-first-party-actions-only", "hardening.token-permissions")
    assert r.status == "fail" and "without top-level `permissions:`" in r.message
    assert locs(r) == [f"{WF}/ci.yml:1"]


def test_token_permissions_fails_on_write_all_at_workflow_and_job(run_rule, locs, line_of):
    name = "hardening-write-all-permissions"
    r = run_rule(name, "hardening.token-permissions")
    assert r.status == "fail" and "write-all" in r.message
    assert locs(r) == [f"{WF}/ci.yml:{line_of(name, f'{WF}/ci.yml', 'permissions: write-all')}",
                       f"{WF}/release.yml:{line_of(name, f'{WF}/release.yml', 'tag:')}"]


def test_token_permissions_skips_without_workflows(run_rule):
    assert run_rule("no-ci-deployable", "hardening.token-permissions").status == "skip"


def test_dangerous_triggers_fails_on_pr_head_checkout(run_rule, locs, line_of):
    name, path = "hardening-pull-request-target-checkout", f"{WF}/pr-target.yml"
    r = run_rule(name, "hardening.dangerous-triggers")
    assert r.status == "fail" and r.severity == "blocker"
    assert locs(r) == [f"{path}:{line_of(name, path, 'uses: actions/checkout@v4')}"]


def test_dangerous_triggers_passes_when_base_is_checked_out(run_rule):
    assert run_rule("hardening-pull-request-target-safe", "hardening.dangerous-triggers").status == "pass"


def test_dangerous_triggers_fails_on_gh_pr_checkout_under_workflow_run(run_rule, repo, locs):
    root = repo({".github/workflows/after.yml": (
        "on:\n"
        "  workflow_run:\n"
        "    workflows: [CI]\n"
        "    types: [completed]\n"
        "permissions: {contents: read}\n"
        "jobs:\n"
        "  comment:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: gh pr checkout ${{ github.event.workflow_run.pull_requests[0].number }} && make\n")})
    r = run_rule(root, "hardening.dangerous-triggers")
    assert r.status == "fail"
    assert locs(r) == [f"{WF}/after.yml:10"]


def test_script_injection_fails_at_the_exact_script_lines(run_rule, locs, line_of):
    name, path = "hardening-script-injection", f"{WF}/triage.yml"
    r = run_rule(name, "hardening.script-injection")
    assert r.status == "fail"
    got = locs(r)
    # a block scalar: the line inside the script, not the `run:` line
    assert got[0] == f"{path}:{line_of(name, path, 'github.event.pull_request.title')}"
    assert got[1] == f"{path}:{line_of(name, path, 'github.event.comment.body')}"
    assert len(got) == 3 and got[2].startswith(path)


def test_script_injection_in_github_script_points_at_the_script_line(run_rule, locs, line_of):
    name, path = "hardening-script-injection", f"{WF}/triage.yml"
    r = run_rule(name, "hardening.script-injection")
    assert locs(r)[2] == f"{path}:{line_of(name, path, 'script: console.log')}"


def test_script_injection_passes_when_values_go_through_env(run_rule):
    # dispatch inputs come from people with write access: not flagged on workflow_dispatch
    assert run_rule("hardening-script-injection-via-env", "hardening.script-injection").status == "pass"


def test_script_injection_skips_without_workflows(run_rule):
    assert run_rule("no-ci-deployable", "hardening.script-injection").status == "skip"
