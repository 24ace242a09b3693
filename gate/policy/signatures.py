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
from typing import Any, Callable, Iterator

# What each signature list holds; a list not named here holds regular expressions.
# `policy validate` checks every entry a policy sets against its list's kind.
PREFIX_LISTS = frozenset({"deploy_actions", "test_actions", "package_publish_actions", "iac_validate_actions",
                          "load_test_actions", "codeql_action", "build_actions"})
GLOB_LISTS = frozenset({"deploy_files", "iac", "other_ci", "dependency_bots"})
NAME_LISTS = frozenset({"health_check_keys", "reversible_tools"})

_compiled: list[str] = []  # every signature pattern compiled in this process, in order: tests count them


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


class _Lowered:
    """The lower-cased form of the text searched last: several patterns probe one text in a row."""

    text: str | None = None
    low: str = ""


_last = _Lowered()


def _lower(text: str) -> str:
    if _last.text is not text:
        _last.text, _last.low = text, text.lower()
    return _last.low


class Pattern:
    """A signature pattern that compiles on the first text its literals say it may match."""

    __slots__ = ("pattern", "_probe", "_rx")

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._probe: Callable[[str], Any] | None | bool = False  # False: not derived yet
        self._rx: re.Pattern | None = None

    def may_match(self, text: str) -> bool:
        if self._probe is False:
            self._probe = literal_probe(self.pattern)
        return self._probe is None or self._probe(_lower(text)) is not None

    @property
    def compiled(self) -> re.Pattern:
        if self._rx is None:
            self._rx = _compile(self.pattern)
        return self._rx

    def search(self, text: str, *args: int) -> re.Match | None:
        return self.compiled.search(text, *args) if self.may_match(text) else None

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


class Signatures:
    """Read-only view of the policy's `signatures:` mapping."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._lists: dict[str, list[Pattern]] = {}
        self._groups: dict[str, dict[str, list[Pattern]]] = {}

    def patterns(self, name: str) -> list[Pattern]:
        if name not in self._lists:
            self._lists[name] = [_pattern(p) for p in self.prefixes(name)]
        return self._lists[name]

    def search(self, name: str, text: str | None) -> re.Match | None:
        """The leftmost match of any pattern of the list; patterns whose literals are absent never run."""
        if not text:
            return None
        best: re.Match | None = None
        for pattern in self.patterns(name):
            if not pattern.may_match(text):
                continue
            m = pattern.compiled.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

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


@lru_cache(maxsize=None)  # patterns come from the policy: a bounded set, shared by every list naming one
def _pattern(source: str) -> Pattern:
    return Pattern(source)


@lru_cache(maxsize=None)
def _compile(pattern: str) -> re.Pattern:
    _compiled.append(pattern)
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


# ---------------------------------------------------------------- literal probes


@lru_cache(maxsize=None)
def literal_probe(pattern: str) -> Callable[[str], Any] | None:
    """A test on the lower-cased text that the pattern can match (None when absent), or None if no literal is certain."""
    literals = required_literals(pattern)
    if not literals:
        return None
    if len(literals) == 1:
        only = literals[0]
        return lambda low: True if only in low else None
    return lambda low: True if any(lit in low for lit in literals) else None


class _Unsure(Exception):
    """A construct the scan does not model; the pattern gets no probe (it always runs)."""


@lru_cache(maxsize=None)
def required_literals(pattern: str) -> tuple[str, ...]:
    """Lower-case strings of which every match contains at least one; () if none is certain.

    A scan of the pattern's source: the longest literal run of the top-level sequence,
    or one literal per alternative of a required group. Conservative by construction —
    anything it does not model (backreferences, numeric escapes, verbose mode,
    conditionals) yields (), so it may keep a text the pattern rejects, never drop one
    it matches. Cheaper than `re`'s own parser by an order of magnitude, which matters
    because this runs for every pattern that is ever searched.
    """
    if re_verbose(pattern):
        return ()
    try:
        return _alternation(pattern, 0, len(pattern))
    except (_Unsure, IndexError):
        return ()


def re_verbose(pattern: str) -> bool:
    """Inline flags that include `x` anywhere: whitespace would not be literal."""
    i = pattern.find("(?")
    while i != -1:
        j = i + 2
        while j < len(pattern) and pattern[j] in "aiLmsux-":
            if pattern[j] == "x":
                return True
            j += 1
        i = pattern.find("(?", i + 2)
    return False


_ZERO_WIDTH = "AbBZ"
_CLASSES = "dDsSwW"
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_QUANT_END = "+?*{"


def _alternation(p: str, i: int, end: int) -> tuple[str, ...]:
    """Literals for `p[i:end]`, which may hold top-level `|`: every alternative must give some."""
    out: list[str] = []
    for a, b in _split_alternatives(p, i, end):
        lits = _sequence(p, a, b)
        if not lits:
            return ()
        out.extend(lits)
    return tuple(dict.fromkeys(out))


def _split_alternatives(p: str, i: int, end: int) -> list[tuple[int, int]]:
    spans, start, depth = [], i, 0
    while i < end:
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            spans.append((start, i))
            start = i + 1
        i += 1
    spans.append((start, end))
    return spans


def _class_end(p: str, i: int) -> int:
    """The index after the `]` closing the class that opens at `p[i]`."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    if j >= len(p):
        raise _Unsure
    return j + 1


def _group_end(p: str, i: int) -> int:
    """The index of the `)` closing the group that opens at `p[i]`."""
    depth, j = 0, i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise _Unsure


def _quantifier(p: str, i: int) -> tuple[int, int] | None:
    """(minimum repeats, index after it) of a quantifier at `p[i]`, or None."""
    if i >= len(p):
        return None
    c = p[i]
    if c in "*?":
        low, j = 0, i + 1
    elif c == "+":
        low, j = 1, i + 1
    elif c == "{":
        close = p.find("}", i)
        body = p[i + 1:close] if close != -1 else ""
        lo, _, hi = body.partition(",")
        if close == -1 or not (lo.isdigit() or (lo == "" and "," in body)) or (hi and not hi.isdigit()):
            return None  # not a quantifier: a literal `{`
        low, j = int(lo or 0), close + 1
    else:
        return None
    if j < len(p) and p[j] in "?+":  # lazy or possessive
        j += 1
    return low, j


def _sequence(p: str, i: int, end: int) -> tuple[str, ...]:
    """The most selective literal set of one alternative (no top-level `|` inside)."""
    candidates: list[tuple[str, ...]] = []
    run = ""

    def flush() -> None:
        nonlocal run
        if len(run) >= 2:
            candidates.append((run,))
        run = ""

    while i < end:
        c = p[i]
        if c == "(":
            close = _group_end(p, i)
            inner, lookaround = _group_body(p, i)
            q = _quantifier(p, close + 1)
            flush()
            if not lookaround and inner is not None and (q is None or q[0] >= 1):
                lits = _alternation(p, inner, close)
                if lits:
                    candidates.append(lits)
            i = q[1] if q else close + 1
            continue
        if c == "[":
            j = _class_end(p, i)
            literal = None
        elif c == "\\":
            nxt = p[i + 1]
            j = i + 2
            if nxt in _ZERO_WIDTH:
                flush()
                i = j
                continue
            if nxt in _CONTROL:
                literal = _CONTROL[nxt]
            elif nxt.isalnum() and nxt not in _CLASSES:
                raise _Unsure  # \x41, \1, \N{…}: not modelled
            else:
                literal = None if nxt in _CLASSES else nxt
        elif c in ".^$":
            j, literal = i + 1, None
        elif c in _QUANT_END and _quantifier(p, i) is not None:
            raise _Unsure  # a quantifier with nothing before it: not a pattern we model
        else:
            j, literal = i + 1, c
        q = _quantifier(p, j)
        if literal is None:
            flush()
        elif q is not None and q[0] == 0:
            flush()  # an optional character ends the run before it
        else:
            run += literal.lower()
            if q is not None:
                flush()  # a repeated character: nothing after it is contiguous with the run
        i = q[1] if q else j
    flush()
    best: tuple[str, ...] = ()
    for cand in candidates:
        # the candidate whose shortest literal is longest is the most selective test
        if not best or min(map(len, cand)) > min(map(len, best)):
            best = cand
    return best


def _group_body(p: str, i: int) -> tuple[int | None, bool]:
    """(index where the group's pattern starts, is a lookaround); None for flag-only groups."""
    if p[i + 1] != "?":
        return i + 1, False
    kind = p[i + 2]
    if kind == ":":
        return i + 3, False
    if kind in "=!":
        return None, True
    if kind == "<" and p[i + 3] in "=!":
        return None, True
    if kind == "P" and p[i + 3] == "<":
        return p.index(">", i) + 1, False
    if kind == "#":
        return None, True  # a comment matches nothing
    j = i + 2
    while p[j] in "aiLmsu-":
        j += 1
    if p[j] == ")":
        return None, True  # global flags: zero width
    if p[j] == ":":
        return j + 1, False
    raise _Unsure  # (?P=name), (?(1)…): not modelled

