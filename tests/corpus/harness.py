"""Run the gate over the labelled corpus beside this clone (../shared/corpus)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def corpus_repos(kind: str = "dev") -> list[Path]:
    root = CORPUS / kind
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def labels(kind: str, repo: Path) -> dict:
    return json.loads((CORPUS / f"{kind}-labels" / f"{repo.name}.json").read_text())


@lru_cache(maxsize=None)
def run_gate(path: str, policy_name: str = "production"):
    """The engine's whole flow, as `readiness-gate check` runs it (no token, no scanners)."""
    from gate.engine import Options, run

    r = run(path, Options(policy=policy_name))
    return r.policy, r.evidence, r.evaluation, r.card


def detections(path: str) -> dict:
    """The facts the dev labels name, as the gate sees them."""
    from gate.rules.hardening import third_party_uses
    import re

    policy, ev, evaluation, _ = run_gate(path)
    status = {r.rule.id: r.status for r in evaluation.results}
    uses = third_party_uses(ev)
    return {
        "ci_on_pull_request": status.get("ci.pull-request-trigger") == "pass",
        "ci_runs_tests": status.get("ci.tests-run") == "pass",
        # the label means what the rule states: CodeQL analyses pull requests and pushes
        "codeql": status.get("security.codeql-workflow") == "pass",
        "dependency_updates": status.get("security.dependency-updates") == "pass",
        "production_deploy": bool(ev.delivery.all_production),
        "promotion_ordered": status.get("delivery.promotion-order") == "pass",
        "rollback": bool(ev.delivery.rollbacks),
        "third_party_uses_total": len(uses),
        "third_party_uses_pinned": sum(1 for _, u in uses if re.search(r"@[0-9a-f]{40}$", u)),
    }
