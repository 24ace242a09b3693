"""The deploy pipeline as data: environments in promotion order, gates, rollback path.

Derived once from the Evidence and stored in the report, so the Markdown drawing
(and anyone reading the JSON) sees the same pipeline the rules judged.
"""
from __future__ import annotations

from typing import Any

from gate.rules.base import Context
from gate.rules.delivery import promotion_source
from gate.rules.rollback import rollback_paths

TIER_ORDER = {"development": 0, "staging": 1, "production": 2, None: 3}
MAX_ENVIRONMENTS = 12


def describe_pipeline(ev, policy) -> dict[str, Any]:
    ctx = Context(params={}, sig=policy.signatures)
    envs: dict[str, dict[str, Any]] = {}
    for d in ev.deploys:
        name = d.environment or (d.tier or "unnamed")
        if "${{" in name:
            continue
        entry = envs.setdefault(name, {"name": name, "tier": d.tier, "jobs": [], "location": d.loc.to_dict()})
        label = f"{d.workflow.rsplit('/', 1)[-1]}:{d.job}"
        if label not in entry["jobs"]:
            entry["jobs"].append(label)
    ordered = sorted(envs.values(), key=lambda e: (TIER_ORDER.get(e["tier"], 3), e["name"]))[:MAX_ENVIRONMENTS]
    edges = []
    for d in ev.deploys:
        if d.tier != "production":
            continue
        how = promotion_source(ev, d, ctx)
        if how:
            lower = [e for e in ordered if e["tier"] in ("staging", "development")]
            if lower:
                edge = {"from": lower[-1]["name"], "to": d.environment or "production", "how": how}
                if edge not in edges:
                    edges.append(edge)
    rollbacks = [{"what": what, "location": loc.to_dict()} for loc, what in rollback_paths(ev, ctx)[:3]] \
        if ev.deployable else []
    return {"environments": ordered, "promotions": edges, "rollback": rollbacks}
