"""JUnit XML: one test case per rule, so CI dashboards show the gate like a test suite."""
from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr


def render_junit(report: dict[str, Any], **_: Any) -> str:
    results = report["results"]
    failures = sum(1 for r in results if r["status"] == "fail")
    skipped = sum(1 for r in results if r["status"] in ("skip", "waived"))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="readiness-gate" tests="{len(results)}" failures="{failures}" skipped="{skipped}">',
           f'  <testsuite name={quoteattr("readiness-gate " + report["policy"]["name"])} tests="{len(results)}" '
           f'failures="{failures}" skipped="{skipped}">']
    for r in results:
        out.append(f'    <testcase classname={quoteattr(r["domain"])} name={quoteattr(r["id"])}>')
        where = ", ".join(f"{l['path']}:{l['line']}" if l.get("line") else l["path"] for l in r["locations"][:10])
        if r["status"] == "fail":
            out.append(f'      <failure type={quoteattr(r["severity"])} message={quoteattr(r["message"])}>'
                       f'{escape(where)}\n{escape(r["remediation"])}</failure>')
        elif r["status"] in ("skip", "waived"):
            out.append(f'      <skipped message={quoteattr(r["status"] + ": " + r["message"])}/>')
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>", ""]
    return "\n".join(out)
