"""Markdown: the PR comment and job summary, read by a reviewer in ten seconds.

The first screen answers "can this merge, and if not, what do I do": the verdict and
score against the threshold, the failed conditions in words, what this change broke
and fixed when a base is known, then each blocker once with its fix. Everything else
(warnings, what could not be told, passes, skips with their reasons, scanners, the
domain matrix) is folded. Repository text is escaped (gate.report.mdtext); the gate's
own titles and fixes render as written. Detail is folded, never cut mid-table, to
stay under GitHub's 65,536-character comment limit.
"""
from __future__ import annotations

from typing import Any, Mapping

from gate.report.blocking import blocks
from gate.report.mdtext import Links, code, esc, mixed, trusted
from gate.report.mermaid import mermaid

__all__ = ["render_markdown", "mermaid", "esc", "code", "STATUS_ICON", "STATUS_WORD"]

STATUS_ICON = {"pass": "✅", "fail": "❌", "skip": "➖", "unknown": "❔", "waived": "🟡", "partial": "⚠️"}
STATUS_WORD = {"pass": "pass", "fail": "fail", "skip": "skip", "unknown": "could not tell", "waived": "waived",
               "partial": "partial"}
TOP_FINDINGS = 10
MAX_LOCATIONS = 3


def render_markdown(report: dict[str, Any], max_chars: int = 65000, env: Mapping[str, str] | None = None,
                    **_: Any) -> str:
    links = Links(report, env)
    results = [r for r in report.get("results") or [] if isinstance(r, dict)]
    blockers = [r for r in results if _blocks(r, report)]
    warnings = [r for r in results if r.get("status") == "fail" and r not in blockers]
    existing: list[dict] = []
    changes = report.get("changes")
    if isinstance(changes, dict) and changes.get("fail_on") == "new":
        # ratchet mode: only what this change broke blocks; the base's own gaps are folded
        broke = {b.get("id") for b in changes.get("broke") or []}
        existing = [r for r in blockers if r.get("id") not in broke]
        blockers = [r for r in blockers if r.get("id") in broke]
    head = _head(report, results, blockers, links)
    body: list[str] = []
    if isinstance(changes, dict):
        body += _changes(changes, links) + [""]
    if blockers:
        body += [f"### Blockers ({len(blockers)})", ""]
        for r in blockers:
            body += _result_item(r, links, fix=True)
        body.append("")
    if not blockers and warnings and report.get("verdict") != "PASS":
        # a score-only FAIL: the warnings are what a reviewer must fix, so they lead
        body += [f"### What costs the score ({len(warnings)})", ""]
        for r in warnings:
            body += _result_item(r, links, fix=True)
        body.append("")
        warnings = []
    chart = mermaid(report.get("pipeline"))
    pipeline = report.get("pipeline") if isinstance(report.get("pipeline"), dict) else {}
    if chart:
        body += ["### Deploy pipeline", "", chart, ""]
        if pipeline.get("reached"):
            body += [f"Production is reached: {mixed(pipeline['reached'], 300)}", ""]
        for u in (pipeline.get("unknown") or [])[:5]:
            if isinstance(u, dict):
                where = links.location(u["location"]) if isinstance(u.get("location"), dict) else ""
                body += [f"- ❔ could not tell: {mixed(u.get('what'), 200)}{' at ' + where if where else ''}"]
        body += [""] if pipeline.get("unknown") else []
    sections = _sections(report, results, blockers + existing, warnings, links)
    if existing:
        sections.insert(0, (f"Existing gaps, not blocking under fail-on new ({len(existing)})",
                            [x for r in existing for x in _result_item(r, links, fix=True)]))
    security = _security(report, links)
    if security:  # one visible line: a scanner that did not run must not pass for a clean scan
        body += [f"**{security[0]}**" + (" — details below." if security[1] else ""), ""]
    footer = ["", f"<sub>readiness-gate {esc((report.get('tool') or {}).get('version', ''))} · "
                  f"{links.ref('rules', links.docs)}</sub>"]

    def whole(lines: list[str]) -> list[str]:
        defs = links.definitions("\n".join(lines + footer))
        return lines + ([""] + defs if defs else []) + footer

    out = head + body
    for title, lines in sections:
        block = ["<details>", f"<summary>{title}</summary>", ""] + lines + ["", "</details>", ""]
        if _size(whole(out + block)) <= max_chars:
            out += block
        else:
            out += [f"_{title}: omitted to stay under the comment size limit; see the job summary or JSON report._", ""]
    text = "\n".join(whole(out))
    if len(text) > max_chars:  # only the head and blockers are left: keep whole lines
        keep = head[:]
        for line in body:
            if _size(whole(keep + [line])) > max_chars - 200:
                keep.append("_More blockers omitted to stay under the comment size limit._")
                break
            keep.append(line)
        text = "\n".join(whole(keep))
    return text


# ---------------------------------------------------------------- the first screen


def _head(report: dict, results: list[dict], blockers: list[dict], links: Links) -> list[str]:
    verdict = report.get("verdict")
    icon = "✅" if verdict == "PASS" else "❌"
    policy = report.get("policy") or {}
    threshold = policy.get("threshold")
    score = report.get("score")
    out = [f"## {icon} Readiness Gate: **{esc(verdict)}** — score {score}/100 (threshold {threshold})", ""]
    conditions = _conditions(report, blockers)
    if verdict != "PASS" and conditions:
        out += ["**Why it failed:** " + "; ".join(conditions) + ".", ""]
    elif verdict == "PASS" and (report.get("changes") or {}).get("fail_on") == "new":
        existing = len((report.get("changes") or {}).get("existing") or [])
        out += ["This change makes readiness no worse than its base"
                + (f" ({existing} existing gap{'s' if existing != 1 else ''} not blocking under `fail-on: new`)."
                   if existing else "."), ""]
    subject = _subject(report, links)
    summary = report.get("summary") or {}
    counts = [f"{summary.get('pass', 0)} passed", f"{summary.get('fail', 0)} failed"]
    unknown = summary.get("unknown", sum(1 for r in results if r.get("status") == "unknown"))
    if unknown:
        counts.append(f"{unknown} could not tell")
    counts.append(f"{summary.get('skip', 0)} skipped")
    if summary.get("waived"):
        counts.append(f"{summary['waived']} waived")
    line = f"Policy {code(policy.get('name'))}"
    if policy.get("profile"):
        line += f", profile {code(policy['profile'])}"
    out += ([subject, ""] if subject else []) + [line + " · " + ", ".join(counts), ""]
    return out


def _conditions(report: dict, blockers: list[dict]) -> list[str]:
    """The failed conditions in words: what a reviewer must change for a PASS."""
    changes = report.get("changes") or {}
    if changes.get("fail_on") == "new":
        return [esc(r, 600) for r in report.get("reasons") or []]
    out = []
    if blockers:
        names = ", ".join(trusted(b.get("title") or b.get("id"), b.get("id"), "title") for b in blockers[:3])
        more = f" and {len(blockers) - 3} more" if len(blockers) > 3 else ""
        out.append(f"{len(blockers)} blocker{'s' if len(blockers) != 1 else ''}: {names}{more}")
    threshold = (report.get("policy") or {}).get("threshold")
    score = report.get("score")
    if isinstance(score, (int, float)) and isinstance(threshold, (int, float)) and score < threshold:
        out.append(f"score {score} is under the threshold {threshold}")
    for reason in report.get("reasons") or []:  # anything else the verdict rested on
        text = str(reason)
        if "blocker" not in text and "threshold" not in text:
            out.append(esc(text, 300))
    return out


def _subject(report: dict, links: Links) -> str:
    s = report.get("subject")
    if not isinstance(s, dict) or not s.get("kind"):
        return ""
    runs = [str(x) for x in s.get("runs_on") or []]
    what = f"**{esc(s['kind'])}**" + (f" on {esc(', '.join(runs), 120)}" if runs else "")
    evidence = [str(e) for e in s.get("evidence") or []][:2]
    if evidence:
        what += " (" + ", ".join(links.location(_parse_where(e)) for e in evidence) + ")"
    if s.get("reason"):
        what += f": {mixed(s['reason'], 200)}"
    return what


def _parse_where(text: str) -> dict:
    """"path:line" (as the subject's evidence is written) as a location."""
    path, sep, line = text.rpartition(":")
    return {"path": path, "line": int(line)} if sep and line.isdigit() else {"path": text, "line": None}


def _changes(changes: dict, links: Links) -> list[str]:
    broke = changes.get("broke")
    if broke is None:  # a plain comparison (--compare): rule ids only
        return ["### What this change did", "",
                f"Newly failing: {', '.join(links.rule(i) for i in changes.get('new_failures', [])) or 'none'} · "
                f"fixed: {', '.join(links.rule(i) for i in changes.get('fixed', [])) or 'none'}"
                + (f" · score {changes['score_before']} → now" if changes.get("score_before") is not None else "")]
    out = ["### What this change did", ""]
    if broke:
        for b in broke:
            what = (f"{len(b['findings'])} new finding{'s' if len(b['findings']) != 1 else ''}: "
                    + ", ".join(code(f) for f in b["findings"][:5]) + (" …" if len(b["findings"]) > 5 else "")
                    if b.get("findings") else f"was {esc(b.get('was'))} in the base")
            out.append(f"- ❌ broke **{trusted(b.get('title'), b.get('id'), 'title')}** ({links.rule(b['id'])}): {what}")
    else:
        out.append("- Broke nothing.")
    fixed = changes.get("fixed") or []
    if fixed:
        out.append(f"- ✅ fixed {', '.join(links.rule(i) for i in fixed)}")
    if changes.get("score_before") is not None:
        out.append(f"- score {changes['score_before']} in the base"
                   + (" → fell under the threshold" if changes.get("score_fell_under_threshold") else ""))
    existing = changes.get("existing") or []
    if existing:
        label = " (not blocking: `fail-on: new`)" if changes.get("fail_on") == "new" else ""
        out.append(f"- existing{label}: " + ", ".join(links.rule(e["id"]) for e in existing))
    return out


# ---------------------------------------------------------------- items and folds


def _blocks(r: dict, report: dict) -> bool:
    return blocks(r, report)


def _where(r: dict, links: Links, table: bool = False) -> str:
    locs = [loc for loc in r.get("locations") or [] if isinstance(loc, dict) and loc.get("path")]
    shown = ", ".join(links.location(loc, table=table) for loc in locs[:MAX_LOCATIONS])
    if len(locs) > MAX_LOCATIONS:
        shown += f" (+{len(locs) - MAX_LOCATIONS} more)"
    return shown


def _result_item(r: dict, links: Links, *, fix: bool) -> list[str]:
    icon = STATUS_ICON.get(r.get("status"), "")
    rule = links.rule(str(r.get("id")))  # first, so reference numbers run in reading order
    where = _where(r, links)
    message = mixed(r.get("message"))
    if r.get("status") == "unknown":
        message = "could not tell: " + message
    line = f"- {icon} **{trusted(r.get('title') or r.get('id'), r.get('id'), 'title')}** {rule}" \
           + (f" at {where}" if where else "") + f" — {message}"
    out = [line]
    if fix and r.get("remediation"):
        out.append(f"  - **Fix:** {trusted(r['remediation'], r.get('id'), 'remediation')}")
    for d in (r.get("details") or [])[:5] if fix else []:
        out.append(f"  - {mixed(d, 300)}")
    return out


def _sections(report: dict, results: list[dict], blockers: list[dict], warnings: list[dict],
              links: Links) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = []
    if warnings:
        sections.append((f"Warnings ({len(warnings)})", [x for r in warnings for x in _result_item(r, links, fix=True)]))
    unknown = [r for r in results if r.get("status") == "unknown" and r not in blockers]
    if unknown:
        sections.append((f"Could not tell ({len(unknown)})",
                         [x for r in unknown for x in _result_item(r, links, fix=False)]))
    security = _security(report, links)
    if security and security[1]:
        sections.append(("Security scanners and findings", security[1]))
    sections.append(("Readiness by area", _matrix(report)))
    passed = [r for r in results if r.get("status") == "pass"]
    if passed:
        sections.append((f"Passed ({len(passed)})", _table(passed, links, "Where")))
    skipped = [r for r in results if r.get("status") in ("skip", "waived")]
    if skipped:
        sections.append((f"Skipped ({len(skipped)})", _skip_table(skipped, links)))
    notices = report.get("notices") or []
    if notices:
        sections.append((f"Notices ({len(notices)})", [f"- {esc(n)}" for n in notices]))
    return sections


def _table(rows: list[dict], links: Links, what: str) -> list[str]:
    out = [f"| Check | {what} |", "|---|---|"]
    for r in rows:
        out.append(f"| {STATUS_ICON['pass']} {_cell(trusted(r.get('title'), r.get('id'), 'title'))} {links.rule(str(r.get('id')), table=True)} "
                   f"| {_where(r, links, table=True)} |")
    return out


def _skip_table(rows: list[dict], links: Links) -> list[str]:
    out = ["| Check | Why skipped |", "|---|---|"]
    for r in rows:
        why = mixed(r.get("message"), 200, table=True)
        if r.get("status") == "waived":
            w = r.get("waiver") or {}
            why = f"waived until {esc(w.get('expires'))}: {esc(w.get('reason'), 200)}".replace("|", "\\|")
        out.append(f"| {STATUS_ICON.get(r['status'], '')} {_cell(trusted(r.get('title'), r.get('id'), 'title'))} "
                   f"{links.rule(str(r.get('id')), table=True)} | {why} |")
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _matrix(report: dict) -> list[str]:
    rows = ["| Area | Status | Score | Blockers |", "|---|---|---|---|"]
    for d in report.get("domains") or []:
        score = "–" if d.get("score") is None else str(d["score"])
        st = d.get("status")
        rows.append(f"| {esc(d.get('title'))} | {STATUS_ICON.get(st, '')} {STATUS_WORD.get(st, st)} "
                    f"| {score} | {d.get('blockers', 0)} |")
    return rows


def _security(report: dict, links: Links) -> tuple[str, list[str]] | None:
    sec = report.get("security")
    if not isinstance(sec, dict):
        return None
    scanners = [s for s in sec.get("scanners") or [] if isinstance(s, dict)]
    lines = [f"- {'✅' if s.get('ran') else '⚠️'} {esc(s.get('headline') or _headline(s), 300)}" for s in scanners]
    if sec.get("sarif_files"):
        lines.append(f"- SARIF read: {', '.join(code(f) for f in sec['sarif_files'][:5])}")
    not_run = [s for s in scanners if not s.get("ran")]
    ran = bool(sec.get("sarif_files")) or any(s.get("ran") for s in scanners)
    counts = ", ".join(f"{n} {sev}" for sev, n in (sec.get("by_severity") or {}).items() if n) or "none"
    if ran:
        title = f"Security findings: {sec.get('total', 0)} ({counts})"
    else:
        title = "Security findings: none could be gathered"
    if not_run:
        title += f" · {len(not_run)} scanner{'s' if len(not_run) != 1 else ''} not run"
    if sec.get("new") is not None:
        title += f" · new {sec['new']}, fixed {sec['fixed']}, unchanged {sec['unchanged']}"
    rows = ["| Severity | Where | Rule | Finding |", "|---|---|---|---|"]
    for f in (report.get("findings") or [])[:TOP_FINDINGS]:
        if not isinstance(f, dict):
            continue
        where = links.location({"path": f.get("path") or "?", "line": f.get("line")}, table=True)
        new = " (new)" if f.get("new") else ""
        rows.append(f"| {esc(f.get('severity'))}{new} | {where} | {code(str(f.get('tool')) + ' ' + str(f.get('rule_id')), table=True)} "
                    f"| {esc(f.get('message'), 160)} |")
    return title, lines + ([""] + rows if len(rows) > 2 else [])


def _headline(s: dict) -> str:
    if s.get("ran"):
        return f"{s.get('tool')}: {s.get('findings', 0)} findings"
    return f"{s.get('tool')} not run: {s.get('reason') or 'unknown reason'}"


def _size(lines: list[str]) -> int:
    return sum(len(x) + 1 for x in lines)
