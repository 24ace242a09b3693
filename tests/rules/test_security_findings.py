"""security.sast-findings as a pure function of the security evidence."""
from __future__ import annotations

from types import SimpleNamespace

from gate.collect.sarif import Finding
from gate.collect.scanners import ScanOutcome
from gate.collect.security import SecurityEvidence
from gate.rules.base import Context
from gate.rules.security_findings import sast_findings


def F(tool, sev, path="app.py", line=1, fp=None):
    return Finding(tool, f"{tool}-rule", sev, "error", f"{sev} thing", path, line, None,
                   fp or f"{tool}{sev}{path}{line}")


def check(sec, **params):
    ctx = Context(params={**sast_findings.params, **params}, sig=None)
    return sast_findings.check(SimpleNamespace(security=sec), ctx)


BANDIT = ScanOutcome("bandit", True, reason="scanned the whole repository")


def test_declared_like_every_rule():
    assert sast_findings.id == "security.sast-findings" and sast_findings.domain == "security"
    assert sast_findings.params == {"severity": "high", "per_tool": {}, "new_only": None}


def test_fails_at_or_above_threshold_with_locations():
    sec = SecurityEvidence(findings=[F("bandit", "critical", "a.py", 3), F("bandit", "high", "b.py", 9),
                                     F("bandit", "medium", "c.py", 1)], outcomes=[BANDIT])
    out = check(sec)
    assert out.status == "fail"
    assert [str(loc) for loc in out.locations] == ["a.py:3", "b.py:9"]
    assert out.message.startswith("2 finding(s) at or above high; first: a.py:3 bandit bandit-rule (critical).")
    assert out.details[1] == "b.py:9: bandit bandit-rule (high): high thing"


def test_passes_with_counts_below_threshold():
    sec = SecurityEvidence(findings=[F("bandit", "medium"), F("bandit", "low"), F("bandit", "low", line=2)],
                           outcomes=[BANDIT])
    out = check(sec)
    assert out.status == "pass"
    assert out.message == ("No finding at or above the threshold (1 medium, 2 low below it). Sources: bandit.")


def test_per_tool_threshold():
    sec = SecurityEvidence(findings=[F("bandit", "medium"), F("codeql", "medium")], outcomes=[BANDIT],
                           sarif_files=["codeql.sarif"])
    out = check(sec, per_tool={"bandit": "medium"})
    assert out.status == "fail" and "bandit" in out.message and len(out.locations) == 1
    assert check(sec, severity="critical").status == "pass"


def test_new_only_blocks_only_new_and_is_automatic_with_a_baseline():
    old, new = F("semgrep", "high", "a.py"), F("semgrep", "high", "b.py")
    sec = SecurityEvidence(findings=[old, new], new=[new], unchanged=[old], baseline="ref main (merge base x)",
                           outcomes=[ScanOutcome("semgrep", True)])
    out = check(sec)
    assert out.status == "fail" and [str(l) for l in out.locations] == ["b.py:1"]
    assert out.message.startswith("1 new finding(s)")
    assert [str(l) for l in check(sec, new_only=False).locations] == ["a.py:1", "b.py:1"]
    fixed_only = SecurityEvidence(findings=[old], new=[], unchanged=[old], fixed=[new], baseline="sarif b.sarif",
                                  outcomes=[ScanOutcome("semgrep", True)])
    out = check(fixed_only)
    assert out.status == "pass" and out.message.endswith("Against sarif b.sarif: 0 new, 1 fixed, 1 unchanged.")


def test_new_only_without_baseline_counts_everything():
    sec = SecurityEvidence(findings=[F("bandit", "high")], outcomes=[BANDIT])
    out = check(sec, new_only=True)
    assert out.status == "fail" and "every finding counts as new" in out.message


def test_skip_when_nothing_was_consulted():
    assert check(None).status == "skip"
    assert check(SecurityEvidence()).message == "No scanner ran and no SARIF was given (use --scanners or --sarif)."


def test_unknown_when_a_scanner_could_not_run():
    gone = ScanOutcome("semgrep", False, reason="semgrep did not finish within 300 s and was stopped")
    out = check(SecurityEvidence(outcomes=[gone]))
    assert out.status == "unknown"
    assert out.message == "No scanner could run: semgrep: semgrep did not finish within 300 s and was stopped"
    partly = check(SecurityEvidence(findings=[F("bandit", "low")], outcomes=[BANDIT, gone]))
    assert partly.status == "unknown" and "semgrep did not finish" in partly.message
    # A finding that blocks still blocks when another scanner is missing.
    assert check(SecurityEvidence(findings=[F("bandit", "high")], outcomes=[BANDIT, gone])).status == "fail"


def test_bad_param_is_reported_not_raised():
    out = check(SecurityEvidence(outcomes=[BANDIT]), severity="hgih")
    assert out.status == "unknown" and "'hgih' is not one of critical, high, medium, low, note" in out.message
