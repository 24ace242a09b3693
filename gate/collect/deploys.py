"""Deploy facts: which job deploys to which environment, and how we know.

A job deploys when it changes what runs: it names an `environment:` and does
work there, passes an environment to a reusable workflow, runs a deploy command
or action, or is a job named for a deploy whose steps do real work. Jobs whose
every step is an `echo` are stubs (demos and templates); jobs that only borrow an
environment's secrets to notify, scan, test against it, plan or validate are not
deploys. Whether a deploy is a rollback (it undoes, it adds nothing) is decided
here, once.
"""
from __future__ import annotations

import re

from msgspec import Struct
from msgspec.structs import replace

from gate.collect.workflows import WorkflowSet
from gate.model import resolve
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.workflow import Job, Step, Workflow
from gate.policy.signatures import Signatures

# Lines that only print, wait, read git or set variables change no environment.
_STUB = lazy(r"^\s*(echo|printf|sleep|true|exit 0|:|export\s|cat\s|ls\b|pwd\b|cd\s|[A-Za-z_][A-Za-z0-9_]*="
             r"|git\s+(fetch|describe|log|status|rev-parse|config|show|diff|ls-\w+)\b)")
# Actions that check out, set up, version or publish a GitHub release: not a deploy.
_STUB_USES = lazy(r"^(actions/|[^/]+/[^@]*(semver|version|release|changelog|tag)[^@]*@)", re.I)
# Jobs that use an environment's secrets for operations, not to ship a version.
_OPERATION = lazy(r"(?<![a-z])(backup|restore|recover\w*|maintenance|validate|validation|destroy|delete|cleanup|clean-up|"
                  r"reconcile|plan|lint|scan|audit|owasp|zap|seed|refresh|ptr|snapshot|dump|notify|report)", re.I)
DEPLOY_WORD = lazy(r"(?<![a-z])(deploy\w*|release\w*|promot\w*|rollout|ship|publish\w*|go[-_ ]live)", re.I)
_NOT_THE_SERVICE = lazy(r"^\W*(delete|cleanup|clean-up|clean|destroy|teardown|tear-down|remove|prune|purge|"
                        r"monitor\w*|check|fix|repair|restore|backup|reset|seed|scale|snapshot|dump)"
                        r"(?![a-z])|(?<![a-z])(reports?|results|coverage|docs|documentation|storybook|sbom"
                        r"|benchmarks?|allure|badges?)(?![a-z])", re.I)
_SETUP_ONLY = lazy(r"^\W*(oidc|auth\w*|login|configure|credentials?|setup|set-up|prepare|init|vars|variables)"
                   r"(?![a-z])", re.I)
_ENV_FLAG = lazy(
    r"(?:--(?:stage|env|environment|target|context|namespace|app|site|alias)|\s-e|\s-s)[=\s]+[\"']?([\w.-]+)", re.I
)


class Deploy(Struct, frozen=True):
    """One job that ships the service somewhere, with the environment and tier it reaches."""

    workflow: str           # the workflow file the deploying job belongs to
    job: str                # job id in that workflow
    environment: str        # as resolved ("" when only a command tells)
    tier: str | None        # production / staging / development / None
    loc: Location
    how: str                # environment | input | command | name
    step: int | None = None  # index of the deploying step, for order within a job
    called: str | None = None  # local reusable workflow the deploy happens in
    package_only: bool = False  # the job only publishes a package (PyPI, npm …): a release, not a service
    rollback: bool = False      # a rollback or a redeploy of a chosen, already-promoted version
    remote: str | None = None   # the remote reusable workflow that does the deploy, out of sight
    inner: str | None = None    # the job inside the called workflow that deploys

    @property
    def label(self) -> str:
        return self.environment or self.tier or "unnamed"


def is_stub(job: Job) -> bool:
    """Every step only echoes or sleeps (checkout aside): nothing is deployed."""
    if job.uses or not job.steps:
        return False  # a call, or steps that live in a template out of sight: not known to be a stub
    real = [s for s in job.steps if not (s.uses and _STUB_USES.search(s.uses))]
    for s in real:
        if s.uses:
            return False
        lines = [ln for ln in (s.run or "").splitlines() if ln.strip() and not ln.strip().startswith("#")]
        if any(not _STUB.match(ln) for ln in lines):
            return False
    return True


def step_deploys(step: Step, sig: Signatures) -> bool:
    """A deploy command or action; or a step named for a deploy that runs a command the gate
    cannot follow (`- name: Deploy` running `mage cd`): weaker evidence, still a deploy."""
    if step.uses and sig.uses_match("deploy_actions", step.uses):
        return True
    if step.run and sig.search("deploy_commands", step.run):
        return True
    return bool(step.name and _NAMED_DEPLOY.match(step.name) and step.run and not _only_prints(step.run))


_NAMED_DEPLOY = lazy(r"\W*(deploy|ship|roll[- ]?out|release)\b(?!\s+(notes?|comment|status|summary|preview|docs?|"
                     r"documentation|storybook)\b)", re.I)


def _only_prints(run: str) -> bool:
    lines = [ln for ln in run.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    return all(_STUB.match(ln) for ln in lines)


def _flag_tiers(script: str, sig: Signatures) -> list[tuple[str, str]]:
    """(environment, tier) passed to a deploy command as a flag (`--stage prod`, `-e staging`)."""
    found: list[tuple[str, str]] = []
    for m in _ENV_FLAG.finditer(script):
        t = sig.tier(m.group(1))
        if t:
            found.append((m.group(1), t))
    return found


def _tiers_in(text: str, sig: Signatures) -> list[tuple[str, str]]:
    """(environment, tier) named in a name (job, step, workflow): whole words.

    Never applied to whole scripts, where `/dev/null` or an `alpha` domain are not
    environments."""
    found: list[tuple[str, str]] = []
    for word in re.split(r"[^A-Za-z0-9]+", text):
        t = sig.tier(word) if word else None
        if t:
            found.append((word, t))
    return found


def _input_envs(job: Job, sig: Signatures, ctx: dict) -> list[str]:
    envs: list[str] = []
    for key, value in job.with_.items():
        if sig.search("environment_inputs", str(key)):
            for v in resolve.resolve_value(value, ctx):
                if v not in envs:
                    envs.append(v)
    return envs


def _job_deploys(wf: Workflow, job: Job, sig: Signatures, called_from: Job | None,
                 inputs: dict[str, list[str]]) -> list[Deploy]:
    out: list[Deploy] = []
    if is_stub(job):
        return out
    ctx = resolve.job_context(job, inputs)
    envs = resolve.resolve_value(job.environment, ctx) if job.environment is not None else []
    # `environment: ${{ inputs.x }}` and the caller passes no x: GitHub reads '' — the job deploys
    # (other callers give it an environment) with none
    unnamed_call = called_from is not None and _uncalled_input(job, inputs)
    if unnamed_call:
        envs = []
    if called_from is None and job.environments and not any("${{" in e for e in job.environments):
        envs = job.environments
    envs = _branch_named(wf, job, envs) + _named_by_variables(job, envs, sig)
    # an expression that did not resolve names no environment: the job still declares one,
    # and its own name may say which (`Deploy_PROD`)
    unresolved = bool(envs) and all("${{" in e for e in envs)
    # and an environment that resolves to '' (a call that passes none) names none: the job declares nothing
    envs = [e for e in envs if e and "${{" not in e] or ([w for w, _ in _tiers_in(f"{job.id} {job.name or ''}", sig)[:1]]
                                                        or [""] if unresolved else [])
    owner = called_from or job
    loc = job.environment_loc or job.loc
    if _NOT_THE_SERVICE.search(f"{job.id} {job.name or ''}") or (
            called_from is not None and _NOT_THE_SERVICE.search(f"{called_from.id} {called_from.name or ''}")):
        return out  # tears down, repairs, monitors, or publishes reports and docs: the service is not shipped
    own = f"{job.id} {job.name or ''}"
    if _SETUP_ONLY.search(own) and not DEPLOY_WORD.search(own):
        return out  # fetches credentials or prepares inputs for the job that deploys
    deploy_steps = [i for i, s in enumerate(job.steps) if step_deploys(s, sig)]
    package_only = not deploy_steps and not job.uses and any(
        sig.search("package_publish", s.run) or sig.uses_match("package_publish_actions", s.uses) for s in job.steps)
    own_name = f"{job.id} {job.name or ''}"
    if envs and not deploy_steps and not job.uses and (
            borrows_only(job, sig) or (not DEPLOY_WORD.search(own_name)
                                       and _OPERATION.search(f"{own_name} {wf.label} {wf.path.rsplit('/', 1)[-1]}"))):
        envs = []  # notify, scan, test, plan, back up: they use the environment, they do not deploy to it
    # a job whose steps all live in templates this repository does not hold deploys out of sight
    hidden = next((what for _, what in wf.opaque), None) if not job.steps and not job.uses else None
    for e in envs:
        out.append(Deploy(owner.workflow_path, owner.id, e, sig.tier(e), loc, "environment",
                          called=wf.path if called_from else None, package_only=package_only,
                          inner=job.id if called_from else None, remote=hidden))
    if job.uses:
        remote = None if job.called is not None or job.uses.startswith("./") else job.uses
        for e in _input_envs(job, sig, ctx):
            if "${{" not in e:
                out.append(Deploy(owner.workflow_path, owner.id, e, sig.tier(e), job.loc, "input",
                                  called=job.called.path if job.called is not None else None, remote=remote))
    if not envs and not (job.environment is not None and not deploy_steps):
        # the job's and the file's names may say the tier; a workflow's display name never becomes one
        caller = (called_from.id, called_from.name or "") if called_from is not None else ()
        context_text = " ".join(x for x in (*caller, job.id, job.name or "", wf.path.rsplit("/", 1)[-1]) if x)
        for i in deploy_steps:
            step = job.steps[i]
            named = (_flag_tiers(step.run or step.text, sig)
                     or _tiers_in(" ".join(filter(None, [step.name or "", context_text])), sig))
            for env, tier in named[:1]:
                out.append(Deploy(owner.workflow_path, owner.id, env, tier, resolve.step_location(step), "command", step=i,
                                  called=wf.path if called_from else None, inner=job.id if called_from else None))
            if not named:
                out.append(Deploy(owner.workflow_path, owner.id, "", None, resolve.step_location(step), "command", step=i,
                                  called=wf.path if called_from else None, inner=job.id if called_from else None))
        if not deploy_steps and not job.uses and DEPLOY_WORD.search(own_name):
            for env, tier in _tiers_in(own_name, sig)[:1]:
                out.append(Deploy(owner.workflow_path, owner.id, env, tier, job.loc, "name",
                                  called=wf.path if called_from else None, inner=job.id if called_from else None))
    if unnamed_call and not out:
        named = _tiers_in(f"{called_from.id} {called_from.name or ''} {owner.workflow_path.rsplit('/', 1)[-1]}", sig)
        env, tier = named[0] if named else ("", None)
        out.append(Deploy(owner.workflow_path, owner.id, env, tier, called_from.loc, "unnamed call", called=wf.path,
                          inner=job.id))
    return out


_INPUT_ONLY = lazy(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")


def _uncalled_input(job: Job, inputs: dict[str, list[str]]) -> bool:
    raw = job.environment.get("name") if isinstance(job.environment, dict) else job.environment
    m = _INPUT_ONLY.fullmatch(raw.strip()) if isinstance(raw, str) else None
    return bool(m) and not inputs.get(m.group(1))


_REF_NAME = lazy(r"\$\{\{\s*github\.(?:ref_name|head_ref)\s*\}\}")
_VAR_REF = lazy(r"\b(?:vars|secrets|env)\.([A-Za-z0-9_]+)")


def _branch_named(wf: Workflow, job: Job, envs: list[str]) -> list[str]:
    """`environment: ${{ github.ref_name }}` names the environment after the pushed branch:
    it stands for each branch the workflow deploys on."""
    raw = job.environment.get("name") if isinstance(job.environment, dict) else job.environment
    if not isinstance(raw, str) or not _REF_NAME.fullmatch(raw.strip()):
        return envs
    push = wf.triggers.get("push") if isinstance(wf.triggers.get("push"), dict) else {}
    branches = push.get("branches") if isinstance(push, dict) else None
    branches = [branches] if isinstance(branches, str) else branches or []
    named = [str(b) for b in branches if isinstance(b, str) and not any(c in b for c in "*?[!")]
    return named or envs


def _named_by_variables(job: Job, envs: list[str], sig: Signatures) -> list[str]:
    """An environment read from a variable the gate cannot see (`vars.STAGING_SLOT_NAME`)
    still says its tier in the variable's name."""
    raw = job.environment.get("name") if isinstance(job.environment, dict) else job.environment
    if not isinstance(raw, str) or "${{" not in raw:
        return []
    have = {sig.tier(e) for e in envs}
    out = []
    for name in _VAR_REF.findall(raw):
        for word, tier in _tiers_in(name, sig)[:1]:
            if tier not in have and word not in out:
                out.append(word)
    return out


def borrows_only(job: Job, sig: Signatures) -> bool:
    """Every step prepares the job or only reads, notifies, scans, tests or plans: the job
    uses its environment's secrets and URL, it changes nothing that runs there."""
    work = [s for s in job.steps if not (s.uses and sig.uses_match("environment_setup_actions", s.uses))]
    if not work:
        return False  # nothing but setup: a stub or a template, decided elsewhere
    for step in work:
        text = " ".join(filter(None, [step.name, step.uses, step.run]))
        if not (sig.search("environment_borrowers", text) or sig.search("test_commands", step.run or "")
                or sig.search("smoke_checks", text)):
            return False
    return True


def redeploy_inputs(wf: Workflow, sig: Signatures) -> list[str]:
    """Dispatch inputs naming a version to redeploy, in a workflow that builds no new release."""
    if "workflow_dispatch" not in wf.triggers:
        return []
    names = [n for n in wf.inputs if sig.search("version_inputs", n)]
    if names and any(sig.search("release_create", s.text) for j in wf.jobs.values() for s in j.steps):
        return []
    return names


def _mark_rollback(d: Deploy, ws: WorkflowSet, sig: Signatures) -> Deploy:
    """A rollback undoes or redeploys what was already promoted: exempt from promotion order."""
    wf = ws.pipeline(d.workflow)
    job = wf.jobs.get(d.job) if wf else None
    names = f"{wf.label if wf else ''} {d.workflow.rsplit('/', 1)[-1]} {d.job} {job.name or '' if job else ''}"
    if sig.search("rollback_names", names) or (wf is not None and redeploy_inputs(wf, sig)):
        return replace(d, rollback=True)
    return d


def collect_deploys(ws: WorkflowSet, sig: Signatures) -> list[Deploy]:
    deploys: list[Deploy] = []
    known = tuple(dict.fromkeys(e for _, j in ws.all_jobs() for e in j.environments if "${{" not in e))
    for wf in ws.pipelines():
        defaults = resolve.input_values(wf, known)
        # A workflow only callable by others deploys through its callers (or, in a
        # library of shared workflows, for other repositories): not on its own.
        standalone = not (wf.triggers and set(wf.triggers) <= {"workflow_call"})
        for job in wf.jobs.values():
            if standalone:
                deploys.extend(_job_deploys(wf, job, sig, None, defaults))
            if job.called is not None and job.called is not wf:
                caller_ctx = resolve.job_context(job, defaults)
                passed = {str(k): resolve.resolve_value(v, caller_ctx) for k, v in job.with_.items()}
                inner_defaults = resolve.input_values(job.called)
                inputs = {**inner_defaults, **{k: v for k, v in passed.items() if v}}
                for inner in job.called.jobs.values():
                    deploys.extend(_job_deploys(job.called, inner, sig, job, inputs))
    # a call that passes no environment deploys without one only if other calls of that job deploy
    named_calls = {(d.called, d.inner) for d in deploys if d.called and d.environment and d.how == "environment"}
    deploys = [replace(d, how="name") if d.how == "unnamed call" else d for d in deploys
               if d.how != "unnamed call" or (d.called, d.inner) in named_calls]
    deploys = [_mark_rollback(d, ws, sig) for d in deploys]
    # one fact per (workflow, job, environment, how): matrices and calls repeat
    seen = set()
    unique = []
    for d in deploys:
        key = (d.workflow, d.job, d.environment, d.how, d.step, d.called)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique
