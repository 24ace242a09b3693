"""Migration folders, the tool that owns them, and whether each migration can be undone.

Rails, Django and Liquibase are judged by their own semantics (reversibility.py),
Liquibase per changeset rather than per file; the others by a down path.

A file counts as a migration when a tool is recognised from its path
(`migration_tools`) or its content (`migration_markers`); its down path is a sibling
file (`migration_down_paths`: .down.sql, U__, down.sql) or a down function with a
body (`migration_down`). Folders are read newest first, at most MAX_PER_DIR files.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from gate.collect.ops.common import own
from gate.collect.ops.model import Fact, OpsEvidence
from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.policy.signatures import Signatures

if TYPE_CHECKING:
    from gate.collect.ops.reversibility import Verdict

MAX_PER_DIR = 200
_CODE_EXT = (".py", ".rb", ".php", ".js", ".ts", ".mjs", ".cjs", ".cs", ".exs", ".sql", ".go", ".xml",
             ".yml", ".yaml", ".json", ".kt", ".java")
_NO_TOOL_FILES = lazy(r"(\.Designer\.cs|ModelSnapshot\.cs|__init__\.py|migration_lock\.toml|\.editorconfig|README[^/]*)$")


def _tool_by_content(text: str, sig: Signatures) -> str | None:
    found = sig.search_group("migration_markers", text)
    return found[0] if found else None


def _has_body(text: str, m: re.Match, path: str) -> bool:
    """Does the function whose header `m` matched do anything?"""
    if path.endswith(".py"):
        body = []
        for ln in text[m.end():].splitlines()[1:]:
            if ln.strip() and not ln[:1].isspace():
                break
            s = ln.strip()
            if s and not s.startswith("#") and s not in ("pass", "...") and not re.fullmatch(r"[rRuU]?(\"\"\"|''').*", s):
                body.append(s)
        return bool(body)
    if text[m.end() - 1:m.end()] == "{":
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        inner = re.sub(r"//[^\n]*|/\*.*?\*/|#[^\n]*", "", text[m.end():i - 1], flags=re.S)
        return bool(inner.strip())
    return True  # markers that already include the next statement (SQL, Rails, Liquibase)


def collect_migrations(repo: RepoFiles, sig: Signatures, ev: OpsEvidence) -> None:
    by_dir: dict[str, list[str]] = {}
    # the tree asked once per list: only files a tool's path or a migrations folder names are met
    tools, in_dirs = repo.matching_groups(sig, "migration_tools"), repo.matching(sig, "migration_dirs")
    not_dirs = repo.matching(sig, "migration_not_dirs")
    for path in sorted({*tools, *in_dirs}):
        if not own(path, sig) or path.startswith(".github/"):
            continue
        tool = tools.get(path)
        if tool and not any(f.detail == tool for f in ev.migration_tools):
            ev.migration_tools.append(Fact("migration-tool", Location(path, 1), tool))
        if path in in_dirs and path not in not_dirs and path.endswith(_CODE_EXT) and not _NO_TOOL_FILES.search(path):
            m = sig.search("migration_dirs", "/" + path)
            by_dir.setdefault(("/" + path)[1:m.end()].rstrip("/"), []).append(path)
    down_set = set(repo.matching(sig, "migration_down_paths"))
    reversible_tools = {t.lower() for t in sig.globs("reversible_tools")}
    down_markers = sig.group_patterns("migration_down")
    for folder, files in by_dir.items():
        counted = 0
        for path in sorted(files, reverse=True)[:MAX_PER_DIR]:
            if path in down_set and not path.endswith("/down.sql"):
                continue  # a down file is evidence for its up file, not a migration of its own
            if path.endswith("/down.sql"):
                continue
            text = repo.read(path) or ""
            tool = tools.get(path) or _tool_by_content(text, sig)
            if tool is None:
                continue
            counted += 1
            if not any(f.detail == tool for f in ev.migration_tools):
                ev.migration_tools.append(Fact("migration-tool", Location(path, 1), tool))
            loc = Location(path, 1)
            judged = _by_framework(tool, path, text)
            if judged is not None:
                if not judged:
                    counted -= 1  # a master changelog that only includes others
                counted += max(len(judged) - 1, 0)
                for line, ok, why in judged:
                    (ev.reversible if ok else ev.irreversible).append(
                        Fact(f"{tool}-{'reversible' if ok else 'irreversible'}", Location(path, line), why))
            elif tool in reversible_tools:
                ev.reversible.append(Fact(f"{tool}-reversible", loc, f"{tool} migrations roll back with the tool"))
            elif _sibling_down(path, down_set):
                ev.reversible.append(Fact("down-file", loc, _sibling_down(path, down_set) or ""))
            else:
                hit = None
                for p in down_markers.get(tool, []):
                    for m in p.finditer(text):
                        if _has_body(text, m, path):
                            hit = m
                            break
                    if hit:
                        break
                if hit:
                    ev.reversible.append(Fact(f"{tool}-down", Location(path, text.count("\n", 0, hit.start()) + 1), hit.group(0).strip()[:60]))
                else:
                    ev.irreversible.append(Fact(f"{tool}-forward-only", loc, f"{tool} migration without a down path"))
        if counted:
            ev.migration_files += counted
            newest = sorted(files)[-1]
            ev.migration_dirs.append(Fact("migrations-folder", Location(newest, 1), folder))
        if len(files) > MAX_PER_DIR:
            ev.notes.append(f"{folder}: read the newest {MAX_PER_DIR} of {len(files)} migration files")


def _by_framework(tool: str, path: str, text: str) -> list[Verdict] | None:
    """Per-migration verdicts where the framework decides what can be undone; None elsewhere."""
    # imported here: only repositories with migrations pay for it
    from gate.collect.ops import reversibility

    if tool == "rails" and path.endswith(".rb"):
        return reversibility.rails(text)
    if tool == "django" and path.endswith(".py"):
        return reversibility.django(text)
    if tool == "liquibase":
        return reversibility.liquibase(path, text)
    return None


def _sibling_down(path: str, downs: set[str]) -> str | None:
    if path.endswith(".up.sql"):
        cand = path[:-len(".up.sql")] + ".down.sql"
        return cand if cand in downs else None
    if path.endswith("/up.sql"):
        cand = path[:-len("up.sql")] + "down.sql"
        return cand if cand in downs else None
    m = re.search(r"(^|/)V(\d+(?:[_.]\d+)*)__[^/]+$", path)
    if m:
        version = m.group(2)
        return next((d for d in downs if re.search(rf"(^|/)U{re.escape(version)}__", d)), None)
    return None
