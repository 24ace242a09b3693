"""The report's pipeline serialises the delivery facts the rules judged, never re-derives them."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from gate.engine import Options, run

FIXTURES = Path(__file__).parents[1] / "fixtures"
SCHEMA = __import__("json").loads((Path(__file__).parents[2] / "schemas" / "report.schema.json").read_text())


def _pipeline(name: str) -> dict:
    return run(FIXTURES / name, Options(policy="production")).report["pipeline"]


def test_production_after_the_dev_deploy_is_drawn_from_development():
    p = _pipeline("delivery-production-needs-dev")
    edges = {(e["from"], e["to"]): e for e in p["edges"]}
    assert ("env:development", "env:production") in edges
    assert ("env:staging", "env:production") not in edges
    assert edges[("env:development", "env:production")]["how"] == "needs"
    assert p["reached"] == "production ← needs `deploy-dev` (development)"


def test_stages_come_in_promotion_order_with_checks_and_build_first():
    p = _pipeline("delivery-needs-chain-staging-to-production")
    assert [s["id"] for s in p["stages"]] == ["checks", "build", "env:staging", "env:production"]
    assert any(r["mechanism"].startswith("`kubectl rollout undo") for r in p["rollback"])


def test_a_repository_with_deploy_config_and_no_pipeline_marks_what_is_missing():
    p = _pipeline("no-ci-deployable")
    missing = {m["what"] for m in p["missing"]}
    assert {"ci", "promotion", "rollback"} <= missing
    production = [s for s in p["stages"] if s["tier"] == "production"]
    assert production and production[0]["present"] is False


def test_a_deploy_out_of_sight_is_drawn_as_such():
    p = _pipeline("delivery-paas-git-integration")
    (prod,) = [s for s in p["stages"] if s["tier"] == "production"]
    assert prod["how"] == "out of sight" and prod["location"]["path"] == "vercel.json"
    assert p["unknown"][0]["what"] == "Vercel deploys from git"


@pytest.mark.parametrize("name", ["delivery-production-needs-dev", "no-ci-deployable", "library-package-release",
                                  "delivery-dispatch-to-another-repository"])
def test_every_report_follows_the_schema(name):
    report = run(FIXTURES / name, Options(policy="production")).report
    jsonschema.validate(report, SCHEMA)
