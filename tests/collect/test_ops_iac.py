"""Infrastructure read as it is written: Terraform modules, CloudFormation/SAM, Serverless
Framework, CDK (TypeScript, Python) and Pulumi, each with its negative twin."""
from __future__ import annotations

from pathlib import Path

import pytest

from gate.collect.ops import collect_ops
from gate.collect.ops.hcl import parse_hcl
from gate.collect.repo import walk
from gate.collect.workflows import collect_workflows
from gate.policy.load import load_policy

FIXTURES = Path(__file__).parents[1] / "fixtures"
SIG = load_policy("production").signatures


def ops(name: str):
    repo = walk(FIXTURES / name)
    return collect_ops(repo, collect_workflows(repo), SIG)


def locs(facts) -> list[str]:
    return sorted(str(f.loc) for f in facts)


def test_terraform_nested_blocks_and_module_inputs():
    ev = ops("iac-terraform-modules")
    # PITR is off by default in the module; the caller turns it on, so its line is cited
    assert locs(ev.backups) == ["infra/main.tf:14", "infra/main.tf:8"]
    assert any("via module orders" in f.detail for f in ev.backups)
    assert locs(ev.autoscaling) == ["infra/modules/table/main.tf:12"]   # on-demand table
    # health_check { path }; a canary behind `count = var.enable_canary ? 1 : 0` that a var file turns on
    assert locs(ev.health_checks) == ["infra/main.tf:21", "infra/monitoring.tf:6"]
    assert locs(ev.alerting) == ["infra/main.tf:27", "infra/monitoring.tf:6"]


def test_terraform_defaults_off_and_disabled_blocks_are_not_evidence():
    # PITR left at the module's default, snapshot retention 0, health_check { enabled = false },
    # and an alarm whose `count` flag defaults to false
    ev = ops("iac-terraform-modules-off")
    assert ev.backups == [] and ev.autoscaling == [] and ev.health_checks == [] and ev.alerting == []
    assert locs(ev.document_stores) == ["infra/modules/table/main.tf:10"]


@pytest.mark.parametrize("name, want", [
    ("serverless-sam-api", {"health_checks": ["template.yaml:30"], "telemetry": ["template.yaml:8"],
                            "backups": ["template.yaml:28"],
                            # on-demand tables scale: BillingMode, and a SimpleTable left at its default
                            "autoscaling": ["template.yaml:26", "template.yaml:45"],
                            "functions": ["template.yaml:12"]}),
    ("serverless-framework", {"health_checks": ["serverless.yml:24"], "telemetry": ["serverless.yml:7", "serverless.yml:8"],
                              "backups": ["serverless.yml:23"], "autoscaling": ["serverless.yml:21"],
                              "functions": ["serverless.yml:11"],
                              "alerting": ["serverless.yml:24", "serverless.yml:30"]}),   # a canary; plugin alerts
    ("iac-cdk-typescript", {"health_checks": ["lib/service-stack.ts:19"], "alerting": ["lib/service-stack.ts:24"],
                            "backups": ["lib/service-stack.ts:13"],
                            "autoscaling": ["lib/service-stack.ts:21", "lib/service-stack.ts:22"]}),
    ("iac-cdk-python", {"telemetry": ["stacks/api_stack.py:16"], "backups": ["stacks/api_stack.py:23"],
                        "autoscaling": ["stacks/api_stack.py:22"], "functions": ["stacks/api_stack.py:11"]}),
    ("iac-pulumi", {"alerting": ["index.ts:10"], "backups": ["index.ts:7"], "autoscaling": ["index.ts:6"]}),
])
def test_each_written_form_yields_the_same_facts(name, want):
    ev = ops(name)
    for field, expected in want.items():
        assert locs(getattr(ev, field)) == sorted(expected), field
    bare = ops(name.replace("serverless-sam-api", "serverless-sam-api") + "-bare")
    for field in ("health_checks", "telemetry", "backups", "autoscaling", "alerting"):
        assert getattr(bare, field) == [], (name, field)


def test_a_lambda_image_has_no_healthcheck_and_is_a_function():
    ev = ops("serverless-sam-api-bare")
    assert ev.health_checks == []                      # HEALTHCHECK in a Lambda image does nothing
    assert locs(ev.functions) == ["app/Dockerfile:1", "template.yaml:6"]


def test_hcl_that_does_not_parse_is_none_not_an_error():
    assert parse_hcl('resource "x" {') is None
    assert parse_hcl("") == []


def test_terraform_parsing_is_bounded(tmp_path, monkeypatch):
    from gate.collect.ops import hcl, terraform
    calls = []
    real = hcl.parse_hcl
    monkeypatch.setattr(terraform, "parse_hcl", lambda text: calls.append(1) or real(text))
    monkeypatch.setattr(terraform, "MAX_PARSED", 5)
    for i in range(12):
        (tmp_path / f"r{i}.tf").write_text(f'resource "aws_backup_plan" "p{i}" {{\n  name = "p"\n}}\n')
    repo = walk(tmp_path)
    ev = collect_ops(repo, collect_workflows(repo), SIG)
    assert len(calls) == 5                           # the rest fall back to the line scanner
    assert len(ev.backups) == 12                      # and still yield their facts
    assert any("scanned line by line" in n for n in ev.notes)


def test_arm_templates_read_as_resources():
    ev = ops("iac-arm-template")
    assert locs(ev.health_checks) == ["azure/template.json:11"]      # siteConfig.healthCheckPath
    assert locs(ev.autoscaling) == ["azure/template.json:16"]
    assert locs(ev.alerting) == ["azure/template.json:24"]
    bare = ops("iac-arm-template-bare")
    assert bare.health_checks == bare.autoscaling == bare.alerting == []


def test_a_policy_setting_that_does_not_read_matches_nothing():
    from gate.collect.ops.infra import Leaf, Resource, judge
    from gate.collect.ops.model import OpsEvidence
    from gate.model.location import Location
    from gate.policy.signatures import Signatures
    sig = Signatures({"iac_settings": {"backups": ["aws_x a\\.b ?", "aws_(y ?", "aws_z b ?"],
                                       "nonsense": ["aws_q"]}})
    at = Location("main.tf", 3)
    resources = [Resource(t, "r", Location("main.tf", 1), {"a": {"b": Leaf("on", at)}, "b": Leaf("on", at)})
                 for t in ("aws_x", "aws_(y", "aws_z", "aws_q")]
    ev = OpsEvidence()
    judge(resources, sig, ev)
    assert [f.detail for f in ev.backups] == ["aws_z r b"]


def test_modules_that_call_themselves_are_read_a_bounded_number_of_times(tmp_path):
    from gate.collect.ops import terraform
    (tmp_path / "main.tf").write_text('module "a" {\n  source = "./m"\n}\n')
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "main.tf").write_text(
        'module "x" {\n  source = "./"\n}\nmodule "y" {\n  source = "./"\n}\n'
        'resource "aws_backup_plan" "p" {\n  name = "p"\n}\n')
    repo = walk(tmp_path)
    tf = terraform.Terraform(repo, ["main.tf", "m/main.tf"])
    found = tf.resources()
    assert tf.instances <= terraform.MAX_INSTANCES + 1
    assert 0 < len(found) <= terraform.MAX_INSTANCES


def test_serverless_config_written_as_typescript():
    ev = ops("serverless-framework-ts")
    assert locs(ev.telemetry) == ["serverless.ts:8"] and locs(ev.functions) == ["serverless.ts:10"]
    bare = ops("serverless-framework-ts-bare")
    assert bare.telemetry == [] and locs(bare.functions) == ["serverless.ts:9"]
