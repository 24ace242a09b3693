"""What the repository is: a service (and where it runs), a library, a CLI, a sample,
an infrastructure module or a documentation site — decided from evidence, with the
files that decided it. Rules declare the kinds they apply to; the report shows it first.

The order of the questions matters and is the whole judgement:
1. the user said so (`--kind`, policy `kind:`);
2. workflows deploy to a runtime (a package release is not a deploy): a service, unless
   every deploy only releases binaries (a CLI) or publishes pages (a docs site);
3. the README's title says it is a sample, template or demo;
4. platform or orchestration config (Kubernetes, Lambda, a PaaS …): a service;
5. binary releases (GoReleaser …): a CLI; package releases or a package manifest with no
   service config: a library; a docs generator's config: a docs site; Terraform variables
   and outputs with no app: an infrastructure module;
6. a Dockerfile of the app's own (not a dev container, not a test image): a service.
"""
from __future__ import annotations

import re

from msgspec import Struct

from gate.collect.delivery import DeliveryFacts
from gate.collect.repo import RepoFiles, files_by_group
from gate.collect.tree import TreeFacts
from gate.collect.workflows import WorkflowSet
from gate.model import query
from gate.model.location import Location
from gate.policy.signatures import Signatures, any_depth

NOT_APP = ("examples", "example", "samples", "sample", "test", "tests", "testdata", "fixtures", "docs", "e2e",
           ".devcontainer", ".cursor", ".github", "__tests__", "benchmarks", "bench", "hack")
PACKAGE_MANIFESTS = ("pyproject.toml", "setup.py", "setup.cfg", "package.json", "Cargo.toml", "go.mod", "pom.xml",
                     "build.gradle", "build.gradle.kts", "composer.json", "mix.exs", "Package.swift")
DOCS_DIRS = ("docs", "doc-", "documentation", "website", "site", "www", "storybook", "book")
README = ("README.md", "README.rst", "README", "README.txt", "readme.md", "Readme.md")
_TITLE_LINES = 6


class Subject(Struct, frozen=True):
    kind: str
    runs_on: tuple[str, ...]
    evidence: tuple[Location, ...]
    reason: str
    decided_by: str = "evidence"   # evidence | policy | option

    def to_dict(self) -> dict:
        return {"kind": self.kind, "runs_on": list(self.runs_on), "evidence": [str(l) for l in self.evidence],
                "reason": self.reason, "decided_by": self.decided_by}


def decide_subject(repo: RepoFiles, tree: TreeFacts, ws: WorkflowSet, delivery: DeliveryFacts, sig: Signatures,
                   forced: str | None = None, forced_by: str = "option") -> Subject:
    runs_on, platform_evidence = _platforms(repo, ws, delivery, sig)
    if forced:
        return Subject(forced, runs_on if forced == "service" else (), (), f"stated by the {forced_by}", forced_by)
    runtime = [d for d in delivery.deploys if not d.rollback]  # a rollback adds nothing that runs
    if runtime:
        kinds = {_deploy_kind(ws, d, sig) for d in runtime}
        if kinds == {"cli"}:
            return Subject("cli", (), (runtime[0].loc,), "its deploys only release binaries")
        if kinds == {"docs-site"}:
            return Subject("docs-site", (), (runtime[0].loc,), "its deploys only publish pages")
        where = f" on {', '.join(runs_on)}" if runs_on else ""
        return Subject("service", runs_on, (runtime[0].loc,) + platform_evidence[:2],
                       f"workflows deploy it{where}")
    sample = _sample_title(repo, sig)
    if sample:
        return Subject("sample", runs_on, (sample,), "its README says it is a sample, template or demo")
    if platform_evidence:
        return Subject("service", runs_on, platform_evidence[:3], f"it carries {', '.join(runs_on)} configuration")
    cli = [p for p in files_by_group(repo, {"cli": sig.globs("cli_files")}).get("cli", []) if _is_app_path(p)]
    cli_steps = [s for _, s in _all_steps(ws) if sig.search("cli_release", s.text)]
    if cli or cli_steps:
        loc = Location(cli[0], 1) if cli else cli_steps[0].loc
        return Subject("cli", (), (loc,), "it releases binaries")
    if delivery.releases:
        return Subject("library", (), (delivery.releases[0].loc,), "its workflows publish packages")
    docs = [p for p in repo.glob_matching(any_depth(sig.globs("docs_files"))) if p.count("/") <= 1]
    manifests = [p for p in repo.named(*PACKAGE_MANIFESTS) if p.count("/") <= 1]
    if docs and not manifests or docs and all(p.endswith("package.json") for p in manifests) and not _dockerfiles(repo):
        return Subject("docs-site", (), (Location(docs[0], 1),), "it is a documentation site's source")
    module = _terraform_module(repo)
    if module and not _dockerfiles(repo):
        return Subject("infra-module", (), (Location(module, 1),), "it is a Terraform module (variables and outputs, no app)")
    dockerfiles = _dockerfiles(repo)
    if dockerfiles:
        return Subject("service", ("containers",), (Location(dockerfiles[0], 1),), "it builds a container image of its own")
    if tree.iac:
        first = next(iter(tree.iac.values()))[0]
        return Subject("service", (), (Location(first, 1),), "it carries infrastructure code")
    if manifests:
        return Subject("library", (), (Location(manifests[0], 1),), "a package manifest and nothing that deploys or runs it")
    return Subject("library", (), (), "nothing here deploys or runs as a service")


def _deploy_kind(ws: WorkflowSet, d, sig: Signatures) -> str:
    """A deploy job that only releases binaries is a CLI's; one that only publishes pages, a site's."""
    wf = ws.pipeline(d.workflow)
    job = wf.jobs.get(d.job) if wf else None
    if job is None:
        return "service"
    texts = [s.text for _, s in query.job_steps(job) if s.text]
    platforms = {hit[0] for t in texts if (hit := sig.search_group("platform_commands", t))}
    if platforms - {"GitHub Pages"}:
        return "service"
    if any(sig.search("cli_release", t) for t in texts):
        return "cli"
    if platforms == {"GitHub Pages"}:
        return "docs-site"
    return "service"


def _platforms(repo: RepoFiles, ws: WorkflowSet, delivery: DeliveryFacts, sig: Signatures):
    names: dict[str, None] = {}
    evidence: list[Location] = []
    for d in delivery.deploys:
        wf = ws.pipeline(d.workflow)
        job = wf.jobs.get(d.job) if wf else None
        for _, step in (query.job_steps(job) if job else ()):
            hit = sig.search_group("platform_commands", step.text)
            if hit and hit[0] != "GitHub Pages":
                names.setdefault(hit[0])
    for platform, paths in files_by_group(repo, sig.groups("platform_files")).items():
        for p in paths:
            if _is_app_path(p) and _confirms(repo, platform, p):
                names.setdefault(platform)
                evidence.append(Location(p, 1))
                break
    return tuple(names), tuple(evidence)


def _confirms(repo: RepoFiles, platform: str, path: str) -> bool:
    """Generic file names that mean a platform only with the right content."""
    name = path.rsplit("/", 1)[-1]
    if platform == "Lambda" and name.startswith("template."):
        return "AWS::Serverless" in (repo.read(path) or "") or "AWS::Lambda" in (repo.read(path) or "")
    if platform == "Cloud Foundry":
        return "applications:" in (repo.read(path) or "")
    if platform == "App Engine":
        return bool(re.search(r"^runtime:", repo.read(path) or "", re.M))
    if platform == "Cloud Run" and name == "service.yaml":
        return "serving.knative.dev" in (repo.read(path) or "")
    if platform == "Kubernetes" and name.endswith((".yaml", ".yml")) and name not in (
            "Chart.yaml", "kustomization.yaml", "kustomization.yml", "skaffold.yaml", "helmfile.yaml"):
        return bool(re.search(r"^kind:\s*\w+", repo.read(path) or "", re.M))
    return True


def _is_app_path(path: str) -> bool:
    """Not a test, example, tooling or documentation folder (`docs`, `docs-v3`, `website` …)."""
    return not any(part in NOT_APP or part.startswith(DOCS_DIRS) for part in path.lower().split("/")[:-1])


def _dockerfiles(repo: RepoFiles) -> list[str]:
    out = []
    for p in repo.containing("dockerfile"):
        name = p.rsplit("/", 1)[-1]
        if (name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith(".Dockerfile")) and _is_app_path(p) \
                and not re.search(r"(dev|test|ci|lint|docs)$", name.split(".")[-1].lower()):
            out.append(p)
    return out


def _terraform_module(repo: RepoFiles) -> str | None:
    """Root (or `modules/x`) Terraform with variables and outputs and no backend: a module for others."""
    root_tf = [p for p in repo.shallow(0) if p.endswith(".tf")]
    names = set(root_tf)
    if not ({"variables.tf", "outputs.tf"} <= names or {"variables.tf", "versions.tf"} <= names):
        return None
    for p in root_tf:
        if re.search(r"^\s*backend\s+\"", repo.read(p) or "", re.M):
            return None
    return "variables.tf"


def _sample_title(repo: RepoFiles, sig: Signatures) -> Location | None:
    for name in README:
        if repo.exists(name):
            text = repo.read(name, 64 * 1024) or ""
            lines = [ln for ln in text.splitlines() if ln.strip()][:_TITLE_LINES]
            for i, line in enumerate(lines):
                if line.lstrip().startswith(("#", "=")) or i == 0:
                    if sig.search("sample_words", line):
                        return Location(name, text.splitlines().index(line) + 1)
            return None
    return None


def _all_steps(ws: WorkflowSet):
    for wf in ws.pipelines():
        yield from query.workflow_steps(wf)
