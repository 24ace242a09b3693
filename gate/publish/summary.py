"""Job summary ($GITHUB_STEP_SUMMARY) and workflow-command annotations.

Both need no token, so they are what a fork PR's read-only run still shows. Report text
is attacker-controlled in a fork PR: escaping makes a message unable to start a new
workflow command (no raw newline) or break out of a property (no raw `:` or `,`).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from .annotations import Annotation

MAX_COMMAND_ANNOTATIONS = 50  # GitHub shows only 10 errors/10 warnings per step anyway


def escape_data(text: str) -> str:
    """Escaping for a workflow command's message, as GitHub's toolkit does it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escaping for a workflow command's property value (file, title …)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: object) -> str:
    rendered = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v not in (None, ""))
    return f"::{name}{' ' + rendered if rendered else ''}::{escape_data(message)}"


def annotation_command(a: Annotation) -> str:
    return command(a.level, a.message, file=a.path, line=a.line, title=a.title)


def write_annotations(annotations: Iterable[Annotation], out: TextIO) -> int:
    items = list(annotations)
    for a in items[:MAX_COMMAND_ANNOTATIONS]:
        out.write(annotation_command(a) + "\n")
    if len(items) > MAX_COMMAND_ANNOTATIONS:
        out.write(command("notice", f"{len(items) - MAX_COMMAND_ANNOTATIONS} more findings are in the job summary")
                  + "\n")
    return min(len(items), MAX_COMMAND_ANNOTATIONS)


def append_step_summary(path: str, markdown: str) -> None:
    """GITHUB_STEP_SUMMARY is appended to: other steps may have written to it already."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(markdown.rstrip("\n") + "\n")
