"""gate.collect.zizmor: the real zizmor over fixture repositories, read into typed facts.

Only the broken-zizmor cases stand a small executable in for it (selected with
READINESS_GATE_ZIZMOR); a recording wrapper that execs the real zizmor shows what the
gate hands it.
"""
from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from gate.collect.repo import walk
from gate.collect.zizmor import EXECUTABLE_ENV, ZizmorFacts, start_zizmor, zizmor_executable, zizmor_inputs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WF = ".github/workflows"


def facts_of(root: Path, **kw) -> ZizmorFacts:
    return start_zizmor(walk(root, ()), **kw).result()


def stand_in(tmp_path: Path, body: str) -> str:
    exe = tmp_path / "bin" / "zizmor"
    exe.parent.mkdir(parents=True, exist_ok=True)
    exe.write_text("#!/bin/sh\n" + body + "\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return str(exe)


@pytest.fixture
def real_zizmor() -> str:
    exe = zizmor_executable()
    assert exe, "zizmor is a dependency of the gate; it must be installed"
    return exe


def test_inputs_are_the_workflows_and_the_actions_they_use(repo):
    root = repo({
        f"{WF}/ci.yml": "on: push\njobs:\n  t:\n    runs-on: x\n    steps:\n      - uses: ./tools/greet\n",
        f"{WF}/nested/not-a-workflow.yml": "on: push\n",
        "tools/greet/action.yml": "runs:\n  using: composite\n  steps:\n    - uses: ./tools/inner\n",
        "tools/inner/action.yaml": "runs:\n  using: composite\n  steps: []\n",
        ".github/actions/setup/action.yml": "runs:\n  using: composite\n  steps: []\n",
        "action.yml": "runs:\n  using: composite\n  steps: []\n",
        # an action that nothing uses, deep in test data: not the repository's own
        "tests/data/some/action.yml": "runs:\n  using: composite\n  steps: []\n",
    })
    assert zizmor_inputs(walk(root, ())) == [f"{WF}/ci.yml", ".github/actions/setup/action.yml", "action.yml",
                                            "tools/greet/action.yml", "tools/inner/action.yaml"]


def test_findings_keep_zizmors_file_line_column_and_docs_link():
    name = "hardening-dispatch-input-injection"
    facts = facts_of(FIXTURES / name)
    assert facts.ran and facts.inputs == (f"{WF}/release.yml",)
    (hit,) = [f for f in facts.findings if f.audit == "template-injection"]
    text = (FIXTURES / name / WF / "release.yml").read_text().splitlines()
    line = next(i + 1 for i, t in enumerate(text) if "inputs.notes" in t)
    assert (hit.location.path, hit.location.line) == (f"{WF}/release.yml", line)
    assert text[line - 1][hit.location.column - 1:].startswith("inputs.notes")  # the expression itself
    assert hit.url == "https://docs.zizmor.sh/audits/#template-injection"
    assert (hit.severity, hit.confidence, hit.waived) == ("high", "high", None)


def test_the_choice_input_beside_it_is_not_a_finding():
    facts = facts_of(FIXTURES / "hardening-dispatch-input-injection")
    assert not [f for f in facts.findings if f.audit == "template-injection" and "channel" in f.annotation]
    assert len([f for f in facts.findings if f.audit == "template-injection"]) == 1


def test_inline_ignore_is_read_with_its_reason():
    facts = facts_of(FIXTURES / "hardening-zizmor-ignore-inline")
    (hit,) = [f for f in facts.findings if f.audit == "template-injection"]
    assert hit.waived.startswith(f"`# zizmor: ignore[template-injection]` at {WF}/label.yml:12")
    assert hit.waived.endswith("the runner only echoes; reviewed by security, SEC-142")


def test_config_ignore_is_read_with_its_reason_and_agrees_with_zizmor(real_zizmor):
    root = FIXTURES / "hardening-zizmor-ignore-config"
    facts = facts_of(root)
    assert facts.config == ".github/zizmor.yml"
    (hit,) = [f for f in facts.findings if f.audit == "template-injection"]
    assert hit.waived == (".github/zizmor.yml: rules.template-injection.ignore: label.yml:12 "
                          "(the runner only echoes; reviewed by security, SEC-142)")
    # zizmor itself, honouring its configuration, reports exactly what the gate did not waive
    own = subprocess.run([real_zizmor, "--offline", "--no-exit-codes", "--format", "json", "--config",
                          ".github/zizmor.yml", f"{WF}/label.yml"], cwd=root, capture_output=True, check=True)
    reported = {(f["ident"]) for f in json.loads(own.stdout)}
    assert reported == {f.audit for f in facts.findings if f.waived is None}


def test_config_that_disables_an_audit_is_respected(repo):
    root = repo({
        f"{WF}/label.yml": (FIXTURES / "hardening-zizmor-ignore-config" / WF / "label.yml").read_text(),
        "zizmor.yml": "rules:\n  template-injection:\n    disable: true\n",
    })
    facts = facts_of(root)
    assert facts.config == "zizmor.yml" and facts.disabled == {"template-injection"}
    assert not [f for f in facts.findings if f.audit == "template-injection"]


def test_offline_and_no_token_unless_online(tmp_path, monkeypatch, real_zizmor):
    log = tmp_path / "argv.txt"
    # records what the gate hands zizmor; the real zizmor answers offline runs, and an
    # online run is answered with no findings, so no test ever reaches the network
    wrapper = stand_in(tmp_path, f'echo "$* token=${{GITHUB_TOKEN:-none}}" >> {log}\n'
                                 f'case " $* " in *" --offline "*) exec {real_zizmor} "$@";; esac\necho "[]"')
    monkeypatch.setenv(EXECUTABLE_ENV, wrapper)
    monkeypatch.setenv("GITHUB_TOKEN", "ghs_not_for_zizmor")
    facts = facts_of(FIXTURES / "hardening-script-injection")
    assert facts.ran and not facts.online and facts.findings
    call = log.read_text().splitlines()
    assert len(call) == 1  # one process a collection
    assert "--offline" in call[0].split() and call[0].endswith("token=none")
    assert facts_of(FIXTURES / "hardening-script-injection", online=True).online
    online = log.read_text().splitlines()[1]
    assert "--offline" not in online.split() and online.endswith("token=ghs_not_for_zizmor")


def test_online_without_a_token_stays_offline(tmp_path, monkeypatch):
    for name in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    facts = facts_of(FIXTURES / "hardening-script-injection", online=True)
    assert facts.ran and not facts.online


def test_no_process_without_workflows(tmp_path, monkeypatch):
    log = tmp_path / "called"
    monkeypatch.setenv(EXECUTABLE_ENV, stand_in(tmp_path, f"touch {log}; exit 2"))
    facts = facts_of(FIXTURES / "no-ci-deployable")
    assert facts.ran and facts.inputs == () and not log.exists()


@pytest.mark.parametrize("body,reason", [
    ("echo 'fatal: something broke' >&2; exit 2", "zizmor exited with status 2: fatal: something broke"),
    ("echo 'not json'", "zizmor's output is not JSON"),
    ("echo '{\"a\": 1}'", "zizmor's output is not a list of findings"),
])
def test_a_broken_zizmor_gives_a_reason_not_findings(tmp_path, monkeypatch, body, reason):
    monkeypatch.setenv(EXECUTABLE_ENV, stand_in(tmp_path, body))
    facts = facts_of(FIXTURES / "hardening-script-injection")
    assert not facts.ran and facts.findings == ()
    assert facts.reason == reason


def test_a_missing_zizmor_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv(EXECUTABLE_ENV, str(tmp_path / "nowhere" / "zizmor"))
    facts = facts_of(FIXTURES / "hardening-script-injection")
    assert not facts.ran and facts.reason.endswith("nowhere/zizmor (named by READINESS_GATE_ZIZMOR) is not an executable")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv(EXECUTABLE_ENV)
    monkeypatch.setattr("sys.executable", str(tmp_path / "python"))  # no zizmor beside the interpreter either
    facts = facts_of(FIXTURES / "hardening-script-injection")
    assert not facts.ran and facts.reason.startswith("zizmor is not installed")


def test_a_slow_zizmor_is_stopped_at_the_time_bound(tmp_path, monkeypatch):
    pid = tmp_path / "pid"
    monkeypatch.setenv(EXECUTABLE_ENV, stand_in(tmp_path, f"echo $$ > {pid}; exec sleep 60"))
    facts = facts_of(FIXTURES / "hardening-script-injection", timeout=0.5)
    assert not facts.ran and facts.reason == "zizmor did not finish within 0.5 s"
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid.read_text()), 0)  # killed, not left behind


def test_a_workflow_zizmor_cannot_parse_is_a_notice_not_a_failure(repo):
    root = repo({f"{WF}/broken.yml": "on: [push\n", f"{WF}/ok.yml": "on: push\npermissions: {}\njobs: {}\n"})
    facts = facts_of(root)
    assert facts.ran
    assert len(facts.notices) == 1 and facts.notices[0].startswith("zizmor skipped an input: failed to parse input")

