"""Which results hold a report's verdict at FAIL, read from the saved report alone.

A blocker that fails blocks. A blocker that could not be told blocks where the policy
counts unknown as failed (`unknown: fail`, as `regulated` does): the report says so in the
result's `blocking` flag or the policy's `unknown`, else in the reason that names it.
"""
from __future__ import annotations

from typing import Any


def unknown_counts(report: dict[str, Any]) -> set[str]:
    """Ids of unknown results the policy counts as failed."""
    policy = report.get("policy") or {}
    unknown = [r for r in report.get("results") or [] if isinstance(r, dict) and r.get("status") == "unknown"]
    if policy.get("unknown") == "fail":
        return {str(r.get("id")) for r in unknown}
    if "unknown" in policy:
        return set()
    named = " ".join(str(x) for x in report.get("reasons") or [] if "could not be" in str(x))
    return {str(r.get("id")) for r in unknown if f"{r.get('id')}" in named}


def blocks(result: dict[str, Any], report: dict[str, Any], counted: set[str] | None = None) -> bool:
    if isinstance(result.get("blocking"), bool):
        return result["blocking"]
    if result.get("severity") != "blocker":
        return False
    if result.get("status") == "fail":
        return True
    if result.get("status") != "unknown":
        return False
    return str(result.get("id")) in (unknown_counts(report) if counted is None else counted)
