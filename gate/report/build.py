"""Build the one Report (a JSON-able dict) every renderer and publisher reads."""
from __future__ import annotations

from typing import Any

from gate import __version__
from gate.evaluate import Evaluation
from gate.score import Scorecard

SCHEMA_VERSION = 1
MAX_TEXT = 2000  # repository text is bounded before it reaches any output


def _bounded(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_report(evaluation: Evaluation, card: Scorecard, policy, evidence, *, path: str,
                 ref: str | None = None, sha: str | None = None, pipeline: dict | None = None) -> dict[str, Any]:
    results = []
    for r in evaluation.results:
        entry: dict[str, Any] = {
            "id": r.rule.id,
            "domain": r.rule.domain,
            "title": r.rule.title,
            "status": r.status,
            "severity": r.severity,
            "message": _bounded(r.message),
            "remediation": r.rule.remediation,
            "locations": [loc.to_dict() for loc in r.locations],
        }
        if r.details:
            entry["details"] = [_bounded(d, 500) for d in r.details[:50]]
        if r.unknown:
            entry["unknown"] = True
        if r.waiver:
            entry["waiver"] = r.waiver
        results.append(entry)
    summary = {s: sum(1 for r in evaluation.results if r.status == s) for s in ("pass", "fail", "skip", "waived")}
    summary["blockers"] = sum(1 for r in evaluation.results if r.blocking)
    report: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "readiness-gate", "version": __version__},
        "repository": {"path": path, "ref": ref, "sha": sha},
        "policy": {"name": policy.name, "source": policy.source, "chain": policy.chain,
                   "profile": policy.profile, "profile_reason": policy.profile_reason,
                   "threshold": policy.threshold},
        "verdict": card.verdict,
        "score": card.score,
        "reasons": card.reasons,
        "summary": summary,
        "domains": [
            {"id": d.id, "title": d.title, "score": d.score, "status": d.status, "passed": d.passed,
             "failed": d.failed, "skipped": d.skipped, "waived": d.waived, "blockers": d.blockers}
            for d in card.domains
        ],
        "results": results,
        "notices": [_bounded(n, 500) for n in (list(evidence.notices) + evaluation.notices)[:100]],
    }
    if pipeline is not None:
        report["pipeline"] = pipeline
    return report
