"""Collect the workflow model: every workflow, local actions, resolved."""
from __future__ import annotations

from dataclasses import dataclass, field

from gate.collect.repo import RepoFiles
from gate.model import resolve
from gate.model.location import Location
from gate.model.workflow import CompositeAction, Workflow, parse_action, parse_workflow
from gate.model.yamlsafe import YamlError, load

WORKFLOW_DIR = ".github/workflows/"
MAX_WORKFLOW_BYTES = 1 << 20


@dataclass
class WorkflowSet:
    workflows: dict[str, Workflow] = field(default_factory=dict)
    actions: dict[str, CompositeAction] = field(default_factory=dict)
    # Files that could not be read as workflows: (location, what is wrong).
    invalid: list[tuple[Location, str]] = field(default_factory=list)

    def all_jobs(self):
        for wf in self.workflows.values():
            for job in wf.jobs.values():
                yield wf, job


def is_workflow_file(path: str) -> bool:
    if not path.startswith(WORKFLOW_DIR) or not path.endswith((".yml", ".yaml")):
        return False
    return "/" not in path[len(WORKFLOW_DIR):]


def load_yaml_file(repo: RepoFiles, path: str) -> tuple[object | None, tuple[Location, str] | None]:
    text = repo.read(path, MAX_WORKFLOW_BYTES)
    if text is None:
        size = repo.sizes.get(path, 0)
        why = (f"larger than {MAX_WORKFLOW_BYTES} bytes; not read" if size > MAX_WORKFLOW_BYTES
               else "not readable as text")
        return None, (Location(path, None), why)
    try:
        return load(text), None
    except YamlError as exc:
        return None, (Location(path, exc.line), exc.message)


def collect_workflows(repo: RepoFiles) -> WorkflowSet:
    ws = WorkflowSet()
    for path in repo.files:
        if not is_workflow_file(path):
            continue
        doc, error = load_yaml_file(repo, path)
        if error:
            ws.invalid.append(error)
            continue
        wf = parse_workflow(path, doc)
        ws.workflows[path] = wf
        for line, problem in wf.problems:
            ws.invalid.append((Location(path, line), problem))

    def find_action(uses: str) -> CompositeAction | None:
        base = _normalise(uses)
        if base is None:
            return None
        for name in ("action.yml", "action.yaml"):
            path = f"{base}/{name}" if base else name
            if path in ws.actions:
                return ws.actions[path]
            if repo.exists(path):
                doc, error = load_yaml_file(repo, path)
                if error:
                    ws.invalid.append(error)
                    return None
                action = parse_action(path, doc)
                ws.actions[path] = action
                return action
        return None

    for wf in ws.workflows.values():
        for job in wf.jobs.values():
            job.steps = resolve.expand_actions(job.steps, find_action)
            if job.uses and job.uses.startswith("./"):
                target = _normalise(job.uses.split("@", 1)[0])
                job.called = ws.workflows.get(target or "")
    resolve.resolve_environments(ws.workflows)
    return ws


def _normalise(uses: str) -> str | None:
    """`./.github/actions/x` -> `.github/actions/x`; None if it leaves the repository."""
    parts = []
    for part in uses.split("@", 1)[0].split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)
