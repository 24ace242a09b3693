"""Workflow collection on hostile files: each ends in a ci.workflow-valid finding with file:line."""

from gate.collect.repo import walk
from gate.collect.workflows import MAX_WORKFLOW_BYTES, collect_workflows, is_workflow_file

WF = ".github/workflows"
GOOD = "on: pull_request\njobs:\n  t:\n    runs-on: x\n    steps: [{run: pytest}]\n"


def _valid(run_rule, root):
    # the workflow reader itself must not hang on a hostile file (other collectors,
    # such as zizmor's subprocess, are bounded by their own tests)
    collect_workflows(walk(root))
    return run_rule(root, "ci.workflow-valid")


def test_is_workflow_file():
    assert is_workflow_file(f"{WF}/a.yml") and is_workflow_file(f"{WF}/a.yaml")
    assert not is_workflow_file(f"{WF}/sub/a.yml") and not is_workflow_file(f"{WF}/a.json")


def test_huge_workflow_is_reported_and_skipped(repo, run_rule):
    root = repo({f"{WF}/ci.yml": GOOD, f"{WF}/huge.yml": "# pad\n" * (MAX_WORKFLOW_BYTES // 6 + 10)})
    r = _valid(run_rule, root)
    assert r.status == "fail"
    assert any(d.startswith(f"{WF}/huge.yml") and "not read" in d for d in r.details)
    assert run_rule(root, "ci.tests-run").status == "pass"  # the rest is still judged


def test_binary_file_named_yml_is_reported(repo, run_rule):
    root = repo({f"{WF}/ci.yml": GOOD, f"{WF}/bin.yml": b"\x7fELF\x00\x00\x01" * 50})
    r = _valid(run_rule, root)
    assert r.status == "fail"
    assert [str(loc) for loc in r.locations] == [f"{WF}/bin.yml"]


def test_alias_bomb_workflow_fails_validation_with_a_line(repo, run_rule):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    root = repo({f"{WF}/bomb.yml": "\n".join(lines) + "\non: push\n"})
    r = _valid(run_rule, root)
    assert r.status == "fail" and "alias bomb" in r.message
    assert r.locations[0].path == f"{WF}/bomb.yml" and r.locations[0].line is not None


def test_deep_nesting_workflow_fails_validation(repo, run_rule):
    root = repo({f"{WF}/deep.yml": "on: " + "[" * 10_000 + "]" * 10_000 + "\n"})
    r = _valid(run_rule, root)
    assert r.status == "fail" and [str(x) for x in r.locations] == [f"{WF}/deep.yml:1"]


def test_multiple_documents_fail_validation_at_the_second(repo, run_rule):
    root = repo({f"{WF}/two.yml": GOOD + "---\n" + GOOD})
    r = _valid(run_rule, root)
    assert r.status == "fail" and [str(x) for x in r.locations] == [f"{WF}/two.yml:6"]


def test_invalid_yaml_is_a_finding_not_a_crash(repo, run_rule):
    root = repo({f"{WF}/bad.yml": "on: push\njobs:\n  a: [\n"})
    r = _valid(run_rule, root)
    assert r.status == "fail" and r.locations[0].path == f"{WF}/bad.yml" and r.locations[0].line


def test_not_a_mapping_is_a_finding(repo, run_rule):
    root = repo({f"{WF}/list.yml": "- a\n- b\n", f"{WF}/empty.yml": ""})
    r = _valid(run_rule, root)
    assert r.status == "fail"
    assert {x.path for x in r.locations} == {f"{WF}/list.yml", f"{WF}/empty.yml"}


def test_broken_local_action_is_reported(repo, run_rule):
    root = repo({".github/actions/x/action.yml": "runs: [\n",
                 f"{WF}/ci.yml": "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{uses: ./.github/actions/x}]\n"})
    r = _valid(run_rule, root)
    assert r.status == "fail" and r.locations[0].path == ".github/actions/x/action.yml"


def test_uses_leaving_the_repository_is_not_followed(repo, evidence_for):
    root = repo({f"{WF}/ci.yml": "on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{uses: ../../../etc}]\n"})
    ev = evidence_for(root)
    assert ev.workflows.actions == {}


def test_other_systems_pipelines_are_read_where_they_live_and_nowhere_else(repo):
    root = repo({
        ".azure-pipelines/ci.yml": "trigger: [main]\njobs:\n  - job: t\n    steps:\n      - script: make test\n",
        ".azure-pipelines/templates/steps.yml": "parameters:\n  - name: x\nsteps:\n  - script: echo\n",
        "deploy/k8s.yml": "apiVersion: v1\nkind: Service\n",
        "tests/corpus/other__repo/azure-pipelines.yml": "steps:\n  - script: make test\n",
        "vendor/lib/.gitlab-ci.yml": "test:\n  script: [make]\n",
        ".gitlab-ci.yml": "test:\n  script: [make test]\n",
        "Jenkinsfile": "pipeline {}\n",
    })
    ws = collect_workflows(walk(root))
    assert sorted((wf.system, wf.path) for wf in ws.foreign) == [("azure", ".azure-pipelines/ci.yml"),
                                                                 ("gitlab", ".gitlab-ci.yml")]
    assert ws.unread == [("Jenkins", "Jenkinsfile")]
    assert not ws.workflows  # GitHub readers (hardening, zizmor) never see them
    assert [wf.path for wf in ws.pipelines()] == [".azure-pipelines/ci.yml", ".gitlab-ci.yml"]
