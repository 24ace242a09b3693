"""Collect the workflow model: every workflow, local actions, resolved; and the
pipelines of other CI systems, read into the same model.

`WorkflowSet.workflows` holds GitHub Actions workflows only (hardening and zizmor
judge those); `WorkflowSet.foreign` holds Azure Pipelines, GitLab CI, CircleCI and
Bitbucket Pipelines as `Workflow` objects whose `system` names the CI system.
Readers of CI evidence — tests, builds, deploys — iterate both through
`WorkflowSet.pipelines()`; `WorkflowSet.unread` names CI systems that are present but
not read (Jenkins, Travis …). `WorkflowSet.tests` are the steps that run tests
(`collect_tests`), each with how the command reaches the test tool.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from fnmatch import fnmatchcase
from typing import Iterator

from msgspec import Struct, field

from gate.collect.repo import RepoFiles
from gate.collect.runners import Runners
from gate.model import foreign, query, resolve
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.paths import resolve_inside
from gate.model.workflow import CompositeAction, Job, Step, Workflow, parse_action, parse_workflow
from gate.model.yamlsafe import YamlError, load
from gate.policy.signatures import Signatures

WORKFLOW_DIR = ".github/workflows/"
MAX_WORKFLOW_BYTES = 1 << 20
MAX_REMOTE = 20  # remote reusable workflows read through the contents API per run
# owner/repo/.github/workflows/x.yml@ref: a reusable workflow in another repository
REMOTE_USES = lazy(r"([A-Za-z0-9][A-Za-z0-9._-]*)/([A-Za-z0-9._-]+)/(\.github/workflows/[^/@\s]+\.ya?ml)@(\S+)")
RemoteRead = Callable[[str, str, str, str], "str | None"]


class WorkflowSet(Struct):
    workflows: dict[str, Workflow] = field(default_factory=dict)
    actions: dict[str, CompositeAction] = field(default_factory=dict)
    # Files that could not be read as workflows: (location, what is wrong).
    invalid: list[tuple[Location, str]] = field(default_factory=list)
    # Other CI systems' pipelines in the same model (Workflow.system says which).
    foreign: list[Workflow] = field(default_factory=list)
    # CI systems present but not read: (system name, path), e.g. ("Jenkins", "Jenkinsfile").
    unread: list[tuple[str, str]] = field(default_factory=list)
    # Steps that run tests, in every pipeline (None until collect_tests ran).
    tests: "list[TestRun] | None" = None
    # Remote reusable workflows read through the contents API, by their `uses:`
    # (`owner/repo/.github/workflows/x.yml@ref`, also their `path`). Not this repository's
    # files: hardening and zizmor never judge them; they are reached through `job.called`.
    remote: dict[str, Workflow] = field(default_factory=dict)
    # What collection could not do that a reader should be told (one line each).
    notices: list[str] = field(default_factory=list)

    def all_jobs(self):
        """GitHub Actions jobs only (what hardening and CodeQL readers judge)."""
        for wf in self.workflows.values():
            for job in wf.jobs.values():
                yield wf, job

    def pipelines(self) -> Iterator[Workflow]:
        """Every CI pipeline: GitHub workflows, then other systems' pipelines."""
        yield from self.workflows.values()
        yield from self.foreign

    def pipeline(self, path: str) -> Workflow | None:
        """The GitHub workflow or other system's pipeline read from `path`."""
        found = self.workflows.get(path) or self.remote.get(path)
        return found if found is not None else next((wf for wf in self.foreign if wf.path == path), None)


class TestRun(Struct, frozen=True):
    """A step that runs tests, and how: the step is the location findings cite."""

    workflow: Workflow
    job: Job
    step: Step
    loc: Location      # the test step itself (the command's line inside it when it is there)
    command: str       # what runs the tests, as followed: "make test → pytest"
    followed: bool     # False: only the step's name says it tests (its command was not followed)


class Reach(Struct, frozen=True):
    """Whether, and how, a pipeline runs for a pull request's head."""

    how: str           # "pull_request" | "push_all_branches" | "workflow_run"
    loc: Location      # the trigger
    note: str = ""     # e.g. "not fork pull requests"


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


def collect_workflows(repo: RepoFiles, sig: Signatures | None = None, runners: Runners | None = None,
                      remote: RemoteRead | None = None) -> WorkflowSet:
    """Every pipeline of the repository; with `sig`, also the steps that run tests.

    `remote(owner, repo, path, ref)`: the text of a remote reusable workflow, or None (with a
    token: gate.github.contents). Each called one is read once, judged like a local one."""
    ws = WorkflowSet()
    for path in repo.under(WORKFLOW_DIR):
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
        base = resolve_inside(uses.split("@", 1)[0])
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
                target = resolve_inside(job.uses.split("@", 1)[0])
                job.called = ws.workflows.get(target or "")
    if remote is not None:
        _read_remote(ws, remote)
    resolve.resolve_environments({**ws.workflows, **ws.remote})
    collect_foreign(repo, ws)
    if sig is not None:
        ws.tests = collect_tests(ws, runners or Runners(repo), sig)
    return ws


def _read_remote(ws: WorkflowSet, remote: RemoteRead) -> None:
    """Set `job.called` of each job calling a remote reusable workflow that can be read.

    The remote file's own `./` calls and local actions are not followed (they are relative to
    the other repository); its YAML problems are not this repository's `invalid`."""
    failed: dict[str, str] = {}
    skipped: list[str] = []
    for wf in list(ws.workflows.values()):
        for job in wf.jobs.values():
            uses = (job.uses or "").strip()
            if not uses or uses.startswith("./") or uses in failed:
                continue
            m = REMOTE_USES.fullmatch(uses)
            if m is None:
                continue
            if uses not in ws.remote:
                if len(ws.remote) + len(failed) >= MAX_REMOTE:
                    if uses not in skipped:
                        skipped.append(uses)
                    continue
                why = _read_one(ws, remote, uses, *m.groups())
                if why is not None:
                    failed[uses] = why
                    ws.notices.append(f"remote reusable workflow {uses} (job `{job.id}` at {job.loc}) not read: "
                                      f"{why}; its deploys are judged as out of sight")
                    continue
            job.called = ws.remote[uses]
    if skipped:
        ws.notices.append(f"{len(skipped)} more remote reusable workflows not read (at most {MAX_REMOTE} a run), "
                          f"e.g. {skipped[0]}; judged as out of sight")


def _read_one(ws: WorkflowSet, remote: RemoteRead, uses: str, owner: str, name: str, path: str,
              ref: str) -> str | None:
    """Read and parse one remote workflow into `ws.remote`; the reason when it cannot be."""
    try:
        text = remote(owner, name, path, ref)
    except Exception as exc:  # a reader must not raise; if one does, the call stays out of sight
        return f"the reader failed ({type(exc).__name__})"
    if text is None:
        return str(getattr(remote, "last_error", None) or "GitHub's contents API did not give the file")
    if len(text.encode("utf-8", "replace")) > MAX_WORKFLOW_BYTES:
        return f"larger than {MAX_WORKFLOW_BYTES} bytes; not read"
    try:
        doc = load(text)
    except YamlError as exc:
        return f"not valid YAML (line {exc.line}: {exc.message})"
    except (RecursionError, ValueError, TypeError) as exc:
        return f"not readable as YAML ({type(exc).__name__})"
    wf = parse_workflow(uses, doc)
    if not wf.jobs or "workflow_call" not in wf.triggers:
        return "not a reusable workflow (no `on: workflow_call` with jobs)"
    for job in wf.jobs.values():
        job.called = None  # its own calls are relative to the other repository: not followed
    ws.remote[uses] = wf
    return None


MAX_FOREIGN = 16      # pipeline entry files read per repository
MAX_CANDIDATES = 64   # YAML files in pipeline folders looked at to find Azure pipelines among templates


def _azure_pipeline(doc) -> bool:
    """A pipeline declares when it runs or where, besides what it runs; a template only takes parameters."""
    if not isinstance(doc, dict) or not any(k in doc for k in ("stages", "jobs", "steps", "extends")):
        return False
    return "trigger" in doc or "pr" in doc or (("pool" in doc or "resources" in doc) and "parameters" not in doc)


def collect_foreign(repo: RepoFiles, ws: WorkflowSet) -> None:
    """Other CI systems' pipelines (local templates followed through RepoFiles)."""
    def loader(path: str):
        if not repo.exists(path):
            return None
        doc, error = load_yaml_file(repo, path)
        return doc

    # system_of names nothing deeper than two folders: only those files are asked
    near_top = repo.shallow(2)
    read = candidates = 0
    for path in near_top:
        system = foreign.system_of(path)
        if system is None or read >= MAX_FOREIGN:
            continue
        if system == "azure-candidate":
            candidates += 1
            if candidates > MAX_CANDIDATES:
                continue
        doc, error = load_yaml_file(repo, path)
        if system == "azure-candidate":
            # a folder of pipelines and templates: only files that are pipelines themselves
            if error or not _azure_pipeline(doc):
                continue
            system = "azure"
        read += 1
        if error:
            wf = Workflow(path=path, loc=error[0], name=path, system=system)
            wf.problems.append((error[0].line, error[1]))
            ws.foreign.append(wf)
            continue
        ws.foreign.extend(foreign.parse(system, path, doc, loader))
    for path in near_top:
        if path.count("/") > 1 or foreign.system_of(path) is not None:
            continue
        name = path.rsplit("/", 1)[-1]
        system = ("Jenkins" if re.fullmatch(r"Jenkinsfile([._-]\w+)?", name) else
                  {".travis.yml": "Travis CI", ".drone.yml": "Drone", ".semaphore/semaphore.yml": "Semaphore",
                   ".buildkite/pipeline.yml": "Buildkite"}.get(path))
        if system:
            ws.unread.append((system, path))


def out_of_sight(wf: Workflow) -> list[tuple[Location, str]]:
    """What a pipeline runs that this repository does not hold: remote reusable workflows
    (GitHub), remote templates and includes (other systems)."""
    seen = list(wf.opaque)
    if wf.system == "github":
        for job in wf.jobs.values():
            if job.uses and not job.uses.startswith("./") and job.called is None:
                seen.append((job.loc, f"reusable workflow {job.uses} (job `{job.id}`)"))
    return seen


# -- tests -------------------------------------------------------------------------------

_DOCS = lazy(r"(^|/)(docs?|documentation|site)(/|$)|\.(md|rst|adoc)$|mkdocs|README|CHANGELOG", re.I)
_FETCHES = lazy(r"\b(curl|wget|gh\s+workflow\s+run|gh\s+api)\b[^\n]*(https?://|--repo|-R\s)", re.I)
_COMMAND_INPUT = lazy(r"^(commands?|run|script|cmd|test[-_]?(command|script|cmd)s?|args)$", re.I)
_TEST_NAME = lazy(r"(?<![a-z])(unit|integration|e2e|end-to-end|acceptance|functional|smoke)?[\s_-]*(tests?|specs?|testing)(?![a-z])", re.I)
_NOT_TESTS = lazy(r"lint|type[\s_-]*check|format|style|mypy|flake8|eslint|prettier|build|deploy|upload|report|publish|cache|install|setup|coverage\s+upload|results", re.I)


def collect_tests(ws: WorkflowSet, runners: Runners, sig: Signatures) -> list[TestRun]:
    """Every step, in every pipeline, that runs tests: a test action, a test command in the
    step or in what it calls (task runners, scripts, compose services), or — weaker — a step
    named for tests whose command could not be followed."""
    found: list[TestRun] = []
    for wf in ws.pipelines():
        for job, step in query.workflow_steps(wf):
            hit = test_step(wf, job, step, runners, sig)
            if hit:
                found.append(hit)
    return found


def test_step(wf: Workflow, job: Job, step: Step, runners: Runners, sig: Signatures) -> TestRun | None:
    where = resolve.step_location(step)
    if step.uses and sig.uses_match("test_actions", step.uses):
        return TestRun(wf, job, step, where, step.uses, True)
    if step.uses and not step.run:
        # an action handed the command to run (`with: commands: mvn verify`)
        for key, value in step.with_.items():
            if isinstance(value, str) and _COMMAND_INPUT.search(str(key)):
                m = sig.search("test_commands", value)
                if m:
                    return TestRun(wf, job, step, where, f"{step.uses.split('@', 1)[0]} with {key}: {m.group(0).strip()}", True)
    if not step.run:
        return None
    reached = runners.follow(step.run, step.workdir)
    for r in reached:
        m = sig.search("test_commands", r.text)
        if not m:
            continue
        command = m.group(0).strip()
        if r.source == "":
            return TestRun(wf, job, step, Location(step.loc.path, step.line_in_run(m.start())), command, True)
        return TestRun(wf, job, step, _run_loc(step), f"{r.chain} → {command}", True)
    name = step.name or ""
    if name and _TEST_NAME.search(name) and not _NOT_TESTS.search(name) and len(reached) == 1 \
            and not _FETCHES.search(step.run):  # tests downloaded from elsewhere are not this repository's
        return TestRun(wf, job, step, _run_loc(step), step.run.strip().splitlines()[0][:80], False)
    return None


def _run_loc(step: Step) -> Location:
    """The step's command line (inside a composite action, the action's step: that is the test step)."""
    return Location(step.loc.path, step.run_line or step.loc.line)


# -- reaching pull requests --------------------------------------------------------------

def pr_reach(wf: Workflow, ws: WorkflowSet) -> Reach | None:
    """How a pipeline runs for pull requests: on them, on pushes to every branch (the
    head of a same-repository pull request), or chained by `workflow_run` on one that does."""
    if query.runs_on_pull_requests(wf):
        event = next(e for e in query.PR_EVENTS if e in wf.triggers)
        return Reach("pull_request", wf.trigger_loc(event))
    if pushes_every_branch(wf):
        return Reach("push_all_branches", wf.trigger_loc("push"), "not fork pull requests")
    if "workflow_run" in wf.triggers and wf.system == "github":
        names = resolve.workflow_names(ws.workflows)
        for src, _ in resolve.workflow_run_sources(wf, names):
            if src is not wf and query.runs_on_pull_requests(src):
                return Reach("workflow_run", wf.trigger_loc("workflow_run"), f"after {src.path}")
    return None


def pushes_every_branch(wf: Workflow) -> bool:
    """`push` with no branch filter (or `'**'`, or only `branches-ignore`): every branch a pull
    request comes from."""
    if "push" not in wf.triggers:
        return False
    cfg = wf.triggers["push"]
    if not isinstance(cfg, dict):
        return True
    paths = cfg.get("paths")
    if isinstance(paths, list) and paths and all(isinstance(p, str) and _DOCS.search(p) for p in paths):
        return False  # a documentation workflow checks no change to the code
    branches = cfg.get("branches")
    if branches is None:
        # `branches-ignore: [main]` still runs every branch a pull request comes from; a tags-only
        # filter runs none (path filters apply to pull requests alike, so they do not matter here)
        return cfg.get("tags") is None or cfg.get("branches-ignore") is not None
    branches = [branches] if isinstance(branches, str) else branches if isinstance(branches, list) else []
    # a filter that admits any branch name, not only a family of them (`feature/**` is not every branch)
    return any(isinstance(b, str) and all(fnmatchcase(probe, b) for probe in ("fix-1", "someone/topic-2"))
               for b in branches)
