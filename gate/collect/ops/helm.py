"""Helm charts: which `{{ if .Values.x }}` guards hold under the chart's own values.

A template block guarded by a value that no values file (nor a `--set x=true` in a
workflow) turns on is not deployed: a chart whose HPA is off by default and never
turned on has no autoscaling.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gate.collect.ops.common import dirname, read_yaml
from gate.collect.repo import RepoFiles

_IF = re.compile(r"\{\{-?\s*(if|with|range|define|block)\b(.*?)-?\}\}")
_ELSE = re.compile(r"\{\{-?\s*else\b")
_END = re.compile(r"\{\{-?\s*end\s*-?\}\}")
_VALUE_REF = re.compile(r"^\s*\(?\s*\.Values\.([\w.]+)\s*\)?\s*$")
_TOYAML = re.compile(r"\.Values\.([\w.]+)")


@dataclass
class Chart:
    dir: str
    values: list[Any] = field(default_factory=list)   # parsed values*.yaml of the chart
    set_true: set[str] = field(default_factory=set)   # `--set a.b=true` seen in workflows

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


def chart_dirs(repo: RepoFiles) -> list[str]:
    return [dirname(p) for p in repo.files if p.rsplit("/", 1)[-1] == "Chart.yaml"]


def load_chart(repo: RepoFiles, cdir: str, set_true: set[str]) -> Chart:
    chart = Chart(cdir, set_true=set_true)
    prefix = f"{cdir}/" if cdir else ""
    for p in repo.files:
        rest = p[len(prefix):] if p.startswith(prefix) else None
        if rest and "/" not in rest and rest.startswith("values") and rest.endswith((".yaml", ".yml")):
            doc = read_yaml(repo, p)
            if isinstance(doc, dict):
                chart.values.append(doc)
    return chart


def active_lines(text: str, chart: Chart) -> list[bool]:
    """For each line of a template: is it rendered under the chart's values?"""
    stack: list[bool] = []
    out: list[bool] = []
    for ln in text.splitlines():
        for m in re.finditer(r"\{\{-?\s*(if|with|range|define|block|else|end)\b(.*?)-?\}\}", ln):
            word, cond = m.group(1), m.group(2)
            if word in ("if", "with"):
                ref = _VALUE_REF.match(cond)
                stack.append(chart.truthy(ref.group(1)) if ref else True)
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
