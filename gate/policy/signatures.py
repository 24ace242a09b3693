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
        self._combined: dict[str, re.Pattern] = {}

    def patterns(self, name: str) -> list[re.Pattern]:
        if name not in self._compiled:
            raw = self.data.get(name) or []
            if isinstance(raw, str):
                raw = [raw]
            self._compiled[name] = [_compile(p) for p in raw]
        return self._compiled[name]

    def search(self, name: str, text: str | None) -> re.Match | None:
        """The first match of any pattern of the list: one pass over the text."""
        if not text:
            return None
        combined = self._combined.get(name)
        if combined is None:
            raw = self.data.get(name) or []
            raw = [raw] if isinstance(raw, str) else raw
            combined = _compile("|".join(f"(?:{p})" for p in raw)) if raw else _NEVER
            self._combined[name] = combined
        return combined.search(text)

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


_NEVER = re.compile(r"(?!x)x")


@lru_cache(maxsize=1024)
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
