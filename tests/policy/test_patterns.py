"""Every pattern a policy can set is checked when the policy loads, and every glob means the same thing.

A bad regular expression in any signature list, a bad glob in `exclude:`, a waiver's
`paths:` or a custom rule is a configuration error (exit 2) that names the file, the
line, the pattern and why — never a traceback half-way through a check.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gate.collect.custom import _files
from gate.collect.repo import walk
from gate.policy.globs import any_match, glob_error
from gate.policy.load import PolicyError, base_layers, load_policy, read_policy_file
from gate.policy.signatures import kind_of

from .helpers import FIXTURES, catalogue

BAD = {"regex": "(unclosed", "glob": "a[b"}


def _lists() -> list[tuple[str, object]]:
    out = {}
    for name, path in base_layers():
        out.update(read_policy_file(path, name).get("signatures") or {})
    return sorted(out.items())


LISTS = _lists()


def _policy(tmp_path: Path, text: str) -> Path:
    (tmp_path / ".github").mkdir(parents=True, exist_ok=True)
    (tmp_path / ".github" / "readiness.yml").write_text(text)
    return tmp_path


def _errors(repo: Path) -> list[str]:
    with pytest.raises(PolicyError) as exc:
        load_policy(None, repo, env={}, rules=catalogue())
    return str(exc.value).splitlines()


def test_every_signature_list_has_a_kind_and_the_base_layers_obey_it():
    assert len(LISTS) > 60
    kinds = {name: kind_of(name) for name, _ in LISTS}
    assert set(kinds.values()) <= {"regex", "glob", "prefix", "name"}
    # the shipped catalogue is valid under its own kinds (strict mode validates presets and bases)
    load_policy("regulated", strict=True, rules=catalogue())


@pytest.mark.parametrize("name,value", [x for x in LISTS if kind_of(x[0]) in BAD], ids=lambda x: str(x)[:40])
def test_a_bad_entry_in_any_pattern_list_is_named_at_load(tmp_path, name, value):
    bad = BAD[kind_of(name)]
    if isinstance(value, dict):  # a list of groups: extend the first group
        group = next(iter(value))
        text = f"extends: production\nsignatures:\n  {name}:\n    {group}: {{extend: ['{bad}']}}\n"
        where = f".github/readiness.yml:4: signatures.{name}.{group}.extend[0]: `{bad}`"
    else:
        text = f"extends: production\nsignatures:\n  {name}: {{extend: ['{bad}']}}\n"
        where = f".github/readiness.yml:3: signatures.{name}.extend[0]: `{bad}`"
    errors = _errors(_policy(tmp_path, text))
    assert len(errors) == 1 and errors[0].startswith(where), errors
    assert "not a valid regular expression" in errors[0] or "never closed" in errors[0]


def test_check_with_a_bad_pattern_exits_2_with_one_line_and_no_traceback(tmp_path):
    repo = _policy(tmp_path, "extends: production\nsignatures:\n  sql_images: {extend: ['(postgres']}\n")
    proc = subprocess.run([sys.executable, "-m", "gate", "check", str(repo)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert ".github/readiness.yml:3: signatures.sql_images.extend[0]: `(postgres` is not a valid regular " \
           "expression" in proc.stderr


def test_bad_globs_in_exclude_waivers_custom_rules_and_profiles(tmp_path):
    repo = _policy(tmp_path, (
        "extends: production\n"
        "exclude: ['/vendor/**', 'docs/[ab']\n"
        "waivers:\n"
        "  - {rule: ci.tests-run, reason: r, expires: 2030-01-01, paths: ['../outside/*']}\n"
        "custom_rules:\n"
        "  - {id: custom.a, title: t, remediation: r, exists: './runbooks/*.md'}\n"
        "  - {id: custom.b, title: t, remediation: r, file_matches: {paths: 'x/[z-a]', pattern: 'x'}}\n"
        "profiles:\n"
        "  'release/[z-a]': regulated\n"))
    errors = _errors(repo)
    assert [e.split(": ", 2)[:2] for e in errors] == [
        [".github/readiness.yml:2", "exclude[0]"],
        [".github/readiness.yml:2", "exclude[1]"],
        [".github/readiness.yml:4", "waivers[0].paths[0]"],
        [".github/readiness.yml:6", "custom_rules[0].exists"],
        [".github/readiness.yml:7", "custom_rules[1].file_matches.paths"],
        [".github/readiness.yml:9", "profiles.release/[z-a]"],
    ], errors
    assert "drop the leading `/`" in errors[0] and "never closed" in errors[1] and "leaves the repository" in errors[2]
    assert "drop the leading `./`" in errors[3] and "bad character range" in errors[4]


PATHS = ["Dockerfile", "a.min.js", "docs/a.md", "docs/sub/b.md", "docs/sub/c.min.js", "src/docs/d.md",
         "src/app.py", "vendor.txt", "release/notes.md"]
GLOBS = ["*.md", "docs/*.md", "docs/**", "docs", "docs/", "**/*.md", "**.md", "**/docs/*.md", "*.min.js",
         "**/*.min.js", "src/*", "[dr]*/*.md", "docs/s?b/*", "vendor*"]


@pytest.mark.parametrize("glob", GLOBS)
def test_one_glob_selects_the_same_files_for_exclude_waivers_and_custom_rules(tmp_path, glob):
    for p in PATHS:
        (tmp_path / p).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / p).write_text("x\n")
    everything = walk(tmp_path).files
    excluded = sorted(set(everything) - set(walk(tmp_path, exclude=(glob,)).files))
    waived = sorted(p for p in everything if any_match(p, [glob]))     # a waiver's `paths:`
    custom = sorted(_files(walk(tmp_path), (glob,)))                   # a custom rule's paths
    assert glob_error(glob) is None
    assert excluded == waived == custom


def test_the_dialect_as_documented():
    cases = {
        ("*.md", "docs/a.md"): False,        # `*` stays within one segment, anchored at the root
        ("*.md", "README.md"): True,
        ("**/*.md", "README.md"): True,      # `**/` is any number of folders, none included
        ("**.md", "docs/sub/b.md"): True,
        ("docs", "docs/sub/b.md"): True,     # a folder covers what is under it
        ("docs/**", "docs/a.md"): True,
        ("doc", "docs/a.md"): False,
        ("[!a-c]*", "docs"): True,
        ("\\*.md", "*.md"): True,            # `\` makes the next character literal
    }
    assert {k: any_match(k[1], [k[0]]) for k in cases} == cases


def test_the_fixture_policies_still_load():
    for name in ("policy-custom", "policy-waiver", "policy-profiles"):
        load_policy(None, FIXTURES / name, env={}, rules=catalogue())


# ---------------------------------------------------------------- literal probes

from gate.policy.signatures import literal_probe, required_literals  # noqa: E402


@pytest.mark.parametrize("pattern,literals", [
    (r"\bkubectl\b(?:[^\n]|\\\n)*\brollout\s+undo\b", ("kubectl",)),
    (r"\b(serverless|sls)\s+deploy\b", ("deploy",)),
    (r"^(pg|mysql2|sqlite3)$", ("pg", "mysql2", "sqlite3")),
    (r"helm(file)?\s+upgrade", ("upgrade",)),
    (r"releases?:", ("release",)),             # an optional character ends the run
    (r"colou?r", ("colo",)),
    (r"ab+c", ("ab",)),                        # a repeated character ends it too
    (r"(?:foo|)bar", ("bar",)),                # an alternative without a literal: the group gives none
    (r"(?:foo|ba)?", ()),
    (r"(?i)Terraform\s+apply", ("terraform",)),
    (r"(?<![a-z])prod(?![a-z])", ("prod",)),
    (r"x{0,3}yz{2}", ("yz",)),
    (r"[\]a]deploy", ("deploy",)),
    (r"\x41bc", ()),                           # not modelled: no probe, the pattern always runs
    (r"(a)\1", ()),
    (r"(?x) a b c", ()),
])
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == literals


def _texts() -> list[str]:
    out = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.stat().st_size < 100_000:
            text = path.read_text(encoding="utf-8", errors="replace")
            out += ["/" + str(path.relative_to(FIXTURES)), text, *text.splitlines()]
    return out


def test_a_probe_never_drops_a_text_its_pattern_matches():
    import re

    texts = _texts()
    patterns = {p for name, value in LISTS if kind_of(name) == "regex"
                for p in (value if isinstance(value, list) else
                          [x for v in value.values() for x in v] if isinstance(value, dict) else [value])}
    assert len(patterns) > 400 and len(texts) > 2000
    for pattern in sorted(patterns):
        probe = literal_probe(pattern)
        if probe is None:
            continue
        rx = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
        dropped = [t for t in texts if probe(t.lower()) is None and rx.search(t)]
        assert not dropped, (pattern, dropped[:1])
