"""Questions many rules ask of the workflow model, answered once."""
from __future__ import annotations

from typing import Iterator

from gate.model.workflow import Job, Step, Workflow

PR_EVENTS = ("pull_request", "pull_request_target", "merge_group")


def runs_on_pull_requests(wf: Workflow) -> bool:
    """Opened or updated pull requests, or the merge queue (not `types: [closed]` only)."""
    for event in PR_EVENTS:
        if event not in wf.triggers:
            continue
        cfg = wf.triggers[event]
        types = cfg.get("types") if isinstance(cfg, dict) else None
        if isinstance(types, str):
            types = [types]
        if isinstance(types, list) and types and all(t == "closed" for t in types):
            continue
        return True
    return False


def job_steps(job: Job, depth: int = 0) -> Iterator[tuple[Job, Step]]:
    """The steps a job runs, through local reusable workflows it calls."""
    for step in job.steps:
        yield job, step
    if job.called is not None and depth < 4:
        for inner in job.called.jobs.values():
            yield from job_steps(inner, depth + 1)


def workflow_steps(wf: Workflow) -> Iterator[tuple[Job, Step]]:
    for job in wf.jobs.values():
        yield from job_steps(job)


def pushes_default_branch(wf: Workflow, default_branches: tuple[str, ...]) -> bool:
    if "push" not in wf.triggers:
        return False
    cfg = wf.triggers["push"]
    if not isinstance(cfg, dict):
        return True
    branches = cfg.get("branches")
    if branches is None:
        # tags-only push filters do not run on the branch
        return not (cfg.get("tags") is not None and cfg.get("branches-ignore") is None)
    if isinstance(branches, str):
        branches = [branches]
    from fnmatch import fnmatchcase

    return any(isinstance(b, str) and (b == "$default-branch" or any(fnmatchcase(d, b) for d in default_branches))
               for b in branches)


def only_callable(wf: Workflow) -> bool:
    return bool(wf.triggers) and set(wf.triggers) <= {"workflow_call"}
