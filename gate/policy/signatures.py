"""Signature lists from the policy, compiled once and matched case-insensitively."""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Any


class Signatures:
    """Read-only view of the policy's `signatures:` mapping."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._compiled: dict[str, list[re.Pattern]] = {}
        self._entries: dict[str, list[tuple[re.Pattern, Any]]] = {}
        self._last: tuple[str | None, str] = (None, "")

    def patterns(self, name: str) -> list[re.Pattern]:
        if name not in self._compiled:
            raw = self.data.get(name) or []
            if isinstance(raw, str):
                raw = [raw]
            self._compiled[name] = [_compile(p) for p in raw]
        return self._compiled[name]

    def search(self, name: str, text: str | None) -> re.Match | None:
        """The leftmost match of any pattern of the list.

        Each pattern runs only if the text contains one of the literals it cannot
        match without (derived from the pattern itself), so a long script is scanned
        by `str.__contains__` first and by the regex engine only where it can match.
        """
        if not text:
            return None
        entries = self._entries.get(name)
        if entries is None:
            entries = self._entries[name] = [(p, literal_probe(p.pattern)) for p in self.patterns(name)]
        if self._last[0] is not text:  # several lists are searched in the same text in a row
            self._last = (text, text.lower())
        low = self._last[1]
        best: re.Match | None = None
        for pattern, probe in entries:
            if probe is not None and probe(low) is None:
                continue
            m = pattern.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

    def prefixes(self, name: str) -> list[str]:
        raw = self.data.get(name) or []
        return [raw] if isinstance(raw, str) else list(raw)

    def uses_match(self, name: str, uses: str | None) -> bool:
        if not uses:
            return False
        low = uses.lower()
        return any(low.startswith(p.lower()) for p in self.prefixes(name))

    def globs(self, name: str) -> list[str]:
        return self.prefixes(name)

    def groups(self, name: str) -> dict[str, list[str]]:
        raw = self.data.get(name) or {}
        return {str(k): ([v] if isinstance(v, str) else list(v or [])) for k, v in raw.items()}

    def group_patterns(self, name: str) -> dict[str, list[re.Pattern]]:
        """Each group of `name` compiled (e.g. telemetry packages per ecosystem)."""
        return {k: [_compile(p) for p in v] for k, v in self.groups(name).items()}

    def search_group(self, name: str, text: str | None) -> tuple[str, re.Match] | None:
        """The first (group, match) of any pattern in any group of `name`."""
        if not text:
            return None
        for group, pats in self.group_patterns(name).items():
            for pattern in pats:
                m = pattern.search(text)
                if m:
                    return group, m
        return None

    def tier(self, environment: str) -> str | None:
        """production / staging / development for an environment name, else None."""
        if not environment or "${{" in environment:
            return None
        for tier, pats in self.groups("environments").items():
            if any(_compile(p).search(environment) for p in pats):
                return tier
        return None


@lru_cache(maxsize=None)
def literal_probe(pattern: str):
    """A fast test (a `search` of plain literals) that the pattern can match, or None."""
    literals = required_literals(pattern)
    if not literals:
        return None
    return re.compile("|".join(re.escape(x) for x in sorted(set(literals), key=len, reverse=True))).search


@lru_cache(maxsize=None)
def required_literals(pattern: str) -> tuple[str, ...]:
    """Lower-case strings of which every match contains at least one; () if none is certain.

    Read from the parsed pattern: the longest literal run at the top level, or one
    literal per alternative of a top-level group. Conservative by construction: it
    may keep a text the pattern rejects, never drop one it matches.
    """
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    try:
        tree = sre_parse.parse(pattern)
    except Exception:
        return ()
    return _seq_literals(list(tree), sre_parse)


def _seq_literals(items, sp) -> tuple[str, ...]:
    best: tuple[str, ...] = ()
    run = ""
    candidates: list[tuple[str, ...]] = []
    for op, av in items:
        if op is sp.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            candidates.append((run,))
            run = ""
        if op is sp.AT:
            continue
        if op is sp.SUBPATTERN:
            sub = av[-1]
            candidates.append(_seq_literals(list(sub), sp))
        elif op is sp.BRANCH:
            alts = [_seq_literals(list(a), sp) for a in av[1]]
            if all(alts):
                candidates.append(tuple(x for a in alts for x in a))
        elif op in (sp.MAX_REPEAT, sp.MIN_REPEAT) and av[0] >= 1:
            candidates.append(_seq_literals(list(av[2]), sp))
    if run:
        candidates.append((run,))
    for c in candidates:
        # prefer the candidate whose shortest literal is longest: the most selective test
        if c and min(map(len, c)) >= 3 and (not best or min(map(len, c)) > min(map(len, best))):
            best = c
    return best


@lru_cache(maxsize=None)  # patterns come from the policy: a bounded set
def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


def path_matches(path: str, globs: list[str]) -> bool:
    """A glob without `/` matches the file name at any depth; with `/`, the path's tail."""
    parts = path.split("/")
    for g in globs:
        gparts = g.split("/")
        # compare component by component, so `*` never crosses a `/`
        if len(parts) >= len(gparts) and all(fnmatchcase(p, q) for p, q in zip(parts[-len(gparts):], gparts)):
            return True
    return False
