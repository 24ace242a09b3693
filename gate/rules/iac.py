"""Infrastructure as code: infrastructure is described in the repository and checked in CI."""
from __future__ import annotations

from gate.model import query
from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped


@rule(
    id="iac.present", severity="info",
    title="Infrastructure is described as code",
    rationale="""Infrastructure that exists only in a console cannot be reviewed, reproduced after a
    disaster, or promoted from staging to production the same way twice.""",
    remediation="Describe the service's infrastructure in Terraform, CloudFormation, Pulumi, Bicep, Helm or Kubernetes manifests in the repository.",
    applies_to=("service", "infra-module"),
)
def present(ev, ctx: Context):
    """Passes when Terraform, CloudFormation, Pulumi, Bicep, CDK, Helm, Kubernetes or Ansible files exist."""
    if ev.tree.iac:
        kinds = ", ".join(f"{k} ({v[0]})" for k, v in sorted(ev.tree.iac.items()))
        first = next(iter(ev.tree.iac.values()))[0]
        return passed(f"Infrastructure as code: {kinds}.", Location(first, 1))
    platform = ", ".join(ev.tree.deploy_files[:3])
    return failed(f"No infrastructure as code; the service deploys from platform config only ({platform}).",
                  Location(ev.tree.deploy_files[0], 1) if ev.tree.deploy_files else None)


@rule(
    id="iac.validated-in-ci", severity="warning",
    title="Infrastructure code is validated in CI",
    rationale="""An infrastructure change that is first checked by `apply` fails in production; validate,
    plan or lint in CI catches it on the pull request.""",
    remediation="Add a CI step that runs `terraform validate`/`plan`, `helm lint`, `kubeconform`, `cfn-lint` or similar on pull requests.",
)
def validated_in_ci(ev, ctx: Context):
    """Passes when a workflow step validates, plans or lints the infrastructure code."""
    if not ev.tree.iac:
        return skipped("No infrastructure as code to validate.")
    for wf in ev.workflows.workflows.values():
        for _, step in query.workflow_steps(wf):
            if (step.run and ctx.sig.search("iac_validate", step.run)) or ctx.sig.uses_match("iac_validate_actions", step.uses):
                return passed(f"Infrastructure code is validated in {wf.path}.", step.loc)
    first = next(iter(ev.tree.iac.values()))[0]
    return failed(f"Infrastructure code ({first}) is never validated, planned or linted by a workflow.", Location(first, 1))
