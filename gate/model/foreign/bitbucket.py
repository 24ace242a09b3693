"""Bitbucket Pipelines (`bitbucket-pipelines.yml`) as Workflows: one per pipeline.

`default` runs on every push to a branch without a pipeline of its own, `branches:`
on pushes to the branches named, `pull-requests:` on pull requests, `tags:` on tags,
`custom:` by hand. Steps run in order (a step needs the one before; a `parallel`
group needs the step before it); a step's `deployment:` is its environment and
`trigger: manual` makes it a manual step.
"""
from __future__ import annotations

from typing import Any

from gate.model.foreign import Loader, script_steps
from gate.model.location import Location
from gate.model.workflow import MAX_JOBS, Job, Step, Workflow


def parse(path: str, doc: Any, load: Loader) -> list[Workflow]:
    base = Workflow(path=path, loc=Location(path, getattr(doc, "line", 1)), name=path, system="bitbucket")
    pipelines = doc.get("pipelines") if isinstance(doc, dict) else None
    if not isinstance(pipelines, dict):
        base.problems.append((base.loc.line, "a Bitbucket pipelines file needs a `pipelines:` mapping"))
        return [base]
    out: list[Workflow] = []
    for section, spec in pipelines.items():
        line = pipelines.line_of(section)
        if section == "default":
            out.append(_pipeline(path, "default", spec, line, "push", None))
        elif isinstance(spec, dict):
            for name, steps in spec.items():
                sline = spec.line_of(name)
                event, cfg = {"branches": ("push", {"branches": [str(name)]}),
                              "pull-requests": ("pull_request", {"branches": [str(name)]} if name not in ("**", "*") else None),
                              "tags": ("push", {"tags": [str(name)]}),
                              "custom": ("workflow_dispatch", None)}.get(section, (None, None))
                if event:
                    if cfg and cfg.get("branches") and cfg["branches"][0] in ("**", "*"):
                        cfg = None
                    out.append(_pipeline(path, f"{section}: {name}", steps, sline, event, cfg))
    return out or [base]


def _pipeline(path: str, name: str, items: Any, line: int, event: str, cfg: Any) -> Workflow:
    wf = Workflow(path=path, loc=Location(path, line), name=name, system="bitbucket")
    wf.triggers[event] = cfg
    wf.trigger_lines[event] = line
    previous: list[str] = []
    for i, item in enumerate(items[:MAX_JOBS] if isinstance(items, list) else []):
        iline = items.line_of(i)
        group: list[tuple[Any, int]] = []
        stage_env = None
        if isinstance(item, dict) and "step" in item:
            group = [(item["step"], item.line_of("step"))]
        elif isinstance(item, dict) and "parallel" in item:
            par = item["parallel"]
            par = par.get("steps") if isinstance(par, dict) else par
            group = [(p["step"], p.line_of("step")) for p in par if isinstance(p, dict) and "step" in p] \
                if isinstance(par, list) else []
        elif isinstance(item, dict) and "stage" in item and isinstance(item["stage"], dict):
            st = item["stage"]
            steps = st.get("steps") if isinstance(st.get("steps"), list) else []
            group = [(p["step"], p.line_of("step")) for p in steps if isinstance(p, dict) and "step" in p]
            stage_env = st.get("deployment")  # a stage's deployment applies to its steps
        else:
            continue
        made = []
        for n, (step, sline) in enumerate(group):
            if not isinstance(step, dict):
                continue
            jid = str(step.get("name") or f"step {i + 1}.{n + 1}")
            job = Job(id=jid, loc=Location(path, sline), workflow_path=path, name=jid, needs=list(previous))
            env = step.get("deployment") or stage_env
            if env is not None:
                job.environment = str(env)
                job.environments = [str(env)]
                job.environment_loc = Location(path, step.line_of("deployment") if "deployment" in step else iline)
            if step.get("trigger") == "manual" or (isinstance(item.get("stage"), dict) and item["stage"].get("trigger") == "manual"):
                job.if_ = "github.event_name == 'workflow_dispatch'"
            job.runs_on = step.get("image")
            script = step.get("script")
            at = step.line_of("script") if "script" in step else sline
            for j, entry in enumerate(script if isinstance(script, list) else [script] if script else []):
                eline = script.line_of(j) if isinstance(script, list) else at
                if isinstance(entry, dict) and "pipe" in entry:
                    job.steps.append(Step(loc=Location(path, eline), uses=f"pipe:{entry['pipe']}",
                                          with_=dict(entry.get("variables") or {}) if isinstance(entry.get("variables"), dict) else {}))
                else:
                    job.steps.extend(script_steps(path, entry, eline, jid))
            wf.jobs[jid] = job
            made.append(jid)
        previous = made or previous
    return wf
