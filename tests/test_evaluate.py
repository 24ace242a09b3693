"""evaluate and applicability: a rule runs only where it applies; otherwise it says why, once."""
from __future__ import annotations

from gate.evaluate import evaluate
from gate.policy.load import load_policy
from gate.rules.base import Rule, passed

PRODUCTION = load_policy("production")


def _counting_rule(rid: str, calls: list, **decl) -> Rule:
    def check(ev, ctx):
        calls.append(rid)
        return passed("judged")
    return Rule(id=rid, domain=rid.split(".")[0], severity="warning", title=rid, rationale="r", remediation="f",
                check=check, **decl)


def test_a_rule_for_services_never_runs_on_a_library(evidence_for):
    calls: list = []
    rule = _counting_rule("x.service-only", calls, applies_to=("service",))
    (r,) = evaluate(evidence_for("library-not-deployable"), PRODUCTION, rules=[rule]).results
    assert calls == [] and r.status == "skip"
    assert r.message.startswith("Does not apply to a library") and "kind: service" in r.message


def test_a_rule_that_needs_the_api_is_unknown_offline_and_never_runs(evidence_for):
    calls: list = []
    rule = _counting_rule("x.api", calls, needs=("api",))
    (r,) = evaluate(evidence_for("library-not-deployable"), PRODUCTION, rules=[rule]).results
    assert calls == [] and r.status == "unknown" and "GITHUB_TOKEN" in r.message


def test_pipeline_rules_point_at_the_root_cause_once(evidence_for):
    calls: list = []
    rules = [_counting_rule(f"x.pipeline-{i}", calls, applies_to=("service",), needs=("pipeline",)) for i in range(3)]
    results = evaluate(evidence_for("no-ci-deployable"), PRODUCTION, rules=rules).results
    assert calls == []
    assert {r.message for r in results} == {"Not judged: no deploy pipeline (see delivery.environments-declared)."}


def test_a_rule_that_applies_runs_once(evidence_for):
    calls: list = []
    rule = _counting_rule("x.any", calls)
    (r,) = evaluate(evidence_for("delivery-needs-chain-staging-to-production"), PRODUCTION, rules=[rule]).results
    assert calls == ["x.any"] and r.status == "pass"


def test_a_rule_that_crashes_is_unknown_not_a_failure(evidence_for):
    def boom(ev, ctx):
        raise KeyError("x")
    rule = Rule(id="x.boom", domain="x", severity="blocker", title="t", rationale="r", remediation="f", check=boom)
    (r,) = evaluate(evidence_for("library-not-deployable"), PRODUCTION, rules=[rule]).results
    assert r.status == "unknown" and not r.blocking and "internal error in x.boom" in r.message
