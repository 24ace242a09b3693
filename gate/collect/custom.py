"""Collect what custom rules need from disk and git, before evaluate runs.

Custom rules are pure functions of Evidence, so file contents and git history are
read here: files through `evidence.repo.read` (bounded, each read once), git
through `gate.collect.git.GitFacts`. Globs are resolved against the walked file list,
in the one glob dialect (gate.policy.globs), so git is asked about exactly the files
the rule names. Results land in `evidence.facts["custom"][rule_id]`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from gate.policy.custom import custom_specs
from gate.policy.globs import path_matcher

MAX_FILES = 500   # files scanned or asked about per rule
MAX_HITS = 50     # matching lines kept per rule


def collect_custom(evidence: Any, policy: Any) -> None:
    """Fill `evidence.facts["custom"]` for every custom rule that needs disk or git."""
    facts: dict[str, Any] = {}
    git: Any = _NOT_YET
    for spec in custom_specs(policy.data):
        if spec.kind in ("file_matches", "file_not_matches") and spec.pattern:
            facts[spec.id] = _scan(evidence.repo, spec.globs, spec.pattern)
        elif spec.kind == "fresh":
            if git is _NOT_YET:
                git = _git_facts(evidence)
            facts[spec.id] = _freshness(evidence.repo, git, spec.globs)
    evidence.facts["custom"] = facts


def _files(repo: Any, globs: tuple[str, ...]) -> list[str]:
    matcher = path_matcher(tuple(globs))
    return repo.glob_matching(matcher)[:MAX_FILES]


def _scan(repo: Any, globs: tuple[str, ...], pattern: str) -> dict[str, Any]:
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
    from gate.collect.git import GitFacts

    return GitFacts(evidence.repo.root)


def _freshness(repo: Any, git: Any, globs: tuple[str, ...]) -> dict[str, Any]:
    files = _files(repo, globs)
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
