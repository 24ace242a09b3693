"""Infrastructure as code: infrastructure is described in the repository and checked in CI."""
from __future__ import annotations

from gate.model import query
from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped, unknown


@rule(
    id="iac.present", severity="info",
    title="Infrastructure is described as code",
    rationale="""Infrastructure that exists only in a console cannot be reviewed, reproduced after a
    disaster, or promoted from staging to production the same way twice.""",
    remediation="Describe the service's infrastructure in Terraform, CloudFormation, Pulumi, Bicep, Helm or Kubernetes manifests in the repository.",
    applies_to=("service", "infra-module"),
)
def present(ev, ctx: Context):
    """Passes when Terraform, CloudFormation/SAM, Serverless Framework, ARM/Bicep, Pulumi, CDK, Helm,
    Kubernetes or Ansible files exist: known file names, or content the infrastructure readers parsed
    (a template or manifest under any folder name)."""
    kinds = {k: v[0] for k, v in sorted(ev.tree.iac.items())}
    for fact in ev.ops.iac_files if ev.ops is not None else []:
        kinds.setdefault(fact.detail or "infrastructure code", fact.loc.path)
    if kinds:
        first = next(iter(kinds.values()))
        shown = ", ".join(f"{k} ({v})" for k, v in kinds.items())
        return passed(f"Infrastructure as code: {shown}.", Location(first, 1))
    platform = ", ".join(ev.tree.deploy_files[:3])
    return failed(f"No infrastructure as code; the service deploys from platform config only ({platform}).",
                  Location(ev.tree.deploy_files[0], 1) if ev.tree.deploy_files else None)


_CI_EVENTS = {"pull_request", "pull_request_target", "push", "merge_group"}


def _checks_config(step) -> bool:
    """A multi-purpose scanner checks infrastructure code only in its config mode
    (trivy `scan-type: config` or a `misconfig` scanner); other actions always do."""
    if "trivy" not in (step.uses or "").lower():
        return True
    mode = f"{step.with_.get('scan-type', '')} {step.with_.get('scanners', '')}".lower()
    return "config" in mode


def _installs_only(uses: str | None) -> bool:
    return bool(uses) and uses.split("@")[0].rsplit("/", 1)[-1].lower().startswith("setup-")


@rule(
    id="iac.validated-in-ci", severity="warning",
    title="Infrastructure code is validated in CI",
    rationale="""An infrastructure change that is first checked by `apply` fails in production; validate,
    plan or lint in CI catches it on the pull request.""",
    remediation="Add a CI step that runs `terraform validate`/`plan`, `helm lint`, `kubeconform`, `cfn-lint` or similar on pull requests.",
)
def validated_in_ci(ev, ctx: Context):
    """Passes when a workflow step validates, plans or lints the infrastructure code."""
    read = ev.ops.iac_files if ev.ops is not None else []
    if not ev.tree.iac and not read:
        return skipped("No infrastructure as code to validate.")
    setup_only = manual = None
    callers: dict[str, set[str]] = {}
    for wf in ev.workflows.workflows.values():
        for job in wf.jobs.values():
            if isinstance(job.uses, str) and job.uses.startswith("./"):
                callers.setdefault(job.uses[2:].split("@")[0], set()).update(wf.triggers)
    for wf in ev.workflows.workflows.values():
        # a reusable workflow runs on whatever its callers run on
        events = set(wf.triggers) - {"workflow_call"} | callers.get(wf.path, set())
        ci = bool(events & _CI_EVENTS)
        for _, step in query.workflow_steps(wf):
            m = (ctx.sig.search("iac_validate", step.run) or ctx.sig.search("iac_check_commands", step.run)) if step.run else None
            if m and m.group(0).rstrip().endswith("fmt") and "-check" not in step.run:
                m = None  # `terraform fmt` rewrites files; only `fmt -check` checks anything
            if m and not ci:
                manual = manual or (wf, step)  # validation inside a manual or scheduled deploy is not CI
                continue
            if m:
                return passed(f"Infrastructure code is validated in {wf.path}: `{m.group(0).strip()}`.", step.loc)
            if ctx.sig.uses_match("iac_validate_actions", step.uses) and _checks_config(step):
                # an action that only installs a tool (setup-terraform) validates nothing: cite the step that runs it
                if _installs_only(step.uses):
                    setup_only = setup_only or step
                else:
                    return passed(f"Infrastructure code is validated in {wf.path} by {step.uses}.", step.loc)
    if manual is not None:
        wf, step = manual
        return failed(f"Infrastructure code is validated only in {wf.path} (on {', '.join(sorted(wf.triggers)) or 'no trigger'}), "
                      "not on pull requests or pushes; run validate/plan/lint in CI.", step.loc)
    if setup_only is not None:
        return failed(f"{setup_only.uses} installs the tool at {setup_only.loc}, but no step runs validate, plan or "
                      "lint with it; add `terraform validate` (or plan/lint) after it.", setup_only.loc)
    first = next(iter(ev.tree.iac.values()))[0] if ev.tree.iac else read[0].loc.path
    unread = getattr(ev.workflows, "unread", None) or []
    if unread:
        system, path = unread[0]
        return unknown(f"Infrastructure code ({first}) is not validated by any pipeline this gate reads; {system} "
                       f"({path}) may validate it, but its content is not read.", Location(path, 1))
    return failed(f"Infrastructure code ({first}) is never validated, planned or linted by a workflow.", Location(first, 1))
