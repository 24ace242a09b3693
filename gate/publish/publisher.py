"""`publish_report`: a saved report → job summary, annotations, status/check run, PR comment.

Exit codes: the verdict's (0 PASS, 1 FAIL); 2 when the report or the context is unusable;
3 when publishing was asked for and failed after retries. A token that may not write
(403/404, e.g. a fork PR's read-only token) is not a failure: the run degrades to the job
summary and annotations, with one notice naming the missing permission.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from .annotations import from_report
from .body import Renderer, headline, render
from .client import PERMISSIONS, ClientSettings, PublishError, call, make_github
from .comment import publish_comment
from .context import ContextError, GitHubContext, from_environment
from .status import DEFAULT_NAME, publish_check_run, publish_commit_status
from .summary import append_step_summary, command, write_annotations

EXIT_PASS, EXIT_FAIL, EXIT_USAGE, EXIT_PUBLISH = 0, 1, 2, 3
SUMMARY_LIMIT = 1_000_000  # GitHub's per-step job summary limit is 1 MiB
STATUS_KINDS = ("check-run", "commit-status", "none")


@dataclass
class PublishOptions:
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
    # Client behaviour (tests shrink these).
    timeout: int = 10
    retries: int = 4
    backoff: float = 1.0
    max_wait: float = 120.0
    sleep: Callable[[float], None] = time.sleep
    spacing: bool = True
    env: Mapping[str, str] | None = None
    renderer: Renderer | None = None
    stdout: TextIO | None = None
    stderr: TextIO | None = None


class UsageError(Exception):
    pass


def check_report(report: Any) -> dict[str, Any]:
    if not isinstance(report, dict) or report.get("verdict") not in ("PASS", "FAIL"):
        raise UsageError("not a readiness-gate report (no PASS/FAIL verdict)")
    if report.get("schema_version", 1) != 1:
        raise UsageError(f"report schema_version {report.get('schema_version')!r} is not supported (expected 1)")
    return report


def publish_report(report: dict[str, Any], options: PublishOptions) -> int:
    """Publish `report` as `options` say; return the exit code. Never raises for user input."""
    out, err = options.stdout or sys.stdout, options.stderr or sys.stderr
    env = os.environ if options.env is None else options.env
    try:
        check_report(report)
        ctx = from_environment(env).with_overrides(
            repository=options.repository, sha=options.sha, pr_number=options.pr_number,
            event_name=options.event_name, api_url=options.api_url.rstrip("/") if options.api_url else None,
            ref=options.ref)
    except (UsageError, ContextError) as exc:
        err.write(f"readiness-gate: {exc}\n")
        return EXIT_USAGE
    code = EXIT_PASS if report["verdict"] == "PASS" else EXIT_FAIL
    out.write(f"readiness-gate: {headline(report)}\n")
    annotations = from_report(report)
    if options.annotations:
        write_annotations(annotations, out)
    try:
        notice, failure = _publish_api(report, options, ctx, env, annotations, out)
    except UsageError as exc:
        err.write(f"readiness-gate: {exc}\n")
        return EXIT_USAGE
    summary_path = env.get("GITHUB_STEP_SUMMARY")
    if options.summary and summary_path:
        text = render(report, SUMMARY_LIMIT - 2000, options.renderer)
        if notice:
            text += f"\n\n> [!WARNING]\n> {notice}\n"
        try:
            append_step_summary(summary_path, text)
        except OSError as exc:
            err.write(f"readiness-gate: cannot write the job summary: {exc.strerror}\n")
    if notice:
        out.write(command("warning", notice, title="readiness-gate") + "\n")
    if failure is not None:
        err.write(f"readiness-gate: publishing failed: {failure}\n")
        return EXIT_PUBLISH
    return code


def _publish_api(report: dict[str, Any], options: PublishOptions, ctx: GitHubContext, env: Mapping[str, str],
                 annotations: list[Any], out: TextIO) -> tuple[str | None, PublishError | None]:
    """Returns (notice, failure). Permission problems become the notice; others the failure."""
    wants_status = options.status != "none"
    wants_comment = options.comment != "never"
    if not (wants_status or wants_comment):
        return None, None
    token = env.get(options.token_env) or ""
    if not token:
        return (f"No token in ${options.token_env}: published the job summary and annotations only "
                f"(give the job a token to publish a {'status' if wants_status else 'comment'})."), None
    if not ctx.repository or "/" not in ctx.repository:
        raise UsageError("no repository: set GITHUB_REPOSITORY or pass --repo OWNER/NAME")
    if wants_status and not ctx.sha:
        raise UsageError("no commit to publish on: set GITHUB_SHA or pass --sha")
    settings = ClientSettings(api_url=ctx.api_url, token=token, timeout=options.timeout, retries=options.retries,
                              backoff=options.backoff, max_wait=options.max_wait, sleep=options.sleep,
                              spacing=options.spacing)
    gh = make_github(settings)
    missing: list[tuple[PublishError, str]] = []  # permission problems: degrade, one notice
    failure: PublishError | None = None
    # Status and comment are tried independently: a failing one must not cost the other.
    if wants_status:
        try:
            _publish_status(gh, settings, report, options, ctx, annotations, out)
        except PublishError as exc:
            kind = "check-run" if options.status == "check-run" else "commit-status"
            if exc.kind == "permission":
                missing.append((exc, exc.permission or PERMISSIONS[kind]))
            else:
                failure = exc
    if wants_comment:
        try:
            _publish_comment(gh, settings, report, options, ctx, out)
        except PublishError as exc:
            if exc.kind == "permission":
                missing.append((exc, exc.permission or PERMISSIONS["comment"]))
            else:
                failure = failure or exc
    if not missing:
        return None, failure
    needed = list(dict.fromkeys(permission for _, permission in missing))
    return (f"{missing[0][0]}. The token needs {' and '.join(f'`{p}`' for p in needed)} to publish "
            "(a fork pull request's token is read-only: see the fork-safe recipe in docs/publishing.md); "
            "published the job summary and annotations instead."), failure


def _publish_comment(gh: Any, settings: ClientSettings, report: dict[str, Any], options: PublishOptions,
                     ctx: GitHubContext, out: TextIO) -> None:
    assert ctx.repository
    pr = ctx.pr_number or (_find_pr(gh, settings, ctx) if ctx.wants_pr_lookup else None)
    if pr is None:
        out.write("readiness-gate: no pull request for this event: no comment\n")
        return
    outcome = publish_comment(gh, settings, ctx.repository, pr, options.status_name, options.comment,
                              options.on_pass, report["verdict"] == "PASS",
                              lambda limit: render(report, limit, options.renderer))
    url = f": {outcome.url}" if outcome.url and outcome.action != "skipped" else ""
    out.write(f"readiness-gate: PR comment {outcome.action}{url}\n")


def _publish_status(gh: Any, settings: ClientSettings, report: dict[str, Any], options: PublishOptions,
                    ctx: GitHubContext, annotations: list[Any], out: TextIO) -> None:
    assert ctx.repository and ctx.sha
    if options.status == "check-run":
        url = publish_check_run(gh, settings, ctx.repository, ctx.sha, options.status_name, report,
                                title=headline(report), summary=render(report, 60000, options.renderer),
                                annotations=annotations, details_url=ctx.details_url)
        out.write(f"readiness-gate: check run {options.status_name!r} published: {url}\n")
    else:
        publish_commit_status(gh, settings, ctx.repository, ctx.sha, options.status_name, report,
                              description=headline(report), target_url=ctx.details_url)
        out.write(f"readiness-gate: commit status {options.status_name!r} published\n")


def _find_pr(gh: Any, settings: ClientSettings, ctx: GitHubContext) -> int | None:
    """A fork PR's workflow_run carries no PR list: find the open PR whose head is the run's head."""
    assert ctx.repository
    pulls = gh.get_repo(ctx.repository).get_pulls(state="open", head=f"{ctx.head_owner}:{ctx.head_branch}")
    found = call(lambda: [p.number for p in pulls if p.head.sha == ctx.sha], settings, "pulls")
    return found[0] if found else None
