"""What one `check` costs against its floors, in one run (issue 17).

    .venv/bin/python bench/bench_speed.py [--rounds 5] [--only corpus,version,files,sarif] [--src DIR]

Every figure is a fresh process, as a pull request's job runs it, measured with
`os.wait4` (user+system CPU, wall, peak resident memory of that process alone);
each is the median of `--rounds` runs so the other core's noise does not decide it.

- corpus:  `readiness-gate check REPO` against `zizmor --offline REPO`, for every
           repository of ../shared/corpus/*/ — per-repository median, then the median
           of the per-repository ratios (target ≤ 1.0× CPU);
- version: `readiness-gate --version` against `python -c 'import yaml, click'` (≤ 1.5×);
- files:   `check` of a generated 50,000-file repository against a bare `os.walk` of it (≤ 5×);
- sarif:   loading a generated 100,000-result SARIF against `json.load` of it (≤ 3×).

`--src DIR` runs the gate from another source tree (e.g. an export of an older commit)
with the same interpreter, to measure before and after. Byte-code is cached (in a
private PYTHONPYCACHEPREFIX, warmed once) as in any installed package, so no figure
includes compiling the gate's own source.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PY = sys.executable


def measure(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None) -> tuple[float, float, int]:
    """(cpu seconds, wall seconds, peak RSS in MiB) of one run of `cmd`, its output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4; keep Popen from waiting again
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024


def median_of(cmd: list[str], rounds: int, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    runs = [measure(cmd, env) for _ in range(rounds)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), max(r[2] for r in runs))


def show(name: str, gate: tuple[float, float, int], floor: tuple[float, float, int], floor_name: str,
         target: float) -> None:
    cpu_ratio, wall_ratio = gate[0] / floor[0], gate[1] / floor[1]
    mark = "ok" if cpu_ratio <= target else "OVER"
    print(f"{name:8} gate   cpu {gate[0] * 1000:8.0f} ms  wall {gate[1] * 1000:8.0f} ms  peak {gate[2]:5d} MiB")
    print(f"{'':8} {floor_name:6} cpu {floor[0] * 1000:8.0f} ms  wall {floor[1] * 1000:8.0f} ms  peak {floor[2]:5d} MiB")
    print(f"{'':8} ratio  cpu {cpu_ratio:6.2f}×  wall {wall_ratio:6.2f}×   target ≤ {target}× cpu: {mark}")


def corpus(gate_cmd: list[str], env: dict[str, str], rounds: int) -> None:
    repos = sorted(p for group in sorted(CORPUS.iterdir()) if group.is_dir() and not group.name.endswith("labels")
                   for p in group.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
    zizmor = shutil.which("zizmor") or str(Path(PY).parent / "zizmor")
    if not repos or not Path(zizmor).exists():
        print("corpus   skipped: no corpus beside the checkout or no zizmor")
        return
    # The check runs zizmor itself (the hardening engine), so its CPU includes one zizmor run;
    # "own" is the same check with the zizmor executable pointed at nothing: the gate's own work.
    own_env = {**env, "READINESS_GATE_ZIZMOR": "/nonexistent/zizmor"}
    rows = []
    for repo in repos:
        g = median_of(gate_cmd + ["check", str(repo), "--format", "json"], rounds, env)
        o = median_of(gate_cmd + ["check", str(repo), "--format", "json"], rounds, own_env)
        z = median_of([zizmor, "--offline", str(repo)], rounds)
        rows.append((g, o, z))
    med = lambda xs, i: statistics.median(x[i] for x in xs)  # noqa: E731
    g_all, o_all, z_all = ([r[k] for r in rows] for k in range(3))
    print(f"corpus   {len(repos)} repositories, median of {rounds} runs each")
    z_med = (med(z_all, 0), med(z_all, 1), max(x[2] for x in z_all))
    show("corpus", (med(o_all, 0), med(o_all, 1), max(x[2] for x in o_all)), z_med, "zizmor", 1.0)
    print(f"{'':8} (gate's own work: the check with its zizmor run left out)")
    own = [r[1][0] / r[2][0] for r in rows]
    print(f"{'':8} median of per-repository ratios: own cpu {statistics.median(own):.2f}×; worst {max(own):.2f}×")
    show("corpus+z", (med(g_all, 0), med(g_all, 1), max(x[2] for x in g_all)), z_med, "zizmor", 2.0)
    print(f"{'':8} (the whole check, its own zizmor run included)")
    # the part no Python tool can go under: the interpreter and the two libraries a check needs
    floor = median_of([PY, "-c", "import yaml, click"], rounds, env)
    print(f"{'':8} python + import yaml, click alone: cpu {floor[0] * 1000:.0f} ms = {floor[0] / z_med[0]:.2f}× zizmor")


def version(gate_cmd: list[str], env: dict[str, str], rounds: int) -> None:
    g = median_of(gate_cmd + ["--version"], rounds, env)
    f = median_of([PY, "-c", "import yaml, click"], rounds, env)
    show("version", g, f, "import", 1.5)


def make_tree(root: Path, n: int) -> None:
    """n files the way a monorepo holds them: sources in packages, a few configs, one workflow."""
    wf = root / ".github" / "workflows"
    wf.mkdir(parents=True)
    wf.joinpath("ci.yml").write_text("on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
                                     "    steps:\n      - uses: actions/checkout@v4\n      - run: pytest\n")
    per_dir = 100
    for i in range(n - 1):
        d = root / "src" / f"pkg{i // (per_dir * 10):03d}" / f"mod{(i // per_dir) % 10}"
        if i % per_dir == 0:
            d.mkdir(parents=True, exist_ok=True)
        ext = (".py", ".ts", ".go", ".md", ".json")[i % 5]
        d.joinpath(f"f{i}{ext}").write_text("x = 1\n")


def files(gate_cmd: list[str], env: dict[str, str], rounds: int, n: int = 50_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        make_tree(root, n)
        g = median_of(gate_cmd + ["check", str(root), "--format", "json"], rounds, env)
        f = median_of([PY, "-c", "import os, sys\nfor _ in os.walk(sys.argv[1]): pass", str(root)], rounds, env)
        show("files", g, f, "walk", 5.0)
        # what the files cost on top of a check of an empty repository (the fixed cost: start-up, policy)
        empty = Path(tmp) / "empty"
        empty.mkdir()
        e = median_of(gate_cmd + ["check", str(empty), "--format", "json"], rounds, env)
        print(f"{'':8} empty-repository check cpu {e[0] * 1000:.0f} ms; the files' own cost "
              f"{(g[0] - e[0]) * 1000:.0f} ms = {(g[0] - e[0]) / f[0]:.2f}× the walk")


def make_sarif(path: Path, n: int) -> None:
    results = []
    for i in range(n):
        results.append({"ruleId": f"R{i % 50}", "level": "error" if i % 1000 == 0 else "note",
                        "message": {"text": f"finding {i}"},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": f"pkg/m{i % 2000}.py"},
                                                            "region": {"startLine": i % 500 + 1}}}],
                        "partialFingerprints": {"primaryLocationLineHash": f"{i:016x}:1"}})
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "bench", "rules": []}}, "results": results}]}
    path.write_text(json.dumps(log))


def sarif(gate_cmd: list[str], env: dict[str, str], rounds: int, n: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huge.sarif"
        make_sarif(path, n)
        load = "import sys\nfrom gate.collect.sarif import load_file\nload_file(sys.argv[1], sys.argv[2])"
        g = median_of([PY, "-c", load, str(path), tmp], rounds, env)
        f = median_of([PY, "-c", "import json, sys\njson.load(open(sys.argv[1], 'rb'))", str(path)], rounds, env)
        size = path.stat().st_size >> 20
        print(f"sarif    {n} results, {size} MiB")
        show("sarif", g, f, "json", 3.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", default="corpus,version,files,sarif")
    ap.add_argument("--src", help="run the gate from this source tree (PYTHONPATH) instead of the installed one")
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="rg-bench-pyc-")
    if args.src:
        env["PYTHONPATH"] = str(Path(args.src).resolve())
    gate_cmd = [PY, "-m", "gate"]
    with tempfile.TemporaryDirectory() as warm:  # byte-compile every module a check imports, once
        subprocess.run(gate_cmd + ["check", warm, "--format", "json"], env=env, capture_output=True, check=False)
        subprocess.run([PY, "-c", "import gate.collect.sarif, yaml, click"], env=env, capture_output=True, check=False)
    wanted = args.only.split(",")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.2f}, "
          f"gate from {args.src or ROOT}")
    for name, fn in (("version", version), ("corpus", corpus), ("files", files), ("sarif", sarif)):
        if name in wanted:
            fn(gate_cmd, env, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
