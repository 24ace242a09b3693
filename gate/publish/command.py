"""`readiness-gate publish REPORT.json`: the click command, and `publish_report` for `check --publish`."""
from __future__ import annotations

import json
import sys
from typing import Any

import click

from .comment import MODES, ON_PASS
from .publisher import DEFAULT_DEADLINE, EXIT_USAGE, PublishOptions, UsageError, check_report, publish_report
from .status import DEFAULT_NAME

__all__ = ["publish_command", "publish_report", "PublishOptions"]


def _load(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            return check_report(json.load(handle))
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    except (ValueError, RecursionError) as exc:
        raise UsageError(f"{path} is not JSON: {str(exc)[:200]}") from None
    except UsageError as exc:
        raise UsageError(f"{path}: {exc}") from None


@click.command("publish")
@click.argument("report", metavar="REPORT.json", type=click.Path(dir_okay=False))
@click.option("--repo", "repository", metavar="OWNER/NAME", help="Repository (default: $GITHUB_REPOSITORY).")
@click.option("--sha", help="Commit that gets the status (default: from the event, else $GITHUB_SHA).")
@click.option("--pr", "pr_number", type=click.IntRange(min=1), help="Pull request that gets the comment.")
@click.option("--event", "event_name", help="Event name (default: $GITHUB_EVENT_NAME).")
@click.option("--ref", help="Git ref (default: $GITHUB_REF).")
@click.option("--api-url", help="REST API base URL (default: $GITHUB_API_URL; GHES: https://HOST/api/v3).")
@click.option("--status", type=click.Choice(["check-run", "commit-status", "none"]), default="check-run",
              show_default=True, help="How the verdict is put on the commit.")
@click.option("--status-name", default=DEFAULT_NAME, show_default=True,
              help="Check-run name / status context: the name branch protection requires.")
@click.option("--comment", type=click.Choice(MODES), default="always", show_default=True,
              help="When to keep the sticky PR comment.")
@click.option("--on-pass", type=click.Choice(ON_PASS), default="update", show_default=True,
              help="With --comment on-failure: what happens to an earlier failing comment once the gate passes.")
@click.option("--token-env", default="GITHUB_TOKEN", show_default=True, metavar="NAME",
              help="Environment variable holding the token (never pass a token on the command line).")
@click.option("--summary/--no-summary", default=True, help="Append to $GITHUB_STEP_SUMMARY.")
@click.option("--annotations/--no-annotations", default=True, help="Print ::error file=…:: workflow commands.")
@click.option("--deadline", type=click.FloatRange(min=1), default=DEFAULT_DEADLINE, show_default=True,
              help="Seconds for the whole publish: every request, retry and rate-limit wait.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10, show_default=True,
              help="Seconds one request may take, its whole answer included.")
@click.option("--retries", type=click.IntRange(min=0, max=10), default=4, show_default=True)
@click.option("--backoff", type=click.FloatRange(min=0), default=1.0, hidden=True)  # tests shorten it
@click.option("-v", "--verbose", is_flag=True, help="Log HTTP activity to stderr (the token is never logged).")
def publish_command(report: str, **flags: Any) -> None:
    """Publish a saved JSON report to GitHub: check run or status, PR comment, job summary."""
    try:
        data = _load(report)
    except UsageError as exc:
        click.echo(f"readiness-gate: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(publish_report(data, PublishOptions(**flags)))
