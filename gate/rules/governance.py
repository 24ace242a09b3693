"""Governance & review: who must approve, and whether this gate is required."""
from __future__ import annotations

from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, unknown


def merged_branch_rules(api) -> tuple[set[str], int] | None:
    """Required checks and approvals from classic protection and rulesets together; None if unknown."""
    if api is None:
        return None
    sources = [r for r in (getattr(api, "branch_protection", None), getattr(api, "rulesets", None)) if r is not None]
    if not sources:
        return None
    checks = {c for r in sources for c in r.required_status_checks}
    reviews = max((r.required_approving_review_count or 0) for r in sources)
    return checks, reviews


@rule(
    id="governance.branch-protection", severity="warning",
    title="The default branch is protected",
    rationale="""Without protection anyone with write access can push straight to the branch that
    deploys, skipping review and every check.""",
    remediation="Protect the default branch (or add a ruleset) requiring pull requests, one approving review and status checks.",
    needs=("api",),
)
def branch_protection(ev, ctx: Context):
    """Reads branch protection and rulesets on the default branch (token needed)."""
    rules = merged_branch_rules(ev.api)
    if rules is None:
        return unknown("Needs a GitHub token with administration: read to see branch protection and rulesets.")
    checks, reviews = rules
    if ev.api.default_branch_protected is False:
        return failed(f"The default branch `{ev.api.default_branch}` has no branch protection and no ruleset.")
    gaps = []
    if not reviews:
        gaps.append("no required approving review")
    if not checks:
        gaps.append("no required status checks")
    if gaps:
        return failed(f"The default branch is protected but has {' and '.join(gaps)}.")
    return passed("The default branch requires reviews and status checks.")


@rule(
    id="governance.gate-required", severity="info",
    title="This gate is a required status check",
    rationale="A readiness verdict nobody is required to pass is advice; branch protection makes it a gate.",
    remediation="Add the gate's status name (default `readiness-gate`) to the default branch's required status checks.",
    params={"status_name": "readiness-gate"},
    needs=("api",),
)
def gate_required(ev, ctx: Context):
    """Reads the required status checks of the default branch (token needed)."""
    rules = merged_branch_rules(ev.api)
    if rules is None:
        return unknown("Needs a GitHub token with administration: read to see required status checks.")
    name = ctx.params.get("status_name", "readiness-gate")
    if name in rules[0]:
        return passed(f"`{name}` is a required status check on the default branch.")
    return failed(f"`{name}` is not among the default branch's required status checks.")


@rule(
    id="governance.codeowners", severity="warning",
    title="Code owners are declared",
    rationale="""CODEOWNERS routes every change to the people accountable for it and lets branch
    protection require their review on workflows and deploy config.""",
    remediation="Add .github/CODEOWNERS naming owners for the code, the workflows and the deploy configuration.",
)
def codeowners(ev, ctx: Context):
    """Passes when CODEOWNERS exists at the root, .github/ or docs/."""
    if ev.tree.codeowners:
        return passed(f"Code owners declared in {ev.tree.codeowners.path}.", ev.tree.codeowners)
    return failed("No CODEOWNERS file.", Location(".github/CODEOWNERS"))
