"""The real bandit and semgrep over fixtures with known vulnerable code.

Semgrep starts slowly (seconds), so it runs twice for the whole module: once over the
tree, once in file-list mode; the tests read those outcomes.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gate.collect import scanners
from gate.collect.scanners import run_bandit, run_scanners, run_semgrep

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPO = Path(__file__).resolve().parents[2]
needs_bandit = pytest.mark.skipif(not scanners.bandit_available(), reason="bandit not installed")
needs_semgrep = pytest.mark.skipif(scanners.semgrep_executable() is None, reason="semgrep not installed")


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    # A copy outside this checkout: semgrep limits a scan inside a git work tree to tracked files.
    root = tmp_path_factory.mktemp("sast")
    for name in ("sast-python-vulnerable", "sast-js-eval", "sast-python-clean"):
        shutil.copytree(FIXTURES / name, root / name)
    return root


@pytest.fixture(scope="module")
def semgrep_full(tree):
    # Offline for real: every proxy points at a closed port, so any request would fail.
    with pytest.MonkeyPatch.context() as mp:
        for var in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy"):
            mp.setenv(var, "http://127.0.0.1:9")
        return run_semgrep(tree, timeout=120)


@pytest.fixture(scope="module")
def semgrep_files(tree):
    return run_semgrep(tree, files=["sast-js-eval/src/app.js", "sast-python-clean/app.py", "gone.py"], timeout=120)


def _by_line(findings, path):
    return sorted((f.line, f.rule_id, f.severity) for f in findings if f.path == path)


@needs_bandit
def test_bandit_finds_python_vulnerabilities_with_lines_and_severities(tree):
    out = run_bandit(tree / "sast-python-vulnerable", timeout=60)
    assert out.ran and out.tool == "bandit", out.reason
    assert _by_line(out.findings, "app.py") == [
        (4, "B404", "low"),      # import subprocess
        (8, "B105", "low"),      # hard-coded password
        (12, "B602", "high"),    # subprocess shell=True
        (16, "B605", "high"),    # os.system with formatting
        (20, "B506", "medium"),  # yaml.load
        (25, "B608", "medium"),  # SQL by f-string
        (30, "B608", "medium"),  # SQL by concatenation
    ]
    shell = next(f for f in out.findings if f.rule_id == "B602")
    assert shell.column == 5 and shell.level == "error" and shell.help_uri.startswith("https://bandit")
    assert len({f.fingerprint for f in out.findings}) == len(out.findings)


@needs_bandit
def test_bandit_file_list_mode_scans_only_given_python_files(tree):
    out = run_bandit(tree, files=["sast-python-clean/app.py", "sast-js-eval/src/app.js", "missing.py"])
    assert out.ran and out.files == 1 and out.reason == "scanned 1 changed file(s)"
    assert {f.path for f in out.findings} == {"sast-python-clean/app.py"}
    none = run_bandit(tree, files=["sast-js-eval/src/app.js"])
    assert none.ran and none.findings == () and "no Python files" in none.reason


@needs_bandit
def test_bandit_time_bound(tree):
    out = run_bandit(tree, timeout=0.05)
    assert not out.ran and out.reason == "bandit did not finish within 0.05 s and was stopped"


def test_bandit_not_installed(tmp_path, tree):
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "venv")], check=True)
    python = str(next((tmp_path / "venv").glob("bin/python*")))
    out = run_bandit(tree, python=python)
    assert not out.ran and out.reason == "bandit is not installed (pip install 'readiness-gate[bandit]')"


@needs_semgrep
def test_semgrep_python_rules(semgrep_full):
    assert semgrep_full.ran, semgrep_full.reason
    assert _by_line(semgrep_full.findings, "sast-python-vulnerable/app.py") == [
        (8, "python-hardcoded-secret", "high"),
        (12, "python-subprocess-shell-true-formatted", "high"),
        (16, "python-os-system-formatted", "high"),
        (20, "python-yaml-load-unsafe", "high"),
        (25, "python-sql-string-formatting", "high"),
        (31, "python-sql-string-formatting", "high"),
    ]
    assert all(f.tool == "semgrep" for f in semgrep_full.findings)


@needs_semgrep
def test_semgrep_javascript_rules(semgrep_full):
    # eval(expr) line 6, new Function(body) line 11, exec("ls " + dir) line 15; eval("1 + 1") is fine.
    assert _by_line(semgrep_full.findings, "sast-js-eval/src/app.js") == [
        (6, "js-eval-variable", "high"),
        (11, "js-eval-variable", "high"),
        (15, "js-child-process-exec-concat", "high"),
    ]


@needs_semgrep
def test_semgrep_rules_stay_quiet_on_safe_code(semgrep_full):
    assert _by_line(semgrep_full.findings, "sast-python-clean/app.py") == []
    assert semgrep_full.reason == "scanned the whole repository" and semgrep_full.files is None


@needs_semgrep
def test_semgrep_file_list_mode(semgrep_files):
    assert semgrep_files.ran and semgrep_files.files == 2
    assert {f.path for f in semgrep_files.findings} == {"sast-js-eval/src/app.js"}


@needs_semgrep
def test_semgrep_rule_ids_do_not_depend_on_install_path(semgrep_full):
    assert all("." not in f.rule_id for f in semgrep_full.findings)


@needs_semgrep
def test_semgrep_crash_is_one_line(tree, tmp_path):
    (tmp_path / "broken.yml").write_text("rules:\n  - id: x\n    pattern: [unclosed\n")
    out = run_semgrep(tree, rules_dir=tmp_path, timeout=60)
    assert not out.ran and out.reason.startswith("semgrep failed with exit code")
    assert "\n" not in out.reason and "Traceback" not in out.reason


@needs_semgrep
def test_semgrep_time_bound(tree):
    out = run_semgrep(tree, timeout=1)
    assert not out.ran and out.reason == "semgrep did not finish within 1 s and was stopped"


def test_semgrep_not_installed(tree, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    out = run_semgrep(tree)
    assert not out.ran and out.reason == "semgrep is not installed (pip install 'readiness-gate[semgrep]')"


def test_unknown_scanner_and_no_rules(tree, tmp_path):
    assert run_scanners(tree, ["trivy"])[0].reason == "unknown scanner 'trivy' (known: bandit, semgrep)"
    if scanners.semgrep_executable():
        assert run_semgrep(tree, rules_dir=tmp_path).reason.startswith("no semgrep rule files in")


def test_import_is_cheap():
    code = ("import sys, gate.collect.scanners; "
            "print([m for m in sys.modules if m.split('.')[0] in ('bandit', 'semgrep')])")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
