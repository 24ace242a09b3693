"""Text: the terminal view — a readiness matrix, then what blocks and how to fix it."""
from __future__ import annotations

import io
from typing import Any

_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "skip": "dim", "waived": "yellow"}


def render_text(report: dict[str, Any], color: bool = False, width: int = 100, **_: Any) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False,
                      emoji=False)
    verdict = report["verdict"]
    style = "bold green" if verdict == "PASS" else "bold red"
    pol = report["policy"]
    console.print(f"[{style}]{verdict}[/] readiness score {report['score']}/100 "
                  f"(policy {escape(pol['name'])}{', profile ' + escape(pol['profile']) if pol.get('profile') else ''}, "
                  f"threshold {pol['threshold']}) — {escape(report['repository']['path'])}")
    for reason in report.get("reasons", []):
        console.print(f"  {escape(reason)}")
    table = Table(title="Readiness matrix", title_justify="left", show_lines=False)
    table.add_column("Area")
    table.add_column("Status")
    table.add_column("Score", justify="right")
    table.add_column("Blockers", justify="right")
    table.add_column("Checks", justify="right")
    for d in report["domains"]:
        st = d["status"]
        table.add_row(escape(d["title"]), f"[{_STYLE.get(st, '')}]{st}[/]",
                      "–" if d["score"] is None else str(d["score"]), str(d["blockers"]),
                      f"{d['passed']}/{d['passed'] + d['failed']}")
    console.print(table)
    groups = [("Blockers", [r for r in report["results"] if r["status"] == "fail" and r["severity"] == "blocker"]),
              ("Warnings", [r for r in report["results"] if r["status"] == "fail" and r["severity"] == "warning"]),
              ("Info", [r for r in report["results"] if r["status"] == "fail" and r["severity"] == "info"]),
              ("Waived", [r for r in report["results"] if r["status"] == "waived"])]
    for title, results in groups:
        if not results:
            continue
        console.print(f"\n[bold]{title} ({len(results)})[/]")
        for r in results:
            where = r["locations"][0] if r["locations"] else None
            loc = f"{where['path']}:{where['line']}" if where and where.get("line") else (where["path"] if where else "")
            console.print(f"  [{_STYLE['fail'] if title == 'Blockers' else 'yellow'}]✗[/] {r['id']}  {escape(loc)}")
            console.print(f"      {escape(r['message'])}")
            if r["status"] != "waived":
                console.print(f"      [dim]fix:[/] {escape(r['remediation'])}")
            else:
                console.print(f"      [dim]waived:[/] {escape(str(r.get('waiver', {}).get('reason', '')))}")
    if report.get("security"):
        sec = report["security"]
        counts = ", ".join(f"{n} {sev}" for sev, n in sec.get("by_severity", {}).items() if n) or "none"
        extra = (f"; new {sec['new']}, fixed {sec['fixed']}, unchanged {sec['unchanged']}"
                 if sec.get("new") is not None else "")
        console.print(f"\n[bold]Security findings ({sec.get('total', 0)}: {counts}{extra})[/]")
        for f in report.get("findings", [])[:10]:
            where = f"{f.get('path') or '?'}:{f.get('line') or '?'}"
            console.print(f"  {f['severity']:8} {escape(where)}  {escape(f['tool'] + ' ' + f['rule_id'])}"
                          f"{' (new)' if f.get('new') else ''}  {escape(f['message'][:120])}")
    if report.get("changes"):
        ch = report["changes"]
        console.print(f"\n[bold]Against the base report[/]: newly failing {', '.join(ch['new_failures']) or 'none'}; "
                      f"fixed {', '.join(ch['fixed']) or 'none'}; score {ch['score_before']} → {report['score']}")
    for n in report.get("notices", [])[:20]:
        console.print(f"[dim]note: {escape(n)}[/]")
    return buf.getvalue()
