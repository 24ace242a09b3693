"""Azure Resource Manager (ARM) JSON templates read as resources.

An ARM template is JSON whose `$schema` names `deploymentTemplate`; its `resources`
(and resources nested in them) carry a `type` such as `Microsoft.Web/sites` and
`properties`. Child types are joined to their parent (`Microsoft.Web/sites/config`),
as ARM does, so one settings table reads them with the other IaC languages.
"""
from __future__ import annotations

from typing import Any

from gate.collect.ops.common import read_json
from gate.collect.ops.infra import Leaf, Resource
from gate.collect.repo import RepoFiles
from gate.model.location import Location

MAX_RESOURCES = 500


def is_arm(text_head: str) -> bool:
    return "deploymenttemplate.json" in text_head.lower()


def read_arm(repo: RepoFiles, path: str) -> list[Resource]:
    doc = read_json(repo, path)
    text = repo.read(path) or ""
    if not isinstance(doc, dict):
        return []
    out: list[Resource] = []
    _resources(doc.get("resources"), "", path, text, out, 0)
    return out


def _resources(items: Any, parent: str, path: str, text: str, out: list[Resource], depth: int) -> None:
    if not isinstance(items, list) or depth > 4:
        return
    for item in items:
        if len(out) >= MAX_RESOURCES or not isinstance(item, dict) or not isinstance(item.get("type"), str):
            continue
        t = item["type"]
        kind = t if "." in t.split("/")[0] or not parent else f"{parent}/{t}"
        name = str(item.get("name") or "")
        at = _find(text, f'"{t}"', _find(text, f'"{name}"', 0)) if name else _find(text, f'"{t}"', 0)
        loc = Location(path, text.count("\n", 0, max(at, 0)) + 1)
        out.append(Resource(kind, name, loc, _props(item.get("properties"), path, text, max(at, 0))))
        _resources(item.get("resources"), kind, path, text, out, depth + 1)


def _find(text: str, needle: str, start: int) -> int:
    i = text.find(needle, max(start, 0))
    return i if i >= 0 else text.find(needle)


def _props(node: Any, path: str, text: str, start: int, depth: int = 0) -> Any:
    """JSON carries no lines: each key is placed at its first occurrence after its resource."""
    if depth > 12:
        return {}
    if isinstance(node, dict):
        out: dict = {}
        for k, v in node.items():
            at = _find(text, f'"{k}"', start)
            if isinstance(v, (dict, list)):
                out[str(k)] = _props(v, path, text, at, depth + 1)
            else:
                value = "true" if v is True else "false" if v is False else "" if v is None else str(v)
                out[str(k)] = Leaf(value, Location(path, text.count("\n", 0, max(at, 0)) + 1))
        return out
    if isinstance(node, list):
        return [_props(v, path, text, start, depth + 1) for v in node]
    return Leaf(str(node), Location(path, text.count("\n", 0, max(start, 0)) + 1))
