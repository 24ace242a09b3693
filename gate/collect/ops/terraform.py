"""Terraform as Terraform reads it: a directory is a module; local modules are followed
with the inputs their callers pass; remote modules are resources named by their source.

A root module (a directory no other module calls) is read with its variables'
defaults and its own `*.tfvars`; a called module is read once per call, its
variables set from the caller's arguments (resolved in the caller's scope) over its
defaults. A value that comes from a caller is cited at the caller's line: that is
where it was turned on. A remote module (registry, git) is judged by the inputs it
is given, like a resource of type `module:<source>`.
"""
from __future__ import annotations

import json
import re

from gate.collect.ops.common import dirname, line_of
from gate.collect.ops.hcl import Attr, Block, parse_hcl
from gate.collect.ops.infra import Leaf, Resource
from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy
from gate.model.location import Location

MAX_DEPTH = 6          # module calls followed this deep
MAX_INSTANCES = 400    # module instantiations read in all
MAX_PARSED = 400       # .tf files parsed as HCL2; the rest are scanned line by line
_REF = lazy(r"^(var|local)\.([\w-]+)$")
_INTERP = lazy(r"^\"?\$\{\s*((?:var|local)\.[\w-]+)\s*\}\"?$")


class Terraform:
    """Every .tf directory of a repository, parsed once."""

    def __init__(self, repo: RepoFiles, paths: list[str]) -> None:
        self.repo = repo
        self.dirs: dict[str, list[tuple[str, list[Block]]]] = {}
        self.unparsed: list[str] = []
        self.parsed = 0
        self.tfvars: dict[str, dict[str, Leaf]] = {}
        varfiles = []
        for path in paths:
            if path.endswith((".tfvars", ".tfvars.json")):
                varfiles.append(path)
                continue
            blocks = parse_hcl(repo.read(path) or "") if self.parsed < MAX_PARSED else None
            self.parsed += 1
            if blocks is None:
                self.unparsed.append(path)
                continue
            self.dirs.setdefault(dirname(path), []).append((path, blocks))
        for path in varfiles:
            # a var file belongs to the nearest module above it (config/production.tfvars.json …)
            d = dirname(path)
            while d not in self.dirs and d:
                d = dirname(d)
            if d in self.dirs:
                scope = self.tfvars.setdefault(d, {})
                for k, leaf in self._varfile(path).items():
                    # any environment that turns a setting on deploys it
                    if k not in scope or (_falsy(scope[k].text) and not _falsy(leaf.text)):
                        scope[k] = leaf
        self.instances = 0

    def _varfile(self, path: str) -> dict[str, Leaf]:
        text = self.repo.read(path) or ""
        if path.endswith(".json"):
            try:
                doc = json.loads(text)
            except (ValueError, RecursionError):
                return {}
            return {str(k): Leaf(json.dumps(v) if not isinstance(v, str) else v, Location(path, line_of(text, f'"{k}"')))
                    for k, v in doc.items()} if isinstance(doc, dict) else {}
        blocks = parse_hcl(text) or []
        return {k: Leaf(a.text, Location(path, a.line)) for b in blocks if b.type == "" for k, a in b.attrs.items()}

    def resources(self) -> list[Resource]:
        called = {self._local(d, b) for d, files in self.dirs.items() for _, bs in files for b in bs
                  if b.type == "module" and self._local(d, b)}
        out: list[Resource] = []
        for d in sorted(self.dirs):
            if d not in called:
                self._module(d, {}, out, "", 0)
        return out

    def _local(self, d: str, block: Block) -> str | None:
        src = block.attrs.get("source")
        if not src or not src.text.startswith(("./", "../")):
            return None
        parts: list[str] = [p for p in d.split("/") if p] if d else []
        for seg in src.text.split("//")[0].split("/"):
            if seg == "..":
                if parts:
                    parts.pop()
            elif seg not in (".", ""):
                parts.append(seg)
        target = "/".join(parts)
        return target if target in self.dirs else None

    def _module(self, d: str, inputs: dict[str, Leaf], out: list[Resource], via: str, depth: int) -> None:
        self.instances += 1
        if depth > MAX_DEPTH or self.instances > MAX_INSTANCES:
            return
        scope: dict[str, Leaf] = {}
        files = self.dirs.get(d, [])
        for path, blocks in files:
            for b in blocks:
                if b.type == "variable" and b.labels and "default" in b.attrs:
                    scope[f"var.{b.labels[0]}"] = Leaf(b.attrs["default"].text, Location(path, b.attrs["default"].line))
        if not via:
            for k, leaf in self.tfvars.get(d, {}).items():
                scope[f"var.{k}"] = leaf
        for k, leaf in inputs.items():
            scope[f"var.{k}"] = leaf
        for path, blocks in files:  # locals may name variables; one pass is enough for plain aliases
            for b in blocks:
                if b.type == "locals":
                    for k, a in b.attrs.items():
                        scope[f"local.{k}"] = _resolve(a, path, scope)
        for path, blocks in files:
            for b in blocks:
                if b.type in ("resource", "module") and _switched_off(b, path, scope):
                    continue
                if b.type == "resource" and len(b.labels) >= 2:
                    out.append(Resource(b.labels[0], b.labels[1], Location(path, b.line), _props(b, path, scope), via))
                elif b.type == "module" and b.labels:
                    args = {k: _resolve(a, path, scope) for k, a in b.attrs.items() if k not in ("source", "version")}
                    here = f"module {b.labels[0]} ({path}:{b.line})"
                    target = self._local(d, b)
                    if target is not None:
                        self._module(target, args, out, f"{here}" + (f", {via}" if via else ""), depth + 1)
                    else:
                        src = b.attrs.get("source")
                        out.append(Resource(f"module:{src.text if src else '?'}", b.labels[0], Location(path, b.line),
                                            _props(b, path, scope), via))


_NAMED = lazy(r"\b(?:var|local)\.[\w-]+")


def _resolve(a: Attr, path: str, scope: dict[str, Leaf]) -> Leaf:
    text = a.text.strip()
    m = _INTERP.match(text)
    ref = m.group(1) if m else (text if _REF.match(text) else None)
    if ref and ref in scope:
        return scope[ref]
    refs = tuple(dict.fromkeys(scope[n] for n in _NAMED.findall(text) if n in scope))[:8]
    return Leaf(text, Location(path, a.line), refs)


def _props(block: Block, path: str, scope: dict[str, Leaf]) -> dict:
    props: dict = {"__loc__": Location(path, block.line)}
    for k, a in block.attrs.items():
        props[k] = _resolve(a, path, scope)
    for child in block.blocks:
        if child.type == "dynamic" and child.labels:
            content = next((c for c in child.blocks if c.type == "content"), None)
            if content is not None:
                props.setdefault(child.labels[0], []).append(_props(content, path, scope))
            continue
        props.setdefault(child.type, []).append(_props(child, path, scope))
    return props


_COND = lazy(r"^\(?\s*(!?)\s*((?:var|local)\.[\w-]+)\s*\)?\s*\?\s*(.+?)\s*:\s*(.+?)\s*$", re.S)


def _falsy(text: str) -> bool:
    return text.strip().strip("\"'").lower() in ("false", "0", "", "null", "[]", "{}")


def _switched_off(block: Block, path: str, scope: dict[str, Leaf]) -> bool:
    """`count = 0`, `count = var.enabled ? 1 : 0` with the flag off, or `for_each` over nothing:
    a resource or module that is declared but not created."""
    for key in ("count", "for_each"):
        a = block.attrs.get(key)
        if a is None:
            continue
        text = a.text.strip()
        if _falsy(text):
            return True
        m = _COND.match(text)
        if m and m.group(2) in scope:
            on = (not _falsy(scope[m.group(2)].text)) != (m.group(1) == "!")
            chosen = m.group(3) if on else m.group(4)
            if _falsy(chosen):
                return True
        elif _REF.match(text) and text in scope and _falsy(scope[text].text):
            return True
    return False
