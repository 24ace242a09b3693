"""The main job as a user runs it: `readiness-gate check` on the bundled examples."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from gate.cli import main

ROOT = Path(__file__).resolve().parents[2]
TELEHEALTH = ROOT / "examples" / "telehealth-platform"
HARDENED = ROOT / "examples" / "hardened-service"
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text())


def check(*args: str):
    # judged on a fixed day: the examples' DR runbook is fresh then, whenever the suite runs
    return CliRunner().invoke(main, ["check", "--as-of", "2026-12-01", *args], catch_exceptions=False)


def test_telehealth_fails_with_the_assessment_blockers(tmp_path):
    out = tmp_path / "report.json"
    result = check(str(TELEHEALTH), "--output", f"json:{out}")
    assert result.exit_code == 1
    assert result.output.startswith("FAIL")
    report = json.loads(out.read_text())
    blockers = {r["id"] for r in report["results"] if r["status"] == "fail" and r["severity"] == "blocker"}
    # the hand-written assessment: CI/CD missing ...
    assert {"ci.workflows-present", "ci.tests-run"} <= blockers
    # ... while Vercel and Railway deploy from git, where promotion and rollback cannot be seen
    results = {r["id"]: r for r in report["results"]}
    for rid in ("delivery.promotion-order", "rollback.path-present"):
        assert results[rid]["status"] == "unknown" and "deploys from git" in results[rid]["message"]
    assert report["subject"]["kind"] == "service"
    assert {"Vercel", "Railway"} <= set(report["subject"]["runs_on"])
    for r in report["results"]:
        if r["status"] == "fail":
            assert r["locations"], r["id"]
            assert r["remediation"], r["id"]


def test_hardened_service_passes_the_default_policy():
    result = check(str(HARDENED), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["verdict"] == "PASS"
    assert report["summary"]["blockers"] == 0
    assert report["policy"]["name"] == "production"


@pytest.mark.parametrize("example", [TELEHEALTH, HARDENED], ids=["telehealth", "hardened"])
def test_json_report_follows_the_schema(example):
    report = json.loads(check(str(example), "--format", "json").output)
    jsonschema.validate(report, SCHEMA)


def test_one_run_writes_several_formats(tmp_path):
    result = check(str(TELEHEALTH), "--output", f"json:{tmp_path}/r.json", "--output",
                   f"markdown:{tmp_path}/r.md", "--output", f"junit:{tmp_path}/r.xml")
    assert result.exit_code == 1
    assert json.loads((tmp_path / "r.json").read_text())["verdict"] == "FAIL"
    assert (tmp_path / "r.md").read_text().startswith("## ❌ Readiness Gate: **FAIL**")
    assert "<testsuites" in (tmp_path / "r.xml").read_text()
    assert "Readiness matrix" in result.output  # the terminal view is still printed


@pytest.mark.parametrize("args, message", [
    (["/no/such/repo"], "no such directory"),
    ([str(ROOT / "README.md")], "not a directory"),
    ([str(TELEHEALTH), "--output", "pdf:x.pdf"], "expected FORMAT:PATH"),
    ([str(TELEHEALTH), "--policy", "no-such-preset"], "not found"),
])
def test_usage_errors_exit_2_with_one_line(args, message):
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_python_dash_m_gate_runs_the_same_cli():
    proc = subprocess.run([sys.executable, "-m", "gate", "check", str(HARDENED), "--format", "json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "PASS"


def test_the_command_line_keeps_every_byte_and_exit_code_when_it_exits_fast(tmp_path):
    """The console entry skips the interpreter's teardown after a verdict: output is still whole."""
    failing = tmp_path / "bare"
    failing.mkdir()
    (failing / "app.py").write_text("print(1)\n")
    report = tmp_path / "report.json"
    proc = subprocess.run([sys.executable, "-m", "gate", "check", str(failing), "--format", "json",
                           "--output", f"json:{report}"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr  # FAIL: no CI at all
    assert json.loads(proc.stdout)["verdict"] == "FAIL"
    assert json.loads(report.read_text()) == json.loads(proc.stdout)
    usage = subprocess.run([sys.executable, "-m", "gate", "check", str(tmp_path / "missing")],
                           capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2 and "no such directory" in usage.stderr and "Traceback" not in usage.stderr


def test_rules_and_explain():
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"]).output
    assert "delivery.promotion-order" in listing and "blocker" in listing
    explained = runner.invoke(main, ["explain", "rollback.path-present"])
    assert explained.exit_code == 0
    assert "Why:" in explained.output and "Fix:" in explained.output
    unknown = runner.invoke(main, ["explain", "rollback.nope"])
    assert unknown.exit_code == 2 and "unknown rule" in unknown.output


def test_rules_doc_is_generated_from_the_declarations():
    """docs/rules.md is stale when a rule changes: regenerate with `readiness-gate rules --markdown > docs/rules.md`."""
    current = CliRunner().invoke(main, ["rules", "--markdown"]).output
    assert (ROOT / "docs" / "rules.md").read_text() == current


def test_scanner_findings_reach_the_report_and_follow_the_schema(tmp_path):
    """bandit runs for real on a fixture with shell injection; the blocker names file:line."""
    out = tmp_path / "r.json"
    result = check(str(ROOT / "tests" / "fixtures" / "sast-python-vulnerable"), "--scanners", "bandit",
                   "--output", f"json:{out}", "--output", f"sarif:{tmp_path}/r.sarif")
    report = json.loads(out.read_text())
    jsonschema.validate(report, SCHEMA)
    sast = next(r for r in report["results"] if r["id"] == "security.sast-findings")
    assert sast["status"] == "fail" and sast["severity"] == "blocker"
    assert any(f["tool"] == "bandit" and f["path"] == "app.py" and f["line"] for f in report["findings"])
    assert result.exit_code == 1
    assert json.loads((tmp_path / "r.sarif").read_text())["version"] == "2.1.0"


def test_unreadable_sarif_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.sarif"
    bad.write_text("{not json")
    result = CliRunner().invoke(main, ["check", str(HARDENED), "--sarif", str(bad)])
    assert result.exit_code == 2
    assert "bad.sarif" in result.output and "Traceback" not in result.output


def test_compare_says_what_the_change_broke_and_fixed(tmp_path):
    """The base branch's report against this one: the comment names what broke and what was fixed."""
    base = tmp_path / "base.json"
    check(str(HARDENED), "--output", f"json:{base}")
    data = json.loads(base.read_text())
    for r in data["results"]:  # pretend the base branch failed CodeQL and passed the CI rules
        if r["id"] == "security.codeql-workflow":
            r["status"] = "fail"
        if r["id"].startswith("ci.") and r["status"] == "fail":
            r["status"] = "pass"
    base.write_text(json.dumps(data))
    result = check(str(TELEHEALTH), "--compare", str(base), "--format", "markdown")
    body = result.output
    assert result.exit_code == 1  # without --fail-on new the full verdict stands
    did = body.split("### What this change did", 1)[1].split("###", 1)[0]
    assert "broke **CI workflows exist** ([`ci.workflows-present`]" in did
    assert "fixed" not in did or "`security.codeql-workflow`" not in did.split("fixed", 1)[1]  # still failing
    bad = CliRunner().invoke(main, ["check", str(TELEHEALTH), "--compare", str(ROOT / "README.md")])
    assert bad.exit_code == 2 and "not a JSON report" in bad.output


def test_top_findings_are_listed_in_text_and_markdown():
    fixture = str(ROOT / "tests" / "fixtures" / "sast-python-vulnerable")
    text = check(fixture, "--scanners", "bandit").output
    assert "Security findings (" in text and "app.py:12" in text and "B602" in text
    assert "bandit: " in text and " findings (scanned the whole repository)" in text
    md = check(fixture, "--scanners", "bandit", "--format", "markdown").output
    assert "**Security findings: " in md and "`app.py:12`" in md


# ---------------------------------------------------------------- ratchet mode

LEGACY = ROOT / "tests" / "fixtures" / "ratchet-legacy-base"
INJECTED = ROOT / "tests" / "fixtures" / "ratchet-legacy-script-injection"


def test_ratchet_with_a_base_report(tmp_path):
    base = tmp_path / "base.json"
    assert check(str(LEGACY), "--output", f"json:{base}").exit_code == 1  # the legacy repository fails today
    same = check(str(LEGACY), "--baseline-report", str(base), "--fail-on", "new", "--format", "json")
    assert same.exit_code == 0, same.output
    report = json.loads(same.output)
    assert report["verdict"] == "PASS" and report["changes"]["existing"]
    jsonschema.validate(report, SCHEMA)
    worse = check(str(INJECTED), "--baseline-report", str(base), "--fail-on", "new")
    assert worse.exit_code == 1
    assert "this change broke 1 blocker(s): hardening.script-injection (was pass)" in worse.output
    assert worse.output.rstrip().splitlines()[-1].startswith("FAIL — score")
    bad = CliRunner().invoke(main, ["check", str(LEGACY), "--baseline-report", str(ROOT / "README.md")])
    assert bad.exit_code == 2 and "not a JSON report" in bad.output


def test_the_policy_can_set_fail_on_new(tmp_path):
    import shutil

    base = tmp_path / "base.json"
    check(str(LEGACY), "--output", f"json:{base}")
    repo = tmp_path / "repo"
    shutil.copytree(INJECTED, repo)
    (repo / ".github" / "readiness.yml").write_text("extends: production\nfail_on: new\n")
    worse = check(str(repo), "--baseline-report", str(base), "--format", "json")
    report = json.loads(worse.output)
    assert report["policy"]["fail_on"] == "new" and worse.exit_code == 1
    assert [b["id"] for b in report["changes"]["broke"]] == ["hardening.script-injection"]


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false",
                    *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_ratchet_with_a_baseline_ref_in_a_git_repository(tmp_path):
    """The gate evaluates the merge base in a temporary worktree: only the injection blocks."""
    repo = tmp_path / "repo"
    shutil.copytree(LEGACY, repo)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "legacy")
    _git(repo, "checkout", "-q", "-b", "change")
    shutil.copy(INJECTED / ".github" / "workflows" / "label.yml", repo / ".github" / "workflows" / "label.yml")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "label pull requests")
    result = check(str(repo), "--baseline-ref", "main", "--fail-on", "new", "--format", "markdown")
    assert result.exit_code == 1, result.output
    body = result.output
    assert "**Why it failed:** this change broke 1 blocker(s): hardening.script-injection (was pass)." in body
    blockers = body.split("### Blockers", 1)[1].split("###", 1)[0]
    assert "`hardening.script-injection`" in blockers and "`rollback.path-present`" not in blockers
    _git(repo, "checkout", "-q", "main")
    unchanged = check(str(repo), "--baseline-ref", "main", "--fail-on", "new")
    assert unchanged.exit_code == 0, unchanged.output
    worktrees = subprocess.run(["git", "worktree", "list"], cwd=repo, capture_output=True, text=True).stdout
    assert len(worktrees.strip().splitlines()) == 1  # the temporary worktree is gone
    missing = CliRunner().invoke(main, ["check", str(repo), "--baseline-ref", "no-such-branch", "--fail-on", "new"])
    assert missing.exit_code == 2 and "no-such-branch" in missing.output and "Traceback" not in missing.output


# ---------------------------------------------------------------- the terminal


def test_piped_output_is_plain_and_ends_with_the_verdict():
    result = CliRunner().invoke(main, ["check", "--as-of", "2026-12-01", str(TELEHEALTH)], env={"COLUMNS": "80"})
    assert "\x1b[" not in result.output
    lines = result.output.rstrip().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[-1].startswith("FAIL — score ")


@pytest.mark.parametrize("env, args, coloured", [
    ({"FORCE_COLOR": "1"}, [], True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
    ({"NO_COLOR": "1"}, ["--color"], True),
    ({}, [], False),
])
def test_colour_follows_no_color_force_color_and_the_flag(env, args, coloured):
    result = CliRunner().invoke(main, ["check", "--as-of", "2026-12-01", str(HARDENED), *args],
                                env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert ("\x1b[" in result.output) is coloured
    # the machine formats never carry colour
    json.loads(CliRunner().invoke(main, ["check", str(HARDENED), "--format", "json"], env=env).output)


@pytest.mark.parametrize("example", [TELEHEALTH, HARDENED], ids=["telehealth", "hardened"])
def test_machine_outputs_are_valid_and_point_at_real_files(example, tmp_path):
    """SARIF against the official schema with every result at a file that exists; JUnit against junit-10.xsd."""
    xmlschema = pytest.importorskip("xmlschema", reason="xmlschema is a test extra: pip install -e '.[test]'")
    check(str(example), "--output", f"sarif:{tmp_path}/r.sarif", "--output", f"junit:{tmp_path}/r.xml")
    log = json.loads((tmp_path / "r.sarif").read_text())
    sarif_schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    assert not list(jsonschema.Draft4Validator(sarif_schema).iter_errors(log))
    uris = [res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for run in log["runs"] for res in run["results"]]
    assert all((example / uri).is_file() for uri in uris), [u for u in uris if not (example / u).is_file()]
    assert uris or example == HARDENED  # the ready example has nothing to show
    omitted = log["runs"][0]["properties"]["omittedResults"]
    failing = sum(1 for r in json.loads(check(str(example), "--format", "json").output)["results"] if r["status"] == "fail")
    assert len({res["ruleId"] for res in log["runs"][0]["results"]}) + omitted == failing
    xmlschema.XMLSchema(str(ROOT / "tests" / "data" / "junit-10.xsd")).validate(str(tmp_path / "r.xml"))
