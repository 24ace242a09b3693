"""Team-specific checks declared in a policy's `custom_rules:`, with no code.

Four kinds: `exists` (a path glob matches a file), `file_matches` / `file_not_matches`
(a file matching the globs contains / must not contain a regex), `workflow_step`
(some job, optionally under given triggers or environments, has a step whose `run`
or `uses` matches a regex) and `fresh` (the newest commit touching the globs is at
most N days old). Checks stay pure: file contents and git history are collected
beforehand by `gate.policy.custom.collect_custom` into `evidence.facts["custom"]`.

This module declares no rule of its own; the registry imports it and finds none.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from gate.model import query
from gate.model.location import Location
from gate.policy.globs import any_match
from gate.rules.base import Context, Outcome, Rule, failed, passed, unknown

KINDS = ("exists", "file_matches", "file_not_matches", "workflow_step", "fresh")


def as_globs(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value or []]


def build_rules(specs: list[dict[str, Any]]) -> list[Rule]:
    """Rule objects for validated `custom_rules:` entries."""
    out = []
    for spec in specs:
        kind = next((k for k in KINDS if k in spec), None)
        if kind is None:
            continue
        check = _FACTORIES[kind](spec["id"], spec[kind])
        check.__doc__ = f"Declared in the policy: `{kind}` check."
        out.append(Rule(id=spec["id"], domain=str(spec.get("domain") or "custom"),
                        severity=str(spec.get("severity") or "warning"), title=str(spec["title"]),
                        rationale=" ".join(str(spec.get("rationale") or "A team-specific check declared in the policy.").split()),
                        remediation=" ".join(str(spec["remediation"]).split()), check=check))
    return out


def _facts(ev: Any, rid: str) -> dict[str, Any] | None:
    return (ev.facts.get("custom") or {}).get(rid)


def _not_collected(rid: str) -> Outcome:
    return unknown(f"{rid}: its evidence was not collected (gate.policy.custom.collect_custom did not run)")


def _exists(rid: str, body: Any) -> Callable[[Any, Context], Outcome]:
    globs = as_globs(body)

    def check(ev, ctx: Context) -> Outcome:
        hits = [f for f in ev.repo.files if any_match(f, globs)]
        if hits:
            return passed(f"{len(hits)} file(s) match {', '.join(globs)}, e.g. {hits[0]}.", Location(hits[0]))
        return failed(f"No file matches {', '.join(globs)}.")
    return check


def _file(rid: str, body: Any, must_match: bool) -> Callable[[Any, Context], Outcome]:
    globs, pattern = as_globs(body["paths"]), body["pattern"]

    def check(ev, ctx: Context) -> Outcome:
        facts = _facts(ev, rid)
        if facts is None:
            return _not_collected(rid)
        files, hits = facts["files"], [Location(p, line) for p, line in facts["hits"]]
        if must_match:
            if hits:
                return passed(f"{hits[0].path} matches /{pattern}/.", hits[0])
            if not files:
                return failed(f"No file matches {', '.join(globs)}, so none contains /{pattern}/.")
            return failed(f"None of {len(files)} file(s) matching {', '.join(globs)} contains /{pattern}/.",
                          *(Location(f) for f in files[:5]))
        if hits:
            return failed(f"{len(hits)} line(s) match /{pattern}/, which must not appear in {', '.join(globs)}.", *hits)
        return passed(f"No line of {len(files)} file(s) matching {', '.join(globs)} matches /{pattern}/.")
    return check


def _env_matches(job: Any, wanted: list[str], sig: Any) -> bool:
    names = list(job.environments or [])
    raw = job.environment.get("name") if isinstance(job.environment, dict) else job.environment
    if isinstance(raw, str):
        names.append(raw)
    for name in names:
        for w in wanted:
            if name.lower() == w.lower() or any_match(name, [w]) or (sig is not None and sig.tier(name) == w):
                return True
    return False


def _workflow_step(rid: str, body: Any) -> Callable[[Any, Context], Outcome]:
    rx = re.compile(body["pattern"], re.IGNORECASE | re.MULTILINE)
    triggers, envs = as_globs(body.get("triggers")), as_globs(body.get("environments"))

    def check(ev, ctx: Context) -> Outcome:
        for wf in ev.workflows.workflows.values():
            if triggers and not any(t in wf.triggers for t in triggers):
                continue
            for job in wf.jobs.values():
                for inner, step in query.job_steps(job):
                    if envs and not (_env_matches(job, envs, ctx.sig) or _env_matches(inner, envs, ctx.sig)):
                        continue
                    for text in (step.run, step.uses):
                        m = rx.search(text or "")
                        if m:
                            where = step.via or step.loc
                            return passed(f"Job `{job.id}` of {wf.path} runs `{m.group(0).strip()[:80]}`.", where)
        scope = "".join([f" on {', '.join(triggers)}" if triggers else "",
                         f" in environment {', '.join(envs)}" if envs else ""])
        return failed(f"No workflow step{scope} matches /{body['pattern']}/.", Location(".github/workflows"))
    return check


def _fresh(rid: str, body: Any) -> Callable[[Any, Context], Outcome]:
    globs, max_age = as_globs(body["paths"]), int(body["max_age_days"])

    def check(ev, ctx: Context) -> Outcome:
        facts = _facts(ev, rid)
        if facts is None:
            return _not_collected(rid)
        if facts.get("unknown"):
            return unknown(facts["unknown"])
        if not facts.get("files"):
            return failed(f"No file matches {', '.join(globs)}, so there is no evidence to be fresh.")
        last = facts.get("last")
        if last is None:
            return failed(f"No commit touches {', '.join(globs)}.", Location(facts["files"][0]))
        today = ctx.today or dt.date.today()
        age = (today - last["date"]).days
        where = Location(last["path"])
        said = f"{last['path']} last changed {last['date'].isoformat()} ({str(last['commit'])[:12]}), {age} day(s) ago"
        if age > max_age:
            return failed(f"{said}; the policy allows at most {max_age}.", where)
        return passed(f"{said}; within {max_age}.", where)
    return check


_FACTORIES: dict[str, Callable[[str, Any], Callable[[Any, Context], Outcome]]] = {
    "exists": _exists,
    "file_matches": lambda rid, body: _file(rid, body, True),
    "file_not_matches": lambda rid, body: _file(rid, body, False),
    "workflow_step": _workflow_step,
    "fresh": _fresh,
}
