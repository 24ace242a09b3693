"""Git facts: is this a repository, and when did given paths last change.

Git runs read-only, with a timeout, with the system and global config ignored and
every setting a hostile repository could use to run a program neutralised
(fsmonitor, hooks, pagers, external diff and text conversion, filters are never
invoked by `log --format` without a diff). Outside a git repository, or without a
`git` binary, `is_repo` is False and every answer is None.

Rules stay pure: the collector calls `prefetch(...)` for the paths rules will ask
about, and rules read `cached(...)`, which never runs git.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterable

TIMEOUT_S = 10
_SAFE_CONFIG = (
    "-c", "core.fsmonitor=false",
    "-c", "core.hooksPath=/dev/null",
    "-c", "core.pager=cat",
    "-c", "core.sshCommand=false",
    "-c", "diff.external=",
    "-c", "protocol.allow=never",
)  # no safe.directory override: a checkout git will not trust is treated as "not a repository"
Change = tuple[dt.date, str, str]  # (commit date, commit sha, path that changed)


class GitFacts:
    """Read-only questions to git about one checkout."""

    def __init__(self, root: str | os.PathLike, prefetch: Iterable[Iterable[str]] = ()) -> None:
        self.root = Path(root)
        self._git = shutil.which("git")
        self._cache: dict[tuple[str, ...], Change | None] = {}
        self._misc: dict[str, tuple[str | None, str | None]] = {}
        self.is_repo = self._git is not None and self._probe()
        for paths in prefetch:
            self.last_change(paths)

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0",
                    "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat", "PAGER": "cat", "LC_ALL": "C"})
        return env

    def _run(self, *args: str) -> str | None:
        if self._git is None:
            return None
        try:
            proc = subprocess.run([self._git, *_SAFE_CONFIG, "-C", str(self.root), *args], capture_output=True,
                                  text=True, timeout=TIMEOUT_S, env=self._env(), stdin=subprocess.DEVNULL, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return proc.stdout if proc.returncode == 0 else None

    def _probe(self) -> bool:
        out = self._run("rev-parse", "--is-inside-work-tree")
        return bool(out and out.strip() == "true")

    def last_change(self, paths_or_globs: Iterable[str]) -> Change | None:
        """(date, commit, path) of the newest commit touching any of the paths/globs, or None."""
        key = tuple(sorted(set(paths_or_globs)))
        if key in self._cache:
            return self._cache[key]
        result = None
        if self.is_repo and key:
            # `:(glob)` pathspecs: a glob is matched by git, never expanded by a shell
            specs = [f":(glob){p}" if any(c in p for c in "*?[") else f":(literal){p}" for p in key]
            out = self._run("log", "-1", "--no-show-signature", "--no-ext-diff", "--no-textconv", "--format=%H%x09%cs", "--name-only",
                            "--no-renames", "--", *specs)
            if out and out.strip():
                lines = [ln for ln in out.splitlines() if ln.strip()]
                sha, _, date = lines[0].partition("\t")
                changed = next((ln for ln in lines[1:] if _matches(ln, key)), lines[1] if len(lines) > 1 else "")
                try:
                    result = (dt.date.fromisoformat(date.strip()), sha.strip(), changed)
                except ValueError:
                    result = None
        self._cache[key] = result
        return result

    def head(self) -> tuple[str | None, str | None]:
        """(commit, branch) checked out; the branch is None on a detached head."""
        if not self.is_repo:
            return None, None
        if "head" not in self._misc:
            sha = (self._run("rev-parse", "--verify", "-q", "HEAD") or "").strip() or None
            branch = (self._run("symbolic-ref", "-q", "--short", "HEAD") or "").strip() or None
            self._misc["head"] = (sha, branch)
        return self._misc["head"]

    def prefetch(self, *groups: Iterable[str]) -> None:
        for paths in groups:
            self.last_change(paths)

    def cached(self, paths_or_globs: Iterable[str]) -> Change | None | bool:
        """The prefetched answer; False when these paths were never asked (rules skip then)."""
        key = tuple(sorted(set(paths_or_globs)))
        return self._cache.get(key, None) if key in self._cache else False


def _matches(path: str, patterns: tuple[str, ...]) -> bool:
    return any(path == p or fnmatchcase(path, p) for p in patterns)
