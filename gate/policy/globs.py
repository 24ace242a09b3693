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
from bisect import bisect_left
from functools import cached_property, lru_cache
from typing import Iterable, Iterator, Sequence


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


class PathIndex:
    """A tree's files arranged for questions asked of all of them at once.

    Asking each path in turn ("does this signature list match it", "is it named
    Chart.yaml") costs a call per path: tens of milliseconds in a 50,000-file tree, for
    each of the fifty-odd questions a check asks. Here a question is a scan in C: the
    literal every answer must contain is looked for in two lower-cased texts, the
    folders' (each folder once, as `/dir/`) and the file names' (one a line), and only
    the paths it points at are asked in full. Texts that cannot be read that way (a
    name with a newline or outside ASCII, whose lower-casing can move offsets) answer
    "any path may" and the caller asks each one, as before.

    `paths` are sorted; `names[i]` is the last segment of `paths[i]`; `folders` maps
    each folder ("" for the top) to the indices of the files directly in it.
    """

    def __init__(self, paths: Sequence[str], names: list[str] | None = None,
                 folders: dict[str, list[int]] | None = None) -> None:
        if names is None or folders is None:
            ordered = sorted(paths)
            paths, names, folders = (paths if ordered == paths else ordered), [], {}
            for i, path in enumerate(paths):
                folder, _, name = path.rpartition("/")
                names.append(name)
                folders.setdefault(folder, []).append(i)
        self.paths, self.names, self.folders = paths, names, folders
        self._hits: dict[str, frozenset[int] | None] = {}
        self._counts: dict[str, int | None] = {}
        self._nowhere: list[str] = []  # literals no path holds
        self._by_name: dict[str, list[int]] = {}
        self.memo: dict = {}  # answers of callers' bulk questions, kept as long as the index

    def __contains__(self, path: object) -> bool:
        at = bisect_left(self.paths, path) if isinstance(path, str) else len(self.paths)
        return at < len(self.paths) and self.paths[at] == path

    @cached_property
    def name_set(self) -> frozenset[str]:
        return frozenset(self.names)

    @cached_property
    def _name_text(self) -> str | None:
        return _text(self.names)

    @cached_property
    def _folder_text(self) -> tuple[list[str], str] | None:
        order = sorted(self.folders)
        text = _text(["/" + d + "/" if d else "/" for d in order])
        return (order, text) if text is not None else None

    def named(self, *names: str) -> list[int]:
        """Indices of the paths whose last segment is one of `names` (exactly), in order."""
        if len(names) == 1:
            return self._named(names[0])
        return sorted({i for n in names for i in self._named(n)})

    def _named(self, name: str) -> list[int]:
        found = self._by_name.get(name)
        if found is None:
            text = self._name_text
            if name not in self.name_set:
                found = []
            elif text is None:
                found = [i for i, n in enumerate(self.names) if n == name]
            else:
                found = [i for i in _each_line(text, "\n" + name.lower() + "\n") if self.names[i] == name]
            self._by_name[name] = found
        return found

    def names_ending(self, suffix: str) -> tuple[int, Iterator[int]] | None:
        """How many names end with `suffix` (lower-case; names compared lower-cased), and their
        indices in order, lazily; None when the names cannot be scanned."""
        text, n = self._name_text, self.count(suffix + "\n")  # a name's end is a line's end
        if text is None or n is None:
            return None
        return n, _each_line(text, suffix + "\n") if n else iter(())

    def ending(self, *suffixes: str) -> list[int]:
        """Indices of the paths whose name ends with one of `suffixes` (exactly), in order."""
        found: set[int] = set()
        for sfx in suffixes:
            hits = self.hits(sfx.lower() + "\n")  # a name's end is a line's end
            found.update(range(len(self.paths)) if hits is None else hits)
        names = self.names
        return sorted(i for i in found if names[i].endswith(suffixes))

    def under(self, prefix: str) -> list[int]:
        """Indices of the path `prefix` and of the paths in the folder `prefix`, in order."""
        paths = self.paths
        at = bisect_left(paths, prefix)
        start = bisect_left(paths, prefix + "/", at)
        own = [at] if at < len(paths) and paths[at] == prefix else []
        return own + list(range(start, bisect_left(paths, prefix + "0", start)))  # "0" sorts right after "/"

    def shallow(self, depth: int) -> list[int]:
        """Indices of the paths with at most `depth` slashes, in order."""
        return sorted(i for d, idx in self.folders.items() if (d.count("/") + 1 if d else 0) <= depth for i in idx)

    def all_folders(self) -> set[str]:
        """Every folder that holds a file, directly or below it ("" not included)."""
        out: set[str] = set()
        for folder in self.folders:
            while folder and folder not in out:
                out.add(folder)
                folder = folder.rpartition("/")[0]
        return out

    def folders_holding(self, literal: str) -> list[str] | None:
        """Folders whose lower-cased `/dir/` contains `literal` (None: any may)."""
        text = self._folder_text
        if text is None:
            return None
        order, low = text
        return [order[i] for i in _each_line(low, literal)]

    def in_folders(self, folders: Iterable[str] | None) -> Iterable[int]:
        """Indices of the files directly in `folders` (every path for None)."""
        if folders is None:
            return range(len(self.paths))
        return [i for d in folders for i in self.folders.get(d, ())]

    def hits(self, literal: str) -> frozenset[int] | None:
        """Indices of the paths whose lower-cased `/`-led form may contain `literal`; None: any may."""
        if literal in self._hits:
            return self._hits[literal]
        found: frozenset[int] | None = None
        if self._absent(literal):
            found = frozenset()
        elif literal:
            folders = self.folders_holding(literal)
            # in the name, or from the folder across the last `/` into it: the literal's tail then begins the name
            _, slash, tail = literal.rpartition("/")
            names = self._name_hits("\n" + tail if slash else literal) if tail else frozenset()
            if folders is not None and names is not None:
                found = frozenset(self.in_folders(folders)).union(names)
                if not found:
                    self._nowhere.append(literal)
        self._hits[literal] = found
        return found

    def count(self, literal: str) -> int | None:
        """About how many paths `hits(literal)` holds (exactly when none), counted in C; None: every path."""
        if literal in self._counts:
            return self._counts[literal]
        if literal in self._hits:
            hits = self._hits[literal]
            return None if hits is None else len(hits)
        n: int | None = None
        if self._absent(literal):
            n = 0
        elif literal:
            _, slash, tail = literal.rpartition("/")
            text, folders = self._name_text, self.folders_holding(literal)
            if text is not None and folders is not None:
                n = sum(len(self.folders[d]) for d in folders) + (text.count("\n" + tail if slash else literal)
                                                                 if tail else 0)
        self._counts[literal] = n
        if n == 0:
            self._nowhere.append(literal)
        return n

    def _absent(self, literal: str) -> bool:
        """A literal holding one found nowhere is nowhere either: no scan needed."""
        return self._counts.get(literal) == 0 or any(x in literal for x in self._nowhere)

    def candidates(self, sets: Sequence[Sequence[str]], enough: int = 32) -> frozenset[int] | None:
        """Paths that may contain one literal of every set (None: any may). Each set alone is
        a necessary condition, so the one holding fewest paths is scanned; sets are counted
        in order until one holds `enough` or fewer."""
        best, best_n = None, None
        for lits in sets:
            counts = [self.count(lit) for lit in lits]
            if not lits or None in counts:
                continue
            n = sum(counts)  # type: ignore[arg-type]
            if best_n is None or n < best_n:
                best, best_n = lits, n
            if n <= enough:
                break
        out: set[int] = set()
        for lit in best or ():
            hits = self.hits(lit)
            if hits is None:
                return None
            out.update(hits)
        return frozenset(out) if best is not None else None

    def _name_hits(self, literal: str) -> frozenset[int] | None:
        text = self._name_text
        return None if text is None else frozenset(_each_line(text, literal))


def _text(lines: list[str]) -> str | None:
    """`lines` lower-cased in one text, a newline before each and after the last; None if a line
    holds a newline, or lower-casing could move offsets (outside ASCII)."""
    text = "\n" + "\n".join(lines) + "\n" if lines else "\n"
    if not text.isascii() or text.count("\n") != len(lines) + 1:
        return None
    return text.lower()


def _each_line(text: str, literal: str) -> Iterator[int]:
    """Indices of the lines of `text` (see _text) holding `literal`, in order; a leading newline
    ties it to a line's start. Newlines are counted between hits, so a scan costs one pass."""
    lead = literal[:1] == "\n"
    seen = counted = 0  # newlines before `counted`
    pos = text.find(literal)
    while pos >= 0:
        at = pos + lead  # inside the line, or its first character
        seen += text.count("\n", counted, at)
        counted = at
        end = text.find("\n", at)
        if end < 0:
            return
        yield seen - 1
        pos = text.find(literal, end + 1 - lead)
