"""Helpers every operational collector shares: safe parsing and line lookup.

Every file is read through `RepoFiles.read` (bounded, cached); TOML goes through
`tomllib` (`tomli` on 3.10), JSON through `json`, YAML through the bounded
`gate.model.yamlsafe`. Nothing here raises for a repository's content.
"""
from __future__ import annotations

import json
import re
from typing import Any

from gate.collect.repo import RepoFiles
from gate.model.yamlsafe import YamlError
from gate.model.yamlsafe import load as yaml_load
from gate.policy.signatures import Signatures

YAML_EXT = (".yml", ".yaml")


def line_at(text: str, offset: int) -> int:
    """1-based line of a character offset."""
    return text.count("\n", 0, max(offset, 0)) + 1


def line_of(text: str | None, needle: str, default: int = 1) -> int:
    """1-based line of the first occurrence of `needle`, else `default`."""
    if not text:
        return default
    i = text.find(needle)
    return line_at(text, i) if i >= 0 else default


def own(path: str, sig: Signatures) -> bool:
    """A file of the service itself, not of its tests, docs, examples or tooling: a set lookup
    once `repo.matching(sig, "ops_not_own")` has answered for the whole tree (collect_ops asks first)."""
    return not sig.matches_path("ops_not_own", path)


def dirname(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def under(path: str, directory: str) -> bool:
    return directory == "" or path == directory or path.startswith(directory.rstrip("/") + "/")


def read_yaml(repo: RepoFiles, path: str) -> Any:
    """One YAML document, or None when it is not one (templates, several documents)."""
    text = repo.read(path)
    if not text or "{{" in text:
        return None
    try:
        return yaml_load(text)
    except YamlError:
        return None


def read_toml(repo: RepoFiles, path: str) -> dict | None:
    text = repo.read(path)
    if not text:
        return None
    tomllib = toml_parser()
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None


def toml_parser():
    """The TOML parser, imported when a repository has TOML to read (~5 ms otherwise spent on every check)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    return tomllib


def read_json(repo: RepoFiles, path: str) -> Any:
    text = repo.read(path)
    if not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def find_keys(node: Any, keys: set[str], depth: int = 0) -> list[tuple[str, Any, Any]]:
    """(key, value, parent mapping) for every key in `keys` at any depth, bounded."""
    out: list[tuple[str, Any, Any]] = []
    if depth > 24:
        return out
    if isinstance(node, dict):
        for k, v in node.items():
            if str(k) in keys:
                out.append((str(k), v, node))
            out.extend(find_keys(v, keys, depth + 1))
    elif isinstance(node, list):
        for v in node:
            out.extend(find_keys(v, keys, depth + 1))
    return out


def key_line(parent: Any, key: str, default: int = 1) -> int:
    line_of_key = getattr(parent, "line_of", None)
    return line_of_key(key) if line_of_key else default


def lines(text: str):
    """(line number, line) pairs."""
    for i, ln in enumerate(text.splitlines(), 1):
        yield i, ln


def shell_words(text: str) -> list[str]:
    return re.findall(r"[\w./@:+-]+", text)
