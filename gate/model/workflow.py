"""The workflow model: Workflow, Job, Step, each knowing where it stands.

Parsing is forgiving about shape (a real repository has odd workflows) and
records what it could not read as `problems` with a line, which the
`ci.workflow-valid` rule reports; it never raises for a repository's content.
"""
from __future__ import annotations

from typing import Any

from msgspec import Struct, field

from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.yamlsafe import YList, YMap


class Step(Struct):
    """One workflow step as written, with its location."""

    loc: Location
    name: str | None = None
    id: str | None = None
    uses: str | None = None
    run: str | None = None
    run_line: int | None = None  # where `run:` stands, for findings inside the script
    with_: dict[str, Any] = field(default_factory=dict)
    env: dict[str, Any] = field(default_factory=dict)
    if_: str | None = None
    # Set when the step came from a local composite action expanded in place:
    # the `uses:` step of the caller it stands for.
    via: Location | None = None
    # The directory `run:` starts in, relative to the repository root ("" for the
    # root): the step's `working-directory`, else the job's or the workflow's
    # `defaults.run.working-directory`; None when an expression decides it.
    working_directory: str | None = ""

    @property
    def workdir(self) -> str:
        """The working directory to follow commands from ("" when it is not known)."""
        return self.working_directory or ""

    def line_in_run(self, offset: int) -> int:
        """The file line of character `offset` of the run script (block scalars start below the key)."""
        base = self.run_line or self.loc.line or 1
        run = self.run or ""
        if "\n" not in run.rstrip("\n"):
            return base
        return base + 1 + run.count("\n", 0, offset)

    @property
    def text(self) -> str:
        """What the step does, as one searchable string (uses, run, with values)."""
        parts = [self.uses or "", self.run or ""]
        parts.extend(str(v) for v in self.with_.values() if isinstance(v, (str, int, float)))
        return "\n".join(p for p in parts if p)


class Job(Struct):
    """One workflow job as written, with its steps and location."""

    id: str
    loc: Location
    workflow_path: str
    name: str | None = None
    needs: list[str] = field(default_factory=list)
    needs_line: int | None = None
    if_: str | None = None
    environment: Any = None  # as written: str, mapping, or None
    environment_loc: Location | None = None
    uses: str | None = None  # a reusable-workflow call
    with_: dict[str, Any] = field(default_factory=dict)
    matrix: dict[str, Any] | None = None
    permissions: Any = None
    has_permissions: bool = False
    concurrency: Any = None
    runs_on: Any = None
    env: dict[str, Any] = field(default_factory=dict)       # the job's own `env:` (the workflow's is Workflow.env)
    services: dict[str, Any] = field(default_factory=dict)  # service containers: name -> image or mapping
    steps: list[Step] = field(default_factory=list)
    # Filled in by resolution:
    environments: list[str] = field(default_factory=list)
    called: "Workflow | None" = None  # the local reusable workflow this job calls
    # Another CI system's job: its stage (GitLab, Azure) and what it deploys to.
    stage: str | None = None

    @property
    def label(self) -> str:
        return self.name if isinstance(self.name, str) and self.name else self.id


class Workflow(Struct, dict=True):  # dict: derived facts (the needs closure) are cached on it
    """One workflow file: triggers, permissions and jobs, each with its location."""

    path: str
    loc: Location
    name: str | None = None
    triggers: dict[str, Any] = field(default_factory=dict)  # event -> its config (or None)
    trigger_lines: dict[str, int] = field(default_factory=dict)
    permissions: Any = None
    has_permissions: bool = False
    permissions_loc: Location | None = None
    concurrency: Any = None
    env: dict[str, Any] = field(default_factory=dict)
    jobs: dict[str, Job] = field(default_factory=dict)
    problems: list[tuple[int | None, str]] = field(default_factory=list)
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)  # workflow_call/dispatch inputs
    # "github" for .github/workflows; another CI system's pipeline read into the same
    # model says which ("azure", "gitlab", "circleci", "bitbucket").
    system: str = "github"
    # What this pipeline runs that is not in the repository (a remote template, an
    # include from another project): (where it is named, what it is).
    opaque: list[tuple[Location, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.name if isinstance(self.name, str) and self.name else self.path.rsplit("/", 1)[-1]

    def on(self, event: str) -> bool:
        return event in self.triggers

    def trigger_loc(self, event: str) -> Location:
        return Location(self.path, self.trigger_lines.get(event, self.loc.line))


MAX_JOBS = 500  # GitHub runs at most 256 jobs from one matrix; a file with more is not a real pipeline


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float, bool)):
        return str(value)
    return None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, (str, int, float))]
    return [str(value)]


def _line(node: Any, key: str | int, default: int) -> int:
    if isinstance(node, YMap) and isinstance(key, str):
        return node.line_of(key)
    if isinstance(node, YList) and isinstance(key, int):
        return node.line_of(key)
    return default


def parse_triggers(wf: Workflow, on: Any, line: int) -> None:
    if isinstance(on, str):
        wf.triggers[on] = None
        wf.trigger_lines[on] = line
    elif isinstance(on, list):
        for i, ev in enumerate(on):
            if isinstance(ev, str):
                wf.triggers[ev] = None
                wf.trigger_lines[ev] = _line(on, i, line)
    elif isinstance(on, dict):
        for ev, cfg in on.items():
            wf.triggers[ev] = cfg
            wf.trigger_lines[ev] = _line(on, ev, line)
    elif on is not None:
        wf.problems.append((line, "`on:` must be an event name, a list of events or a mapping"))
    for event in ("workflow_call", "workflow_dispatch"):
        cfg = wf.triggers.get(event)
        inputs = cfg.get("inputs") if isinstance(cfg, dict) else None
        if isinstance(inputs, dict):
            for name, spec in inputs.items():
                if isinstance(spec, dict):
                    wf.inputs.setdefault(str(name), dict(spec))


_ENV_REF = lazy(r"\$\{\{\s*env\.([A-Za-z_][\w-]*)\s*\}\}")


def working_directory(value: Any, base: str | None = "", env: dict | None = None) -> str | None:
    """A `working-directory` value as a repository-relative folder; None for an expression
    (one naming a literal `env:` value of the workflow or job is that value)."""
    if value is None:
        return base
    text = str(value).strip()
    if env:
        text = _ENV_REF.sub(lambda m: str(env[m.group(1)]) if isinstance(env.get(m.group(1)), (str, int))
                            and "${{" not in str(env[m.group(1)]) else m.group(0), text)
    if "${{" in text or "$(" in text or text.startswith("$"):
        return None
    parts: list[str] = []
    for seg in text.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if parts:
                parts.pop()
            continue
        parts.append(seg)
    return "/".join(parts)


def defaults_working_directory(raw: Any, base: str | None = "", env: dict | None = None) -> str | None:
    """`defaults.run.working-directory` of a workflow or job, else `base`."""
    defaults = raw.get("defaults") if isinstance(raw, dict) else None
    run = defaults.get("run") if isinstance(defaults, dict) else None
    if isinstance(run, dict) and "working-directory" in run:
        return working_directory(run.get("working-directory"), base, env)
    return base


def parse_steps(path: str, raw: Any, job_line: int, problems: list, workdir: str | None = "",
                env: dict | None = None) -> list[Step]:
    steps: list[Step] = []
    if raw is None:
        return steps
    if not isinstance(raw, list):
        problems.append((job_line, "`steps:` must be a list"))
        return steps
    for i, s in enumerate(raw):
        sline = _line(raw, i, job_line)
        if not isinstance(s, dict):
            problems.append((sline, "each step must be a mapping with `uses:` or `run:`"))
            continue
        with_ = s.get("with") if isinstance(s.get("with"), dict) else {}
        env_ = s.get("env") if isinstance(s.get("env"), dict) else {}
        step = Step(
            loc=Location(path, sline),
            name=_str(s.get("name")),
            id=_str(s.get("id")),
            uses=_str(s.get("uses")),
            run=_str(s.get("run")),
            run_line=s.line_of("run") if "run" in s else None,
            with_=with_,
            env=env_,
            if_=_str(s.get("if")),
            working_directory=working_directory(s.get("working-directory"), workdir, {**(env or {}), **env_})
            if "working-directory" in s else workdir,
        )
        if step.uses is None and step.run is None:
            problems.append((sline, "a step needs `uses:` or `run:`"))
        if step.uses is not None and step.run is not None:
            problems.append((sline, "a step cannot have both `uses:` and `run:`"))
        steps.append(step)
    return steps


def parse_job(path: str, job_id: str, raw: Any, line: int, problems: list, workdir: str | None = "",
              env: dict | None = None) -> Job:
    job = Job(id=job_id, loc=Location(path, line), workflow_path=path)
    if not isinstance(raw, dict):
        problems.append((line, f"job `{job_id}` must be a mapping"))
        return job
    job.name = _str(raw.get("name"))
    job.needs = _as_list(raw.get("needs"))
    job.needs_line = raw.line_of("needs") if "needs" in raw and isinstance(raw, YMap) else None
    job.if_ = _str(raw.get("if"))
    if "environment" in raw:
        job.environment = raw.get("environment")
        job.environment_loc = Location(path, _line(raw, "environment", line))
    job.uses = _str(raw.get("uses"))
    job.with_ = raw.get("with") if isinstance(raw.get("with"), dict) else {}
    strategy = raw.get("strategy")
    if isinstance(strategy, dict):
        matrix = strategy.get("matrix")
        job.matrix = matrix if isinstance(matrix, (dict, str)) else None
    job.has_permissions = "permissions" in raw
    job.permissions = raw.get("permissions")
    job.concurrency = raw.get("concurrency")
    job.runs_on = raw.get("runs-on")
    job.env = raw.get("env") if isinstance(raw.get("env"), dict) else {}
    job.services = raw.get("services") if isinstance(raw.get("services"), dict) else {}
    job_env = {**(env or {}), **job.env}
    job.steps = parse_steps(path, raw.get("steps"), line, problems, defaults_working_directory(raw, workdir, job_env),
                            job_env)
    if job.uses is None and "steps" not in raw:
        problems.append((line, f"job `{job_id}` needs `steps:` or a reusable workflow in `uses:`"))
    if job.uses is None and "runs-on" not in raw:
        problems.append((line, f"job `{job_id}` has no `runs-on:`"))
    return job


def parse_workflow(path: str, doc: Any) -> Workflow:
    """Build a Workflow from a loaded document; shape problems go to `problems`."""
    line = getattr(doc, "line", 1)
    wf = Workflow(path=path, loc=Location(path, line))
    if not isinstance(doc, dict):
        wf.problems.append((line, "a workflow must be a mapping with `on:` and `jobs:`"))
        return wf
    wf.name = _str(doc.get("name"))
    if "on" not in doc:
        # A YAML 1.1 reader would have turned `on` into `true`; we never do, so a
        # missing key is really missing.
        wf.problems.append((line, "the workflow has no `on:` trigger"))
    else:
        parse_triggers(wf, doc["on"], doc.line_of("on"))
    wf.has_permissions = "permissions" in doc
    wf.permissions = doc.get("permissions")
    if wf.has_permissions:
        wf.permissions_loc = Location(path, doc.line_of("permissions"))
    wf.concurrency = doc.get("concurrency")
    wf.env = doc.get("env") if isinstance(doc.get("env"), dict) else {}
    jobs = doc.get("jobs")
    if not isinstance(jobs, dict):
        wf.problems.append((doc.line_of("jobs") if "jobs" in doc else line,
                            "the workflow has no `jobs:` mapping"))
        return wf
    for n, (job_id, raw) in enumerate(jobs.items()):
        if n >= MAX_JOBS:
            wf.problems.append((jobs.line_of(job_id), f"more than {MAX_JOBS} jobs; the rest are not read"))
            break
        wf.jobs[job_id] = parse_job(path, job_id, raw, jobs.line_of(job_id), wf.problems,
                                    defaults_working_directory(doc, "", wf.env), wf.env)
    for job in wf.jobs.values():
        for need in job.needs:
            if need not in wf.jobs:
                wf.problems.append((job.needs_line or job.loc.line, f"job `{job.id}` needs unknown job `{need}`"))
    return wf


class CompositeAction(Struct):
    """A local action (`./path/action.yml`); composite ones have steps."""

    path: str
    name: str | None
    using: str | None
    steps: list[Step]
    inputs: dict[str, Any]
    problems: list[tuple[int | None, str]]


def parse_action(path: str, doc: Any) -> CompositeAction:
    problems: list = []
    if not isinstance(doc, dict):
        return CompositeAction(path, None, None, [], {}, [(getattr(doc, "line", 1), "an action must be a mapping")])
    runs = doc.get("runs") if isinstance(doc.get("runs"), dict) else {}
    steps = parse_steps(path, runs.get("steps"), getattr(runs, "line", 1), problems) if runs else []
    inputs = doc.get("inputs") if isinstance(doc.get("inputs"), dict) else {}
    return CompositeAction(path, _str(doc.get("name")), _str(runs.get("using")), steps, inputs, problems)
