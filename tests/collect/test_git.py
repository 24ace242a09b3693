"""GitFacts: last change of paths and globs, outside git, and a hostile repository's config."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gate.collect.git import GitFacts

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _commit(root: Path, when: str, msg: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    for args in (["add", "-A"], ["commit", "-q", "-m", msg]):
        subprocess.run(["git", "-c", "core.hooksPath=/dev/null", *args], cwd=root, env=env, check=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "dr.md").write_text("v1\n")
    (tmp_path / "app.py").write_text("x = 1\n")
    _commit(tmp_path, "2026-01-10T10:00:00", "first")
    (tmp_path / "app.py").write_text("x = 2\n")
    _commit(tmp_path, "2026-03-05T10:00:00", "second")
    return tmp_path


def test_last_change_of_a_path_and_a_glob(repo):
    git = GitFacts(repo)
    assert git.is_repo
    when, sha, path = git.last_change(["docs/dr.md"])
    assert (when, path) == (dt.date(2026, 1, 10), "docs/dr.md") and len(sha) == 40
    assert git.last_change(["*.py"])[0] == dt.date(2026, 3, 5)
    assert git.last_change(["docs/missing.md"]) is None


def test_cached_never_runs_git_for_unasked_paths(repo):
    git = GitFacts(repo, prefetch=[["docs/dr.md"]])
    assert git.cached(["docs/dr.md"])[0] == dt.date(2026, 1, 10)
    assert git.cached(["app.py"]) is False


def test_outside_a_repository(tmp_path):
    (tmp_path / "a.md").write_text("x")
    git = GitFacts(tmp_path)
    assert not git.is_repo
    assert git.last_change(["a.md"]) is None


def test_hostile_config_runs_nothing(repo, tmp_path):
    marker = tmp_path / "pwned"
    # a repository's own config naming programs git would otherwise run
    for key, value in (("core.fsmonitor", f"touch {marker}"), ("core.pager", f"touch {marker}"),
                       ("diff.external", f"touch {marker}")):
        subprocess.run(["git", "config", key, value], cwd=repo, check=True)
    hooks = repo / ".git" / "hooks"
    (hooks / "post-checkout").write_text(f"#!/bin/sh\ntouch {marker}\n")
    (hooks / "post-checkout").chmod(0o755)
    git = GitFacts(repo)
    assert git.last_change(["docs/dr.md"]) is not None
    assert not marker.exists()


def test_every_git_call_neutralises_repository_config(repo, monkeypatch):
    """`log` runs no hook or filter today; these settings keep it so if the command grows."""
    seen = []
    real = subprocess.run

    def spy(args, **kw):
        seen.append((args, kw.get("env") or {}))
        return real(args, **kw)

    monkeypatch.setattr(subprocess, "run", spy)
    GitFacts(repo).last_change(["docs/dr.md"])
    assert seen
    for args, env in seen:
        joined = " ".join(args)
        for setting in ("core.fsmonitor=false", "core.hooksPath=/dev/null", "core.pager=cat"):
            assert f"-c {setting}" in joined
        assert env.get("GIT_CONFIG_NOSYSTEM") == "1"
