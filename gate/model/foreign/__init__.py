"""Pipelines of other CI systems read into the same Workflow/Job/Step model.

Each module turns one system's configuration into `Workflow` objects whose `system`
says where they came from, with triggers mapped onto GitHub's event names so every
reader asks one question of all of them:

- `pull_request`: the system runs on pull/merge requests (Azure `pr:`, GitLab merge
  request pipelines, Bitbucket `pull-requests:`);
- `push` with `{"branches": [...]}` (absent: every branch): branch pipelines (Azure
  `trigger:`, GitLab branch pipelines, CircleCI and Bitbucket builds of pushed
  branches), `{"tags": [...]}` for tag pipelines;
- `schedule`, `workflow_dispatch` (manual or custom pipelines).

A job's own restriction (GitLab `only:`/`rules:`, Azure `condition:`, CircleCI branch
`filters:`, a manual trigger) becomes a GitHub-style `if:` that readers already
understand (`github.ref == 'refs/heads/main'`, `github.event_name == 'workflow_dispatch'`).
Order is `needs` (Azure `dependsOn`, stages in sequence, GitLab `needs:`/stages,
CircleCI `requires:`, Bitbucket steps in sequence); `environment:` is kept as written.
Local templates and includes are followed through the `load` callable (no I/O here);
remote ones are recorded in `Workflow.opaque`.
"""
from __future__ import annotations

from typing import Any, Callable

from gate.model.lazyre import lazy
from gate.model.workflow import Workflow

Loader = Callable[[str], Any]  # a repository path -> its loaded YAML document, or None

# file name -> system; Jenkins and the rest are named (gate.collect.tree.other_ci), not read
SYSTEMS = {
    "azure-pipelines.yml": "azure", "azure-pipelines.yaml": "azure",
    ".gitlab-ci.yml": "gitlab", ".gitlab-ci.yaml": "gitlab",
    ".circleci/config.yml": "circleci", ".circleci/config.yaml": "circleci",
    "bitbucket-pipelines.yml": "bitbucket", "bitbucket-pipelines.yaml": "bitbucket",
}
SYSTEM_NAMES = {"azure": "Azure Pipelines", "gitlab": "GitLab CI", "circleci": "CircleCI",
                "bitbucket": "Bitbucket Pipelines", "github": "GitHub Actions"}


_AZURE_DIRS = (".azure-pipelines/", ".azuredevops/", ".pipelines/", "azure-pipelines/", "pipelines/", ".azure/",
               "build/", "ci/", ".ci/", "eng/", "deploy/", "devops/", ".devops/")
_NOT_OWN = lazy(r"(^|/)(tests?|testdata|fixtures?|examples?|samples?|vendor|node_modules|third[-_]party|corpus)/")


def system_of(path: str) -> str | None:
    """The CI system whose entry file `path` is.

    GitLab, CircleCI and Bitbucket read one file at the root. An Azure pipeline is any
    `azure-pipelines.yml` at the root or one folder down, or a YAML file in a folder
    where pipelines are kept that declares a pipeline — never one inside tests,
    examples or vendored code (those are other repositories' pipelines)."""
    if path in SYSTEMS:
        return SYSTEMS[path]
    if _NOT_OWN.search(path) or path.count("/") > 2:
        return None
    name = path.rsplit("/", 1)[-1]
    if name in ("azure-pipelines.yml", "azure-pipelines.yaml") and path.count("/") <= 1:
        return "azure"
    if path.startswith(_AZURE_DIRS) and name.endswith((".yml", ".yaml")):
        return "azure-candidate"  # read only when it declares a pipeline (trigger/pr and stages/jobs/steps)
    return None


def parse(system: str, path: str, doc: Any, load: Loader) -> list[Workflow]:
    from gate.model.foreign import azure, bitbucket, circleci, gitlab

    reader = {"azure": azure.parse, "gitlab": gitlab.parse, "circleci": circleci.parse,
              "bitbucket": bitbucket.parse}[system]
    return reader(path, doc, load)


def branch_guard(only: list[str], ignore: list[str] = ()) -> str | None:
    """A GitHub-style `if:` for a job limited to branches, or None when any branch runs it."""
    if only and not any(b in ("*", "**", "/.*/") for b in only):
        return " || ".join(f"github.ref == 'refs/heads/{b}'" for b in only[:8])
    return None


def str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [str(value)]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int, float))]
    return []


def script_steps(path: str, node: Any, line: int, name: str | None = None, workdir: str = "") -> list:
    """One Step per command of a script list (a string is one command), each at its own line."""
    from gate.model.location import Location
    from gate.model.workflow import Step
    from gate.model.yamlsafe import YList

    items = node if isinstance(node, list) else [node] if isinstance(node, str) else []
    out = []
    for i, item in enumerate(items):
        if isinstance(item, list):  # GitLab allows nested lists from !reference
            out.extend(script_steps(path, item, line, name, workdir))
            continue
        if not isinstance(item, (str, int, float)):
            continue
        at = node.line_of(i) if isinstance(node, YList) else line
        out.append(Step(loc=Location(path, at), name=name, run=str(item), run_line=at, working_directory=workdir))
    return out
