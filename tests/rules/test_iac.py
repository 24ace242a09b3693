"""iac.* rules over fixture repositories."""
WF = ".github/workflows"


def test_present_passes_with_terraform(run_rule, locs):
    r = run_rule("iac-terraform-validated", "iac.present")
    assert r.status == "pass" and "terraform" in r.message
    assert locs(r) == ["infra/main.tf:1"]


def test_present_passes_with_a_helm_chart(run_rule, locs):
    r = run_rule("rollback-helm-atomic", "iac.present")
    assert r.status == "pass" and "helm" in r.message
    assert locs(r) == ["chart/Chart.yaml:1"]


def test_present_fails_for_platform_config_only(run_rule, locs):
    r = run_rule("no-ci-deployable", "iac.present")
    assert r.status == "fail" and "Dockerfile" in r.message
    assert locs(r) == ["Dockerfile:1"]


def test_present_skips_for_a_library(run_rule):
    assert run_rule("library-not-deployable", "iac.present").status == "skip"


def test_validated_in_ci_passes_at_the_validate_step(run_rule, locs, line_of):
    r = run_rule("iac-terraform-validated", "iac.validated-in-ci")
    assert r.status == "pass"
    line = line_of("iac-terraform-validated", f"{WF}/infra.yml", "terraform -chdir=infra validate")
    assert locs(r) == [f"{WF}/infra.yml:{line}"]


def test_validated_in_ci_fails_when_never_validated(run_rule, locs):
    r = run_rule("iac-terraform-unvalidated", "iac.validated-in-ci")
    assert r.status == "fail"
    assert locs(r) == ["infra/main.tf:1"]


def test_validated_in_ci_skips_without_iac(run_rule):
    assert run_rule("no-ci-deployable", "iac.validated-in-ci").status == "skip"


def test_a_setup_action_is_not_validation(run_rule, locs, line_of):
    r = run_rule("iac-terraform-setup-only", "iac.validated-in-ci")
    assert r.status == "fail", r.message
    line = line_of("iac-terraform-setup-only", f"{WF}/infra.yml", "hashicorp/setup-terraform")
    assert locs(r) == [f"{WF}/infra.yml:{line}"] and "no step runs validate" in r.message


def test_validation_only_inside_a_manual_deploy_is_not_ci(run_rule, locs, line_of):
    r = run_rule("iac-terraform-manual-validate", "iac.validated-in-ci")
    assert r.status == "fail", r.message
    line = line_of("iac-terraform-manual-validate", f"{WF}/deploy.yml", "terraform -chdir=infra plan")
    assert locs(r) == [f"{WF}/deploy.yml:{line}"] and "workflow_dispatch" in r.message


def test_infrastructure_the_readers_understood_is_infrastructure_to_validate(run_rule, locs):
    # an ARM template and a Serverless config are IaC even where the file tree does not list them
    for fixture, where in (("iac-arm-template", "azure/template.json:1"), ("serverless-framework", "serverless.yml:1")):
        r = run_rule(fixture, "iac.validated-in-ci")
        assert r.status == "fail", (fixture, r.message)
        assert locs(r) == [where]


def test_a_vulnerability_scan_is_not_validation_and_an_unread_ci_is_unknown(run_rule, locs):
    vulns = run_rule("iac-terraform-trivy-vulns-only", "iac.validated-in-ci")
    assert vulns.status == "fail" and locs(vulns) == ["infra/main.tf:1"]
    jenkins = run_rule("iac-terraform-jenkins", "iac.validated-in-ci")
    assert jenkins.status == "unknown" and locs(jenkins) == ["Jenkinsfile:1"]
