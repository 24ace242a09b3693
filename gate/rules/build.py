"""Build verification: every deployable part is built by a job that runs on pull requests."""
from __future__ import annotations

import re

from gate.collect.workflows import out_of_sight, pr_reach
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped, unknown

_GITLAB_SUFFIX = lazy(r"\.gitlab-ci\.ya?ml\b")  # every GitLab template is named so
_MAY_BUILD = lazy(r"build|image|docker|container|package|bundle|compile|auto-?devops|\bci\b|[/_-]ci[/._-]|pipeline", re.I)


def _what(part) -> str:
    """The part and where it stands, for a message."""
    if part.kind == "build":
        return (f"the {part.languages[0]} build the release path runs over {part.dir or 'the repository root'} "
                f"({part.loc})")
    return f"{part.kind} {part.loc}"


def _hidden_builds(ev) -> str:
    """Remote workflows or templates the pull-request pipelines run whose names say they may build."""
    seen = [f"{what} at {loc}" for wf in ev.workflows.pipelines() if pr_reach(wf, ev.workflows) is not None
            for loc, what in out_of_sight(wf) if _MAY_BUILD.search(_GITLAB_SUFFIX.sub("", what))]
    return ", ".join(seen[:3])


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
    pull-request deploy to a preview environment; tests alone are not a build. What the release
    path builds beyond such files (an app it publishes, a package or binary it releases) is a part
    too. Builds out of sight (a remote reusable workflow or template named for building) are unknown."""
    ops = ev.ops
    if not ops.parts:  # a library or CLI whose release builds nothing here skips too
        return skipped("No deployable part is built from this repository (no service Dockerfile, front-end app "
                       "or function, and no release build).")
    hidden = _hidden_builds(ev)
    if not ops.pr_workflows:
        first = ops.parts[0]
        if ev.workflows.unread:
            return unknown(f"No pipeline read here runs on pull requests; CI also runs on "
                           f"{', '.join(f'{s} ({p})' for s, p in ev.workflows.unread)}, which this gate does not "
                           f"read, so whether pull requests build {_what(first)} cannot be judged from here.")
        other = ev.workflows.foreign[0].path if ev.workflows.foreign and not ev.workflows.workflows else None
        return failed(f"No {'pipeline' if other else 'workflow'} runs on pull requests, so nothing builds "
                      f"{first.kind} {first.loc} before merge.", first.loc, Location(other or ".github/workflows"))
    missing = [p for p in ops.parts if p.built_by is None]
    if not missing:
        built = "; ".join(f"{p.path} by {p.built_by}" for p in ops.parts[:3])
        return passed(f"All {len(ops.parts)} deployable part(s) are built on pull requests: {built}.",
                      *(p.built_by for p in ops.parts))
    details = [f"{_what(p)} is not built by any pull-request job" for p in missing]
    first = missing[0]
    if hidden:
        return unknown(f"{len(missing)} of {len(ops.parts)} deployable part(s) show no build on pull requests, e.g. "
                       f"{_what(first)}, but the pull-request pipeline runs {hidden}, which this "
                       "repository does not hold; whether it builds them cannot be judged from here.")
    return failed(f"{len(missing)} of {len(ops.parts)} deployable part(s) are not built on pull requests, e.g. "
                  f"{_what(first)}; add a build of it to a PR workflow ({ops.pr_workflows[0]}).",
                  *(p.loc for p in missing), details=details)
