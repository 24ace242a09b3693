"""Security & compliance: CodeQL configured and covering the code, dependency updates, alerts."""
from __future__ import annotations

from gate.collect.tree import CODEQL_ALIASES
from gate.model import query
from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped, unknown


def codeql_jobs(ev, ctx: Context):
    """(workflow, job, init step or None, languages configured) for every CodeQL job."""
    prefix = ctx.sig.data.get("codeql_action", "github/codeql-action/")
    out = []
    for wf, job in ev.workflows.all_jobs():
        if job.uses and "codeql" in job.uses.lower() and not job.uses.startswith("./"):
            langs = [str(v) for v in job.with_.values() if isinstance(v, str) and v.lower() in CODEQL_ALIASES]
            out.append((wf, job, None, langs, True))
            continue
        init = [s for _, s in query.job_steps(job) if s.uses and s.uses.startswith(prefix + "init")]
        analyze = [s for _, s in query.job_steps(job) if s.uses and s.uses.startswith(prefix + "analyze")]
        if init or analyze:
            langs: list[str] = []
            for s in init:
                raw = s.with_.get("languages")
                values = [raw] if isinstance(raw, str) else []
                if isinstance(raw, str) and "matrix." in raw:
                    from gate.model.resolve import matrix_values
                    mv = matrix_values(job.matrix)
                    values = [v for k, vs in mv.items() if k.split(".")[0] in raw for v in vs]
                for v in values:
                    langs.extend(x.strip() for x in v.split(",") if x.strip())
            out.append((wf, job, (init or analyze)[0], langs, bool(init and analyze)))
    return out


def _runs_on(ev, wf, event: str, depth: int = 0) -> bool:
    """The workflow runs on pull requests (or pushes) itself, or through a local caller that does:
    a reusable scan called from the pull-request workflow and from the push workflow runs on both."""
    if (query.runs_on_pull_requests(wf) if event == "pull_request" else event in wf.triggers):
        return True
    if "workflow_call" not in wf.triggers or depth > 3:
        return False
    return any(job.called is wf and _runs_on(ev, caller, event, depth + 1)
               for caller, job in ev.workflows.all_jobs())


@rule(
    id="security.codeql-workflow", severity="warning",
    title="CodeQL analyses pull requests and pushes",
    rationale="""Code scanning that runs on every pull request finds injection and unsafe
    patterns before review; a scheduled-only scan finds them after release.""",
    remediation="""Add a CodeQL workflow (github/codeql-action/init + analyze) triggered on
    `pull_request` and `push` to the default branch, or enable CodeQL default setup.""",
)
def codeql_workflow(ev, ctx: Context):
    """Passes when a CodeQL job (init + analyze, here or in a local reusable workflow or
    composite action) runs in a workflow triggered by pull requests and pushes; with a token,
    CodeQL default setup also passes. A remote reusable workflow named for CodeQL and called
    on pull requests and pushes is unknown: its content is not in the repository."""
    jobs = codeql_jobs(ev, ctx)
    api = ev.api
    if api is not None and getattr(api, "codeql_default_setup", None):
        return passed("CodeQL default setup is enabled for the repository.")
    if not jobs:
        where = Location(".github/workflows")
        return failed("No CodeQL analysis is configured (no github/codeql-action/init + analyze step).", where)
    both = [(wf, job, step, complete) for wf, job, step, _langs, complete in jobs
            if _runs_on(ev, wf, "pull_request") and _runs_on(ev, wf, "push")]
    for wf, job, step, complete in both:
        if step is not None and complete:
            return passed(f"CodeQL runs on pull requests and pushes in {wf.path}.", step.loc)
    remote = [(wf, job) for wf, job, step, complete in both if step is None]
    if remote:
        # the reusable workflow that runs CodeQL is in another repository: its steps are out of sight
        wf, job = remote[0]
        return unknown(f"CodeQL is delegated to the remote reusable workflow {job.uses} ({job.loc}), which runs on "
                       "pull requests and pushes; whether it analyses them cannot be seen from here.")
    if both:
        wf, job, step, _ = both[0]
        return failed(f"CodeQL in {wf.path} has github/codeql-action/init without analyze (or analyze without "
                      "init) in the same job, so nothing is analysed.", step.loc if step else job.loc)
    wf, job, step, _langs, _ = jobs[0]
    triggers = ", ".join(wf.triggers) or "nothing"
    return failed(f"CodeQL is configured in {wf.path} but runs only on {triggers}, not on both pull requests and pushes.",
                  wf.trigger_loc(next(iter(wf.triggers), "")))


@rule(
    id="security.codeql-languages", severity="warning",
    title="CodeQL covers the repository's languages",
    rationale="""A CodeQL workflow that analyses one language of a polyglot repository leaves
    the rest unscanned while the check still shows green.""",
    remediation="Add every language the repository contains to the CodeQL `languages:` (or the matrix that feeds it).",
    params={"require_actions": False},
)
def codeql_languages(ev, ctx: Context):
    """Compares the languages found by file extension (CodeQL's extractors) with those configured."""
    jobs = codeql_jobs(ev, ctx)
    if not jobs:
        return skipped("No CodeQL analysis configured; security.codeql-workflow reports that.")
    configured = {CODEQL_ALIASES.get(l.lower(), l.lower()) for _, _, _, langs, _ in jobs for l in langs}
    detected = dict(ev.tree.languages)
    if ctx.params.get("require_actions") and ev.workflows.workflows:
        detected.setdefault("actions", len(ev.workflows.workflows))
    if not configured:
        # remote reusable CodeQL workflows and autodetecting setups configure no list here
        return passed("CodeQL runs without an explicit language list (autodetection or a shared workflow).",
                      jobs[0][1].loc)
    missing = sorted(set(detected) - configured)
    loc = jobs[0][2].loc if jobs[0][2] else jobs[0][1].loc
    if missing:
        examples = ", ".join(f"{m} (e.g. {ev.tree.language_example.get(m, 'workflows')})" for m in missing)
        return failed(f"CodeQL does not scan: {examples}.", loc)
    return passed(f"CodeQL scans {', '.join(sorted(configured))}.", loc)


@rule(
    id="security.dependency-updates", severity="warning",
    title="Dependencies are kept up to date automatically",
    rationale="""Known-vulnerable dependencies are the most common way a healthy service
    becomes exploitable; a bot that proposes updates keeps the window short.""",
    remediation="Add .github/dependabot.yml (or a Renovate config) covering each package ecosystem and github-actions.",
)
def dependency_updates(ev, ctx: Context):
    """Passes when Dependabot or Renovate configuration exists."""
    if ev.tree.dependency_bots:
        return passed(f"Dependency updates configured in {ev.tree.dependency_bots[0].path}.", ev.tree.dependency_bots[0])
    return failed("No Dependabot or Renovate configuration.", Location(".github/dependabot.yml"))


@rule(
    id="security.code-scanning-alerts", severity="warning",
    title="No open code-scanning alerts on the ref",
    rationale="""Open high-severity alerts are known, unfixed vulnerabilities; shipping with
    them should be a decision, not an accident.""",
    remediation="Fix or dismiss (with a reason) the open code-scanning alerts listed in the Security tab.",
    params={"severity": "high"},
    needs=("api",),
)
def code_scanning_alerts(ev, ctx: Context):
    """Reads open code-scanning alerts from the GitHub API (token needed)."""
    alerts = getattr(ev.api, "code_scanning_alerts", None) if ev.api is not None else None
    if alerts is None:
        return unknown("Needs a GitHub token with security-events: read to list code-scanning alerts.")
    order = ["note", "low", "medium", "high", "critical"]
    floor = order.index(str(ctx.params.get("severity", "high")))
    bad = [a for a in alerts if order.index(a.severity if a.severity in order else "low") >= floor]
    if bad:
        locs = [Location(a.path, a.line) for a in bad if a.path]
        return failed(f"{len(bad)} open code-scanning alert(s) at or above {order[floor]}.", *locs,
                      details=[f"{a.rule_id} ({a.severity}) {a.path}:{a.line}" for a in bad[:50]])
    return passed(f"No open code-scanning alerts at or above {order[floor]}.")
