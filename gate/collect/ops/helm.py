"""Helm charts: which `{{ if .Values.x }}` guards hold under the chart's own values,
and the named templates (`define`) a chart's templates include.

A template block guarded by a value that no values file (nor a `--set x=true` in a
workflow) turns on is not deployed: a chart whose HPA is off by default and never
turned on has no autoscaling, and a probe behind `if .Values.probes.enabled` that
defaults to false is no probe. Named templates come from the chart's own `*.tpl`
and templates and from the library charts it carries (`charts/<lib>/`, or a
`file://` dependency); their guards are judged under the including chart's values,
as Helm renders them.
"""
from __future__ import annotations

import re
from typing import Any

from msgspec import Struct, field

from gate.collect.ops.common import dirname, read_yaml
from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy

_IF = lazy(r"\{\{-?\s*(if|with|range|define|block)\b(.*?)-?\}\}")
_ELSE = lazy(r"\{\{-?\s*else\b")
_END = lazy(r"\{\{-?\s*end\s*-?\}\}")
_VALUE_REF = lazy(r"^\s*\(?\s*(?:\$\w*)?\.Values\.([\w.]+)\s*\)?\s*$")
_DEFINE = lazy(r"\{\{-?\s*define\s+\"([^\"]+)\"")
_INCLUDE = lazy(r"\{\{-?\s*(?:include|template)\s+\"([^\"]+)\"")
_TOYAML = lazy(r"\.Values\.([\w.]+)")


class Define(Struct):
    """A named Helm template (`define`) and the lines it spans."""

    name: str
    path: str
    first: int          # 0-based index of the `define` line
    last: int           # 0-based index of its `end`


class Chart(Struct):
    """A Helm chart directory with the values and named templates its manifests draw on."""

    dir: str
    values: list[Any] = field(default_factory=list)   # parsed values*.yaml of the chart
    set_true: set[str] = field(default_factory=set)   # `--set a.b=true` seen in workflows
    defines: dict[str, Define] = field(default_factory=dict)  # named templates it can include

    def lookup(self, dotted: str) -> list[Any]:
        out = []
        for doc in self.values:
            node = doc
            for part in dotted.split("."):
                node = node.get(part) if isinstance(node, dict) else None
                if node is None:
                    break
            if node is not None:
                out.append(node)
        return out

    def truthy(self, dotted: str) -> bool:
        if dotted in self.set_true:
            return True
        return any(v not in (False, None, "", 0, [], {}) and v != "false" for v in self.lookup(dotted))


def load_chart(repo: RepoFiles, cdir: str, set_true: set[str]) -> Chart:
    chart = Chart(cdir, set_true=set_true)
    prefix = f"{cdir}/" if cdir else ""
    for d in [cdir] + _library_dirs(repo, cdir):
        _read_defines(repo, d, chart)
    for p in repo.in_folder(cdir):
        rest = p[len(prefix):]
        if rest.startswith("values") and rest.endswith((".yaml", ".yml")):
            doc = read_yaml(repo, p)
            if isinstance(doc, dict):
                chart.values.append(doc)
    return chart


def _library_dirs(repo: RepoFiles, cdir: str) -> list[str]:
    """Charts this one carries or depends on by path: `charts/<name>/` and `file://` dependencies."""
    prefix = f"{cdir}/" if cdir else ""
    out = [dirname(p) for p in repo.named("Chart.yaml") if p.startswith(prefix + "charts/")
           and p.count("/") == prefix.count("/") + 2]
    text = repo.read(f"{prefix}Chart.yaml") or ""
    for m in re.finditer(r"repository:\s*[\"']?file://([^\s\"']+)", text):
        parts = [x for x in cdir.split("/") if x] if cdir else []
        for seg in m.group(1).split("/"):
            if seg == "..":
                if parts:
                    parts.pop()
            elif seg not in (".", ""):
                parts.append(seg)
        out.append("/".join(parts))
    return out


def _read_defines(repo: RepoFiles, cdir: str, chart: Chart) -> None:
    prefix = f"{cdir}/templates/" if cdir else "templates/"
    for p in repo.under(prefix):
        if not p.endswith((".tpl", ".yaml", ".yml", ".txt")):
            continue
        text = repo.read(p) or ""
        if "define" not in text:
            continue
        depth, current = 0, None
        for i, ln in enumerate(text.splitlines()):
            for m in re.finditer(r"\{\{-?\s*(if|with|range|define|block|end)\b", ln):
                word = m.group(1)
                if word == "define" and depth == 0:
                    name = _DEFINE.search(ln[m.start():])
                    current = Define(name.group(1), p, i, i) if name else None
                if word == "end":
                    depth -= 1
                    if depth == 0 and current is not None:
                        current.last = i
                        chart.defines.setdefault(current.name, current)
                        current = None
                else:
                    depth += 1


def included(line: str) -> list[str]:
    """Names of the named templates a template line includes."""
    return _INCLUDE.findall(line)


def _truth(cond: str, chart: Chart) -> bool:
    """A guard's value under the chart's values; True when it cannot be told."""
    words = cond.replace("(", " ").replace(")", " ").split()
    if not words:
        return True
    if words[0] in ("and", "or", "not"):
        values: list[bool | None] = []
        negate = words[0] == "not"
        for w in words[1:] if words[0] != "not" else words[1:]:
            if w == "not":
                negate = not negate
                continue
            ref = _VALUE_REF.match(w)
            v = chart.truthy(ref.group(1)) if ref else None
            values.append(None if v is None else (not v if negate else v))
            negate = False
        if words[0] == "not":
            return values[0] is not False if values else True
        if words[0] == "and":
            return False not in values
        return True in values or None in values
    ref = _VALUE_REF.match(cond)
    return chart.truthy(ref.group(1)) if ref else True


def active_lines(text: str, chart: Chart) -> list[bool]:
    """For each line of a template: is it rendered under the chart's values?"""
    stack: list[bool] = []
    out: list[bool] = []
    for ln in text.splitlines():
        for m in re.finditer(r"\{\{-?\s*(if|with|range|define|block|else|end)\b(.*?)-?\}\}", ln):
            word, cond = m.group(1), m.group(2)
            if word in ("if", "with"):
                stack.append(_truth(cond, chart))
            elif word in ("range", "define", "block"):
                stack.append(True)
            elif word == "else" and stack:
                # `else` of a guard we judged false renders; of an unknown one, keep it on
                stack[-1] = True
            elif word == "end" and stack:
                stack.pop()
        out.append(all(stack))
    return out


def templated_value(line: str, next_line: str, chart: Chart) -> bool | None:
    """`key: {{ toYaml .Values.x }}` on this or the next line: is x set? None if not templated."""
    for text in (line.split(":", 1)[-1], next_line):
        if "{{" in text:
            m = _TOYAML.search(text)
            return chart.truthy(m.group(1)) if m else True
    return None
