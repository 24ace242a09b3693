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

import re

from gate.collect.ops.common import dirname
from gate.collect.ops.hcl import Attr, Block, parse_hcl
from gate.collect.ops.infra import Leaf, Resource
from gate.collect.repo import RepoFiles
from gate.model.location import Location

MAX_DEPTH = 6          # module calls followed this deep
MAX_INSTANCES = 400    # module instantiations read in all
_REF = re.compile(r"^(var|local)\.([\w-]+)$")
_INTERP = re.compile(r"^\"?\$\{\s*((?:var|local)\.[\w-]+)\s*\}\"?$")


class Terraform:
    """Every .tf directory of a repository, parsed once."""

    def __init__(self, repo: RepoFiles, paths: list[str]) -> None:
        self.repo = repo
        self.dirs: dict[str, list[tuple[str, list[Block]]]] = {}
        self.unparsed: list[str] = []
        self.tfvars: dict[str, list[tuple[str, list[Block]]]] = {}
        for path in paths:
            blocks = parse_hcl(repo.read(path) or "")
            if blocks is None:
                self.unparsed.append(path)
                continue
            target = self.tfvars if path.endswith(".tfvars") else self.dirs
            target.setdefault(dirname(path), []).append((path, blocks))
        self.instances = 0

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
            for path, blocks in self.tfvars.get(d, []):
                for b in blocks:
                    for k, a in b.attrs.items():
                        scope[f"var.{k}"] = Leaf(a.text, Location(path, a.line))
        for k, leaf in inputs.items():
            scope[f"var.{k}"] = leaf
        for path, blocks in files:  # locals may name variables; one pass is enough for plain aliases
            for b in blocks:
                if b.type == "locals":
                    for k, a in b.attrs.items():
                        scope[f"local.{k}"] = _resolve(a, path, scope)
        for path, blocks in files:
            for b in blocks:
                if b.type in ("resource", "data") and len(b.labels) >= 2 and b.type == "resource":
                    out.append(Resource(b.labels[0], b.labels[1], Location(path, b.line), _props(b, path, scope), via))
                elif b.type == "module" and b.labels:
                    args = {k: _resolve(a, path, scope) for k, a in b.attrs.items() if k not in ("source", "version")}
                    here = f"module {b.labels[0]} ({path}:{b.line})"
                    target = self._local(d, b)
                    if target is not None:
                        if _count_zero(args):
                            continue
                        self._module(target, args, out, f"{here}" + (f", {via}" if via else ""), depth + 1)
                    else:
                        src = b.attrs.get("source")
                        out.append(Resource(f"module:{src.text if src else '?'}", b.labels[0], Location(path, b.line),
                                            _props(b, path, scope), via))


def _resolve(a: Attr, path: str, scope: dict[str, Leaf]) -> Leaf:
    text = a.text.strip()
    m = _INTERP.match(text)
    ref = m.group(1) if m else (text if _REF.match(text) else None)
    if ref and ref in scope:
        return scope[ref]
    return Leaf(text, Location(path, a.line))


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


def _count_zero(args: dict[str, Leaf]) -> bool:
    count = args.get("count")
    return count is not None and count.text.strip() == "0"
