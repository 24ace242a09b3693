"""ci.* over the written forms of CI evidence: other CI systems, triggers that reach pull
requests without `pull_request:`, and tests reached through runners — each with its twin."""
import shutil
from pathlib import Path

import pytest

WF = ".github/workflows"


@pytest.mark.parametrize("fixture, rule, status, where, says", [
    # Azure Pipelines: `pr:` runs pull requests; the test step is in a local steps template
    ("ci-azure-pr-tests", "ci.pull-request-trigger", "pass", ("azure-pipelines.yml", "pr:"), "Azure Pipelines"),
    ("ci-azure-pr-tests", "ci.tests-run", "pass", ("templates/test-steps.yml", "python -m pytest"), "pytest"),
    ("ci-azure-pr-none", "ci.pull-request-trigger", "fail", None, "No pipeline runs on pull requests"),
    ("ci-azure-pr-none", "ci.tests-run", "fail", ("azure-pipelines.yml", "python -m pytest"), "only after merge"),
    # GitLab CI: merge request pipelines, a job from a local include, `make test` followed
    ("ci-gitlab-mr-tests", "ci.pull-request-trigger", "pass", None, "GitLab CI"),
    ("ci-gitlab-mr-tests", "ci.tests-run", "pass", ("ci/test.yml", "make test"), "`make test` in .gitlab-ci.yml (GitLab CI)"),
    ("ci-gitlab-branch-only", "ci.tests-run", "fail", None, "none runs a recognised test command"),
    # CircleCI: every pushed branch is built; a reusable command runs the tests
    ("ci-circleci-workflow", "ci.tests-run", "pass", (".circleci/config.yml", "command: npm test"), "not fork pull requests"),
    # Bitbucket: `pull-requests:` pipelines; tox followed into tox.ini
    ("ci-bitbucket-pull-requests", "ci.tests-run", "pass", ("bitbucket-pipelines.yml", "tox -e py"), "Bitbucket"),
    ("ci-bitbucket-branches-only", "ci.pull-request-trigger", "fail", None, "No pipeline runs on pull requests"),
    ("ci-bitbucket-branches-only", "ci.tests-run", "fail", ("bitbucket-pipelines.yml", "pytest -q"), "only after merge"),
    # GitHub: push to every branch tests same-repository pull requests, not forks
    ("ci-push-all-branches", "ci.tests-run", "pass", (f"{WF}/ci.yml", "go test"), "not fork pull requests"),
    ("ci-push-main-only", "ci.tests-run", "fail", (f"{WF}/ci.yml", "go test"), "only after merge"),
    # a step named for tests, command not followable: weaker evidence, said so; a lint step is not
    ("ci-named-test-step", "ci.tests-run", "pass", (f"{WF}/ci.yml", "run: ./bin/run-suite"), "weaker evidence"),
    ("ci-named-lint-step", "ci.tests-run", "fail", None, "none runs a recognised test command"),
    # ./scripts/test-unit.ts → yarn run coverage → jest, from the workflow's default working directory
    ("ci-tests-via-ts-script", "ci.tests-run", "pass", (f"{WF}/ci.yml", "tsx ./scripts/test-unit.ts"),
     "./scripts/test-unit.ts → yarn run coverage → jest"),
    # a workflow_run chained on the pull-request workflow counts for what it runs
    ("ci-workflow-run-tests", "ci.tests-run", "pass", (f"{WF}/test.yml", "python -m pytest"), "workflow_run"),
    # an action handed the test command (`with: commands:`) is the test step
    ("ci-tests-via-action-input", "ci.tests-run", "pass", (f"{WF}/ci.yml", "uses: example-org/java-ci-action"),
     "with commands: mvn --batch-mode verify"),
    # a step named for tests that downloads its tests from elsewhere is not this repository's tests
    ("ci-named-test-step-fetched", "ci.tests-run", "fail", None, "none runs a recognised test command"),
    # `branches-ignore` still runs every branch a pull request comes from
    ("ci-push-branches-ignore", "ci.pull-request-trigger", "pass", (f"{WF}/ci.yml", "push:"), "not fork pull requests"),
    # a compose service whose command runs the tests; the lint service beside it is not cited
    ("ci-tests-via-compose", "ci.tests-run", "pass", (f"{WF}/ci.yml", "up --exit-code-from tests"),
     "docker compose up tests → "),
])
def test_ci_forms(run_rule, locs, line_of, fixture, rule, status, where, says):
    r = run_rule(fixture, rule)
    assert r.status == status, r.message
    assert says in r.message
    if where:
        path, needle = where
        assert locs(r) == [f"{path}:{line_of(fixture, path, needle)}"]


def test_jenkins_only_is_ci_present_and_its_checks_unknown(run_rule, locs):
    present = run_rule("ci-jenkins-only", "ci.workflows-present")
    assert present.status == "pass" and locs(present) == ["Jenkinsfile"]
    for rule in ("ci.pull-request-trigger", "ci.tests-run"):
        r = run_rule("ci-jenkins-only", rule)
        assert r.status == "unknown", (rule, r.message)
        assert "Jenkins (Jenkinsfile)" in r.message


def test_remote_reusable_workflow_that_may_test_is_unknown(run_rule):
    r = run_rule("ci-tests-in-remote-workflow", "ci.tests-run")
    assert r.status == "unknown"
    assert "reusable workflow example-org/ci/.github/workflows/node-tests.yml@v2 (job `test`) at .github/workflows/ci.yml:5" in r.message


def test_a_docs_only_push_workflow_is_no_pull_request_check(run_rule):
    assert run_rule("ci-docs-push-only", "ci.pull-request-trigger").status == "fail"


def test_a_github_workflow_does_not_hide_an_azure_pipeline(tmp_path, run_rule):
    shutil.copytree(Path(__file__).parents[1] / "fixtures" / "ci-azure-pr-tests", tmp_path / "repo")
    wf = tmp_path / "repo" / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "stale.yml").write_text("on: [issues]\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n"
                                  "    steps: [{run: echo hi}]\n")
    r = run_rule(tmp_path / "repo", "ci.tests-run")
    assert r.status == "pass" and "Azure Pipelines" in r.message
