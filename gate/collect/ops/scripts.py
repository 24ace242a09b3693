"""Follow a command into what it runs: shell scripts, Makefile targets, npm scripts.

Only files of the repository are read (through RepoFiles), at most two levels
deep, and nothing is executed: the text is only searched for signatures.
"""
from __future__ import annotations

import re

from gate.collect.ops.common import dirname
from gate.collect.repo import RepoFiles

MAX_DEPTH = 2
MAX_SCRIPT_BYTES = 64 * 1024   # a script a step calls is short; a bundle is not a script
MAX_LINE = 1000                # minified lines are cut so regex scans stay linear
_SCRIPT = re.compile(r"(?<![\w$])((?:\.{0,2}/)?[\w./-]*[\w-]+\.(?:sh|bash|py|rb|js|mjs|ts|ps1))\b")
_MAKE = re.compile(r"\b(?:make|gmake)\b((?:\s+-[CfI]\s*\S+|\s+-\S+)*)\s+([\w./-]+(?:\s+[\w./-]+)*)")
_NPM = re.compile(r"\b(npm|yarn|pnpm|bun)\s+(?:run(?:-script)?\s+)?(?:--\S+\s+)*([\w:.-]+)")
_NPM_BUILTIN = {"install", "ci", "i", "add", "exec", "dlx", "x", "test", "t", "publish", "audit", "config", "set",
                "version", "init", "link", "cache", "outdated", "why", "remove", "upgrade", "workspace", "workspaces"}


class Scripts:
    def __init__(self, repo: RepoFiles, packages: dict[str, dict]) -> None:
        self.repo = repo
        self.packages = packages
        self.memo: dict[tuple[str, str, str, int], list[tuple[str, str]]] = {}
        self.by_name: dict[str, list[str]] = {}
        for p in repo.files:
            self.by_name.setdefault(p.rsplit("/", 1)[-1], []).append(p)

    def resolve(self, ref: str, workdir: str = "", near: str = "") -> str | None:
        """A script path as written (relative, ./, or an image's absolute path) -> repo path."""
        ref = ref.strip("\"'")
        rel = ref.lstrip("./") if not ref.startswith("../") else ref
        for base in (workdir, ""):
            cand = _join(base, ref)
            if cand and self.repo.exists(cand):
                return cand
        if rel and self.repo.exists(rel):
            return rel
        name = ref.rsplit("/", 1)[-1]
        found = self.by_name.get(name) or []
        if not found:
            return None
        # an absolute path inside an image: prefer the copy nearest the Dockerfile
        found = sorted(found, key=lambda p: (not p.startswith(near), p.count("/")))
        return found[0]

    def read(self, path: str) -> str:
        if self.repo.sizes.get(path, 0) > MAX_SCRIPT_BYTES:
            return ""
        return _clip(self.repo.read(path) or "")

    def expand(self, text: str, workdir: str = "", near: str = "", depth: int = 0) -> list[tuple[str, str]]:
        """(source path or "", text) for the command and everything it calls (memoised)."""
        key = (text, workdir, near, depth)
        if key not in self.memo:
            self.memo[key] = self._expand(_clip(text), workdir, near, depth)
        return self.memo[key]

    def _expand(self, text: str, workdir: str, near: str, depth: int) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = [("", text)]
        if depth >= MAX_DEPTH or not text:
            return out
        for m in _SCRIPT.finditer(text):
            path = self.resolve(m.group(1), workdir, near)
            if path:
                inner = self.read(path)
                out.extend((path if s == "" else s, t) for s, t in self.expand(inner, dirname(path), near, depth + 1))
        for m in _MAKE.finditer(text):
            flags, targets = m.group(1) or "", m.group(2).split()
            cdir = re.search(r"-C\s*(\S+)", flags)
            mdir = _join(workdir, cdir.group(1)) if cdir else workdir
            makefile = next((p for p in (_join(mdir, n) for n in ("Makefile", "makefile", "GNUmakefile")) if self.repo.exists(p)), None)
            if makefile:
                for target in targets[:4]:
                    recipe = make_recipe(self.read(makefile), target)
                    if recipe:
                        out.extend((makefile if s == "" else s, t) for s, t in self.expand(recipe, mdir, near, depth + 1))
        for m in _NPM.finditer(text):
            name = m.group(2)
            if name in _NPM_BUILTIN:
                continue
            pkg = self.packages.get(_join(workdir, "package.json"))
            script = ((pkg or {}).get("scripts") or {}).get(name) if isinstance(pkg, dict) else None
            if isinstance(script, str):
                out.extend((_join(workdir, "package.json") if s == "" else s, t)
                           for s, t in self.expand(script, workdir, near, depth + 1))
        return out


def _clip(text: str) -> str:
    if len(text) <= MAX_LINE or all(len(ln) <= MAX_LINE for ln in text.splitlines()):
        return text
    return "\n".join(ln[:MAX_LINE] for ln in text.splitlines())


def make_recipe(makefile: str, target: str) -> str:
    """The recipe lines of one Makefile target (and the targets it depends on, one level)."""
    lines = makefile.splitlines()
    out: list[str] = []
    for i, ln in enumerate(lines):
        m = re.match(rf"^{re.escape(target)}\s*:(?!=)(.*)$", ln)
        if not m:
            continue
        deps = m.group(1).split("#")[0].split()
        for ln2 in lines[i + 1:]:
            if ln2.startswith("\t"):
                out.append(ln2.strip())
            elif ln2.strip() and not ln2.startswith("#"):
                break
        for dep in deps[:4]:
            if dep != target and re.fullmatch(r"[\w.-]+", dep):
                for ln3 in _target_lines(lines, dep):
                    out.append(ln3)
        break
    return "\n".join(out)


def _target_lines(lines: list[str], target: str) -> list[str]:
    out: list[str] = []
    for i, ln in enumerate(lines):
        if re.match(rf"^{re.escape(target)}\s*:(?!=)", ln):
            for ln2 in lines[i + 1:]:
                if ln2.startswith("\t"):
                    out.append(ln2.strip())
                elif ln2.strip():
                    break
            break
    return out


def _join(base: str, rel: str) -> str:
    if rel.startswith("/"):
        return rel.lstrip("/")
    parts = [p for p in base.split("/") if p] if base else []
    for seg in rel.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if not parts:
                return ""
            parts.pop()
        else:
            parts.append(seg)
    return "/".join(parts)
