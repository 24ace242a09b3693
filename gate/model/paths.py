"""Repository-relative paths, resolved the one way every reader needs.

A path written in a repository (`uses: ./.github/actions/x`, a compose build context, an
Azure `template:`) is joined to where it was written and its `.` and `..` resolved; a path
that climbs out of the repository is None, never clamped to the root (that would read
some other file as if it were the one named).
"""
from __future__ import annotations


def resolve_inside(rel: str, base: str = "") -> str | None:
    """`base/rel` normalised (`\\` read as `/`), or None when it leaves the repository."""
    parts = [p for p in base.split("/") if p not in ("", ".")]
    for part in rel.replace("\\", "/").split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)
