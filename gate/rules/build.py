"""Build verification: every deployable part is built by a job that runs on pull requests."""
from __future__ import annotations

from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped
from gate.rules.observability import ops_skip


@rule(
    id="ci.build-verified", severity="warning",
    title="Every deployable part is built on pull requests",
    rationale="""Tests pass on code that does not build into what is deployed: a broken Dockerfile or front-end
    build is found at release time unless a pull-request job builds each deployable part.""",
    remediation="""Build each deployable part in a pull-request workflow: `docker build` (or build-push-action
    without push) for each image, the front end's build script, the function's package step.""",
)
def build_verified(ev, ctx: Context):
    """Passes when each deployable part — each image the deploy path builds or references, each
    front-end app, each function — is built by a job of a pipeline (any CI system) that runs for
    pull requests: docker build, build-push-action, compose build, buildx bake, skaffold, npm/yarn
    build, turbo/nx build targets, go build, mvn package, gradle build, dotnet build …, or a
    pull-request deploy to a preview environment; tests alone are not a build."""
    skip = ops_skip(ev)
    if skip:
        return skip
    ops = ev.ops
    if not ops.parts:
        return skipped("No deployable part is built from this repository (no service Dockerfile, front-end "
                       "app or function).")
    if not ops.pr_workflows:
        first = ops.parts[0]
        other = ev.workflows.foreign[0].path if ev.workflows.foreign and not ev.workflows.workflows else None
        return failed(f"No {'pipeline' if other else 'workflow'} runs on pull requests, so nothing builds "
                      f"{first.kind} {first.loc} before merge.", first.loc, Location(other or ".github/workflows"))
    missing = [p for p in ops.parts if p.built_by is None]
    if not missing:
        built = "; ".join(f"{p.path} by {p.built_by}" for p in ops.parts[:3])
        return passed(f"All {len(ops.parts)} deployable part(s) are built on pull requests: {built}.",
                      *(p.built_by for p in ops.parts))
    details = [f"{p.kind} {p.path} ({p.loc}) is not built by any pull-request job" for p in missing]
    first = missing[0]
    return failed(f"{len(missing)} of {len(ops.parts)} deployable part(s) are not built on pull requests, e.g. "
                  f"{first.kind} {first.loc}; add a build of it to a PR workflow ({ops.pr_workflows[0]}).",
                  *(p.loc for p in missing), details=details)
