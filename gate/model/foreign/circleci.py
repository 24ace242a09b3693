"""CircleCI (`.circleci/config.yml`) as Workflows: one per `workflows:` entry.

CircleCI builds every pushed branch (pull requests from the same repository are
branches), so a workflow without branch filters is a push trigger on every branch;
`filters: branches: only:` limits a job, a `triggers: schedule` makes it scheduled.
`requires:` is `needs`. Reusable `commands:` of the file are expanded into the steps
that call them; orb jobs and commands are opaque.
"""
from __future__ import annotations

from typing import Any

from gate.model.foreign import Loader, branch_guard, script_steps, str_list
from gate.model.location import Location
from gate.model.workflow import MAX_JOBS, Job, Step, Workflow

_BUILTIN = {"checkout", "setup_remote_docker", "save_cache", "restore_cache", "persist_to_workspace",
            "attach_workspace", "store_artifacts", "store_test_results", "add_ssh_keys", "when", "unless"}


def parse(path: str, doc: Any, load: Loader) -> list[Workflow]:
    base = Workflow(path=path, loc=Location(path, getattr(doc, "line", 1)), name=path, system="circleci")
    if not isinstance(doc, dict):
        base.problems.append((base.loc.line, "a CircleCI config must be a mapping"))
        return [base]
    jobs = doc.get("jobs") if isinstance(doc.get("jobs"), dict) else {}
    commands = doc.get("commands") if isinstance(doc.get("commands"), dict) else {}
    workflows = doc.get("workflows") if isinstance(doc.get("workflows"), dict) else {}
    out: list[Workflow] = []
    for wname, spec in workflows.items():
        if not isinstance(spec, dict):
            continue  # `version: 2` inside workflows
        line = workflows.line_of(wname)
        wf = Workflow(path=path, loc=Location(path, line), name=str(wname), system="circleci")
        scheduled = any(isinstance(t, dict) and "schedule" in t for t in spec.get("triggers") or [])
        wf.triggers["schedule" if scheduled else "push"] = None
        wf.trigger_lines["schedule" if scheduled else "push"] = line
        items = spec.get("jobs") if isinstance(spec.get("jobs"), list) else []
        for i, item in enumerate(items[:MAX_JOBS]):
            jline = items.line_of(i)
            name, cfg = (item, {}) if isinstance(item, str) else next(iter(item.items())) if isinstance(item, dict) and item else (None, None)
            if name is None:
                continue
            cfg = cfg if isinstance(cfg, dict) else {}
            jid = str(cfg.get("name") or name)
            job = Job(id=jid, loc=Location(path, jline), workflow_path=path, name=jid)
            job.needs = str_list(cfg.get("requires"))
            filters = cfg.get("filters") if isinstance(cfg.get("filters"), dict) else {}
            br = filters.get("branches") if isinstance(filters.get("branches"), dict) else {}
            job.if_ = branch_guard(str_list(br.get("only")))
            if cfg.get("type") == "approval":
                job.if_ = "github.event_name == 'workflow_dispatch'"
            if filters.get("tags") is not None and br.get("ignore") in ("/.*/", ".*"):
                job.if_ = "startsWith(github.ref, 'refs/tags/')"
            context = str_list(cfg.get("context"))
            if context:
                job.stage = ",".join(context)
            definition = jobs.get(name)
            if isinstance(definition, dict):
                job.loc = Location(path, jobs.line_of(name))
                job.runs_on = definition.get("docker") or definition.get("machine") or definition.get("executor")
                job.steps = _steps(path, definition.get("steps"), commands, 0)
            elif "/" in str(name):
                wf.opaque.append((Location(path, jline), f"orb job {name}"))
                job.uses = f"orb:{name}"
            wf.jobs[jid] = job
        out.append(wf)
    if not out and jobs:  # version 2.0 without workflows: the `build` job runs on every push
        base.triggers["push"] = None
        base.trigger_lines["push"] = base.loc.line
        for name, definition in jobs.items():
            if isinstance(definition, dict):
                job = Job(id=str(name), loc=Location(path, jobs.line_of(name)), workflow_path=path, name=str(name))
                job.steps = _steps(path, definition.get("steps"), commands, 0)
                base.jobs[job.id] = job
        out.append(base)
    return out or [base]


MAX_STEPS = 1000  # steps one job expands to through reusable commands


def _steps(path: str, items: Any, commands: dict, depth: int) -> list[Step]:
    out: list[Step] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        if len(out) >= MAX_STEPS:
            break
        line = items.line_of(i)
        if isinstance(item, str):
            key, cfg = item, None
        elif isinstance(item, dict) and item:
            key, cfg = next(iter(item.items()))
        else:
            continue
        if key == "run":
            command = cfg.get("command") if isinstance(cfg, dict) else cfg
            name = cfg.get("name") if isinstance(cfg, dict) else None
            wd = str(cfg.get("working_directory") or "").strip("~/.") if isinstance(cfg, dict) else ""
            for s in script_steps(path, command, line, str(name) if name else None, wd):
                s.loc = Location(path, line)
                s.run_line = cfg.line_of("command") if isinstance(cfg, dict) and "command" in cfg else line
                out.append(s)
        elif key in commands and depth < 4 and isinstance(commands[key], dict):
            inner = _steps(path, commands[key].get("steps"), commands, depth + 1)
            for s in inner:
                s.via = s.via or Location(path, line)
            out.extend(inner[:MAX_STEPS - len(out)])
        elif key not in _BUILTIN:
            out.append(Step(loc=Location(path, line), uses=f"orb:{key}" if "/" in key else key,
                            with_=dict(cfg) if isinstance(cfg, dict) else {}))
    return out
