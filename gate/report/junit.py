"""JUnit XML: one test case per rule, so CI dashboards show the gate like a test suite.

Valid against Jenkins' junit-10.xsd (the schema most JUnit consumers accept): `errors`
on every <testsuite>, `skipped` only where the schema allows it. A rule that could not
tell is skipped with "could not tell: …" unless the policy counts it as a failure; each
requested scanner is its own test case, so one that never ran cannot look like a clean scan.
"""
from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from gate.model.lazyre import lazy
from gate.report.blocking import blocks, unknown_counts

# XML 1.0 forbids most control characters even escaped; repository text may carry them.
_ILLEGAL = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: Any) -> str:
    return _ILLEGAL.sub("", str(text if text is not None else ""))


def _attr(text: Any) -> str:
    return quoteattr(_clean(text))


def render_junit(report: dict[str, Any], **_: Any) -> str:
    results = [r for r in report.get("results") or [] if isinstance(r, dict)]
    scanners = [s for s in (report.get("security") or {}).get("scanners") or [] if isinstance(s, dict)]
    counted = unknown_counts(report)
    cases: list[str] = []
    failures = skipped = 0
    for r in results:
        status = r.get("status")
        cases.append(f'    <testcase classname={_attr(r.get("domain"))} name={_attr(r.get("id"))}>')
        where = ", ".join(f"{loc.get('path')}:{loc['line']}" if loc.get("line") else str(loc.get("path"))
                          for loc in (r.get("locations") or [])[:10] if isinstance(loc, dict))
        if status == "fail" or (status == "unknown" and blocks(r, report, counted)):
            failures += 1
            prefix = "could not tell: " if status == "unknown" else ""
            cases.append(f'      <failure type={_attr(r.get("severity"))} message={_attr(prefix + str(r.get("message")))}>'
                         f'{escape(_clean(where))}\n{escape(_clean(r.get("remediation")))}</failure>')
        elif status in ("skip", "waived", "unknown"):
            skipped += 1
            word = "could not tell" if status == "unknown" else status
            cases.append(f'      <skipped message={_attr(word + ": " + str(r.get("message")))}/>')
        cases.append("    </testcase>")
    for s in scanners:
        cases.append(f'    <testcase classname="scanners" name={_attr("scanner." + str(s.get("tool")))}>')
        headline = s.get("headline") or f"{s.get('tool')}: {s.get('reason')}"
        if not s.get("ran"):
            skipped += 1
            cases.append(f"      <skipped message={_attr(headline)}/>")
        else:
            cases.append(f"      <system-out>{escape(_clean(headline))}</system-out>")
        cases.append("    </testcase>")
    total = len(results) + len(scanners)
    policy = report.get("policy") or {}
    props = [("verdict", report.get("verdict")), ("score", report.get("score")),
             ("threshold", policy.get("threshold")), ("policy", policy.get("name"))]
    subject = report.get("subject")
    if isinstance(subject, dict) and subject.get("kind"):
        props.append(("subject", f"{subject['kind']}" + (f" on {', '.join(map(str, subject.get('runs_on') or []))}"
                                                        if subject.get("runs_on") else "")))
    for i, reason in enumerate(report.get("reasons") or []):
        props.append((f"reason.{i + 1}", reason))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="readiness-gate" tests="{total}" failures="{failures}" errors="0">',
           f'  <testsuite name={_attr("readiness-gate " + str(policy.get("name")))} tests="{total}" '
           f'failures="{failures}" errors="0" skipped="{skipped}">',
           "    <properties>"]
    out += [f"      <property name={_attr(k)} value={_attr(v)}/>" for k, v in props if v is not None]
    out += ["    </properties>"] + cases + ["  </testsuite>", "</testsuites>", ""]
    return "\n".join(out)
