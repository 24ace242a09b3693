"""Hand-written reports in the shape the lead's engine produces (schemas/report.schema.json plus
`subject`, `pipeline` stages/edges and the `unknown` status), for renderer tests that must
not depend on what today's rules happen to find."""
from __future__ import annotations

import copy
from typing import Any


def result(rid: str, status: str, severity: str = "blocker", message: str = "ok", *,
           title: str | None = None, remediation: str | None = None, locations: list | None = None,
           details: list | None = None) -> dict[str, Any]:
    """A result of rule `rid`; a built-in rule's own title and fix unless given (as a report has them)."""
    from gate.rules import get_rule

    builtin = get_rule(rid)
    title = title or (builtin.title if builtin else f"Rule {rid}")
    remediation = remediation or (builtin.remediation if builtin else "Fix it.")
    out = {"id": rid, "domain": rid.split(".")[0], "title": title, "status": status,
           "severity": severity, "message": message, "remediation": remediation,
           "locations": locations if locations is not None else [{"path": "a.yml", "line": 3}]}
    if details:
        out["details"] = details
    return out


BASE: dict[str, Any] = {
    "schema_version": 1,
    "tool": {"name": "readiness-gate", "version": "0.1.0"},
    "repository": {"path": ".", "ref": "refs/pull/7/merge", "sha": None},
    "policy": {"name": "production", "threshold": 70, "profile": None, "source": ".github/readiness.yml"},
    "subject": {"path": ".", "sha": None, "ref": None, "kind": "service", "runs_on": ["Kubernetes"],
                "evidence": ["helm/chart/Chart.yaml:1"], "reason": "a Helm chart deploys the image built here"},
    "verdict": "FAIL", "score": 40, "reasons": [],
    "summary": {"pass": 0, "fail": 0, "skip": 0, "waived": 0, "blockers": 0},
    "domains": [{"id": "ci", "title": "CI/CD pipeline", "score": 40, "status": "fail", "passed": 1, "failed": 1,
                 "skipped": 0, "waived": 0, "blockers": 1}],
    "results": [],
    "notices": [],
}


def report(results: list[dict], *, verdict: str | None = None, score: int = 40, **extra: Any) -> dict[str, Any]:
    r = copy.deepcopy(BASE)
    r["results"] = results
    r["score"] = score
    blockers = [x for x in results if x["status"] == "fail" and x["severity"] == "blocker"]
    reasons = []
    if blockers:
        reasons.append(f"{len(blockers)} blocker(s) failed: " + ", ".join(b["id"] for b in blockers))
    if score < r["policy"]["threshold"]:
        reasons.append(f"score {score} is under the policy's threshold {r['policy']['threshold']}")
    r["reasons"] = reasons
    r["verdict"] = verdict or ("FAIL" if reasons else "PASS")
    r["summary"] = {s: sum(1 for x in results if x["status"] == s) for s in ("pass", "fail", "skip", "waived", "unknown")}
    r["summary"]["blockers"] = len(blockers)
    r.update(extra)
    return r


def pipeline(n_envs: int = 2, *, rollback: bool = False, missing: list | None = None) -> dict[str, Any]:
    """checks → build → dev/… → staging → production, with `n_envs` environments in all."""
    stages = [{"id": "checks", "kind": "checks", "label": "pull-request checks", "tier": None, "present": True,
               "how": "workflow", "gates": [], "jobs": ["ci.yml:test"], "location": {"path": ".github/workflows/ci.yml", "line": 1}},
              {"id": "build", "kind": "build", "label": "build image", "tier": None, "present": True, "how": "workflow",
               "gates": [], "jobs": ["ci.yml:build"], "location": None}]
    names = [f"preview-{i}" for i in range(max(0, n_envs - 2))] + ["staging", "production"]
    for name in names[-n_envs:]:
        tier = "production" if name == "production" else "staging" if name == "staging" else "preview"
        stages.append({"id": f"env:{name}", "kind": "environment", "label": name, "tier": tier, "present": True,
                       "how": "workflow", "gates": ["required reviewers"] if tier == "production" else [],
                       "jobs": [f"deploy.yml:{name}"], "location": {"path": ".github/workflows/deploy.yml", "line": 10}})
    edges = [{"from": a["id"], "to": b["id"], "how": "needs", "label": "", "location": None}
             for a, b in zip(stages, stages[1:])]
    return {"stages": stages, "edges": edges, "missing": missing or ([] if rollback else [{"what": "rollback", "label": "no rollback"}]),
            "rollback": [{"mechanism": "helm rollback", "location": {"path": ".github/workflows/rollback.yml", "line": 21}}] if rollback else [],
            "reached": "production ← needs staging ← push to main", "unknown": []}
