"""Pull-request scan vs full scan on a generated repository, in one run.

Generates a git repository of N Python modules (default 2,000) in a temporary
directory, commits it on `main`, changes 2 files on a branch (one gains a finding),
then times with the real bandit:
  - the PR scan: `collect_security(..., baseline_ref="main")`, which scans only the
    changed files in HEAD and in a temporary worktree of the merge base;
  - the full scan: `collect_security(...)` over the whole tree.
and prints both times and their ratio.

    .venv/bin/python bench/bench_pr_scan.py [--files 2000] [--scanners bandit]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gate.collect.security import collect_security  # noqa: E402

MODULE = '''"""Generated module {i}: enough real code for a scanner to parse."""
import json
import logging
import os
import subprocess

log = logging.getLogger(__name__)


class Service{i}:
    def __init__(self, name, retries=3):
        self.name = name
        self.retries = retries
        self.cache = {{}}

    def load(self, path):
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)

    def run(self, args):
        log.info("running %s", args)
        return subprocess.run(["echo", *args], check=True, capture_output=True)

    def total(self, items):
        value = 0
        for item in items:
            if item.get("enabled"):
                value += item.get("amount", 0) * {i}
        return value

    def env(self):
        return os.environ.get("SERVICE_{i}_URL", "http://localhost:{port}")


def helper_{i}(values):
    return sorted({{v for v in values if v is not None}})
'''


def git(repo: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull)
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def generate(root: Path, count: int) -> None:
    for i in range(count):
        pkg = root / "src" / f"pkg{i // 100:02d}"
        pkg.mkdir(parents=True, exist_ok=True)
        (pkg / f"mod{i:05d}.py").write_text(MODULE.format(i=i, port=8000 + i % 1000))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "checkout", "-q", "-b", "feature")
    # The pull request: one file gains a shell injection, another a harmless edit.
    first = root / "src" / "pkg00" / "mod00000.py"
    first.write_text(first.read_text() + '\n\ndef ping(host):\n    os.system("ping -c 1 %s" % host)\n')
    second = root / "src" / "pkg00" / "mod00001.py"
    second.write_text(second.read_text().replace("retries=3", "retries=5"))
    git(root, "commit", "-q", "-am", "change two files")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--scanners", default="bandit")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    tools = [t for t in args.scanners.split(",") if t]
    with tempfile.TemporaryDirectory(prefix="gate-bench-") as tmp:
        root = Path(tmp) / "repo"
        root.mkdir()
        t0 = time.monotonic()
        generate(root, args.files)
        print(f"generated {args.files} Python files and 2 commits in {time.monotonic() - t0:.1f} s")

        t0 = time.monotonic()
        pr = collect_security(root, scanners=tools, baseline_ref="main", timeout=args.timeout)
        pr_s = time.monotonic() - t0
        t0 = time.monotonic()
        full = collect_security(root, scanners=tools, timeout=args.timeout)
        full_s = time.monotonic() - t0

        for name, ev in (("PR", pr), ("full", full)):
            for o in ev.outcomes:
                if not o.ran:
                    print(f"{name} scan: {o.tool} did not run: {o.reason}")
                    return 1
        new = [(f.tool, f.rule_id, f.where()) for f in pr.new or []]
        print(f"PR scan   ({len(pr.changed_files or [])} changed files, HEAD + baseline worktree): "
              f"{pr_s:7.2f} s   new={len(pr.new or [])} fixed={len(pr.fixed)} unchanged={len(pr.unchanged)}")
        print(f"full scan ({args.files} files): {full_s:7.2f} s   findings={len(full.findings)}")
        print(f"ratio full/PR: {full_s / pr_s:.1f}x")
        print(f"new findings in the PR: {new}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
