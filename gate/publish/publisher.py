"""`publish_report`: a saved report → job summary, annotations, status/check run, PR comment.

Exit codes: the verdict's (0 PASS, 1 FAIL); 2 when the report or the context is unusable
(including a report of another commit); 3 when publishing was asked for and failed — after
everything that could still be published was, the job summary always. A token that may
not write (403/404, e.g. a fork PR's read-only token) is not a failure: the run degrades
to the job summary and annotations, with one notice naming the missing permission.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from msgspec import Struct

from gate.github import logs
from gate.github.client import PERMISSIONS, ApiError, Client, ClientSettings, clean_token, redact
from gate.github.identity import whoami

from .annotations import from_report
from .body import Renderer, fallback_markdown, headline, render
from .comment import publish_comment
from .context import ContextError, GitHubContext, from_environment
from .status import DEFAULT_NAME, publish_check_run, publish_commit_status
from .summary import append_step_summary, command, write_annotations

EXIT_PASS, EXIT_FAIL, EXIT_USAGE, EXIT_PUBLISH = 0, 1, 2, 3
SUMMARY_LIMIT = 1_000_000  # GitHub's per-step job summary limit is 1 MiB
STATUS_KINDS = ("check-run", "commit-status", "none")
DEFAULT_DEADLINE = 90.0


class PublishOptions(Struct):
    # Overrides of the Actions context (None: read it from the environment).
    repository: str | None = None
    sha: str | None = None
    pr_number: int | None = None
    event_name: str | None = None
    api_url: str | None = None
    ref: str | None = None
    # What to publish.
    status: str = "check-run"
    status_name: str = DEFAULT_NAME
    comment: str = "always"
    on_pass: str = "update"
    token_env: str = "GITHUB_TOKEN"
    summary: bool = True
    annotations: bool = True
    # Client behaviour (tests shrink these and inject the clock).
    deadline: float = DEFAULT_DEADLINE  # seconds for the whole publish: requests, retries, waits
    timeout: float = 10.0
    retries: int = 4
    backoff: float = 1.0
    max_wait: float = 120.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    verbose: bool = False
    env: Mapping[str, str] | None = None
    renderer: Renderer | None = None
    stdout: TextIO | None = None
    stderr: TextIO | None = None


class UsageError(Exception):
    pass


def _kind(value: Any, kinds: tuple[type, ...], what: str) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, kinds)):
        names = " or ".join(k.__name__.replace("dict", "object").replace("list", "array") for k in kinds)
        raise UsageError(f"not a readiness-gate report: {what} must be {names}")


def check_report(report: Any) -> dict[str, Any]:
    """The fields publishing reads, of the types it reads them as; anything else is exit 2."""
    if not isinstance(report, dict) or report.get("verdict") not in ("PASS", "FAIL"):
        raise UsageError("not a readiness-gate report (no PASS/FAIL verdict)")
    version = report.get("schema_version", 1)
    if version != 1 or isinstance(version, bool):
        raise UsageError(f"report schema_version {version!r} is not supported (expected 1)")
    _kind(report.get("score"), (int, float), "`score`")
    for key in ("summary", "subject", "repository", "policy", "tool"):
        _kind(report.get(key), (dict,), f"`{key}`")
    for key in ("results", "domains", "notices"):
        _kind(report.get(key), (list,), f"`{key}`")
    for i, result in enumerate(report.get("results") or []):
        if not isinstance(result, dict):
            raise UsageError(f"not a readiness-gate report: results[{i}] must be an object")
        _kind(result.get("locations"), (list,), f"results[{i}].locations")
        for key in ("id", "status", "severity", "message", "remediation", "title"):
            _kind(result.get(key), (str,), f"results[{i}].{key}")
    for key in ("subject", "repository"):
        _kind((report.get(key) or {}).get("sha"), (str,), f"`{key}.sha`")
    return report


def judged_sha(report: dict[str, Any]) -> str | None:
    """The commit the report judged: `subject.sha`, else (older reports) `repository.sha`."""
    for key in ("subject", "repository"):
        sha = (report.get(key) or {}).get("sha")
        if isinstance(sha, str) and sha.strip():
            return sha.strip().lower()
    return None


def _same(a: str, b: str) -> bool:
    return len(a) >= 7 and len(b) >= 7 and (a.startswith(b) or b.startswith(a))


def publish_report(report: dict[str, Any], options: PublishOptions) -> int:
    """Publish `report` as `options` say; return the exit code. Never raises for user input."""
    out, err = options.stdout or sys.stdout, options.stderr or sys.stderr
    env = os.environ if options.env is None else options.env
    logs.configure(options.verbose, err, (env.get(options.token_env) or "").strip())
    try:
        check_report(report)
        ctx = from_environment(env).with_overrides(
            repository=options.repository, sha=options.sha, pr_number=options.pr_number,
            event_name=options.event_name, api_url=options.api_url.rstrip("/") if options.api_url else None,
            ref=options.ref)
        if ctx.problem and not options.sha:
            raise UsageError(ctx.problem)
    except (UsageError, ContextError) as exc:
        err.write(f"readiness-gate: {exc}\n")
        return EXIT_USAGE
    code = EXIT_PASS if report["verdict"] == "PASS" else EXIT_FAIL
    token, failure, notice = "", None, None
    try:
        token = clean_token(env.get(options.token_env), options.token_env)
    except ApiError as exc:
        failure = exc
    client = _client(ctx, options, token) if token and ctx.repository else None
    try:
        reason = _judged_here(report, ctx, client)
    except UsageError as exc:
        err.write(f"readiness-gate: {exc}\n")
        return EXIT_USAGE
    except ApiError as exc:
        failure, client = exc, None
        reason = None
    out.write(f"readiness-gate: {headline(report)}\n")
    if reason:
        out.write(f"readiness-gate: {reason}\n")
    annotations = from_report(report)
    if options.annotations:
        write_annotations(annotations, out)
    comment_url = None
    if failure is None:
        try:
            notice, failure, comment_url = _publish_api(report, options, ctx, client, annotations, out)
        except UsageError as exc:
            err.write(f"readiness-gate: {exc}\n")
            return EXIT_USAGE
        except Exception as exc:  # noqa: BLE001 - the summary and the exit code must survive a bug here
            failure = ApiError("error", f"unexpected {type(exc).__name__}: {str(exc)[:200]}")
    _write_output(env, comment_url, err)
    summary_path = env.get("GITHUB_STEP_SUMMARY")
    if options.summary and summary_path:
        text = _render(report, SUMMARY_LIMIT - 2000, options.renderer)
        if notice:
            text += f"\n\n> [!WARNING]\n> {notice}\n"
        if failure is not None:
            text += f"\n\n> [!CAUTION]\n> Publishing to GitHub failed: {redact(str(failure), token)}\n"
        try:
            append_step_summary(summary_path, text)
        except OSError as exc:
            err.write(f"readiness-gate: cannot write the job summary: {exc.strerror}\n")
    if notice:
        out.write(command("warning", notice, title="readiness-gate") + "\n")
    if failure is not None:
        err.write(f"readiness-gate: publishing failed: {redact(str(failure), token)}\n")
        return EXIT_PUBLISH
    return code


def _client(ctx: GitHubContext, options: PublishOptions, token: str) -> Client:
    settings = ClientSettings(api_url=ctx.api_url, token=token, timeout=options.timeout, retries=options.retries,
                              backoff=options.backoff, max_wait=options.max_wait, deadline=options.deadline,
                              sleep=options.sleep, clock=options.clock)
    return Client(settings)


def _judged_here(report: dict[str, Any], ctx: GitHubContext, client: Client | None) -> str | None:
    """Refuse a report of another commit; return why one of a different SHA is accepted."""
    judged = judged_sha(report)
    if judged is None or ctx.sha is None or _same(judged, ctx.sha.lower()):
        return None
    head = ctx.sha.lower()
    if any(_same(judged, m.lower()) for m in ctx.merge_shas):
        return (f"the report judged {judged[:12]}, the test-merge commit GitHub made of head {head[:12]}: "
                f"publishing on {head[:12]}")
    if client is not None and ctx.repository:
        try:
            data = client.get(f"/repos/{ctx.repository}/commits/{judged}", action="commit").data
        except ApiError as exc:
            if exc.kind not in ("missing", "invalid"):  # 404/422: no such commit here
                raise
            data = {}
        listed = data.get("parents")
        parents = [p.get("sha") for p in listed if isinstance(p, dict)] if isinstance(listed, list) else []
        if len(parents) > 1 and any(isinstance(p, str) and _same(p.lower(), head) for p in parents):
            return (f"the report judged {judged[:12]}, a merge commit whose parent is head {head[:12]}: "
                    f"publishing on {head[:12]}")
    raise UsageError(f"the report judged commit {judged[:12]}, but this event's head is {head[:12]}: "
                     f"it is not published on a commit it did not judge (run check on {head[:12]}, or pass "
                     "--sha to say which commit it belongs to)")


def _render(report: dict[str, Any], limit: int, renderer: Renderer | None) -> str:
    try:
        return render(report, limit, renderer)
    except Exception:  # noqa: BLE001 - an odd report must not cost the verdict its summary
        return fallback_markdown(report, limit)


def _write_output(env: Mapping[str, str], url: str | None, err: TextIO) -> None:
    """`comment-url` for the action's outputs, straight from here rather than parsed from the log."""
    path = env.get("GITHUB_OUTPUT")
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"comment-url={url or ''}\n")
    except OSError as exc:
        err.write(f"readiness-gate: cannot write the step outputs: {exc.strerror}\n")


def _publish_api(report: dict[str, Any], options: PublishOptions, ctx: GitHubContext, client: Client | None,
                 annotations: list[Any], out: TextIO) -> tuple[str | None, ApiError | None, str | None]:
    """Returns (notice, failure, comment URL). Permission problems become the notice; others the failure."""
    wants_status = options.status != "none"
    wants_comment = options.comment != "never"
    if not (wants_status or wants_comment):
        return None, None, None
    if not ctx.repository or "/" not in ctx.repository:
        raise UsageError("no repository: set GITHUB_REPOSITORY or pass --repo OWNER/NAME")
    if client is None:
        return (f"No token in ${options.token_env}: published the job summary and annotations only "
                f"(give the job a token to publish a {'status' if wants_status else 'comment'})."), None, None
    if wants_status and not ctx.sha:
        raise UsageError("no commit to publish on: set GITHUB_SHA or pass --sha")
    missing: list[tuple[ApiError, str]] = []  # permission problems: degrade, one notice
    failure: ApiError | None = None
    comment_url = None
    # Status and comment are tried independently: a failing one must not cost the other.
    if wants_status:
        try:
            _publish_status(client, report, options, ctx, annotations, out)
        except ApiError as exc:
            kind = "check-run" if options.status == "check-run" else "commit-status"
            if exc.kind in ("permission", "missing"):
                missing.append((exc, exc.permission or PERMISSIONS[kind]))
            else:
                failure = exc
    if wants_comment and not (failure is not None and failure.kind in ("auth", "deadline")):
        try:
            comment_url = _publish_comment(client, report, options, ctx, out)
        except ApiError as exc:
            if exc.kind in ("permission", "missing"):
                missing.append((exc, exc.permission or PERMISSIONS["comment"]))
            else:
                failure = failure or exc
    if not missing:
        return None, failure, comment_url
    needed = list(dict.fromkeys(permission for _, permission in missing))
    return (f"{missing[0][0]}. The token needs {' and '.join(f'`{p}`' for p in needed)} to publish "
            "(a fork pull request's token is read-only: see the fork-safe recipe in docs/publishing.md); "
            "published the job summary and annotations instead."), failure, comment_url


def _publish_comment(client: Client, report: dict[str, Any], options: PublishOptions, ctx: GitHubContext,
                     out: TextIO) -> str | None:
    assert ctx.repository
    pr = ctx.pr_number or (_find_pr(client, ctx) if ctx.wants_pr_lookup else None)
    if pr is None:
        out.write("readiness-gate: no pull request for this event: no comment\n")
        return None
    outcome = publish_comment(client, ctx.repository, pr, options.status_name, options.comment,
                              options.on_pass, report["verdict"] == "PASS",
                              lambda limit: _render(report, limit, options.renderer), whoami(client))
    url = f": {outcome.url}" if outcome.url and outcome.action != "skipped" else ""
    out.write(f"readiness-gate: PR comment {outcome.action}{url}\n")
    return outcome.url if outcome.action in ("created", "updated", "minimized") else None


def _publish_status(client: Client, report: dict[str, Any], options: PublishOptions, ctx: GitHubContext,
                    annotations: list[Any], out: TextIO) -> None:
    assert ctx.repository and ctx.sha
    if options.status == "check-run":
        url = publish_check_run(client, ctx.repository, ctx.sha, options.status_name, report,
                                title=headline(report), summary=_render(report, 60000, options.renderer),
                                annotations=annotations, details_url=ctx.details_url)
        out.write(f"readiness-gate: check run {options.status_name!r} published: {url}\n")
    else:
        publish_commit_status(client, ctx.repository, ctx.sha, options.status_name, report,
                              description=headline(report), target_url=ctx.details_url)
        out.write(f"readiness-gate: commit status {options.status_name!r} published\n")


def _find_pr(client: Client, ctx: GitHubContext) -> int | None:
    """A fork PR's workflow_run carries no PR list: find the open PR whose head is the run's head."""
    assert ctx.repository
    pulls = client.pages(f"/repos/{ctx.repository}/pulls", {"state": "open",
                                                             "head": f"{ctx.head_owner}:{ctx.head_branch}"},
                         action="pulls", max_pages=3)
    for pull in pulls:
        head = pull.get("head")
        number = pull.get("number")
        if isinstance(head, dict) and head.get("sha") == ctx.sha and isinstance(number, int):
            return number
    return None
