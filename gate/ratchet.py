"""Ratchet mode: judge a change by what it did to readiness, not by what the base already lacked.

A legacy repository fails today for gaps that are years old; with `fail_on: new` the gate
blocks a change only when it makes readiness worse against its base:
- a rule that blocks now (a blocker that fails, or an unknown the policy counts as a failure)
  passed, was skipped, unknown or waived in the base, or was not judged there;
- a blocking rule that already failed reports a finding the base did not have (per finding
  for SAST and the workflow-hardening audits, whose findings are individually fixable);
- the score fell under the threshold from at or above it.
Everything the base already had is listed as "existing" and does not block.

This works on two saved reports (dicts), so the same code serves `--baseline-report`,
`--baseline-ref` (the base evaluated in a worktree) and `publish` from an artifact.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Callable

from gate.model.lazyre import lazy
from gate.report.blocking import blocks

FAIL_ON = ("any", "new")
# Rules whose failures are lists of independent findings: a new one is a new gap even
# when the rule failed in the base too.
PER_FINDING_DOMAINS = ("hardening",)
PER_FINDING_RULES = ("security.sast-findings",)
_LINE_COL = lazy(r":\d+(?::\d+)?(?=: |$)")


class RatchetError(ValueError):
    """The base report cannot be compared (not a report); one line."""


def blocking(result: dict[str, Any], report: dict[str, Any] | None = None) -> bool:
    """Whether this result holds the verdict at FAIL on its own."""
    return blocks(result, report or {})


def apply(head: dict[str, Any], base: dict[str, Any] | None, fail_on: str = "any") -> dict[str, Any]:
    """Add `changes` to `head` (what this change broke, fixed and left as it was) and, with
    fail_on "new", decide the verdict from what it broke alone. Returns `head`."""
    if fail_on not in FAIL_ON:
        raise RatchetError(f"fail_on {fail_on!r}: expected one of {', '.join(FAIL_ON)}")
    if base is None:
        if fail_on == "new":
            head.setdefault("notices", []).append(
                "fail_on: new without a base (no --baseline-report or --baseline-ref): judged as fail_on: any")
        return head
    if not isinstance(base.get("results"), list):
        raise RatchetError("the base is not a readiness-gate report (no `results` list)")
    changes = compare(base, head)
    changes["fail_on"] = fail_on
    head["changes"] = changes
    if fail_on == "new":
        changes["verdict_any"] = head.get("verdict")
        reasons = _ratchet_reasons(head, changes)
        head["verdict"] = "FAIL" if reasons else "PASS"
        head["reasons"] = reasons
    return head


def compare(base: dict[str, Any], head: dict[str, Any]) -> dict[str, Any]:
    """What the change did, rule by rule (and finding by finding where that is the unit)."""
    before = {r.get("id"): r for r in base.get("results", []) if isinstance(r, dict) and r.get("id")}
    broke: list[dict[str, Any]] = []
    existing: list[dict[str, Any]] = []
    for r in head.get("results", []):
        if not isinstance(r, dict) or not blocking(r, head):
            continue
        old = before.get(r["id"])
        if old is None or not blocking(old, base):
            was = "not judged" if old is None else _was(old)
            broke.append({"id": r["id"], "title": r.get("title", r["id"]), "was": was, "findings": []})
            continue
        new = _new_findings(r, old, head, base)
        if new:
            broke.append({"id": r["id"], "title": r.get("title", r["id"]), "was": "fail", "findings": new})
        else:
            existing.append({"id": r["id"], "title": r.get("title", r["id"])})
    failing_now = {r.get("id") for r in head.get("results", []) if isinstance(r, dict) and r.get("status") == "fail"}
    failing_before = {i for i, r in before.items() if r.get("status") == "fail"}
    score_before = base.get("score") if isinstance(base.get("score"), int) else None
    threshold = (head.get("policy") or {}).get("threshold")
    score_now = head.get("score")
    fell = (isinstance(score_before, int) and isinstance(score_now, int) and isinstance(threshold, int)
            and score_before >= threshold > score_now)
    repo = base.get("repository") or {}
    return {
        "base": {"sha": repo.get("sha"), "ref": repo.get("ref"), "verdict": base.get("verdict")},
        "broke": broke,
        "existing": existing,
        "new_failures": sorted(i for i in failing_now - failing_before if i),
        "fixed": sorted(i for i in failing_before - failing_now if i),
        "score_before": score_before,
        "score_fell_under_threshold": bool(fell),
    }


def _was(result: dict[str, Any]) -> str:
    status = result.get("status")
    if status == "fail":
        return f"fail ({result.get('severity')})"  # failed at a lower severity: now it blocks
    return str(status)


def _new_findings(now: dict[str, Any], then: dict[str, Any], head: dict, base: dict) -> list[str]:
    """Findings of a blocking rule the base did not report, as one line each."""
    rid = str(now.get("id"))
    if rid in PER_FINDING_RULES:
        return _new_scanner_findings(head, base)
    if rid.split(".", 1)[0] not in PER_FINDING_DOMAINS:
        return []
    left = Counter(_finding_keys(then))
    out: list[str] = []
    for key, line in zip(_finding_keys(now), _finding_lines(now)):
        if left[key] > 0:
            left[key] -= 1
        else:
            out.append(line)
    return out


def _finding_lines(result: dict[str, Any]) -> list[str]:
    details = [str(d) for d in result.get("details") or []]
    if details:
        return details
    return [_where(loc) for loc in result.get("locations") or [] if isinstance(loc, dict)]


def _finding_keys(result: dict[str, Any]) -> list[str]:
    """Lines move when code is added above a finding: identity is the file and the text, not the line."""
    details = [str(d) for d in result.get("details") or []]
    if details:
        return [_LINE_COL.sub("", d, count=1) for d in details]
    return [str(loc.get("path")) for loc in result.get("locations") or [] if isinstance(loc, dict)]


def _new_scanner_findings(head: dict, base: dict) -> list[str]:
    findings = [f for f in head.get("findings") or [] if isinstance(f, dict)]
    if any(isinstance(f.get("new"), bool) for f in findings):
        fresh = [f for f in findings if f.get("new")]  # the scanners' own baseline already split them
    else:
        left = Counter(str(f.get("fingerprint")) for f in base.get("findings") or [] if isinstance(f, dict))
        fresh = []
        for f in findings:
            fp = str(f.get("fingerprint"))
            if left[fp] > 0:
                left[fp] -= 1
            else:
                fresh.append(f)
    return [f"{_where(f)}: {f.get('tool', '')} {f.get('rule_id', '')}".rstrip() for f in fresh]


def _where(item: dict[str, Any]) -> str:
    path = str(item.get("path") or "?")
    return f"{path}:{item['line']}" if item.get("line") else path


def _ratchet_reasons(head: dict[str, Any], changes: dict[str, Any]) -> list[str]:
    reasons: list[str] = []
    broke = changes["broke"]
    if broke:
        parts = [f"{b['id']} ({len(b['findings'])} new finding(s))" if b["findings"] else f"{b['id']} (was {b['was']})"
                 for b in broke]
        reasons.append(f"this change broke {len(broke)} blocker(s): " + ", ".join(parts))
    if changes["score_fell_under_threshold"]:
        threshold = (head.get("policy") or {}).get("threshold")
        reasons.append(f"score fell from {changes['score_before']} to {head.get('score')}, "
                       f"under the threshold {threshold}")
    return reasons


def base_report_at(repo: str | Path, ref: str, evaluate: Callable[[Path], dict[str, Any]]) -> dict[str, Any]:
    """The report of `ref`'s merge base with HEAD, evaluated by `evaluate` in a temporary
    worktree (removed afterwards). Comparing with the merge base, not the ref's tip, keeps
    what landed on the base branch since out of this change's account. Raises
    gate.collect.baseline.BaselineError (one line) when git cannot provide it."""
    from gate.collect.baseline import merge_base, worktree

    commit = merge_base(repo, ref)
    root = Path(repo).resolve()
    top = Path(_git_toplevel(root))
    inner = root.relative_to(top) if root != top and root.is_relative_to(top) else Path()
    with worktree(top, commit) as wt:
        report = evaluate(wt / inner)
    report.setdefault("repository", {})
    report["repository"].update({"ref": ref, "sha": commit})
    return report


def _git_toplevel(path: Path) -> str:
    from gate.collect.baseline import git

    return git(path, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip()
