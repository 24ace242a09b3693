"""Golden text and Markdown reports of both examples and of a score-only FAIL, read as a
reviewer would: rendered with a GitHub-flavoured Markdown renderer and checked for structure.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/report/test_golden.py`
and read the diff: the first lines, the blockers, the links, the matrix rows.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from gate.report import render
from gate.report.markdown import render_markdown
from tests.report.reports import report, result

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
AS_OF = dt.date(2026, 12, 1)  # freshness and waivers judged on a fixed day, so the files never rot
EXAMPLES = ("telehealth-platform", "hardened-service")
CASES = [(example, fmt) for example in EXAMPLES for fmt in ("text", "markdown")]
SHA = "3f1c2a9b7d10e5c4b8a6f2d1e0c9b8a7f6e5d4c3"
CONTEXT = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/telehealth", "GITHUB_SHA": SHA}
INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]")


def _compare(name: str, out: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def _example_report(example: str, monkeypatch, tmp_path) -> dict:
    """The example judged as a checkout of its own: copied out of this repository, so no answer
    (a runbook's age, the commit) comes from this project's git history."""
    import shutil

    from gate.cli import run_check

    shutil.copytree(ROOT / "examples" / example, tmp_path / "examples" / example)
    monkeypatch.chdir(tmp_path)
    for var in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_REF", "GITHUB_BASE_REF", "GITHUB_HEAD_REF",
                "GITHUB_SERVER_URL", "GITHUB_SHA"):
        monkeypatch.delenv(var, raising=False)
    report_ = run_check(Path("examples") / example, None, today=AS_OF)
    report_["repository"]["sha"] = SHA  # the commit the links point at: fixed, not this checkout's HEAD
    return report_


@pytest.mark.parametrize("example, fmt", CASES, ids=[f"{e}-{f}" for e, f in CASES])
def test_report_matches_golden(example, fmt, monkeypatch, tmp_path):
    report_ = _example_report(example, monkeypatch, tmp_path)
    if fmt == "text":
        out = render("text", report_, color=False, width=100)
    else:
        out = render_markdown(report_, env=CONTEXT)
    _compare(f"{example}.{'txt' if fmt == 'text' else 'md'}", out)


def score_only_fail() -> dict:
    """No blocker fails, yet the score is under the threshold: the comment must say so."""
    return report([result("ci.tests-run", "pass", locations=[{"path": ".github/workflows/ci.yml", "line": 14}]),
                   result("observability.alerting", "fail", "warning", title="Alert rules are kept as code",
                          message="No alert rule, monitor or uptime check as code beside `deploy/values.yaml`.",
                          locations=[{"path": "deploy/values.yaml", "line": 1}]),
                   result("resilience.backups", "fail", "warning", title="Data is backed up automatically",
                          message="No automated backup of the database at `deploy/db.tf:12`.",
                          locations=[{"path": "deploy/db.tf", "line": 12}]),
                   result("governance.branch-protection", "skip", "warning", title="The default branch is protected",
                          message="Needs a GitHub token with administration: read.", locations=[])],
                  score=53, repository={"path": ".", "ref": "refs/pull/7/merge", "sha": SHA})


def test_score_only_fail_matches_golden():
    _compare("score-only-fail.md", render_markdown(score_only_fail(), env=CONTEXT))


def _comments() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))}


@pytest.mark.parametrize("name", ["telehealth-platform", "hardened-service", "score-only-fail"])
def test_golden_comment_reads_right_when_rendered(name):
    body = _comments()[name]
    html = MarkdownIt("gfm-like", {"html": True}).render(body)
    lines = body.splitlines()
    assert re.fullmatch(r"## (✅|❌) Readiness Gate: \*\*(PASS|FAIL)\*\* — score \d+/100 \(threshold \d+\)", lines[0])
    if "FAIL" in lines[0]:
        assert lines[2].startswith("**Why it failed:** ")
    # each location links to its file and line at the commit; each rule id to its docs
    assert f'href="https://github.com/acme/telehealth/blob/{SHA}/' in html
    assert 'href="https://github.com/readiness-gate/readiness-gate/blob/v' in html
    # each failure appears once (in the blockers or the warnings, nowhere else)
    failed = re.findall(r"^- ❌ \*\*.*?\*\* \[`([a-z0-9.-]+)`\]", body, flags=re.M)
    for rid in failed:
        assert body.count(f"[`{rid}`]") == 1, rid
    # the project's fix text renders as written: no escaped backticks, underscores or parentheses
    for fix in re.findall(r"^  - \*\*Fix:\*\* (.*)$", body, flags=re.M):
        assert not re.search(r"\\[`_()\[\]]", fix), fix
    # code spans copy as they are
    spans = re.findall(r"(`+)(.+?)\1", body)
    assert not [s for _, s in spans if INVISIBLE.search(s)]
    # nothing renders as live HTML but the comment's own folds, subscript and line breaks
    tags = set(re.findall(r"<([a-z][a-z0-9]*)", html))
    assert tags <= {"h2", "h3", "p", "strong", "a", "code", "ul", "li", "details", "summary", "table", "thead",
                    "tbody", "tr", "th", "td", "sub", "pre", "em"}, tags


def test_score_only_fail_leads_with_what_costs_the_score():
    body = _comments()["score-only-fail"]
    head = body.split("<details>", 1)[0]
    assert "### What costs the score (2)" in head and head.count("**Fix:**") == 2


def test_telehealth_comment_names_its_blockers_first():
    body = _comments()["telehealth-platform"]
    why = body.splitlines()[2]
    assert "blockers" in why and "under the threshold 70" in why
    first = body.split("### Blockers", 1)[1].split("<details>", 1)[0]
    assert "`ci.workflows-present`" in first and "**Fix:**" in first
    # the deploy happens out of sight (a PaaS git integration): promotion and rollback could not be told
    unknown = body.split("<summary>Could not tell", 1)[1].split("</details>", 1)[0]
    assert "`rollback.path-present`" in unknown and "could not tell: " in unknown


def test_pass_comment_is_short():
    body = _comments()["hardened-service"]
    visible = re.sub(r"<details>.*?</details>", "", body, flags=re.S)
    visible = re.sub(r"```mermaid.*?```", "", visible, flags=re.S)
    visible = re.sub(r"^\[\d+\]: \S+$", "", visible, flags=re.M)  # link definitions render as nothing
    assert len([line for line in visible.splitlines() if line.strip()]) <= 8


def test_matrix_reads_like_an_assessment():
    text = (GOLDEN / "telehealth-platform.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("│")]
    titles = [r.split("│")[1].strip() for r in rows]
    assert titles[:2] == ["CI/CD pipeline", "Security & compliance"]
    assert {"Monitoring & observability", "Backup, DR & scaling", "Performance & load testing",
            "Database & migrations"} <= set(titles)
    status = {r.split("│")[1].strip(): r.split("│")[2].strip() for r in rows}
    # the seed assessment: CI/CD missing, observability partial, performance missing
    assert status["CI/CD pipeline"] == "fail"
    assert status["Monitoring & observability"] == "partial"
    assert status["Performance & load testing"] == "fail"
    assert text.rstrip().splitlines()[-1].startswith("FAIL — score ")
