"""Rollback & recovery: a way back from a bad production deploy, and a check it worked."""
from __future__ import annotations

import re

from gate.collect.deploys import is_stub
from gate.model import query
from gate.model.location import Location
from gate.model.resolve import needs_closure
from gate.rules.base import Context, failed, passed, rule, skipped
from gate.rules.delivery import (no_pipeline, not_deployable, production_deploys, production_deploys_or_skip,
                                 redeploy_inputs)

_FAILURE = re.compile(r"\bfailure\(\)")


def rollback_paths(ev, ctx: Context) -> list[tuple[Location, str]]:
    """Every rollback path in the workflows, with what it is (computed once per Evidence)."""
    key = ("rollback_paths", id(ctx.sig))
    if key not in ev.facts:
        ev.facts[key] = _rollback_paths(ev, ctx)
    return ev.facts[key]


def _rollback_paths(ev, ctx: Context) -> list[tuple[Location, str]]:
    sig = ctx.sig
    found: list[tuple[Location, str]] = []
    prod_workflows = {d.workflow for d in production_deploys(ev)}
    for wf in ev.workflows.workflows.values():
        if query.only_callable(wf) and not any(j.called is wf for _, j in ev.workflows.all_jobs()):
            continue  # a shared-workflow library's rollback is for other repositories
        real_jobs = [j for j in wf.jobs.values() if not is_stub(j)]
        if not real_jobs:
            continue
        if sig.search("rollback_names", f"{wf.label} {wf.path.rsplit('/', 1)[-1]}"):
            found.append((wf.loc, f"rollback workflow {wf.path}"))
            continue
        for job in real_jobs:
            if sig.search("rollback_names", f"{job.id} {job.name or ''} {job.uses or ''}"):
                found.append((job.loc, f"rollback job `{job.id}` in {wf.path}"))
            for _, step in query.job_steps(job):
                m = sig.search("rollback_commands", step.run) if step.run else None
                if m:
                    found.append((Location(step.loc.path, step.line_in_run(m.start())), f"`{m.group(0).strip()}`"))
            if job.if_ and _FAILURE.search(job.if_) and any(
                    d.workflow == wf.path and d.job in job.needs for d in production_deploys(ev)):
                found.append((job.loc, f"`if: failure()` job `{job.id}` after the production deploy"))
        if wf.path in prod_workflows:
            version_inputs = redeploy_inputs(wf, sig)
            if version_inputs:
                found.append((wf.trigger_loc("workflow_dispatch"),
                              f"manual redeploy of a chosen `{version_inputs[0]}` to production ({wf.path})"))
    return found


@rule(
    id="rollback.path-present", severity="blocker",
    title="A rollback path exists for production",
    rationale="""When a release breaks production the fastest fix is the previous version; without
    a rehearsed path, recovery is improvised under pressure.""",
    remediation="""Add a rollback workflow (`workflow_dispatch` with a `version` input that redeploys
    that version to production) or use your platform's rollback (`helm rollback`,
    `kubectl rollout undo`, `vercel rollback` …).""",
)
def path_present(ev, ctx: Context):
    """A workflow or job named for rollback, a known rollback command or flag (policy data),
    a `workflow_dispatch` redeploy of a chosen version to production, or an `if: failure()`
    job after the production deploy."""
    skip = not_deployable(ev)
    if skip:
        return skip
    paths = rollback_paths(ev, ctx)
    if paths:
        return passed(f"Rollback path: {paths[0][1]}.", paths[0][0], details=[f"{loc}: {what}" for loc, what in paths])
    if not ev.deploys:
        return no_pipeline(ev, "there is no automated way back from a bad release")
    return failed("No rollback path: no rollback workflow, command, or manual redeploy of a chosen version to production.",
                  Location(".github/workflows"))


@rule(
    id="rollback.post-deploy-verification", severity="warning",
    title="Production deploys are verified after they run",
    rationale="""A deploy that exits 0 can still serve errors; a smoke or health check after it turns
    a silent outage into a failed, visible job that can trigger the rollback.""",
    remediation="Add a step after the production deploy that checks the service (`curl --fail --retry 5 https://…/health`).",
)
def post_deploy_verification(ev, ctx: Context):
    """After each production deploy, in the same job or a job that needs it: a smoke, health or
    rollout-status check."""
    prod, skip = production_deploys_or_skip(ev)
    if skip:
        return skip
    unverified = []
    followed: dict[str, set[str]] = {}  # per workflow: jobs some verifying job waits for
    for d in prod:
        wf = ev.workflows.workflows.get(d.workflow)
        if wf is None:
            continue
        if wf.path not in followed:
            verifying = [j.id for j in wf.jobs.values() if any(_verifies(s, ctx) for _, s in query.job_steps(j))]
            followed[wf.path] = set().union(*(needs_closure(wf, j) for j in verifying)) if verifying else set()
        steps = list(query.job_steps(wf.jobs[d.job]))
        after = steps[(d.step + 1):] if d.step is not None else steps
        if d.job in followed[wf.path] or any(_verifies(s, ctx) for _, s in after):
            continue
        unverified.append(d)
    if unverified:
        d = unverified[0]
        return failed(f"No smoke or health check after the production deploy `{d.job}` in {d.workflow}.",
                      *(x.loc for x in unverified))
    return passed("Production deploys are followed by a smoke or health check.", prod[0].loc)


def _verifies(step, ctx: Context) -> bool:
    text = " ".join(filter(None, [step.name, step.run, step.uses]))
    return bool(ctx.sig.search("smoke_checks", text))

