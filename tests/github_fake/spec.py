"""GitHub's OpenAPI description (trimmed, vendored) as request/response validators.

The description is OpenAPI 3.0.3, whose schemas are *almost* JSON Schema draft 4:
`nullable: true` is the one keyword jsonschema does not know, so we rewrite it into a
`null` alternative once at load time. Everything else (required, enum, additionalProperties,
oneOf/anyOf …) is checked by jsonschema as GitHub wrote it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SPEC_PATH = Path(__file__).with_name("openapi-trimmed.json")
BASE = "urn:github-openapi"


def _convert(node: Any) -> Any:
    """OpenAPI 3.0 schema → JSON Schema draft 4 (nullable, and absolute $refs)."""
    if isinstance(node, list):
        return [_convert(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _convert(v) for k, v in node.items() if k != "nullable"}
    if isinstance(out.get("$ref"), str) and out["$ref"].startswith("#/"):
        out["$ref"] = BASE + out["$ref"]
    if node.get("nullable") is True:
        if isinstance(out.get("type"), str) and "$ref" not in out:
            out["type"] = [out["type"], "null"]
            if "enum" in out:
                out["enum"] = [*out["enum"], None]
        else:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


@dataclass
class Operation:
    op_id: str
    method: str
    template: str
    regex: re.Pattern[str]
    parameters: list[dict[str, Any]]
    body_schema: dict[str, Any] | None
    body_required: bool
    responses: dict[str, dict[str, Any] | None] = field(default_factory=dict)


class Spec:
    """Route matching and validation against the vendored description."""

    def __init__(self, path: Path = SPEC_PATH) -> None:
        raw = json.loads(path.read_text(encoding="utf-8"))
        self.raw = raw
        self.root = _convert(raw)
        self.registry = Registry().with_resource(BASE, Resource.from_contents(self.root, default_specification=DRAFT4))
        self.operations: list[Operation] = []
        for template, item in self.root["paths"].items():
            names = re.findall(r"\{([^}]+)\}", template)
            pattern = "^" + re.escape(template)
            multi = {p.get("name") for op in item.values() if isinstance(op, dict)
                     for p in map(self._deref, op.get("parameters", [])) if p.get("x-multi-segment")}
            for i, name in enumerate(names):  # `x-multi-segment`: a file path, slashes and all
                part = ".+" if name in multi else "[^/]+"
                pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<p{i}>{part})")
            regex = re.compile(pattern + "$")
            for method, op in item.items():
                body = op.get("requestBody", {})
                schema = body.get("content", {}).get("application/json", {}).get("schema")
                responses: dict[str, dict[str, Any] | None] = {}
                for status, resp in op.get("responses", {}).items():
                    resp = self._deref(resp)
                    content = resp.get("content", {})
                    media = content.get("application/json") or next(iter(content.values()), None) if content else None
                    responses[status] = media.get("schema") if media else None
                self.operations.append(Operation(
                    op_id=op["operationId"], method=method.upper(), template=template, regex=regex,
                    parameters=[self._deref(p) for p in op.get("parameters", [])],
                    body_schema=schema, body_required=bool(body.get("required")), responses=responses,
                ))
        self._names = {op.op_id: re.findall(r"\{([^}]+)\}", op.template) for op in self.operations}

    def _deref(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            parts = node["$ref"].removeprefix(BASE + "#/").split("/")
            target: Any = self.root
            for part in parts:
                target = target[part]
            node = target
        return node

    def match(self, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
        # a multi-segment parameter (a branch or file path) may swallow a longer route's tail:
        # of every template that matches, the one with the most literal text wins
        best: tuple[int, Operation, re.Match[str]] | None = None
        for op in self.operations:
            if op.method != method:
                continue
            m = op.regex.match(path)
            if m:
                literal = len(re.sub(r"\{[^}]+\}", "", op.template))
                if best is None or literal > best[0]:
                    best = (literal, op, m)
        if best is None:
            return None
        _, op, m = best
        names = self._names[op.op_id]
        return op, {names[int(k[1:])]: v for k, v in m.groupdict().items()}

    def errors(self, instance: Any, schema: dict[str, Any] | None) -> list[str]:
        if schema is None:
            return []
        validator = jsonschema.Draft4Validator(schema, registry=self.registry)
        return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:300]}"
                for e in validator.iter_errors(instance)]

    def check_request(self, op: Operation, path_params: dict[str, str], query: dict[str, list[str]],
                      body: Any) -> list[str]:
        problems: list[str] = []
        declared = {p["name"]: p for p in op.parameters}
        for name, p in declared.items():
            if p["in"] == "path" and name not in path_params:
                problems.append(f"path parameter {name} missing")
            if p["in"] == "query" and p.get("required") and name not in query:
                problems.append(f"query parameter {name} required")
        for name, values in query.items():
            p = declared.get(name)
            if p is None or p["in"] != "query":
                problems.append(f"query parameter {name!r} is not in the description")
                continue
            for value in values:
                problems += [f"query {name}: {e}" for e in self.errors(_coerce(value, p.get("schema", {})), p.get("schema"))]
        for name, value in path_params.items():
            p = declared.get(name)
            if p is not None:
                problems += [f"path {name}: {e}" for e in self.errors(_coerce(value, p.get("schema", {})), p.get("schema"))]
        if op.body_schema is not None:
            if body is None and op.body_required:
                problems.append("request body required")
            elif body is not None:
                problems += [f"body {e}" for e in self.errors(body, op.body_schema)]
        elif body not in (None, {}):
            problems.append("request body not allowed")
        return problems

    def check_response(self, op: Operation, status: int, body: Any) -> list[str]:
        key = str(status)
        if key not in op.responses:
            return [f"status {status} is not a documented response of {op.op_id}"]
        schema = op.responses[key]
        if schema is None:
            return [] if body in (None, b"", "") else [f"status {status} must have no body"]
        return [f"response {status} {e}" for e in self.errors(body, schema)]


def _coerce(value: str, schema: dict[str, Any]) -> Any:
    """Query strings are text; turn them into what the schema's type expects."""
    kind = schema.get("type")
    if kind == "integer":
        try:
            return int(value)
        except ValueError:
            return value
    if kind == "boolean":
        return {"true": True, "false": False}.get(value, value)
    return value


@lru_cache(maxsize=1)
def load_spec() -> Spec:
    return Spec()
