"""One sticky PR comment per gate, found by a hidden marker and updated in place.

"Exactly one" holds across reruns and half-way failures because every run first lists
the PR's comments: it updates the marked comment if there is one, deletes any extra
marked comments (left by an earlier race), and after a create that failed ambiguously
it lists again before trying once more.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .client import ClientSettings, PublishError, call, retry_write

if TYPE_CHECKING:
    import github

COMMENT_LIMIT = 65536  # GitHub refuses longer comment bodies with 422
MODES = ("always", "on-failure", "never")
ON_PASS = ("update", "delete", "minimize")


def marker(name: str) -> str:
    """Keyed by the status name, so two gates on one PR keep their own comments."""
    safe = re.sub(r"[^A-Za-z0-9._/-]", "_", name).replace("--", "_-")
    return f"<!-- readiness-gate:{safe} -->"


def _state_marker(name: str) -> str:
    return marker(name).replace(" -->", ":minimized -->")


@dataclass
class CommentOutcome:
    action: str  # created | updated | deleted | minimized | skipped
    url: str | None = None
    removed_duplicates: int = 0


def _ours(gh: "github.Github", settings: ClientSettings, repo: str, pr: int, name: str) -> list[Any]:
    issue = gh.get_repo(repo).get_issue(pr)  # lazy: no request
    tag = marker(name)
    return call(lambda: [c for c in issue.get_comments() if (c.body or "").startswith(tag)], settings,
                "comment (listing)")


def publish_comment(gh: "github.Github", settings: ClientSettings, repo: str, pr: int, name: str, mode: str,
                    on_pass: str, passed: bool, render: Callable[[int], str]) -> CommentOutcome:
    """Create, update, delete or minimise the gate's comment as `mode`/`on_pass` ask.

    `render(max_chars)` returns the Markdown to publish; it is asked for less if GitHub
    still refuses the body as too long.
    """
    if mode == "never":
        return CommentOutcome("skipped")
    existing = _ours(gh, settings, repo, pr, name)
    keep, extras = (existing[0], existing[1:]) if existing else (None, [])
    for extra in extras:
        call(extra.delete, settings, "comment (removing a duplicate)")
    if passed and mode == "on-failure":
        if keep is None:
            return CommentOutcome("skipped", removed_duplicates=len(extras))
        if on_pass == "delete":
            call(keep.delete, settings, "comment (deleting the stale one)")
            return CommentOutcome("deleted", removed_duplicates=len(extras))
    body = _body(name, render, COMMENT_LIMIT)
    if passed and mode == "on-failure" and on_pass == "minimize":
        _update(keep, body + "\n" + _state_marker(name), name, render, settings)
        call(lambda: keep.minimize("OUTDATED"), settings, "comment (minimising)")
        return CommentOutcome("minimized", keep.html_url, len(extras))
    if keep is not None:
        if _state_marker(name) in (keep.body or ""):  # a failure again after a minimised pass
            call(keep.unminimize, settings, "comment (showing it again)")
        _update(keep, body, name, render, settings)
        return CommentOutcome("updated", keep.html_url, len(extras))
    issue = gh.get_repo(repo).get_issue(pr)

    def created_meanwhile() -> Any:
        found = _ours(gh, settings, repo, pr, name)
        if found:
            _update(found[0], body, name, render, settings)
            return found[0]
        return None

    try:
        comment = retry_write(lambda: issue.create_comment(body), settings, "comment", created_meanwhile)
    except PublishError as exc:
        if exc.kind != "invalid":
            raise
        short = _body(name, render, COMMENT_LIMIT // 4)  # GitHub counts differently than we do: fold more
        comment = retry_write(lambda: issue.create_comment(short), settings, "comment", created_meanwhile)
    return CommentOutcome("created", comment.html_url, len(extras))


def _body(name: str, render: Callable[[int], str], limit: int) -> str:
    tag = marker(name)
    budget = limit - len(tag) - 64  # room for the marker and the state marker
    return f"{tag}\n{render(budget)}"


def _update(comment: Any, body: str, name: str, render: Callable[[int], str], settings: ClientSettings) -> None:
    try:
        call(lambda: comment.edit(body), settings, "comment")
    except PublishError as exc:
        if exc.kind != "invalid":
            raise
        call(lambda: comment.edit(_body(name, render, COMMENT_LIMIT // 4)), settings, "comment")
