"""Read a workflow file of another repository through the contents API (`repos/get-content`).

Used for remote reusable workflows (`owner/repo/.github/workflows/x.yml@ref`): with a
token, the gate reads the called file at the ref the caller names and judges it like a
local one. Any ref the caller names is read — a 40-hex commit SHA, or a tag or branch
name — because that ref is exactly what GitHub runs for the caller today; a branch can
move later, so a SHA is the only pin that stays true, but refusing tags and branches would
leave the common `@v1`/`@main` calls out of sight for no gain. A ref that is not a plain
git ref name (an expression, whitespace, `..`) is never sent.

Nothing here raises for what GitHub answers: a 404, a missing permission, a body that is
cut off, not a file, not base64 or larger than 1 MiB all give None, and `last_error` of the
reader says why (for the notice).
"""
from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Callable
from urllib.parse import quote

from gate.github.client import ApiError, Client, ClientSettings, Deadline
from gate.model.lazyre import lazy

MAX_FILE = 1 << 20  # the same bound as a local workflow file
_NAME = lazy(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})")
_REF = lazy(r"[A-Za-z0-9._/+-]{1,255}")
_PATH = lazy(r"\.github/workflows/[A-Za-z0-9._-]+\.ya?ml")


def pinned_ref(ref: str) -> bool:
    """A ref that names something fixed at read time: a SHA, a tag or a branch (no expressions)."""
    return bool(_REF.fullmatch(ref)) and ".." not in ref and not ref.startswith(("/", "-")) \
        and not ref.endswith(("/", ".lock"))


def fetch_workflow(client: Client, owner: str, repo: str, path: str, ref: str,
                   problems: list[str] | None = None) -> str | None:
    """The text of `path` in `owner/repo` at `ref`, or None (`problems` gets the reason); never raises."""
    def no(why: str) -> None:
        if problems is not None:
            problems.append(why)
        return None

    if not (_NAME.fullmatch(owner) and _NAME.fullmatch(repo) and _PATH.fullmatch(path) and pinned_ref(ref)):
        return no("not a workflow path pinned to a ref; not read")
    try:
        answer = client.get(f"/repos/{owner}/{repo}/contents/{quote(path, safe='/')}", {"ref": ref},
                            action="contents", expect=dict)
    except ApiError as exc:
        hint = f"; the token needs `{exc.permission}` on {owner}/{repo}" if exc.kind == "permission" and \
            exc.permission else ""
        return no(f"{exc}{hint}")
    data = answer.data
    if data.get("type") != "file":
        return no(f"GitHub's answer is a {str(data.get('type'))[:20]!s}, not a file")
    size = data.get("size")
    if isinstance(size, int) and size > MAX_FILE:
        return no(f"larger than {MAX_FILE} bytes; not read")
    content, encoding = data.get("content"), data.get("encoding")
    if not isinstance(content, str) or encoding != "base64":
        # files over 1 MB come back with encoding "none" and no content
        return no("GitHub's answer carries no base64 content (a file over 1 MB?)")
    if len(content) > MAX_FILE * 4 // 3 + 4096:
        return no(f"larger than {MAX_FILE} bytes; not read")
    try:
        raw = base64.b64decode("".join(content.split()), validate=True)
    except (binascii.Error, ValueError):
        return no("GitHub's answer is not valid base64")
    if len(raw) > MAX_FILE:
        return no(f"larger than {MAX_FILE} bytes; not read")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return no("not UTF-8 text")


class RemoteReader:
    """`(owner, repo, path, ref) -> text | None` for `collect_workflows(remote=...)`.

    `last_error` says why the latest read gave None; `requests` counts calls asked for.
    """

    def __init__(self, client: Client) -> None:
        self.client = client
        self.last_error: str | None = None

    @property
    def requests(self) -> int:
        return self.client.calls

    def __call__(self, owner: str, repo: str, path: str, ref: str) -> str | None:
        problems: list[str] = []
        text = fetch_workflow(self.client, owner, repo, path, ref, problems)
        self.last_error = problems[0] if problems else None
        return text


def remote_reader(token: str, api_url: str = "https://api.github.com", timeout: float = 10, retries: int = 4,
                  sleep: Callable[[float], None] = time.sleep, deadline: float | Deadline = 90.0,
                  clock: Callable[[], float] = time.monotonic) -> RemoteReader | None:
    """A reader with the API collector's client settings; None when the token is unusable."""
    shared = deadline if isinstance(deadline, Deadline) else None
    seconds = shared.seconds if shared is not None else float(deadline)
    try:
        client = Client(ClientSettings(api_url=api_url.rstrip("/"), token=token, timeout=timeout, retries=retries,
                                       sleep=sleep, deadline=seconds, clock=clock), deadline=shared)
    except ApiError:  # a token with a line break: the API collector says so once
        return None
    return RemoteReader(client)
