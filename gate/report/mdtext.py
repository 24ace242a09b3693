"""Markdown pieces shared by the comment: escaping repository text, code spans, links.

The gate's own words (rule titles, rationales, fixes) are Markdown written by this
project and render as written. Text that comes from the repository (paths, names,
messages quoting them) is escaped just enough to render inert — no HTML, links,
images, emphasis or table breaks — without the backslash noise a reader would see
if every punctuation mark were escaped. Copyable text (paths, action refs, commands)
goes in code spans, which GitHub renders literally: no invisible characters there.
"""
from __future__ import annotations

import os
import re
from typing import Any, Mapping
from urllib.parse import quote

from gate import __version__
from gate.model.lazyre import lazy

DOCS_BASE = "https://github.com/readiness-gate/readiness-gate/blob"
# Characters that start Markdown or HTML constructs mid-line. Line-start constructs
# (`#`, `+`, `-`, `>` quotes, ordered lists) cannot form: every escaped text follows a prefix.
_INLINE = lazy(r"([\\`*_\[\]|~])")
# GitHub links @name only after a non-word character, so `init@v3` needs nothing.
_MENTION = lazy(r"(?<![\w`])@(?=[A-Za-z0-9])")
_URL = lazy(r"((?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[^\s`]+)")
_INVISIBLE = lazy("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def flat(text: Any, limit: int) -> str:
    s = " ".join(str(text if text is not None else "").split())
    s = _INVISIBLE.sub("", s)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def esc(text: Any, limit: int = 300) -> str:
    """Repository text as inert Markdown: one line, bounded, escaped where it could act.
    A URL goes in a code span: shown and copyable, never a link someone else's text made."""
    return _escaped(flat(text, limit))


def _escaped(s: str) -> str:
    parts = _URL.split(s)
    return "".join(code(p, len(p)) if i % 2 else _inert(p) for i, p in enumerate(parts))


def _inert(s: str) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _INLINE.sub(r"\\\1", s)
    s = re.sub(r"!(?=\\\[)", r"\\!", s)
    return _MENTION.sub("@\u200b", s)  # outside code spans only: a mention would notify someone


def code(text: Any, limit: int = 200, *, table: bool = False) -> str:
    """An inline code span that nothing inside can close early. It copies as it was, except
    for a backtick (rare in a path or ref), shown as its look-alike `ˋ`: a one-backtick
    fence is what every reader of the comment — and every sanitizer — expects."""
    s = flat(text, limit).replace("`", "ˋ")
    if not s:
        return ""
    if table:
        s = s.replace("|", "\\|")  # GFM reads `\|` as a pipe inside a cell, code spans included
    return f"`{s}`"


def mixed(text: Any, limit: int = 500, *, table: bool = False) -> str:
    """A rule's message: the project's sentence with repository values quoted in backticks.
    Backticked parts become code spans, the rest is escaped, so both stay readable."""
    s = flat(text, limit)
    parts = re.split(r"(`[^`]+`)", s)
    out = []
    for i, part in enumerate(parts):
        if i % 2 and part.strip("`").strip():
            out.append(code(part[1:-1], limit, table=table))
        else:
            out.append(_escaped(part))  # `|` is escaped: tables stay whole
    return "".join(out)


def trusted(text: Any, rule_id: Any = None, field: str = "") -> str:
    """A rule's title or fix: the project's Markdown, which uses code spans and plain words,
    renders as written. A saved report can come from an untrusted job (the fork-safe pair
    publishes a pull request's artifact), so nothing beyond that subset is let through:
    links, emphasis and HTML in a forged or custom rule's text stay inert."""
    return mixed(text, 1000)


class Links:
    """Where a location or rule id links to; without a repository context, nowhere."""

    def __init__(self, report: Mapping[str, Any], env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        repo_info = report.get("repository") or {}
        subject = report.get("subject") or {}
        slug = repo_info.get("full_name") or repo_info.get("name") or env.get("GITHUB_REPOSITORY")
        server = (repo_info.get("server_url") or env.get("GITHUB_SERVER_URL") or "https://github.com").rstrip("/")
        sha = repo_info.get("sha") or subject.get("sha")
        if not sha and env.get("GITHUB_REPOSITORY") == slug:
            sha = env.get("GITHUB_SHA")
        valid = isinstance(slug, str) and re.fullmatch(r"[\w.-]+/[\w.-]+", slug) and isinstance(sha, str) \
            and re.fullmatch(r"[0-9a-f]{7,64}", sha) and re.match(r"https?://[^\s/]+", server)
        self.blob = f"{server}/{slug}/blob/{sha}" if valid else None
        # A check of a subdirectory reports paths relative to it; links need them from the root.
        sub = str(repo_info.get("path") or subject.get("path") or ".").replace("\\", "/").strip("/")
        self.prefix = "" if sub in ("", ".") or sub.startswith(("/", "..")) or "/../" in sub else sub + "/"
        version = str((report.get("tool") or {}).get("version") or __version__)
        self.docs = f"{DOCS_BASE}/v{quote(version, safe='.-+')}/docs/rules.md"
        self._refs: dict[str, str] = {}  # url -> reference label

    def ref(self, shown: str, url: str) -> str:
        """A reference-style link: each URL is written once, in `definitions`, so a comment
        with a hundred locations stays short and its lines stay readable as plain text."""
        if url not in self._refs:
            self._refs[url] = f"{len(self._refs) + 1}"
        return f"[{shown}][{self._refs[url]}]"

    def definitions(self, text: str) -> list[str]:
        """The definitions of the references `text` uses, in order of first use."""
        used = set(re.findall(r"\]\[(\d+)\]", text))
        return [f"[{label}]: {url}" for url, label in self._refs.items() if label in used]

    def location(self, loc: Mapping[str, Any], *, table: bool = False) -> str:
        path = str(loc.get("path") or "")
        line = loc.get("line") if isinstance(loc.get("line"), int) and loc.get("line") > 0 else None
        shown = code(f"{path}:{line}" if line else path, table=table)
        if not self.blob or not shown or path.startswith(("/", "../")) or "://" in path:
            return shown
        url = f"{self.blob}/{quote(self.prefix + path.removeprefix('./'))}"
        return self.ref(shown, url + (f"#L{line}" if line else ""))

    def rule(self, rule_id: str, *, table: bool = False) -> str:
        if not re.fullmatch(r"[a-z0-9-]+\.[a-z0-9.-]+", rule_id or ""):
            return code(rule_id, table=table)
        return self.ref(code(rule_id, table=table), f"{self.docs}#{rule_id.replace('.', '')}")
