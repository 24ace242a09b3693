"""Performance & load testing: load tests exist and a workflow runs them."""
from __future__ import annotations

from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule
from gate.rules.ops_common import evidence_list


@rule(
    id="performance.load-tests", severity="warning",
    title="Load tests run from a workflow",
    rationale="""Capacity limits found in production are found by users; load tests that a workflow runs
    keep telling the truth as the code changes, scripts nobody runs do not.""",
    remediation="""Add load-test scripts (k6, Locust, Artillery, Gatling, JMeter …) and a workflow that runs
    them, on a schedule or before a production deploy.""",
    applies_to=("service",),
)
def load_tests(ev, ctx: Context):
    """Passes when a workflow step runs a load-test tool (command or action); scripts nobody runs,
    and micro-benchmarks, do not count."""
    ops = ev.ops
    if ops.load_test_runs:
        scripts = f" with scripts such as {ops.load_test_scripts[0].loc}" if ops.load_test_scripts else ""
        return passed(f"Load tests run by a workflow: {evidence_list(ops.load_test_runs)}{scripts}.",
                      *(f.loc for f in ops.load_test_runs + ops.load_test_scripts[:3]))
    if ops.load_test_scripts:
        first = ops.load_test_scripts[0]
        return failed(f"Load-test scripts exist ({first.loc}) but no workflow runs them; add a workflow step "
                      "that runs them.", first.loc, Location(".github/workflows"))
    return failed("No load tests: no k6/Locust/Artillery/Gatling/JMeter scripts and no workflow running one; "
                  "add a load-test workflow under .github/workflows/.", Location(".github/workflows"))
