"""Text: the terminal view — what the repository is, a readiness matrix, what blocks and
how to fix it, and a one-line verdict at the end (the last thing a CI log shows).

It fits the width it is given (the terminal's, or $COLUMNS, or 100 when piped), wraps at
words and keeps each wrapped line under its indent, and colours only when asked
(`color_wanted` decides from --color, NO_COLOR, FORCE_COLOR and whether it is a terminal).
"""
from __future__ import annotations

import io
import os
import shutil
from typing import Any, Mapping

from gate.model.lazyre import lazy

_STYLE = {"pass": "green", "partial": "yellow", "fail": "red", "skip": "dim", "waived": "yellow",
          "unknown": "magenta"}
_WORD = {"unknown": "could not tell"}
# Repository text must not drive the terminal: escape sequences and other controls are dropped.
_CONTROL = lazy("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TRAILING = lazy(r"[ ]+((?:\x1b\[[0-9;]*m)*)$")
DEFAULT_WIDTH = 100
MIN_WIDTH = 40


def color_wanted(flag: bool | None, isatty: bool, env: Mapping[str, str] | None = None) -> bool:
    """--color/--no-color wins; then NO_COLOR (any value) turns colour off, FORCE_COLOR
    (other than 0/false) turns it on, e.g. in a CI log that renders ANSI; else only on a terminal."""
    env = os.environ if env is None else env
    if flag is not None:
        return flag
    if env.get("NO_COLOR"):
        return False
    force = env.get("FORCE_COLOR")
    if force is not None and force.strip().lower() not in ("0", "false", "no"):
        return True
    return isatty


def terminal_width(isatty: bool, env: Mapping[str, str] | None = None) -> int:
    """The terminal's width; $COLUMNS when set (CI runners and `COLUMNS=200 cmd`); else 100."""
    env = os.environ if env is None else env
    cols = env.get("COLUMNS", "")
    if cols.isdigit() and int(cols) >= MIN_WIDTH:
        return int(cols)
    if isatty:
        return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    return DEFAULT_WIDTH


def render_text(report: dict[str, Any], color: bool = False, width: int | None = None, **_: Any) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    report = _inert(report)
    width = max(MIN_WIDTH, width or DEFAULT_WIDTH)
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, color_system="standard" if color else None,
                      width=width, highlight=False, emoji=False, soft_wrap=False)

    def para(text: str, indent: int, style: str = "") -> None:
        """A wrapped paragraph whose continuation lines keep its indent."""
        console.print(Padding(Text(text, style=style), (0, 0, 0, indent), expand=False))

    verdict = report.get("verdict")
    vstyle = "bold green" if verdict == "PASS" else "bold red"
    pol = report.get("policy") or {}
    console.print(Text.assemble((str(verdict), vstyle),
                                f" readiness score {report.get('score')}/100 (policy {pol.get('name')}"
                                f"{', profile ' + str(pol['profile']) if pol.get('profile') else ''}, "
                                f"threshold {pol.get('threshold')}) — {(report.get('repository') or {}).get('path', '')}"))
    subject = _subject(report)
    if subject:
        para(subject, 2)
    for reason in report.get("reasons") or []:
        para(str(reason), 2)
    changes = report.get("changes")
    if isinstance(changes, dict):
        _changes(console, para, changes, report)
    console.print()
    table = Table(title="Readiness matrix", title_justify="left", show_lines=False)
    table.add_column("Area", overflow="fold")
    table.add_column("Status", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Blockers", justify="right", no_wrap=True)
    table.add_column("Checks", justify="right", no_wrap=True)
    for d in report.get("domains") or []:
        st = d.get("status")
        table.add_row(escape(str(d.get("title"))), f"[{_STYLE.get(st, '')}]{_WORD.get(st, st)}[/]",
                      "–" if d.get("score") is None else str(d["score"]), str(d.get("blockers", 0)),
                      f"{d.get('passed', 0)}/{d.get('passed', 0) + d.get('failed', 0)}")
    console.print(table)
    results = [r for r in report.get("results") or [] if isinstance(r, dict)]
    blockers = [r for r in results if _blocks(r, report)]
    existing: list[dict] = []
    if isinstance(changes, dict) and changes.get("fail_on") == "new":
        broke = {b.get("id") for b in changes.get("broke") or []}
        existing = [r for r in blockers if r.get("id") not in broke]
    groups = [("Blockers", [r for r in blockers if r not in existing]),
              ("Existing, not blocking under fail-on new", existing),
              ("Warnings", [r for r in results if r.get("status") == "fail" and r not in blockers
                            and r.get("severity") != "info"]),
              ("Info", [r for r in results if r.get("status") == "fail" and r not in blockers
                        and r.get("severity") == "info"]),
              ("Could not tell", [r for r in results if r.get("status") == "unknown" and r not in blockers]),
              ("Waived", [r for r in results if r.get("status") == "waived"])]
    for title, rs in groups:
        if not rs:
            continue
        console.print(Text(f"\n{title} ({len(rs)})", style="bold"))
        for r in rs:
            where = _where(r)
            mark = "?" if r.get("status") == "unknown" else "✗"
            console.print(Padding(Text.assemble((mark, "red" if title == "Blockers" else "yellow"),
                                                f" {r.get('id')}  {where}"), (0, 0, 0, 2), expand=False))
            message = str(r.get("message") or "")
            para(("could not tell: " if r.get("status") == "unknown" else "") + message, 6)
            if r.get("status") == "waived":
                para(f"waived: {(r.get('waiver') or {}).get('reason', '')}", 6, "dim")
            elif r.get("status") == "fail":
                para(f"fix: {r.get('remediation', '')}", 6, "dim")
    _security(console, para, report)
    skipped = [r for r in results if r.get("status") == "skip"]
    if skipped:
        console.print(Text(f"\nSkipped ({len(skipped)})", style="bold"))
        by_reason: dict[str, list[str]] = {}
        for r in skipped:  # one line per reason: ten rules skipped for one cause say it once
            by_reason.setdefault(str(r.get("message") or ""), []).append(str(r.get("id")))
        for reason, ids in by_reason.items():
            para(f"{', '.join(ids)}: {reason}", 2, "dim")
    for n in (report.get("notices") or [])[:20]:
        para(f"note: {n}", 0, "dim")
    console.print()
    console.print(Text.assemble((str(verdict), vstyle), " " + verdict_line(report)))
    # rich pads wrapped lines to the full width: trailing blanks only make copied text worse
    return "\n".join(_TRAILING.sub(r"\1", line) for line in buf.getvalue().split("\n"))


def _inert(value: Any) -> Any:
    """The report with every string stripped of control characters (a saved report may be forged)."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, dict):
        return {k: _inert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_inert(v) for v in value]
    return value


def verdict_line(report: dict[str, Any]) -> str:
    """The last line: the verdict and the conditions it rests on, in words."""
    pol = report.get("policy") or {}
    results = [r for r in report.get("results") or [] if isinstance(r, dict)]
    n = sum(1 for r in results if _blocks(r, report))
    parts = [f"score {report.get('score')}/100 (threshold {pol.get('threshold')})"]
    changes = report.get("changes") or {}
    if changes.get("fail_on") == "new":
        broke = len(changes.get("broke") or [])
        parts.append(f"{broke} blocker(s) broken by this change, {len(changes.get('existing') or [])} existing")
    else:
        parts.append(f"{n} blocker{'s' if n != 1 else ''}")
    unknown = sum(1 for r in results if r.get("status") == "unknown")
    if unknown:
        parts.append(f"{unknown} could not tell")
    return "— " + ", ".join(parts)


def _blocks(r: dict, report: dict) -> bool:
    from gate.report.blocking import blocks

    return blocks(r, report)


def _where(r: dict) -> str:
    locs = [loc for loc in r.get("locations") or [] if isinstance(loc, dict) and loc.get("path")]
    if not locs:
        return ""
    first = locs[0]
    shown = f"{first['path']}:{first['line']}" if first.get("line") else str(first["path"])
    return shown + (f" (+{len(locs) - 1} more)" if len(locs) > 1 else "")


def _subject(report: dict) -> str:
    s = report.get("subject")
    if not isinstance(s, dict) or not s.get("kind"):
        return ""
    runs = [str(x) for x in s.get("runs_on") or []]
    line = str(s["kind"]) + (f" on {', '.join(runs)}" if runs else "")
    ev = [str(e) for e in s.get("evidence") or []][:2]
    if ev:
        line += f" ({', '.join(ev)})"
    if s.get("reason"):
        line += f": {s['reason']}"
    return line


def _changes(console, para, changes: dict, report: dict) -> None:
    if changes.get("broke") is None:
        para(f"Against the base report: newly failing {', '.join(changes.get('new_failures') or []) or 'none'}; "
             f"fixed {', '.join(changes.get('fixed') or []) or 'none'}; "
             f"score {changes.get('score_before')} → {report.get('score')}", 2)
        return
    broke = changes.get("broke") or []
    para("This change broke: " + (", ".join(
        f"{b['id']} ({len(b['findings'])} new finding(s))" if b.get("findings") else f"{b['id']} (was {b.get('was')})"
        for b in broke) or "nothing"), 2)
    if changes.get("fixed"):
        para("Fixed: " + ", ".join(changes["fixed"]), 2)
    if changes.get("existing"):
        label = " (not blocking under fail-on new)" if changes.get("fail_on") == "new" else ""
        para(f"Existing{label}: " + ", ".join(e["id"] for e in changes["existing"]), 2)


def _security(console, para, report: dict) -> None:
    sec = report.get("security")
    if not isinstance(sec, dict):
        return
    from rich.text import Text

    scanners = [s for s in sec.get("scanners") or [] if isinstance(s, dict)]
    ran = bool(sec.get("sarif_files")) or any(s.get("ran") for s in scanners)
    counts = ", ".join(f"{n} {sev}" for sev, n in (sec.get("by_severity") or {}).items() if n) or "none"
    extra = (f"; new {sec['new']}, fixed {sec['fixed']}, unchanged {sec['unchanged']}"
             if sec.get("new") is not None else "")
    head = f"Security findings ({sec.get('total', 0)}: {counts}{extra})" if ran else \
        "Security findings: none could be gathered"
    console.print(Text("\n" + head, style="bold"))
    for s in scanners:
        para(str(s.get("headline") or (f"{s.get('tool')}: {s.get('reason')}")), 2,
             "" if s.get("ran") else "yellow")
    for f in (report.get("findings") or [])[:10]:
        where = f"{f.get('path') or '?'}:{f.get('line') or '?'}"
        para(f"{f.get('severity', ''):8} {where}  {f.get('tool')} {f.get('rule_id')}"
             f"{' (new)' if f.get('new') else ''}  {str(f.get('message', ''))[:120]}", 2)
