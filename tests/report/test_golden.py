"""The text and Markdown reports of both examples, read as a reviewer would.

Regenerate after an intended change with `UPDATE_GOLDEN=1 pytest tests/report/test_golden.py`
and read the diff: the matrix rows, their order and titles, and the blockers list.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from gate.cli import run_check
from gate.report import render

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
AS_OF = dt.date(2026, 12, 1)  # freshness and waivers judged on a fixed day, so the files never rot
CASES = [(example, fmt) for example in ("telehealth-platform", "hardened-service") for fmt in ("text", "markdown")]


@pytest.mark.parametrize("example, fmt", CASES, ids=[f"{e}-{f}" for e, f in CASES])
def test_report_matches_golden(example, fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    for var in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_REF", "GITHUB_BASE_REF", "GITHUB_HEAD_REF"):
        monkeypatch.delenv(var, raising=False)
    report = run_check(Path("examples") / example, None, today=AS_OF)
    out = render(fmt, report, color=False) if fmt == "text" else render(fmt, report)
    golden = GOLDEN / f"{example}.{'txt' if fmt == 'text' else 'md'}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_matrix_reads_like_an_assessment():
    text = (GOLDEN / "telehealth-platform.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("│")]
    titles = [r.split("│")[1].strip() for r in rows]
    assert titles[:2] == ["CI/CD pipeline", "Security & compliance"]
    assert {"Monitoring & observability", "Backup, DR & scaling", "Performance & load testing",
            "Database & migrations"} <= set(titles)
    status = {r.split("│")[1].strip(): r.split("│")[2].strip() for r in rows}
    # the seed assessment: CI/CD missing, observability and backup partial, performance missing
    assert status["CI/CD pipeline"] == "fail"
    assert status["Monitoring & observability"] == "partial"
    assert status["Backup, DR & scaling"] == "partial"
    assert status["Performance & load testing"] == "fail"
