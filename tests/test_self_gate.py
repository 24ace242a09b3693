"""This repository passes its own gate: `readiness-gate check .` under its own policy
(.github/readiness.yml: the production preset, with the example repositories and test
fixtures excluded), with no blocker failed.

The rules that the project's pipeline is built to satisfy are asserted to PASS, not merely
to be absent or skipped: tests on pull requests, CodeQL, pinned actions, no script injection.
The project is a package released to PyPI (and an Action): the gate must say it is a
library, and skip what a library cannot have — deploys, rollback, operations — saying why.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gate.cli import main

ROOT = Path(__file__).resolve().parents[1]

# What .github/workflows/ was written to prove; a change that breaks one of these fails here.
MUST_PASS = (
    "ci.workflows-present", "ci.workflow-valid", "ci.pull-request-trigger", "ci.tests-run",
    "ci.default-branch-push", "security.codeql-workflow", "security.codeql-languages",
    "security.dependency-updates", "hardening.pinned-actions", "hardening.token-permissions",
    "hardening.dangerous-triggers", "hardening.script-injection", "governance.codeowners",
)
MUST_SKIP_AS_LIBRARY = ("delivery.environments-declared", "delivery.promotion-order", "rollback.path-present",
                        "observability.health-checks", "iac.present")


@pytest.fixture
def offline_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The verdict must not depend on the CI job running it: no token, no branch profile."""
    for name in ("GITHUB_TOKEN", "GH_TOKEN", "GITHUB_REF", "GITHUB_BASE_REF", "GITHUB_HEAD_REF",
                 "GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH"):
        monkeypatch.delenv(name, raising=False)


def test_this_repository_passes_its_own_production_gate(tmp_path: Path, offline_env: None) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["check", str(ROOT), "--no-color", "--output", f"json:{out}"],
                                catch_exceptions=False)
    report = json.loads(out.read_text())
    failed = [(r["id"], r["severity"], r.get("message")) for r in report["results"] if r["status"] == "fail"]
    assert result.exit_code == 0, f"{result.output}\nfailed: {failed}"
    assert report["verdict"] == "PASS"
    assert report["summary"]["blockers"] == 0
    assert not [f for f in failed if f[1] == "blocker"]
    # the repository's own policy applied, on top of the production preset
    assert report["policy"]["source"] == ".github/readiness.yml"
    assert "production" in report["policy"]["chain"]
    status = {r["id"]: r["status"] for r in report["results"]}
    not_passing = {rule: status.get(rule) for rule in MUST_PASS if status.get(rule) != "pass"}
    assert not not_passing, not_passing
    assert report["subject"]["kind"] == "library" and report["subject"]["reason"] == "its workflows publish packages"
    messages = {r["id"]: r["message"] for r in report["results"]}
    for rule in MUST_SKIP_AS_LIBRARY:
        assert status[rule] == "skip" and "library" in messages[rule], (rule, messages[rule])


def test_the_examples_are_not_taken_for_this_projects_config(tmp_path: Path, offline_env: None) -> None:
    """Without the policy's exclude list the example services' Dockerfiles and workflows
    would be read as this project's: the exclude list is what keeps the verdict honest."""
    out = tmp_path / "report.json"
    CliRunner().invoke(main, ["check", str(ROOT), "--no-color", "--output", f"json:{out}"], catch_exceptions=False)
    report = json.loads(out.read_text())
    paths = {loc.get("path", "") for r in report["results"] for loc in r.get("locations") or []}
    leaked = sorted(p for p in paths if p.startswith(("examples/", "tests/fixtures/", "tests/action/")))
    assert not leaked, leaked
