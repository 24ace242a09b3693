"""Signature lists from the policy, matched case-insensitively, compiled only when needed.

The catalogue holds some six hundred regular expressions, and compiling one costs far
more than searching with it, while most of them can never match a given repository
(a Go service's manifests never name a Python package). So a pattern is compiled the
first time a text reaches it that contains one of the literals every match must
contain — read from the pattern's source by a cheap scan, not by the regex parser —
and never otherwise. A repository that does not use part of the catalogue does not
pay for it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from gate.model.lazyre import lazy
from gate.model.pathindex import PathIndex
from gate.policy.globs import PathMatcher

# What each signature list holds; a list not named here holds regular expressions.
# `policy validate` checks every entry a policy sets against its list's kind.
PREFIX_LISTS = frozenset({"deploy_actions", "test_actions", "package_publish_actions", "iac_validate_actions",
                          "load_test_actions", "codeql_action", "build_actions", "environment_setup_actions",
                          "remote_dispatch_actions"})
# Path globs (gate.policy.globs). Those read with `path_matches` name a file at any depth.
GLOB_LISTS = frozenset({"deploy_files", "iac", "other_ci", "dependency_bots", "cli_files", "docs_files",
                        "platform_files", "paas_git_deploys"})
NAME_LISTS = frozenset({"health_check_keys", "reversible_tools"})

_compiled: list[str] = []  # every signature pattern compiled in this process, in order: tests count them
_searches = [0]  # texts searched with a list or group: tests hold bulk questions to their candidates


def kind_of(name: str) -> str:
    """regex | prefix | glob | name: how the entries of signature list `name` are read."""
    if name in PREFIX_LISTS:
        return "prefix"
    if name in GLOB_LISTS:
        return "glob"
    if name in NAME_LISTS:
        return "name"
    return "regex"


def compiled_patterns() -> list[str]:
    """The signature patterns compiled so far in this process (for tests and the bench)."""
    return list(_compiled)


def searches() -> int:
    """How many texts `search` and `search_group` have been asked about in this process (for tests)."""
    return _searches[0]


class _Lowered:
    """The lower-cased form of the text searched last: several patterns probe one text in a row."""

    text: str | None = None
    low: str = ""


_last = _Lowered()


def _lower(text: str) -> str:
    if _last.text is not text and _last.text != text:
        _last.text, _last.low = text, text.lower()
    return _last.low


class Probe:
    """Does a lower-cased text contain one literal of each of these sets?

    Every set is required on its own (`\\bfly(ctl)?\\s+deploy\\b` needs "fly" and
    "deploy"), so a text must hit all of them; the most selective set is asked first.
    `in` tests cost nothing to set up; a set asked often (a list searched in every
    path of a large tree) becomes one compiled alternation, a single call into C.
    """

    __slots__ = ("literals", "sets", "test", "_checks")
    # compiling an alternation costs ~0.7 ms and saves ~1 µs a call on a short text: worth it only
    # for a set asked thousands of times (paths are asked in bulk, gate.model.pathindex)
    UPGRADE_AFTER = 2048

    def __init__(self, sets: tuple[tuple[str, ...], ...]) -> None:
        self.sets = sets
        self.literals = sets[0]  # the most selective set: what a whole list's probe unites
        self._checks = [_check(lits) for lits in sets[:3]]  # beyond three, a set rarely rules out more
        first, *rest = self._checks
        if not rest:
            self.test: Callable[[str], bool] = first
        elif len(rest) == 1:
            second = rest[0]
            self.test = lambda low: first(low) and second(low)
        else:
            second, third = rest
            self.test = lambda low: first(low) and second(low) and third(low)

    def __call__(self, low: str) -> Any:
        return True if self.test(low) else None


def _check(literals: tuple[str, ...]) -> Callable[[str], bool]:
    if len(literals) == 1:
        only = literals[0]
        return lambda low: only in low
    return _Any(literals)


class _Any:
    """One of several literals: `in` tests, then one compiled alternation once asked often —
    for short texts only: over a whole script `re`'s alternation is slower than the `in`
    tests (each a fast substring search in C), by about 3× at 2 KB."""

    __slots__ = ("literals", "calls", "rx")
    SHORT = 256

    def __init__(self, literals: tuple[str, ...]) -> None:
        self.literals, self.calls, self.rx = literals, 0, None

    def __call__(self, low: str) -> bool:
        if self.rx is not None and len(low) < self.SHORT:
            return self.rx.search(low) is not None
        self.calls += 1
        if self.rx is None and self.calls >= Probe.UPGRADE_AFTER:
            self.rx = re.compile("|".join(re.escape(x) for x in sorted(self.literals, key=len, reverse=True)))
        for lit in self.literals:
            if lit in low:
                return True
        return False


class Pattern:
    """A signature pattern that compiles on the first text its literals say it may match."""

    __slots__ = ("pattern", "_probe", "_rx", "_one")

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._probe: Probe | None | bool = False  # False: not derived yet
        self._rx: re.Pattern | None = None
        self._one: str | None = None  # the probe when it is a single literal: tested inline

    @property
    def probe(self) -> Probe | None:
        if self._probe is False:
            self._probe = literal_probe(self.pattern)
            if self._probe is not None and len(self._probe.sets) == 1 and len(self._probe.sets[0]) == 1:
                self._one = self._probe.sets[0][0]
        return self._probe  # type: ignore[return-value]

    def may_match(self, text: str) -> bool:
        probe = self._probe if self._probe is not False else self.probe
        if probe is None:
            return True
        if _last.text is not text and _last.text != text:  # equal text rebuilt by the caller: same answer
            _last.text, _last.low = text, text.lower()
        return probe.test(_last.low)

    @property
    def compiled(self) -> re.Pattern:
        if self._rx is None:
            self._rx = _compile(self.pattern)
        return self._rx

    def search(self, text: str, *args: int) -> re.Match | None:
        # the hot path (a list searched in every path of a tree): the common probe inline
        one = self._one
        if one is not None:
            if _last.text is not text and _last.text != text:
                _last.text, _last.low = text, text.lower()
            if one not in _last.low:
                return None
        elif not self.may_match(text):
            return None
        return (self._rx or self.compiled).search(text, *args)

    def match(self, text: str, *args: int) -> re.Match | None:
        return self.compiled.match(text, *args) if self.may_match(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match | None:
        return self.compiled.fullmatch(text, *args) if self.may_match(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match]:
        return self.compiled.finditer(text, *args) if self.may_match(text) else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        return self.compiled.findall(text, *args) if self.may_match(text) else []

    def __getattr__(self, name: str) -> Any:  # sub, split, groups …: the compiled pattern's own
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"Pattern({self.pattern!r})"


class _List:
    """One signature list: its patterns, and one probe for all of them when each has one."""

    __slots__ = ("patterns", "_probe")

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self._probe: Probe | None | bool = False

    def may_match(self, text: str) -> bool:
        if self._probe is False:
            probes = [p.probe for p in self.patterns]
            # one pattern: its own probe decides, asking the same question twice would only cost
            self._probe = None if len(probes) < 2 or None in probes else \
                Probe((tuple(dict.fromkeys(x for pr in probes for x in pr.literals)),))  # type: ignore[union-attr]
        if self._probe is None:
            return True
        if _last.text is not text and _last.text != text:  # equal text rebuilt by the caller: same answer
            _last.text, _last.low = text, text.lower()
        return self._probe.test(_last.low)  # type: ignore[union-attr]


class Signatures:
    """Read-only view of the policy's `signatures:` mapping."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._lists: dict[str, _List] = {}
        self._groups: dict[str, dict[str, list[Pattern]]] = {}
        self._group_lists: dict[str, _List] = {}
        self._known: dict[str, tuple[PathIndex, frozenset[str]]] = {}  # the last bulk answer per list

    def _list(self, name: str) -> _List:
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = _List([_pattern(p) for p in self.prefixes(name)])
        return found

    def patterns(self, name: str) -> list[Pattern]:
        return self._list(name).patterns

    def search(self, name: str, text: str | None) -> re.Match | None:
        """The leftmost match of any pattern of the list; patterns whose literals are absent never run."""
        if not text:
            return None
        _searches[0] += 1
        lst = self._list(name)
        if not lst.may_match(text):
            return None  # one probe for the whole list: most texts need no more
        best: re.Match | None = None
        for pattern in lst.patterns:
            if not pattern.may_match(text):
                continue
            m = pattern.compiled.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

    def paths_matching(self, name: str, paths: PathIndex | Iterable[str]) -> frozenset[str]:
        """`{p for p in paths if self.search(name, "/" + p)}`, without a search per path.

        Each pattern's literals are looked for once over all the paths (see PathIndex) and
        only the paths holding them are searched; a list whose patterns stop at a `/` and
        never look past it (`(^|/)tests?/`) is searched once per folder instead. A pattern
        with no literal to look for has every path searched. Kept per index, so every
        collector asking the same question of a tree pays once."""
        index = paths if isinstance(paths, PathIndex) else PathIndex(list(paths))
        found = index.memo.get((self, name))
        if found is None:
            found = index.memo[(self, name)] = self._paths_matching(name, index)
        self._known[name] = (index, found)
        return found

    def matches_path(self, name: str, path: str) -> bool:
        """`bool(self.search(name, "/" + path))`: a set lookup once `paths_matching` has answered for a tree holding it."""
        known = self._known.get(name)
        if known is not None and path in known[0]:
            return path in known[1]
        return self.search(name, "/" + path) is not None

    def groups_matching(self, name: str, paths: PathIndex | Iterable[str]) -> dict[str, str]:
        """`{p: group}` for every path `search_group(name, "/" + p)` finds a group for, asked like `paths_matching`."""
        index = paths if isinstance(paths, PathIndex) else PathIndex(list(paths))
        found = index.memo.get((self, name, "groups"))
        if found is None:
            cands = _candidates([p for ps in self.group_patterns(name).values() for p in ps], index)
            found = index.memo[(self, name, "groups")] = {
                index.paths[i]: hit[0] for i in sorted(cands) if (hit := self.search_group(name, "/" + index.paths[i]))}
        return found

    def _paths_matching(self, name: str, index: PathIndex) -> frozenset[str]:
        patterns, paths = self.patterns(name), index.paths
        if patterns and all(p.probe is not None and sees_folders_only(p.pattern) for p in patterns):
            # the answer is the folder's: `/dir/` is searched once for all the files in it
            held = [index.folders_holding(lit) for p in patterns for lit in p.probe.sets[0]]  # type: ignore[union-attr]
            if None not in held:
                folders = {d for ds in held for d in ds}  # type: ignore[union-attr]
                hit = [d for d in sorted(folders) if self.search(name, f"/{d}/" if d else "/")]
                return frozenset(paths[i] for i in index.in_folders(hit))
        return frozenset(paths[i] for i in _candidates(patterns, index) if self.search(name, "/" + paths[i]))

    def prefixes(self, name: str) -> list[str]:
        raw = self.data.get(name) or []
        return [raw] if isinstance(raw, str) else [str(p) for p in raw] if isinstance(raw, list) else []

    def uses_match(self, name: str, uses: str | None) -> bool:
        if not uses:
            return False
        low = uses.lower()
        return any(low.startswith(p.lower()) for p in self.prefixes(name))

    def globs(self, name: str) -> list[str]:
        return self.prefixes(name)

    def groups(self, name: str) -> dict[str, list[str]]:
        raw = self.data.get(name) or {}
        if not isinstance(raw, dict):
            return {}
        return {str(k): ([v] if isinstance(v, str) else [str(x) for x in v or []]) for k, v in raw.items()}

    def group_patterns(self, name: str) -> dict[str, list[Pattern]]:
        """Each group of `name` (e.g. telemetry packages per ecosystem), compiled on first use."""
        if name not in self._groups:
            self._groups[name] = {k: [_pattern(p) for p in v] for k, v in self.groups(name).items()}
        return self._groups[name]

    def search_group(self, name: str, text: str | None) -> tuple[str, re.Match] | None:
        """The first (group, match) of any pattern in any group of `name`."""
        if not text:
            return None
        _searches[0] += 1
        every = self._group_lists.get(name)
        if every is None:
            every = self._group_lists[name] = _List([p for ps in self.group_patterns(name).values() for p in ps])
        if not every.may_match(text):
            return None
        for group, pats in self.group_patterns(name).items():
            for pattern in pats:
                if pattern.may_match(text):
                    m = pattern.compiled.search(text)
                    if m:
                        return group, m
        return None

    def tier(self, environment: str) -> str | None:
        """production / staging / development for an environment name, else None."""
        if not environment or "${{" in environment:
            return None
        for tier, pats in self.group_patterns("environments").items():
            if any(p.search(environment) for p in pats):
                return tier
        return None


def path_matches(path: str, globs: list[str]) -> bool:
    """A signature file glob matches the path at any depth (as if written `**/GLOB`)."""
    return any_depth(globs).match(path)


def any_depth(globs: list[str]) -> PathMatcher:
    """The signature file globs as one matcher, each naming a file at any depth (`**/GLOB`)."""
    key = tuple(globs)
    matcher = _ANY_DEPTH.get(key)
    if matcher is None:
        matcher = _ANY_DEPTH[key] = PathMatcher("**/" + g for g in key)
    return matcher


_ANY_DEPTH: dict[tuple[str, ...], PathMatcher] = {}


def _candidates(patterns: list[Pattern], index: PathIndex) -> Iterable[int]:
    """Indices of the paths some pattern may match: its probe's literals, looked for over the index."""
    found: set[int] = set()
    for pattern in patterns:
        probe = pattern.probe
        hits = index.candidates(probe.sets[:3]) if probe is not None else None  # the sets `search` itself tests
        if hits is None:
            return range(len(index.paths))
        found.update(hits)
    return found


@lru_cache(maxsize=None)  # patterns come from the policy: a bounded set, shared by every list naming one
def _pattern(source: str) -> Pattern:
    return Pattern(source)


@lru_cache(maxsize=None)
def _compile(pattern: str) -> re.Pattern:
    _compiled.append(pattern)
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


# ---------------------------------------------------------------- literal probes


@lru_cache(maxsize=None)
def literal_probe(pattern: str) -> Probe | None:
    """A test on the lower-cased text that the pattern can match (None when it cannot), or None if no literal is certain."""
    sets = required_literal_sets(pattern)
    return Probe(sets) if sets else None


class _Unsure(Exception):
    """A construct the scan does not model; the pattern gets no probe (it always runs)."""


# One pass of C over the pattern's source; the walk below sees tokens, not characters.
_TOKEN = lazy(r"""
    (?P<lit>[^\\\[()|*+?{.^$]+)
  | (?P<esc>\\.)
  | (?P<cls>\[\^?\]?(?:\\.|[^\]\\])*\])
  | (?P<look>\(\?<?[=!])
  | (?P<flags>\(\?[aiLmsux-]+\))
  | (?P<open>\((?:\?:|\?P<\w+>|\?[aiLmsu-]+:)?)
  | (?P<close>\))
  | (?P<bar>\|)
  | (?P<quant>(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?)
  | (?P<any>[.^$])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


@lru_cache(maxsize=None)
def required_literals(pattern: str) -> tuple[str, ...]:
    """Lower-case strings of which every match contains at least one; () if none is certain.

    Read from the pattern's tokens: the longest literal run of the top-level sequence,
    or one literal per alternative of a required group. Conservative by construction —
    anything it does not model (backreferences, numeric escapes, verbose mode,
    conditionals) yields (), so it may keep a text the pattern rejects, never drop one
    it matches. Several times cheaper than `re`'s own parser, which matters because it
    runs for every pattern that is ever searched.
    """
    sets = required_literal_sets(pattern)
    return sets[0] if sets else ()


@lru_cache(maxsize=None)
def required_literal_sets(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Every literal set the pattern's matches all need (one literal of each), most selective first."""
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(pattern)]
    try:
        found, end = _alternation(tokens, 0)
    except (_Unsure, IndexError):
        return ()
    return found if end == len(tokens) else ()


@lru_cache(maxsize=None)
def sees_folders_only(pattern: str) -> bool:
    """Every match ends with a `/` and nothing in the pattern looks past it (no lookahead, no
    top-level `|`): searched in `/` + a path, whether it matches is decided by the `/dir/` part,
    since a file's name holds no `/`."""
    if re.search(r"\(\?[=!(]|\(\?P=|\\\d", pattern):
        return False  # lookaheads, conditionals and backreferences
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(pattern)]
    if not tokens or tokens[-1][0] != "lit" or not tokens[-1][1].endswith("/"):
        return False
    depth = 0
    for kind, text in tokens:
        if kind in ("open", "look"):
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "bar" and depth == 0 or kind == "flags" and "x" in text or kind == "other" and text == "[":
            return False
    return depth == 0


def _alternation(tokens: list[tuple[str, str]], i: int) -> tuple[tuple[tuple[str, ...], ...], int]:
    """Literal sets up to the `)` that closes this level (or the end).

    One alternative: every set its sequence requires. Several: one set, the union of
    each alternative's most selective one — and none if an alternative has none."""
    branches: list[list[tuple[str, ...]]] = []
    while True:
        sets, i = _sequence(tokens, i)
        branches.append(sets)
        if i < len(tokens) and tokens[i][0] == "bar":
            i += 1
            continue
        break
    if len(branches) == 1:
        return tuple(branches[0]), i
    if not all(branches):
        return (), i
    return (tuple(dict.fromkeys(x for b in branches for x in b[0])),), i


def _minimum(quant: str) -> int:
    if quant[0] in "*?":
        return 0
    if quant[0] == "+":
        return 1
    low = quant[1:].split(",")[0].rstrip("}")
    return int(low) if low.isdigit() else 0


def _sequence(tokens: list[tuple[str, str]], i: int) -> tuple[list[tuple[str, ...]], int]:
    candidates: list[tuple[str, ...]] = []
    run = ""
    n = len(tokens)

    def flush() -> None:
        nonlocal run
        if len(run) >= 2:
            candidates.append((run,))
        run = ""

    while i < n:
        kind, text = tokens[i]
        if kind in ("bar", "close"):
            break
        q = tokens[i + 1][1] if i + 1 < n and tokens[i + 1][0] == "quant" else None
        if kind in ("open", "look"):
            inner, j = _alternation(tokens, i + 1)
            if j >= n or tokens[j][0] != "close":
                raise _Unsure
            q = tokens[j + 1][1] if j + 1 < n and tokens[j + 1][0] == "quant" else None
            flush()
            if kind == "open" and inner and (q is None or _minimum(q) >= 1):
                candidates.extend(inner)
            i = j + (2 if q else 1)
            continue
        if kind == "quant":
            raise _Unsure  # a quantifier with nothing before it
        if kind == "flags":
            if "x" in text:
                raise _Unsure  # verbose: whitespace in the pattern is not literal
            flush()
            i += 1
            continue
        literal: str | None = None
        if kind == "lit":
            if q is not None:  # the quantifier binds to the run's last character only
                run += text[:-1].lower()
                literal = text[-1]
            else:
                run += text.lower()
                i += 1
                continue
        elif kind == "esc":
            c = text[1]
            if c in "AbBZ":
                flush()
                i += 1
                continue
            if c in _CONTROL:
                literal = _CONTROL[c]
            elif c.isalnum() and c not in "dDsSwW":
                raise _Unsure  # \x41, \1, \N{…}: not modelled
            elif not c.isalnum():
                literal = c
        elif kind == "other":
            if text == "[":
                raise _Unsure
            literal = text
        if literal is None or (q is not None and _minimum(q) == 0):
            flush()
        else:
            run += literal.lower()
            if q is not None:
                flush()  # a repeated character: what follows is not contiguous with the run
        i += 2 if q else 1
    flush()
    # the set whose shortest literal is longest is the most selective test (stable: earlier first)
    return sorted(dict.fromkeys(candidates), key=lambda c: -min(map(len, c))), i
