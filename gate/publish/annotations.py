"""Annotations from a report: one per location of each failing result."""
from __future__ import annotations

from typing import Any

from msgspec import Struct

LEVELS = {"blocker": "error", "warning": "warning", "info": "notice"}  # workflow-command names
CHECK_LEVELS = {"error": "failure", "warning": "warning", "notice": "notice"}  # Checks API names


class Annotation(Struct, frozen=True):
    level: str  # error | warning | notice
    path: str
    line: int | None
    title: str  # the rule id
    message: str


def _text(value: Any, limit: int = 4000) -> str:
    return str(value)[:limit] if value is not None else ""


def from_report(report: dict[str, Any]) -> list[Annotation]:
    """Failing results with locations; a failing result without one is left to the summary."""
    out: list[Annotation] = []
    for result in report.get("results") or []:
        if not isinstance(result, dict) or result.get("status") != "fail":
            continue
        level = LEVELS.get(str(result.get("severity")), "warning")
        message = _text(result.get("message"))
        if result.get("remediation"):
            message += "\nFix: " + _text(result.get("remediation"))
        for loc in result.get("locations") or []:
            if not isinstance(loc, dict) or not isinstance(loc.get("path"), str) or not loc["path"]:
                continue
            line = loc.get("line")
            out.append(Annotation(level, loc["path"], line if isinstance(line, int) and line > 0 else None,
                                  _text(result.get("id"), 200), message))
    return out
