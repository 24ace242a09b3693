"""Regenerate docs/comment-<example>.md and .png: the PR comment of each bundled example,
and a picture of it rendered roughly as GitHub renders it (GFM, Mermaid drawn).

    .venv/bin/python scripts/render_comment.py

Needs what tests/report/test_mermaid.py needs (.ci/run installs both): Chromium and
mermaid-cli in .venv/mermaid. The comment is rendered with a sample repository context
(`acme/telehealth` at a fixed commit), so its links look as they do on a pull request.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from markdown_it import MarkdownIt  # noqa: E402

from gate.report.markdown import render_markdown  # noqa: E402

EXAMPLES = ("telehealth-platform", "hardened-service")
AS_OF = dt.date(2026, 12, 1)
CONTEXT = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/telehealth",
           "GITHUB_SHA": "3f1c2a9b7d10e5c4b8a6f2d1e0c9b8a7f6e5d4c3"}
MMDC = ROOT / ".venv" / "mermaid" / "node_modules" / ".bin" / "mmdc"
CSS = """body{font:14px/1.5 -apple-system,'Segoe UI','Noto Sans',Helvetica,Arial,sans-serif;color:#1f2328;
max-width:860px;margin:16px auto;padding:16px 24px;border:1px solid #d1d9e0;border-radius:6px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#eff2f5;padding:.2em .4em;border-radius:6px}
table{border-collapse:collapse}td,th{border:1px solid #d1d9e0;padding:4px 10px}a{color:#0969da;text-decoration:none}
h2{border-bottom:1px solid #d1d9e0;padding-bottom:.3em}details{margin:8px 0}summary{cursor:pointer}
img{max-width:100%}sub{color:#59636e}"""
SHOT = """
const puppeteer = require('puppeteer-core');
(async () => {
  const browser = await puppeteer.launch({executablePath: process.argv[1], args: ['--no-sandbox', '--disable-gpu']});
  const page = await browser.newPage();
  await page.setViewport({width: 960, height: 800, deviceScaleFactor: 1});
  await page.goto('file://' + process.argv[2], {waitUntil: 'load'});
  await page.screenshot({path: process.argv[3], fullPage: true});
  await browser.close();
})().catch(e => { console.error(e.message); process.exit(1); });
"""


def comment(example: str) -> str:
    from gate.cli import run_check

    report = run_check(ROOT / "examples" / example, None, today=AS_OF)
    report["repository"]["path"] = f"examples/{example}"
    return render_markdown(report, env=CONTEXT)


def picture(markdown: str, out: Path, browser: str) -> None:
    with tempfile.TemporaryDirectory(prefix="gate-comment-") as tmp:
        src, drawn = Path(tmp, "comment.md"), Path(tmp, "drawn.md")
        src.write_text(markdown, encoding="utf-8")
        config = Path(tmp, "puppeteer.json")
        config.write_text(json.dumps({"executablePath": browser, "args": ["--no-sandbox", "--disable-gpu"]}))
        if "```mermaid" in markdown:
            subprocess.run([str(MMDC), "-q", "-p", str(config), "-i", str(src), "-o", str(drawn)], check=True)
        else:
            shutil.copy(src, drawn)
        body = MarkdownIt("gfm-like", {"html": True}).render(drawn.read_text(encoding="utf-8"))
        # GitHub shows <details> closed; the picture shows the first screen as a reviewer sees it
        page = Path(tmp, "comment.html")
        page.write_text(f"<!doctype html><meta charset=utf-8><style>{CSS}</style>{body}", encoding="utf-8")
        env = dict(os.environ, NODE_PATH=str(MMDC.parents[1]))
        subprocess.run(["node", "-e", SHOT, browser, str(page), str(out)], check=True, env=env)


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not MMDC.is_file() or not browser:
        print("needs Chromium and mermaid-cli: see .ci/run", file=sys.stderr)
        return 2
    for example in EXAMPLES:
        md = comment(example)
        (ROOT / "docs" / f"comment-{example}.md").write_text(md + "\n", encoding="utf-8")
        picture(md, ROOT / "docs" / f"comment-{example}.png", browser)
        print(f"docs/comment-{example}.md, docs/comment-{example}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
