"""A library whose `production` environment only guards its PyPI publish.

Its releases are promoted and can be rolled back, so the delivery rules judge them;
but it runs no service, so health checks, backups, load tests and IaC do not apply.
"""
from __future__ import annotations

import pytest

OPS_RULES = ("observability.health-checks", "observability.telemetry", "observability.alerting",
             "resilience.backups", "resilience.autoscaling", "performance.load-tests", "iac.present")


@pytest.mark.parametrize("rule_id", OPS_RULES)
def test_service_rules_skip_for_a_package_release(run_rule, rule_id):
    result = run_rule("library-package-release", rule_id)
    assert result.status == "skip"
    assert "package" in result.message


def test_the_release_pipeline_is_still_judged(run_rule):
    assert run_rule("library-package-release", "delivery.promotion-order").status == "pass"
    assert run_rule("library-package-release", "rollback.path-present").status == "pass"
