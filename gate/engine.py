"""engine: the one flow — policy, collect, evaluate, score, report.

The CLI, the benchmarks and the corpus tests all call `run`, so what a user sees
and what is measured are the same pipeline. Every error a user can cause comes
out as `EngineError` (one line, exit 2 in the CLI); nothing here prints.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from msgspec import Struct, field

KINDS = ("service", "library", "cli", "sample", "infra-module", "docs-site")


class EngineError(Exception):
    """A configuration or input error the user can fix: its text is the whole message."""


class Options(Struct, frozen=True):
    """What one run judges and how: the policy, the ref, exclusions and the optional sources."""

    policy: str | None = None           # preset name or policy file; None: .github/readiness.yml, else production
    git_ref: str | None = None          # the branch or ref judged (branch profiles, the report's subject)
    exclude: tuple[str, ...] = ()
    today: dt.date | None = None        # waiver expiry and freshness are judged as of this day
    kind: str | None = None             # what the repository is, when the evidence misleads
    api: dict[str, Any] | None = None   # {"repository", "token", "api_url", "ref"}: read GitHub settings
    security: dict[str, Any] | None = None  # scanners and SARIF to judge (see gate.collect.security)


class Run(Struct):
    """Everything one run produced, for callers that need more than the report."""

    policy: Any
    evidence: Any
    evaluation: Any
    card: Any
    report: dict[str, Any] = field(default_factory=dict)


def run(path: str | Path, options: Options = Options()) -> Run:
    """collect → evaluate → score → report for the checkout at `path`."""
    from gate.collect import RepoError, collect
    from gate.evaluate import evaluate
    from gate.policy.load import PolicyError, load_policy
    from gate.report.build import build_report
    from gate.score import score

    path = Path(path)
    if not path.exists():
        raise EngineError(f"{path}: no such directory; give the path of a repository checkout")
    if not path.is_dir():
        raise EngineError(f"{path}: not a directory; give the path of a repository checkout")
    if options.kind is not None and options.kind not in KINDS:
        raise EngineError(f"--kind {options.kind!r}: expected one of {', '.join(KINDS)}")
    try:
        policy = load_policy(options.policy, path.resolve(), git_ref=options.git_ref, rules=rule_catalogue())
    except PolicyError as exc:
        raise EngineError(str(exc)) from None
    remote, deadline = None, None
    if options.api is not None:
        # remote reusable workflows are read with the API collector's client settings, under one deadline
        from gate.github.client import Deadline
        from gate.github.contents import remote_reader

        deadline = Deadline(90.0)
        if options.api.get("token"):
            remote = remote_reader(options.api["token"], options.api["api_url"], deadline=deadline)
    try:
        evidence = collect(path, policy, exclude=options.exclude, kind=options.kind, remote=remote)
    except RepoError as exc:
        raise EngineError(str(exc)) from None
    if options.security is not None:
        evidence.security = _collect_security(path, policy, options.exclude, options.security)
        evidence.notices.extend(evidence.security.notices)
    if options.api is not None:
        from gate.collect.github_api import collect_api_facts

        api = options.api
        evidence.api = collect_api_facts(api["repository"], api["token"], api["api_url"], ref=api.get("ref"),
                                         deadline=deadline)
        evidence.notices.extend(evidence.api.notices)
    evaluation = evaluate(evidence, policy, today=options.today)
    card = score(evaluation.results, policy.weights, policy.threshold)
    # the ref judged: as given, else the CI's (a pull request's merge ref), else the branch checked out
    ref = options.git_ref or os.environ.get("GITHUB_REF") or None
    report = build_report(evaluation, card, policy, evidence, path=str(path), ref=ref)
    if evidence.security is not None:
        report.update(evidence.security.to_report())
    return Run(policy, evidence, evaluation, card, report)


def rule_catalogue() -> dict[str, dict[str, Any]]:
    """{rule id: its params} of every built-in rule: what a policy may name and set."""
    from gate.rules import all_rules

    return {r.id: dict(r.params) for r in all_rules()}


def _collect_security(path: Path, policy, exclude: tuple[str, ...], opts: dict[str, Any]):
    from gate.collect.security import BaselineError, SarifError, collect_security, parse_scanners

    try:
        return collect_security(path, sarif_paths=opts.get("sarif_paths", ()),
                                scanners=parse_scanners(opts.get("scanners", "none")),
                                baseline_ref=opts.get("baseline_ref"), baseline_sarif=opts.get("baseline_sarif"),
                                timeout=opts.get("timeout", 300), changed_only=opts.get("changed_only"),
                                exclude=tuple(exclude) + tuple(policy.data.get("exclude") or ()))
    except (SarifError, BaselineError, ValueError) as exc:
        raise EngineError(str(exc)) from None
