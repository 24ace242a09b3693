"""delivery.* rules: environments, promotion order, branch restriction, concurrency."""
import pytest

WF = ".github/workflows"
LIBRARY = "library-not-deployable"
DELIVERY = ["delivery.environments-declared", "delivery.promotion-order", "delivery.production-branch-restricted",
            "delivery.deploy-concurrency", "delivery.production-protected"]


@pytest.mark.parametrize("rule_id", DELIVERY)
def test_a_library_skips_delivery(run_rule, rule_id):
    r = run_rule(LIBRARY, rule_id)
    assert r.status == "skip" and not r.unknown
    assert "Not a deployable service" in r.message


@pytest.mark.parametrize("rule_id", ["delivery.environments-declared", "delivery.promotion-order"])
def test_deployable_without_pipeline_fails_at_the_deploy_config(run_rule, locs, rule_id):
    r = run_rule("no-ci-deployable", rule_id)
    assert r.status == "fail" and r.severity == "blocker"
    assert locs(r) == ["Dockerfile:1"]
    assert "no workflow deploys it" in r.message


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
    assert r.status == "pass" and "needs: deploy-staging" in r.message
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
    assert r.status == "pass" and "needs: to-staging" in r.message
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
    assert locs(r) == [f"{WF}/production.yml:{line_of(name, f'{WF}/production.yml', 'environment: production')}"]


def test_promotion_order_passes_through_a_release_chain(run_rule):
    r = run_rule("delivery-release-chain", "delivery.promotion-order")
    assert r.status == "pass" and "release chain" in r.message


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


def test_branch_restricted_skips_without_production(run_rule):
    assert run_rule("delivery-deploy-without-environment", "delivery.production-branch-restricted").status == "skip"


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
    assert r.status == "skip" and r.unknown and "token" in r.message


def test_production_protected_unknown_fails_under_regulated(run_rule):
    r = run_rule("delivery-needs-chain-staging-to-production", "delivery.production-protected", policy="regulated")
    assert r.status == "fail" and r.unknown and "token" in r.message
