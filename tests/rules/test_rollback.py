"""rollback.* rules: a way back from a bad production deploy, and a check it worked."""
import pytest

WF = ".github/workflows"


@pytest.mark.parametrize("rule_id", ["rollback.path-present", "rollback.post-deploy-verification"])
def test_a_library_skips_rollback(run_rule, rule_id):
    r = run_rule("library-not-deployable", rule_id)
    assert r.status == "skip" and r.message.startswith("Does not apply to a library")


def test_path_present_is_not_judged_without_a_pipeline(run_rule):
    # delivery.environments-declared is the one blocker for the missing pipeline
    r = run_rule("no-ci-deployable", "rollback.path-present")
    assert r.status == "skip" and "see delivery.environments-declared" in r.message


def test_path_present_passes_for_a_dispatch_redeploy_of_a_version(run_rule, locs, line_of):
    name, path = "rollback-dispatch-version-input", f"{WF}/redeploy.yml"
    r = run_rule(name, "rollback.path-present")
    assert r.status == "pass" and "`version`" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'workflow_dispatch:')}"]


def test_path_present_passes_for_helm_atomic_at_the_command_line(run_rule, locs, line_of):
    name, path = "rollback-helm-atomic", f"{WF}/deploy.yml"
    r = run_rule(name, "rollback.path-present")
    assert r.status == "pass" and "--atomic" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'helm upgrade --install')}"]


def test_path_present_passes_for_helm_atomic_across_a_line_continuation(run_rule):
    assert run_rule("rollback-helm-atomic-line-continuation", "rollback.path-present").status == "pass"


def test_path_present_passes_for_kubectl_rollout_undo(run_rule, locs, line_of):
    name, path = "delivery-needs-chain-staging-to-production", f"{WF}/deploy.yml"
    r = run_rule(name, "rollback.path-present")
    assert r.status == "pass"
    assert locs(r) == [f"{path}:{line_of(name, path, 'kubectl rollout undo')}"]


def test_path_present_passes_for_a_failure_job_after_production(run_rule, locs, line_of):
    name, path = "rollback-failure-job", f"{WF}/deploy.yml"
    r = run_rule(name, "rollback.path-present")
    assert r.status == "pass" and "`undo`" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'undo:')}"]


def test_path_present_fails_when_the_rollback_workflow_only_echoes(run_rule, evidence_for, locs):
    r = run_rule("rollback-echo-stub-only", "rollback.path-present")
    assert r.status == "fail"
    # the gap is at the production deploy that has no way back
    prod = evidence_for("rollback-echo-stub-only").delivery.production
    assert locs(r) == [str(prod[0].loc)] if prod else [WF]


def test_a_failure_notification_is_no_rollback(run_rule, locs, line_of):
    name, path = "rollback-notification-only", f"{WF}/deploy.yml"
    r = run_rule(name, "rollback.path-present")
    assert r.status == "fail" and "No rollback path" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'environment: production')}"]


def test_post_deploy_verification_passes_with_a_health_check(run_rule):
    r = run_rule("delivery-needs-chain-staging-to-production", "rollback.post-deploy-verification")
    assert r.status == "pass"


def test_post_deploy_verification_passes_inside_the_called_workflow(run_rule):
    r = run_rule("delivery-reusable-workflow-with-environment-input", "rollback.post-deploy-verification")
    assert r.status == "pass"


def test_post_deploy_verification_fails_without_a_check(run_rule, locs, line_of):
    name, path = "rollback-helm-atomic", f"{WF}/deploy.yml"
    r = run_rule(name, "rollback.post-deploy-verification")
    assert r.status == "fail" and "`production`" in r.message
    assert locs(r) == [f"{path}:{line_of(name, path, 'environment: production')}"]


def test_post_deploy_verification_skips_without_production(run_rule, repo):
    root = repo({
        "Dockerfile": "FROM scratch\n",
        ".github/workflows/d.yml": "on: push\njobs:\n  d:\n    runs-on: x\n    environment: staging\n"
                                   "    steps:\n      - run: ./deploy.sh\n"})
    r = run_rule(root, "rollback.post-deploy-verification")
    assert r.status == "skip" and "No production deploy" in r.message
