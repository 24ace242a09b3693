"""Markdown: the PR comment and job summary.

Verdict and score in the first line, the domain matrix, blockers with their fix,
the deploy pipeline drawn in Mermaid, and every check folded in <details>.
Everything that came from the repository is escaped so it renders inert: no
mentions, no images, no HTML, no table breaks. Detail is folded, never cut
mid-table, to stay under GitHub's 65,536-character comment limit.
"""
from __future__ import annotations

import re
from typing import Any

_ESCAPE = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_STATUS_ICON = {"pass": "✅", "fail": "❌", "skip": "➖", "waived": "🟡", "partial": "⚠️"}


def esc(text: Any, limit: int = 300) -> str:
    """Repository text as inert Markdown: one line, escaped, bounded."""
    s = str(text if text is not None else "")
    s = " ".join(s.split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # no HTML, no entities
    s = _ESCAPE.sub(r"\\\1", s)
    s = s.replace("@", "@\u200b")  # no mentions
    return s


def code(text: Any, limit: int = 200) -> str:
    """An inline code span that no backtick in the text can break out of."""
    # a `|` would split a table cell even inside a code span: use a look-alike
    s = " ".join(str(text).split())[:limit].replace("`", "ˋ").replace("|", "│")
    return f"`{s}`" if s else ""


def _loc(loc: dict) -> str:
    return code(f"{loc['path']}:{loc['line']}" if loc.get("line") else loc["path"])


def _mermaid_label(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9 _.:/-]", "", text)[:40] or "env"


def mermaid(pipeline: dict | None) -> str:
    if not pipeline or not pipeline.get("environments"):
        return ""
    envs = pipeline["environments"]
    lines = ["```mermaid", "flowchart LR"]
    ids = {}
    for i, e in enumerate(envs):
        ids[e["name"]] = f"e{i}"
        tier = f" ({e['tier']})" if e.get("tier") and e["tier"] != e["name"] else ""
        lines.append(f'  {ids[e["name"]]}["{_mermaid_label(e["name"] + tier)}"]')
    promoted = set()
    for edge in pipeline.get("promotions", []):
        a, b = ids.get(edge["from"]), ids.get(edge["to"])
        if a and b:
            lines.append(f'  {a} -->|"{_mermaid_label(edge["how"].split(":")[0])}"| {b}')
            promoted.add(edge["to"])
    for e in envs:
        if e.get("tier") == "production" and e["name"] not in promoted:
            lines.append(f'  nopromo{ids[e["name"]]}(["no lower environment first"]) -.-> {ids[e["name"]]}')
    prod = [ids[e["name"]] for e in envs if e.get("tier") == "production"]
    if pipeline.get("rollback") and prod:
        lines.append(f'  rb(["rollback: {_mermaid_label(pipeline["rollback"][0]["what"])}"]) -.-> {prod[0]}')
    elif prod:
        lines.append(f'  norb(["no rollback path"]) -.-> {prod[0]}')
    lines.append("```")
    return "\n".join(lines)


def _matrix(report: dict) -> list[str]:
    rows = ["| Area | Status | Score | Blockers |", "|---|---|---|---|"]
    for d in report["domains"]:
        score = "–" if d["score"] is None else str(d["score"])
        rows.append(f"| {esc(d['title'])} | {_STATUS_ICON.get(d['status'], '')} {d['status']} | {score} | {d['blockers']} |")
    return rows


def _result_line(r: dict) -> str:
    locs = ", ".join(_loc(l) for l in r.get("locations", [])[:3])
    more = len(r.get("locations", [])) - 3
    if more > 0:
        locs += f" (+{more} more)"
    return f"- **{esc(r['title'])}** ({code(r['id'])}){' at ' + locs if locs else ''}: {esc(r['message'])}"


TOP_FINDINGS = 10


def _findings(report: dict) -> list[str]:
    sec = report["security"]
    counts = ", ".join(f"{n} {sev}" for sev, n in sec.get("by_severity", {}).items() if n) or "none"
    head = f"### Security findings: {sec.get('total', 0)} ({counts})"
    if sec.get("new") is not None:
        head += f" · new {sec['new']}, fixed {sec['fixed']}, unchanged {sec['unchanged']}"
    rows = ["| Severity | Where | Rule | Finding |", "|---|---|---|---|"]
    for f in report.get("findings", [])[:TOP_FINDINGS]:
        where = _loc({"path": f.get("path") or "?", "line": f.get("line")})
        new = " (new)" if f.get("new") else ""
        rows.append(f"| {esc(f['severity'])}{new} | {where} | {code(f['tool'] + ' ' + f['rule_id'])} | {esc(f['message'], 160)} |")
    return [head, ""] + (rows if len(rows) > 2 else [])


def render_markdown(report: dict, max_chars: int = 65000) -> str:
    verdict = report["verdict"]
    icon = "✅" if verdict == "PASS" else "❌"
    head = [f"## {icon} Readiness Gate: **{verdict}** — score {report['score']}/100",
            "",
            f"Policy {code(report['policy']['name'])}"
            + (f", profile {code(report['policy']['profile'])}" if report["policy"].get("profile") else "")
            + f" · threshold {report['policy']['threshold']} · {report['summary']['pass']} passed, "
              f"{report['summary']['fail']} failed, {report['summary']['skip']} skipped"
            + (f", {report['summary']['waived']} waived" if report["summary"].get("waived") else ""),
            ""]
    head += _matrix(report) + [""]
    blockers = [r for r in report["results"] if r["status"] == "fail" and r["severity"] == "blocker"]
    warnings = [r for r in report["results"] if r["status"] == "fail" and r["severity"] != "blocker"]
    body: list[str] = []
    if blockers:
        body += ["### Blockers", ""]
        for r in blockers:
            body += [_result_line(r), f"  - Fix: {esc(r['remediation'], 500)}"]
        body.append("")
    if report.get("security"):
        body += _findings(report) + [""]
    if report.get("changes"):
        ch = report["changes"]
        body += ["### Changes against the base branch", "",
                 f"Newly failing: {', '.join(code(i) for i in ch.get('new_failures', [])) or 'none'} · "
                 f"fixed: {', '.join(code(i) for i in ch.get('fixed', [])) or 'none'}"
                 + (f" · score {ch['score_before']} → {report['score']}" if ch.get("score_before") is not None else ""),
                 ""]
    chart = mermaid(report.get("pipeline"))
    if chart:
        body += ["### Deploy pipeline", "", chart, ""]
    sections: list[tuple[str, list[str]]] = []
    if warnings:
        sections.append((f"Warnings ({len(warnings)})",
                         [x for r in warnings for x in (_result_line(r), f"  - Fix: {esc(r['remediation'], 500)}")]))
    sections.append((f"All checks ({len(report['results'])})",
                     ["| Check | Status | Severity | Where |", "|---|---|---|---|"] +
                     [f"| {esc(r['title'])} ({code(r['id'])}) | {_STATUS_ICON.get(r['status'], '')} {r['status']} | "
                      f"{r['severity']} | {', '.join(_loc(l) for l in r.get('locations', [])[:2])} |"
                      for r in report["results"]]))
    if report.get("notices"):
        sections.append((f"Notices ({len(report['notices'])})", [f"- {esc(n)}" for n in report["notices"]]))
    footer = ["", f"<sub>readiness-gate {esc(report['tool']['version'])}</sub>"]
    out = head + body
    for title, lines in sections:
        block = ["<details>", f"<summary>{title}</summary>", ""] + lines + ["", "</details>", ""]
        if _size(out + block + footer) <= max_chars:
            out += block
        else:
            out += [f"_{title}: omitted to stay under the comment size limit; see the job summary or JSON report._", ""]
    text = "\n".join(out + footer)
    if len(text) > max_chars:  # only the head and blockers are left: fold blocker lines whole
        keep = head[:]
        for line in body:
            if _size(keep + [line] + footer) > max_chars - 200:
                keep.append("_More blockers omitted to stay under the comment size limit._")
                break
            keep.append(line)
        text = "\n".join(keep + footer)
    return text


def _size(lines: list[str]) -> int:
    return sum(len(x) + 1 for x in lines)
