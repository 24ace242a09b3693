"""The repository walk and the CLI on hostile or wrong input: bounded, never a traceback."""
import os

import pytest
from click.testing import CliRunner

from gate.cli import main
from gate.collect.repo import MAX_FILE_BYTES, RepoError, walk

WF = ".github/workflows"
SECRET = "TOP-SECRET-OUTSIDE-CONTENT-4242"


def test_symlink_out_of_the_repository_is_never_read(tmp_path, evidence_for):
    outside = tmp_path / "outside.yml"
    outside.write_text(f"on: push\njobs:\n  x:\n    runs-on: x\n    steps: [{{run: echo {SECRET}}}]\n")
    root = tmp_path / "repo"
    (root / WF).mkdir(parents=True)
    (root / WF / "ci.yml").write_text("on: pull_request\njobs:\n  t:\n    runs-on: x\n    steps: [{run: pytest}]\n")
    os.symlink(outside, root / WF / "evil.yml")
    os.symlink(tmp_path, root / "up")  # a directory link out of the repository
    repo = walk(root)
    assert f"{WF}/evil.yml" not in repo.files and repo.read(f"{WF}/evil.yml") is None
    assert not any(f.startswith("up/") for f in repo.files)
    assert any("evil.yml" in n and "out of the repository" in n for n in repo.notices)
    result = CliRunner().invoke(main, ["check", str(root), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert SECRET not in result.output


def test_symlink_inside_the_repository_is_read_once(repo):
    root = repo({"real/Makefile": "test:\n\tpytest\n"})
    os.symlink(root / "real" / "Makefile", root / "Makefile")
    r = walk(root)
    assert "Makefile" in r.files and "test:" in r.read("Makefile")


def test_symlink_loop_terminates(repo):
    root = repo({"a.txt": "x"})
    os.symlink(root / "loop1", root / "loop2")
    os.symlink(root / "loop2", root / "loop1")
    os.symlink(root, root / "self")
    r = walk(root)  # links are never followed: a loop is one skipped entry, not a walk
    assert r.files == ["a.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_named_like_a_workflow_is_never_opened(repo, evidence_for):
    root = repo({f"{WF}/ci.yml": "on: pull_request\njobs:\n  t:\n    runs-on: x\n    steps: [{run: pytest}]\n"})
    os.mkfifo(root / WF / "x.yml")
    ev = evidence_for(root)  # opening the FIFO would block forever: reaching this line is the test
    assert f"{WF}/x.yml" not in ev.repo.files
    assert list(ev.workflows.workflows) == [f"{WF}/ci.yml"]


def test_big_files_are_reported_and_skipped(repo):
    root = repo({"big.txt": "a" * (MAX_FILE_BYTES + 10)})
    r = walk(root)
    assert r.read("big.txt") is None
    assert any("big.txt" in n and "bound" in n for n in r.notices)


def test_binary_file_reads_as_none(repo):
    root = repo({"blob.bin": b"\x00\x01\x02" * 10})
    assert walk(root).read("blob.bin") is None


def test_skip_dirs_and_exclude(repo):
    root = repo({"node_modules/x/Dockerfile": "FROM x\n", "vendor/Dockerfile": "FROM y\n", "src/a.py": "",
                 "third_party/Dockerfile": "FROM z\n", "docs/a.min.js": "", "docs/sub/b.min.js": ""})
    # vendored and generated folders are never entered
    assert walk(root).files == ["docs/a.min.js", "docs/sub/b.min.js", "src/a.py", "third_party/Dockerfile"]
    # the one glob dialect: `*` stays in a segment, `**` crosses, a folder covers its contents
    assert walk(root, exclude=("third_party",)).files == ["docs/a.min.js", "docs/sub/b.min.js", "src/a.py"]
    assert walk(root, exclude=("third_party/**",)).files == ["docs/a.min.js", "docs/sub/b.min.js", "src/a.py"]
    assert walk(root, exclude=("docs/*.min.js",)).files == ["docs/sub/b.min.js", "src/a.py", "third_party/Dockerfile"]
    assert walk(root, exclude=("**/*.min.js",)).files == ["src/a.py", "third_party/Dockerfile"]


def test_walk_rejects_a_missing_path_and_a_file(tmp_path):
    with pytest.raises(RepoError, match="no such directory"):
        walk(tmp_path / "nope")
    (tmp_path / "f").write_text("x")
    with pytest.raises(RepoError, match="not a directory"):
        walk(tmp_path / "f")


@pytest.mark.parametrize("make", ["missing", "file"])
def test_cli_bad_path_exits_2_with_one_line(tmp_path, make):
    target = tmp_path / "target"
    if make == "file":
        target.write_text("x")
    result = CliRunner().invoke(main, ["check", str(target)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("readiness-gate: error:")
    assert str(target) in lines[0]
