"""The repository on disk, walked once and read at most once per file.

Repositories are hostile input: the walk never follows a link out of the root,
never opens anything but a regular file, stops at bounds on depth, file count and
file size, and says what it skipped (`notices`) instead of failing.
"""
from __future__ import annotations

import os
import re
import stat
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from fnmatch import fnmatchcase
from operator import attrgetter
from pathlib import Path
from typing import Iterable, Iterator

from msgspec import Struct, field

from gate.model.lazyre import LazyPattern
from gate.model.pathindex import PathIndex
from gate.policy.globs import PathMatcher, glob_literal, path_matcher
from gate.policy.signatures import Signatures, path_matches, required_literal_sets

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


class RepoFiles(Struct, dict=True):  # dict: `sizes`, made from the instance itself after init
    root: Path
    files: list[str] = field(default_factory=list)  # posix paths relative to root, sorted
    notices: list[str] = field(default_factory=list)
    excluded: tuple[str, ...] = ()
    file_set: set[str] = field(default_factory=set)
    reads: Counter = field(default_factory=Counter)  # disk reads per file: at most one each
    _text: dict[str, str | None] = field(default_factory=dict)
    _links: dict[str, str] = field(default_factory=dict)  # in-repo file links
    _index: PathIndex | None = field(default=None)

    def __post_init__(self) -> None:
        self.sizes = Sizes(self)
        self.file_set.update(self.files)

    def add(self, rel: str, size: int | None = None) -> None:
        self.files.append(rel)
        self.file_set.add(rel)
        self._index = None
        if size is not None:
            self.sizes[rel] = size

    # -- questions asked of every file at once (gate.model.pathindex.PathIndex): each answer in file order

    @property
    def index(self) -> PathIndex:
        if self._index is None:
            self._index = PathIndex(self.files)
        return self._index

    def matching(self, sig: Signatures, name: str) -> frozenset[str]:
        """The files signature list `name` matches (`sig.search(name, "/" + path)`), found once for the tree."""
        return sig.paths_matching(name, self.index)

    def matching_groups(self, sig: Signatures, name: str) -> dict[str, str]:
        """{file: group} for the files a group of signature list `name` matches (`sig.search_group`)."""
        return sig.groups_matching(name, self.index)

    def named(self, *names: str) -> list[str]:
        return self._paths(self.index.named(*names))

    def ending(self, *suffixes: str) -> list[str]:
        """Files whose name ends with one of `suffixes` (as written: `str.endswith`)."""
        return self._paths(self.index.ending(*suffixes))

    def under(self, folder: str) -> list[str]:
        """The files in `folder`, at any depth ("" for all)."""
        folder = folder.rstrip("/")
        return self._paths(self.index.under(folder)) if folder else list(self.files)

    def in_folder(self, folder: str) -> list[str]:
        """The files directly in `folder` ("" for the top)."""
        return self._paths(self.index.folders.get(folder, ()))

    def shallow(self, depth: int) -> list[str]:
        """The files with at most `depth` folders above them."""
        return self._paths(self.index.shallow(depth))

    def containing(self, *literals: str) -> list[str]:
        """Files whose lower-cased `/`-led path contains one of the lower-case `literals`."""
        index, found = self.index, set()
        for lit in literals:
            hits = index.hits(lit)
            found.update(range(len(index.paths)) if hits is None else hits)
        paths = index.paths
        return [paths[i] for i in sorted(found) if any(lit in ("/" + paths[i]).lower() for lit in literals)]

    def searching(self, rx: re.Pattern | LazyPattern) -> list[str]:
        """Files whose path `rx.search` matches: only those holding the literals it needs are searched."""
        sets = () if rx.flags & re.VERBOSE else required_literal_sets(rx.pattern)
        found = self.index.candidates(sets[:3]) if sets else None
        paths = self.index.paths
        return [paths[i] for i in (range(len(paths)) if found is None else sorted(found)) if rx.search(paths[i])]

    def glob_matching(self, matcher: PathMatcher) -> list[str]:
        """The files a PathMatcher matches."""
        return self._paths(matcher.matching(self.index))

    def _paths(self, indices: Iterable[int]) -> list[str]:
        paths = self.index.paths
        return [paths[i] for i in indices]

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
    entered; a file's kind comes from the listing, its size only when asked. Files come
    out sorted, their names and folders kept for the index; past MAX_FILES, the files
    after the first MAX_FILES in that order are not listed."""
    WALKS[0] += 1
    base = Path(root)
    if not base.exists():
        raise RepoError(f"{root}: no such directory; give the path of a repository checkout")
    if not base.is_dir():
        raise RepoError(f"{root}: not a directory; give the path of a repository checkout")
    base = base.resolve()
    repo = RepoFiles(root=base, excluded=exclude)
    walker = _Walker(repo, path_matcher(tuple(exclude)) if exclude else None)
    walker.visit("", 0)
    repo.file_set.update(repo.files)
    repo._index = PathIndex(repo.files, walker.names, walker.folders)
    return repo


_BY_NAME = attrgetter("name")


class _Walker:
    """Depth first, each folder's files and subfolders in one sorted order (a subfolder sorts as
    `name/`): the files come out in the order `sorted()` gives their paths, so no sort of the
    whole list is needed, and each folder's files are known without splitting a path."""

    def __init__(self, repo: RepoFiles, skip: PathMatcher | None) -> None:
        self.repo, self.skip = repo, skip
        self.real_root = str(repo.root)
        self.names: list[str] = []
        self.folders: dict[str, list[int]] = {}
        self.seen: set[tuple[int, int]] = set()
        self.full = False

    def visit(self, rel_dir: str, depth: int) -> None:
        repo, skip = self.repo, self.skip
        prefix = rel_dir + "/" if rel_dir else ""
        names: list[str] = []
        others: list[os.DirEntry] = []
        add = names.append
        try:
            with os.scandir(os.path.join(self.real_root, rel_dir)) as it:
                for entry in it:
                    if skip and skip.match(prefix + entry.name):
                        continue
                    try:
                        if entry.is_file(follow_symlinks=False):
                            add(entry.name)
                            continue
                    except OSError:
                        continue
                    others.append(entry)
        except OSError as exc:
            repo.notices.append(f"{rel_dir or '.'}: could not be listed ({exc.strerror})")
            return
        subdirs: list[str] = []
        for entry in sorted(others, key=_BY_NAME):  # what they say is said in name order
            name = entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if name not in SKIP_DIRS and self._enter(prefix + name, entry, depth):
                        subdirs.append(name + "/")
                elif entry.is_symlink() and self._link(prefix + name, entry.path):
                    names.append(name)
                # sockets, FIFOs and devices are never listed, so never opened
            except OSError:
                continue
        names.sort()  # links joined the files
        subdirs.sort()  # `a-b/` before `a/`, as their files' paths sort
        paths = list(map(prefix.__add__, names))
        start = 0
        for sub in subdirs:
            at = bisect_left(names, sub, start)
            self._emit(rel_dir, names, paths, start, at)
            if self.full:
                return
            self.visit(prefix + sub[:-1], depth + 1)
            if self.full:
                return
            start = at
        self._emit(rel_dir, names, paths, start, len(names))

    def _enter(self, rel: str, entry: os.DirEntry, depth: int) -> bool:
        if self.skip and self.skip.covers_folder(rel):
            return False
        st = entry.stat(follow_symlinks=False)
        if (st.st_dev, st.st_ino) in self.seen:
            return False
        self.seen.add((st.st_dev, st.st_ino))
        if depth + 1 >= MAX_DEPTH:
            self.repo.notices.append(f"{rel}: not read, deeper than {MAX_DEPTH} folders")
            return False
        return True

    def _emit(self, rel_dir: str, names: list[str], paths: list[str], start: int, end: int) -> None:
        files = self.repo.files
        room = MAX_FILES - len(files)
        if end - start >= room:
            end, self.full = start + room, True
        if end > start:
            first = len(files)
            files.extend(paths[start:end])
            self.names.extend(names[start:end])
            self.folders.setdefault(rel_dir, []).extend(range(first, len(files)))
        if self.full:
            self.repo.notices.append(f"stopped listing after {MAX_FILES} files; the rest is not read")

    def _link(self, rel: str, path: str) -> bool:
        """A link counts only if it resolves to a regular file inside the repository."""
        repo, real_root = self.repo, self.real_root
        try:
            target = os.path.realpath(path)
        except (OSError, RuntimeError):
            return False
        if not (target == real_root or target.startswith(real_root + os.sep)):
            repo.notices.append(f"{rel}: a link out of the repository, not followed")
            return False
        try:
            st = os.stat(target)
        except OSError:
            return False
        if not stat.S_ISREG(st.st_mode):
            return False
        repo._links[rel] = os.path.relpath(target, real_root)
        repo.sizes[rel] = st.st_size
        return True


def excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    """`rel` is left out by one of the `exclude` globs (gate.policy.globs: a folder covers its contents)."""
    return bool(patterns) and path_matcher(tuple(patterns)).match(rel)


def files_by_group(files: list[str] | RepoFiles, groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """The files each group of globs selects. A glob is tried on a file whose name its last
    segment matches, then on the whole path at any depth (`path_matches`); a file goes to the
    group of the first that matches, globs naming it exactly tried before wildcard ones.

    Given the repository, each glob's name is looked up (or its fixed part scanned for) over
    the whole tree at once; given a list, each file's name is looked up in turn."""
    entries = [(group, glob, glob.rsplit("/", 1)[-1]) for group, globs in groups.items() for glob in globs]
    ranked = [e for e in entries if not _WILD_NAME.intersection(e[2])] + \
             [e for e in entries if _WILD_NAME.intersection(e[2])]  # the order a file's candidates are tried in
    if not isinstance(files, RepoFiles):
        return _by_group_each(files, ranked)
    index = files.index
    paths, names, best = index.paths, index.names, {}
    for rank, (group, glob, last) in enumerate(ranked):
        if not _WILD_NAME.intersection(last):
            cands: Iterable[int] = index.named(last)
        else:
            hits = index.hits(glob_literal(glob))  # the whole glob's fixed part: `.goreleaser/*` names no name
            cands = [i for i in (range(len(paths)) if hits is None else hits) if fnmatchcase(names[i], last)]
        for i in cands:
            if i not in best and path_matches(paths[i], [glob]):
                best[i] = group
    found: dict[str, list[str]] = {}
    for i in sorted(best):
        found.setdefault(best[i], []).append(paths[i])
    return found


_WILD_NAME = frozenset("*?[")


def _by_group_each(files: list[str], ranked: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    exact: dict[str, list[tuple[str, str]]] = {}
    wild = [(group, glob, last) for group, glob, last in ranked if _WILD_NAME.intersection(last)]
    for group, glob, last in ranked:
        if not _WILD_NAME.intersection(last):
            exact.setdefault(last, []).append((group, glob))
    found: dict[str, list[str]] = {}
    for path in files:
        name = path.rsplit("/", 1)[-1]
        candidates = exact.get(name, []) + [(g, glob) for g, glob, last in wild if fnmatchcase(name, last)]
        for group, glob in candidates:
            if path_matches(path, [glob]):
                found.setdefault(group, []).append(path)
                break
    return found
