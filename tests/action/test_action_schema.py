"""`action.yml` and every workflow in the repository validate against SchemaStore's schemas.

The schemas are the offline copies in tests/data/schemastore (README there: where they come
from, how to refresh them). YAML is read as GitHub reads it: `on:` is the string "on", not
the boolean YAML 1.1 makes of it (which would fail every workflow against the schema).
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "data" / "schemastore"


class _Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans: only true/false, so `on`, `yes`, `off` stay strings."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)  # noqa: S506 (a SafeLoader)


def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


WORKFLOWS = sorted(
    [*ROOT.glob(".github/workflows/*.y*ml"),
     *ROOT.glob("examples/**/.github/workflows/*.y*ml"),
     *ROOT.glob("examples/workflows/*.y*ml"),
     *ROOT.glob("tests/action/workflows/*.y*ml")])
ACTIONS = sorted([ROOT / "action.yml", *ROOT.glob("tests/action/standins/**/action.yml"),
                  *ROOT.glob("examples/**/.github/actions/*/action.y*ml")])


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in paths]


def test_the_files_are_found() -> None:
    """Guards the globs: an empty parametrisation would pass without checking anything."""
    names = set(_ids(WORKFLOWS))
    for expected in (".github/workflows/readiness.yml", ".github/workflows/ci.yml", ".github/workflows/release.yml",
                     ".github/workflows/rollback.yml", ".github/workflows/codeql.yml", ".github/workflows/gate.yml",
                     "examples/workflows/fork-safe-check.yml", "examples/hardened-service/.github/workflows/ci.yml"):
        assert expected in names
    assert "action.yml" in _ids(ACTIONS)


def test_the_loader_reads_on_as_a_string() -> None:
    assert "on" in load(ROOT / ".github" / "workflows" / "ci.yml")


@pytest.mark.parametrize("path", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_workflow_matches_the_github_workflow_schema(path: Path) -> None:
    errors = sorted(_validator("github-workflows.json").iter_errors(load(path)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{path.relative_to(ROOT)}: {'/'.join(map(str, e.path))}: {e.message[:300]}"
                                 for e in errors)


@pytest.mark.parametrize("path", ACTIONS, ids=_ids(ACTIONS))
def test_action_matches_the_github_action_schema(path: Path) -> None:
    errors = list(_validator("github-actions.json").iter_errors(load(path)))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message[:300]}" for e in errors)


def test_dependabot_matches_its_schema() -> None:
    errors = list(_validator("dependabot.json").iter_errors(load(ROOT / ".github" / "dependabot.yml")))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message[:300]}" for e in errors)


def test_the_schema_rejects_a_broken_workflow() -> None:
    """The validator is live: a job without runs-on or uses, and an unknown key, are errors."""
    broken = {"on": "push", "jobs": {"x": {"steps": [{"run": "true"}], "runs_on": "ubuntu-latest"}}}
    assert list(_validator("github-workflows.json").iter_errors(broken))


def _doc_workflows() -> list[tuple[str, str]]:
    """The complete workflows in the README's recipes and docs/action.md (fenced yaml blocks with `jobs:`)."""
    import re

    out = []
    for doc in ("README.md", "docs/action.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        blocks = re.findall(r"```yaml\n(.*?)```", text, flags=re.S)
        out += [(f"{doc}#{i}", b) for i, b in enumerate(blocks) if re.search(r"^jobs:", b, flags=re.M)]
    return out


DOC_WORKFLOWS = _doc_workflows()


def test_the_docs_have_the_three_recipes() -> None:
    assert len(DOC_WORKFLOWS) >= 3  # required check, stricter release gate, reusable call


@pytest.mark.parametrize("name,text", DOC_WORKFLOWS, ids=[n for n, _ in DOC_WORKFLOWS])
def test_docs_workflow_matches_the_schema(name: str, text: str) -> None:
    """A user pastes these: they must be whole, valid workflows."""
    data = yaml.load(text, Loader=_Yaml12Loader)  # noqa: S506 (a SafeLoader)
    errors = list(_validator("github-workflows.json").iter_errors(data))
    assert not errors, "\n".join(f"{name}: {'/'.join(map(str, e.path))}: {e.message[:300]}" for e in errors)


def test_pre_commit_hook_runs_the_gate_on_workflow_changes() -> None:
    import re

    [hook] = load(ROOT / ".pre-commit-hooks.yaml")
    assert hook["id"] == "readiness-gate" and hook["language"] == "python"
    assert hook["entry"] == "readiness-gate check ."
    assert hook["pass_filenames"] is False  # the verdict is about the repository, not the files
    files = re.compile(hook["files"])
    for path in (".github/workflows/ci.yml", ".github/workflows/deploy.yaml", ".github/actions/deploy/action.yml",
                 "action.yml", ".github/readiness.yml", ".github/CODEOWNERS"):
        assert files.search(path), path
    for path in ("README.md", "src/app.py", "docs/workflows/ci.yml"):
        assert not files.search(path), path
