"""report: render the one Report in every format; renderers only render.

A table of format name -> "module:function", imported only when used, so the
terminal view never pays for the SARIF or JUnit code (bandit's formatters and
check-jsonschema's reporters work the same way).
"""
from __future__ import annotations

import importlib
from typing import Any, Callable

RENDERERS: dict[str, str] = {
    "text": "gate.report.text:render_text",
    "json": "gate.report.jsonfmt:render_json",
    "markdown": "gate.report.markdown:render_markdown",
    "sarif": "gate.report.sarif:render_report_sarif",
    "junit": "gate.report.junit:render_junit",
}


def renderer(fmt: str) -> Callable[..., str]:
    module, func = RENDERERS[fmt].split(":")
    return getattr(importlib.import_module(module), func)


def render(fmt: str, report: dict[str, Any], **options: Any) -> str:
    return renderer(fmt)(report, **options)
