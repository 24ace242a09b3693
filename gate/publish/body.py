"""The Markdown the gate publishes (comment, check-run summary, job summary).

The renderer is the report package's `render_markdown`, imported when needed; until it
exists (or if it fails to import) a small built-in rendering keeps publishing working.
Both escape repository text: in a fork PR the report is attacker-controlled.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gate.model.lazyre import lazy

Renderer = Callable[[dict[str, Any], int], str]
_UNSAFE = lazy(r"[&<>\"'`|@\[\]()!*_~#\\{}+=:-]")


def inert(text: Any) -> str:
    """Repository text as Markdown that renders literally: no HTML, links, images, mentions, tables."""
    flat = " ".join(str(text).split())
    return _UNSAFE.sub(lambda m: f"&#{ord(m.group(0))};", flat)


def default_renderer() -> Renderer:
    try:
        from gate.report.markdown import render_markdown
    except ImportError:
        return fallback_markdown
    return lambda report, max_chars: render_markdown(report, max_chars=max_chars)


def headline(report: dict[str, Any]) -> str:
    summary = report.get("summary") or {}
    return (f"{report.get('verdict', '?')} · score {report.get('score', '?')}/100 · "
            f"{summary.get('blockers', 0)} blocker(s), {summary.get('fail', 0)} failed check(s)")


def fallback_markdown(report: dict[str, Any], max_chars: int = 65000) -> str:
    """Verdict line, then the failing checks; whole lines are dropped to fit, never cut mid-line."""
    icon = "✅" if report.get("verdict") == "PASS" else "❌"
    lines = [f"### {icon} Readiness gate: {inert(headline(report))}", ""]
    failing = [r for r in report.get("results") or [] if isinstance(r, dict) and r.get("status") == "fail"]
    tail = ["", f"_{len(failing)} failing check(s); the job summary has the full report._"]
    for r in failing:
        line = f"- **{inert(r.get('id', ''))}** ({inert(r.get('severity', ''))}): {inert(r.get('message', ''))}"
        if sum(len(x) + 1 for x in lines + tail) + len(line) + 1 > max_chars:
            break
        lines.append(line)
    return "\n".join(lines + tail)


def render(report: dict[str, Any], max_chars: int, renderer: Renderer | None = None) -> str:
    text = (renderer or default_renderer())(report, max_chars)
    if len(text) > max_chars:  # a renderer that overshoots must not cost us the comment
        text = fallback_markdown(report, max_chars)
    return text
