"""The pipeline picture: bounded, production always drawn, labels kept, and every Mermaid
block the suite's comments contain parsed by the real Mermaid library (mermaid-cli driving
the system Chromium, one browser start for all blocks)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gate.cli import run_check
from gate.report.markdown import render_markdown
from gate.report.mermaid import MAX_NODES, label, mermaid
from tests.report.reports import pipeline, report, result

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
# pipelines the deploy facts derive from real workflows: needs, workflow_run and release chains, matrices
REAL_PIPELINES = ("delivery-needs-chain-staging-to-production", "delivery-workflow-run-chain",
                  "delivery-release-chain", "delivery-matrix-environments", "no-ci-deployable")
GOLDEN = Path(__file__).parent / "golden"
HOSTILE = 'prod "eu" [blue] <b>x</b> `y` #1 | café → ☁️ end\\'


def telehealth_like() -> dict:
    """Deploy configuration, no pipeline: production reached by hand, CI/promotion/rollback missing."""
    return {"stages": [
        {"id": "checks", "kind": "checks", "label": "pull-request checks", "tier": None, "present": False,
         "how": "workflow", "gates": [], "jobs": [], "location": None},
        {"id": "env:vercel", "kind": "environment", "label": "Vercel (web)", "tier": "production", "present": True,
         "how": "by hand", "gates": [], "jobs": [], "location": {"path": "web/vercel.json", "line": 1}},
        {"id": "env:railway", "kind": "environment", "label": "Railway (api)", "tier": "production", "present": True,
         "how": "by hand", "gates": [], "jobs": [], "location": {"path": "api/railway.json", "line": 1}}],
        "edges": [], "missing": [{"what": "ci", "label": "no CI"}, {"what": "promotion", "label": "no promotion"},
                                 {"what": "rollback", "label": "no rollback"}],
        "rollback": [], "reached": "production ← by hand", "unknown": []}


def hostile() -> dict:
    p = pipeline(3, rollback=True)
    p["stages"][-1]["label"] = HOSTILE
    p["stages"][-1]["gates"] = ["reviewers: @ops [2]"]
    p["edges"][-1]["label"] = 'on "release" (tag v*)'
    p["rollback"][0]["mechanism"] = "kubectl rollout undo deploy/api -n prod # «fast»"
    return p


PIPELINES = {
    "two-envs": pipeline(2),
    "sixteen-stages": pipeline(14, rollback=True),
    "telehealth-like": telehealth_like(),
    "hostile-labels": hostile(),
    "missing-staging": pipeline(1, missing=[{"what": "staging", "label": "no staging"},
                                            {"what": "rollback", "label": "no rollback"}]),
    "older-report": {"environments": [{"name": "staging", "tier": "staging"}, {"name": "production", "tier": "production"}],
                     "promotions": [{"from": "staging", "to": "production", "how": "needs: deploy-staging"}],
                     "rollback": []},
}


def nodes(chart: str) -> list[str]:
    return re.findall(r"^\s+(\w+)[\[(]", chart, flags=re.M)


def test_bounded_with_production_always_drawn():
    chart = mermaid(PIPELINES["sixteen-stages"])
    stage_nodes = [n for n in nodes(chart) if n.startswith("s") or n == "more"]
    assert len(stage_nodes) <= MAX_NODES
    assert '"production · 🔒 required reviewers"' in chart
    assert '"+9 more"' in chart
    assert "↩ rollback: helm rollback (.github/workflows/rollback.yml:21)" in chart


def test_missing_parts_are_dashed_and_marked():
    chart = mermaid(PIPELINES["telehealth-like"])
    assert '"✗ pull-request checks · no CI"' in chart and '"✗ no promotion"' in chart and '"✗ no rollback"' in chart
    assert "Vercel (web) · production · by hand" in chart and "Railway (api) · production · by hand" in chart
    classed = re.search(r"class (\S+) missing", chart).group(1).split(",")
    assert len(classed) == 3
    # boxes are laid out left to right even with no promotion edge between them
    assert "s0 ~~~ s1" in chart


def test_labels_keep_unicode_and_brackets():
    chart = mermaid(PIPELINES["hostile-labels"]).removeprefix("```mermaid").removesuffix("```")
    assert "café → ☁️" in chart and "[blue]" in chart and "(tag v*)" in chart and "«fast»" in chart
    assert "<b>" not in chart and "`" not in chart and "#quot;eu#quot;" in chart
    edge = label("workflow_run after .github/workflows/staging.yml, which deploys staging", 48)
    assert edge == '"workflow_run after staging.yml, which deploys…"'  # the path yields before a word is cut
    assert label("a" * 200).endswith('…"') and len(label("word " * 40)) < 100


MERMAID = ROOT / ".venv" / "mermaid" / "node_modules"
# One browser, one page, every block through mermaid.parse: what GitHub's renderer would reject.
PARSE = """
const puppeteer = require('puppeteer-core');
(async () => {
  const [browserPath, lib, blocksFile] = process.argv.slice(1);
  const blocks = JSON.parse(require('fs').readFileSync(blocksFile, 'utf8'));
  const browser = await puppeteer.launch({executablePath: browserPath, args: ['--no-sandbox', '--disable-gpu']});
  const page = await browser.newPage();
  await page.setContent('<!doctype html><body></body>');
  await page.addScriptTag({path: lib});
  const errors = await page.evaluate(async (blocks) => {
    mermaid.initialize({startOnLoad: false});
    const out = [];
    for (const b of blocks) {
      try { await mermaid.parse(b); out.push(null); } catch (e) { out.push(String((e && e.message) || e)); }
    }
    return out;
  }, blocks);
  await browser.close();
  process.stdout.write(JSON.stringify(errors));
})().catch(e => { console.error(e.message); process.exit(2); });
"""


def _mermaid() -> tuple[str, Path] | None:
    """The system Chromium and the Mermaid library that mermaid-cli installs (with puppeteer-core)."""
    browser = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or next(
        (p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")) if p), None)
    lib = MERMAID / "mermaid" / "dist" / "mermaid.min.js"
    if not browser or not lib.is_file() or not (MERMAID / "puppeteer-core").is_dir() or not shutil.which("node"):
        return None
    return browser, lib


def parse_errors(blocks: list[str], tmp_path: Path) -> list[str | None]:
    browser, lib = _mermaid()
    data = tmp_path / "blocks.json"
    data.write_text(json.dumps(blocks), encoding="utf-8")
    proc = subprocess.run(["node", "-e", PARSE, browser, str(lib), str(data)], capture_output=True, text=True,
                          timeout=300, env=dict(os.environ, NODE_PATH=str(MERMAID)))
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


needs_mermaid = pytest.mark.skipif(_mermaid() is None, reason=(
    "mermaid-cli or Chromium is not installed (.ci/run installs both: apt-get install chromium; "
    "PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix .venv/mermaid @mermaid-js/mermaid-cli)"))


@needs_mermaid
def test_every_mermaid_block_parses_with_the_real_library(tmp_path):
    comments = [render_markdown(report([result("ci.tests-run", "fail")], pipeline=p)) for p in PIPELINES.values()]
    comments += [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))]
    comments += [render_markdown(run_check(FIXTURES / name, None)) for name in REAL_PIPELINES]
    blocks = list(dict.fromkeys(b for c in comments for b in re.findall(r"```mermaid\n(.*?)```", c, flags=re.S)))
    assert len(blocks) >= len(PIPELINES) + len(REAL_PIPELINES)
    # the last block is broken on purpose: the parser must be seen to reject something
    *errors, broken = parse_errors(blocks + ["flowchart LR\n  a[[[ -->\n"], tmp_path)
    assert [(b, e) for b, e in zip(blocks, errors) if e] == []
    assert broken and broken.startswith("Parse error")
