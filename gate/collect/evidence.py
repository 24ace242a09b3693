"""The Evidence object: every fact the rules judge, each with its location.

Collectors fill it; rules only read it. Optional parts are None when their
source was not consulted (no token, no scanner), which rules report as unknown.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from gate.collect.delivery import DeliveryFacts
from gate.collect.deploys import Deploy
from gate.collect.repo import RepoFiles
from gate.collect.subject import Subject
from gate.collect.tree import TreeFacts
from gate.collect.workflows import WorkflowSet
from gate.collect.zizmor import ZizmorFacts

if TYPE_CHECKING:  # typed, without importing what a run may never need (the GitHub client, scanners)
    from gate.collect.git import GitFacts
    from gate.collect.github_api import ApiFacts
    from gate.collect.ops.model import OpsEvidence
    from gate.collect.security import SecurityEvidence


class Evidence(Struct):
    """Everything collected about one repository: the only input rules see."""

    repo: RepoFiles
    workflows: WorkflowSet
    deploys: list[Deploy]
    tree: TreeFacts
    delivery: DeliveryFacts = field(default_factory=DeliveryFacts)
    subject: Subject | None = None
    notices: list[str] = field(default_factory=list)
    api: ApiFacts | None = None             # with a token
    security: SecurityEvidence | None = None  # with scanners or SARIF
    ops: OpsEvidence | None = None
    git: GitFacts | None = None
    zizmor: ZizmorFacts | None = None  # hardening: zizmor's findings, or why it could not run
    facts: dict[str, Any] = field(default_factory=dict)  # further collectors' facts by name

    @property
    def kind(self) -> str:
        return self.subject.kind if self.subject is not None else "service"

    @property
    def deployable(self) -> bool:
        """A service: it runs somewhere, so delivery, rollback and operations apply."""
        return self.kind == "service"

    @property
    def service(self) -> bool:
        return self.kind == "service"
