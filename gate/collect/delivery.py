"""Delivery facts: how production is reached, the ways back, and what is out of sight.

Derived once from the deploys and the workflow graph; the delivery and rollback
rules judge these facts, and the report's pipeline serialises the same ones.

- A **promotion** orders a production deploy after a lower environment's deploy:
  `needs`, a `workflow_run` chain, step order in one job, sequenced reusable calls,
  branch promotion (production deploys on a push to another long-lived branch
  than the lower environment), release or tag promotion (production deploys a
  release or tag, the lower environment deploys the branch it is cut from), or a
  GitOps promotion job that copies what a lower environment runs.
- A **rollback path** is a real way back: a rollback workflow or job that does work,
  a known rollback command, a dispatch that redeploys a chosen version to
  production, or an `if: failure()` job after the production deploy that deploys.
- **Out of sight**: the deploy happens where this repository cannot show it (a
  PaaS git integration, a dispatch into another repository, a remote reusable
  workflow): the rules say unknown, naming what was seen and where.
"""
from __future__ import annotations

import re

from msgspec import Struct, field

from gate.collect.deploys import DEPLOY_WORD, Deploy, is_stub, redeploy_inputs, step_deploys
from gate.collect.repo import RepoFiles, files_by_group
from gate.collect.workflows import WorkflowSet
from gate.model import query, resolve
from gate.model.foreign import SYSTEM_NAMES
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.workflow import Workflow
from gate.policy.signatures import Signatures

LOWER = ("development", "staging")
DEFAULT_BRANCHES = ("main", "master", "trunk", "default", "$default-branch")
_PROMOTE = lazy(r"promot", re.I)
_FAILURE = lazy(r"\bfailure\(\)")
# a job after a failed deploy undoes it only if it goes back; re-running the deploy elsewhere is a retry
_UNDOES = lazy(r"roll[-_ ]?back|revert|undo|previous|restore|last[-_ ]?(known|good|successful)|back[-_ ]?out", re.I)
# `github.ref == 'refs/heads/x'`, `github.ref_name == 'x'`, `startsWith(github.ref, 'refs/heads/x')`
_REF_EQ = lazy(r"github\.(?:ref|ref_name|head_ref|base_ref)\s*==\s*'(?:refs/heads/)?([^']+)'")
_TAG_GUARD = lazy(r"startsWith\(\s*github\.ref\s*,\s*'refs/tags|github\.ref_type\s*==\s*'tag'")


class Promotion(Struct, frozen=True):
    """How a production deploy is reached from a lower environment (or from a person's release or tag)."""

    target: Deploy           # the production deploy
    source: Deploy | None    # the lower environment's deploy it follows (None: a release or tag cut by a person)
    how: str                 # needs | workflow_run | step order | reusable | branch | release | tag | gitops
    words: str               # how, in a sentence fragment: "needs: deploy-staging (staging)"
    loc: Location


class RollbackPath(Struct, frozen=True):
    """A way back to the previous version, and where the repository declares it."""

    mechanism: str
    loc: Location


class OutOfSight(Struct, frozen=True):
    """Delivery that happens outside this repository's files, so rules say unknown rather than fail."""

    what: str       # "Vercel deploys from git (vercel.json)", "a dispatch into another repository"
    loc: Location


class DeliveryFacts(Struct):
    """What the deploy pipeline does, derived once from the workflows for every delivery and rollback rule."""

    deploys: list[Deploy] = field(default_factory=list)        # every visible deploy (package releases aside)
    releases: list[Deploy] = field(default_factory=list)       # package-only publishes: releases, not deploys
    production: list[Deploy] = field(default_factory=list)     # forward production deploys (rollbacks aside)
    promotions: list[Promotion] = field(default_factory=list)  # one per ordered production deploy
    unordered: list[Deploy] = field(default_factory=list)      # production deploys nothing orders
    rollbacks: list[RollbackPath] = field(default_factory=list)
    out_of_sight: list[OutOfSight] = field(default_factory=list)

    @property
    def pipeline(self) -> bool:
        """Some deploy runs from this repository's own configuration."""
        return bool(self.deploys)

    @property
    def all_production(self) -> list[Deploy]:
        return [d for d in self.deploys if d.tier == "production"]

    def reached(self) -> str | None:
        """How production is reached, in words, from the first promotion."""
        if not self.promotions:
            return None
        p = self.promotions[0]
        return f"{p.target.label} ← {p.words}"


def collect_delivery(ws: WorkflowSet, deploys: list[Deploy], repo: RepoFiles, sig: Signatures) -> DeliveryFacts:
    facts = DeliveryFacts()
    facts.releases = [d for d in deploys if d.package_only]
    facts.deploys = _unnamed_is_production([d for d in deploys if not d.package_only])
    prod = [d for d in facts.deploys if d.tier == "production"]
    forward = [d for d in prod if not d.rollback] or prod
    facts.production = forward
    for d in forward:
        p = promotion_of(ws, facts.deploys, d, sig)
        (facts.promotions.append(p) if p else facts.unordered.append(d))
    facts.rollbacks = rollback_paths(ws, facts.deploys, sig)
    facts.out_of_sight = list({o.what: o for o in out_of_sight(ws, facts.deploys, repo, sig)}.values())
    return facts


def _unnamed_is_production(deploys: list[Deploy]) -> list[Deploy]:
    """A repository that deploys to one unnamed target deploys to production: with no
    environment named anywhere, there is nowhere else it could be going."""
    if not deploys or any(d.tier for d in deploys):
        return deploys
    from msgspec.structs import replace

    return [replace(d, tier="production") if not d.environment else d for d in deploys]


# --- promotion -----------------------------------------------------------------------------


def promotion_of(ws: WorkflowSet, deploys: list[Deploy], d: Deploy, sig: Signatures, depth: int = 0) -> Promotion | None:
    """How a production deploy is ordered after a lower environment's, or None."""
    wf = ws.pipeline(d.workflow)
    if wf is None:
        return None
    lower = [x for x in deploys if x.tier in LOWER]
    before = resolve.needs_closure(wf, d.job)
    # the nearest lower deploy first: with dev → staging → production, production follows staging
    for x in sorted(lower, key=lambda x: -LOWER.index(x.tier)):
        if x.workflow == d.workflow and x.job in before:
            return Promotion(d, x, "needs", f"needs `{x.job}` ({x.label})", d.loc)
    for x in lower:
        if x.workflow == d.workflow and x.job == d.job and x is not d:
            if x.step is not None and d.step is not None and x.step < d.step:
                return Promotion(d, x, "step order", f"{x.label} first, in job `{d.job}`", d.loc)
            inner = ws.pipeline(d.called) if d.called and x.called == d.called else None
            if inner is not None and x.inner and d.inner and x.inner in resolve.needs_closure(inner, d.inner):
                return Promotion(d, x, "reusable", f"{x.label} first, inside {x.called}", d.loc)
    for src, _success in resolve.workflow_run_sources(wf, resolve.workflow_names(ws.workflows)):
        for x in lower:
            if x.workflow == src.path:
                return Promotion(d, x, "workflow_run", f"workflow_run after {src.path}, which deploys {x.label}",
                                 wf.trigger_loc("workflow_run"))
        if depth < 3:
            for x in deploys:
                if x.workflow == src.path and x.tier == "production":
                    got = promotion_of(ws, deploys, x, sig, depth + 1)
                    if got:
                        return Promotion(d, got.source, got.how, f"workflow_run after {src.path} ← {got.words}",
                                         wf.trigger_loc("workflow_run"))
    released = _release_promotion(ws, wf, d, lower, sig)
    if released:
        return released
    branch = _branch_promotion(ws, wf, d, lower)
    if branch:
        return branch
    return _gitops_promotion(wf, d, lower, sig)


def _release_promotion(ws: WorkflowSet, wf: Workflow, d: Deploy, lower: list[Deploy], sig: Signatures) -> Promotion | None:
    """Production deploys a published release or a pushed tag; a lower environment deploys the
    branch they are cut from (every push), so what production gets has run there first."""
    job = wf.jobs.get(d.job)
    on_release = "release" in wf.triggers
    on_tag = _push_filter(wf, "tags") is not None or bool(job and job.if_ and _TAG_GUARD.search(job.if_))
    if not (on_release or on_tag):
        return None
    for x in lower:
        other = ws.pipeline(x.workflow)
        if other is None or other.path == wf.path and x.job == d.job:
            continue
        if _push_filter(other, "branches") is not None or "push" in other.triggers:
            if on_release:
                # the link is the draft: the pipeline that deployed the lower environment writes the
                # release a person then publishes; a release cut by hand from anywhere is no promotion
                drafts = any(sig.search("release_draft", s.text) or sig.uses_match("release_draft", s.uses)
                             for _, s in query.workflow_steps(other))
                if drafts:
                    return Promotion(d, x, "release", f"release published from the draft {x.workflow} writes "
                                     f"after deploying {x.label}", wf.trigger_loc("release"))
                continue
            return Promotion(d, x, "tag", f"a tag cut from the branch {x.workflow} deploys to {x.label}",
                             wf.trigger_loc("push"))
    return None


def _branch_promotion(ws: WorkflowSet, wf: Workflow, d: Deploy, lower: list[Deploy]) -> Promotion | None:
    """Production deploys on a push to one long-lived branch, a lower environment on a push to
    another: production gets what is merged into its branch from the one staging runs."""
    prod_branches = _deploy_branches(ws, wf, d)
    # production's branch must be its own (`production`, `release`, `live` …): the default
    # branch takes merges from anywhere, so deploying it after `dev` orders nothing
    if not prod_branches or any(b in DEFAULT_BRANCHES for b in prod_branches):
        return None
    for x in lower:
        other = ws.pipeline(x.workflow)
        if other is None:
            continue
        low_branches = _deploy_branches(ws, other, x)
        if low_branches and not (set(low_branches) & set(prod_branches)):
            return Promotion(d, x, "branch",
                             f"push to branch `{prod_branches[0]}` ← merge from `{low_branches[0]}`, "
                             f"which deploys {x.label} first", wf.trigger_loc("push"))
    return None


_CHOICE = lazy(r"github\.(?:ref|ref_name)\s*==\s*'(?:refs/heads/)?([^'*]+)'\s*&&\s*'([^']+)'\s*\|\|\s*'([^']+)'")


def run_conditions(wf: Workflow, job_id: str) -> list[str]:
    """The `if:` a job runs under: its own and those of every job it needs (transitively)."""
    job = wf.jobs.get(job_id)
    if job is None:
        return []
    return [job.if_ or ""] + [wf.jobs[j].if_ or "" for j in resolve.needs_closure(wf, job_id) if j in wf.jobs]


def _deploy_branches(ws: WorkflowSet, wf: Workflow, d: Deploy) -> list[str]:
    """The branches a deploy runs for: an environment chosen by branch
    (`github.ref_name == 'production' && 'production' || 'dev'`), its job's ref guard,
    else the push trigger's branch list."""
    job = wf.jobs.get(d.job)
    chosen = _CHOICE.search(str(job.environment)) if job is not None and job.environment is not None else None
    if chosen:
        branch, when, otherwise = chosen.groups()
        if d.environment == when:
            return [branch]
        pushed = _push_filter(wf, "branches")
        if d.environment == otherwise and isinstance(pushed, list):
            return [str(b) for b in pushed if str(b) != branch and "*" not in str(b)]
    for g in run_conditions(wf, d.job):
        found = [b for b in _REF_EQ.findall(g) if "*" not in b]
        if found:
            return found
    if d.environment and d.environment in (_push_filter(wf, "branches") or []):
        return [d.environment]  # `environment: ${{ github.ref_name }}`: the branch is the environment
    branches = _push_filter(wf, "branches")
    if isinstance(branches, list) and branches and all(isinstance(b, str) and "*" not in b for b in branches) \
            and len(branches) == 1:
        return [str(branches[0])]
    run = wf.triggers.get("workflow_run")
    if isinstance(run, dict):  # chained on another workflow: its branch filter, else its source's pushes
        own = run.get("branches")
        own = [own] if isinstance(own, str) else own
        if isinstance(own, list) and len(own) == 1 and "*" not in str(own[0]):
            return [str(own[0])]
        for src, _ in resolve.workflow_run_sources(wf, resolve.workflow_names(ws.workflows)):
            pushed = _push_filter(src, "branches")
            if isinstance(pushed, list) and len(pushed) == 1 and "*" not in str(pushed[0]):
                return [str(pushed[0])]
    return []


def _push_filter(wf: Workflow, key: str):
    push = wf.triggers.get("push") if "push" in wf.triggers else None
    if not isinstance(push, dict):
        return None
    value = push.get(key)
    return [value] if isinstance(value, str) else value


def _gitops_promotion(wf: Workflow, d: Deploy, lower: list[Deploy], sig: Signatures) -> Promotion | None:
    """A job or workflow named for promotion takes what a lower environment runs and points
    production at it (the repository deploys to one)."""
    job = wf.jobs.get(d.job)
    if job is not None and lower and _PROMOTE.search(f"{job.id} {job.name or ''} {job.uses or ''}"):
        return Promotion(d, lower[0], "gitops", f"job `{job.id}` promotes what {lower[0].label} runs", d.loc)
    text = f"{wf.label} {wf.path}"
    if _PROMOTE.search(text):
        scripts = " ".join(s.text for _, s in query.workflow_steps(wf))
        for word in re.split(r"[^A-Za-z0-9]+", text + " " + scripts[:20000]):
            if word and sig.tier(word) in LOWER:
                src = next((x for x in lower if x.tier == sig.tier(word)), None)
                return Promotion(d, src, "gitops", f"{wf.path} promotes what {word} runs", d.loc)
    return None


# --- rollback ------------------------------------------------------------------------------


def rollback_paths(ws: WorkflowSet, deploys: list[Deploy], sig: Signatures) -> list[RollbackPath]:
    """Every real way back from a bad production deploy, with where it stands."""
    found: list[RollbackPath] = []
    production = [d for d in deploys if d.tier == "production"]
    prod_workflows = {d.workflow for d in production}
    for wf in ws.pipelines():
        if query.only_callable(wf) and not any(j.called is wf for _, j in ws.all_jobs()):
            continue  # a shared-workflow library's rollback is for other repositories
        real_jobs = [j for j in wf.jobs.values() if not is_stub(j)]
        if not real_jobs:
            continue
        if sig.search("rollback_names", f"{wf.label} {wf.path.rsplit('/', 1)[-1]}") and _changes_something(real_jobs, sig):
            found.append(RollbackPath(f"rollback workflow {wf.path}", wf.loc))
            continue
        for job in real_jobs:
            if sig.search("rollback_names", f"{job.id} {job.name or ''} {job.uses or ''}") and \
                    _changes_something([job], sig):
                found.append(RollbackPath(f"rollback job `{job.id}` in {wf.path}", job.loc))
            for _, step in query.job_steps(job):
                m = sig.search("rollback_commands", step.run) if step.run else None
                if m:
                    found.append(RollbackPath(f"`{m.group(0).strip()}` in {wf.path}",
                                              Location(step.loc.path, step.line_in_run(m.start()))))
                elif step.uses and sig.search("rollback_commands", step.text):
                    found.append(RollbackPath(f"`{step.uses}` in {wf.path}", step.loc))
            # an `if: failure()` job after the production deploy undoes it only if it deploys
            if job.if_ and _FAILURE.search(job.if_) and any(d.workflow == wf.path and d.job in job.needs
                                                           for d in production) and _changes_something([job], sig) \
                    and _UNDOES.search(f"{job.id} {job.name or ''} " + " ".join(s.text for _, s in query.job_steps(job))):
                found.append(RollbackPath(f"`if: failure()` job `{job.id}` after the production deploy", job.loc))
        if wf.path in prod_workflows:
            version_inputs = redeploy_inputs(wf, sig)
            if version_inputs:
                found.append(RollbackPath(f"manual redeploy of a chosen `{version_inputs[0]}` to production ({wf.path})",
                                          wf.trigger_loc("workflow_dispatch")))
            elif "workflow_dispatch" in wf.triggers and ("release" in wf.triggers or _push_filter(wf, "tags")):
                # a production deploy of tags that can also be run by hand: run it on the previous tag
                found.append(RollbackPath(f"manual run of the tag-triggered production deploy {wf.path} on an "
                                          "earlier tag", wf.trigger_loc("workflow_dispatch")))
    return found


def _changes_something(jobs, sig: Signatures) -> bool:
    """A rollback-named job that only notifies (a Slack message "rollback needed") is no rollback."""
    for job in jobs:
        if job.uses:
            return True
        for _, step in query.job_steps(job):
            if step_deploys(step, sig) or (step.run and sig.search("rollback_commands", step.run)):
                return True
            text = " ".join(filter(None, [step.name, step.uses, step.run]))
            if step.uses and sig.uses_match("environment_setup_actions", step.uses):
                continue
            if not sig.search("environment_borrowers", text):
                return True  # a script or action we cannot classify: trust the name
    return False


# --- out of sight --------------------------------------------------------------------------


def out_of_sight(ws: WorkflowSet, deploys: list[Deploy], repo: RepoFiles, sig: Signatures) -> list[OutOfSight]:
    """Where deploys visibly happen beyond what this repository shows."""
    seen: list[OutOfSight] = []
    for d in deploys:
        if d.remote:
            seen.append(OutOfSight(f"the {d.label} deploy runs in the remote workflow `{d.remote}`", d.loc))
    for wf, job in _all_jobs(ws):
        if job.uses and not job.uses.startswith("./") and job.called is None and "/.github/workflows/" in job.uses \
                and not any(d.workflow == wf.path and d.job == job.id for d in deploys) \
                and re.search(r"deploy|release|rollout|promot", f"{job.id} {job.name or ''} {job.uses}", re.I):
            seen.append(OutOfSight(f"job `{job.id}` calls the remote workflow `{job.uses}`", job.loc))
        for step in job.steps:
            if (step.uses and sig.uses_match("remote_dispatch_actions", step.uses)) or \
                    (step.run and sig.search("remote_dispatch", step.run)):
                seen.append(OutOfSight(f"job `{job.id}` starts a workflow in another repository", step.loc))
    for wf in ws.foreign:
        for loc, what in wf.opaque:
            if what.startswith("trigger:"):
                seen.append(OutOfSight(f"a {SYSTEM_NAMES.get(wf.system, wf.system)} job starts the pipeline of "
                                       f"another project ({what.split(':', 1)[1].strip()})", loc))
            elif re.search(r"deploy|release|rollout|promot|cd\b", what, re.I):
                seen.append(OutOfSight(f"the {SYSTEM_NAMES.get(wf.system, wf.system)} template `{what}` is not in "
                                       "this repository", loc))
    deploying = {(d.workflow, d.job) for d in deploys}
    for wf, job in _all_jobs(ws):
        for step in job.steps:
            if (step.uses and sig.uses_match("deploy_handoff_actions", step.uses)) or \
                    (step.run and sig.search("deploy_handoff", step.run)) or \
                    ((wf.path, job.id) not in deploying and _uploads_to_deploy(job, step)):
                seen.append(OutOfSight(f"job `{job.id}` hands the release to a deploy system outside this repository",
                                       step.loc))
    if not deploys:
        for system, path in ws.unread:
            seen.append(OutOfSight(f"{system} runs this repository's pipeline and is not read", Location(path, 1)))
        for platform, hits in files_by_group(repo, sig.groups("paas_git_deploys")).items():
            # shallow files only: a platform reads its config at the root of the app it deploys
            hits = [p for p in hits if p.count("/") <= 2 and not _is_example(p)]
            if hits:
                seen.append(OutOfSight(f"{platform} deploys from git", Location(hits[0], 1)))
    return seen


_UPLOADS = lazy(r"upload|publish-artifact|push-artifact", re.I)


def _uploads_to_deploy(job, step) -> bool:
    """A step of a job named for deploying that runs someone's upload action: the artifact goes
    to a deploy pipeline that runs elsewhere (a platform's own upload-and-promote service)."""
    uses = (step.uses or "").split("@", 1)[0]
    if not uses or uses.startswith(("actions/", "./", "docker://")) or not _UPLOADS.search(uses):
        return False
    return bool(DEPLOY_WORD.search(f"{job.id} {job.name or ''} {step.name or ''}"))


def _all_jobs(ws: WorkflowSet):
    for wf in ws.pipelines():
        for job in wf.jobs.values():
            yield wf, job


def _is_example(path: str) -> bool:
    return any(part in ("examples", "example", "samples", "test", "tests", "fixtures", "testdata", "docs")
               for part in path.lower().split("/")[:-1])
