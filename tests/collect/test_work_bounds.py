"""Questions asked of every file are answered for the whole tree at once, with the answers
asking each path would give; the work they cost follows the files that can match, not the
files there are. Counted, not timed: bench/bench_speed.py measures the time."""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gate.collect.repo import RepoFiles, files_by_group, walk
from gate.model.pathindex import PathIndex
from gate.policy.globs import PathMatcher
from gate.policy.load import load_policy
from gate.policy.signatures import kind_of, required_literal_sets, sees_folders_only

POLICY = load_policy("production")
SIG = POLICY.signatures
REGEX_LISTS = sorted(n for n in SIG.data if kind_of(n) == "regex")
GLOB_LISTS = sorted(n for n in SIG.data if kind_of(n) == "glob")


def _words() -> list[str]:
    """Pieces of every list's patterns and globs: paths made of them meet every list."""
    words: set[str] = set()
    for raw in SIG.data.values():
        values = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else \
            [x for v in raw.values() for x in (v if isinstance(v, list) else [v])] if isinstance(raw, dict) else []
        for value in map(str, values):
            words.update(lit for lits in required_literal_sets(value) for lit in lits)
            words.update(w for w in re.split(r"[^A-Za-z0-9_.-]+", value) if w)
    return sorted(w for w in words if w.strip("."))


def varied_paths(n: int = 600, seed: int = 17) -> list[str]:
    """Paths from the lists' own words in any case and at any depth, some with version or date
    prefixes, and a few no index can scan (non-ASCII, a newline): those are asked one by one."""
    rnd, words = random.Random(seed), _words()
    exts = ["", ".py", ".yml", ".yaml", ".sql", ".md", ".json", ".tf", ".cs", ".rb", ".ts", ".js", ".txt", ".xml"]

    def segment() -> str:
        word = rnd.choice(words)
        word = rnd.choice([word, word, word.upper(), word.capitalize()])
        return (rnd.choice(["", "", "", "V1__", "U2__", "0001_", "20240101120000_", "x-"]) + word).strip(".") or "x"

    paths = {"/".join([segment() for _ in range(rnd.choice([0, 0, 1, 1, 2, 3, 5]))] + [segment() + rnd.choice(exts)])
             for _ in range(n)}
    return sorted(paths | {"Dockerfile", "db/migrate/20240101_add.rb", "tests/test_a.py", "docs/runbook.md",
                           ".github/workflows/ci.yml", "a-b/Dockerfile", "a/Dockerfile", "a.b"})


PATHS = varied_paths()
ODD = PATHS + ["src/Ünïcode/Dockerfile", "migrations/0001_init.py\nx", "deploy/app.yaml"]


@pytest.mark.parametrize("paths", [PATHS, ODD], ids=["ascii", "odd"])
def test_every_signature_list_answers_in_bulk_as_it_does_path_by_path(paths):
    index = PathIndex(paths)
    matched = 0
    for name in REGEX_LISTS:
        if isinstance(SIG.data[name], dict):
            each = {p: hit[0] for p in paths if (hit := SIG.search_group(name, "/" + p))}
            assert SIG.groups_matching(name, index) == each, name
        else:
            each = {p for p in paths if SIG.search(name, "/" + p)}
            assert SIG.paths_matching(name, index) == each, name
            assert SIG.paths_matching(name, list(paths)) == each, name  # a plain list is indexed first
        matched += bool(each)
    assert matched >= 25  # the paths meet most lists: the comparison says something


@pytest.mark.parametrize("paths", [PATHS, ODD], ids=["ascii", "odd"])
def test_every_glob_list_answers_in_bulk_as_it_does_path_by_path(paths, tmp_path):
    index = PathIndex(paths)
    repo = RepoFiles(tmp_path, files=list(index.paths))
    for name in GLOB_LISTS:
        groups = SIG.groups(name) if isinstance(SIG.data[name], dict) else {name: SIG.globs(name)}
        assert files_by_group(repo, groups) == files_by_group(list(index.paths), groups), name
        for globs in groups.values():
            for matcher in (PathMatcher(globs), PathMatcher("**/" + g for g in globs)):
                assert [index.paths[i] for i in matcher.matching(index)] == \
                    [p for p in index.paths if matcher.match(p)], (name, globs)


def test_the_index_answers_as_a_look_at_each_path_would(tmp_path):
    paths = sorted(set(ODD) | {"x/values.yaml", "x/values-prod.yml", "x/y/values.yaml", "Chart.yaml"})
    repo = RepoFiles(tmp_path, files=paths)
    name = lambda p: p.rsplit("/", 1)[-1]  # noqa: E731
    assert repo.named("Chart.yaml", "Dockerfile") == [p for p in paths if name(p) in ("Chart.yaml", "Dockerfile")]
    assert repo.ending(".yaml", ".yml") == [p for p in paths if p.endswith((".yaml", ".yml"))]
    assert repo.containing("docker", "migrat") == [p for p in paths if "docker" in ("/" + p).lower()
                                                   or "migrat" in ("/" + p).lower()]
    assert repo.under("db") == [p for p in paths if p == "db" or p.startswith("db/")]
    assert repo.in_folder("x") == ["x/values-prod.yml", "x/values.yaml"]
    assert repo.shallow(1) == [p for p in paths if p.count("/") <= 1]
    assert repo.index.all_folders() == {p.rsplit("/", i)[0] for p in paths for i in range(1, p.count("/") + 1)}


def test_a_pattern_is_asked_per_folder_only_when_no_match_can_look_past_a_slash():
    assert sees_folders_only(r"(^|/)(tests?|docs?)/")
    assert sees_folders_only(r"(?<![a-z])(^|/)\.github/")
    for pattern in (r"(^|/)tests?(/|$)", r"(^|/)db/[^/]+\.py$", r"tests/(?=x)", r"(^|/)a/|b/", r"(a/)", r"a/\b"):
        assert not sees_folders_only(pattern), pattern


def test_the_walk_lists_files_in_sorted_order_with_their_folders(tmp_path):
    for rel in ("a-b/f", "a/f", "a.b", "a/c/d", "a/e", "a0", "A/f", "z/y/x/f", "a b/f", "node_modules/x/f"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "empty" / "inner").mkdir(parents=True)
    repo = walk(tmp_path)
    assert repo.files == sorted(repo.files) and "node_modules/x/f" not in repo.files
    built = PathIndex(list(repo.files))
    assert (repo.index.names, repo.index.folders) == (built.names, built.folders)
    assert "empty" not in repo.index.all_folders()


# ---------------------------------------------------------------- work counted in a fresh process

_COUNT = """
import json, sys
from gate.collect import collect
from gate.collect.repo import WALKS
from gate.policy.load import load_policy
from gate.policy.signatures import searches
root = sys.argv[1]
evidence = collect(root, load_policy(None, root, env={}))
print(json.dumps({"searches": searches(), "walks": WALKS[0], "reads": dict(evidence.repo.reads),
                  "files": len(evidence.repo.files)}))
"""


def _tree(root: Path, junk: int) -> Path:
    """A service (workflow, Dockerfile, migrations, a runbook, tests) beside `junk` source files."""
    files = {".github/workflows/ci.yml": "on: pull_request\njobs:\n  t:\n    runs-on: x\n    steps:\n"
                                         "      - run: pytest\n",
             "Dockerfile": "FROM python:3.12\nCOPY . .\nCMD [\"python\", \"main.py\"]\n",
             "db/migrations/0001_init.sql": "CREATE TABLE a (id int);\n", "docs/runbook.md": "# Runbook\n",
             "tests/test_app.py": "def test(): pass\n", "main.py": "print()\n"}
    for i in range(junk):
        files[f"src/pkg{i // 200}/mod{i % 7}/f{i}{('.py', '.ts', '.go', '.md', '.json')[i % 5]}"] = "x = 1\n"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def _work(root: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", _COUNT, str(root)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_path_searches_follow_the_files_that_can_match_not_the_files_there_are(tmp_path):
    small = _work(_tree(tmp_path / "small", 300))
    large = _work(_tree(tmp_path / "large", 3000))
    assert large["files"] - small["files"] == 2700
    # the same searches whatever the number of files no list can match (asking each path: ~8 a file)
    assert large["searches"] == small["searches"] < small["files"]
    for work in (small, large):
        assert work["walks"] == 1 and max(work["reads"].values()) == 1
    assert large["reads"] == small["reads"]  # no source file is opened to find out what it is
