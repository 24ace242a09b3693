"""Dockerfiles, scanned line by line (continuations joined): no Docker needed."""
from __future__ import annotations

import re

from msgspec import Struct, field

from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy

_INSTR = lazy(r"^\s*([A-Za-z]+)\s+(.*)$")


class Dockerfile(Struct):
    path: str
    healthcheck: int | None = None             # line of a HEALTHCHECK that is not NONE
    start: list[tuple[int, str]] = field(default_factory=list)  # CMD / ENTRYPOINT (line, text)
    runs: list[tuple[int, str]] = field(default_factory=list)   # RUN (line, text)
    envs: list[tuple[int, str]] = field(default_factory=list)   # ENV / ARG (line, text)
    copies: list[str] = field(default_factory=list)             # COPY/ADD sources from the context
    first_line: int = 1
    base: tuple[int, str] = (0, "")  # the final stage's FROM (line, image): what runs


# `dockerfile.py` is code about Dockerfiles, not one: these suffixes never name an image variant
_NOT_VARIANT = frozenset({"py", "pyc", "go", "js", "ts", "rs", "java", "rb", "md", "rst", "txt", "json", "yml",
                          "yaml", "toml", "sh", "kt", "cs", "php", "html", "j2", "tpl", "tmpl", "bak", "orig"})


def is_dockerfile(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    low = name.lower()
    if low.startswith("dockerfile.") and low.rsplit(".", 1)[-1] in _NOT_VARIANT:
        return False
    return low == "dockerfile" or low.startswith("dockerfile.") or low.startswith("dockerfile-") \
        or low.endswith(".dockerfile") or low.endswith("-dockerfile")


def instructions(text: str):
    """(line, INSTRUCTION, arguments) with backslash continuations joined."""
    buf, start = "", 0
    for i, raw in enumerate(text.splitlines(), 1):
        s = raw.strip()
        if not buf and (not s or s.startswith("#")):
            continue
        if buf and s.startswith("#"):
            continue
        if not buf:
            start = i
        if s.endswith("\\"):
            buf += s[:-1] + " "
            continue
        buf += s
        m = _INSTR.match(buf)
        if m:
            yield start, m.group(1).upper(), m.group(2)
        buf = ""


def parse_dockerfile(repo: RepoFiles, path: str) -> Dockerfile | None:
    text = repo.read(path)
    if text is None:
        return None
    df = Dockerfile(path)
    seen_from = False
    for line, instr, args in instructions(text):
        if instr == "FROM":
            words = [w for w in args.split() if not w.startswith("--")]
            df.base = (line, words[0] if words else "")
        if instr == "FROM" and not seen_from:
            df.first_line, seen_from = line, True
        elif instr == "HEALTHCHECK" and not args.strip().upper().startswith("NONE"):
            df.healthcheck = df.healthcheck or line
        elif instr in ("CMD", "ENTRYPOINT"):
            df.start.append((line, args))
        elif instr == "RUN":
            df.runs.append((line, args))
        elif instr in ("ENV", "ARG"):
            df.envs.append((line, args))
        elif instr in ("COPY", "ADD") and "--from" not in args:
            parts = [p for p in re.findall(r'[^\s\[\]",]+', args) if not p.startswith("--")]
            df.copies.extend(p.strip("./") or "." for p in parts[:-1])
    return df
