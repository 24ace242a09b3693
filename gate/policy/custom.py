"""Collect what custom rules need from disk and git, before evaluate runs.

Custom rules are pure functions of Evidence, so file contents and git history are
read here: files through `evidence.repo.read` (bounded and cached by the walk), git
through `gate.collect.git.GitFacts`. Globs are resolved against the walked file list,
so git is asked about exactly the files the rule names, with the same glob semantics
as `exists:`. Results land in `evidence.facts["custom"][rule_id]`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from gate.policy.globs import any_match
from gate.rules.custom import as_globs

MAX_FILES = 500   # files scanned or asked about per rule
MAX_HITS = 50     # matching lines kept per rule


def collect_custom(evidence: Any, policy: Any) -> None:
    """Fill `evidence.facts["custom"]` for every custom rule that needs disk or git."""
    facts: dict[str, Any] = {}
    git: Any = _NOT_YET
    for spec in policy.data.get("custom_rules") or []:
        rid = spec.get("id")
        body = spec.get("file_matches") or spec.get("file_not_matches")
        if body:
            facts[rid] = _scan(evidence.repo, as_globs(body["paths"]), body["pattern"])
        elif spec.get("fresh"):
            if git is _NOT_YET:
                git = _git_facts(evidence)
            facts[rid] = _freshness(evidence.repo, git, as_globs(spec["fresh"]["paths"]))
    evidence.facts["custom"] = facts


def _files(repo: Any, globs: list[str]) -> list[str]:
    return [f for f in repo.files if any_match(f, globs)][:MAX_FILES]


def _scan(repo: Any, globs: list[str], pattern: str) -> dict[str, Any]:
    rx = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    files, hits, unreadable = _files(repo, globs), [], []
    for path in files:
        text = repo.read(path)
        if text is None:
            unreadable.append(path)
            continue
        for m in rx.finditer(text):
            hits.append((path, text.count("\n", 0, m.start()) + 1))
            if len(hits) >= MAX_HITS:
                return {"files": files, "hits": hits, "unreadable": unreadable}
    return {"files": files, "hits": hits, "unreadable": unreadable}


class _NotYet:
    pass


_NOT_YET = _NotYet()


def _git_facts(evidence: Any) -> Any:
    if getattr(evidence, "git", None) is not None:
        return evidence.git
    try:
        from gate.collect.git import GitFacts
    except ImportError:
        return None
    return GitFacts(evidence.repo.root)


def _freshness(repo: Any, git: Any, globs: list[str]) -> dict[str, Any]:
    files = _files(repo, globs)
    if git is None:
        return {"unknown": "git history is not available to this build (gate.collect.git is missing)", "files": files}
    if not git.is_repo:
        return {"unknown": f"not a git repository, so the age of {', '.join(globs)} cannot be told", "files": files}
    if not files:
        return {"files": [], "last": None}
    found = git.last_change(files)
    if found is None:
        return {"files": files, "last": None}
    when, commit, path = found
    return {"files": files, "last": {"date": _as_date(when), "commit": commit, "path": path}}


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.datetime.fromisoformat(str(value)).date()
