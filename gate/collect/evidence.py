"""The Evidence object: every fact the rules judge, each with its location.

Collectors fill it; rules only read it. Optional parts are None when their
source was not consulted (no token, no scanner), which rules report as unknown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gate.collect.deploys import Deploy
from gate.collect.repo import RepoFiles
from gate.collect.tree import TreeFacts
from gate.collect.workflows import WorkflowSet
from gate.collect.zizmor import ZizmorFacts


@dataclass
class Evidence:
    repo: RepoFiles
    workflows: WorkflowSet
    deploys: list[Deploy]
    tree: TreeFacts
    notices: list[str] = field(default_factory=list)
    api: Any = None          # gate.collect.github_api.ApiFacts, with a token
    security: Any = None     # gate.collect.security.SecurityEvidence, with scanners/SARIF
    ops: Any = None          # gate.collect.ops.OpsEvidence
    git: Any = None          # gate.collect.git.GitFacts, inside a git repository
    zizmor: ZizmorFacts | None = None  # hardening: zizmor's findings, or why it could not run
    facts: dict[str, Any] = field(default_factory=dict)  # further collectors' facts by name

    @property
    def deployable(self) -> bool:
        """Deploys from a workflow, or carries deploy configuration."""
        return bool(self.deploys or self.tree.deploy_files or self.tree.iac)

    @property
    def service(self) -> bool:
        """Runs somewhere: deploy configuration, IaC, or a deploy that is more than a package
        release. A library whose production environment only guards its PyPI/npm publish is
        deployable (its releases are promoted and rolled back) but is not a service."""
        return bool(self.tree.deploy_files or self.tree.iac
                    or any(not (d.package_only or d.rollback) for d in self.deploys))
