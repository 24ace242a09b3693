"""CI/CD pipeline: workflows exist, parse, run on pull requests, and run the tests.

Pipelines are GitHub Actions workflows and other CI systems' pipelines read into the
same model (`WorkflowSet.pipelines()`); the steps that run tests are collected facts
(`WorkflowSet.tests`), so these rules only judge them."""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Any

from gate.collect.ops.parts import runs_on_pr
from gate.collect.runners import Runners
from gate.collect.workflows import Reach, TestRun, collect_tests, out_of_sight, pr_reach
from gate.model import query
from gate.model.foreign import SYSTEM_NAMES
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.yamlsafe import YList, YMap
from gate.rules.base import Context, failed, passed, rule, skipped, unknown


def _no_workflows_message(ev) -> str:
    if ev.workflows.invalid and not ev.workflows.workflows:
        first = ev.workflows.invalid[0][0]
        return (f"No workflow could be read: {len(ev.workflows.invalid)} workflow file(s) do not parse "
                f"(first at {first}), so none of them runs; ci.workflow-valid lists why.")
    others = ", ".join(f"{name} ({paths[0]})" for name, paths in ev.tree.other_ci.items())
    if others:
        return (f"No GitHub Actions workflow in .github/workflows/ and no pipeline that can be read; "
                f"CI config found: {others}.")
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
    """Passes when at least one workflow file exists in .github/workflows/, or a pipeline of
    Azure Pipelines, GitLab CI, CircleCI or Bitbucket Pipelines is read, or a CI system is
    recognised and named though its content is not read (a Jenkinsfile, Travis …)."""
    paths = sorted(ev.workflows.workflows) + [loc.path for loc, _ in ev.workflows.invalid
                                              if loc.path not in ev.workflows.workflows]
    others = list(dict.fromkeys(f"{wf.path} ({SYSTEM_NAMES.get(wf.system, wf.system)})" for wf in ev.workflows.foreign))
    if not paths and others:
        return passed(f"CI runs on {', '.join(others[:3])}.", Location(ev.workflows.foreign[0].path, 1))
    if not paths:
        if ev.workflows.unread:
            system, path = ev.workflows.unread[0]
            return passed(f"CI runs on {_unread(ev)}; this gate recognises it but does not read its content.",
                          Location(path))
        return failed(_no_workflows_message(ev), Location(".github/workflows"))
    also = f"; also {', '.join(others[:3])}" if others else ""
    main = next((wf for wf in _by_evidence(ev, ctx, _pipelines(ev))), None)
    return passed(f"{len(set(paths))} workflow file(s) in .github/workflows/{also}.",
                  Location(main.path if main is not None else paths[0], 1))


@rule(
    id="ci.workflow-valid", severity="blocker",
    title="Workflows parse and are well-formed",
    rationale="""A workflow GitHub cannot parse never runs, and its checks silently disappear
    from pull requests.""",
    remediation="Fix the YAML or workflow structure at the reported line (actionlint shows the same errors locally).",
)
def workflow_valid(ev, ctx: Context):
    """Fails for every workflow, local action or other CI system's pipeline that is not valid
    YAML or lacks required keys."""
    pipelines = _pipelines(ev)
    if not pipelines and not ev.workflows.invalid:
        return skipped("No workflows or pipelines to validate.")
    if ev.workflows.invalid:
        details = [f"{loc}: {msg}" for loc, msg in ev.workflows.invalid]
        first = ev.workflows.invalid[0]
        return failed(f"{len(details)} problem(s); first: {first[0]}: {first[1]}.",
                      *(loc for loc, _ in ev.workflows.invalid), details=details)
    return passed(f"All {len(pipelines)} workflow(s) and pipeline(s) parse and are well-formed.",
                  Location(pipelines[0].path, 1))


def _pipelines(ev) -> list:
    return list(ev.workflows.pipelines())


def _by_evidence(ev, ctx: Context, pipelines: list) -> list:
    """The CI a finding should point at first: pipelines that test pull requests, then those
    that test at all, then the rest (each group in file order)."""
    testing = {id(t.workflow) for t in _tests(ev, ctx) if t.followed}
    reach = {id(wf) for wf, _ in _reaching(ev)}
    return sorted(pipelines, key=lambda wf: (id(wf) not in testing, id(wf) not in reach))


def _branch_loc(wf, branches: tuple[str, ...]) -> Location:
    """The branch filter entry that names the default branch (the evidence), else the push trigger."""
    cfg = wf.triggers.get("push")
    listed = cfg.get("branches") if isinstance(cfg, YMap) else None
    if isinstance(listed, YList):
        for i, b in enumerate(listed):
            if isinstance(b, str) and any(fnmatchcase(d, b) for d in branches):
                return Location(wf.path, listed.line_of(i))
    if isinstance(cfg, YMap) and "branches" in cfg:
        return Location(wf.path, cfg.line_of("branches"))
    return wf.trigger_loc("push")


def _unread(ev) -> str:
    """CI systems present whose configuration is not read (Jenkins, Travis …), named."""
    return ", ".join(f"{system} ({path})" for system, path in ev.workflows.unread)


def _reaching(ev) -> list[tuple[Any, Reach]]:
    out = []
    for wf in _pipelines(ev):
        reach = pr_reach(wf, ev.workflows)
        if reach is not None:
            out.append((wf, reach))
    return out


def _system(wf) -> str:
    return "" if wf.system == "github" else f" ({SYSTEM_NAMES.get(wf.system, wf.system)})"


def _how(reach: Reach) -> str:
    if reach.how == "push_all_branches":
        return ("on pushes to every branch, so on the head of every pull request from this repository "
                "(not fork pull requests)")
    if reach.how == "workflow_run":
        return f"chained by workflow_run {reach.note}, which runs on pull requests"
    return "on pull requests"


def _no_pipeline(ev):
    """No pipeline can be read: fail, or unknown when CI visibly runs on a system not read."""
    unread = _unread(ev)
    if unread and not ev.workflows.invalid:
        return unknown(f"CI runs on {unread}, which this gate does not read; its triggers and steps cannot be "
                       "judged from here.")
    return failed(_no_workflows_message(ev), _first_workflow_loc(ev))


@rule(
    id="ci.pull-request-trigger", severity="blocker",
    title="CI runs on pull requests",
    rationale="""Checks that run only after merge find problems when they are already on the
    default branch; a required status check needs a workflow that runs on the pull request.""",
    remediation="Add `pull_request:` (and `merge_group:` if you use a merge queue) to the `on:` of your CI workflow.",
)
def pull_request_trigger(ev, ctx: Context):
    """Passes when a pipeline (GitHub Actions, Azure Pipelines, GitLab CI, CircleCI, Bitbucket)
    runs on opened/updated pull requests or the merge queue, on pushes to every branch (the head
    of every same-repository pull request, not fork pull requests), or is chained by
    `workflow_run` on one that does."""
    pipelines = _pipelines(ev)
    if not pipelines:
        return _no_pipeline(ev)
    order = {id(wf): i for i, wf in enumerate(_by_evidence(ev, ctx, pipelines))}
    hits = sorted(_reaching(ev), key=lambda h: order.get(id(h[0]), len(order)))
    direct = [(wf, r) for wf, r in hits if r.how == "pull_request"]
    if direct:
        wf, reach = direct[0]
        return passed(f"{len(direct)} pipeline(s) run on pull requests, e.g. {wf.path}{_system(wf)}.", reach.loc)
    if hits:
        wf, reach = hits[0]
        return passed(f"{wf.path}{_system(wf)} runs {_how(reach)}.", reach.loc)
    if ev.workflows.unread:
        return unknown(f"No pipeline read here runs on pull requests, but CI also runs on {_unread(ev)}, which this "
                       "gate does not read; whether it checks pull requests cannot be judged from here.")
    first = pipelines[0]
    return failed("No pipeline runs on pull requests; changes are only checked after they merge.",
                  Location(first.path, first.trigger_lines.get(next(iter(first.triggers), ""), first.loc.line)))


# what a remote workflow or template is named when it may be where the tests run
_GITLAB_SUFFIX = lazy(r"\.gitlab-ci\.ya?ml\b")  # every GitLab template is named so
_MAY_TEST = lazy(r"test|spec|check|verif|quality|auto-?devops|\bci\b|[/_-]ci[/._-]|build|pipeline|validat", re.I)


def _hidden(ev, reaching: list) -> str:
    """What runs for pull requests out of sight (remote workflows and templates, CI systems not
    read), in words with its location; "" when everything is visible."""
    seen = [f"{what} at {loc}" for wf in reaching for loc, what in out_of_sight(wf)
            if _MAY_TEST.search(_GITLAB_SUFFIX.sub("", what))]
    if seen:
        return f"the pull-request pipeline runs {', '.join(seen[:3])}, which this repository does not hold"
    if ev.workflows.unread:
        return f"CI also runs on {_unread(ev)}, which this gate does not read"
    return ""


def _tests(ev, ctx: Context) -> list[TestRun]:
    if ev.workflows.tests is None:
        # evidence collected without signatures (an older caller): the same collector, once
        ev.workflows.tests = collect_tests(ev.workflows, Runners(ev.repo), ctx.sig)
    return ev.workflows.tests


def _on_pull_requests(run: TestRun, reach: Reach) -> bool:
    """The test's job and step are not kept off pull requests by their `if:`."""
    if reach.how == "workflow_run":
        return True
    return runs_on_pr(run.job.if_) and runs_on_pr(run.step.if_)


@rule(
    id="ci.tests-run", severity="blocker",
    title="Tests run on pull requests",
    rationale="""A pull request that is merged without its tests running is reviewed on trust;
    the tests must run in a workflow the pull request triggers.""",
    remediation="""Add a step that runs the test suite (pytest, npm test, go test, mvn verify …) to a
    job of a workflow triggered by `pull_request`.""",
)
def tests_run(ev, ctx: Context):
    """Passes when a pipeline that runs for pull requests runs tests: a recognised test
    command, followed through local composite actions and reusable workflows, task runners
    (make, npm/yarn/pnpm/bun, just, task, tox, nox, hatch, rake, composer, mix), scripts of the
    repository and docker compose services. A step only named for tests is weaker evidence,
    accepted, and the message says so. The location is the test step itself."""
    pipelines = _pipelines(ev)
    if not pipelines:
        return _no_pipeline(ev)
    tests = _tests(ev, ctx)
    reach = {id(wf): r for wf, r in _reaching(ev)}
    on_pr = [(t, reach[id(t.workflow)]) for t in tests
             if id(t.workflow) in reach and _on_pull_requests(t, reach[id(t.workflow)])]
    # strongest first: a followed command, on pull requests, then chained, then pushes to every branch
    order = {"pull_request": 0, "workflow_run": 1, "push_all_branches": 2}
    on_pr.sort(key=lambda tr: (not tr[0].followed, order[tr[1].how]))
    if on_pr:
        run, how = on_pr[0]
        where = f"{run.workflow.path}{_system(run.workflow)}"
        if not run.followed:
            return passed(f"A step named for tests runs {_how(how)} in {where} (`{run.step.name}`: `{run.command}`); "
                          "its command could not be followed to a test tool, so this is weaker evidence.", run.loc)
        note = "" if how.how == "pull_request" else f", {_how(how)}"
        return passed(f"Tests run on pull requests: `{run.command}` in {where}{note}.", run.loc)
    hidden = _hidden(ev, [wf for wf in pipelines if id(wf) in reach])
    if hidden:
        return unknown(f"No test command is visible in what runs for pull requests, but {hidden}; whether it runs "
                       "the tests cannot be judged from here.")
    if not reach:
        after = next((t for t in tests if t.followed), None)
        if after:
            return failed(f"Tests run only after merge ({after.command} at {after.loc}); no pipeline runs them "
                          "for pull requests.", after.loc)
        return failed("No pipeline runs on pull requests, so no tests run before merge.", Location(".github/workflows"))
    wfs = [wf for wf in pipelines if id(wf) in reach]
    return failed(f"{len(wfs)} pipeline(s) run on pull requests but none runs a recognised test command.",
                  *(wf.loc for wf in wfs[:5]))


@rule(
    id="ci.default-branch-push", severity="warning",
    title="CI runs on the default branch",
    rationale="""Merges can combine into a broken default branch even when each pull request
    passed; running CI on pushes to it catches that before a release does.""",
    remediation="Add `push: branches: [main]` (your default branch) to the `on:` of your CI workflow.",
    params={"default_branches": ["main", "master", "trunk", "develop"]},
)
def default_branch_push(ev, ctx: Context):
    """Passes when a pipeline runs on pushes to the default branch (or unfiltered pushes)."""
    if not _pipelines(ev):
        return _no_pipeline(ev)
    branches = tuple(ctx.params.get("default_branches") or ("main", "master"))
    if ev.api is not None and getattr(ev.api, "default_branch", None):
        branches = (ev.api.default_branch,)
    for wf in _by_evidence(ev, ctx, _pipelines(ev)):
        if query.pushes_default_branch(wf, branches):
            return passed(f"{wf.path} runs on pushes to the default branch.", _branch_loc(wf, branches))
    return failed("No workflow runs on pushes to the default branch.", Location(".github/workflows"))
