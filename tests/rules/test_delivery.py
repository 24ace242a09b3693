"""delivery.* rules: environments, promotion order, branch restriction, concurrency."""
import pytest

WF = ".github/workflows"
LIBRARY = "library-not-deployable"
DELIVERY = ["delivery.environments-declared", "delivery.promotion-order", "delivery.production-branch-restricted",
            "delivery.deploy-concurrency", "delivery.production-protected"]


@pytest.mark.parametrize("rule_id", DELIVERY)
@pytest.mark.parametrize("fixture", [LIBRARY, "library-package-release"])
def test_a_library_skips_delivery(run_rule, rule_id, fixture):
    # a TestPyPI -> PyPI pipeline is a release, not a production deploy
    r = run_rule(fixture, rule_id)
    assert r.status == "skip"
    assert r.message.startswith("Does not apply to a library")


def test_deployable_without_pipeline_fails_once_at_the_deploy_config(run_rule, locs):
    r = run_rule("no-ci-deployable", "delivery.environments-declared")
    assert r.status == "fail" and r.severity == "blocker"
    assert locs(r) == ["Dockerfile:1"]
    assert "no workflow deploys it" in r.message


@pytest.mark.parametrize("rule_id", ["delivery.promotion-order", "delivery.production-branch-restricted",
                                     "delivery.deploy-concurrency", "rollback.path-present",
                                     "rollback.post-deploy-verification"])
def test_without_pipeline_the_pipeline_rules_point_at_the_root_cause(run_rule, rule_id):
    r = run_rule("no-ci-deployable", rule_id)
    assert r.status == "skip"
    assert r.message == "Not judged: no deploy pipeline (see delivery.environments-declared)."


def test_environments_declared_passes_at_the_environment_line(run_rule, locs, line_of):
    name, path = "delivery-needs-chain-staging-to-production", f"{WF}/deploy.yml"
    r = run_rule(name, "delivery.environments-declared")
    assert r.status == "pass" and "production, staging" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'environment: staging')}"]


def test_environments_declared_fails_at_the_deploy_step(run_rule, locs, line_of):
    name, path = "delivery-deploy-without-environment", f"{WF}/cd.yml"
    r = run_rule(name, "delivery.environments-declared")
    assert r.status == "fail" and "`rollout`" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, '- name: Apply manifests')}"]


def test_promotion_order_passes_through_a_transitive_needs_chain(run_rule, locs, line_of):
    # deploy-production needs gate, gate needs deploy-staging
    name, path = "delivery-needs-chain-staging-to-production", f"{WF}/deploy.yml"
    r = run_rule(name, "delivery.promotion-order")
    assert r.status == "pass" and "needs `deploy-staging` (staging)" in r.message
    env_line = line_of(name, path, "name: production") - 1  # `environment:` mapping above `name:`
    assert locs(r) == [f"{path}:{env_line}"]


def test_promotion_order_fails_without_staging(run_rule, locs, line_of):
    name, path = "delivery-production-without-staging", f"{WF}/deploy.yml"
    r = run_rule(name, "delivery.promotion-order")
    assert r.status == "fail" and "`ship`" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'environment: production')}"]


def test_promotion_order_fails_when_only_staging_is_deployed(run_rule, repo):
    root = repo({
        "Dockerfile": "FROM scratch\n",
        ".github/workflows/d.yml": "on: push\njobs:\n  d:\n    runs-on: x\n    environment: staging\n"
                                   "    steps:\n      - run: ./deploy.sh\n"})
    r = run_rule(root, "delivery.promotion-order")
    assert r.status == "fail" and "No production deploy" in r.message and "staging" in r.message


def test_promotion_order_passes_with_sequenced_reusable_calls(run_rule, locs, line_of):
    name, path = "delivery-reusable-workflow-with-environment-input", f"{WF}/pipeline.yml"
    r = run_rule(name, "delivery.promotion-order")
    assert r.status == "pass" and "needs `to-staging` (staging)" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'to-production:')}"]


def test_promotion_order_fails_for_a_dispatch_straight_to_production(run_rule):
    # the same reusable workflow called by a staging and a production workflow, unordered
    r = run_rule("delivery-two-callers-same-reusable-workflow", "delivery.promotion-order")
    assert r.status == "fail"
    assert f"{WF}/production.yml" in r.message


def test_promotion_order_fails_for_parallel_matrix_environments(run_rule):
    # staging and production as matrix legs run in parallel: nothing orders them
    assert run_rule("delivery-matrix-environments", "delivery.promotion-order").status == "fail"


def test_promotion_order_fails_when_a_dispatch_input_can_choose_production(run_rule):
    assert run_rule("delivery-dispatch-choice-environment", "delivery.promotion-order").status == "fail"


def test_promotion_order_passes_through_a_workflow_run_chain(run_rule, locs, line_of):
    name = "delivery-workflow-run-chain"
    r = run_rule(name, "delivery.promotion-order")
    assert r.status == "pass" and f"workflow_run after {WF}/staging.yml" in r.message
    # the evidence of the order is the trigger that chains production on staging
    assert locs(r) == [f"{WF}/production.yml:{line_of(name, f'{WF}/production.yml', 'workflow_run:')}"]


def test_promotion_order_passes_through_a_release_chain(run_rule):
    r = run_rule("delivery-release-chain", "delivery.promotion-order")
    assert r.status == "pass" and "release published from the draft" in r.message


def test_branch_restricted_passes_with_a_ref_guard(run_rule):
    assert run_rule("delivery-needs-chain-staging-to-production",
                    "delivery.production-branch-restricted").status == "pass"


def test_branch_restricted_fails_for_any_branch_push_and_dispatch(run_rule, locs, line_of):
    name, path = "delivery-production-without-staging", f"{WF}/deploy.yml"
    r = run_rule(name, "delivery.production-branch-restricted")
    assert r.status == "fail" and "push" in r.message and "workflow_dispatch" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'environment: production')}"]


def test_branch_restricted_passes_for_release_triggered_production(run_rule):
    assert run_rule("delivery-release-chain", "delivery.production-branch-restricted").status == "pass"


def test_branch_restricted_skips_without_production(run_rule, repo):
    root = repo({
        "Dockerfile": "FROM scratch\n",
        ".github/workflows/d.yml": "on: push\njobs:\n  d:\n    runs-on: x\n    environment: staging\n"
                                   "    steps:\n      - run: ./deploy.sh\n"})
    assert run_rule(root, "delivery.production-branch-restricted").status == "skip"


def test_the_one_unnamed_deploy_target_is_production(evidence_for):
    # nothing names an environment anywhere: the only place it can deploy to is production
    (d,) = evidence_for("delivery-deploy-without-environment").delivery.deploys
    assert (d.environment, d.tier) == ("", "production")


def test_concurrency_passes_with_a_workflow_group(run_rule):
    assert run_rule("delivery-needs-chain-staging-to-production", "delivery.deploy-concurrency").status == "pass"


def test_concurrency_passes_with_a_group_on_the_called_workflow(run_rule):
    assert run_rule("delivery-reusable-workflow-with-environment-input",
                    "delivery.deploy-concurrency").status == "pass"


def test_concurrency_fails_without_a_group(run_rule, locs, line_of):
    name, path = "delivery-workflow-run-chain", f"{WF}/production.yml"
    r = run_rule(name, "delivery.deploy-concurrency")
    assert r.status == "fail"
    assert locs(r) == [f"{path}:{line_of(name, path, 'environment: production')}"]


def test_production_protected_needs_a_token(run_rule):
    r = run_rule("delivery-needs-chain-staging-to-production", "delivery.production-protected")
    assert r.status == "unknown" and r.counts_as == "skip" and not r.blocking and "token" in r.message


def test_production_protected_unknown_fails_under_regulated(run_rule):
    r = run_rule("delivery-needs-chain-staging-to-production", "delivery.production-protected", policy="regulated")
    assert r.status == "unknown" and r.counts_as == "fail" and r.blocking and "token" in r.message


# What a deploy is: a job that changes what runs, not one that borrows an environment.

def test_a_slack_job_in_the_production_environment_is_no_deploy(run_rule, evidence_for):
    assert evidence_for("delivery-slack-only-production-job").delivery.deploys == []
    r = run_rule("delivery-slack-only-production-job", "delivery.environments-declared")
    assert r.status == "fail" and "no workflow deploys it" in r.message


def test_a_job_that_does_work_in_the_production_environment_deploys(evidence_for):
    deploys = evidence_for("delivery-production-deploy-job").delivery.deploys
    assert [(d.job, d.environment, d.tier) for d in deploys] == [("deploy", "production", "production")]


def test_terraform_plan_is_no_deploy_and_apply_is(evidence_for):
    assert evidence_for("delivery-terraform-plan-only").delivery.deploys == []
    applied = evidence_for("delivery-terraform-apply").delivery.deploys
    assert [(d.job, d.tier) for d in applied] == [("apply", "production")]


# Environments resolved through expressions, matrices and reusable workflows.

def test_a_branch_conditional_environment_resolves_both_ways(evidence_for, run_rule, locs, line_of):
    name, path = "delivery-branch-conditional-environment", f"{WF}/deploy.yml"
    ev = evidence_for(name)
    assert sorted(d.environment for d in ev.delivery.deploys) == ["dev", "production"]
    assert not any("${{" in d.environment for d in ev.deploys)
    r = run_rule(name, "delivery.promotion-order")
    # production on a push to branch `production`, dev on main: a branch promotion
    assert r.status == "pass" and "push to branch `production` ← merge from `main`" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'push:')}"]


def test_an_environment_chosen_by_dispatch_is_not_a_promotion(run_rule):
    r = run_rule("delivery-branch-conditional-environment-one-branch", "delivery.promotion-order")
    assert r.status == "fail" and "without a lower environment" in r.message


def test_a_matrix_of_reusable_deploys_names_every_environment(run_rule, evidence_for):
    ev = evidence_for("delivery-matrix-of-reusable-deploys")
    assert sorted({d.environment for d in ev.delivery.deploys}) == ["dev", "production", "staging"]
    assert run_rule("delivery-matrix-of-reusable-deploys", "delivery.environments-declared").status == "pass"
    # matrix legs run side by side: nothing orders production after staging
    assert run_rule("delivery-matrix-of-reusable-deploys", "delivery.promotion-order").status == "fail"


# How production is reached.

def test_branch_promotion(run_rule):
    r = run_rule("delivery-branch-promotion", "delivery.promotion-order")
    assert r.status == "pass"
    assert "production ← push to branch `production` ← merge from `main`, which deploys staging first" in r.message


def test_two_deploys_on_the_same_branch_are_not_a_branch_promotion(run_rule):
    r = run_rule("delivery-production-and-staging-unordered", "delivery.promotion-order")
    assert r.status == "fail" and "production.yml" in r.message


def test_release_promotion(run_rule, locs, line_of):
    # staging deploys main and drafts the release; publishing it deploys production
    name, path = "delivery-release-promotion", f"{WF}/production.yml"
    r = run_rule(name, "delivery.promotion-order")
    assert r.status == "pass" and "release published from the draft" in r.message and "staging" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'release:')}"]


def test_a_release_cut_by_hand_is_no_promotion(run_rule):
    # nothing links the release to what staging ran: it can be cut from any commit
    r = run_rule("delivery-release-without-draft", "delivery.promotion-order")
    assert r.status == "fail"


def test_production_after_the_dev_deploy_says_development(run_rule, evidence_for):
    r = run_rule("delivery-production-needs-dev", "delivery.promotion-order")
    assert r.status == "pass" and "needs `deploy-dev` (development)" in r.message
    (p,) = evidence_for("delivery-production-needs-dev").delivery.promotions
    assert (p.source.environment, p.target.environment, p.how) == ("development", "production", "needs")


# The edge of what is visible: unknown, never fail.

@pytest.mark.parametrize("rule_id", ["delivery.environments-declared", "delivery.promotion-order",
                                     "rollback.path-present"])
def test_a_dispatch_to_another_repository_is_unknown(run_rule, rule_id):
    r = run_rule("delivery-dispatch-to-another-repository", rule_id)
    assert r.status == "unknown" and not r.blocking
    assert "starts a workflow in another repository" in r.message
    assert f"{WF}/release.yml:" in r.message


@pytest.mark.parametrize("rule_id", ["delivery.environments-declared", "delivery.promotion-order",
                                     "rollback.path-present"])
def test_a_paas_git_integration_is_unknown(run_rule, rule_id):
    r = run_rule("delivery-paas-git-integration", rule_id)
    assert r.status == "unknown" and "Vercel deploys from git (vercel.json:1)" in r.message


def test_unknown_blocks_under_regulated(run_rule):
    r = run_rule("delivery-paas-git-integration", "delivery.promotion-order", policy="regulated")
    assert r.status == "unknown" and r.blocking



def test_a_deploy_job_that_uploads_to_a_pipeline_elsewhere_is_unknown(run_rule, locs, line_of):
    name, path = "delivery-upload-to-deploy-pipeline", f"{WF}/package.yml"
    r = run_rule(name, "delivery.promotion-order")
    assert r.status == "unknown" and "hands the release to a deploy system outside" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, '- name: Hand the package')}"]


def test_keeping_an_artifact_is_no_hand_off(run_rule):
    # actions/upload-artifact stores it for a later job here: nothing deploys, visibly
    r = run_rule("delivery-upload-artifact-only", "delivery.environments-declared")
    assert r.status == "fail" and "no workflow deploys it" in r.message
