"""The repository on disk, walked once and read at most once per file.

Repositories are hostile input: the walk never follows a link out of the root,
never opens anything but a regular file, stops at bounds on depth, file count and
file size, and says what it skipped (`notices`) instead of failing.
"""
from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
import fnmatch
import re
from fnmatch import fnmatchcase
from typing import Iterator
from pathlib import Path

from gate.policy.globs import path_matcher
from gate.policy.signatures import path_matches

# Folders that only ever hold vendored dependencies, caches or generated output: none is
# the repository's own configuration, and one of them can hold more files than the rest.
# (`build/` and `target/` are not here: Go keeps `build/package/Dockerfile` and CI config there.)
SKIP_DIRS = frozenset({
    ".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox", ".mypy_cache",
    ".pytest_cache", ".ruff_cache", "bower_components", ".terraform", ".next", ".nuxt",
    ".gradle", ".idea", ".cache", "site-packages", "vendor", "dist", ".svelte-kit", ".turbo",
    ".parcel-cache", "jspm_packages", ".yarn",
})
MAX_FILES = 100_000
MAX_DEPTH = 32
MAX_FILE_BYTES = 1 << 20  # 1 MiB: no config file a gate needs is larger


class RepoError(Exception):
    """The path given is not a readable repository directory."""


WALKS = [0]  # walks made in this process: the tests hold collect to one


class Sizes(Mapping[str, int]):
    """File sizes, asked of the file system only for the files someone asks about.

    The walk learns each entry's kind from the directory listing itself; a size costs
    one `stat`, and a collector wants it for a handful of files, not for 50,000.
    """

    def __init__(self, repo: RepoFiles) -> None:
        self._repo = repo
        self._known: dict[str, int] = {}

    def __getitem__(self, rel: str) -> int:
        size = self._known.get(rel)
        if size is None:
            if rel not in self._repo.file_set:
                raise KeyError(rel)
            try:
                size = os.stat(self._repo.root / self._repo._links.get(rel, rel), follow_symlinks=False).st_size
            except OSError:
                size = -1
            self._known[rel] = size
        return size

    def __contains__(self, rel: object) -> bool:
        return rel in self._repo.file_set

    def __iter__(self) -> Iterator[str]:
        return iter(self._repo.files)

    def __len__(self) -> int:
        return len(self._repo.files)

    def __setitem__(self, rel: str, size: int) -> None:
        self._known[rel] = size


@dataclass
class RepoFiles:
    root: Path
    files: list[str] = field(default_factory=list)  # posix paths relative to root, sorted
    notices: list[str] = field(default_factory=list)
    excluded: tuple[str, ...] = ()
    file_set: set[str] = field(default_factory=set, repr=False)
    reads: Counter = field(default_factory=Counter, repr=False)  # disk reads per file: at most one each
    _text: dict[str, str | None] = field(default_factory=dict, repr=False)
    _links: dict[str, str] = field(default_factory=dict, repr=False)  # in-repo file links

    def __post_init__(self) -> None:
        self.sizes = Sizes(self)
        self.file_set.update(self.files)

    def add(self, rel: str, size: int | None = None) -> None:
        self.files.append(rel)
        self.file_set.add(rel)
        if size is not None:
            self.sizes[rel] = size

    def exists(self, rel: str) -> bool:
        return rel in self.file_set

    def read(self, rel: str, max_bytes: int = MAX_FILE_BYTES) -> str | None:
        """The file's text, or None (missing, too large, binary, unreadable)."""
        if rel in self._text:
            return self._text[rel]
        text = self._read(rel, max_bytes)
        self._text[rel] = text
        return text

    def _read(self, rel: str, max_bytes: int) -> str | None:
        if rel not in self.file_set:
            return None
        self.reads[rel] += 1
        size = self.sizes[rel]
        if size > max_bytes:
            self.notices.append(f"{rel}: skipped, {size} bytes is over the {max_bytes}-byte bound")
            return None
        target = self.root / self._links.get(rel, rel)
        try:
            # O_NOFOLLOW + fstat: the file cannot be swapped for a link or a FIFO
            # between the walk and the read.
            fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            self.notices.append(f"{rel}: could not be read ({exc.strerror})")
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            data = _read_all(fd, max_bytes + 1)
        finally:
            os.close(fd)
        if len(data) > max_bytes:
            self.notices.append(f"{rel}: skipped, larger than the {max_bytes}-byte bound")
            return None
        if b"\0" in data[:8192]:
            return None
        return data.decode("utf-8", errors="replace")

    def glob(self, *suffixes: str, under: str = "") -> list[str]:
        return [f for f in self.files if f.startswith(under) and f.endswith(suffixes)]


def _read_all(fd: int, limit: int) -> bytes:
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, limit - total)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def walk(root: str | os.PathLike, exclude: tuple[str, ...] = ()) -> RepoFiles:
    """List the regular files under root, once; raises RepoError if root is unusable.

    Skipped folders (SKIP_DIRS, and folders the `exclude` globs cover whole) are never
    entered; a file's kind comes from the listing, its size only when asked."""
    WALKS[0] += 1
    base = Path(root)
    if not base.exists():
        raise RepoError(f"{root}: no such directory; give the path of a repository checkout")
    if not base.is_dir():
        raise RepoError(f"{root}: not a directory; give the path of a repository checkout")
    base = base.resolve()
    repo = RepoFiles(root=base, excluded=exclude)
    skip = path_matcher(tuple(exclude)) if exclude else None
    real_root = str(base)
    stack: list[tuple[str, int]] = [("", 0)]
    seen_dirs: set[tuple[int, int]] = set()
    while stack:
        rel_dir, depth = stack.pop()
        try:
            with os.scandir(base / rel_dir if rel_dir else base) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            repo.notices.append(f"{rel_dir or '.'}: could not be listed ({exc.strerror})")
            continue
        subdirs = []
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if skip and skip.match(rel):
                continue
            try:
                if entry.is_symlink():
                    _link(repo, rel, entry.path, real_root)
                elif entry.is_dir(follow_symlinks=False):
                    if entry.name in SKIP_DIRS or (skip and skip.covers_folder(rel)):
                        continue
                    st = entry.stat(follow_symlinks=False)
                    if (st.st_dev, st.st_ino) in seen_dirs:
                        continue
                    seen_dirs.add((st.st_dev, st.st_ino))
                    if depth + 1 >= MAX_DEPTH:
                        repo.notices.append(f"{rel}: not read, deeper than {MAX_DEPTH} folders")
                        continue
                    subdirs.append((rel, depth + 1))
                elif entry.is_file(follow_symlinks=False):
                    repo.add(rel)
                # sockets, FIFOs and devices are never listed, so never opened
            except OSError:
                continue
            if len(repo.files) >= MAX_FILES:
                repo.notices.append(f"stopped listing after {MAX_FILES} files; the rest is not read")
                stack.clear()
                subdirs = []
                break
        stack.extend(reversed(subdirs))
    repo.files.sort()
    return repo


def _link(repo: RepoFiles, rel: str, path: str, real_root: str) -> None:
    """A link counts only if it resolves to a regular file inside the repository."""
    try:
        target = os.path.realpath(path)
    except (OSError, RuntimeError):
        return
    if not (target == real_root or target.startswith(real_root + os.sep)):
        repo.notices.append(f"{rel}: a link out of the repository, not followed")
        return
    try:
        st = os.stat(target)
    except OSError:
        return
    if stat.S_ISREG(st.st_mode):
        repo._links[rel] = os.path.relpath(target, real_root)
        repo.add(rel, st.st_size)


def excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    """`rel` is left out by one of the `exclude` globs (gate.policy.globs: a folder covers its contents)."""
    return bool(patterns) and path_matcher(tuple(patterns)).match(rel)


def files_by_group(files: list[str], groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """The files each group of globs selects, in one pass: a file's name is looked up once
    (exact names in a dict, the few wildcard names tried by fnmatch), so a 50,000-file
    repository costs one dict lookup a file, not one match per file per glob."""
    exact: dict[str, list[tuple[str, str]]] = {}
    wild: list[tuple[str, str, str]] = []
    for group, globs in groups.items():
        for glob in globs:
            last = glob.rsplit("/", 1)[-1]
            if any(c in last for c in "*?["):
                wild.append((group, glob, last))
            else:
                exact.setdefault(last, []).append((group, glob))
    found: dict[str, list[str]] = {}
    # the wildcard names in one expression: most files match none of them
    any_wild = re.compile("|".join(fnmatch.translate(last) for _, _, last in wild)) if wild else None
    for path in files:
        name = path.rsplit("/", 1)[-1]
        candidates = exact.get(name, [])
        if any_wild is not None and any_wild.match(name):
            candidates = candidates + [(g, glob) for g, glob, last in wild if fnmatchcase(name, last)]
        for group, glob in candidates:
            if path_matches(path, [glob]):
                found.setdefault(group, []).append(path)
                break
    return found
