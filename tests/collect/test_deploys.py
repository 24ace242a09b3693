"""Deploy facts: who deploys where, and what is only a stub."""
from gate.collect.deploys import is_stub
from gate.model.location import Location
from gate.model.workflow import Job, Step

WF = ".github/workflows"


def _job(*runs, uses=None):
    steps = [Step(loc=Location("w", i + 1), run=r) for i, r in enumerate(runs)]
    return Job(id="j", loc=Location("w", 1), workflow_path="w", steps=steps, uses=uses)


def test_echo_only_jobs_are_stubs():
    assert is_stub(_job('echo "deploying"', "sleep 5", "# comment"))
    assert not is_stub(_job("echo hi", "./deploy.sh"))
    assert not is_stub(_job(uses="./.github/workflows/x.yml"))


def test_a_library_has_no_deploys(evidence_for):
    ev = evidence_for("library-not-deployable")
    assert ev.deploys == [] and not ev.deployable


def test_deploy_config_alone_makes_a_repository_deployable(evidence_for):
    ev = evidence_for("no-ci-deployable")
    assert ev.deploys == [] and ev.deployable and ev.tree.deploy_files == ["Dockerfile"]


def test_command_deploy_without_environment(evidence_for, line_of):
    ev = evidence_for("delivery-deploy-without-environment")
    [d] = ev.deploys
    assert (d.job, d.how, d.environment, d.tier) == ("rollout", "command", "", None)
    assert d.loc == Location(f"{WF}/cd.yml", line_of("delivery-deploy-without-environment", f"{WF}/cd.yml",
                                                      "- name: Apply manifests"))


def test_environment_deploys_with_tiers_and_lines(evidence_for, line_of):
    name = "delivery-workflow-run-chain"
    ev = evidence_for(name)
    got = sorted((d.workflow, d.environment, d.tier, d.loc.line) for d in ev.deploys)
    assert got == [
        (f"{WF}/production.yml", "production", "production",
         line_of(name, f"{WF}/production.yml", "environment: production")),
        (f"{WF}/staging.yml", "staging", "staging", line_of(name, f"{WF}/staging.yml", "environment: staging")),
    ]


def test_stub_rollback_workflow_is_not_a_deploy(evidence_for):
    ev = evidence_for("rollback-echo-stub-only")
    assert {d.workflow for d in ev.deploys} == {f"{WF}/deploy.yml"}


def test_deploy_flag_names_the_environment(repo, evidence_for):
    root = repo({f"{WF}/d.yml": "on: push\njobs:\n  ship:\n    runs-on: x\n    steps:\n"
                                "      - run: npx serverless deploy --stage prod\n"})
    [d] = evidence_for(root).deploys
    assert (d.environment, d.tier, d.how, d.loc.line) == ("prod", "production", "command", 6)
