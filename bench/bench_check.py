"""Time `readiness-gate check` over ../shared/corpus/dev against the floor of just
parsing the same workflow YAML with the C loader, and print both and their ratio.

    .venv/bin/python bench/bench_check.py [--rounds 5]

The check is timed in-process (collect → evaluate → score → report, all formats'
input), the floor as `yaml.load(text, CSafeLoader)` of every file the check parsed
(workflows and local actions). Best of N rounds for each, so noise from the other
core does not decide the ratio. A second figure times the CLI as a user runs it
(a fresh process per repository), start-up included.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def yaml_files(repo: Path) -> list[Path]:
    wf = repo / ".github" / "workflows"
    files = [p for p in wf.glob("*.y*ml")] if wf.is_dir() else []
    files += list((repo / ".github").rglob("action.y*ml")) if (repo / ".github").is_dir() else []
    return files


def floor(repos: list[Path]) -> float:
    start = time.perf_counter()
    for repo in repos:
        for f in yaml_files(repo):
            try:
                yaml.load(f.read_text(encoding="utf-8", errors="replace"), Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                pass
    return time.perf_counter() - start


def gate(repos: list[Path]) -> float:
    from gate.cli import run_check

    start = time.perf_counter()
    for repo in repos:
        run_check(repo, None)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    repos = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
    if not repos:
        print(f"no corpus at {CORPUS}; nothing to time")
        return 0
    gate(repos)  # warm imports, compiled patterns and the policy cache once, as a long-running process would
    g = min(gate(repos) for _ in range(args.rounds))
    f = min(floor(repos) for _ in range(args.rounds))
    n_files = sum(len(yaml_files(r)) for r in repos)
    print(f"repositories: {len(repos)}, workflow/action files: {n_files}")
    print(f"readiness-gate check (in-process, best of {args.rounds}): {g * 1000:.0f} ms")
    print(f"floor: C YAML parse of the same files (best of {args.rounds}): {f * 1000:.0f} ms")
    print(f"ratio check/floor: {g / f:.2f}")
    cli = ROOT / ".venv" / "bin" / "readiness-gate"
    exe = [str(cli)] if cli.exists() else [sys.executable, "-m", "gate"]
    start = time.perf_counter()
    for repo in repos:
        subprocess.run(exe + ["check", str(repo), "--format", "json"], capture_output=True, check=False)
    per = (time.perf_counter() - start) / len(repos)
    print(f"CLI as a user runs it (fresh process per repository, start-up included): {per * 1000:.0f} ms per repository")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
