"""Security & compliance: what the static-analysis scanners found (bandit, semgrep, any SARIF)."""
from __future__ import annotations

from collections import Counter

from gate.model.findings import SEVERITIES, severity_at_least
from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped, unknown

MAX_LISTED = 50  # findings named in details; the message gives the full count


@rule(
    id="security.sast-findings", severity="blocker",
    title="No static-analysis findings at or above the policy's severity",
    rationale="""Scanners that run but never block let injection, unsafe deserialisation and
    hard-coded secrets merge anyway; gating on what a change introduces keeps the bar
    without making every pull request pay for old debt.""",
    remediation="""Fix the reported code (each finding names file:line and rule), or, for a
    false positive, suppress it in source (# nosec, // nosemgrep) with a reason. To gate
    only what a pull request adds, run with --baseline-ref (or --baseline-sarif).""",
    params={"severity": "high", "per_tool": {}, "new_only": None},
    needs=("scanners",),
)
def sast_findings(ev, ctx: Context):
    """Fails on any finding (any new finding in new-only mode) at or above `severity`, or
    the tool's own threshold in `per_tool` (e.g. {bandit: medium, codeql: high}).
    `new_only` defaults to on whenever a baseline was given."""
    sec = ev.security
    threshold = str(ctx.params.get("severity") or "high").lower()
    per_tool = {str(k).lower(): str(v).lower() for k, v in (ctx.params.get("per_tool") or {}).items()}
    bad = [v for v in [threshold, *per_tool.values()] if v not in SEVERITIES]
    if bad:
        return unknown(f"params: severity {bad[0]!r} is not one of {', '.join(SEVERITIES)}.")
    if sec is None or (not sec.outcomes and not sec.sarif_files):
        return skipped("No scanner ran and no SARIF was given (use --scanners or --sarif).")
    missed = [f"{o.tool}: {o.reason}" for o in sec.outcomes if not o.ran]
    if not sec.consulted:
        return unknown("No scanner could run: " + "; ".join(missed))

    new_only = ctx.params.get("new_only")
    new_only = sec.new is not None if new_only is None else bool(new_only)
    pool = sec.new if new_only and sec.new is not None else sec.findings
    blocking = [f for f in pool if severity_at_least(f.severity, per_tool.get(f.tool, threshold))]
    scope = "new " if new_only and sec.new is not None else ""
    bar = threshold + "".join(f", {t}: {s}" for t, s in sorted(per_tool.items()))
    if blocking:
        first = blocking[0]
        msg = (f"{len(blocking)} {scope}finding(s) at or above {bar}; first: {first.where()} "
               f"{first.tool} {first.rule_id} ({first.severity}).")
        if new_only and sec.new is None:
            msg += " No baseline was given, so every finding counts as new."
        details = [f"{f.where()}: {f.tool} {f.rule_id} ({f.severity}): {f.message}" for f in blocking[:MAX_LISTED]]
        if len(blocking) > MAX_LISTED:
            details.append(f"… and {len(blocking) - MAX_LISTED} more")
        details += [f"not run: {m}" for m in missed]
        return failed(msg, *(Location(f.path, f.line, f.column) for f in blocking if f.path), details=details)
    summary = _summary(sec, pool, scope)
    if missed:
        # A scanner that should have run did not: absence of findings proves nothing for it.
        return unknown(f"{summary} But {'; '.join(missed)}.")
    return passed(summary, details=[f"{o.tool}: {o.reason}" for o in sec.outcomes])


def _summary(sec, pool, scope: str) -> str:
    counts = Counter(f.severity for f in pool)
    below = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts[s])
    text = f"No {scope}finding at or above the threshold" + (f" ({below} below it)." if below else ".")
    sources = [o.tool for o in sec.outcomes if o.ran] + ([f"{len(sec.sarif_files)} SARIF file(s)"]
                                                           if sec.sarif_files else [])
    text += f" Sources: {', '.join(sources)}."
    if sec.changed_files is not None:
        text += f" Scanned {len(sec.changed_files)} changed file(s)."
    if sec.new is not None:
        text += f" Against {sec.baseline}: {len(sec.new)} new, {len(sec.fixed)} fixed, {len(sec.unchanged)} unchanged."
    return text
