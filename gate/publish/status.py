"""The gate's verdict on the commit: a check run (with annotations) or a commit status.

The name is the contract with branch protection ("required status check"), so it is
stable and configurable; the default is `readiness-gate`. Creating a check run and
appending annotations are not idempotent: a lost answer is followed by a look at what
GitHub has (the run by its `external_id`, the run's annotation count) before anything
is sent again, so a retry never leaves two check runs or annotations twice.
"""
from __future__ import annotations

import uuid
from typing import Any

from gate.github.client import ApiError, Client

from .annotations import CHECK_LEVELS, Annotation

DEFAULT_NAME = "readiness-gate"
BATCH = 50  # the Checks API takes at most 50 annotations per request
MAX_ANNOTATIONS = 500  # bound the number of requests: 10 batches
SUMMARY_LIMIT = 65535


def _check_annotation(a: Annotation) -> dict[str, Any]:
    line = a.line or 1  # the API needs a line; a file-level finding points at line 1
    return {"path": a.path, "start_line": line, "end_line": line, "annotation_level": CHECK_LEVELS[a.level],
            "title": a.title[:255], "message": a.message[:60000]}


def _count(run: dict[str, Any]) -> int | None:
    output = run.get("output")
    count = output.get("annotations_count") if isinstance(output, dict) else None
    return count if isinstance(count, int) else None


def publish_check_run(client: Client, repo: str, sha: str, name: str, report: dict[str, Any], title: str,
                      summary: str, annotations: list[Annotation], details_url: str | None) -> str:
    """Create one completed check run, then append annotations 50 at a time. Returns its URL."""
    kept = annotations[:MAX_ANNOTATIONS]
    batches = [kept[i:i + BATCH] for i in range(0, len(kept), BATCH)] or [[]]
    conclusion = "success" if report.get("verdict") == "PASS" else "failure"
    external_id = f"readiness-gate-{uuid.uuid4().hex}"  # this run's own: how a lost create is recognised
    head = {"title": title[:255], "summary": summary[:SUMMARY_LIMIT]}
    payload: dict[str, Any] = {"name": name, "head_sha": sha, "status": "completed", "conclusion": conclusion,
                               "external_id": external_id,
                               "output": {**head, "annotations": [_check_annotation(a) for a in batches[0]]}}
    if details_url:
        payload["details_url"] = details_url
    run = _create(client, repo, sha, name, external_id, payload)
    posted = len(batches[0])
    for batch in batches[1:]:
        _append(client, repo, run, head, batch, posted)
        posted += len(batch)
    url = run.get("html_url")
    return url if isinstance(url, str) else f"(check run {run.get('id')})"


def _create(client: Client, repo: str, sha: str, name: str, external_id: str,
            payload: dict[str, Any]) -> dict[str, Any]:
    attempts = client.settings.retries + 1
    for attempt in range(attempts):
        try:
            run = client.request("POST", f"/repos/{repo}/check-runs", body=payload, action="check-run").data
        except ApiError as exc:
            if not exc.ambiguous or attempt == attempts - 1:
                raise
            found = _find(client, repo, sha, name, external_id)
            if found is not None:
                return found
            client.backoff(attempt, exc)
            continue
        if not isinstance(run.get("id"), int):  # created, but the answer does not say which: look
            run = _find(client, repo, sha, name, external_id) or {}
            if not isinstance(run.get("id"), int):
                raise ApiError("malformed", "check-run: GitHub's answer has no check-run id")
        return run
    raise ApiError("error", "check-run: no attempt left")  # not reached: the last attempt raises


def _find(client: Client, repo: str, sha: str, name: str, external_id: str) -> dict[str, Any] | None:
    """The check run a lost create may have made, by name and head SHA, recognised by our external_id."""
    runs = client.pages(f"/repos/{repo}/commits/{sha}/check-runs", {"check_name": name, "filter": "all"},
                        action="check-run (looking for a lost create)", key="check_runs", max_pages=3)
    mine = [r for r in runs if r.get("external_id") == external_id and isinstance(r.get("id"), int)]
    return mine[0] if mine else None


def _append(client: Client, repo: str, run: dict[str, Any], head: dict[str, str], batch: list[Annotation],
            before: int) -> None:
    """PATCH one batch (GitHub appends); after a lost answer, the run's count says whether it landed."""
    path = f"/repos/{repo}/check-runs/{run['id']}"
    body = {"output": {**head, "annotations": [_check_annotation(a) for a in batch]}}
    attempts = client.settings.retries + 1
    for attempt in range(attempts):
        try:
            client.request("PATCH", path, body=body, action="check-run annotations", idempotent=False)
            return
        except ApiError as exc:
            if not exc.ambiguous or attempt == attempts - 1:
                raise
            count = _count(client.get(path, action="check-run annotations (checking a batch)").data)
            if count is not None and count >= before + len(batch):
                return  # it landed; the answer was lost
            if count != before:
                raise ApiError("error", f"check-run annotations: the check run has {count} annotations, "
                                        f"expected {before}; not sending the batch again") from None
            client.backoff(attempt, exc)
    raise ApiError("error", "check-run annotations: no attempt left")  # not reached: the last attempt raises


def publish_commit_status(client: Client, repo: str, sha: str, name: str, report: dict[str, Any],
                          description: str, target_url: str | None) -> None:
    """A commit status; the latest one per context wins, so repeating the POST is harmless."""
    body: dict[str, Any] = {"state": "success" if report.get("verdict") == "PASS" else "failure",
                            "description": description[:140], "context": name}
    if target_url:
        body["target_url"] = target_url
    client.request("POST", f"/repos/{repo}/statuses/{sha}", body=body, action="commit-status", idempotent=True)
