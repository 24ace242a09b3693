"""Repositories built to be slow: the gate still ends with a verdict, bounded.

These are hang detectors (a generous subprocess timeout), not timing targets: the
bench/ scripts measure speed. Each shape once made a rule super-linear."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HANG = 120  # seconds: far above a healthy run (about one second), far below forever


def _check(root: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "gate", "check", str(root), "--format", "json"],
                          capture_output=True, text=True, timeout=HANG)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


def test_a_thousand_chained_production_jobs(tmp_path):
    lines = ["name: chain", "on: push", "jobs:"]
    for i in range(1000):
        lines += [f"  j{i}:", "    runs-on: x", "    environment: production"]
        lines += [f"    needs: [j{i - 1}]"] if i else []
        lines += ["    steps:", "      - run: kubectl apply -f k8s/"]
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "chain.yml").write_text("\n".join(lines) + "\n")
    report = _check(tmp_path)
    valid = next(r for r in report["results"] if r["id"] == "ci.workflow-valid")
    assert valid["status"] == "fail" and "more than 500 jobs" in json.dumps(valid)
    # every finding stays bounded however many deploys fail
    assert all(len(r["locations"]) <= 50 for r in report["results"])


def test_many_workflows_and_a_wide_matrix(tmp_path):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    axis = "[" + ", ".join(f"v{i}" for i in range(60)) + "]"
    matrix = "\n".join(f"        k{k}: {axis}" for k in range(8))  # 60**8 combinations if expanded naively
    for n in range(300):
        wf.joinpath(f"w{n}.yml").write_text(
            f"on: pull_request\njobs:\n  t:\n    runs-on: x\n    strategy:\n      matrix:\n{matrix}\n"
            f"    environment: ${{{{ matrix.k0 }}}}\n    steps:\n      - run: pytest\n")
    report = _check(tmp_path)
    assert report["verdict"] in ("PASS", "FAIL")


@pytest.mark.parametrize("depth", [200])
def test_deep_folders_and_many_files(tmp_path, depth):
    deep = tmp_path
    for i in range(depth):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "Dockerfile").write_text("FROM scratch\n")
    for i in range(3000):
        (tmp_path / f"f{i}.py").write_text("x = 1\n")
    report = _check(tmp_path)
    assert any("deeper than" in n for n in report["notices"])
