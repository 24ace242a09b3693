"""Where a fact stands: every piece of evidence and every finding carries one."""
from __future__ import annotations

from msgspec import Struct


class Location(Struct, frozen=True, order=True):
    """Where evidence stands: a repository-relative path and 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict:
        out: dict = {"path": self.path, "line": self.line}
        if self.column:
            out["column"] = self.column
        return out
