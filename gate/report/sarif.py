"""SARIF 2.1.0: one merged log for code scanning — the gate's own failing rules as one
run, and one run per scanner with its findings.

It validates against the OASIS schema and follows GitHub's upload rules: every result
has a ruleId, a message, and a physical location whose URI is relative to the
repository root with startLine >= 1; at most 20 runs and 25,000 results a run (the
most severe are kept); partialFingerprints carry our stable fingerprints so alerts
follow code that moves.
"""
from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

from gate.model.findings import FINGERPRINT_KEY, GATE_TOOL, SEVERITY_RANK, Finding
from gate.report.blocking import blocks, unknown_counts

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/readiness-gate/readiness-gate"
MAX_RUNS = 20                # GitHub rejects more runs in one file
MAX_RESULTS_PER_RUN = 25_000  # and more results in one run
GATE_LEVEL = {"blocker": "error", "warning": "warning", "info": "note"}
FINDING_LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "note": "note"}
# GitHub shows a security rule's severity from this score (its CVSS bands).
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "2.0"}
DEFAULT_FALLBACK = ".github/readiness.yml"


def render_sarif(report: dict[str, Any], findings: Sequence[Finding], root: str | os.PathLike | None = None) -> str:
    """The merged SARIF log as JSON text."""
    return json.dumps(sarif_log(report, findings, root), indent=2, ensure_ascii=False) + "\n"


def render_report_sarif(report: dict[str, Any], findings: Sequence[Finding] | None = None,
                        root: str | os.PathLike | None = None, **_: Any) -> str:
    """The renderer registry's entry: from a saved report alone, findings come from its
    `findings` list (so `publish` can work from the JSON artifact)."""
    if findings is None:
        findings = [f for f in (_finding_from(d) for d in report.get("findings") or []) if f is not None]
    return render_sarif(report, findings, root)


class _Files:
    """Which paths code scanning can show: files that exist in the checkout. Without the
    checkout (a publish job that only has the JSON artifact) nothing can be checked, and
    nothing is left out."""

    def __init__(self, report: dict[str, Any], root: str | os.PathLike | None) -> None:
        if root is None:
            path = (report.get("repository") or {}).get("path")
            root = path if isinstance(path, str) and path else None
        self._cache: dict[str, bool] = {}
        self.root = Path(root) if root is not None and Path(root).is_dir() else None
        if self.root is not None and not self._tree_present(report):
            self.root = None

    def _tree_present(self, report: dict[str, Any]) -> bool:
        paths = [str(loc.get("path")) for r in report.get("results") or [] if isinstance(r, dict)
                 for loc in r.get("locations") or [] if isinstance(loc, dict) and loc.get("path")]
        return not paths or any(self.exists(p) for p in paths[:200])

    def exists(self, path: str) -> bool:
        if self.root is None:
            return _uploadable(path)
        if path not in self._cache:
            clean = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
            full = self.root / clean
            self._cache[path] = (_uploadable(path) and full.is_file()
                                 and full.resolve().is_relative_to(self.root.resolve()))
        return self._cache[path]


def sarif_log(report: dict[str, Any], findings: Sequence[Finding],
              root: str | os.PathLike | None = None) -> dict[str, Any]:
    new_state = _baseline_states(report)
    files = _Files(report, root)
    runs = [_gate_run(report, files)]
    by_tool: dict[str, list[Finding]] = {}
    # A scanner that ran and found nothing still gets its (empty) run: code scanning
    # closes the alerts of earlier runs only when it sees the tool report none.
    for s in (report.get("security") or {}).get("scanners") or []:
        if isinstance(s, dict) and s.get("ran") and s.get("tool"):
            by_tool.setdefault(str(s["tool"]), [])
    for f in findings:
        by_tool.setdefault(f.tool or "unknown", []).append(f)
    tools = sorted(by_tool, key=lambda t: -len(by_tool[t]))
    if len(tools) > MAX_RUNS - 1:  # fold the smallest tools into one run rather than be rejected
        rest = [f for t in tools[MAX_RUNS - 2:] for f in by_tool.pop(t)]
        tools = tools[:MAX_RUNS - 2] + ["other-tools"]
        by_tool["other-tools"] = rest
    for tool in sorted(tools):
        runs.append(_tool_run(tool, by_tool[tool], new_state, files))
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": runs}


# ---------------------------------------------------------------- the gate's run


def _gate_run(report: dict[str, Any], files: _Files) -> dict[str, Any]:
    tool = report.get("tool") or {}
    fallback = _fallback_uri(report)
    omitted: list[str] = []
    counted = unknown_counts(report)
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    for r in report.get("results") or []:
        if not isinstance(r, dict) or not r.get("id"):
            continue
        rule_id = str(r["id"])
        level = GATE_LEVEL.get(str(r.get("severity")), "warning")
        if rule_id not in index:
            index[rule_id] = len(rules)
            rules.append(_gate_rule(r, level))
        # an unknown blocker is a failure where the policy counts it as one (regulated)
        unknown_blocks = r.get("status") == "unknown" and blocks(r, report, counted)
        if r.get("status") != "fail" and not unknown_blocks:
            continue
        message = _text(r.get("message")) or str(r.get("title") or rule_id)
        if unknown_blocks:
            message = "could not tell: " + message
        locs = [loc for loc in r.get("locations") or [] if isinstance(loc, dict) and loc.get("path")]
        # Code scanning can only show a file that exists: the rule's locations that are files
        # (where the fix goes, or the configuration it reasoned from), else the policy file.
        placed = [loc for loc in locs if files.exists(str(loc["path"]))]
        if not placed and files.exists(fallback):
            placed = [{"path": fallback, "line": 1}]
        if not placed:
            omitted.append(rule_id)
            continue
        seen: dict[str, int] = {}
        # One result per location: each is its own alert at its own line in code scanning.
        for loc in placed:
            uri = _uri(str(loc["path"]))
            key = f"{rule_id}\x1f{uri}"
            seen[key] = seen.get(key, 0) + 1
            results.append({
                "ruleId": rule_id, "ruleIndex": index[rule_id], "level": level,
                "message": {"text": message},
                "locations": [_location(uri, loc.get("line"), loc.get("column"))],
                "partialFingerprints": {FINGERPRINT_KEY: f"{_hash(key)}:{seen[key]}"},
            })
    run: dict[str, Any] = {
        "tool": {"driver": {"name": str(tool.get("name") or GATE_TOOL),
                            "version": str(tool.get("version") or "0"),
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "results": results[:MAX_RESULTS_PER_RUN],
        "columnKind": "unicodeCodePoints",
        "properties": {"verdict": report.get("verdict"), "score": report.get("score"),
                       "omittedResults": len(omitted), "omittedRules": omitted},
    }
    notes = [str(s.get("headline") or f"{s.get('tool')} not run: {s.get('reason')}")
             for s in (report.get("security") or {}).get("scanners") or [] if isinstance(s, dict) and not s.get("ran")]
    if omitted:
        notes.append(f"{len(omitted)} failing check(s) have no file in the repository to point at and are not "
                     f"listed: {', '.join(omitted)}")
    if notes:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [
            {"message": {"text": n}, "level": "warning" if "not run" in n else "note"} for n in notes]}]
    return run


def _gate_rule(r: dict[str, Any], level: str) -> dict[str, Any]:
    title = _text(r.get("title")) or str(r["id"])
    remediation = _text(r.get("remediation")) or title
    return {
        "id": str(r["id"]),
        "name": _pascal(str(r["id"])),
        "shortDescription": {"text": title},
        "fullDescription": {"text": title},
        "help": {"text": remediation, "markdown": remediation},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["readiness", str(r.get("domain") or r["id"].split(".")[0])]},
    }


def _fallback_uri(report: dict[str, Any]) -> str:
    """Where a repository-wide gap (no file to point at) is shown: the policy file that asks for it."""
    source = str((report.get("policy") or {}).get("source") or "")
    if source.endswith((".yml", ".yaml")) and not source.startswith("/") and ".." not in source.split("/"):
        return source
    return DEFAULT_FALLBACK


# ---------------------------------------------------------------- scanner runs


def _tool_run(tool: str, findings: list[Finding], new_state: dict[str, str], files: _Files) -> dict[str, Any]:
    notes: list[str] = []
    located = [f for f in findings if files.exists(f.path)]
    if len(located) < len(findings):
        notes.append(f"{len(findings) - len(located)} finding(s) without a repository file location are not listed")
    located.sort(key=lambda f: -SEVERITY_RANK.get(f.severity, 0))
    if len(located) > MAX_RESULTS_PER_RUN:
        notes.append(f"{len(located)} findings; the {MAX_RESULTS_PER_RUN} most severe are listed")
        located = located[:MAX_RESULTS_PER_RUN]
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    worst: dict[str, str] = {}
    for f in located:
        if f.rule_id not in index:
            index[f.rule_id] = len(rules)
            rules.append({"id": f.rule_id, "shortDescription": {"text": f.rule_id}})
            if f.help_uri:
                rules[-1]["helpUri"] = f.help_uri
        if SEVERITY_RANK.get(f.severity, 0) > SEVERITY_RANK.get(worst.get(f.rule_id, "note"), 0):
            worst[f.rule_id] = f.severity
    for rule in rules:
        props: dict[str, Any] = {"tags": ["security"]}
        score = SECURITY_SEVERITY.get(worst.get(rule["id"], "note"))
        if score:
            props["security-severity"] = score
        rule["properties"] = props
    results = []
    for f in located:
        result: dict[str, Any] = {
            "ruleId": f.rule_id, "ruleIndex": index[f.rule_id],
            "level": FINDING_LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message or f.rule_id},
            "locations": [_location(_uri(f.path), f.line, f.column)],
            "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
            "properties": {"severity": f.severity},
        }
        if f.fingerprint in new_state:
            result["baselineState"] = new_state[f.fingerprint]
        results.append(result)
    run: dict[str, Any] = {"tool": {"driver": {"name": tool, "rules": rules}}, "results": results,
                           "columnKind": "unicodeCodePoints",
                           "properties": {"omittedResults": len(findings) - len(located)}}
    if notes:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [
            {"message": {"text": n}, "level": "note"} for n in notes]}]
    return run


def _baseline_states(report: dict[str, Any]) -> dict[str, str]:
    """fingerprint -> "new" / "unchanged", from the report's findings when a baseline was used."""
    out: dict[str, str] = {}
    for d in report.get("findings") or []:
        if isinstance(d, dict) and isinstance(d.get("new"), bool) and d.get("fingerprint"):
            out[str(d["fingerprint"])] = "new" if d["new"] else "unchanged"
    return out


def _finding_from(d: Any) -> Finding | None:
    if not isinstance(d, dict):
        return None
    try:
        line = d.get("line") if isinstance(d.get("line"), int) else None
        col = d.get("column") if isinstance(d.get("column"), int) else None
        return Finding(str(d["tool"]), str(d["rule_id"]), str(d.get("severity") or "medium"),
                       str(d.get("level") or "warning"), str(d.get("message") or ""), str(d.get("path") or ""),
                       line, col, str(d.get("fingerprint") or ""), d.get("help_uri") or None)
    except KeyError:
        return None


# ---------------------------------------------------------------- pieces


def _location(uri: str, line: Any, column: Any) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line if isinstance(line, int) and line >= 1 else 1}
    if isinstance(column, int) and column >= 1:
        region["startColumn"] = column
    return {"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}, "region": region}}


def _uri(path: str) -> str:
    """A relative, percent-encoded URI: code scanning resolves it against the repository root."""
    clean = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    clean = re.sub(r"^[A-Za-z]:/", "", clean)
    return quote(clean if clean not in ("", ".") else DEFAULT_FALLBACK, safe="/-._~")


def _uploadable(path: str) -> bool:
    """A file code scanning can place: not empty, not a URL, not outside the repository."""
    if not path or re.match(r"^[a-z][a-z0-9+.-]+://", path):
        return False
    clean = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    return clean != ".." and not clean.startswith("../")


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""


def _pascal(rule_id: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^A-Za-z0-9]+", rule_id) if p)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:32]


