"""Build response objects that satisfy GitHub's schemas.

GitHub's objects have dozens of required fields (a repository has ~75). Rather than
hand-writing them, `build(name, **overrides)` walks the schema and fills every required
property with the plainest valid value, then lays the fields a test cares about on top.
The server still validates the result, so a wrong override is caught, not hidden.
"""
from __future__ import annotations

import copy
from typing import Any

from .spec import BASE, load_spec

STAMP = "2024-01-01T00:00:00Z"


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    root = load_spec().root
    while "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix(BASE + "#/").split("/"):
            target = target[part]
        schema = target
    return schema


def minimal(schema: dict[str, Any], depth: int = 0) -> Any:
    schema = _resolve(schema)
    if "anyOf" in schema or "oneOf" in schema:
        options = schema.get("anyOf") or schema.get("oneOf")
        nulls = [o for o in options if o.get("type") == "null"]
        return None if nulls else minimal(options[0], depth + 1)
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = minimal(part, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    kind = schema.get("type")
    if isinstance(kind, list):
        if "null" in kind:
            return None
        kind = kind[0]
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "object" or "properties" in schema:
        return {name: minimal(schema["properties"].get(name, {}), depth + 1)
                for name in schema.get("required", []) if depth < 12}
    if kind == "array":
        return []
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return False
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date-time":
            return STAMP
        if fmt == "uri":
            return "https://github.com/"
        return "x"
    return None


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base.get(key), value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
        return out
    return copy.deepcopy(extra)


def build(name: str, /, **overrides: Any) -> dict[str, Any]:
    """A valid `#/components/schemas/<name>` object with `overrides` applied on top."""
    return _merge(minimal({"$ref": f"{BASE}#/components/schemas/{name}"}), overrides)


def user(login: str = "github-actions[bot]", uid: int = 41898282) -> dict[str, Any]:
    return build("simple-user", login=login, id=uid, node_id=f"U_{uid}", type="Bot" if "[bot]" in login else "User",
                 html_url=f"https://github.com/{login}")
