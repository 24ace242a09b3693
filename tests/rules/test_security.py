"""security.* rules (the ones needing no scanner) over fixture repositories."""
import pytest

WF = ".github/workflows"


def test_codeql_workflow_passes_on_pr_and_push(run_rule, locs, line_of):
    r = run_rule("library-not-deployable", "security.codeql-workflow")
    assert r.status == "pass"
    line = line_of("library-not-deployable", f"{WF}/codeql.yml", "github/codeql-action/init@")
    assert locs(r) == [f"{WF}/codeql.yml:{line}"]


def test_codeql_workflow_fails_when_only_scheduled(run_rule, locs, line_of):
    r = run_rule("security-codeql-schedule-only", "security.codeql-workflow")
    assert r.status == "fail" and "schedule" in r.message
    line = line_of("security-codeql-schedule-only", f"{WF}/codeql.yml", "schedule:")
    assert locs(r) == [f"{WF}/codeql.yml:{line}"]


def test_codeql_workflow_fails_without_codeql(run_rule):
    assert run_rule("ci-push-only", "security.codeql-workflow").status == "fail"


def test_codeql_languages_fails_for_an_unscanned_language(run_rule, locs, line_of):
    name = "security-codeql-misses-a-language"
    r = run_rule(name, "security.codeql-languages")
    assert r.status == "fail"
    assert "javascript-typescript" in r.message and "web/src/index.ts" in r.message
    assert "python" not in r.message
    assert locs(r) == [f"{WF}/codeql.yml:{line_of(name, f'{WF}/codeql.yml', 'codeql-action/init')}"]


def test_codeql_languages_reads_the_matrix_and_aliases(run_rule):
    # matrix.language: [python, typescript]; typescript is CodeQL's javascript-typescript
    r = run_rule("security-codeql-matrix-languages", "security.codeql-languages")
    assert r.status == "pass"
    assert "javascript-typescript" in r.message and "python" in r.message


def test_codeql_languages_skips_without_codeql(run_rule):
    assert run_rule("ci-push-only", "security.codeql-languages").status == "skip"


def test_dependency_updates_passes_with_dependabot(run_rule, locs):
    r = run_rule("library-not-deployable", "security.dependency-updates")
    assert r.status == "pass"
    assert locs(r) == [".github/dependabot.yml:1"]


def test_dependency_updates_fails_without_a_bot(run_rule, locs):
    r = run_rule("no-ci-deployable", "security.dependency-updates")
    assert r.status == "fail"
    assert locs(r) == [".github/dependabot.yml"]


def test_code_scanning_alerts_skips_without_a_token(run_rule):
    r = run_rule("library-not-deployable", "security.code-scanning-alerts")
    assert r.status == "unknown" and r.counts_as == "skip"
    assert "token" in r.message


def test_code_scanning_alerts_unknown_fails_under_regulated(run_rule):
    r = run_rule("library-not-deployable", "security.code-scanning-alerts", policy="regulated")
    assert r.status == "unknown" and r.blocking and r.severity == "blocker"
    assert "token" in r.message


@pytest.mark.parametrize("fixture, status, where, says", [
    # CodeQL in a local reusable workflow, called on pull requests and pushes: the init step is cited
    ("ci-codeql-local-reusable", "pass", (f"{WF}/codeql-analysis.yml", "codeql-action/init"), "pull requests and pushes"),
    # delegated to a remote reusable workflow: out of sight, so unknown (the policy decides what that counts as)
    ("ci-codeql-remote-reusable", "unknown", None, "example-org/shared-workflows/.github/workflows/codeql.yml@v3"),
    # the same remote workflow, only on a schedule: visibly not on pull requests
    ("ci-codeql-remote-reusable-scheduled", "fail", (f"{WF}/security.yml", "schedule:"), "runs only on schedule"),
    # a reusable scan run on pull requests itself and called by the push workflow runs on both
    ("ci-codeql-called-from-pr-and-push", "pass", (f"{WF}/scan.yml", "codeql-action/init"), "pull requests and pushes"),
    ("ci-codeql-called-from-push-only", "fail", (f"{WF}/post-merge.yml", "push:"), "runs only on push"),
    # init without analyze analyses nothing
    ("ci-codeql-init-only", "fail", (f"{WF}/codeql.yml", "codeql-action/init"), "without analyze"),
])
def test_codeql_workflow_forms(run_rule, locs, line_of, fixture, status, where, says):
    r = run_rule(fixture, "security.codeql-workflow")
    # unknown shows as a skip where the policy says `unknown: skip`
    assert r.status == status or (status == "unknown" and r.status == "skip"), r.message
    assert says in r.message
    if where:
        path, needle = where
        assert locs(r) == [f"{path}:{line_of(fixture, path, needle)}"]
