"""The merged SARIF log: valid against the OASIS schema and within GitHub's upload rules."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from gate.collect import scanners
from gate.collect.sarif import Finding, load_paths
from gate.collect.security import SecurityEvidence
from gate.report.sarif import render_report_sarif, render_sarif

TESTS = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((TESTS / "data" / "sarif-schema-2.1.0.json").read_text())

REPORT = {
    "tool": {"name": "readiness-gate", "version": "0.1.0"},
    "policy": {"name": "production", "source": ".github/readiness.yml"},
    "results": [
        {"id": "hardening.pinned-actions", "domain": "hardening", "title": "Third-party actions are pinned",
         "status": "fail", "severity": "blocker", "message": "2 actions are not pinned to a commit SHA.",
         "remediation": "Pin each `uses:` to a 40-hex commit SHA.",
         "locations": [{"path": ".github/workflows/ci.yml", "line": 12, "column": 9},
                       {"path": ".github/workflows/ci.yml", "line": 30}]},
        {"id": "rollback.path-present", "domain": "rollback", "title": "A rollback path exists",
         "status": "fail", "severity": "warning", "message": "No rollback path for production.",
         "remediation": "Add a workflow_dispatch redeploy.", "locations": []},
        {"id": "ci.tests-run", "domain": "ci", "title": "Tests run on pull requests", "status": "pass",
         "severity": "blocker", "message": "pytest runs.", "remediation": "x", "locations": []},
    ],
}


def github_problems(log: dict) -> list[str]:
    """GitHub code scanning's upload rules, as its SARIF support page states them."""
    problems = []
    if len(log["runs"]) > 20:
        problems.append("more than 20 runs")
    names = [run["tool"]["driver"]["name"] for run in log["runs"]]
    if len(set(names)) != len(names):
        problems.append(f"two runs of one tool: {names}")
    for run in log["runs"]:
        rule_ids = [r["id"] for r in run["tool"]["driver"].get("rules", [])]
        if len(run["results"]) > 25_000:
            problems.append("more than 25,000 results in a run")
        for res in run["results"]:
            where = f"{run['tool']['driver']['name']}:{res.get('ruleId')}"
            if not res.get("ruleId") or res["ruleId"] not in rule_ids:
                problems.append(f"{where}: ruleId missing or not among the run's rules")
            elif rule_ids[res["ruleIndex"]] != res["ruleId"]:
                problems.append(f"{where}: ruleIndex points at another rule")
            if not res.get("message", {}).get("text"):
                problems.append(f"{where}: no message text")
            locs = res.get("locations") or []
            if not locs:
                problems.append(f"{where}: no location")
            for loc in locs:
                phys = loc["physicalLocation"]
                uri = phys["artifactLocation"]["uri"]
                if uri.startswith("/") or "://" in uri or uri.startswith("file:"):
                    problems.append(f"{where}: uri {uri!r} is not relative")
                if phys["region"]["startLine"] < 1:
                    problems.append(f"{where}: startLine < 1")
    return problems


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> list[Finding]:
    out = list(load_paths([str(TESTS / "fixtures" / "sarif-codeql-output")], TESTS / "fixtures").findings)
    if scanners.bandit_available():
        out += scanners.run_bandit(TESTS / "fixtures" / "sast-python-vulnerable").findings
    out.append(Finding("trivy", "CVE-2024-0001", "critical", "error", "openssl is vulnerable", "", None, None, "f1:1"))
    out.append(Finding("trivy", "CVE-2024-0002", "high", "error", "outside", "../../etc/passwd", 3, None, "f3:1"))
    out.append(Finding("semgrep", "abs", "low", "note", "odd path", "/abs/src/x.py", 0, 0, "f2:1"))
    return out


def test_validates_against_the_official_schema(findings):
    log = json.loads(render_sarif(REPORT, findings))
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert log["version"] == "2.1.0"
    # The validator does bite: a level SARIF does not know is an error.
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))


def test_follows_github_upload_rules(findings):
    assert github_problems(json.loads(render_sarif(REPORT, findings))) == []


def test_the_checker_catches_what_github_rejects():
    bad = {"runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "r"}]}}, "results": [
        {"ruleId": "r", "ruleIndex": 0, "message": {"text": "m"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "file:///abs/a.py"}, "region": {"startLine": 0}}}]}]}]}
    assert github_problems(bad) == ["x:r: uri 'file:///abs/a.py' is not relative", "x:r: startLine < 1"]


def test_gate_run_carries_failing_rules_with_locations_title_and_help(findings):
    log = json.loads(render_sarif(REPORT, findings))
    gate = log["runs"][0]
    assert gate["tool"]["driver"]["name"] == "readiness-gate"
    rules = {r["id"]: r for r in gate["tool"]["driver"]["rules"]}
    assert rules["hardening.pinned-actions"]["shortDescription"]["text"] == "Third-party actions are pinned"
    assert rules["hardening.pinned-actions"]["help"]["text"] == "Pin each `uses:` to a 40-hex commit SHA."
    got = [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in gate["results"]]
    assert got == [("hardening.pinned-actions", "error", ".github/workflows/ci.yml", 12),
                   ("hardening.pinned-actions", "error", ".github/workflows/ci.yml", 30),
                   # no file to point at: shown on the policy file that asks for it
                   ("rollback.path-present", "warning", ".github/readiness.yml", 1)]
    fps = [r["partialFingerprints"]["readinessGate/v1"] for r in gate["results"]]
    assert len(set(fps)) == 3


def test_one_run_per_scanner_with_levels_and_security_severity(findings):
    log = json.loads(render_sarif(REPORT, findings))
    runs = {run["tool"]["driver"]["name"]: run for run in log["runs"][1:]}
    assert set(runs) >= {"codeql", "trivy", "semgrep"}
    codeql = runs["codeql"]
    levels = {r["ruleId"]: r["level"] for r in codeql["results"]}
    assert levels["py/command-line-injection"] == "error" and levels["js/reflected-xss"] == "warning"
    sev = {r["id"]: r["properties"].get("security-severity") for r in codeql["tool"]["driver"]["rules"]}
    assert sev["py/command-line-injection"] == "9.5" and sev["py/unused-import"] == "2.0"
    # A finding without a file cannot be uploaded: it is left out and the run says so.
    assert runs["trivy"]["results"] == []
    note = runs["trivy"]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert note.startswith("2 finding(s) without a repository file location")
    region = runs["semgrep"]["results"][0]["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "abs/src/x.py" and region["region"] == {"startLine": 1}
    if scanners.bandit_available():
        bandit = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
                  for r in runs["bandit"]["results"]}
        assert ("B602", 12) in bandit


def test_from_saved_report_with_baseline_states(findings):
    located = [f for f in findings if f.path and f.tool == "codeql"]
    ev = SecurityEvidence(findings=located, new=located[:1], unchanged=located[1:])
    report = dict(REPORT, **ev.to_report())
    log = json.loads(render_report_sarif(json.loads(json.dumps(report))))
    results = log["runs"][1]["results"]
    assert len(results) == len(located)
    states = [r["baselineState"] for r in results]
    assert states.count("new") == 1 and states.count("unchanged") == len(located) - 1
    assert not list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))


def test_round_trip_as_a_baseline(findings):
    """A SARIF the gate wrote on the base branch works as --baseline-sarif: same fingerprints,
    and the gate's own rule results are not read back as findings."""
    from gate.collect.baseline import compare
    from gate.collect.sarif import parse_log

    located = [f for f in findings if f.path and not f.path.startswith(("/", ".."))]
    back = parse_log(json.loads(render_sarif(REPORT, located)), "gate.sarif").findings
    assert sorted(f.fingerprint for f in back) == sorted(f.fingerprint for f in located)
    assert "readiness-gate" not in {f.tool for f in back}
    cmp = compare(located, back)
    assert cmp.new == [] and cmp.fixed == [] and len(cmp.unchanged) == len(located)


def test_caps_results_and_runs():
    many = [Finding(f"tool{i % 25}", "r", "low", "note", "m", f"f{i}.py", 1, None, f"{i}") for i in range(250)]
    many += [Finding("big", "r", "high" if i % 2 else "low", "error", "m", "a.py", i + 1, None, f"b{i}")
             for i in range(25_010)]
    log = json.loads(render_sarif({"results": []}, many))
    assert github_problems(log) == []
    big = next(run for run in log["runs"] if run["tool"]["driver"]["name"] == "big")
    assert len(big["results"]) == 25_000
    assert sum(r["level"] == "error" for r in big["results"]) == 12_505  # the most severe are kept


def test_every_result_points_at_a_file_that_exists_in_the_checkout():
    """Code scanning cannot show a directory or a missing file: such a location is replaced by
    the rule's other locations that are files, else left out and counted in the run."""
    root = TESTS / "fixtures" / "ratchet-legacy-base"
    report = {"tool": {"name": "readiness-gate", "version": "0.1.0"}, "policy": {"source": "production"},
              "repository": {"path": str(root)},
              "results": [
                  {"id": "rollback.path-present", "status": "fail", "severity": "blocker", "message": "m",
                   "remediation": "r", "locations": [{"path": ".github/workflows", "line": None},
                                                     {"path": "fly.toml", "line": 1}]},
                  {"id": "security.dependency-updates", "status": "fail", "severity": "warning", "message": "m",
                   "remediation": "r", "locations": [{"path": ".github/dependabot.yml", "line": None}]},
                  {"id": "governance.codeowners", "status": "fail", "severity": "warning", "message": "m",
                   "remediation": "r", "locations": []}],
              "security": {"scanners": [{"tool": "bandit", "ran": True, "findings": 0},
                                        {"tool": "semgrep", "ran": False, "headline": "semgrep not run: not installed"}]}}
    gone = Finding("bandit", "B1", "high", "error", "m", "deleted.py", 3, None, "g:1")
    log = json.loads(render_sarif(report, [gone]))
    assert not list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))
    for run in log["runs"]:
        for res in run["results"]:
            uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert (root / uri).is_file(), uri
    gate = log["runs"][0]
    assert [r["ruleId"] for r in gate["results"]] == ["rollback.path-present"]
    assert gate["properties"]["omittedResults"] == 2
    assert gate["properties"]["omittedRules"] == ["security.dependency-updates", "governance.codeowners"]
    notes = [n["message"]["text"] for n in gate["invocations"][0]["toolExecutionNotifications"]]
    assert "semgrep not run: not installed" in notes
    bandit = next(run for run in log["runs"] if run["tool"]["driver"]["name"] == "bandit")
    assert bandit["results"] == [] and bandit["properties"]["omittedResults"] == 1


def test_a_scanner_with_no_findings_still_emits_its_run():
    """An empty run is how code scanning learns that earlier alerts are fixed."""
    report = dict(REPORT, security={"scanners": [{"tool": "bandit", "ran": True, "findings": 0},
                                                 {"tool": "semgrep", "ran": False}]})
    log = json.loads(render_report_sarif(report))
    names = [run["tool"]["driver"]["name"] for run in log["runs"]]
    assert names == ["readiness-gate", "bandit"]
    assert log["runs"][1]["results"] == []
    assert github_problems(log) == [] and not list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))


def test_an_unknown_blocker_is_a_result_only_where_the_policy_counts_it():
    unknown = {"id": "delivery.production-protected", "status": "unknown", "severity": "blocker",
               "message": "no token", "remediation": "r", "locations": [{"path": "a.yml", "line": 2}]}
    lenient = dict(REPORT, results=[unknown], policy={"name": "production"})
    assert json.loads(render_sarif(lenient, []))["runs"][0]["results"] == []
    strict = dict(REPORT, results=[unknown], policy={"name": "regulated", "unknown": "fail"})
    [res] = json.loads(render_sarif(strict, []))["runs"][0]["results"]
    assert res["message"]["text"] == "could not tell: no token"
