"""Resolution: what real pipelines do, made explicit on the model.

- local composite actions are expanded into the steps that call them;
- local reusable workflows are linked to the jobs that call them;
- `environment:` values are resolved through matrix values, reusable-workflow
  inputs (from each caller's `with:`) and `workflow_dispatch` choice options;
- job graphs (`needs`, transitive) and workflow chains (`on: workflow_run`).

Each step's working directory is read with the step (`Step.working_directory`,
from the step, the job's or the workflow's `defaults.run`), so no reader parses a
workflow a second time to find it.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.workflow import CompositeAction, Job, Step, Workflow

EXPR = lazy(r"\$\{\{(.*?)\}\}", re.S)
_LITERAL = lazy(r"'((?:[^']|'')*)'")
_REF = lazy(r"\b(matrix|inputs|github\.event\.inputs|vars|env)\.([A-Za-z0-9_-]+)")
MAX_EXPANSION = 8  # composite actions calling composite actions


def expand_actions(steps: list[Step], find_action: Callable[[str], CompositeAction | None],
                   depth: int = 0, chain: tuple[str, ...] = ()) -> list[Step]:
    """Steps with every local composite action's steps following the step that calls it."""
    out: list[Step] = []
    for step in steps:
        out.append(step)
        if not step.uses or not step.uses.startswith("./") or depth >= MAX_EXPANSION:
            continue
        action = find_action(step.uses)
        if action is None or action.path in chain:
            continue
        inner = expand_actions(action.steps, find_action, depth + 1, chain + (action.path,))
        for s in inner:
            # a composite action's run steps start in the workspace, not the caller's folder
            out.append(Step(loc=s.loc, name=s.name, id=s.id, uses=s.uses, run=_subst_inputs(s.run, step.with_), run_line=s.run_line,
                            with_={k: _subst_inputs(v, step.with_) if isinstance(v, str) else v for k, v in s.with_.items()},
                            env=s.env, if_=s.if_, via=s.via or step.loc,
                            working_directory=s.working_directory))
    return out


def _subst_inputs(run: str | None, with_: dict) -> str | None:
    """`${{ inputs.x }}` in a composite action's run (or `with:` value), with the caller's literal value."""
    if not run or "inputs." not in run:
        return run

    def sub(m: re.Match) -> str:
        inner = m.group(1).strip()
        ref = re.fullmatch(r"inputs\.([A-Za-z0-9_-]+)", inner)
        if ref and isinstance(with_.get(ref.group(1)), (str, int)) and "${{" not in str(with_[ref.group(1)]):
            return str(with_[ref.group(1)])
        return m.group(0)

    return EXPR.sub(sub, run)


MAX_COMBINATIONS = 4096  # beyond this the exact exclusion is not worth its cost


def matrix_values(matrix: Any) -> dict[str, list[str]]:
    """Every value each matrix key can take: the combinations `exclude:` leaves, plus `include:`."""
    values: dict[str, dict[str, None]] = {}  # ordered sets: a huge matrix stays linear
    if not isinstance(matrix, dict):
        return {}

    def add(key: str, value: Any) -> None:
        if isinstance(value, (str, int, float)):
            values.setdefault(key, {})[str(value)] = None
        elif isinstance(value, dict):
            for k, v in value.items():  # matrix entries of objects: matrix.target.env
                add(f"{key}.{k}", v)

    axes = {str(k): v for k, v in matrix.items() if k not in ("include", "exclude") and isinstance(v, list)}
    excludes = [e for e in (matrix.get("exclude") or []) if isinstance(e, dict)] \
        if isinstance(matrix.get("exclude"), list) else []
    total = 1
    for vals in axes.values():
        total *= max(len(vals), 1)
    if excludes and total <= MAX_COMBINATIONS:
        # small matrices: the exact combinations `exclude:` leaves
        combos: list[dict[str, Any]] = [{}]
        for key, vals in axes.items():
            combos = [{**c, key: v} for c in combos for v in vals]
        for combo in combos:
            if not any(all(combo.get(str(k)) == v for k, v in e.items()) for e in excludes):
                for key, value in combo.items():
                    add(key, value)
    else:
        # large ones: every listed value, less those a one-key exclude removes outright
        for key, vals in axes.items():
            for v in vals:
                if not any(len(e) == 1 and e.get(key) == v for e in excludes):
                    add(key, v)
    include = matrix.get("include")
    if isinstance(include, list):
        for entry in include:
            if isinstance(entry, dict):
                for k, v in entry.items():
                    add(str(k), v)
    return {k: list(v) for k, v in values.items()}


def input_values(wf: Workflow, environments: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Values an input can take when nobody passes one: choice options and default.

    An input of `type: environment` can name any environment of the repository.
    """
    out: dict[str, list[str]] = {}
    for name, spec in wf.inputs.items():
        vals: list[str] = []
        if spec.get("type") == "environment" and not isinstance(spec.get("options"), list):
            vals.extend(environments)
        options = spec.get("options")
        if isinstance(options, list):
            vals.extend(str(o) for o in options if isinstance(o, (str, int)))
        default = spec.get("default")
        if isinstance(default, (str, int)) and str(default) and str(default) not in vals:
            vals.append(str(default))
        out[name] = vals
    return out


def resolve_value(value: Any, ctx: dict[str, list[str]]) -> list[str]:
    """The concrete strings a value can stand for; unresolved expressions stay verbatim.

    ctx maps `matrix.k`, `inputs.k` (and so `github.event.inputs.k`) to values.
    """
    if isinstance(value, dict):
        value = value.get("name")
    if value is None or isinstance(value, (list, dict)):
        return []
    text = str(value).strip()
    if "${{" not in text:
        return [text] if text else []
    results: list[str] = []
    whole = EXPR.fullmatch(text)
    if whole:
        inner = whole.group(1)
        found_ref = False
        for kind, name in _REF.findall(inner):
            kind = "inputs" if kind == "github.event.inputs" else kind
            for v in ctx.get(f"{kind}.{name}", []):
                found_ref = True
                if v not in results:
                    results.append(v)
        for m in _LITERAL.finditer(inner):
            # literals in `x == 'main' && 'production' || 'staging'`: the value compared
            # with is not an environment, the chosen values are (even when they are the
            # same word: `github.ref_name == 'production' && 'production' || 'dev'`).
            if re.search(r"[=!]=\s*$", inner[:m.start()]) or re.match(r"\s*[=!]=", inner[m.end():]):
                continue
            lit = m.group(1)
            if lit and lit.replace("''", "'") not in results:
                results.append(lit.replace("''", "'"))
        if results or found_ref:
            return results
        return [text]
    # text around expressions, e.g. "deploy-${{ matrix.env }}"
    parts = EXPR.split(text)
    options = [""]
    for i, part in enumerate(parts):
        if i % 2 == 0:
            options = [o + part for o in options]
        else:
            vals = resolve_value("${{" + part + "}}", ctx) or ["${{" + part + "}}"]
            options = [o + v for o in options for v in vals][:32]
    return options


def job_context(job: Job, inputs: dict[str, list[str]]) -> dict[str, list[str]]:
    ctx = {f"inputs.{k}": v for k, v in inputs.items()}
    for k, v in matrix_values(job.matrix).items():
        ctx[f"matrix.{k}"] = v
    return ctx


def resolve_environments(workflows: dict[str, Workflow]) -> None:
    """Fill job.environments everywhere, following local reusable calls.

    A job of a called workflow gets the environments of every caller's inputs;
    a job that calls a workflow gets the environments of the jobs it runs there.
    """
    callers: dict[str, list[tuple[Job, dict[str, list[str]]]]] = {}
    for wf in workflows.values():
        base_inputs = input_values(wf)
        for job in wf.jobs.values():
            ctx = job_context(job, base_inputs)
            if job.environment is not None:
                job.environments = resolve_value(job.environment, ctx)
            if job.called is not None:
                passed = {str(k): resolve_value(v, ctx) for k, v in job.with_.items()}
                callers.setdefault(job.called.path, []).append((job, passed))
    # Called workflows: re-resolve their jobs per caller (a bounded fixpoint, as
    # a called workflow may call another with inputs it got itself).
    for _ in range(4):
        changed = False
        for path, calls in callers.items():
            wf = workflows[path]
            defaults = input_values(wf)
            for job in wf.jobs.values():
                if job.environment is None:
                    continue
                envs = list(job.environments)
                for _caller, passed in calls:
                    inputs = {**defaults, **{k: v for k, v in passed.items() if v}}
                    for e in resolve_value(job.environment, job_context(job, inputs)):
                        if e not in envs:
                            envs.append(e)
                if envs != job.environments:
                    job.environments = envs
                    changed = True
        if not changed:
            break
    # Only concrete names survive once a called workflow's callers resolved them.
    for path in callers:
        for job in workflows[path].jobs.values():
            concrete = [e for e in job.environments if "${{" not in e]
            if concrete:
                job.environments = concrete


def needs_closure(wf: Workflow, job_id: str) -> set[str]:
    """Every job `job_id` waits for, transitively (cycles are tolerated).

    Memoised per workflow: rules ask this of every deploy job, and a hostile workflow
    of a thousand chained jobs must not make that cubic."""
    cache: dict[str, frozenset[str]] = wf.__dict__.setdefault("_needs_closure", {})
    if job_id in cache:
        return set(cache[job_id])
    seen: set[str] = set()
    stack = list(wf.jobs[job_id].needs) if job_id in wf.jobs else []
    while stack:
        j = stack.pop()
        if j in seen or j not in wf.jobs:
            continue
        seen.add(j)
        if j in cache:
            seen |= cache[j]
        else:
            stack.extend(wf.jobs[j].needs)
    cache[job_id] = frozenset(seen)
    return seen


def workflow_run_sources(wf: Workflow, by_name: dict[str, list[Workflow]]) -> list[tuple[Workflow, bool]]:
    """Workflows whose completion triggers wf, each with: is success required?"""
    cfg = wf.triggers.get("workflow_run")
    if not isinstance(cfg, dict):
        return []
    names = cfg.get("workflows")
    names = [names] if isinstance(names, str) else names if isinstance(names, list) else []
    success = _requires_success(wf)
    out = []
    for n in names:
        for src in by_name.get(str(n), []):
            out.append((src, success))
    return out


def _requires_success(wf: Workflow) -> bool:
    conds = [j.if_ or "" for j in wf.jobs.values()]
    return any("conclusion" in c and "success" in c for c in conds)


def workflow_names(workflows: dict[str, Workflow]) -> dict[str, list[Workflow]]:
    """`workflow_run` names a workflow by its `name:` (or its path when unnamed)."""
    out: dict[str, list[Workflow]] = {}
    for wf in workflows.values():
        out.setdefault(wf.label, []).append(wf)
        if wf.name is None:
            out.setdefault(wf.path, []).append(wf)
    return out


def step_location(step: Step) -> Location:
    return step.via or step.loc
