"""Glob patterns for paths and refs, with GitHub's filter semantics.

`*` and `?` stay within one path segment, `**` crosses `/`; so `release/*` matches
`release/1.2` but not `release/1.2/hotfix`, and `docs/**/*.md` matches at any depth
below `docs/` (including directly in it). A pattern must match the whole string.
"""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=512)
def glob_regex(pattern: str) -> re.Pattern:
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
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
            end = pattern.find("]", i + 2)
            if end == -1:  # a lone `[` is a literal, as in fnmatch
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out), re.DOTALL)


def glob_match(path: str, pattern: str) -> bool:
    return glob_regex(pattern).fullmatch(path) is not None


def any_match(path: str, patterns: list[str] | tuple[str, ...]) -> bool:
    return any(glob_match(path, p) for p in patterns)
