"""The deploy pipeline as data: checks → build → environments in promotion order → production.

It serialises the delivery facts the rules judged (gate/collect/delivery.py) and the
results they gave; nothing here re-derives a fact. Missing parts are listed so the
picture can draw them dashed: no CI, no build, no staging, no promotion, no rollback.
"""
from __future__ import annotations

from typing import Any

TIER_ORDER = {"preview": 0, "development": 1, "staging": 2, "production": 3, None: 4}
_STATUS = ("ci.tests-run", "ci.build-verified", "delivery.promotion-order", "rollback.path-present",
           "delivery.production-protected")


def describe_pipeline(ev, evaluation) -> dict[str, Any]:
    facts = ev.delivery
    status = {r.rule.id: r for r in evaluation.results if r.rule.id in _STATUS}
    stages: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    missing: list[dict[str, str]] = []

    tests = status.get("ci.tests-run")
    checks_ok = tests is not None and tests.status == "pass"
    stages.append(_stage("checks", "checks", "pull-request checks", checks_ok, tests))
    if not checks_ok:
        missing.append({"what": "ci", "label": "no CI" if not ev.workflows.workflows else "no tests on pull requests"})
    build = status.get("ci.build-verified")
    build_ok = build is not None and build.status == "pass"
    stages.append(_stage("build", "build", "build", build_ok, build))
    edges.append({"from": "checks", "to": "build", "how": "needs", "label": "", "location": None})
    if not build_ok and build is not None and build.status != "skip":
        missing.append({"what": "build", "label": "not built on pull requests"})

    envs: dict[str, dict[str, Any]] = {}
    for d in facts.deploys:
        if d.rollback and any(x.environment == d.environment and not x.rollback for x in facts.deploys):
            continue  # a rollback job is drawn as the way back, not as an environment
        key = _env_id(d.label)
        entry = envs.setdefault(key, {"id": key, "kind": "environment", "label": d.label, "tier": d.tier,
                                      "present": True, "how": "out of sight" if d.remote else "workflow",
                                      "gates": [], "jobs": [], "location": d.loc.to_dict()})
        job = f"{d.workflow.rsplit('/', 1)[-1]}:{d.job}"
        if job not in entry["jobs"] and len(entry["jobs"]) < 5:
            entry["jobs"].append(job)
    if not facts.deploys:
        for seen in facts.out_of_sight:
            key = _env_id("production")
            envs.setdefault(key, {"id": key, "kind": "environment", "label": "production", "tier": "production",
                                  "present": True, "how": "out of sight", "gates": [], "jobs": [],
                                  "location": seen.loc.to_dict()})
    protected = status.get("delivery.production-protected")
    if protected is not None and protected.status == "pass":
        for e in envs.values():
            if e["tier"] == "production":
                e["gates"].append("required reviewers")
    ordered = sorted(envs.values(), key=lambda e: (TIER_ORDER.get(e["tier"], 4), e["label"]))
    if ev.deployable and not any(e["tier"] == "production" for e in ordered):
        ordered.append({"id": _env_id("production"), "kind": "environment", "label": "production",
                        "tier": "production", "present": False, "how": "by hand" if not facts.deploys else "workflow",
                        "gates": [], "jobs": [], "location": None})
    if ev.deployable and not any(e["tier"] in ("development", "staging") for e in ordered):
        missing.append({"what": "staging", "label": "no staging"})
    stages.extend(ordered)

    for p in facts.promotions:
        if p.source is None:
            continue
        edge = {"from": _env_id(p.source.label), "to": _env_id(p.target.label), "how": p.how, "label": p.words,
                "location": p.loc.to_dict()}
        if edge["from"] != edge["to"] and not any(e["from"] == edge["from"] and e["to"] == edge["to"] for e in edges):
            edges.append(edge)
    for e in ordered:  # what nothing promotes into is deployed straight from the build
        if not any(x["to"] == e["id"] for x in edges):
            edges.append({"from": "build", "to": e["id"], "how": e["how"] if e["how"] != "workflow" else "needs",
                          "label": "", "location": None})
    promotion = status.get("delivery.promotion-order")
    if ev.deployable and (promotion is None or promotion.status != "pass"):
        missing.append({"what": "promotion", "label": "no promotion to production"})
    rollback = status.get("rollback.path-present")
    if ev.deployable and (rollback is None or rollback.status != "pass"):
        missing.append({"what": "rollback", "label": "no rollback"})
    return {
        "stages": stages,
        "edges": edges,
        "missing": missing if ev.deployable or not checks_ok else [m for m in missing if m["what"] == "ci"],
        "rollback": [{"mechanism": r.mechanism, "location": r.loc.to_dict()} for r in facts.rollbacks[:5]],
        "reached": facts.reached(),
        "unknown": [{"what": o.what, "location": o.loc.to_dict()} for o in facts.out_of_sight[:5]],
    }


def _stage(id_: str, kind: str, label: str, present: bool, result) -> dict[str, Any]:
    loc = result.locations[0].to_dict() if result is not None and result.locations and present else None
    return {"id": id_, "kind": kind, "label": label, "tier": None, "present": present, "how": "workflow",
            "gates": [], "jobs": [], "location": loc}


def _env_id(label: str) -> str:
    return "env:" + label
