"""The workflow model and its resolution, on tricky but real-world workflow shapes."""

import pytest

from gate.model import query, resolve
from gate.model.workflow import parse_workflow
from gate.model.yamlsafe import load

WF = ".github/workflows"


def wf_of(text, path=f"{WF}/w.yml"):
    return parse_workflow(path, load(text))


@pytest.mark.parametrize("text, events", [
    ("on: push\njobs: {}\n", ["push"]),
    ("on: [push, pull_request]\njobs: {}\n", ["push", "pull_request"]),
    ("on:\n  push:\n    branches: [main]\n  workflow_dispatch:\njobs: {}\n", ["push", "workflow_dispatch"]),
    ("on: yes\njobs: {}\n", ["yes"]),  # YAML 1.1 would make this True; GitHub reads an event name
])
def test_triggers_as_string_list_and_map(text, events):
    wf = wf_of(text)
    assert list(wf.triggers) == events
    assert not [p for p in wf.problems if "`on:`" in p[1]]


def test_trigger_lines():
    wf = wf_of("name: x\non:\n  pull_request:\n  push:\njobs: {}\n")
    assert wf.trigger_loc("pull_request").line == 3 and wf.trigger_loc("push").line == 4
    wf = wf_of("name: x\non: [push, pull_request]\njobs: {}\n")
    assert wf.trigger_loc("pull_request").line == 2


def test_missing_on_is_a_problem_with_a_line():
    wf = wf_of("name: x\njobs:\n  a: {runs-on: x, steps: [{run: ls}]}\n")
    assert any("no `on:`" in msg for _, msg in wf.problems)


def test_pull_request_closed_only_is_not_a_pr_run():
    assert not query.runs_on_pull_requests(wf_of("on:\n  pull_request:\n    types: [closed]\njobs: {}\n"))
    assert query.runs_on_pull_requests(wf_of("on:\n  pull_request:\n    types: [opened, closed]\njobs: {}\n"))
    assert query.runs_on_pull_requests(wf_of("on: merge_group\njobs: {}\n"))


def test_step_lines_and_run_lines():
    wf = wf_of("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - name: one\n        run: |\n"
               "          echo a\n          pytest\n")
    step = wf.jobs["a"].steps[0]
    assert step.loc.line == 6 and step.run_line == 7
    assert step.line_in_run(step.run.index("pytest")) == 9


@pytest.mark.parametrize("expr, ctx, expected", [
    ("${{ inputs.environment }}", {"inputs.environment": ["staging"]}, ["staging"]),
    ("${{ github.event.inputs.environment }}", {"inputs.environment": ["qa", "production"]}, ["qa", "production"]),
    ("${{ github.ref == 'refs/heads/main' && 'production' || 'staging' }}", {}, ["production", "staging"]),
    ("${{ matrix.env }}", {"matrix.env": ["dev", "prod"]}, ["dev", "prod"]),
    ("deploy-${{ matrix.env }}", {"matrix.env": ["a", "b"]}, ["deploy-a", "deploy-b"]),
    ({"name": "production", "url": "https://x"}, {}, ["production"]),
    ("${{ vars.TARGET }}", {}, ["${{ vars.TARGET }}"]),  # unresolvable: kept verbatim
])
def test_resolve_value(expr, ctx, expected):
    assert resolve.resolve_value(expr, ctx) == expected


def test_matrix_values_count_include_entries():
    values = resolve.matrix_values({"env": ["dev", "prod"], "include": [{"env": "qa", "region": "eu"}]})
    assert values["env"] == ["dev", "prod", "qa"] and values["region"] == ["eu"]


def test_matrix_exclude_removes_a_value_no_combination_keeps(evidence_for):
    ev = evidence_for("delivery-matrix-environments")
    assert sorted(d.environment for d in ev.deploys) == ["production", "qa", "staging"]


def test_matrix_feeds_environment(evidence_for):
    ev = evidence_for("delivery-matrix-environments")
    envs = {d.environment for d in ev.deploys}
    assert {"staging", "production", "qa"} <= envs  # include adds qa


def test_dispatch_choice_options_feed_environment(evidence_for):
    ev = evidence_for("delivery-dispatch-choice-environment")
    assert sorted(d.environment for d in ev.deploys) == ["production", "staging"]


def test_environment_typed_input_can_name_any_known_environment(evidence_for, repo):
    root = repo({
        f"{WF}/stage.yml": "on: push\njobs:\n  s:\n    runs-on: x\n    environment: staging\n    steps: [{run: ./deploy.sh}]\n",
        f"{WF}/manual.yml": ("on:\n  workflow_dispatch:\n    inputs:\n      where: {type: environment}\n"
                             "jobs:\n  m:\n    runs-on: x\n    environment: ${{ inputs.where }}\n"
                             "    steps: [{run: ./deploy.sh}]\n"),
    })
    ev = evidence_for(root)
    manual = {d.environment for d in ev.deploys if d.workflow.endswith("manual.yml")}
    assert "staging" in manual


def test_two_callers_of_one_reusable_workflow_deploy_to_their_own_environment(evidence_for, locs):
    ev = evidence_for("delivery-two-callers-same-reusable-workflow")
    by_caller = {}
    for d in ev.deploys:
        by_caller.setdefault(d.workflow, set()).add(d.environment)
    assert by_caller == {f"{WF}/staging.yml": {"staging"}, f"{WF}/production.yml": {"production"}}
    # the called workflow is only callable: it deploys through its callers, not on its own
    assert f"{WF}/deploy.yml" not in by_caller


def test_one_caller_with_two_calls_keeps_each_environment_on_its_job(evidence_for):
    ev = evidence_for("delivery-reusable-workflow-with-environment-input")
    jobs = {}
    for d in ev.deploys:
        jobs.setdefault(d.job, set()).add(d.environment)
    assert jobs == {"to-staging": {"staging"}, "to-production": {"production"}}
    # deploys found inside the called workflow point into it; the call itself stays at the caller
    inner = [d for d in ev.deploys if d.called and d.how == "environment"]
    assert inner and {d.loc.path for d in inner} == {f"{WF}/deploy.yml"}
    assert all(d.called == f"{WF}/deploy.yml" for d in ev.deploys if d.how == "input")


def test_composite_actions_are_expanded_in_place(evidence_for):
    ev = evidence_for("ci-tests-via-composite-action")
    steps = ev.workflows.workflows[f"{WF}/ci.yml"].jobs["test"].steps
    assert [s.uses or s.run for s in steps] == ["actions/checkout@v4", "./.github/actions/test", "go test ./..."]
    assert steps[2].via.path == f"{WF}/ci.yml" and steps[2].via.line == 8


def test_composite_action_cycle_terminates(evidence_for, repo):
    action = "runs:\n  using: composite\n  steps:\n    - run: echo {me}\n      shell: bash\n    - uses: ./.github/actions/{other}\n"
    root = repo({
        ".github/actions/a/action.yml": action.format(me="a", other="b"),
        ".github/actions/b/action.yml": action.format(me="b", other="a"),
        f"{WF}/ci.yml": "on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - uses: ./.github/actions/a\n",
    })
    ev = evidence_for(root)
    runs = [s.run for s in ev.workflows.workflows[f"{WF}/ci.yml"].jobs["j"].steps if s.run]
    assert runs == ["echo a", "echo b"]  # each action expanded once, then the cycle stops


def test_composite_action_inputs_are_substituted():
    from gate.model.workflow import Step
    from gate.model.location import Location
    assert resolve._subst_inputs("deploy ${{ inputs.env }}", {"env": "staging"}) == "deploy staging"
    step = Step(loc=Location("x", 1), run="a ${{ inputs.x }}")
    assert resolve._subst_inputs(step.run, {"x": "${{ secrets.Y }}"}) == "a ${{ inputs.x }}"


def test_needs_closure_is_transitive_and_tolerates_cycles():
    wf = wf_of("on: push\njobs:\n"
               "  a: {runs-on: x, steps: [{run: ls}], needs: c}\n"
               "  b: {runs-on: x, steps: [{run: ls}], needs: a}\n"
               "  c: {runs-on: x, steps: [{run: ls}], needs: [b]}\n"
               "  d: {runs-on: x, steps: [{run: ls}], needs: [b, ghost]}\n")
    assert resolve.needs_closure(wf, "d") == {"a", "b", "c"}
    assert resolve.needs_closure(wf, "a") == {"a", "b", "c"}
    assert any("unknown job `ghost`" in msg for _, msg in wf.problems)


def test_workflow_run_chain_finds_its_source_by_name(evidence_for):
    ev = evidence_for("delivery-workflow-run-chain")
    wfs = ev.workflows.workflows
    sources = resolve.workflow_run_sources(wfs[f"{WF}/production.yml"], resolve.workflow_names(wfs))
    assert [(s.path, ok) for s, ok in sources] == [(f"{WF}/staging.yml", True)]


def test_reusable_workflow_call_is_linked(evidence_for):
    ev = evidence_for("ci-tests-via-reusable-workflow")
    job = ev.workflows.workflows[f"{WF}/ci.yml"].jobs["tests"]
    assert job.called is ev.workflows.workflows[f"{WF}/test-suite.yml"]
    assert [s.run for _, s in query.job_steps(job) if s.run] == ["cargo test --all"]


def test_a_reusable_workflow_calling_itself_terminates(evidence_for, repo):
    root = repo({f"{WF}/loop.yml": "on: [push, workflow_call]\njobs:\n  again:\n    uses: ./.github/workflows/loop.yml\n"})
    ev = evidence_for(root)
    job = ev.workflows.workflows[f"{WF}/loop.yml"].jobs["again"]
    assert len(list(query.job_steps(job))) == 0


def test_each_step_carries_its_working_directory():
    wf = wf_of("""\
on: push
defaults:
  run:
    working-directory: ./services/api/
jobs:
  a:
    runs-on: x
    steps:
      - run: make test
      - run: npm test
        working-directory: web
  b:
    runs-on: x
    defaults:
      run:
        working-directory: ${{ matrix.dir }}
    steps:
      - run: make test
      - run: make test
        working-directory: ../tools
""")
    a, b = wf.jobs["a"].steps, wf.jobs["b"].steps
    assert [s.working_directory for s in a] == ["services/api", "web"]
    assert b[0].working_directory is None and b[0].workdir == ""  # an expression decides it
    assert b[1].working_directory == "tools"


def test_composite_action_steps_keep_their_own_working_directory():
    from gate.model.workflow import parse_action

    action = parse_action(".github/actions/t/action.yml", load(
        "runs:\n  using: composite\n  steps:\n    - run: go test ./...\n      shell: bash\n      working-directory: svc\n"))
    wf = wf_of("on: push\njobs:\n  a:\n    runs-on: x\n    defaults: {run: {working-directory: web}}\n"
               "    steps:\n      - uses: ./.github/actions/t\n")
    steps = resolve.expand_actions(wf.jobs["a"].steps, lambda uses: action)
    assert [s.working_directory for s in steps] == ["web", "svc"]


def test_a_working_directory_named_by_a_literal_env_value_is_that_folder():
    wf = wf_of("on: push\nenv:\n  DIR: docs/schema\njobs:\n  a:\n    runs-on: x\n    steps:\n"
               "      - run: npm run build\n        working-directory: ${{ env.DIR }}\n"
               "      - run: npm run build\n        working-directory: ${{ env.OTHER }}\n")
    assert [s.working_directory for s in wf.jobs["a"].steps] == ["docs/schema", None]
