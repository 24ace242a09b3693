"""collect: turn a repository (and optional sources) into Evidence; never judge."""
from __future__ import annotations

from pathlib import Path

from gate.collect.deploys import collect_deploys
from gate.collect.evidence import Evidence
from gate.collect.repo import RepoError, walk
from gate.collect.tree import collect_tree
from gate.collect.workflows import collect_workflows
from gate.collect.zizmor import online_allowed, start_zizmor
from gate.policy.load import Policy

__all__ = ["collect", "RepoError", "Evidence"]


def collect(root: str | Path, policy: Policy, exclude: tuple[str, ...] = ()) -> Evidence:
    """Everything read from disk; optional sources are attached by the caller."""
    exclude = tuple(exclude) + tuple(policy.data.get("exclude") or ())
    repo = walk(root, exclude)
    sig = policy.signatures
    # zizmor runs beside the rest of collection: the wall time is the longer, not the sum
    zizmor = start_zizmor(repo, online=online_allowed(policy))
    workflows = collect_workflows(repo)
    evidence = Evidence(
        repo=repo,
        workflows=workflows,
        deploys=collect_deploys(workflows, sig),
        tree=collect_tree(repo, sig),
    )
    _optional(evidence, sig)
    from gate.policy.custom import collect_custom

    collect_custom(evidence, policy)  # after git facts: freshness rules reuse them
    evidence.zizmor = zizmor.result()
    evidence.notices.extend(repo.notices)
    evidence.notices.extend(evidence.zizmor.notices)
    return evidence


def _optional(evidence: Evidence, sig) -> None:
    """Collectors that other modules provide, attached when they are present."""
    try:
        from gate.collect.ops import collect_ops
    except ImportError:
        collect_ops = None
    if collect_ops is not None:
        evidence.ops = collect_ops(evidence.repo, evidence.workflows, sig, evidence.deploys)
    try:
        from gate.collect.git import GitFacts
    except ImportError:
        GitFacts = None
    if GitFacts is not None:
        # rules may not run git: the runbooks' history is read here, once
        runbooks = [f.loc.path for f in evidence.ops.runbooks] if evidence.ops is not None else []
        evidence.git = GitFacts(evidence.repo.root, prefetch=[runbooks] if runbooks else [])
