"""collect: turn a repository (and optional sources) into Evidence; never judge."""
from __future__ import annotations

from pathlib import Path

from gate.collect.delivery import collect_delivery
from gate.collect.deploys import collect_deploys
from gate.collect.evidence import Evidence
from gate.collect.git import GitFacts
from gate.collect.ops import collect_ops
from gate.collect.ops.scripts import Scripts
from gate.collect.repo import RepoError, walk
from gate.collect.subject import decide_subject
from gate.collect.tree import collect_tree
from gate.collect.workflows import RemoteRead, collect_workflows
from gate.collect.zizmor import online_allowed, start_zizmor
from gate.policy.load import Policy

__all__ = ["collect", "RepoError", "Evidence"]


def collect(root: str | Path, policy: Policy, exclude: tuple[str, ...] = (), kind: str | None = None,
            remote: RemoteRead | None = None) -> Evidence:
    """Everything read from disk; optional sources are attached by the caller.

    `kind` states what the repository is (else the policy's `kind:`, else the evidence).
    `remote(owner, repo, path, ref)` reads remote reusable workflows (with a token; see
    gate.github.contents); without it they stay out of sight."""
    exclude = tuple(exclude) + tuple(policy.data.get("exclude") or ())
    repo = walk(root, exclude)
    sig = policy.signatures
    # zizmor runs beside the rest of collection: the wall time is the longer, not the sum
    zizmor = start_zizmor(repo, online=online_allowed(policy))
    scripts = Scripts(repo)  # one follower of commands into scripts and recipes, shared by every reader
    workflows = collect_workflows(repo, sig=sig, runners=scripts, remote=remote)
    deploys = collect_deploys(workflows, sig)
    tree = collect_tree(repo, sig)
    delivery = collect_delivery(workflows, deploys, repo, sig)
    forced, by = (kind, "option") if kind else (policy.data.get("kind"), "policy")
    evidence = Evidence(
        repo=repo,
        workflows=workflows,
        deploys=deploys,
        tree=tree,
        delivery=delivery,
        subject=decide_subject(repo, tree, workflows, delivery, sig, forced=forced, forced_by=by),
    )
    _optional(evidence, sig, scripts)
    from gate.collect.custom import collect_custom

    collect_custom(evidence, policy)  # after git facts: freshness rules reuse them
    evidence.zizmor = zizmor.result()
    evidence.notices.extend(repo.notices)
    evidence.notices.extend(workflows.notices)
    evidence.notices.extend(evidence.zizmor.notices)
    return evidence


def _optional(evidence: Evidence, sig, scripts: Scripts) -> None:
    """Operational facts, and the git facts rules may ask for (rules never run git)."""
    evidence.ops = collect_ops(evidence.repo, evidence.workflows, sig, evidence.deploys, scripts)
    runbooks = [f.loc.path for f in evidence.ops.runbooks]
    evidence.git = GitFacts(evidence.repo.root, prefetch=[runbooks] if runbooks else [])
