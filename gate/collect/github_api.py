"""Facts from GitHub's API that no file in the repository can show; collection only, no judging.

Every fact is `None` when it could not be read (missing permission, feature off, error),
so a rule can tell "unknown" (skip) from "absent" (fail); each `None` comes with a notice
saying why. A typical run makes 6 requests (5 when the default branch is passed in),
plus one per environment that uses custom deployment-branch patterns and one more when
classic branch protection cannot be read and the branch endpoint is used instead. All
of it fits one deadline; an answer GitHub (or a proxy) garbles is a notice, not a crash.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from msgspec import Struct

from gate.github import logs
from gate.github.client import ApiError, Client, ClientSettings, Deadline

MAX_PAGES = 10  # 1,000 alerts or environments at most: bounded work on huge repositories


class EnvironmentFacts(Struct, frozen=True):
    """One deployment environment and its protection rules."""

    name: str
    required_reviewers: int  # reviewers (users or teams) listed in a required_reviewers rule; 0 = no such rule
    prevent_self_review: bool  # the person who triggered a deployment may not approve it
    wait_timer: int  # minutes a deployment waits before it may proceed; 0 = no wait timer
    branch_policy: str  # "protected-branches" | "custom" | "none" (any branch may deploy)
    branch_patterns: tuple[str, ...] | None  # custom policy's branch/tag patterns ("tag:v*" for tags); () unless custom; None = unreadable


class BranchRules(Struct, frozen=True):
    """Merge requirements on the default branch from one source."""

    required_status_checks: tuple[str, ...]  # check names/contexts that must pass before merging
    required_approving_review_count: int | None  # approvals a PR needs; 0 = not required; None = unknown
    strict: bool | None = None  # branch must be up to date before merging (None: not said by this source)


class CodeScanningAlert(Struct, frozen=True):
    number: int
    rule_id: str
    severity: str | None  # security severity (critical/high/medium/low) if any, else the rule severity
    tool: str | None
    path: str | None
    line: int | None
    html_url: str


class ApiFacts(Struct, frozen=True):
    """What the GitHub API said about one repository.

    repository: "owner/name" asked about.
    default_branch: name of the default branch; None if the repository could not be read.
    environments: every environment with its protection rules; None if they could not be listed.
    branch_protection: classic branch protection on the default branch; BranchRules((), 0) when the
        branch is not protected; None when unknown. Without `administration: read` (GITHUB_TOKEN
        never has it) the required checks still come from the branch endpoint and the review
        count is None.
    default_branch_protected: True/False when known (classic protection or any ruleset rule), None unknown.
    rulesets: the rules that rulesets apply to the default branch, merged; BranchRules((), 0) when no
        ruleset applies; None if they could not be read.
    code_scanning_alerts: open alerts on `alerts_ref`; None if code scanning could not be read
        (no permission, not enabled, or no analysis yet: see notices).
    alerts_ref: the ref the alerts were read for (e.g. "refs/heads/main", "refs/pull/7/merge").
    codeql_default_setup: True when CodeQL default setup is configured, False when not, None unknown.
    notices: one line per fact that could not be read, naming the missing permission where known.
    requests: HTTP requests made (retries of one request not counted twice).
    """

    repository: str
    default_branch: str | None
    environments: tuple[EnvironmentFacts, ...] | None
    branch_protection: BranchRules | None
    default_branch_protected: bool | None
    rulesets: BranchRules | None
    code_scanning_alerts: tuple[CodeScanningAlert, ...] | None
    alerts_ref: str | None
    codeql_default_setup: bool | None
    notices: tuple[str, ...]
    requests: int

    @property
    def required_status_checks(self) -> tuple[str, ...] | None:
        """Union of classic protection and rulesets; None when neither could be read."""
        if self.branch_protection is None and self.rulesets is None:
            return None
        found = (self.branch_protection.required_status_checks if self.branch_protection else ()) + \
                (self.rulesets.required_status_checks if self.rulesets else ())
        return tuple(dict.fromkeys(found))

    @property
    def required_approving_review_count(self) -> int | None:
        """The stricter of classic protection and rulesets; None when neither count is known."""
        counts = [r.required_approving_review_count for r in (self.branch_protection, self.rulesets)
                  if r is not None and r.required_approving_review_count is not None]
        return max(counts) if counts else None


class _Api:
    """GETs under the repository, counted once each however often they were retried."""

    def __init__(self, client: Client, repository: str) -> None:
        self.client = client
        self.base = f"/repos/{repository}"
        self.notes: list[str] = []  # what a helper could not read, for the notices

    @property
    def requests(self) -> int:
        return self.client.calls

    def get(self, path: str, params: dict[str, Any] | None = None, action: str = "") -> tuple[dict[str, Any], Any]:
        answer = self.client.get(self.base + path, params, action=action, expect=dict)
        return answer.headers, answer.data

    def obj(self, path: str, action: str) -> dict[str, Any]:
        return self.client.get(self.base + path, action=action).data

    def pages(self, path: str, params: dict[str, Any], action: str, key: str | None = None) -> list[Any]:
        return self.client.pages(self.base + path, params, action=action, key=key, max_pages=MAX_PAGES)


def collect_api_facts(repository: str, token: str, api_url: str = "https://api.github.com", ref: str | None = None,
                      default_branch: str | None = None, timeout: float = 10, retries: int = 4,
                      sleep: Callable[[float], None] = time.sleep, deadline: float | Deadline = 90.0,
                      clock: Callable[[], float] = time.monotonic) -> ApiFacts:
    """Read the API facts for `repository` ("owner/name"); never raises for API errors.

    ref: the ref whose code-scanning alerts count (default: the default branch).
    default_branch: pass it when known (e.g. from the event payload) to save a request.
    deadline: seconds for all of it (or a Deadline shared with other readers of the same run);
        what is left unread when it runs out is unknown.
    """
    shared = deadline if isinstance(deadline, Deadline) else None
    deadline = shared.seconds if shared is not None else float(deadline)
    notices: list[str] = []
    logs.configure(False, sys.stderr)  # HTTP libraries' own logging never reaches a check's output
    try:
        client = Client(ClientSettings(api_url=api_url.rstrip("/"), token=token, timeout=timeout, retries=retries,
                                       sleep=sleep, deadline=deadline, clock=clock), deadline=shared)
    except ApiError as exc:  # a token with a line break inside: nothing can be read
        return ApiFacts(repository, default_branch, None, None, None, None, None, None, None,
                        (f"GitHub API facts unknown: {exc}",), 0)
    api = _Api(client, repository)

    def attempt(what: str, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except ApiError as exc:
            hint = f"; the token needs `{exc.permission}`" if exc.permission and exc.kind == "permission" else ""
            notices.append(f"{what} unknown: {exc}{hint}")
            return None
        except (AttributeError, TypeError, ValueError, KeyError) as exc:  # an answer of a shape GitHub never sends
            notices.append(f"{what} unknown: GitHub's answer could not be read ({type(exc).__name__})")
            return None

    if default_branch is None:
        repo = attempt("default branch", lambda: api.obj("", action="repos"))
        default_branch = repo.get("default_branch") if isinstance(repo, dict) else None
        default_branch = default_branch if isinstance(default_branch, str) and default_branch else None
    environments = attempt("environments", lambda: _environments(api))
    protection, protected, rulesets = None, None, None
    if default_branch:
        found = attempt("branch protection", lambda: _classic_protection(api, default_branch, notices))
        protection, protected = found if found is not None else (None, None)
        rulesets = attempt("rulesets", lambda: _rulesets(api, default_branch))
        if rulesets is not None and protected is not True:
            has_rules = bool(rulesets.required_status_checks or rulesets.required_approving_review_count)
            protected = True if has_rules else protected
    alerts_ref = ref or (f"refs/heads/{default_branch}" if default_branch else None)
    alerts = attempt("code-scanning alerts", lambda: _alerts(api, alerts_ref))
    setup = attempt("CodeQL default setup", lambda: _default_setup(api))
    return ApiFacts(repository=repository, default_branch=default_branch,
                    environments=tuple(environments) if environments is not None else None,
                    branch_protection=protection, default_branch_protected=protected, rulesets=rulesets,
                    code_scanning_alerts=tuple(alerts) if alerts is not None else None, alerts_ref=alerts_ref,
                    codeql_default_setup=setup, notices=tuple(notices + api.notes), requests=api.requests)


def _environments(api: _Api) -> list[EnvironmentFacts]:
    out = []
    for env in api.pages("/environments", {}, "environments", key="environments"):
        reviewers, self_review, wait = 0, False, 0
        for rule in env.get("protection_rules") or []:
            if rule.get("type") == "required_reviewers":
                reviewers = len(rule.get("reviewers") or [])
                self_review = bool(rule.get("prevent_self_review"))
            elif rule.get("type") == "wait_timer":
                wait = int(rule.get("wait_timer") or 0)
        policy = env.get("deployment_branch_policy")
        kind = "none" if not policy else "protected-branches" if policy.get("protected_branches") else "custom"
        patterns: tuple[str, ...] | None = ()
        if kind == "custom":
            patterns = _patterns(api, env["name"])
        out.append(EnvironmentFacts(env["name"], reviewers, self_review, wait, kind, patterns))
    return out


def _patterns(api: _Api, name: str) -> tuple[str, ...] | None:
    try:
        items = api.pages(f"/environments/{quote(name, safe='')}/deployment-branch-policies", {}, "environments",
                          key="branch_policies")
    except ApiError as exc:
        api.notes.append(f"deployment branch patterns of environment {name!r} unknown: {exc}")
        return None
    return tuple(("tag:" if p.get("type") == "tag" else "") + str(p.get("name")) for p in items)


def _classic_protection(api: _Api, branch: str, notices: list[str]) -> tuple[BranchRules | None, bool | None]:
    path = f"/branches/{quote(branch, safe='')}"
    try:
        data = api.get(path + "/protection", action="branch-protection")[1]
    except ApiError as exc:
        if exc.kind in ("permission", "missing") and "not protected" in str(exc).lower():
            return BranchRules((), 0), False
        if exc.kind not in ("permission", "missing"):
            notices.append(f"branch protection unknown: {exc}")
            return None, None
        # No administration permission (GITHUB_TOKEN never has it): the branch endpoint
        # still tells whether the branch is protected and which checks it requires.
        notices.append(f"branch protection partly unknown: {exc}; the token needs `{exc.permission}` "
                       "to read required reviews")
        try:
            data = api.get(path, action="branches")[1]
        except ApiError:
            return None, None
        checks = ((data.get("protection") or {}).get("required_status_checks") or {}).get("contexts") or []
        if not data.get("protected"):
            return BranchRules((), 0), False
        return BranchRules(tuple(checks), None), True
    checks = data.get("required_status_checks") or {}
    names = list(checks.get("contexts") or []) + [c.get("context") for c in checks.get("checks") or []]
    reviews = (data.get("required_pull_request_reviews") or {}).get("required_approving_review_count") or 0
    return BranchRules(tuple(dict.fromkeys(n for n in names if n)), int(reviews), checks.get("strict")), True


def _rulesets(api: _Api, branch: str) -> BranchRules:
    checks: list[str] = []
    reviews, strict = 0, None
    for rule in api.pages(f"/rules/branches/{quote(branch, safe='')}", {}, "rulesets"):
        params = rule.get("parameters") or {}
        if rule.get("type") == "required_status_checks":
            checks += [c.get("context") for c in params.get("required_status_checks") or [] if c.get("context")]
            strict = bool(params.get("strict_required_status_checks_policy")) or bool(strict)
        elif rule.get("type") == "pull_request":
            reviews = max(reviews, int(params.get("required_approving_review_count") or 0))
    return BranchRules(tuple(dict.fromkeys(checks)), reviews, strict)


def _alerts(api: _Api, ref: str | None) -> list[CodeScanningAlert]:
    params: dict[str, Any] = {"state": "open"}
    if ref:
        params["ref"] = ref
    out = []
    for a in api.pages("/code-scanning/alerts", params, "code-scanning"):
        rule, inst = a.get("rule") or {}, a.get("most_recent_instance") or {}
        loc = inst.get("location") or {}
        out.append(CodeScanningAlert(number=int(a.get("number") or 0), rule_id=str(rule.get("id") or ""),
                                     severity=rule.get("security_severity_level") or rule.get("severity"),
                                     tool=(a.get("tool") or {}).get("name"), path=loc.get("path"),
                                     line=loc.get("start_line"), html_url=str(a.get("html_url") or "")))
    return out


def _default_setup(api: _Api) -> bool:
    return (api.get("/code-scanning/default-setup", action="default-setup")[1] or {}).get("state") == "configured"
