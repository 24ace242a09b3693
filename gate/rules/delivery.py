"""Deployment & environment promotion: named environments, staging before production."""
from __future__ import annotations

from gate.applicability import hidden_at, out_of_sight
from gate.collect.delivery import run_conditions
from gate.model import query, resolve
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.rules.base import Context, Outcome, failed, passed, rule, unknown

_REF_GUARD = lazy(
    r"github\.ref(_name)?\s*==\s*'(refs/heads/)?(main|master|release[^']*|production|prod)'"
    r"|startsWith\(\s*github\.ref\s*,\s*'refs/(tags|heads/release)"
    r"|github\.ref_type\s*==\s*'tag'|github\.event_name\s*==\s*'(release|push)'"
    r"|github\.event\.workflow_run\.head_branch\s*==\s*'(main|master)'")


def no_pipeline(ev, what: str) -> Outcome:
    """The one root-cause finding for a service whose workflows deploy nothing."""
    files = ev.tree.deploy_files + [p for ps in ev.tree.iac.values() for p in ps]
    where = Location(files[0], 1) if files else Location(".github/workflows")
    shown = ", ".join(files[:4]) + (" …" if len(files) > 4 else "")
    config = f"deploy configuration ({shown})" if files else "no deploy configuration"
    return failed(f"The repository carries {config} but no workflow deploys it, so {what}.", where)


def _workflow(ev, path):
    return ev.workflows.pipeline(path)


@rule(
    id="delivery.environments-declared", severity="blocker",
    title="Deploy jobs name their environment",
    rationale="""A GitHub environment is where protection lives: required reviewers, wait timers,
    branch rules and environment-scoped secrets apply only to jobs that declare one.""",
    remediation="Add `environment: <name>` (e.g. `environment: production`) to every job that deploys.",
    applies_to=("service",),
)
def environments_declared(ev, ctx: Context):
    """Every job that changes what runs (a deploy command, action or platform CLI, or a call of
    a deploy workflow) declares `environment:`. With no deploy in sight this is the one
    root-cause finding ("no deploy pipeline"); a deploy that happens out of sight (a PaaS git
    integration, another repository, a remote workflow) is unknown."""
    facts = ev.delivery
    if not facts.deploys:
        hidden = out_of_sight(ev)
        if hidden:
            return unknown(f"No deploy runs in this repository's workflows; {hidden}: the environments "
                           "cannot be judged from here.", hidden_at(ev))
        return no_pipeline(ev, "no deploy runs in a declared environment")
    declared = {(d.workflow, d.job) for d in facts.deploys if d.how in ("environment", "input")}
    bare = [d for d in facts.deploys if (d.workflow, d.job) not in declared]
    handed = [d for d in facts.deploys if d.how == "input" and d.remote]
    if not bare and handed:
        d = handed[0]
        return unknown(f"Job `{d.job}` in {d.workflow} passes `{d.label}` to the remote workflow `{d.remote}`; whether "
                       "its deploy job declares that environment cannot be seen from here.", d.loc)
    if bare:
        first = bare[0]
        return failed(f"{len(bare)} deploy job(s) declare no environment; first: job `{first.job}` in {first.workflow}.",
                      *(d.loc for d in bare))
    envs = sorted({d.environment for d in facts.deploys if d.environment})
    return passed(f"Every deploy job declares an environment ({', '.join(envs)}).", facts.deploys[0].loc)


@rule(
    id="delivery.promotion-order", severity="blocker",
    title="Production deploys only after a lower environment succeeded",
    rationale="""Deploying straight to production ships changes no one has seen running; promotion
    through staging catches broken migrations, config and integrations first.""",
    remediation="""Make the production deploy job `needs:` the staging deploy (or trigger it by
    `workflow_run` on the staging workflow's success, or deploy production from a release or
    branch that staging ran first), so production runs only after staging passed.""",
    applies_to=("service",), needs=("pipeline",),
)
def promotion_order(ev, ctx: Context):
    """Every production deploy is ordered after a staging/development deploy: a `needs` chain,
    a `workflow_run` chain, sequenced reusable calls, step order within one job, branch
    promotion, release or tag promotion, or a GitOps promotion of what a lower environment runs."""
    facts = ev.delivery
    if not facts.production:
        hidden = out_of_sight(ev)
        if hidden:
            return unknown(f"No production deploy in this repository's workflows; {hidden}.", hidden_at(ev))
        envs = sorted({d.label for d in facts.deploys})
        return failed(f"No production deploy found; workflows deploy only to: {', '.join(envs)}.", facts.deploys[0].loc)
    if facts.unordered:
        d = facts.unordered[0]
        return failed(f"{len(facts.unordered)} production deploy(s) run without a lower environment first; "
                      f"first: job `{d.job}` in {d.workflow}.", *(x.loc for x in facts.unordered))
    p = facts.promotions[0]
    return passed(f"Production is promoted: {facts.reached()}.", p.loc,
                  details=[f"{x.loc}: {x.target.label} ← {x.words}" for x in facts.promotions[1:]])


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
        # named long-lived branches (main, production, val …) restrict; a wildcard admits any branch
        if branches and any(not isinstance(b, str) or any(c in b for c in "*?[!") for b in branches):
            return False
    return True


# the ways a job checks that what it deploys is already on the protected branch
_ON_MAIN_CHECK = lazy(r"merge-base\s+--is-ancestor|branch\s+(-r\s+|--remotes\s+)?--contains|\bgit\s+cherry\b|"
                      r"rev-list[^\n]*\borigin/(main|master)\b")


def _guards(wf, d) -> list[str]:
    """The conditions a production deploy runs under: its job's and its needed jobs' `if:`, the
    deploy step's own `if:`, and a needed job that checks the commit is on the default branch."""
    job = wf.jobs[d.job]
    before = [wf.jobs[j] for j in resolve.needs_closure(wf, d.job) if j in wf.jobs]
    guards = run_conditions(wf, d.job)
    inner = job.called.jobs.get(d.inner) if job.called is not None and d.inner else job
    steps = inner.steps if inner is not None else []
    if d.step is not None and d.step < len(steps):
        guards.append(steps[d.step].if_ or "")
    if any(s.run and _ON_MAIN_CHECK.search(s.run) for j in before for _, s in query.job_steps(j)):
        guards.append("github.ref == 'refs/heads/main'")  # verified on main by a job it needs
    return guards


@rule(
    id="delivery.production-branch-restricted", severity="warning",
    title="Production deploys only from the default branch or tags",
    rationale="""A production deploy that any branch can trigger ships unreviewed code; restricting
    it to the default branch or release tags keeps review in the path.""",
    remediation="""Guard the production job with `if: github.ref == 'refs/heads/main'` (or tags), or set
    the production environment's deployment branches to protected branches.""",
    applies_to=("service",), needs=("production",),
)
def production_branch_restricted(ev, ctx: Context):
    """Each production deploy job has a ref guard in `if:`, or its workflow triggers only on
    the default branch, tags, releases or schedules; with a token, the environment's branch policy counts.
    Rollbacks and redeploys count too: a redeploy that any branch can start ships that branch."""
    prod = ev.delivery.all_production
    envs = ev.api.environments if ev.api is not None else None
    open_ = []
    for d in prod:
        wf = _workflow(ev, d.workflow)
        job = wf.jobs.get(d.job) if wf else None
        if job is None:
            continue
        if envs and any(e.name == d.environment and _branch_policy_restricts(e) for e in envs):
            continue
        if any(_REF_GUARD.search(g) for g in _guards(wf, d)) or _restricted_triggers(wf):
            continue
        open_.append(d)
    if open_ and all(d.remote for d in open_):
        d = open_[0]
        return unknown(f"The production deploy runs in the remote workflow `{d.remote}` ({d.loc}); its caller has no "
                       "ref guard and a guard inside it cannot be seen from here.", d.loc)
    open_ = [d for d in open_ if not d.remote]
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
    applies_to=("service",), needs=("production",),
)
def deploy_concurrency(ev, ctx: Context):
    """Each production deploy job, its workflow, or the job calling it sets `concurrency:`."""
    prod = ev.delivery.production
    bare = []
    for d in prod:
        wf = _workflow(ev, d.workflow)
        job = wf.jobs.get(d.job) if wf else None
        inner = ev.workflows.pipeline(d.called) if d.called else None
        if wf is None or wf.concurrency or (job and job.concurrency) or (inner and inner.concurrency) or \
                (inner and any(j.concurrency for j in inner.jobs.values())):
            continue
        bare.append(d)
    if bare and all(d.remote for d in bare):
        return unknown(f"The production deploy runs in the remote workflow `{bare[0].remote}` ({bare[0].loc}); a "
                       "concurrency group there cannot be seen from here.", bare[0].loc)
    bare = [d for d in bare if not d.remote]
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
    applies_to=("service",), needs=("api",),
)
def production_protected(ev, ctx: Context):
    """Reads the production environment's protection rules from the GitHub API (token needed)."""
    envs = ev.api.environments
    if envs is None:
        return unknown("Needs a GitHub token with `actions: read` to read environment protection rules.")
    prod_deploys = ev.delivery.all_production
    prod = [e for e in envs if ctx.sig.tier(e.name) == "production"]
    if not prod:
        return failed("No production environment exists in the repository's settings, so nothing can require approval.",
                      prod_deploys[0].loc if prod_deploys else None)
    weak = [e.name for e in prod if not (e.required_reviewers or e.wait_timer)]
    if weak:
        return failed(f"Environment(s) {', '.join(weak)} have no required reviewers or wait timer.",
                      *(d.loc for d in prod_deploys if d.environment in weak))
    return passed(f"Production environment(s) {', '.join(e.name for e in prod)} require approval.")
