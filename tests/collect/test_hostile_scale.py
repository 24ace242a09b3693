"""Repositories built to be slow: the gate still ends with a verdict, bounded.

These are hang detectors (a generous subprocess timeout), not timing targets: the
bench/ scripts measure speed. Each shape once made a rule super-linear."""
from __future__ import annotations

import json
import os
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


# ---------------------------------------------------------------- work counted, not timed

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_COLLECT = """
import json, sys
from gate.collect import collect
from gate.collect.repo import WALKS
from gate.evaluate import evaluate
from gate.policy.load import load_policy
from gate.model import lazyre
from gate.policy.signatures import compiled_patterns
root = sys.argv[1]
policy = load_policy(None, root, env={})
evidence = collect(root, policy)
evaluate(evidence, policy)
print(json.dumps({"compiled": compiled_patterns() + lazyre.compiled, "walks": WALKS[0],
                  "reads": dict(evidence.repo.reads), "files": len(evidence.repo.files)}))
"""


def _work(root: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", _COLLECT, str(root)], capture_output=True, text=True, timeout=HANG)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _terraform(pattern: str) -> bool:
    return "terraform" in pattern.lower() or 'resource\\s+"' in pattern


def _iac_types() -> set[str]:
    from gate.policy.load import load_policy
    groups = load_policy(None, FIXTURES / "ci-tests-via-makefile", env={}).signatures.groups("iac_settings")
    return {entry.split()[0] for entries in groups.values() for entry in entries}


def test_a_repository_without_terraform_compiles_no_terraform_pattern():
    catalogue = sum(1 for _ in _catalogue())
    without = _work(FIXTURES / "ci-tests-via-makefile")
    assert not [p for p in without["compiled"] if _terraform(p)]
    # nor any of the resource-type patterns infrastructure settings are judged by
    assert not set(without["compiled"]) & _iac_types()
    # the catalogue's cost does not follow its size: most of it is never compiled
    assert len(without["compiled"]) < catalogue // 10, (len(without["compiled"]), catalogue)
    with_tf = _work(FIXTURES / "iac-terraform-validated")  # the twin: Terraform in CI and on disk
    assert [p for p in with_tf["compiled"] if _terraform(p)]


def test_the_tree_is_walked_once_and_each_file_read_at_most_once():
    for name in ("ops-all-covered", "policy-custom", "delivery-release-chain"):
        work = _work(FIXTURES / name)
        assert work["walks"] == 1
        assert work["reads"] and max(work["reads"].values()) == 1, work["reads"]
        assert len(work["reads"]) <= work["files"]


def test_vendored_and_generated_folders_are_never_entered(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("x = 1\n")
    for skipped in ("node_modules/pkg", "vendor/github.com/x", "dist", ".venv/lib"):
        d = tmp_path / skipped
        d.mkdir(parents=True)
        for i in range(50):
            (d / f"f{i}.yml").write_text("on: push\n")
    work = _work(tmp_path)
    assert work["files"] == 1 and work["walks"] == 1


_IMPORTS = """
import contextlib, io, json, sys
from gate.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["check", sys.argv[1], "--format", "json"], standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} - set(sys.stdlib_module_names))))
"""
# what the interpreter itself loads: the editable install's finder, setuptools' hook, the C YAML loader's runtime
_INTERPRETER = ("__editable__", "_distutils_hack", "_cython", "cython_runtime", "_virtualenv", "__main__", "_yaml")


@pytest.mark.parametrize("fixture", ["ci-tests-via-makefile", "delivery-needs-chain-staging-to-production",
                                     "ops-healthcheck-compose-postgres-only"])
def test_check_without_scanners_or_token_imports_click_yaml_msgspec_and_the_standard_library_only(fixture):
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GITHUB_REPOSITORY")}
    proc = subprocess.run([sys.executable, "-c", _IMPORTS, str(FIXTURES / fixture)], capture_output=True,
                          text=True, timeout=HANG, env=env)
    assert proc.returncode == 0, proc.stderr
    third_party = [m for m in json.loads(proc.stdout) if not m.startswith(_INTERPRETER)]
    # no rich (no terminal is drawn for --format json), no jsonschema (a preset is not validated at run
    # time), no requests (no token); an HCL parser only where there is Terraform to read; msgspec for
    # the typed records (which use typing_extensions where the environment has it)
    assert sorted(set(third_party) - {"typing_extensions"}) == ["click", "gate", "msgspec", "yaml"]


def _catalogue():
    import yaml

    def walk(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            for v in value:
                yield from walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                yield from walk(v)

    for name in ("defaults", "ops"):
        doc = yaml.safe_load((Path(__file__).resolve().parents[2] / "gate" / "policies" / f"{name}.yml").read_text())
        yield from walk(doc.get("signatures") or {})
