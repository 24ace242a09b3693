"""ci.* rules over fixture repositories: pass, fail, skip, and where they point."""
import pytest

WF = ".github/workflows"


def test_workflows_present_passes_with_a_workflow(run_rule):
    r = run_rule("library-not-deployable", "ci.workflows-present")
    assert r.status == "pass"
    assert "3 workflow file(s)" in r.message


def test_workflows_present_fails_without_any(run_rule, locs):
    r = run_rule("no-ci-deployable", "ci.workflows-present")
    assert r.status == "fail" and r.severity == "blocker"
    assert locs(r) == [WF]


def test_workflows_present_reads_another_ci_system(run_rule, locs):
    r = run_rule("ci-other-system", "ci.workflows-present")
    assert r.status == "pass"
    assert ".circleci/config.yml (CircleCI)" in r.message
    assert locs(r) == [".circleci/config.yml:1"]


def test_workflow_valid_passes_on_well_formed_workflows(run_rule):
    assert run_rule("library-not-deployable", "ci.workflow-valid").status == "pass"


def test_workflow_valid_skips_without_workflows(run_rule):
    assert run_rule("no-ci-deployable", "ci.workflow-valid").status == "skip"


def test_workflow_valid_fails_on_invalid_yaml_with_file_and_line(run_rule, locs, line_of):
    r = run_rule("ci-invalid-yaml", "ci.workflow-valid")
    bad = line_of("ci-invalid-yaml", f"{WF}/broken.yml", "bad: indentation")
    assert r.status == "fail"
    assert locs(r) == [f"{WF}/broken.yml:{bad}"]
    assert f"{WF}/broken.yml:{bad}" in r.message and "invalid YAML" in r.message


def test_workflow_valid_fails_on_schema_problems_each_at_its_line(run_rule, locs, line_of):
    name, path = "ci-schema-invalid", f"{WF}/ci.yml"
    r = run_rule(name, "ci.workflow-valid")
    assert r.status == "fail"
    expected = {
        f"{path}:{line_of(name, path, 'test:')}",             # job without runs-on
        f"{path}:{line_of(name, path, '- name: nothing to do')}",  # step without uses/run
        f"{path}:{line_of(name, path, 'needs: [tset]')}",     # needs an unknown job
    }
    assert set(locs(r)) == expected
    assert any("unknown job `tset`" in d for d in r.details)
    assert any("has no `runs-on:`" in d for d in r.details)


def test_unknown_needs_points_at_the_needs_line(run_rule, line_of):
    name, path = "ci-schema-invalid", f"{WF}/ci.yml"
    r = run_rule(name, "ci.workflow-valid")
    needs_line = line_of(name, path, "needs: [tset]")
    detail = next(d for d in r.details if "tset" in d)
    assert detail.startswith(f"{path}:{needs_line}:")


def test_pull_request_trigger_passes_at_the_trigger_line(run_rule, locs, line_of):
    r = run_rule("ci-pr-without-tests", "ci.pull-request-trigger")
    assert r.status == "pass"
    assert locs(r) == [f"{WF}/lint.yml:{line_of('ci-pr-without-tests', f'{WF}/lint.yml', 'pull_request:')}"]


def test_pull_request_trigger_fails_on_push_only(run_rule, locs, line_of):
    r = run_rule("ci-push-only", "ci.pull-request-trigger")
    assert r.status == "fail"
    assert locs(r) == [f"{WF}/ci.yml:{line_of('ci-push-only', f'{WF}/ci.yml', 'push:')}"]


def test_pull_request_trigger_fails_without_workflows(run_rule):
    assert run_rule("no-ci-deployable", "ci.pull-request-trigger").status == "fail"


def test_unparseable_only_workflow_is_not_reported_as_missing(run_rule):
    r = run_rule("ci-invalid-yaml", "ci.pull-request-trigger")
    assert r.status == "fail"
    assert "No GitHub Actions workflow" not in r.message


def test_tests_run_passes_at_the_test_command_line(run_rule, locs, line_of):
    r = run_rule("library-not-deployable", "ci.tests-run")
    assert r.status == "pass"
    line = line_of("library-not-deployable", f"{WF}/ci.yml", "python -m pytest -q")
    assert locs(r) == [f"{WF}/ci.yml:{line}"]


def test_tests_run_follows_makefile_prerequisites(run_rule, locs, line_of):
    r = run_rule("ci-tests-via-makefile", "ci.tests-run")
    assert r.status == "pass"
    # `make all` is no test command itself; its prerequisite `suite` runs pytest
    assert "make all" in r.message and "pytest" in r.message
    assert r.locations[0].path == f"{WF}/ci.yml"


def test_tests_run_via_recipe_points_at_the_run_line(run_rule, locs, line_of):
    r = run_rule("ci-tests-via-makefile", "ci.tests-run")
    assert locs(r) == [f"{WF}/ci.yml:{line_of('ci-tests-via-makefile', f'{WF}/ci.yml', 'run: make all')}"]


def test_tests_run_follows_a_local_composite_action(run_rule, locs, line_of):
    r = run_rule("ci-tests-via-composite-action", "ci.tests-run")
    assert r.status == "pass" and "go test" in r.message
    # the finding points at the command inside the action file
    line = line_of("ci-tests-via-composite-action", ".github/actions/test/action.yml", "go test")
    assert locs(r) == [f".github/actions/test/action.yml:{line}"]


def test_tests_run_follows_a_local_reusable_workflow(run_rule, locs, line_of):
    r = run_rule("ci-tests-via-reusable-workflow", "ci.tests-run")
    assert r.status == "pass" and "cargo test" in r.message
    line = line_of("ci-tests-via-reusable-workflow", f"{WF}/test-suite.yml", "cargo test")
    assert locs(r) == [f"{WF}/test-suite.yml:{line}"]


def test_tests_run_fails_when_tests_only_run_after_merge(run_rule, locs, line_of):
    r = run_rule("ci-push-only", "ci.tests-run")
    assert r.status == "fail" and "only after merge" in r.message
    assert locs(r) == [f"{WF}/ci.yml:{line_of('ci-push-only', f'{WF}/ci.yml', '  pytest')}"]


def test_tests_run_fails_when_pr_workflow_runs_no_tests(run_rule, locs):
    # cleanup.yml runs pytest, but only on closed pull requests: that is not before merge
    r = run_rule("ci-pr-without-tests", "ci.tests-run")
    assert r.status == "fail"
    assert locs(r) == [f"{WF}/lint.yml:1"]


def test_default_branch_push_passes_at_the_branch_filter_naming_it(run_rule, locs, line_of):
    r = run_rule("library-not-deployable", "ci.default-branch-push")
    assert r.status == "pass"
    assert locs(r) == [f"{WF}/ci.yml:{line_of('library-not-deployable', f'{WF}/ci.yml', 'branches: [main]')}"]


def test_default_branch_push_fails_for_feature_branch_pushes_only(run_rule):
    r = run_rule("ci-pr-without-tests", "ci.default-branch-push")
    assert r.status == "fail" and r.severity == "warning"
