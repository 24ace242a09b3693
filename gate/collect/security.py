"""Security evidence: scanner runs, SARIF inputs and the new/fixed/unchanged split.

`collect_security` is what the CLI calls. It raises `SarifError` or `BaselineError`
(one line each: a usage problem, exit 2) for inputs the user named that cannot be used;
a scanner that cannot run is not an error but an outcome the rule reports.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Sequence

from msgspec import Struct, field

from gate.collect.baseline import BaselineError, Comparison, changed_files, compare, merge_base, worktree
from gate.collect.repo import excluded as _excluded  # the same --exclude semantics as the repository walk
from gate.collect.sarif import MAX_FINDINGS, Finding, SarifError, load_file, load_paths
from gate.collect.scanners import DEFAULT_TIMEOUT, SCANNERS, ScanOutcome, run_scanners
from gate.model.findings import SEVERITIES

__all__ = ["SecurityEvidence", "collect_security", "parse_scanners", "SarifError", "BaselineError"]
REPORT_FINDINGS = 5000  # listed in the JSON report (as many as code scanning shows); counts cover all


class SecurityEvidence(Struct):
    findings: list[Finding] = field(default_factory=list)  # everything found now, most severe first
    new: list[Finding] | None = None                       # None: no baseline was given
    fixed: list[Finding] = field(default_factory=list)
    unchanged: list[Finding] = field(default_factory=list)
    outcomes: list[ScanOutcome] = field(default_factory=list)       # scans of the current tree
    base_outcomes: list[ScanOutcome] = field(default_factory=list)  # scans of the baseline worktree
    notices: list[str] = field(default_factory=list)
    sarif_files: list[str] = field(default_factory=list)
    baseline: str | None = None            # "ref origin/main (merge base 1a2b3c4d)" or "sarif base.sarif"
    changed_files: list[str] | None = None  # pull-request mode: the files scanned

    @property
    def consulted(self) -> bool:
        """Some evidence exists: a scanner ran or a SARIF file was read."""
        return bool(self.sarif_files) or any(o.ran for o in self.outcomes)

    def is_new(self, finding: Finding) -> bool | None:
        if self.new is None:
            return None
        return finding.fingerprint in {f.fingerprint for f in self.new}

    def to_report(self, limit: int = REPORT_FINDINGS) -> dict[str, Any]:
        """The report's `findings` list and `security` summary (see docs in the module)."""
        new_fps = {f.fingerprint for f in self.new} if self.new is not None else None
        listed = []
        for f in self.findings[:limit]:
            item = {k: v for k, v in f.to_dict().items()}
            item["new"] = None if new_fps is None else f.fingerprint in new_fps
            listed.append(item)
        by_sev = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            by_sev[f.severity] = by_sev.get(f.severity, 0) + 1
        has_base = self.new is not None
        return {
            "findings": listed,
            "security": {
                "total": len(self.findings),
                "listed": len(listed),
                "by_severity": by_sev,
                "new": len(self.new) if has_base else None,
                "fixed": len(self.fixed) if has_base else None,
                "unchanged": len(self.unchanged) if has_base else None,
                "baseline": self.baseline,
                "changed_files": None if self.changed_files is None else len(self.changed_files),
                "scanners": [o.to_dict() for o in self.outcomes],
                "sarif_files": list(self.sarif_files),
                "notices": list(self.notices),
            },
        }


def parse_scanners(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """`none`, `all`, or a comma list of scanner names; raises ValueError with the bad name."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    names: list[str] = []
    for item in items:
        for name in str(item).lower().replace(" ", "").split(","):
            if name in ("", "none"):
                continue
            if name == "all":
                names.extend(SCANNERS)
            elif name in SCANNERS:
                names.append(name)
            else:
                raise ValueError(f"unknown scanner {name!r}: use none, all, {', '.join(SCANNERS)}")
    return tuple(dict.fromkeys(names))


def collect_security(repo_root: str | os.PathLike, *, sarif_paths: Sequence[str] = (),
                     scanners: Sequence[str] = (), baseline_ref: str | None = None,
                     baseline_sarif: str | None = None, timeout: float = DEFAULT_TIMEOUT,
                     changed_only: bool | None = None, cwd: str | os.PathLike = ".",
                     max_findings: int = MAX_FINDINGS, exclude: Sequence[str] = ()) -> SecurityEvidence:
    """Scan (all of the tree, or only the files changed since `baseline_ref`), read SARIF,
    and split findings into new / fixed / unchanged against the baseline when one is given.

    `changed_only` defaults to True with a baseline ref (pull-request mode). `exclude` globs
    (as `check --exclude` and the policy's `exclude`) drop files from scans and findings."""
    root = Path(repo_root).resolve()
    ev = SecurityEvidence()
    exclude = tuple(exclude)
    tools = parse_scanners(scanners) if scanners else ()
    changed_only = bool(baseline_ref) if changed_only is None else changed_only

    base_commit = None
    if baseline_ref:
        base_commit = merge_base(root, baseline_ref)
        ev.baseline = f"ref {baseline_ref} (merge base {base_commit[:12]})"
        if changed_only:
            ev.changed_files = [f for f in changed_files(root, base_commit) if not _excluded(f, exclude)]
    elif changed_only:
        ev.notices.append("changed-files mode needs --baseline-ref: the whole repository was scanned")

    head: list[Finding] = []
    if tools:
        ev.outcomes = run_scanners(root, tools, files=ev.changed_files, timeout=timeout)
        for o in ev.outcomes:
            head.extend(o.findings)
            ev.notices.extend(o.notices)
    if sarif_paths:
        load = load_paths(sarif_paths, root, cwd=cwd, max_findings=max_findings)
        ev.sarif_files = load.files
        ev.notices.extend(load.notices)
        head.extend(load.findings)
    head = _drop_excluded(head, exclude, ev.notices)
    ev.findings = sorted(head, key=lambda f: (-f.rank, f.path, f.line or 0, f.tool, f.rule_id))

    if not (baseline_ref or baseline_sarif):
        return ev
    base: list[Finding] = []
    based_tools: set[str] = set()  # tools whose findings have a baseline to compare with
    if baseline_sarif:
        bl = load_file(Path(cwd, baseline_sarif), root, max_findings=max_findings)
        base.extend(bl.findings)
        based_tools |= bl.tools
        ev.notices.extend(bl.notices)
        ev.baseline = f"sarif {baseline_sarif}" + (f"; {ev.baseline}" if ev.baseline else "")
    if baseline_ref and tools:
        with worktree(root, base_commit, ev.changed_files) as wt:
            ev.base_outcomes = run_scanners(wt, tools, files=ev.changed_files, timeout=timeout)
        for o in ev.base_outcomes:
            if o.ran:
                base.extend(o.findings)
                based_tools.add(o.tool)
            else:
                ev.notices.append(f"{o.tool} on the baseline: {o.reason}")
    base = _drop_excluded(base, exclude, [])
    ev.new, ev.fixed, ev.unchanged = _split(ev, head, base, based_tools)
    return ev


def _drop_excluded(findings: list[Finding], exclude: tuple[str, ...], notices: list[str]) -> list[Finding]:
    if not exclude:
        return findings
    kept = [f for f in findings if not (f.path and _excluded(f.path, exclude))]
    if len(kept) < len(findings):
        notices.append(f"{len(findings) - len(kept)} finding(s) in excluded paths left out")
    return kept


def _split(ev: SecurityEvidence, head: list[Finding], base: list[Finding],
           based_tools: set[str]) -> tuple[list[Finding], list[Finding], list[Finding]]:
    cmp: Comparison = compare([f for f in head if f.tool in based_tools], base)
    new, unchanged = list(cmp.new), list(cmp.unchanged)
    orphans = [f for f in head if f.tool not in based_tools]
    if orphans:
        names = ", ".join(sorted({f.tool for f in orphans}))
        if ev.changed_files is not None:
            # No baseline for these tools (e.g. CodeQL SARIF with --baseline-ref): a change can
            # only have introduced what lies in the files it touches.
            touched = set(ev.changed_files)
            new += [f for f in orphans if f.path in touched]
            unchanged += [f for f in orphans if f.path not in touched]
            ev.notices.append(f"no baseline for {names}: its findings in changed files count as new")
        else:
            new += orphans
            ev.notices.append(f"no baseline for {names}: all its findings count as new")
    order = {id(f): i for i, f in enumerate(ev.findings)}
    new.sort(key=lambda f: order.get(id(f), 0))
    unchanged.sort(key=lambda f: order.get(id(f), 0))
    return new, cmp.fixed, unchanged
