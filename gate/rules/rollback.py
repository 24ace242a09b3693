"""Rollback & recovery: a way back from a bad production deploy, and a check it worked."""
from __future__ import annotations

import re

from gate.applicability import hidden_at, out_of_sight
from gate.collect.deploys import step_deploys
from gate.model import query
from gate.model.lazyre import lazy
from gate.model.resolve import needs_closure
from gate.rules.base import Context, failed, passed, rule, skipped, unknown


@rule(
    id="rollback.path-present", severity="blocker",
    title="A rollback path exists for production",
    rationale="""When a release breaks production the fastest fix is the previous version; without
    a rehearsed path, recovery is improvised under pressure.""",
    remediation="""Add a rollback workflow (`workflow_dispatch` with a `version` input that redeploys
    that version to production) or use your platform's rollback (`helm rollback`,
    `kubectl rollout undo`, `vercel rollback` …).""",
    applies_to=("service",),
)
def path_present(ev, ctx: Context):
    """A rollback workflow or job that does work, a known rollback command or flag (policy data),
    a `workflow_dispatch` redeploy of a chosen version to production, or an `if: failure()`
    job that redeploys after the production deploy. A failure notification is not a rollback."""
    facts = ev.delivery
    if facts.rollbacks:
        first = facts.rollbacks[0]
        return passed(f"Rollback path: {first.mechanism}.", first.loc,
                      details=[f"{r.loc}: {r.mechanism}" for r in facts.rollbacks])
    hidden = out_of_sight(ev)
    if not facts.deploys:
        if hidden:
            return unknown(f"Deploys happen out of sight ({hidden}); whether they can be rolled back cannot be "
                           "judged from here.", hidden_at(ev))
        return skipped("Not judged: no deploy pipeline (see delivery.environments-declared).")
    if not facts.production:
        if hidden:
            return unknown(f"No production deploy in this repository's workflows; {hidden}: whether production can "
                           "be rolled back cannot be judged from here.", hidden_at(ev))
        return skipped("No production deploy found; delivery.promotion-order reports that.")
    remote = [d for d in facts.production if d.remote]
    if remote:
        return unknown(f"The production deploy runs in the remote workflow `{remote[0].remote}` ({remote[0].loc}); "
                       "a rollback there cannot be seen from here.", remote[0].loc)
    return failed("No rollback path: no rollback workflow, command, or manual redeploy of a chosen version to production.",
                  facts.production[0].loc)


@rule(
    id="rollback.post-deploy-verification", severity="warning",
    title="Production deploys are verified after they run",
    rationale="""A deploy that exits 0 can still serve errors; a smoke or health check after it turns
    a silent outage into a failed, visible job that can trigger the rollback.""",
    remediation="Add a step after the production deploy that checks the service (`curl --fail --retry 5 https://…/health`).",
    applies_to=("service",), needs=("production",),
)
def post_deploy_verification(ev, ctx: Context):
    """After each production deploy, in the same job or a job that needs it: a smoke, health or
    rollout-status check."""
    prod = ev.delivery.production
    unverified = []
    followed: dict[str, set[str]] = {}  # per workflow: jobs some verifying job waits for
    for d in prod:
        wf = ev.workflows.pipeline(d.workflow)
        if wf is None or d.job not in wf.jobs:
            continue
        if wf.path not in followed:
            verifying = [j.id for j in wf.jobs.values() if any(_verifies(s, ctx) for _, s in query.job_steps(j))]
            followed[wf.path] = set().union(*(needs_closure(wf, j) for j in verifying)) if verifying else set()
        steps = list(query.job_steps(wf.jobs[d.job]))
        after = steps[(_last_change(steps, d, ctx) + 1):]
        if d.job in followed[wf.path] or any(_verifies(s, ctx) for _, s in after):
            continue
        unverified.append(d)
    if unverified and all(d.remote for d in unverified):
        return unknown(f"The production deploy runs in the remote workflow `{unverified[0].remote}`; a check after it "
                       "there cannot be seen from here.", unverified[0].loc)
    unverified = [d for d in unverified if not d.remote]
    if unverified:
        d = unverified[0]
        return failed(f"No smoke or health check after the production deploy `{d.job}` in {d.workflow}.",
                      *(x.loc for x in unverified))
    return passed("Production deploys are followed by a smoke or health check.", prod[0].loc)


def _last_change(steps, d, ctx: Context) -> int:
    """The step after which production runs the new version: the deploy step, else the last
    step that deploys or swaps (a check of the staging slot before the swap checks nothing)."""
    if d.step is not None:
        return d.step
    changes = [i for i, (_, s) in enumerate(steps) if "failure()" not in (s.if_ or "") and
               (step_deploys(s, ctx.sig) or (s.run and ctx.sig.search("rollback_commands", s.run)))]
    return changes[-1] if changes else -1


_CANNOT_FAIL = lazy(r"\|\|\s*(true|:|exit\s+0)\s*$|\|\|\s*echo\b", re.M)


def _verifies(step, ctx: Context) -> bool:
    """A smoke, health or rollout check that can fail the job (`… || true` cannot)."""
    if step.run and _CANNOT_FAIL.search(step.run):
        return False
    text = " ".join(filter(None, [step.name, step.run, step.uses]))
    return bool(ctx.sig.search("smoke_checks", text))
