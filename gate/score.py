"""score: rule results -> a 0-100 score per domain and overall, and the verdict.

A rule weighs by its declared severity (blocker 3, warning 2, info 1) within a domain; skipped and waived results
are left out, and so is an unknown unless the policy counts unknowns as failures (an
inconclusive check is not guessed as a failure). The overall
score is the domain scores weighted by the policy's domain weights, over the
domains that had anything to judge.
"""
from __future__ import annotations

from msgspec import Struct

from gate.evaluate import Result
from gate.rules import DOMAIN_ORDER, DOMAIN_TITLES

SEVERITY_WEIGHT = {"blocker": 3, "warning": 2, "info": 1}


class DomainScore(Struct):
    """The readiness score of one domain and how its rules fared."""

    id: str
    title: str
    score: int | None  # None: nothing applicable
    status: str        # pass | partial | fail | skip
    passed: int
    failed: int
    skipped: int
    waived: int
    blockers: int
    unknown: int = 0


class Scorecard(Struct):
    """The overall score and verdict, per domain, with the reasons that decided it."""

    domains: list[DomainScore]
    score: int
    verdict: str
    reasons: list[str]


def score(results: list[Result], weights: dict[str, float], threshold: int) -> Scorecard:
    domains: list[DomainScore] = []
    total = weight_sum = 0.0
    order = DOMAIN_ORDER + sorted({r.rule.domain for r in results} - set(DOMAIN_ORDER))
    for domain in order:
        rs = [r for r in results if r.rule.domain == domain]
        if not rs:
            continue
        judged = [r for r in rs if r.status == "pass" or r.failing]
        # weights follow the rule's declared importance, not the policy's severity: a
        # stricter policy decides what blocks, and can never raise a score by it
        got = sum(SEVERITY_WEIGHT.get(r.rule.severity, 1) for r in judged if r.status == "pass")
        out_of = sum(SEVERITY_WEIGHT.get(r.rule.severity, 1) for r in judged)
        value = round(100 * got / out_of) if out_of else None
        blockers = sum(1 for r in rs if r.blocking)
        failed = sum(1 for r in rs if r.failing)
        status = ("skip" if value is None else "fail" if blockers or value == 0 else
                  "partial" if failed else "pass")
        domains.append(DomainScore(domain, DOMAIN_TITLES.get(domain, domain), value, status,
                                   sum(r.status == "pass" for r in rs), failed,
                                   sum(r.status == "skip" for r in rs), sum(r.status == "waived" for r in rs), blockers,
                                   sum(r.status == "unknown" for r in rs)))
        if value is not None:
            w = weights.get(domain, 1.0)
            total += w * value
            weight_sum += w
    overall = round(total / weight_sum) if weight_sum else 100
    reasons = []
    blockers = [r for r in results if r.blocking]
    if blockers:
        reasons.append(f"{len(blockers)} blocker(s) failed: " + ", ".join(r.rule.id for r in blockers))
        unseen = [r.rule.id for r in blockers if r.status == "unknown"]
        if unseen:
            reasons.append("the policy counts what could not be judged as failed: " + ", ".join(unseen))
    if overall < threshold:
        reasons.append(f"score {overall} is under the policy's threshold {threshold}")
    return Scorecard(domains, overall, "FAIL" if reasons else "PASS", reasons)
