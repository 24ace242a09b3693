"""Wall time of `readiness-gate check` with zizmor inside against `zizmor --offline` alone (issue 18).

    .venv/bin/python bench/bench_zizmor.py [--rounds 5] [--corpus ../shared/corpus/dev]

For every repository of the corpus, each a fresh process as a pull request's job runs it:
- check:   `readiness-gate check REPO --format json` (zizmor runs beside collection);
- zizmor:  `zizmor --offline REPO` alone, as a team that already runs it does;
- gate:    the same check with an instant stand-in for zizmor (READINESS_GATE_ZIZMOR),
           i.e. the gate's own work, to show what running them one after the other
           would cost (gate + zizmor) against running them side by side (check).
Medians of `--rounds` runs per repository; the figure is the sum over the corpus and
the median of the per-repository ratios check / zizmor. Target: ≤ 1.2×.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = Path(sys.executable)
TARGET = 1.2


def wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def median(cmd: list[str], rounds: int, env: dict[str, str] | None = None) -> float:
    return statistics.median(wall(cmd, env) for _ in range(rounds))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = ap.parse_args()
    repos = sorted(p for p in args.corpus.iterdir() if p.is_dir()) if args.corpus.is_dir() else []
    zizmor = str(PY.parent / "zizmor") if (PY.parent / "zizmor").exists() else shutil.which("zizmor")
    gate = str(PY.parent / "readiness-gate")
    if not repos or not zizmor:
        print(f"nothing to time: corpus {args.corpus} or zizmor missing")
        return 0
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_TOKEN", "GH_TOKEN")}
    with tempfile.TemporaryDirectory() as tmp:
        stand_in = Path(tmp, "zizmor")
        stand_in.write_text("#!/bin/sh\necho '[]'\n")
        stand_in.chmod(0o755)
        rows = []
        for repo in repos:
            check = median([gate, "check", str(repo), "--format", "json"], args.rounds, env)
            alone = median([zizmor, "--offline", str(repo)], args.rounds, env)
            own = median([gate, "check", str(repo), "--format", "json"], args.rounds,
                         {**env, "READINESS_GATE_ZIZMOR": str(stand_in)})
            rows.append((repo.name, check, alone, own))
            print(f"{repo.name[:48]:48} check {check * 1000:6.0f} ms  zizmor {alone * 1000:6.0f} ms  "
                  f"gate alone {own * 1000:6.0f} ms  ratio {check / alone:5.2f}×", flush=True)
    check_sum, alone_sum, own_sum = (sum(r[i] for r in rows) for i in (1, 2, 3))
    per_repo = statistics.median(r[1] / r[2] for r in rows)
    print(f"\n{len(rows)} repositories, median of {args.rounds} runs each")
    print(f"check with zizmor inside  {check_sum:7.2f} s")
    print(f"zizmor --offline alone    {alone_sum:7.2f} s")
    print(f"gate without zizmor       {own_sum:7.2f} s   one after the other would be {own_sum + alone_sum:.2f} s")
    ratio = check_sum / alone_sum
    print(f"ratio check / zizmor      {ratio:7.2f}×  (median per repository {per_repo:.2f}×)  "
          f"target ≤ {TARGET}×: {'ok' if ratio <= TARGET else 'OVER'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
