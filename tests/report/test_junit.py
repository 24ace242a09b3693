"""JUnit XML against Jenkins' junit-10.xsd (vendored from the xunit plugin)."""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from gate.report.junit import render_junit
from tests.report.reports import report, result

xmlschema = pytest.importorskip("xmlschema", reason="xmlschema is a test extra: pip install -e '.[test]'")
XSD = Path(__file__).resolve().parents[1] / "data" / "junit-10.xsd"


def sample() -> dict:
    r = report([result("ci.tests-run", "fail", message="no tests <here> & \x07 there"),
                result("ci.workflows-present", "pass"),
                result("governance.codeowners", "skip", "warning", message="no API"),
                result("delivery.production-protected", "unknown", message="out of sight")])
    r["security"] = {"scanners": [
        {"tool": "bandit", "ran": True, "findings": 0, "headline": "bandit: 0 findings (scanned the whole repository)"},
        {"tool": "semgrep", "ran": False, "findings": 0, "headline": "semgrep not run: timed out — did not finish within 300 s"}]}
    return r


def test_valid_against_junit_10_xsd():
    xmlschema.XMLSchema(str(XSD)).validate(render_junit(sample()))


def test_counts_unknown_and_scanners():
    suite = ElementTree.fromstring(render_junit(sample())).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("6", "1", "0", "3")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases["delivery.production-protected"].find("skipped").get("message") == "could not tell: out of sight"
    assert cases["scanner.semgrep"].find("skipped").get("message").startswith("semgrep not run: timed out")
    assert cases["scanner.bandit"].find("skipped") is None


def test_unknown_blocker_fails_under_a_policy_that_says_so():
    r = sample()
    r["policy"]["unknown"] = "fail"
    suite = ElementTree.fromstring(render_junit(r)).find("testsuite")
    assert suite.get("failures") == "2"
    xmlschema.XMLSchema(str(XSD)).validate(render_junit(r))
