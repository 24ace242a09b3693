"""One sticky PR comment per gate: the gate's own, found by its hidden marker and its author.

A comment counts as the gate's only when it carries the marker *and* was written by the
token's own user or app: a fork author's comment that quotes the marker is never edited
or deleted, and a maintainer's note added around the marker still leaves it the gate's.
"Exactly one" holds across reruns, half-way failures and concurrent runs because a run
that creates a comment lists again afterwards, keeps the oldest of the gate's own
(updating it with this run's body) and deletes the rest; a 404 on a comment means it is
already gone.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from msgspec import Struct

from gate.github.client import ApiError, Client
from gate.github.identity import Author

COMMENT_LIMIT = 65536  # GitHub refuses longer comment bodies with 422
MODES = ("always", "on-failure", "never")
ON_PASS = ("update", "delete", "minimize")
MAX_COMMENT_PAGES = 30  # 3,000 comments: bounded work on a huge PR
_MINIMIZE = ("mutation($input: MinimizeCommentInput!) { minimizeComment(input: $input) "
             "{ minimizedComment { isMinimized } } }")
_UNMINIMIZE = ("mutation($input: UnminimizeCommentInput!) { unminimizeComment(input: $input) "
               "{ unminimizedComment { isMinimized } } }")


def marker(name: str) -> str:
    """Keyed by the status name, so two gates on one PR keep their own comments."""
    safe = re.sub(r"[^A-Za-z0-9._/-]", "_", name).replace("--", "_-")
    return f"<!-- readiness-gate:{safe} -->"


def _state_marker(name: str) -> str:
    return marker(name).replace(" -->", ":minimized -->")


class CommentOutcome(Struct):
    action: str  # created | updated | deleted | minimized | skipped
    url: str | None = None
    removed_duplicates: int = 0


class _Thread:
    """The PR's comments as the gate sees them."""

    def __init__(self, client: Client, repo: str, pr: int, name: str, author: Author,
                 render: Callable[[int], str]) -> None:
        self.client, self.repo, self.pr, self.name, self.author, self.render = client, repo, pr, name, author, render
        self.removed = 0

    def ours(self) -> list[dict[str, Any]]:
        """The gate's own comments, oldest first."""
        tag = marker(self.name)
        items = self.client.pages(f"/repos/{self.repo}/issues/{self.pr}/comments", {}, action="comment (listing)",
                                  max_pages=MAX_COMMENT_PAGES)
        mine = [c for c in items if isinstance(c.get("id"), int) and isinstance(c.get("body"), str)
                and tag in c["body"] and self.author.wrote(c)]
        return sorted(mine, key=lambda c: (str(c.get("created_at") or ""), c["id"]))

    def body(self, limit: int = COMMENT_LIMIT) -> str:
        tag = marker(self.name)
        return f"{tag}\n{self.render(limit - len(tag) - 64)}"  # room for the marker and the state marker

    def delete(self, comment: dict[str, Any]) -> None:
        try:
            self.client.request("DELETE", f"/repos/{self.repo}/issues/comments/{comment['id']}",
                                action="comment (removing)", expect=None)
        except ApiError as exc:
            if exc.kind != "missing":  # already gone: what we wanted
                raise
        self.removed += 1

    def update(self, comment: dict[str, Any], body: str) -> dict[str, Any] | None:
        """The updated comment, or None when it is gone."""
        path = f"/repos/{self.repo}/issues/comments/{comment['id']}"
        try:
            try:
                return self.client.request("PATCH", path, body={"body": body}, action="comment").data
            except ApiError as exc:
                if exc.kind != "invalid":
                    raise
                return self.client.request("PATCH", path, body={"body": self.body(COMMENT_LIMIT // 4)},
                                           action="comment").data
        except ApiError as exc:
            if exc.kind == "missing":
                return None
            raise

    def create(self, body: str) -> dict[str, Any]:
        """POST once; after an ambiguous failure, look for the comment before posting again."""
        path = f"/repos/{self.repo}/issues/{self.pr}/comments"
        attempts, folded = self.client.settings.retries + 1, False
        for attempt in range(attempts):
            try:
                created = self.client.request("POST", path, body={"body": body}, action="comment").data
            except ApiError as exc:
                if exc.kind == "invalid" and not folded:
                    body, folded = self.body(COMMENT_LIMIT // 4), True  # GitHub counts differently: fold more
                    continue
                if not exc.ambiguous or attempt == attempts - 1:
                    raise
                found = self.ours()
                if found:
                    return found[0]
                self.client.backoff(attempt, exc)
                continue
            self.author.learn(created)
            return created
        raise ApiError("error", "comment: GitHub refused every shortened body")

    def settle(self, written: dict[str, Any], body: str) -> dict[str, Any]:
        """After a create: keep the oldest of the gate's own comments, with this run's body."""
        ours = self.ours()
        if not ours:
            return written
        keep, extras = ours[0], ours[1:]
        for extra in extras:
            self.delete(extra)
        if keep.get("id") == written.get("id") and keep.get("body") == body:
            return keep
        return self.update(keep, body) or written

    def minimize(self, comment: dict[str, Any], hide: bool) -> None:
        node = comment.get("node_id")
        if not isinstance(node, str):
            raise ApiError("malformed", "comment: GitHub's answer has no node_id to minimise it by")
        variables: dict[str, Any] = {"input": {"subjectId": node, **({"classifier": "OUTDATED"} if hide else {})}}
        try:
            self.client.graphql(_MINIMIZE if hide else _UNMINIMIZE, variables,
                                action="comment (minimising)" if hide else "comment (showing it again)")
        except ApiError as exc:
            if exc.kind != "missing":
                raise


def publish_comment(client: Client, repo: str, pr: int, name: str, mode: str, on_pass: str, passed: bool,
                    render: Callable[[int], str], author: Author) -> CommentOutcome:
    """Create, update, delete or minimise the gate's comment as `mode`/`on_pass` ask.

    `render(max_chars)` returns the Markdown to publish; it is asked for less if GitHub
    still refuses the body as too long.
    """
    if mode == "never":
        return CommentOutcome("skipped")
    thread = _Thread(client, repo, pr, name, author, render)
    existing = thread.ours()
    keep = existing[0] if existing else None
    for extra in existing[1:]:
        thread.delete(extra)
    if passed and mode == "on-failure":
        if keep is None:
            return CommentOutcome("skipped", removed_duplicates=thread.removed)
        if on_pass == "delete":
            thread.delete(keep)
            return CommentOutcome("deleted", removed_duplicates=thread.removed - 1)
    body = thread.body()
    if passed and mode == "on-failure" and on_pass == "minimize":
        assert keep is not None
        kept = thread.update(keep, body + "\n" + _state_marker(name))
        if kept is None:  # deleted meanwhile: nothing left to fold
            return CommentOutcome("skipped", removed_duplicates=thread.removed)
        thread.minimize(keep, hide=True)
        return CommentOutcome("minimized", _url(kept), thread.removed)
    if keep is not None:
        if _state_marker(name) in keep["body"]:  # a failure again after a minimised pass
            thread.minimize(keep, hide=False)
        kept = thread.update(keep, body)
        if kept is not None:
            return CommentOutcome("updated", _url(kept), thread.removed)
    created = thread.create(body)
    final = thread.settle(created, body)
    return CommentOutcome("created", _url(final) or _url(created), thread.removed)


def _url(comment: dict[str, Any] | None) -> str | None:
    url = (comment or {}).get("html_url")
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None
