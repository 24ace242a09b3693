"""Build the one Report (a JSON-able dict) every renderer and publisher reads."""
from __future__ import annotations

from typing import Any

from gate import __version__
from gate.evaluate import Evaluation
from gate.report.pipeline import describe_pipeline
from gate.score import Scorecard

SCHEMA_VERSION = 1
MAX_TEXT = 2000  # repository text is bounded before it reaches any output


def _bounded(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_report(evaluation: Evaluation, card: Scorecard, policy, evidence, *, path: str,
                 ref: str | None = None) -> dict[str, Any]:
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
        if r.status == "unknown":
            entry["counts_as"] = r.counts_as
        entry["blocking"] = r.blocking  # decided once, here: renderers and publishers read it
        if r.waiver:
            entry["waiver"] = r.waiver
        results.append(entry)
    summary = {s: sum(1 for r in evaluation.results if r.status == s) for s in ("pass", "fail", "skip", "unknown", "waived")}
    summary["blockers"] = sum(1 for r in evaluation.results if r.blocking)
    report: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "readiness-gate", "version": __version__},
        "subject": subject(evidence, path, ref),
        "repository": {"path": path, "ref": ref, "sha": subject_sha(evidence)},
        "policy": {"name": policy.name, "source": policy.source, "chain": policy.chain,
                   "profile": policy.profile, "profile_reason": policy.profile_reason,
                   "threshold": policy.threshold, "unknown": policy.unknown,
                   "fail_on": policy.data.get("fail_on", "any")},
        "verdict": card.verdict,
        "score": card.score,
        "reasons": card.reasons,
        "summary": summary,
        "domains": [
            {"id": d.id, "title": d.title, "score": d.score, "status": d.status, "passed": d.passed,
             "failed": d.failed, "skipped": d.skipped, "unknown": d.unknown, "waived": d.waived, "blockers": d.blockers}
            for d in card.domains
        ],
        "results": results,
        "notices": [_bounded(n, 500) for n in (list(evidence.notices) + evaluation.notices)[:100]],
    }
    report["pipeline"] = describe_pipeline(evidence, evaluation)
    return report


def subject_sha(evidence) -> str | None:
    return evidence.git.head()[0] if evidence.git is not None else None


def subject(evidence, path: str, ref: str | None) -> dict[str, Any]:
    """What was judged: the checkout, its commit and ref, and what kind of repository it is."""
    sha, branch = evidence.git.head() if evidence.git is not None else (None, None)
    out: dict[str, Any] = {"path": path, "sha": sha, "ref": ref or branch}
    if evidence.subject is not None:
        out.update(evidence.subject.to_dict())
    return out
