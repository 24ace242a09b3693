"""Globs: one dialect for every path and ref pattern a policy sets.

GitHub's filter patterns (`on.push.paths`, branch filters), which the people writing
a policy already know:

- a pattern matches the whole path, relative to the repository root, with `/`;
- `*` matches any run of characters within one path segment, `?` one character
  (never `/`), `[abc]` / `[a-z]` / `[!a-z]` one character of (or not of) a set;
- `**` matches any run of characters across `/`: `docs/**` is everything below
  `docs/`, `**/Dockerfile` a Dockerfile at any depth (the top included), `**.md`
  every Markdown file; `\\` makes the next character literal.

For paths (`exclude:`, waiver `paths:`, custom rules, the signature file lists) a
pattern that matches a folder also covers everything under it, so `vendor`,
`vendor/` and `vendor/**` all mean the folder and its contents. Ref patterns
(branch profiles) match the ref name only. `glob_error` says what is wrong with a
pattern, for `policy validate`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from gate.model.pathindex import PathIndex


def glob_error(pattern: object) -> str | None:
    """Why `pattern` is not a usable path glob, or None."""
    if not isinstance(pattern, str) or not pattern.strip():
        return "an empty pattern matches nothing; give a path glob such as `docs/**`"
    if pattern.startswith("/"):
        return "paths are relative to the repository root; drop the leading `/`"
    if pattern.startswith("./"):
        return "paths are relative to the repository root; drop the leading `./`"
    if any(seg == ".." for seg in pattern.split("/")):
        return "`..` leaves the repository; a pattern names paths inside it"
    if pattern.endswith("\\") and not pattern.endswith("\\\\"):
        return "a trailing `\\` escapes nothing"
    if _unclosed_class(pattern):
        return "`[` opens a character set that is never closed; write `[[]` for a literal `[`"
    try:
        glob_regex(pattern)
    except re.error as exc:
        return f"not a valid glob ({exc.msg})"
    return None


def _unclosed_class(pattern: str) -> bool:
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":
            end = _class_end(pattern, i)
            if end == -1:
                return True
            i = end
        i += 1
    return False


def _class_end(pattern: str, i: int) -> int:
    """Index of the `]` closing the set opened at `pattern[i]`, or -1."""
    j = i + 1
    if j < len(pattern) and pattern[j] in "!^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    return pattern.find("]", j)


def _translate(pattern: str) -> str:
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = _class_end(pattern, i)
            if end == -1:
                out.append(re.escape(c))  # validation names it; at run time it is a literal
            else:
                body = pattern[i + 1:end]
                if body[:1] in ("!", "^"):
                    body = "^" + body[1:]
                out.append("(?!/)[" + body.replace("\\", "\\\\").replace("[", "\\[") + "]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


@lru_cache(maxsize=1024)
def glob_regex(pattern: str) -> re.Pattern:
    """The pattern alone, for a whole-string match (refs, names)."""
    return re.compile(_translate(pattern), re.DOTALL)


def glob_match(text: str, pattern: str) -> bool:
    """`text` (a ref or a name) matches `pattern` as a whole; no folder rule."""
    return glob_regex(pattern).fullmatch(text) is not None


_WILD = frozenset("*?[\\")


class PathMatcher:
    """A list of path globs: does a path, or a folder above it, match one of them?

    Most globs in practice are plain names (`Dockerfile`, `vercel.json`, `docs`): those
    are set lookups on the path's segments; only the ones with wildcards become one
    regex, compiled on first use.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(str(p) for p in patterns if isinstance(p, str) and p)
        self._exact: set[str] = set()     # literal paths from the root
        self._names: set[str] = set()     # literal names at any depth (`**/NAME`)
        self._wild: list[str] = []
        for p in self.patterns:
            p = p.rstrip("/") or p
            if p.startswith("**/") and "/" not in p[3:] and not _WILD.intersection(p[3:]) and p[3:]:
                self._names.add(p[3:])
            elif not _WILD.intersection(p):
                self._exact.add(p)
            else:
                self._wild.append(p)
        self._rx: re.Pattern | None = None
        self._dir_rx: re.Pattern | None = None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def match(self, path: str) -> bool:
        if self._exact or self._names:
            if path in self._exact:
                return True
            parts = path.split("/")
            if self._names and not self._names.isdisjoint(parts):
                return True
            if self._exact and len(parts) > 1:
                for i in range(1, len(parts)):
                    if "/".join(parts[:i]) in self._exact:
                        return True
        if not self._wild:
            return False
        if self._rx is None:
            self._rx = _union(self._wild)
        return self._rx.fullmatch(path) is not None

    def matching(self, index: PathIndex) -> list[int]:
        """The indices of the index's paths that match, in order: each glob's fixed part is
        looked up or scanned for once, and only the paths holding one are matched in full."""
        found: set[int] = set()
        for p in self._exact:
            found.update(index.under(p))  # the path itself, or a folder and what it holds
        for name in self._names:
            found.update(index.named(name))
            found.update(index.in_folders(index.folders_holding("/" + name.lower() + "/")))
        for p in self._wild:
            hits = index.hits(glob_literal(p))
            if hits is None:
                found.update(range(len(index.paths)))
                break
            found.update(hits)
        paths = index.paths
        return sorted(i for i in found if self.match(paths[i]))

    def covers_folder(self, folder: str) -> bool:
        """Every path under `folder` matches: the walk need not enter it."""
        if self.match(folder):
            return True  # the folder, or one above it, matches: it covers its contents
        if self._dir_rx is None:
            stars = [p[:-3] for p in self._wild if p.endswith("/**") and len(p) > 3]  # `folder/**`
            self._dir_rx = _union(stars) if stars else False  # type: ignore[assignment]
        return bool(self._dir_rx) and self._dir_rx.fullmatch(folder) is not None  # type: ignore[union-attr]


def glob_literal(pattern: str) -> str:
    """The longest run of plain characters every path the glob matches contains, lower-cased ("" if none)."""
    runs, run, i, n = [], "", 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            run += pattern[i + 1]
            i += 2
            continue
        end = _class_end(pattern, i) if c == "[" else -1
        if c in "*?" or end != -1:
            runs.append(run)
            run = ""
            # `**/` may match nothing at all, its `/` included
            i = i + 3 if pattern.startswith("**/", i) else end + 1 if end != -1 else i + 1
            continue
        run += c
        i += 1
    return max(runs + [run], key=len).lower()


def _union(patterns: Iterable[str]) -> re.Pattern:
    """One regex for all: `**/` leads are factored out, so a path's folders are stepped through once, not once per pattern."""
    anywhere, rooted = [], []
    for p in patterns:
        p = p.rstrip("/") or p
        if p.startswith("**/") and len(p) > 3:
            anywhere.append(_translate(p[3:]))
        else:
            rooted.append(_translate(p))
    parts = (["(?:[^/]*/)*(?:" + "|".join(anywhere) + ")"] if anywhere else []) + rooted
    return re.compile("(?:" + "|".join(parts) + ")(?:/.*)?", re.DOTALL)


@lru_cache(maxsize=256)
def path_matcher(patterns: tuple[str, ...]) -> PathMatcher:
    return PathMatcher(patterns)


def path_match(path: str, pattern: str) -> bool:
    """`path` (or a folder above it) matches the glob."""
    return path_matcher((pattern,)).match(path)


def any_match(path: str, patterns: Iterable[str]) -> bool:
    """`path` (or a folder above it) matches one of the globs."""
    return path_matcher(tuple(patterns)).match(path)
