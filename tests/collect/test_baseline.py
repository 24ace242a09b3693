"""New-only mode against a git baseline, with the real scanners, in throwaway repositories."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from gate.collect import scanners
from gate.collect.baseline import BaselineError, changed_files, compare, merge_base, worktree
from gate.collect.sarif import Finding
from gate.collect.security import collect_security
from gate.rules.base import Context
from gate.rules.security_findings import sast_findings

needs_bandit = pytest.mark.skipif(not scanners.bandit_available(), reason="bandit not installed")
needs_semgrep = pytest.mark.skipif(scanners.semgrep_executable() is None, reason="semgrep not installed")

SHELL = 'import os\n\n\ndef ping(host):\n    os.system("ping -c 1 %s" % host)\n'
YAML = 'import yaml\n\n\ndef load(text):\n    return yaml.load(text)\n'


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=env).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """main: one known finding in svc/a.py among 40 clean modules; HEAD is a branch off it."""
    root = tmp_path / "repo"
    (root / "svc").mkdir(parents=True)
    (root / "svc" / "a.py").write_text(SHELL)
    for i in range(40):
        (root / "svc" / f"m{i}.py").write_text(f"def f{i}(x):\n    return x + {i}\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "feature")
    return root


def commit(root: Path, msg: str = "change") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", msg)


@needs_bandit
@needs_semgrep
def test_new_only_reports_exactly_the_new_finding_and_scans_only_the_changed_file(repo):
    (repo / "svc" / "b.py").write_text(YAML)
    commit(repo)
    ev = collect_security(repo, scanners=["bandit", "semgrep"], baseline_ref="main", timeout=120)
    assert ev.changed_files == ["svc/b.py"]
    assert [(o.tool, o.ran, o.files) for o in ev.outcomes] == [("bandit", True, 1), ("semgrep", True, 1)]
    # The old finding in svc/a.py is outside the change: not scanned, not new.
    assert {f.path for f in ev.findings} == {"svc/b.py"}
    assert sorted((f.tool, f.rule_id, f.path, f.line) for f in ev.new) == [
        ("bandit", "B506", "svc/b.py", 5), ("semgrep", "python-yaml-load-unsafe", "svc/b.py", 5)]
    assert ev.fixed == [] and ev.unchanged == []
    summary = ev.to_report()["security"]
    assert (summary["new"], summary["fixed"], summary["unchanged"], summary["changed_files"]) == (2, 0, 0, 1)
    assert ev.baseline.startswith("ref main (merge base ")
    # The rule blocks on exactly the new high one (bandit rates yaml.load medium, semgrep high).
    out = sast_findings.check(SimpleNamespace(security=ev), Context(params=dict(sast_findings.params), sig=None))
    assert out.status == "fail" and [str(loc) for loc in out.locations] == ["svc/b.py:5"]
    assert out.message.startswith("1 new finding(s) at or above high; "
                                  "first: svc/b.py:5 semgrep python-yaml-load-unsafe")
    assert sast_findings.check(SimpleNamespace(security=ev), Context(
        params=dict(sast_findings.params, severity="medium"), sig=None)).message.startswith("2 new finding(s)")


@needs_bandit
def test_moved_code_is_unchanged_and_the_added_finding_is_new(repo):
    text = ('"""Docs pushed the old code down."""\n\n\n' + SHELL
            + '\n\ndef ping6(host):\n    os.system("ping6 %s" % host)\n')
    (repo / "svc" / "a.py").write_text(text)
    commit(repo)
    ev = collect_security(repo, scanners=["bandit"], baseline_ref="main")
    assert ev.changed_files == ["svc/a.py"]
    assert [(f.rule_id, f.line) for f in ev.unchanged] == [("B605", 8)]   # was line 5 in the base
    assert [(f.rule_id, f.line) for f in ev.new] == [("B605", 12)]
    assert ev.fixed == []


@needs_bandit
def test_removed_finding_is_fixed(repo):
    (repo / "svc" / "a.py").write_text("import subprocess\n\n\ndef ping(host):\n"
                                       "    subprocess.run(['ping', '-c', '1', host], check=True)\n")
    commit(repo)
    ev = collect_security(repo, scanners=["bandit"], baseline_ref="main")
    assert [(f.rule_id, f.line) for f in ev.fixed] == [("B605", 5)]
    assert [f.severity for f in ev.new] == ["low", "low", "low"]  # B404/B603/B607 on the rewrite


@needs_bandit
def test_full_scan_against_baseline_ref(repo):
    (repo / "svc" / "b.py").write_text(YAML)
    commit(repo)
    ev = collect_security(repo, scanners=["bandit"], baseline_ref="main", changed_only=False)
    assert ev.changed_files is None
    assert [(f.path, f.rule_id) for f in ev.unchanged] == [("svc/a.py", "B605")]
    assert [(f.path, f.rule_id) for f in ev.new] == [("svc/b.py", "B506")]


def test_worktree_is_removed_even_when_the_scan_fails(repo):
    base = merge_base(repo, "main")
    with pytest.raises(RuntimeError):
        with worktree(repo, base, ["svc/a.py", "svc/new.py"]) as wt:
            assert (wt / "svc" / "a.py").read_text() == SHELL
            assert not (wt / "svc" / "m1.py").exists()  # only the requested files are checked out
            raise RuntimeError("scanner blew up")
    assert not wt.exists() and not wt.parent.exists()
    assert git(repo, "worktree", "list").count("\n") == 1


def test_unknown_ref_is_one_line(repo):
    with pytest.raises(BaselineError) as err:
        collect_security(repo, scanners=["bandit"], baseline_ref="origin/nope")
    assert "baseline ref 'origin/nope' not found" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(BaselineError):
        merge_base(repo, "--output=/tmp/x")


def test_changed_files_skip_deleted_and_links(repo):
    (repo / "svc" / "m1.py").unlink()
    (repo / "svc" / "link.py").symlink_to("/etc/passwd")
    (repo / "svc" / "m2.py").write_text("x = 2\n")
    commit(repo)
    assert changed_files(repo, "main") == ["svc/m2.py"]


def _sarif(tool, results):
    return {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": tool}}, "results": [
        {"ruleId": r, "level": "error", "message": {"text": r},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": p}, "region": {"startLine": 1}}}],
         "partialFingerprints": {"primaryLocationLineHash": h}} for r, p, h in results]}]}


def test_baseline_sarif(tmp_path):
    head = tmp_path / "head.sarif"
    base = tmp_path / "base.sarif"
    head.write_text(json.dumps(_sarif("CodeQL", [("py/a", "x.py", "1:1"), ("py/b", "y.py", "2:1")])))
    base.write_text(json.dumps(_sarif("CodeQL", [("py/a", "x.py", "1:1"), ("py/c", "z.py", "3:1")])))
    ev = collect_security(tmp_path, sarif_paths=[str(head)], baseline_sarif=str(base))
    assert [f.rule_id for f in ev.new] == ["py/b"]
    assert [f.rule_id for f in ev.fixed] == ["py/c"]
    assert [f.rule_id for f in ev.unchanged] == ["py/a"]
    assert ev.to_report()["findings"][0]["new"] in (True, False)
    quiet = collect_security(tmp_path, sarif_paths=[str(head)], baseline_sarif=str(base), exclude=["y.py"])
    assert quiet.new == [] and [f.rule_id for f in quiet.fixed] == ["py/c"]
    assert "1 finding(s) in excluded paths left out" in quiet.notices


def test_sarif_without_baseline_counts_only_changed_files_as_new(repo, tmp_path):
    (repo / "svc" / "b.py").write_text(YAML)
    commit(repo)
    log = tmp_path / "codeql.sarif"
    log.write_text(json.dumps(_sarif("CodeQL", [("py/a", "svc/a.py", "1:1"), ("py/b", "svc/b.py", "2:1")])))
    ev = collect_security(repo, sarif_paths=[str(log)], baseline_ref="main")
    assert [f.path for f in ev.new] == ["svc/b.py"]
    assert [f.path for f in ev.unchanged] == ["svc/a.py"]
    assert any("no baseline for codeql" in n for n in ev.notices)


def test_compare_is_a_multiset():
    def f(fp):
        return Finding("t", "r", "high", "error", "m", "a.py", 1, None, fp)
    cmp = compare([f("x"), f("x"), f("y")], [f("x"), f("z")])
    assert [x.fingerprint for x in cmp.new] == ["x", "y"]
    assert [x.fingerprint for x in cmp.unchanged] == ["x"]
    assert [x.fingerprint for x in cmp.fixed] == ["z"]
