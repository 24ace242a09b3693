"""The GitHub Actions context a publish run needs, from the environment and the event payload.

Which commit gets the status and which PR gets the comment depends on the event:
`pull_request*` → the PR head (not GITHUB_SHA, which is a merge or base commit);
`workflow_run` → the *triggering* run's head SHA and PR (the fork-safe pattern);
`merge_group` → the queue's head SHA; `push`/`release`/others → GITHUB_SHA, no PR.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import msgspec
from msgspec import Struct

DEFAULT_API_URL = "https://api.github.com"


class ContextError(ValueError):
    """The Actions context cannot be read (a one-line message for the user)."""


class GitHubContext(Struct, frozen=True):
    repository: str | None = None  # "owner/name"
    sha: str | None = None  # commit that receives the status or check run
    pr_number: int | None = None  # PR that receives the comment, if any
    event_name: str | None = None
    ref: str | None = None
    api_url: str = DEFAULT_API_URL  # GITHUB_API_URL; GitHub Enterprise: https://HOST/api/v3
    details_url: str | None = None  # link from the status to the run that produced the report
    head_owner: str | None = None  # for finding a fork PR of a workflow_run by its head branch
    head_branch: str | None = None
    triggering_event: str | None = None  # workflow_run: the event that started the checked run
    merge_shas: tuple[str, ...] = ()  # test-merge commits GitHub made of `sha` (a report of one judged it)
    problem: str | None = None  # why the event cannot say which commit to publish on (unless --sha)

    def with_overrides(self, **values: Any) -> "GitHubContext":
        """Replace the fields given a value other than None (flags override the environment)."""
        return msgspec.structs.replace(self, **{k: v for k, v in values.items() if v is not None})

    @property
    def wants_pr_lookup(self) -> bool:
        """A workflow_run from a fork carries no PR list; the PR is found by its head branch."""
        return (self.pr_number is None and self.event_name == "workflow_run"
                and self.triggering_event in ("pull_request", "pull_request_target")
                and bool(self.head_owner and self.head_branch and self.sha))


def _load_event(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise ContextError(f"cannot read the event payload {path}: {exc.strerror}") from None
    except ValueError:
        raise ContextError(f"the event payload {path} is not JSON") from None
    return data if isinstance(data, dict) else {}


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def from_environment(env: Mapping[str, str]) -> GitHubContext:
    """Read GITHUB_* variables and the event payload at GITHUB_EVENT_PATH."""
    event = env.get("GITHUB_EVENT_NAME") or None
    payload = _load_event(env.get("GITHUB_EVENT_PATH"))
    server = (env.get("GITHUB_SERVER_URL") or "https://github.com").rstrip("/")
    repository = env.get("GITHUB_REPOSITORY") or _get(payload, "repository", "full_name")
    run_url = (f"{server}/{repository}/actions/runs/{env['GITHUB_RUN_ID']}"
               if repository and env.get("GITHUB_RUN_ID") else None)
    ctx = GitHubContext(repository=repository, sha=env.get("GITHUB_SHA") or None, event_name=event,
                        ref=env.get("GITHUB_REF") or None,
                        api_url=(env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/"), details_url=run_url)
    if event in ("pull_request", "pull_request_target"):
        pr = _get(payload, "pull_request") or {}
        head = _get(pr, "head", "sha")
        if not _is_sha(head):
            # GITHUB_SHA is the test-merge (or base) commit here, never the head: do not post on it.
            return msgspec.structs.replace(ctx, sha=None, problem=_missing(event, "pull_request.head.sha", env))
        # On pull_request, GITHUB_SHA is the test-merge commit of this head with its base.
        merges = tuple(s for s in (env.get("GITHUB_SHA") if event == "pull_request" else None,
                                   pr.get("merge_commit_sha")) if _is_sha(s))
        return msgspec.structs.replace(ctx.with_overrides(pr_number=_int(pr.get("number")) or _int(payload.get("number")),
                                                      sha=head), merge_shas=merges)
    if event == "merge_group":
        # Without a payload GITHUB_SHA is still right: for merge_group it is the queue's head.
        return ctx.with_overrides(sha=_get(payload, "merge_group", "head_sha"),
                                  ref=_get(payload, "merge_group", "head_ref"))
    if event == "push":
        after = payload.get("after")
        return ctx.with_overrides(sha=after if isinstance(after, str) and after.strip("0") else None)
    if event == "workflow_run":
        if not _is_sha(_get(payload, "workflow_run", "head_sha")):
            return msgspec.structs.replace(ctx, sha=None, problem=_missing(event, "workflow_run.head_sha", env))
        return _from_workflow_run(ctx, _get(payload, "workflow_run") or {})
    return ctx  # release, workflow_dispatch, schedule …: GITHUB_SHA, no PR


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 40 and all(c in "0123456789abcdef" for c in value.lower())


def _missing(event: str, key: str, env: Mapping[str, str]) -> str:
    where = env.get("GITHUB_EVENT_PATH")
    said = f"the event payload {where} has no {key}" if where else "there is no event payload (GITHUB_EVENT_PATH)"
    return (f"a {event} event, but {said}: the commit to publish on is unknown "
            "(GITHUB_SHA is not it); pass --sha (and --pr for the comment)")


def _from_workflow_run(ctx: GitHubContext, run: dict[str, Any]) -> GitHubContext:
    head_sha = run.get("head_sha")
    pr_number = None
    for pr in run.get("pull_requests") or []:
        # The list names PRs of this repository whose head is the run's head; match the SHA
        # so a PR that moved on since the run is not given a stale verdict.
        if _get(pr, "head", "sha") in (None, head_sha):
            pr_number = _int(pr.get("number"))
            break
    # The status links to the triggering run: that is where the report was produced.
    return ctx.with_overrides(sha=head_sha, pr_number=pr_number, details_url=run.get("html_url"),
                              head_branch=run.get("head_branch"),
                              head_owner=_get(run, "head_repository", "owner", "login"),
                              triggering_event=run.get("event"), ref=None)
