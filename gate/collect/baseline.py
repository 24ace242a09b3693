"""New-only mode: what a change introduced, by fingerprint against a baseline.

The baseline is a SARIF file (`--baseline-sarif`) or a git ref (`--baseline-ref`),
scanned in a temporary `git worktree` of the merge base that is always removed. In
pull-request mode only the files the change touches are scanned, on both sides, so a
small change to a large repository costs a few files, not the whole tree.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from msgspec import Struct, field

from gate.collect.sarif import Finding

GIT_TIMEOUT = 120.0


class BaselineError(Exception):
    """The baseline cannot be used (unknown ref, not a git repository …); one line."""


class Comparison(Struct):
    new: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    unchanged: list[Finding] = field(default_factory=list)


def compare(head: Sequence[Finding], base: Sequence[Finding]) -> Comparison:
    """Match by fingerprint as multisets: two equal findings need two in the baseline."""
    out = Comparison()
    left = Counter(f.fingerprint for f in base)
    for f in head:
        if left[f.fingerprint] > 0:
            left[f.fingerprint] -= 1
            out.unchanged.append(f)
        else:
            out.new.append(f)
    now = Counter(f.fingerprint for f in head)
    for f in base:
        if now[f.fingerprint] > 0:
            now[f.fingerprint] -= 1
        else:
            out.fixed.append(f)
    return out


# ---------------------------------------------------------------- git


def git(repo: str | os.PathLike, *args: str, stdin: bytes | None = None, timeout: float = GIT_TIMEOUT) -> bytes:
    """Run git in `repo`; a failure is a one-line BaselineError. Hooks and LFS downloads are
    off: scanning a baseline must neither run repository code nor reach the network."""
    cmd = ["git", "--literal-pathspecs", "-c", "core.hooksPath=" + os.devnull, "-C", str(repo), *args]
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_LFS_SKIP_SMUDGE="1")
    try:
        proc = subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout, env=env,
                              stdin=None if stdin is not None else subprocess.DEVNULL)
    except FileNotFoundError:
        raise BaselineError("git is not installed; the baseline ref cannot be checked out") from None
    except subprocess.TimeoutExpired:
        raise BaselineError(f"git {args[0]} did not finish within {timeout:g} s") from None
    if proc.returncode != 0:
        lines = [ln.strip() for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        msg = lines[-1] if lines else f"exit code {proc.returncode}"
        raise BaselineError(f"git {args[0]} failed: {msg}")
    return proc.stdout


def merge_base(repo: str | os.PathLike, ref: str) -> str:
    """The commit the change branched from: comparing with the ref's tip would count
    what landed on the base branch since as this change's doing."""
    if ref.startswith("-"):
        raise BaselineError(f"baseline ref {ref!r} is not a ref")
    try:
        git(repo, "rev-parse", "--verify", "--quiet", ref + "^{commit}")
    except BaselineError:
        raise BaselineError(f"baseline ref {ref!r} not found in {repo} (a shallow clone? "
                            "check out with fetch-depth: 0 or fetch the base branch)") from None
    try:
        return git(repo, "merge-base", ref, "HEAD").decode().strip()
    except BaselineError:
        raise BaselineError(f"no common ancestor of {ref!r} and HEAD (a shallow clone? use fetch-depth: 0)") from None


def changed_files(repo: str | os.PathLike, base: str) -> list[str]:
    """Files changed between `base` and HEAD (`git diff base...HEAD`) that exist now."""
    root = Path(repo).resolve()
    out = git(root, "diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", f"{base}...HEAD")
    names = [n for n in out.decode("utf-8", "surrogateescape").split("\0") if n]
    keep: list[str] = []
    for name in names:
        path = root / name
        # A link could point out of the repository; only regular files inside it are scanned.
        if path.is_file() and not path.is_symlink() and path.resolve().is_relative_to(root):
            keep.append(name)
    return sorted(keep)


@contextmanager
def worktree(repo: str | os.PathLike, commit: str, files: Sequence[str] | None = None) -> Iterator[Path]:
    """A temporary detached worktree of `commit`, removed on exit whatever happens.

    With `files`, only those paths (the ones that exist at `commit`) are checked out:
    a pull-request baseline needs a handful of files, not the whole tree.
    """
    tmp = Path(tempfile.mkdtemp(prefix="gate-baseline-"))
    wt = tmp / "base"
    added = False
    try:
        git(repo, "worktree", "add", "--detach", "--no-checkout", str(wt), commit)
        added = True
        if files is None:
            git(wt, "checkout", "--quiet", "--detach", commit)
        else:
            present = set(git(wt, "ls-tree", "-r", "--name-only", "-z", commit).decode(
                "utf-8", "surrogateescape").split("\0"))
            wanted = [f for f in files if f in present]
            if wanted:
                spec = "\0".join(wanted).encode("utf-8", "surrogateescape")
                git(wt, "checkout", "--quiet", commit, "--pathspec-from-file=-", "--pathspec-file-nul",
                    stdin=spec)
        yield wt
    finally:
        if added:
            try:
                git(repo, "worktree", "remove", "--force", str(wt))
            except BaselineError:
                pass
        shutil.rmtree(tmp, ignore_errors=True)
        if added:
            try:
                git(repo, "worktree", "prune")
            except BaselineError:
                pass
