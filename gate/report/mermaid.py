"""The deploy pipeline as a Mermaid flowchart, from the report's `pipeline` facts.

Pull-request checks → build → each environment in promotion order → production, with
the gates on each stage and the rollback path; what is missing is drawn as dashed,
marked nodes ("no CI", "no staging", "no rollback"). The drawing is bounded: past
MAX_NODES stages the middle ones fold into one "+N more" node, and production is
always kept. Labels keep Unicode and brackets: every label is a quoted string with
Mermaid's entity codes for the few characters that could end it or read as markup.
"""
from __future__ import annotations

from typing import Any

from gate.model.lazyre import lazy

MAX_NODES = 8
LABEL_LIMIT = 80
_ENTITY = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;", "&": "#amp;",
           "|": "#124;", "\\": "#92;"}
_EDGE_WORDS = {"needs": "needs", "workflow_run": "workflow_run", "step order": "next step",
               "branch": "branch push", "release": "release", "tag": "tag", "gitops": "GitOps sync",
               "by hand": "by hand"}
_PATH = lazy(r"(?<![\w/])(?:[\w.-]+/)+([\w.-]+)")
_MISSING_ORDER = ("ci", "build", "staging", "promotion", "rollback")


def label(text: Any, limit: int = LABEL_LIMIT) -> str:
    """A quoted Mermaid label: one line, bounded at a word, markup-inert. Too long, a path
    gives way to its file name before anything is cut, and a cut falls between words."""
    s = " ".join(str(text or "").replace("`", "").split())  # backticks are Markdown, not drawn here
    if len(s) > limit:
        s = _PATH.sub(lambda m: m.group(1), s)
    if len(s) > limit:
        cut = s[: limit - 1]
        s = (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut) + "…"
    return '"' + "".join(_ENTITY.get(c, c) for c in s) + '"'


def normalise(pipeline: dict[str, Any] | None) -> dict[str, Any] | None:
    """The pipeline facts in the stages/edges form (an older report's environments/promotions
    are read into it, so a saved report keeps its picture)."""
    if not isinstance(pipeline, dict):
        return None
    if isinstance(pipeline.get("stages"), list):
        return pipeline
    envs = [e for e in pipeline.get("environments") or [] if isinstance(e, dict) and e.get("name")]
    if not envs:
        return None
    stages = [{"id": f"env:{e['name']}", "kind": "environment", "label": e["name"], "tier": e.get("tier"),
               "present": True, "how": "workflow", "gates": [], "jobs": e.get("jobs") or [],
               "location": e.get("location")} for e in envs]
    edges = [{"from": f"env:{p['from']}", "to": f"env:{p['to']}", "how": str(p.get("how", "")).split(":")[0],
              "label": "", "location": None} for p in pipeline.get("promotions") or [] if isinstance(p, dict)]
    rollback = [{"mechanism": r.get("what", ""), "location": r.get("location")}
                for r in pipeline.get("rollback") or [] if isinstance(r, dict)]
    missing = [] if rollback else [{"what": "rollback", "label": "no rollback"}]
    return {"stages": stages, "edges": edges, "missing": missing, "rollback": rollback,
            "reached": None, "unknown": []}


def mermaid(pipeline: dict[str, Any] | None, max_nodes: int = MAX_NODES) -> str:
    """A ```mermaid block, or "" when there is nothing to draw."""
    p = normalise(pipeline)
    if not p or not (p.get("stages") or p.get("missing")):
        return ""
    stages = [s for s in p.get("stages") or [] if isinstance(s, dict) and s.get("id")]
    shown, hidden = _bounded(stages, max_nodes)
    node = {s["id"]: f"s{i}" for i, s in enumerate(stages)}
    lines = ["```mermaid", "flowchart LR"]
    missing_ids: list[str] = []
    for s in stages:
        if s["id"] not in shown:
            continue
        text = _stage_text(s)
        if not s.get("present", True) and s.get("kind") in ("checks", "build"):
            marked = next((m.get("label") for m in p.get("missing") or [] if isinstance(m, dict)
                           and m.get("what") == ("ci" if s["kind"] == "checks" else "build")), None)
            text += f" · {marked}" if marked else ""
        shape = f'{node[s["id"]]}[{label(text)}]' if s.get("kind") != "checks" else f'{node[s["id"]]}([{label(text)}])'
        lines.append("  " + shape)
        if not s.get("present", True):
            missing_ids.append(node[s["id"]])
    if hidden:
        lines.append(f'  more[{label(f"+{len(hidden)} more")}]')
    drawn: set[tuple[str, str]] = set()
    for e in p.get("edges") or []:
        if not isinstance(e, dict) or e.get("from") not in node or e.get("to") not in node:
            continue
        a = node[e["from"]] if e["from"] in shown else "more"
        b = node[e["to"]] if e["to"] in shown else "more"
        if a == b or (a, b) in drawn:
            continue
        drawn.add((a, b))
        words = e.get("label") or _EDGE_WORDS.get(e.get("how"), e.get("how") or "")
        arrow = "-.->" if e.get("how") in ("by hand", "out of sight") else "-->"
        lines.append(f"  {a} {arrow}|{label(words, 48)}| {b}" if words else f"  {a} {arrow} {b}")
    # A stage nothing leads into still sits after its predecessor: an invisible link keeps
    # the picture left to right instead of a stack of unconnected boxes, and claims nothing.
    order = [node[s["id"]] for s in stages if s["id"] in shown] + (["more"] if hidden else [])
    has_in = {b for _, b in drawn}
    for prev, cur in zip(order, order[1:]):
        if cur not in has_in:
            lines.append(f"  {prev} ~~~ {cur}")
    prod = [node[s["id"]] for s in stages if s.get("tier") == "production" and s["id"] in shown]
    first = order[0] if order else None
    absent = {s.get("kind") for s in stages if not s.get("present", True)} | \
             {"staging" for s in stages if s.get("tier") == "staging" and not s.get("present", True)}
    missing = sorted((m for m in p.get("missing") or [] if isinstance(m, dict)),
                     key=lambda m: _MISSING_ORDER.index(m["what"]) if m.get("what") in _MISSING_ORDER else 9)
    for i, m in enumerate(missing):
        what = m.get("what")
        if (what == "ci" and "checks" in absent) or (what in ("build", "staging") and what in absent):
            continue  # already drawn as the absent stage itself
        mid = f"m{i}"
        missing_ids.append(mid)
        lines.append(f"  {mid}[{label('✗ ' + str(m.get('label') or 'no ' + str(what)))}]")
        if what == "rollback":
            lines += [f"  {t} -.- {mid}" for t in prod[:3]]
        elif what in ("staging", "promotion"):
            lines += [f"  {mid} -.-> {t}" for t in prod[:3]]
        elif first and what in ("ci", "build"):
            lines.append(f"  {mid} -.-> {first}")
    for i, r in enumerate(x for x in p.get("rollback") or [] if isinstance(x, dict)):
        if i >= 2 or not prod:
            break
        mechanism = str(r.get("mechanism") or "")
        where = _where(r.get("location"))
        if where and str((r.get("location") or {}).get("path")) in mechanism:
            where = ""  # the mechanism already names its file
        lines.append(f"  rb{i}([{label('↩ rollback: ' + mechanism + where, 100)}])")
        lines += [f"  {t} -.- rb{i}" for t in prod[:3]]
    if missing_ids:
        lines.append("  classDef missing stroke-dasharray: 5 5")
        lines.append(f"  class {','.join(missing_ids)} missing")
    lines.append("```")
    return "\n".join(lines)


def _stage_text(stage: dict[str, Any]) -> str:
    text = str(stage.get("label") or stage["id"])
    if stage.get("tier") and stage["tier"] not in text.lower() and stage.get("kind") == "environment":
        text += f" · {stage['tier']}"
    if stage.get("how") in ("by hand", "out of sight"):
        text += f" · {stage['how']}"
    gates = [str(g) for g in stage.get("gates") or []][:2]
    if gates:
        text += " · 🔒 " + ", ".join(gates)
    if not stage.get("present", True):
        text = "✗ " + text
    return text


def _bounded(stages: list[dict[str, Any]], limit: int) -> tuple[set[str], list[str]]:
    """The stage ids to draw: all when they fit; else checks and build, production, then the
    rest in promotion order, with one slot left for the "+N more" node."""
    ids = [s["id"] for s in stages]
    if len(ids) <= limit:
        return set(ids), []
    must = [s["id"] for s in stages if s.get("tier") == "production" or s.get("kind") in ("checks", "build")]
    keep = list(dict.fromkeys(must))[: limit - 1]
    for s in stages:
        if len(keep) >= limit - 1:
            break
        if s["id"] not in keep:
            keep.append(s["id"])
    return set(keep), [i for i in ids if i not in keep]


def _where(loc: Any) -> str:
    if not isinstance(loc, dict) or not loc.get("path"):
        return ""
    return f" ({loc['path']}:{loc['line']})" if loc.get("line") else f" ({loc['path']})"
