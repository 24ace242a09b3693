"""GitLab CI (`.gitlab-ci.yml`) as a Workflow.

Branch pipelines run on every push unless `workflow: rules` say otherwise; merge
request pipelines exist when a rule or `only:` names them (`merge_request_event`,
`merge_requests`). Jobs keep their stage; a job without `needs:` waits for every job of
the earlier stages. `extends:` merges hidden jobs; local `include:` files are read, and
so are local child pipelines (`trigger: include:`), whose jobs run after the job that
starts them; `project:`, `remote:`, `template:` and `component:` includes and triggers of
other projects are opaque.
"""
from __future__ import annotations

import re
from typing import Any

from gate.model.foreign import Loader, script_steps, str_list
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.workflow import MAX_JOBS, Job, Workflow

RESERVED = {"stages", "variables", "default", "include", "workflow", "image", "services", "before_script",
            "after_script", "cache", "types", "spec"}
DEFAULT_STAGES = [".pre", "build", "test", "deploy", ".post"]
MAX_INCLUDES = 32
MAX_PARENTS = 8  # `extends:` parents merged per level: a hostile file cannot make it exponential
_MR = lazy(r"merge_request_event|merge_requests|CI_MERGE_REQUEST_")
_BRANCH_ONLY = lazy(r"\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*[\"']?([\w./-]+)|\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*\$CI_DEFAULT_BRANCH")
_TAG_ONLY = lazy(r"\$CI_COMMIT_TAG(?!\s*==\s*null)")


def _children(path: str, merged: dict, jobs: list[Job], load: Loader, wf: Workflow, depth: int) -> list[Job]:
    """Jobs of local child pipelines (`trigger: include: local`): they run in the parent's
    pipeline, after the job that starts them, under its triggers."""
    out: list[Job] = []
    if depth >= 2:
        return out
    for job in list(jobs):
        raw = merged.get(job.id, (None, None, None))[1]
        trig = raw.get("trigger") if isinstance(raw, dict) else None
        inc = trig.get("include") if isinstance(trig, dict) else None
        items = [inc] if isinstance(inc, str) else inc if isinstance(inc, list) else []
        for item in items:
            local = item if isinstance(item, str) else item.get("local") if isinstance(item, dict) else None
            doc = load(local.lstrip("/")) if isinstance(local, str) and "$" not in local else None
            if not isinstance(doc, dict):
                continue
            [child] = parse(local.lstrip("/"), doc, load, depth + 1)
            for cj in child.jobs.values():
                cj.id = f"{job.id}/{cj.id}"
                cj.needs = [job.id] + [f"{job.id}/{n}" for n in cj.needs]
                cj.needs_line = cj.needs_line or job.loc.line
                cj.workflow_path = wf.path
                out.append(cj)
            wf.opaque.extend(child.opaque)
    return out


def parse(path: str, doc: Any, load: Loader, depth: int = 0) -> list[Workflow]:
    wf = Workflow(path=path, loc=Location(path, getattr(doc, "line", 1)), name=path, system="gitlab")
    if not isinstance(doc, dict):
        wf.problems.append((wf.loc.line, "a GitLab CI file must be a mapping"))
        return [wf]
    merged: dict[str, tuple[str, Any, int]] = {}  # key -> (file, value, line)
    _include(path, doc, load, merged, wf, set(), 0)
    top = {k: v for k, (_, v, _) in merged.items()}
    stages = str_list(top.get("stages")) or DEFAULT_STAGES
    if ".pre" not in stages:
        stages = [".pre", *stages]
    if ".post" not in stages:
        stages.append(".post")
    _triggers(wf, top, merged)
    jobs: list[Job] = []
    memo: dict[str, dict] = {}
    for key, (file, raw, line) in merged.items():
        if key in RESERVED or key.startswith(".") or not isinstance(raw, dict):
            continue
        if len(jobs) >= MAX_JOBS:
            wf.problems.append((line, f"more than {MAX_JOBS} jobs; the rest are not read"))
            break
        body = _extended(raw, top, memo)
        if not any(k in body for k in ("script", "trigger", "run")):
            continue
        jobs.append(_job(file, key, raw, body, line, top, wf))
    by_stage = {s: [j.id for j in jobs if j.stage == s] for s in stages}
    jobs.extend(_children(path, merged, jobs, load, wf, depth))  # they keep their own order (needs set)
    for job in jobs:
        if job.needs_line is None:  # no `needs:`: every job of the earlier stages
            idx = stages.index(job.stage) if job.stage in stages else len(stages)
            job.needs = [j for s in stages[:idx] for j in by_stage.get(s, [])]
        wf.jobs[job.id] = job
    if any(_MR.search(_rules_text(b)) for b in [top.get("workflow")] + [v for _, v, _ in merged.values()]):
        wf.triggers.setdefault("pull_request", None)
        wf.trigger_lines.setdefault("pull_request", wf.loc.line)
    return [wf]


def _include(path: str, doc: dict, load: Loader, merged: dict, wf: Workflow, seen: set, depth: int) -> None:
    seen.add(path)
    inc = doc.get("include")
    items = inc if isinstance(inc, list) else [inc] if inc is not None else []
    line = doc.line_of("include") if hasattr(doc, "line_of") else 1
    for i, item in enumerate(items):
        at = items.line_of(i) if hasattr(items, "line_of") else line
        local = item if isinstance(item, str) and not item.startswith(("http://", "https://")) else \
            item.get("local") if isinstance(item, dict) else None
        if isinstance(local, str):
            target = local.lstrip("/")
            if "*" in target or "$" in target or target in seen or depth >= 4 or len(seen) >= MAX_INCLUDES:
                continue
            sub = load(target)
            if isinstance(sub, dict):
                _include(target, sub, load, merged, wf, seen, depth + 1)
            continue
        what = next((f"{k} {item[k]}" for k in ("project", "remote", "template", "component")
                     if isinstance(item, dict) and k in item), str(item))
        wf.opaque.append((Location(path, at), f"include: {what}"))
    for key, value in doc.items():
        if key == "include":
            continue
        merged[key] = (path, value, doc.line_of(key) if hasattr(doc, "line_of") else 1)


def _extended(raw: dict, top: dict, memo: dict, chain: tuple = ()) -> dict:
    """A job with its `extends:` parents merged in (the job's own keys win); each hidden job is
    resolved once, and a cycle or a chain deeper than GitLab's own limit stops."""
    parents = str_list(raw.get("extends"))[:MAX_PARENTS]
    if not parents or len(chain) > 10:
        return dict(raw)
    out: dict = {}
    for p in parents:
        base = top.get(p)
        if not isinstance(base, dict) or p in chain:
            continue
        if p not in memo:
            memo[p] = _extended(base, top, memo, chain + (p,))
        out.update(memo[p])
    out.update(raw)
    return out


def _triggers(wf: Workflow, top: dict, merged: dict) -> None:
    rules = top.get("workflow", {}).get("rules") if isinstance(top.get("workflow"), dict) else None
    line = merged["workflow"][2] if "workflow" in merged else wf.loc.line
    text = _rules_text({"rules": rules}) if rules else ""
    if rules and not re.search(r"CI_COMMIT_BRANCH|CI_PIPELINE_SOURCE\s*==\s*[\"']push|when:\s*always", text) \
            and _only_mr_rules(rules):
        pass  # merge request pipelines only: pull_request is added by the caller
    else:
        branches = _only_branches(rules) if rules else []
        wf.triggers["push"] = {"branches": branches} if branches else None
        wf.trigger_lines["push"] = line
    if "schedule" in text:
        wf.triggers["schedule"] = None
        wf.trigger_lines["schedule"] = line


def _only_mr_rules(rules: Any) -> bool:
    conds = [str(r.get("if") or "") for r in rules if isinstance(r, dict) and r.get("when") != "never"]
    return bool(conds) and all(_MR.search(c) for c in conds)


def _only_branches(rules: Any) -> list[str]:
    """Branches a `workflow: rules` list limits branch pipelines to ([] = no limit seen)."""
    out: list[str] = []
    for r in rules if isinstance(rules, list) else []:
        if not isinstance(r, dict) or r.get("when") == "never":
            continue
        cond = str(r.get("if") or "")
        if not cond:
            return []
        m = _BRANCH_ONLY.search(cond)
        if not m and not _MR.search(cond) and not _TAG_ONLY.search(cond):
            return []  # a rule that lets other pushes through
        if m:
            out.append(m.group(1) or "main")
    return out


def _rules_text(value: Any) -> str:
    if isinstance(value, dict):
        parts = []
        for k in ("rules", "only", "except"):
            v = value.get(k)
            if isinstance(v, list):
                parts.extend(str(r.get("if") or "") + " when: " + str(r.get("when") or "") if isinstance(r, dict) else str(r)
                             for r in v)
            elif isinstance(v, dict):
                parts.extend(str(x) for x in v.values())
            elif v is not None:
                parts.append(str(v))
        return "\n".join(parts)
    return ""


def _guard(body: dict) -> str | None:
    """A GitHub-style `if:` for what limits the job: branches, tags, a manual start."""
    if body.get("when") == "manual":
        return "github.event_name == 'workflow_dispatch'"
    only = body.get("only")
    refs = str_list(only.get("refs")) if isinstance(only, dict) else str_list(only)
    if refs:
        if any(r in ("merge_requests", "branches", "pushes", "/.*/") for r in refs):
            return None
        if all(r == "tags" for r in refs):
            return "startsWith(github.ref, 'refs/tags/')"
        branches = [r for r in refs if r not in ("tags", "schedules", "web", "api", "triggers")]
        if branches:
            return " || ".join(f"github.ref == 'refs/heads/{b}'" for b in branches[:8])
        return "github.event_name == 'workflow_dispatch'"
    rules = body.get("rules")
    if isinstance(rules, list) and rules:
        live = [r for r in rules if isinstance(r, dict) and r.get("when") != "never"]
        conds = [str(r.get("if") or "") for r in live]
        if any(not c for c in conds) or any(_MR.search(c) for c in conds):
            if all(r.get("when") == "manual" for r in live):
                return "github.event_name == 'workflow_dispatch'"
            return None
        branches = [m.group(1) or "main" for c in conds for m in [_BRANCH_ONLY.search(c)] if m]
        if branches and len(branches) == len(conds):
            return " || ".join(f"github.ref == 'refs/heads/{b}'" for b in branches[:8])
        if conds and all(_TAG_ONLY.search(c) for c in conds):
            return "startsWith(github.ref, 'refs/tags/')"
    return None


def _dereference(script: Any, top: dict) -> Any:
    """`!reference [.job, script]` items (read as lists of names) replaced by what they name."""
    if not isinstance(script, list) or not any(isinstance(i, list) for i in script):
        return script  # keep the list as loaded: it knows each command's line
    out: list = []
    for item in script:
        if isinstance(item, list) and 2 <= len(item) <= 3 and all(isinstance(k, str) for k in item) \
                and isinstance(top.get(item[0]), dict):
            value: Any = top
            for k in item:
                value = value.get(k) if isinstance(value, dict) else None
            out.extend(value if isinstance(value, list) else [value] if isinstance(value, str) else [])
        else:
            out.append(item)
    return out


def _job(file: str, key: str, raw: dict, body: dict, line: int, top: dict, wf: Workflow) -> Job:
    job = Job(id=key, loc=Location(file, line), workflow_path=wf.path, name=key)
    job.stage = str(body.get("stage") or "test")
    if "needs" in body:
        job.needs = [n if isinstance(n, str) else str(n.get("job")) for n in body.get("needs") or []
                     if isinstance(n, str) or (isinstance(n, dict) and n.get("job"))]
        job.needs_line = raw.line_of("needs") if "needs" in raw else line
    job.if_ = _guard(body)
    env = body.get("environment")
    if env is not None:
        name = env.get("name") if isinstance(env, dict) else env
        if isinstance(env, dict) and env.get("action") in ("stop", "prepare", "verify", "access"):
            name = None  # stopping or preparing an environment deploys nothing to it
        if name is not None:
            job.environment = str(name)
            job.environments = [str(name)] if "$" not in str(name) else []
            job.environment_loc = Location(file, raw.line_of("environment") if "environment" in raw else line)
    job.runs_on = body.get("image") or top.get("image")
    default = top.get("default") if isinstance(top.get("default"), dict) else {}
    for key_ in ("before_script", "script", "after_script"):
        src = body.get(key_) if key_ in body else default.get(key_, top.get(key_)) if key_ != "script" else None
        if src is None:
            continue
        src = _dereference(src, top)
        at = raw.line_of(key_) if key_ in raw else line
        job.steps.extend(script_steps(file if key_ in raw else wf.path, src, at, f"{key} {key_}"))
    trig = body.get("trigger")
    if trig is not None:
        inc = trig.get("include") if isinstance(trig, dict) else None
        if not (isinstance(inc, str) or (isinstance(inc, list) and all(isinstance(i, dict) and "local" in i for i in inc))):
            wf.opaque.append((job.loc, f"trigger: {trig if isinstance(trig, str) else trig.get('project', 'a child pipeline')}"))
    return job
