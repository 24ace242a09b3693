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

from gate.report.markdown import render_markdown
from gate.report.mermaid import MAX_NODES, label, mermaid
from tests.report.reports import pipeline, report, result

ROOT = Path(__file__).resolve().parents[2]
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
    assert label("a" * 200).endswith('…"') and len(label("word " * 40)) < 100


def _mermaid_cli() -> tuple[str, str] | None:
    mmdc = shutil.which("mmdc") or str(ROOT / ".venv" / "mermaid" / "node_modules" / ".bin" / "mmdc")
    browser = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or next(
        (p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")) if p), None)
    if not Path(mmdc).is_file() or not browser:
        return None
    return mmdc, browser


def test_every_mermaid_block_parses_with_the_real_library(tmp_path):
    cli = _mermaid_cli()
    if cli is None:
        pytest.skip("mermaid-cli or Chromium is not installed (.ci/run installs both: "
                    "apt-get install chromium; npm install --prefix .venv/mermaid @mermaid-js/mermaid-cli)")
    mmdc, browser = cli
    comments = [render_markdown(report([result("ci.tests-run", "fail")], pipeline=p)) for p in PIPELINES.values()]
    comments += [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))]
    blocks = list(dict.fromkeys(b for c in comments for b in re.findall(r"```mermaid\n(.*?)```", c, flags=re.S)))
    assert len(blocks) >= len(PIPELINES)
    doc = tmp_path / "all.md"
    doc.write_text("\n\n".join(f"```mermaid\n{b}```" for b in blocks), encoding="utf-8")
    config = tmp_path / "puppeteer.json"
    config.write_text(json.dumps({"executablePath": browser, "args": ["--no-sandbox", "--disable-gpu"]}))
    proc = subprocess.run([mmdc, "-q", "-p", str(config), "-i", str(doc), "-o", str(tmp_path / "out.md")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(list(tmp_path.glob("out-*.svg"))) == len(blocks)
