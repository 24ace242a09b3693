"""A requested scanner that is absent, crashed or timed out says so in every format, never
"0 findings"; progress for slow scans goes to stderr only when it is a terminal."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gate.collect import scanners
from gate.collect.security import SecurityEvidence
from gate.report import render
from gate.report.progress import reporter
from tests.report.reports import report, result

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sast-python-clean"


def outcomes() -> list:
    absent = scanners.run_scanners(FIXTURE, ["trivy"])[0]
    timed_out = scanners.run_bandit(FIXTURE, timeout=0.01) if scanners.bandit_available() else \
        scanners.ScanOutcome("bandit", False, reason="bandit did not finish within 0.01 s and was stopped",
                             state="timed-out")
    return [absent, timed_out]


def test_outcomes_name_why_they_did_not_run():
    absent, timed_out = outcomes()
    assert absent.status == "absent" and absent.headline.startswith("trivy not run: not installed — unknown scanner")
    assert timed_out.status == "timed-out" and timed_out.headline.startswith("bandit not run: timed out — ")
    crashed = scanners.ScanOutcome("semgrep", False, reason="semgrep failed with exit code 2: bad rule",
                                   state="crashed")
    assert crashed.headline == "semgrep not run: crashed — failed with exit code 2: bad rule"
    missing = scanners.ScanOutcome("bandit", False, reason="bandit is not installed (pip install 'readiness-gate[bandit]')",
                                   state="absent")
    assert missing.headline == "bandit not run: not installed — pip install 'readiness-gate[bandit]'"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "junit", "sarif"])
def test_every_format_says_not_run(fmt):
    r = report([result("security.sast-findings", "unknown", message="No scanner could run")])
    r.update(SecurityEvidence(outcomes=outcomes()).to_report())
    out = render(fmt, r)
    assert "trivy not run: not installed" in out and "bandit not run: timed out" in out
    assert "Security findings: 0" not in out and "Security findings (0" not in out
    if fmt == "json":
        assert [s["status"] for s in json.loads(out)["security"]["scanners"]] == ["absent", "timed-out"]


def test_progress_only_on_a_terminal(tmp_path):
    master, slave = os.openpty()
    with os.fdopen(slave, "w") as tty, open(tmp_path / "log", "w") as piped:
        assert reporter(piped) is None
        say = reporter(tty)
        assert say is not None
        scanners.set_progress(say)
        try:
            scanners.run_scanners(FIXTURE, ["trivy"])
        finally:
            scanners.set_progress(None)
    os.set_blocking(master, False)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except (BlockingIOError, OSError):
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    text = b"".join(chunks).decode()
    assert "readiness-gate: running trivy over the whole repository" in text
    assert "trivy not run: not installed" in text


def test_slow_work_is_announced_only_when_slow():
    said: list[str] = []
    from gate.report.progress import when_slow

    with when_slow(said.append, "quick", after=60):
        pass
    with when_slow(said.append, "slow", after=0.01):
        import time

        deadline = time.monotonic() + 5
        while not said and time.monotonic() < deadline:
            time.sleep(0.01)
    with when_slow(None, "silent", after=0):
        pass
    assert said == ["slow"]
