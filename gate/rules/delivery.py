"""Deployment & environment promotion: named environments, staging before production."""
from __future__ import annotations

import re

from gate.collect.deploys import Deploy
from gate.model import query, resolve
from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped, unknown

LOWER = ("development", "staging")
_PROMOTE = re.compile(r"promot", re.I)
_REF_GUARD = re.compile(
    r"github\.ref(_name)?\s*==\s*'(refs/heads/)?(main|master|release[^']*|production|prod)'"
    r"|startsWith\(\s*github\.ref\s*,\s*'refs/(tags|heads/release)"
    r"|github\.ref_type\s*==\s*'tag'|github\.event_name\s*==\s*'(release|push)'"
    r"|github\.event\.workflow_run\.head_branch\s*==\s*'(main|master)'")


def not_deployable(ev):
    """Skip outcome for a repository with nothing to deploy, else None."""
    if ev.deployable:
        return None
    return skipped("Not a deployable service (no deploy workflow, deploy configuration or IaC); "
                   "libraries that only publish packages skip delivery checks.")


def no_pipeline(ev, what: str):
    """Fail outcome for a deployable repository whose workflows deploy nothing."""
    files = ev.tree.deploy_files + [p for ps in ev.tree.iac.values() for p in ps]
    where = Location(files[0], 1) if files else Location(".github/workflows")
    shown = ", ".join(files[:4]) + (" …" if len(files) > 4 else "")
    return failed(f"The repository carries deploy configuration ({shown}) but no workflow deploys it, so {what}.", where)


def production_deploys(ev) -> list[Deploy]:
    return [d for d in ev.deploys if d.tier == "production"]


def production_deploys_or_skip(ev) -> tuple[list[Deploy], object | None]:
    """The production deploys a rule judges, or the skip outcome when there are none to judge."""
    skip = not_deployable(ev)
    if skip:
        return [], skip
    prod = production_deploys(ev)
    if not prod:
        return [], skipped("No production deploy found; delivery.promotion-order reports that.")
    return prod, None


def _workflow(ev, path):
    return ev.workflows.workflows.get(path)


def redeploy_inputs(wf, sig) -> list[str]:
    """Dispatch inputs naming a version to redeploy, in a workflow that builds no new release."""
    if "workflow_dispatch" not in wf.triggers:
        return []
    names = [n for n in wf.inputs if sig.search("version_inputs", n)]
    if names and any(sig.search("release_create", s.text) for _, s in query.workflow_steps(wf)):
        return []
    return names


def is_rollback(ev, d: Deploy, sig) -> bool:
    """A rollback or redeploy of a version that was already promoted: exempt from promotion."""
    wf = _workflow(ev, d.workflow)
    if wf is None:
        return False
    job = wf.jobs.get(d.job)
    names = f"{wf.label} {wf.path.rsplit('/', 1)[-1]} {job.id if job else ''} {job.name or '' if job else ''}"
    return bool(sig.search("rollback_names", names) or redeploy_inputs(wf, sig))


def promotion_source(ev, d: Deploy, ctx: Context, depth: int = 0) -> str | None:
    """How a production deploy is ordered after a lower environment's, or None."""
    wf = _workflow(ev, d.workflow)
    if wf is None:
        return None
    lower = [x for x in ev.deploys if x.tier in LOWER]
    before = resolve.needs_closure(wf, d.job)
    for x in lower:
        if x.workflow == d.workflow and x.job in before:
            return f"needs: {x.job} ({x.environment or x.tier})"
        if x.workflow == d.workflow and x.job == d.job and x is not d:
            if x.step is not None and d.step is not None and x.step < d.step:
                return f"step order in job {d.job} ({x.environment or x.tier} first)"
            if x.called and d.called and x.called == d.called:
                return f"inside {x.called} ({x.environment or x.tier} first)"
    for src, _success in resolve.workflow_run_sources(wf, resolve.workflow_names(ev.workflows.workflows)):
        if any(x.workflow == src.path for x in lower):
            return f"workflow_run after {src.path}"
        if depth < 3:
            for x in ev.deploys:
                if x.workflow == src.path and x.tier == "production":
                    got = promotion_source(ev, x, ctx, depth + 1)
                    if got:
                        return got
    if "release" in wf.triggers:
        for x in lower:
            other = _workflow(ev, x.workflow)
            if other and any(ctx.sig.search("release_draft", s.text) or ctx.sig.uses_match("release_draft", s.uses)
                             for _, s in query.workflow_steps(other)):
                return f"release chain: {x.workflow} drafts the release that triggers {wf.path}"
    # GitOps promotion: a workflow or job named for promotion takes what a lower
    # environment runs (the repository deploys to one) and points production at it
    job = wf.jobs.get(d.job)
    if job is not None and lower and _PROMOTE.search(f"{job.id} {job.name or ''} {job.uses or ''}"):
        return f"job `{job.id}` promotes from {lower[0].environment or lower[0].tier}"
    text = f"{wf.label} {wf.path}"
    if _PROMOTE.search(text):
        scripts = " ".join(s.text for _, s in query.workflow_steps(wf))
        for word in re.split(r"[^A-Za-z0-9]+", text + " " + scripts[:20000]):
            if word and ctx.sig.tier(word) in LOWER:
                return f"{wf.path} promotes what {word} runs"
    return None


@rule(
    id="delivery.environments-declared", severity="blocker",
    title="Deploy jobs name their environment",
    rationale="""A GitHub environment is where protection lives: required reviewers, wait timers,
    branch rules and environment-scoped secrets apply only to jobs that declare one.""",
    remediation="Add `environment: <name>` (e.g. `environment: production`) to every job that deploys.",
)
def environments_declared(ev, ctx: Context):
    """Every job that runs a deploy command (or calls a deploy workflow) declares `environment:`."""
    skip = not_deployable(ev)
    if skip:
        return skip
    if not ev.deploys:
        return no_pipeline(ev, "no deploy runs in a declared environment")
    declared = {(d.workflow, d.job) for d in ev.deploys if d.how in ("environment", "input")}
    bare = [d for d in ev.deploys if (d.workflow, d.job) not in declared]
    if bare:
        first = bare[0]
        return failed(f"{len(bare)} deploy job(s) declare no environment; first: job `{first.job}` in {first.workflow}.",
                      *(d.loc for d in bare))
    envs = sorted({d.environment for d in ev.deploys if d.environment})
    return passed(f"Every deploy job declares an environment ({', '.join(envs)}).", ev.deploys[0].loc)


@rule(
    id="delivery.promotion-order", severity="blocker",
    title="Production deploys only after a lower environment succeeded",
    rationale="""Deploying straight to production ships changes no one has seen running; promotion
    through staging catches broken migrations, config and integrations first.""",
    remediation="""Make the production deploy job `needs:` the staging deploy (or trigger it by
    `workflow_run` on the staging workflow's success), so production runs only after staging passed.""",
)
def promotion_order(ev, ctx: Context):
    """Every production deploy is ordered after a staging/development deploy: a `needs` chain,
    a `workflow_run` chain, sequenced reusable calls, step order within one job, a release
    chain, or a promotion workflow that reads a lower environment's state."""
    skip = not_deployable(ev)
    if skip:
        return skip
    if not ev.deploys:
        return no_pipeline(ev, "nothing is promoted from staging to production")
    prod = production_deploys(ev)
    if not prod:
        envs = sorted({d.environment for d in ev.deploys if d.environment}) or ["unnamed"]
        return failed(f"No production deploy found; workflows deploy only to: {', '.join(envs)}.", ev.deploys[0].loc)
    unordered, how = [], []
    for d in [x for x in prod if not is_rollback(ev, x, ctx.sig)] or prod:
        src = promotion_source(ev, d, ctx)
        (how.append(src) if src else unordered.append(d))
    if unordered:
        d = unordered[0]
        return failed(f"{len(unordered)} production deploy(s) run without a lower environment first; "
                      f"first: job `{d.job}` in {d.workflow}.", *(x.loc for x in unordered))
    return passed(f"Production deploys are promoted: {how[0]}.", prod[0].loc)


def _branch_policy_restricts(env) -> bool:
    """The environment's deployment-branch policy admits only protected branches, main or tags."""
    if env.branch_policy == "protected-branches":
        return True
    if env.branch_policy == "custom" and env.branch_patterns:
        return all(p.startswith("tag:") or p in ("main", "master") or p.startswith("release")
                   for p in env.branch_patterns)
    return False


def _restricted_triggers(wf) -> bool:
    risky = {"workflow_dispatch", "pull_request", "pull_request_target", "issue_comment", "repository_dispatch"}
    if risky & set(wf.triggers):
        return False
    push = wf.triggers.get("push", {}) if "push" in wf.triggers else {}
    if "push" in wf.triggers:
        if not isinstance(push, dict):
            return False
        branches = push.get("branches")
        branches = [branches] if isinstance(branches, str) else branches
        if branches is None and push.get("tags") is None:
            return False
        if branches and not all(str(b) in ("main", "master", "$default-branch") or str(b).startswith("release") for b in branches):
            return False
    return True


@rule(
    id="delivery.production-branch-restricted", severity="warning",
    title="Production deploys only from the default branch or tags",
    rationale="""A production deploy that any branch can trigger ships unreviewed code; restricting
    it to the default branch or release tags keeps review in the path.""",
    remediation="""Guard the production job with `if: github.ref == 'refs/heads/main'` (or tags), or set
    the production environment's deployment branches to protected branches.""",
)
def production_branch_restricted(ev, ctx: Context):
    """Each production deploy job has a ref guard in `if:`, or its workflow triggers only on
    the default branch, tags, releases or schedules; with a token, the environment's branch policy counts."""
    prod, skip = production_deploys_or_skip(ev)
    if skip:
        return skip
    envs = getattr(ev.api, "environments", None) if ev.api is not None else None
    open_ = []
    for d in prod:
        wf = _workflow(ev, d.workflow)
        job = wf.jobs.get(d.job) if wf else None
        if job is None:
            continue
        if envs and any(e.name == d.environment and _branch_policy_restricts(e) for e in envs):
            continue
        guards = [job.if_ or ""] + [wf.jobs[j].if_ or "" for j in resolve.needs_closure(wf, d.job) if j in wf.jobs]
        if any(_REF_GUARD.search(g) for g in guards) or _restricted_triggers(wf):
            continue
        open_.append(d)
    if open_:
        d = open_[0]
        wf = _workflow(ev, d.workflow)
        return failed(f"Production deploy `{d.job}` in {d.workflow} can run from any branch "
                      f"(triggers: {', '.join(wf.triggers) if wf else '?'}) with no ref guard.", *(x.loc for x in open_))
    return passed("Production deploys run only from the default branch, tags or releases.", prod[0].loc)


@rule(
    id="delivery.deploy-concurrency", severity="warning",
    title="Production deploys do not overlap",
    rationale="""Two deploys racing to the same environment can leave it half on one version and
    half on another; a concurrency group queues them.""",
    remediation="Add `concurrency: { group: deploy-production, cancel-in-progress: false }` to the production deploy job or workflow.",
)
def deploy_concurrency(ev, ctx: Context):
    """Each production deploy job, its workflow, or the job calling it sets `concurrency:`."""
    prod, skip = production_deploys_or_skip(ev)
    if skip:
        return skip
    bare = []
    for d in prod:
        wf = _workflow(ev, d.workflow)
        job = wf.jobs.get(d.job) if wf else None
        inner = ev.workflows.workflows.get(d.called) if d.called else None
        if wf is None or wf.concurrency or (job and job.concurrency) or (inner and inner.concurrency) or \
                (inner and any(j.concurrency for j in inner.jobs.values())):
            continue
        bare.append(d)
    if bare:
        return failed(f"{len(bare)} production deploy(s) have no concurrency group; first: `{bare[0].job}` in {bare[0].workflow}.",
                      *(d.loc for d in bare))
    return passed("Production deploys are serialised by a concurrency group.", prod[0].loc)


@rule(
    id="delivery.production-protected", severity="warning",
    title="The production environment requires approval",
    rationale="""Required reviewers or a wait timer on the production environment are the last human
    check before customers see a change, and the audit trail regulators ask for.""",
    remediation="In Settings → Environments → production, add required reviewers (or a wait timer).",
    needs="api",
)
def production_protected(ev, ctx: Context):
    """Reads the production environment's protection rules from the GitHub API (token needed)."""
    skip = not_deployable(ev)
    if skip:
        return skip
    envs = getattr(ev.api, "environments", None) if ev.api is not None else None
    if envs is None:
        return unknown("Needs a GitHub token to read environment protection rules.")
    prod = [e for e in envs if ctx.sig.tier(e.name) == "production"]
    if not prod:
        return failed("No production environment exists in the repository's settings, so nothing can require approval.",
                      production_deploys(ev)[0].loc if production_deploys(ev) else None)
    weak = [e.name for e in prod if not (e.required_reviewers or e.wait_timer)]
    if weak:
        return failed(f"Environment(s) {', '.join(weak)} have no required reviewers or wait timer.",
                      *(d.loc for d in production_deploys(ev) if d.environment in weak))
    return passed(f"Production environment(s) {', '.join(e.name for e in prod)} require approval.")
