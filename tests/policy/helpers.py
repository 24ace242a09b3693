"""Run the gate over a fixture repository with a given policy and day."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from gate.collect import collect
from gate.evaluate import evaluate
from gate.collect.custom import collect_custom
from gate.policy.load import load_policy
from gate.score import score

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def catalogue() -> dict:
    """{rule id: params}: what the engine passes to load_policy from the registry."""
    from gate.rules import all_rules

    return {r.id: dict(r.params) for r in all_rules()}


def gate_run(repo: Path | str, policy: str | None = None, *, ref: str | None = None,
             today: dt.date = dt.date(2025, 1, 15), env: dict | None = None):
    """(policy, evaluation, scorecard) as `check` would produce them."""
    root = FIXTURES / repo if isinstance(repo, str) else repo
    pol = load_policy(policy, root, git_ref=ref, env=env or {})
    evidence = collect(root, pol)
    collect_custom(evidence, pol)
    evaluation = evaluate(evidence, pol, today=today)
    return pol, evaluation, score(evaluation.results, pol.weights, pol.threshold)


def status(evaluation, rule_id: str) -> str | None:
    return next((r.status for r in evaluation.results if r.rule.id == rule_id), None)


def blockers(evaluation) -> list[str]:
    return [r.rule.id for r in evaluation.results if r.blocking]
