"""Ratchet mode: a change fails only for readiness it made worse; the base's gaps are "existing"."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from gate.ratchet import RatchetError, apply
from tests.report.reports import report, result

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def legacy() -> dict:
    return report([result("delivery.promotion-order", "fail"), result("rollback.path-present", "fail"),
                   result("hardening.script-injection", "fail",
                          details=[".github/workflows/a.yml:10:14: github.event.issue.title"]),
                   result("ci.tests-run", "pass"), result("iac.present", "fail", "info")], score=55)


def test_unchanged_passes_with_the_existing_gaps_listed():
    head = apply(legacy(), legacy(), "new")
    assert head["verdict"] == "PASS" and head["reasons"] == []
    ch = head["changes"]
    assert ch["broke"] == [] and ch["verdict_any"] == "FAIL"
    assert [e["id"] for e in ch["existing"]] == ["delivery.promotion-order", "rollback.path-present",
                                                 "hardening.script-injection"]


def test_fail_on_any_keeps_the_verdict_but_still_says_what_changed():
    head = legacy()
    head["results"][3]["status"] = "fail"  # ci.tests-run now fails
    apply(head, legacy(), "any")
    assert head["verdict"] == "FAIL" and head["changes"]["new_failures"] == ["ci.tests-run"]
    assert head["changes"]["broke"][0]["id"] == "ci.tests-run"


@pytest.mark.parametrize("was", ["pass", "skip", "unknown", "waived"])
def test_a_blocker_that_did_not_fail_in_the_base_and_fails_now_blocks(was):
    base = legacy()
    base["results"][3]["status"] = was
    head = legacy()
    head["results"][3]["status"] = "fail"
    apply(head, base, "new")
    assert head["verdict"] == "FAIL"
    assert head["reasons"] == [f"this change broke 1 blocker(s): ci.tests-run (was {was})"]


def test_a_new_finding_of_an_already_failing_hardening_rule_blocks_even_when_lines_move():
    head = legacy()
    head["results"][2]["details"] = [".github/workflows/a.yml:12:14: github.event.issue.title",  # moved 2 lines
                                     ".github/workflows/b.yml:3:9: github.head_ref"]
    apply(head, legacy(), "new")
    assert head["verdict"] == "FAIL"
    broke = head["changes"]["broke"]
    assert [b["id"] for b in broke] == ["hardening.script-injection"]
    assert broke[0]["findings"] == [".github/workflows/b.yml:3:9: github.head_ref"]


def test_new_sast_findings_block_per_finding():
    base = legacy()
    base["results"].append(result("security.sast-findings", "fail"))
    base["findings"] = [{"tool": "bandit", "rule_id": "B602", "path": "app.py", "line": 3, "fingerprint": "a:1"}]
    head = copy.deepcopy(base)
    apply(copy.deepcopy(head), base, "new")
    assert apply(copy.deepcopy(head), base, "new")["verdict"] == "PASS"
    head["findings"].append({"tool": "bandit", "rule_id": "B105", "path": "cfg.py", "line": 9, "fingerprint": "b:1"})
    apply(head, base, "new")
    assert head["verdict"] == "FAIL" and head["changes"]["broke"][0]["findings"] == ["cfg.py:9: bandit B105"]


def test_score_falling_under_the_threshold_blocks():
    base = report([result("ci.tests-run", "pass"), result("iac.present", "pass", "warning")], score=75)
    head = report([result("ci.tests-run", "pass"), result("iac.present", "fail", "warning")], score=60)
    apply(head, base, "new")
    assert head["verdict"] == "FAIL" and head["reasons"] == ["score fell from 75 to 60, under the threshold 70"]
    # already under it: not this change's doing
    base["score"] = 65
    head2 = report([result("ci.tests-run", "pass"), result("iac.present", "fail", "warning")], score=60)
    assert apply(head2, base, "new")["verdict"] == "PASS"


def test_unknown_blocker_counts_only_where_the_policy_says_so():
    base = legacy()
    head = legacy()
    head["results"][3]["status"] = "unknown"
    assert apply(copy.deepcopy(head), base, "new")["verdict"] == "PASS"
    head["policy"]["unknown"] = "fail"
    assert apply(head, base, "new")["verdict"] == "FAIL"


def test_not_a_report_is_refused():
    with pytest.raises(RatchetError, match="not a readiness-gate report"):
        apply(legacy(), {"verdict": "PASS"}, "new")
    with pytest.raises(RatchetError, match="expected one of any, new"):
        apply(legacy(), legacy(), "some")


def test_fixture_repository_and_its_base():
    """Real reports: the legacy repository unchanged passes; adding a script injection fails naming only that."""
    from gate.cli import run_check

    base = run_check(FIXTURES / "ratchet-legacy-base", None)
    assert base["verdict"] == "FAIL"  # years of gaps: the gate alone would block every change
    same = apply(run_check(FIXTURES / "ratchet-legacy-base", None), base, "new")
    assert same["verdict"] == "PASS" and same["changes"]["existing"]
    worse = apply(run_check(FIXTURES / "ratchet-legacy-script-injection", None), base, "new")
    assert worse["verdict"] == "FAIL"
    assert [b["id"] for b in worse["changes"]["broke"]] == ["hardening.script-injection"]
    assert worse["reasons"] == ["this change broke 1 blocker(s): hardening.script-injection (was pass)"]
