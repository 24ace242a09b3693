"""The gate's verdict on the commit: a check run (with annotations) or a commit status.

The name is the contract with branch protection ("required status check"), so it is
stable and configurable; the default is `readiness-gate`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .annotations import CHECK_LEVELS, Annotation
from .client import ClientSettings, call, retry_write

if TYPE_CHECKING:
    import github

DEFAULT_NAME = "readiness-gate"
BATCH = 50  # the Checks API takes at most 50 annotations per request
MAX_ANNOTATIONS = 500  # bound the number of requests: 10 batches
SUMMARY_LIMIT = 65535


def _check_annotation(a: Annotation) -> dict[str, Any]:
    line = a.line or 1  # the API needs a line; a file-level finding points at line 1
    return {"path": a.path, "start_line": line, "end_line": line, "annotation_level": CHECK_LEVELS[a.level],
            "title": a.title[:255], "message": a.message[:60000]}


def publish_check_run(gh: "github.Github", settings: ClientSettings, repo: str, sha: str, name: str,
                      report: dict[str, Any], title: str, summary: str, annotations: list[Annotation],
                      details_url: str | None) -> str:
    """Create one completed check run, then append annotations 50 at a time. Returns its URL."""
    repository = gh.get_repo(repo)  # lazy: no request
    batches = [annotations[i:i + BATCH] for i in range(0, min(len(annotations), MAX_ANNOTATIONS), BATCH)] or [[]]
    conclusion = "success" if report.get("verdict") == "PASS" else "failure"
    output: dict[str, Any] = {"title": title[:255], "summary": summary[:SUMMARY_LIMIT],
                              "annotations": [_check_annotation(a) for a in batches[0]]}
    extra: dict[str, Any] = {"details_url": details_url} if details_url else {}
    run = retry_write(lambda: repository.create_check_run(name=name, head_sha=sha, status="completed",
                                                          conclusion=conclusion, output=output, **extra),
                      settings, "check-run")
    for batch in batches[1:]:
        more = {"title": output["title"], "summary": output["summary"],
                "annotations": [_check_annotation(a) for a in batch]}
        call(lambda more=more: run.edit(output=more), settings, "check-run annotations")
    return str(run.html_url)


def publish_commit_status(gh: "github.Github", settings: ClientSettings, repo: str, sha: str, name: str,
                          report: dict[str, Any], description: str, target_url: str | None) -> None:
    """A commit status; the latest one per context wins, so a retried POST is harmless."""
    state = "success" if report.get("verdict") == "PASS" else "failure"
    commit = gh.get_repo(repo).get_commit(sha)  # lazy: no request
    extra: dict[str, Any] = {"target_url": target_url} if target_url else {}
    retry_write(lambda: commit.create_status(state=state, description=description[:140], context=name, **extra),
                settings, "commit-status")
