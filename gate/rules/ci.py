"""CI/CD pipeline: workflows exist, parse, run on pull requests, and run the tests."""
from __future__ import annotations

import re

from gate.model import query
from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped

_TASK = re.compile(r"\b(make|just|task)\s+((?:[\w:.-]+\s*)+)|\b(npm|yarn|pnpm|bun)\s+(?:run\s+)?([\w:.-]+)")


def _no_workflows_message(ev) -> str:
    if ev.workflows.invalid and not ev.workflows.workflows:
        first = ev.workflows.invalid[0][0]
        return (f"No workflow could be read: {len(ev.workflows.invalid)} workflow file(s) do not parse "
                f"(first at {first}), so none of them runs; ci.workflow-valid lists why.")
    others = ", ".join(f"{name} ({paths[0]})" for name, paths in ev.tree.other_ci.items())
    if others:
        return (f"No GitHub Actions workflow in .github/workflows/; CI runs on {others}, "
                "which this gate cannot read.")
    return "No GitHub Actions workflow in .github/workflows/, so nothing builds or tests a change."


def _first_workflow_loc(ev) -> Location:
    return ev.workflows.invalid[0][0] if ev.workflows.invalid else Location(".github/workflows")


@rule(
    id="ci.workflows-present", severity="blocker",
    title="CI workflows exist",
    rationale="""Without a pipeline nothing builds, tests or deploys a change the same way twice;
    every later readiness check depends on one.""",
    remediation="""Add a workflow under .github/workflows/ that builds and tests the project on
    pull requests and pushes to the default branch.""",
)
def workflows_present(ev, ctx: Context):
    """Passes when at least one workflow file exists in .github/workflows/."""
    paths = sorted(ev.workflows.workflows) + [loc.path for loc, _ in ev.workflows.invalid
                                              if loc.path not in ev.workflows.workflows]
    if not paths:
        return failed(_no_workflows_message(ev), Location(".github/workflows"))
    return passed(f"{len(set(paths))} workflow file(s) in .github/workflows/.", Location(paths[0], 1))


@rule(
    id="ci.workflow-valid", severity="blocker",
    title="Workflows parse and are well-formed",
    rationale="""A workflow GitHub cannot parse never runs, and its checks silently disappear
    from pull requests.""",
    remediation="Fix the YAML or workflow structure at the reported line (actionlint shows the same errors locally).",
)
def workflow_valid(ev, ctx: Context):
    """Fails for every workflow or local action that is not valid YAML or lacks required keys."""
    if not ev.workflows.workflows and not ev.workflows.invalid:
        return skipped("No workflows to validate.")
    if ev.workflows.invalid:
        details = [f"{loc}: {msg}" for loc, msg in ev.workflows.invalid]
        first = ev.workflows.invalid[0]
        return failed(f"{len(details)} problem(s); first: {first[0]}: {first[1]}.",
                      *(loc for loc, _ in ev.workflows.invalid), details=details)
    return passed(f"All {len(ev.workflows.workflows)} workflow(s) parse and are well-formed.")


@rule(
    id="ci.pull-request-trigger", severity="blocker",
    title="CI runs on pull requests",
    rationale="""Checks that run only after merge find problems when they are already on the
    default branch; a required status check needs a workflow that runs on the pull request.""",
    remediation="Add `pull_request:` (and `merge_group:` if you use a merge queue) to the `on:` of your CI workflow.",
)
def pull_request_trigger(ev, ctx: Context):
    """Passes when a workflow runs on opened/updated pull requests or the merge queue."""
    if not ev.workflows.workflows:
        return failed(_no_workflows_message(ev), _first_workflow_loc(ev))
    hits = [wf for wf in ev.workflows.workflows.values() if query.runs_on_pull_requests(wf)]
    if hits:
        wf = hits[0]
        event = next(e for e in query.PR_EVENTS if e in wf.triggers)
        return passed(f"{len(hits)} workflow(s) run on pull requests, e.g. {wf.path}.", wf.trigger_loc(event))
    first = next(iter(ev.workflows.workflows.values()))
    return failed("No workflow runs on pull requests; changes are only checked after they merge.",
                  Location(first.path, first.trigger_lines.get(next(iter(first.triggers), ""), first.loc.line)))


def find_test_step(ev, ctx: Context, workflows) -> tuple[Location, str] | None:
    """The first step, in the given workflows, that runs tests (through task runners too)."""
    for wf in workflows:
        for job, step in query.workflow_steps(wf):
            if step.uses and ctx.sig.uses_match("test_actions", step.uses):
                return step.via or step.loc, step.uses
            if not step.run:
                continue
            m = ctx.sig.search("test_commands", step.run)
            if m:
                return Location(step.loc.path, step.line_in_run(m.start())), m.group(0).strip()
            found = _via_recipe(step.run, ev.tree.recipes, ctx, depth=0)
            if found:
                return Location(step.loc.path, step.run_line or step.loc.line), found
    return None


def _via_recipe(script: str, recipes: dict[str, str], ctx: Context, depth: int) -> str | None:
    if depth > 3 or not recipes:
        return None
    for m in _TASK.finditer(script):
        if m.group(1):
            names = [f"{m.group(1)}:{t}" for t in m.group(2).split()]
        else:
            names = [f"npm:{m.group(4)}"]
        for name in names:
            recipe = recipes.get(name)
            if not recipe:
                continue
            hit = ctx.sig.search("test_commands", recipe)
            if hit:
                return f"{name.replace(':', ' ', 1)} → {hit.group(0).strip()}"
            deeper = _via_recipe(recipe, recipes, ctx, depth + 1)
            if deeper:
                return f"{name.replace(':', ' ', 1)} → {deeper}"
    return None


@rule(
    id="ci.tests-run", severity="blocker",
    title="Tests run on pull requests",
    rationale="""A pull request that is merged without its tests running is reviewed on trust;
    the tests must run in a workflow the pull request triggers.""",
    remediation="""Add a step that runs the test suite (pytest, npm test, go test, mvn verify …) to a
    job of a workflow triggered by `pull_request`.""",
)
def tests_run(ev, ctx: Context):
    """Passes when a PR-triggered workflow runs a recognised test command, following local
    composite actions, local reusable workflows, Makefile targets and package.json scripts."""
    pr = [wf for wf in ev.workflows.workflows.values() if query.runs_on_pull_requests(wf)]
    if not ev.workflows.workflows:
        return failed(_no_workflows_message(ev), _first_workflow_loc(ev))
    if not pr:
        push_only = find_test_step(ev, ctx, ev.workflows.workflows.values())
        if push_only:
            return failed(f"Tests run only after merge ({push_only[1]} at {push_only[0]}); no pull-request workflow runs them.",
                          push_only[0])
        return failed("No workflow runs on pull requests, so no tests run before merge.", Location(".github/workflows"))
    hit = find_test_step(ev, ctx, pr)
    if hit:
        return passed(f"Tests run on pull requests: `{hit[1]}`.", hit[0])
    return failed(f"{len(pr)} workflow(s) run on pull requests but none runs a recognised test command.",
                  *(wf.loc for wf in pr[:5]))


@rule(
    id="ci.default-branch-push", severity="warning",
    title="CI runs on the default branch",
    rationale="""Merges can combine into a broken default branch even when each pull request
    passed; running CI on pushes to it catches that before a release does.""",
    remediation="Add `push: branches: [main]` (your default branch) to the `on:` of your CI workflow.",
    params={"default_branches": ["main", "master", "trunk", "develop"]},
)
def default_branch_push(ev, ctx: Context):
    """Passes when a workflow runs on pushes to the default branch (or unfiltered pushes)."""
    if not ev.workflows.workflows:
        return failed(_no_workflows_message(ev), _first_workflow_loc(ev))
    branches = tuple(ctx.params.get("default_branches") or ("main", "master"))
    if ev.api is not None and getattr(ev.api, "default_branch", None):
        branches = (ev.api.default_branch,)
    for wf in ev.workflows.workflows.values():
        if query.pushes_default_branch(wf, branches):
            return passed(f"{wf.path} runs on pushes to the default branch.", wf.trigger_loc("push"))
    return failed("No workflow runs on pushes to the default branch.", Location(".github/workflows"))
