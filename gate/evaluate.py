"""evaluate: run every rule the policy enables over the Evidence."""
from __future__ import annotations

import datetime as dt
from typing import Any

from msgspec import Struct, field

from gate.applicability import precondition
from gate.model.location import Location
from gate.policy.load import Policy
from gate.rules import all_rules
from gate.rules.base import Context, Outcome, Rule
from gate.rules.custom import build_rules


class Result(Struct):
    """One rule's verdict on the repository, after the policy's severity and waivers."""

    rule: Rule
    status: str          # pass | fail | skip | unknown | waived
    severity: str        # blocker | warning | info
    message: str
    locations: tuple[Location, ...] = ()
    details: tuple[str, ...] = ()
    waiver: dict[str, Any] | None = None
    counts_as: str = "skip"  # what an unknown counts as, from the policy's `unknown:` (skip | fail)

    @property
    def failing(self) -> bool:
        """Counts against the verdict and the score: a failure, or an unknown the policy fails."""
        return self.status == "fail" or (self.status == "unknown" and self.counts_as == "fail")

    @property
    def blocking(self) -> bool:
        return self.failing and self.severity == "blocker"

    @property
    def unknown(self) -> bool:
        return self.status == "unknown"


class Evaluation(Struct):
    """Every rule's result and the notices met while judging."""

    results: list[Result]
    notices: list[str] = field(default_factory=list)


def run_rule(rule: Rule, evidence, policy: Policy, today: dt.date) -> Outcome:
    before = precondition(rule, evidence)
    if before is not None:
        return before
    ctx = Context(params=policy.params(rule.id, rule.params), sig=policy.signatures, today=today)
    try:
        return rule.check(evidence, ctx)
    except Exception as exc:  # a rule bug must not hide every other result
        return Outcome("unknown", f"internal error in {rule.id}: {type(exc).__name__}: {exc}; please report it")


def evaluate(evidence, policy: Policy, rules: list[Rule] | None = None,
             today: dt.date | None = None) -> Evaluation:
    today = today or dt.date.today()
    out = Evaluation(results=[])
    custom = build_rules(policy.data.get("custom_rules") or [])
    for rule in list(rules or all_rules()) + custom:
        severity = policy.severity(rule.id, rule.severity)
        if severity == "off":
            continue
        outcome = run_rule(rule, evidence, policy, today)
        result = Result(rule, outcome.status, severity, outcome.message, outcome.locations, outcome.details,
                        counts_as="fail" if policy.unknown == "fail" else "skip")
        if outcome.status == "waived":  # waived in the repository's own tool config (e.g. zizmor's ignores)
            result.waiver = {"reason": outcome.message, "by": "the repository's configuration"}
        if result.failing:
            policy.apply_waiver(result, today, out.notices)
        out.results.append(result)
    return out


__all__ = ["Evaluation", "Result", "evaluate"]
