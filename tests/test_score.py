"""score: results → domain scores → verdict, as a reader of the report sees them."""
from __future__ import annotations

from gate.evaluate import Result
from gate.rules.base import Rule
from gate.score import score


def _rule(rid: str, severity: str = "warning") -> Rule:
    return Rule(id=rid, domain=rid.split(".")[0], severity=severity, title=rid, rationale="r", remediation="f",
                check=lambda ev, ctx: None)


def _result(rid: str, status: str, severity: str = "warning", declared: str | None = None,
            counts_as: str = "skip") -> Result:
    return Result(_rule(rid, declared or severity), status, severity, "m", counts_as=counts_as)


def test_a_failed_blocker_fails_whatever_the_score():
    card = score([_result("ci.a", "fail", "blocker"), _result("ci.b", "pass")] + [_result(f"security.{i}", "pass")
                                                                                  for i in range(9)], {}, 10)
    assert card.verdict == "FAIL" and card.reasons[0].startswith("1 blocker(s) failed: ci.a")


def test_under_the_threshold_fails_without_blockers():
    card = score([_result("ci.a", "fail"), _result("ci.b", "pass")], {}, 70)
    assert card.score == 50 and card.verdict == "FAIL"
    assert card.reasons == ["score 50 is under the policy's threshold 70"]


def test_skips_waivers_and_unknowns_cost_nothing():
    results = [_result("ci.a", "pass"), _result("ci.b", "skip"), _result("ci.c", "waived"),
               _result("ci.d", "unknown", "blocker")]
    card = score(results, {}, 70)
    (ci,) = card.domains
    assert card.score == 100 and card.verdict == "PASS"
    assert (ci.passed, ci.skipped, ci.waived, ci.unknown, ci.blockers) == (1, 1, 1, 1, 0)


def test_an_unknown_the_policy_fails_blocks_and_says_why():
    card = score([_result("delivery.x", "unknown", "blocker", counts_as="fail"), _result("ci.a", "pass")], {}, 0)
    assert card.verdict == "FAIL"
    assert "delivery.x" in card.reasons[0] and "could not be judged" in card.reasons[1]
    delivery = next(d for d in card.domains if d.id == "delivery")
    assert delivery.score == 0 and delivery.status == "fail"


def test_weights_follow_the_declared_severity_not_the_policy():
    # a stricter policy raises `warning` to `blocker`; the score must not move
    lenient = score([_result("ci.a", "pass", "warning"), _result("ci.b", "fail", "warning")], {}, 0)
    strict = score([_result("ci.a", "pass", "blocker", declared="warning"),
                    _result("ci.b", "fail", "blocker", declared="warning")], {}, 0)
    assert lenient.score == strict.score == 50


def test_domain_weights_move_the_overall_score():
    results = [_result("ci.a", "pass"), _result("security.a", "fail")]
    assert score(results, {"ci": 3, "security": 1}, 0).score == 75
    assert score(results, {"ci": 1, "security": 3}, 0).score == 25


def test_nothing_to_judge_is_a_skipped_domain_and_a_full_score():
    card = score([_result("ci.a", "skip")], {}, 70)
    assert card.domains[0].status == "skip" and card.domains[0].score is None
    assert card.score == 100 and card.verdict == "PASS"
