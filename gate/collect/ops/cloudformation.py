"""CloudFormation, SAM and Serverless Framework templates read as resources.

All three carry CloudFormation `Resources:` (Serverless under `resources.Resources`);
SAM adds `Globals` (a function setting there applies to every function) and
Serverless adds `provider` and `functions`, which become resources of their own
(`serverless:provider`, `serverless:function`) so one settings table reads them.
YAML tags (!Ref, !Sub, !GetAtt) are read as their plain values.
"""
from __future__ import annotations

from typing import Any

from gate.collect.ops.common import read_json
from gate.model.yamlsafe import YamlError
from gate.model.yamlsafe import load as yaml_load
from gate.collect.ops.infra import Leaf, Resource
from gate.collect.repo import RepoFiles
from gate.model.location import Location

SERVERLESS_FILES = ("serverless.yml", "serverless.yaml", "serverless.json")


def is_template(text_head: str) -> bool:
    return "AWSTemplateFormatVersion" in text_head or "AWS::" in text_head


def read_template(repo: RepoFiles, path: str) -> list[Resource]:
    doc = read_json(repo, path) if path.endswith(".json") else _yaml(repo, path)
    if not isinstance(doc, dict):
        return []
    out: list[Resource] = []
    name = path.rsplit("/", 1)[-1]
    resources = doc.get("Resources")
    if name in SERVERLESS_FILES:
        block = doc.get("resources")
        resources = block.get("Resources") if isinstance(block, dict) else None
        _serverless(doc, path, out)
    if isinstance(resources, dict):
        for rid, body in resources.items():
            if isinstance(body, dict) and isinstance(body.get("Type"), str):
                props = as_props(body.get("Properties"), path, key_line_of(resources, rid))
                out.append(Resource(body["Type"], str(rid), Location(path, key_line_of(resources, rid)), props))
    glob = doc.get("Globals")
    if isinstance(glob, dict):
        for kind, body in glob.items():
            out.append(Resource(f"SAM::Globals::{kind}", "Globals", Location(path, key_line_of(glob, kind)),
                                as_props(body, path, key_line_of(glob, kind))))
    return out


def _yaml(repo: RepoFiles, path: str):
    # `{{resolve:ssm:…}}` dynamic references are CloudFormation, not a template language: parse anyway
    try:
        return yaml_load(repo.read(path) or "")
    except YamlError:
        return None


def _serverless(doc: dict, path: str, out: list[Resource]) -> None:
    provider = doc.get("provider")
    if isinstance(provider, dict):
        out.append(Resource(f"serverless:provider:{provider.get('name') or 'aws'}", "provider",
                            Location(path, key_line_of(doc, "provider")), as_props(provider, path, key_line_of(doc, "provider"))))
    custom = doc.get("custom")
    if isinstance(custom, dict):  # plugin settings: alerts, canaries, warm-up …
        out.append(Resource("serverless:custom", "custom", Location(path, key_line_of(doc, "custom")),
                            as_props(custom, path, key_line_of(doc, "custom"))))
    functions = doc.get("functions")
    if isinstance(functions, dict):
        for fname, body in functions.items():
            out.append(Resource("serverless:function", str(fname), Location(path, key_line_of(functions, fname)),
                                as_props(body, path, key_line_of(functions, fname))))


def key_line_of(parent: Any, key: Any) -> int:
    """Line of `key` in a parsed YAML mapping (1 when it is not known)."""
    line_of = getattr(parent, "line_of", None)
    try:
        return int(line_of(key)) if line_of else 1
    except (KeyError, TypeError, ValueError):
        return 1


def as_props(node: Any, path: str, line: int, depth: int = 0) -> Any:
    """Parsed YAML/JSON as resource properties: leaves keep their text and line."""
    if depth > 16:
        return {}
    if isinstance(node, dict):
        out: dict = {"__loc__": Location(path, line)}
        for k, v in node.items():
            out[str(k)] = as_props(v, path, key_line_of(node, k), depth + 1)
        return out
    if isinstance(node, list):
        lines = getattr(node, "line_of", None)
        return [as_props(v, path, lines(i) if lines else line, depth + 1) for i, v in enumerate(node)]
    text = "true" if node is True else "false" if node is False else "" if node is None else str(node)
    return Leaf(text, Location(path, line))
