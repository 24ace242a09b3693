"""Custom rules as the policy declares them: which check, over which globs, with which pattern.

The policy side only: parsing validated `custom_rules:` entries into specs. What the
checks need from disk and git is collected by `gate.collect.custom`, and the rule
objects are built by `gate.rules.custom` — the policy never builds a rule.
"""
from __future__ import annotations

from typing import Any

from msgspec import Struct

KINDS = ("exists", "file_matches", "file_not_matches", "workflow_step", "fresh")


def as_globs(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value or []]


class CustomSpec(Struct, frozen=True):
    """A policy-defined custom rule's check, validated at load."""

    id: str
    kind: str                 # one of KINDS
    body: Any                 # the check's own mapping (or globs, for `exists`)
    globs: tuple[str, ...]    # the paths the check looks at (none for workflow_step)
    pattern: str | None       # the regex of file_matches / file_not_matches / workflow_step


def custom_specs(data: dict[str, Any]) -> list[CustomSpec]:
    """Specs of a merged, validated policy's custom rules (entries validation named as wrong are left out)."""
    out = []
    for spec in data.get("custom_rules") or []:
        if not isinstance(spec, dict) or not isinstance(spec.get("id"), str):
            continue
        kind = next((k for k in KINDS if k in spec), None)
        if kind is None:
            continue
        body = spec[kind]
        if kind == "exists":
            globs = as_globs(body)
        elif isinstance(body, dict):
            globs = as_globs(body.get("paths"))
        else:
            globs = []
        pattern = body.get("pattern") if isinstance(body, dict) and isinstance(body.get("pattern"), str) else None
        out.append(CustomSpec(spec["id"], kind, body, tuple(globs), pattern))
    return out
