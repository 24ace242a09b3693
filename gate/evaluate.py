"""evaluate: run every rule the policy enables over the Evidence."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gate.model.location import Location
from gate.policy.load import Policy
from gate.rules import all_rules
from gate.rules.base import Context, Outcome, Rule, skipped


@dataclass
class Result:
    rule: Rule
    status: str          # pass | fail | skip | waived
    severity: str        # blocker | warning | info
    message: str
    locations: tuple[Location, ...] = ()
    details: tuple[str, ...] = ()
    waiver: dict[str, Any] | None = None
    unknown: bool = False  # could not tell (no token, no scanner)

    @property
    def blocking(self) -> bool:
        return self.status == "fail" and self.severity == "blocker"


@dataclass
class Evaluation:
    results: list[Result]
    notices: list[str] = field(default_factory=list)


def run_rule(rule: Rule, evidence, policy: Policy, today: dt.date) -> Outcome:
    ctx = Context(params=policy.params(rule.id, rule.params), sig=policy.signatures, today=today)
    try:
        return rule.check(evidence, ctx)
    except Exception as exc:  # a rule bug must not hide every other result
        return Outcome("skip", f"internal error in {rule.id}: {type(exc).__name__}: {exc}; please report it")


def evaluate(evidence, policy: Policy, rules: list[Rule] | None = None,
             today: dt.date | None = None) -> Evaluation:
    today = today or dt.date.today()
    out = Evaluation(results=[])
    for rule in list(rules or all_rules()) + list(getattr(policy, "custom_rules", []) or []):
        severity = policy.severity(rule.id, rule.severity)
        if severity == "off":
            continue
        outcome = run_rule(rule, evidence, policy, today)
        status, unknown = outcome.status, False
        if status == "unknown":
            unknown = True
            status = "fail" if policy.unknown == "fail" else "skip"
        result = Result(rule, status, severity, outcome.message, outcome.locations, outcome.details, unknown=unknown)
        apply_waiver = getattr(policy, "apply_waiver", None)
        if apply_waiver is not None and result.status == "fail":
            apply_waiver(result, today, out.notices)
        out.results.append(result)
    return out


__all__ = ["Evaluation", "Result", "evaluate", "skipped"]
