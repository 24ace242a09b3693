"""A tree's paths arranged so a question is asked of all of them at once.

Collectors ask the same kinds of question of every file ("does this signature list
match it", "is it named Chart.yaml", "what is under charts/"); asked per path they
cost a call each, which in a 50,000-file tree is most of a check. `PathIndex` answers
them with scans in C over two lower-cased texts and bisects over the sorted paths.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from typing import Iterable, Iterator, Sequence


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
