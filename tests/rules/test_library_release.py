"""A library whose `production` environment only guards its PyPI publish.

A TestPyPI → PyPI pipeline is a release, not a production deploy: the repository is a
library, so delivery, rollback and every operational rule skip it, saying why — never a
"No production deploy found" blocker, never a failure for what a library cannot have.
"""
from __future__ import annotations

import pytest

SERVICE_RULES = ("observability.health-checks", "observability.telemetry", "observability.alerting",
                 "resilience.backups", "resilience.autoscaling", "performance.load-tests", "iac.present",
                 "delivery.environments-declared", "delivery.promotion-order", "rollback.path-present")


def test_the_repository_is_a_library_because_it_publishes_packages(evidence_for):
    ev = evidence_for("library-package-release")
    assert ev.subject.kind == "library" and "publish packages" in ev.subject.reason
    assert {d.job for d in ev.delivery.releases} == {"testpypi", "pypi"}
    assert all(d.rollback for d in ev.delivery.deploys)  # re-tagging a version adds nothing that runs


@pytest.mark.parametrize("rule_id", SERVICE_RULES)
def test_service_rules_skip_for_a_package_release(run_rule, rule_id):
    result = run_rule("library-package-release", rule_id)
    assert result.status == "skip"
    assert "library" in result.message and "publish packages" in result.message


def test_the_kind_can_be_stated_when_the_evidence_misleads():
    from pathlib import Path

    from gate.engine import Options, run

    r = run(Path(__file__).parents[1] / "fixtures" / "library-package-release", Options(kind="service"))
    assert r.report["subject"]["kind"] == "service" and r.report["subject"]["decided_by"] == "option"
    status = {x.rule.id: x.status for x in r.evaluation.results}
    assert status["delivery.environments-declared"] != "skip" and status["observability.health-checks"] != "skip"
