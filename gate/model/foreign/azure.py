"""Azure Pipelines (`azure-pipelines.yml`) as a Workflow.

`trigger:` is the branch (push) trigger — absent means every branch, `none` means
none; `pr:` is the pull-request trigger — absent means every pull request of a
GitHub repository, `none` means none. Stages run in sequence unless `dependsOn:` says
otherwise, and each of a stage's jobs needs the jobs of the stages it depends on.
`deployment:` jobs keep their `environment:`. Local `template:` references (stages,
jobs, steps, `extends:`) are read; `template: file@repository` is opaque.
"""
from __future__ import annotations

import re
from typing import Any

from gate.model.foreign import Loader, script_steps, str_list
from gate.model.location import Location
from gate.model.paths import resolve_inside
from gate.model.workflow import MAX_JOBS, Job, Step, Workflow

MAX_TEMPLATES = 32
# tasks whose inputs say what they run, as the command line a reader can search
_TASKS = {
    "dotnetcorecli": lambda i: f"dotnet {i.get('command', 'build')} {i.get('projects', '')} {i.get('arguments', '')}",
    "npm": lambda i: f"npm {i.get('customCommand') if i.get('command') == 'custom' else i.get('command', 'install')}",
    "maven": lambda i: f"mvn {i.get('goals', 'package')} -f {i.get('mavenPomFile', 'pom.xml')}",
    "gradle": lambda i: f"./gradlew {i.get('tasks', 'build')}",
    "docker": lambda i: f"docker {'build' if 'build' in str(i.get('command', 'buildAndPush')).lower() else i.get('command')}"
                        f" -f {i.get('Dockerfile', 'Dockerfile')} {i.get('buildContext', '.')}",
    "pythonscript": lambda i: f"python {i.get('scriptPath', '')} {i.get('arguments', '')}" if i.get("scriptSource") != "inline"
                              else str(i.get("script", "")),
    "bash": lambda i: str(i.get("script", "")) if i.get("targetType") == "inline" else f"bash {i.get('filePath', '')} {i.get('arguments', '')}",
    "powershell": lambda i: str(i.get("script", "")) if i.get("targetType") == "inline" else f"pwsh {i.get('filePath', '')}",
    "cmdline": lambda i: str(i.get("script", "")),
    "vstest": lambda i: f"vstest {i.get('testAssemblyVer2', '')}",
    "dotnetcoreinstaller": lambda i: "",
}


class _State:
    def __init__(self, path: str, load: Loader, wf: Workflow) -> None:
        self.path, self.load, self.wf, self.templates = path, load, wf, 0

    def template(self, ref: Any, at: Location, kind: str) -> tuple[str, Any] | None:
        """A local template's (path, document); a remote one is noted as opaque."""
        if not isinstance(ref, str):
            return None
        if "@" in ref and not ref.endswith("@self"):
            self.wf.opaque.append((at, f"{kind} template {ref}"))
            return None
        if "$" in ref or self.templates >= MAX_TEMPLATES:
            return None
        self.templates += 1
        rel = ref.split("@", 1)[0]
        base = at.path.rsplit("/", 1)[0] if "/" in at.path and not rel.startswith("/") else ""
        target = resolve_inside(rel, base)
        doc = self.load(target) if target is not None else None
        return (target, doc) if doc is not None else None


def parse(path: str, doc: Any, load: Loader) -> list[Workflow]:
    wf = Workflow(path=path, loc=Location(path, getattr(doc, "line", 1)), name=path, system="azure")
    if not isinstance(doc, dict):
        wf.problems.append((wf.loc.line, "an Azure pipeline must be a mapping"))
        return [wf]
    wf.name = str(doc.get("name")) if isinstance(doc.get("name"), str) else path
    st = _State(path, load, wf)
    _triggers(wf, doc)
    ext = doc.get("extends")
    if isinstance(ext, dict) and "template" in ext:
        got = st.template(ext.get("template"), Location(path, doc.line_of("extends")), "extends")
        if got and isinstance(got[1], dict):
            path, doc = got  # the extended template's stages, jobs or steps are the pipeline's
    _stages(st, path, doc)
    return [wf]


def _triggers(wf: Workflow, doc: dict) -> None:
    for key, event in (("trigger", "push"), ("pr", "pull_request")):
        line = doc.line_of(key) if key in doc else wf.loc.line
        value = doc.get(key, "__absent__")
        if value == "none" or value is False or (isinstance(value, list) and not value):
            continue
        cfg = None
        if isinstance(value, (list, str)) and value != "__absent__":
            cfg = {"branches": str_list(value)}
        elif isinstance(value, dict):
            branches = value.get("branches")
            inc = str_list(branches.get("include")) if isinstance(branches, dict) else str_list(branches)
            tags = value.get("tags")
            if inc:
                cfg = {"branches": inc}
            elif tags is not None and branches is None and event == "push":
                cfg = {"tags": str_list(tags.get("include") if isinstance(tags, dict) else tags) or ["*"]}
        if cfg and cfg.get("branches") and any(b in ("*", "**", "refs/heads/*") for b in cfg["branches"]):
            cfg = None
        if cfg and cfg.get("branches"):
            cfg["branches"] = [b.removeprefix("refs/heads/") for b in cfg["branches"]]
        wf.triggers[event] = cfg
        wf.trigger_lines[event] = line
    if isinstance(doc.get("schedules"), list) and doc["schedules"]:
        wf.triggers["schedule"] = None
        wf.trigger_lines["schedule"] = doc.line_of("schedules")


def _stages(st: _State, path: str, doc: dict) -> None:
    stages = doc.get("stages")
    if isinstance(stages, list):
        previous: list[str] = []
        for i, raw in enumerate(_expand_list(st, path, stages, "stage")):
            spath, item, line = raw
            if not isinstance(item, dict) or "stage" not in item:
                continue
            name = str(item.get("stage"))
            depends = item.get("dependsOn", "__prev__")
            after = previous if depends == "__prev__" else str_list(depends)
            guard = _condition(item.get("condition"))
            jobs = _jobs(st, spath, item.get("jobs"), f"{name}.", line, guard, name)
            for job in jobs:
                job.needs = [j for s in after for j in _stage_jobs(st.wf, s)] + job.needs
            previous = [name]
        return
    if isinstance(doc.get("jobs"), list):
        _jobs(st, path, doc.get("jobs"), "", doc.line_of("jobs"), None, None)
    elif "steps" in doc:
        job = Job(id="job", loc=Location(path, doc.line_of("steps")), workflow_path=st.wf.path, name="job")
        job.steps = _steps(st, path, doc.get("steps"), doc.line_of("steps"))
        st.wf.jobs[job.id] = job


def _stage_jobs(wf: Workflow, stage: str) -> list[str]:
    return [j.id for j in wf.jobs.values() if j.stage == stage]


def _expand_list(st: _State, path: str, items: Any, kind: str, depth: int = 0):
    """(file, item, line) of a list whose items may be `- template:` references."""
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        line = items.line_of(i) if hasattr(items, "line_of") else 1
        if isinstance(item, dict) and len(item) == 1 and str(next(iter(item))).startswith("${{"):
            # `- ${{ if … }}:` / `- ${{ each … }}:` inserts its list when the condition holds:
            # read what it inserts, as either branch may run
            inner = next(iter(item.values()))
            if depth < 4:
                yield from _expand_list(st, path, inner, kind, depth + 1)
            continue
        if isinstance(item, dict) and "template" in item and kind not in item:
            got = st.template(item.get("template"), Location(path, line), kind) if depth < 4 else None
            if got:
                tpath, tdoc = got
                key = {"stage": "stages", "job": "jobs", "step": "steps"}[kind]
                inner = tdoc.get(key) if isinstance(tdoc, dict) else tdoc if isinstance(tdoc, list) else None
                yield from _expand_list(st, tpath, inner, kind, depth + 1)
            continue
        yield path, item, line


def _jobs(st: _State, path: str, items: Any, prefix: str, line: int, guard: str | None, stage: str | None) -> list[Job]:
    made: list[Job] = []
    for jpath, item, jline in _expand_list(st, path, items, "job"):
        if not isinstance(item, dict):
            continue
        kind = "deployment" if "deployment" in item else "job" if "job" in item else None
        if kind is None:
            continue
        if len(st.wf.jobs) >= MAX_JOBS:
            st.wf.problems.append((jline, f"more than {MAX_JOBS} jobs; the rest are not read"))
            break
        jid = prefix + str(item.get(kind))
        job = Job(id=jid, loc=Location(jpath, jline), workflow_path=st.wf.path,
                  name=str(item.get("displayName") or item.get(kind)), stage=stage)
        job.needs = [prefix + d for d in str_list(item.get("dependsOn"))]
        job.if_ = _condition(item.get("condition")) or guard
        job.runs_on = item.get("pool")
        if kind == "deployment":
            env = item.get("environment")
            name = env.get("name") if isinstance(env, dict) else env
            if name is not None:
                name = str(name).split(".", 1)[0]  # `env.resource` names a resource of env
                job.environment = name
                job.environments = [name] if "$" not in name else []
                job.environment_loc = Location(jpath, item.line_of("environment") if hasattr(item, "line_of") else jline)
            strategy = item.get("strategy") if isinstance(item.get("strategy"), dict) else {}
            for sname, spec in strategy.items():
                if not isinstance(spec, dict):
                    continue
                for hook, hspec in spec.items():
                    hooks = [hspec] + ([hspec.get(k) for k in ("failure", "success")] if hook == "on" and isinstance(hspec, dict) else [])
                    for h in hooks:
                        if isinstance(h, dict) and "steps" in h:
                            job.steps.extend(_steps(st, jpath, h.get("steps"), h.line_of("steps") if hasattr(h, "line_of") else jline))
        else:
            job.steps = _steps(st, jpath, item.get("steps"), item.line_of("steps") if "steps" in item else jline)
        st.wf.jobs[jid] = job
        made.append(job)
    return made


def _steps(st: _State, path: str, items: Any, line: int) -> list[Step]:
    out: list[Step] = []
    for spath, item, sline in _expand_list(st, path, items, "step"):
        if not isinstance(item, dict):
            continue
        name = str(item.get("displayName")) if item.get("displayName") else None
        wd = str(item.get("workingDirectory") or "")
        wd = "" if "$" in wd else wd.strip("./")
        cond = _condition(item.get("condition"))
        for key in ("script", "bash", "pwsh", "powershell"):
            if key in item:
                s = script_steps(spath, item.get(key), item.line_of(key) if hasattr(item, "line_of") else sline, name, wd)
                for step in s:
                    step.loc = Location(spath, sline)
                    step.if_ = cond
                out.extend(s)
                break
        else:
            task = item.get("task")
            if isinstance(task, str):
                inputs = item.get("inputs") if isinstance(item.get("inputs"), dict) else {}
                make = _TASKS.get(task.split("@", 1)[0].lower())
                run = make(inputs).strip() if make else None
                wd_ = str(inputs.get("workingDirectory") or wd)
                out.append(Step(loc=Location(spath, sline), name=name, uses=f"azure-task:{task}", with_=dict(inputs),
                                run=run or None, run_line=sline, if_=cond,
                                working_directory="" if "$" in wd_ else wd_.strip("./")))
    return out


def _condition(cond: Any) -> str | None:
    """Azure conditions that keep a job off pull requests, in the GitHub words readers know."""
    if not isinstance(cond, str):
        return None
    c = cond.replace('"', "'")
    if re.search(r"ne\(\s*variables\[?'?(?:Build\.Reason|build\.reason)'?\]?\s*,\s*'PullRequest'", c, re.I):
        return "github.event_name != 'pull_request'"
    m = re.search(r"eq\(\s*variables\[?'?Build\.SourceBranch(?:Name)?'?\]?\s*,\s*'(?:refs/heads/)?([\w./-]+)'", c, re.I)
    if m:
        return f"github.ref == 'refs/heads/{m.group(1)}'"
    if re.search(r"startsWith\(\s*variables\[?'?Build\.SourceBranch'?\]?\s*,\s*'refs/tags", c, re.I):
        return "startsWith(github.ref, 'refs/tags/')"
    if re.search(r"eq\(\s*variables\[?'?Build\.Reason'?\]?\s*,\s*'(Manual|Schedule)'", c, re.I):
        return "github.event_name == 'workflow_dispatch'"
    return cond
