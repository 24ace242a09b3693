"""The PR comment: what a reviewer sees, and what repository text cannot do to it."""
from __future__ import annotations

import re

from gate.report.markdown import render_markdown


def report(message: str = "ok", n_results: int = 3, path: str = "a.yml") -> dict:
    results = [{"id": f"ci.rule-{i}", "domain": "ci", "title": f"Rule {i}", "status": "fail",
                "severity": "blocker" if i == 0 else "warning", "message": message,
                "remediation": "Fix it.", "locations": [{"path": path, "line": i + 1}]} for i in range(n_results)]
    return {"schema_version": 1, "tool": {"name": "readiness-gate", "version": "0"},
            "repository": {"path": "."}, "policy": {"name": "production", "threshold": 70, "profile": None},
            "verdict": "FAIL", "score": 40, "summary": {"pass": 0, "fail": n_results, "skip": 0, "waived": 0, "blockers": 1},
            "domains": [{"id": "ci", "title": "CI/CD pipeline", "score": 40, "status": "fail", "blockers": 1}],
            "results": results, "notices": []}


def test_first_line_carries_verdict_and_score():
    first = render_markdown(report()).splitlines()[0]
    assert "FAIL" in first and "40/100" in first


def test_repository_text_renders_inert():
    hostile = "`x` | <img src=x onerror=alert(1)> @octocat ![](http://evil.example/p.png) [link](http://e) <!-- -->"
    body = render_markdown(report(message=hostile, path="we`ird|path<b>.yml"))
    # code spans show their content literally; outside them no tag may survive
    outside = re.sub(r"`[^`\n]*`", "", body)
    assert "<img" not in outside and "<b>" not in outside and "<!-- -->" not in outside
    assert "`we`" not in body  # a backtick in a path cannot close its code span
    assert "@octocat" not in body  # a zero-width space breaks the mention
    assert "![](" not in body and "](http" not in body
    # table rows keep their column count: a `|` from the repository is escaped
    for line in body.splitlines():
        if line.startswith("| Rule"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 5


def test_large_reports_fold_detail_and_stay_under_the_limit():
    body = render_markdown(report(message="m" * 1500, n_results=400), max_chars=65_000)
    assert len(body) <= 65_000
    assert body.count("<details>") == body.count("</details>")
    assert "omitted to stay under the comment size limit" in body
    # tables are never cut mid-way: every table line is a whole row
    for line in body.splitlines():
        if line.startswith("|"):
            assert line.endswith("|")


def test_pipeline_is_drawn_in_mermaid():
    r = report()
    r["pipeline"] = {"environments": [{"name": "staging", "tier": "staging"}, {"name": "production", "tier": "production"}],
                     "promotions": [{"from": "staging", "to": "production", "how": "needs: deploy-staging"}],
                     "rollback": []}
    body = render_markdown(r)
    assert "```mermaid" in body and "-->" in body and "no rollback path" in body
