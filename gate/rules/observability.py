"""Monitoring & observability: health checks, telemetry, alerting.

Also holds the applicability helpers the other operational domains share
(resilience, performance, data, build): they apply to a deployable service.
"""
from __future__ import annotations

from gate.model.location import Location
from gate.rules.base import Context, Outcome, failed, passed, rule, skipped


def ops_skip(ev) -> Outcome | None:
    """Skip outcome when operational rules do not apply, else None."""
    if getattr(ev, "ops", None) is None:
        return skipped("Operational evidence was not collected for this run.")
    if not ev.service:
        why = ("its deploys only publish packages" if ev.deploys else
               "no deploy workflow, deploy configuration or IaC")
        return skipped(f"Not a deployable service ({why}); a library skips operational checks.")
    return None


def fix_site(ev) -> Location:
    """Where a service-level setting belongs: its Dockerfile/compose/k8s/platform config."""
    ops = ev.ops
    if ops.service_configs:
        return ops.service_configs[0].loc
    files = list(ev.tree.deploy_files) + [p for ps in ev.tree.iac.values() for p in ps]
    return Location(files[0], 1) if files else Location(".github/workflows")


def evidence_list(facts, n: int = 3) -> str:
    shown = "; ".join(str(f) for f in facts[:n])
    return shown + (f" and {len(facts) - n} more" if len(facts) > n else "")


@rule(
    id="observability.health-checks", severity="warning",
    title="The platform checks the service's health",
    rationale="""Without a health check the platform keeps routing traffic to a process that is up but
    broken, and a bad deploy is only noticed by users.""",
    remediation="""Declare a health check the platform acts on: a Dockerfile HEALTHCHECK, a Kubernetes
    liveness/readiness probe, or the platform's health-check path (railway, fly, render, App Engine).""",
)
def health_checks(ev, ctx: Context):
    """Passes on a HEALTHCHECK, a compose healthcheck on a service built here, a probe, a platform
    health-check key, or a load-balancer health check in IaC; a /health route alone does not count."""
    skip = ops_skip(ev)
    if skip:
        return skip
    facts = ev.ops.health_checks
    if facts:
        return passed(f"Health check declared: {evidence_list(facts)}.", *(f.loc for f in facts))
    where = fix_site(ev)
    return failed(f"No health check the platform acts on; add a HEALTHCHECK or probe for the service at {where} "
                  "(a /health route in code is not enough).", where)


@rule(
    id="observability.telemetry", severity="warning",
    title="The service reports metrics, traces or errors",
    rationale="""Logs alone do not tell when latency, error rate or saturation drift; an APM, tracing,
    error-tracking or metrics client is what dashboards and alerts are built on.""",
    remediation="""Add a telemetry client to the service's dependencies (OpenTelemetry, Sentry, Datadog,
    New Relic, a Prometheus client …) or an agent/OTEL_* settings to its deploy config.""",
)
def telemetry(ev, ctx: Context):
    """Passes on a telemetry library in a runtime manifest or an agent/OTEL setting in deploy config;
    logging libraries do not count."""
    skip = ops_skip(ev)
    if skip:
        return skip
    facts = ev.ops.telemetry
    if facts:
        return passed(f"Telemetry: {evidence_list(facts)}.", *(f.loc for f in facts))
    where = ev.ops.manifests[0].loc if ev.ops.manifests else fix_site(ev)
    return failed(f"No APM, tracing, error-tracking or metrics client in the service's dependencies ({where}) "
                  "or deploy config; logging libraries are not telemetry.", where)


@rule(
    id="observability.alerting", severity="warning",
    title="Alert rules are kept as code",
    rationale="""Telemetry nobody is paged on is a dashboard; alert rules in the repository are reviewed,
    versioned and deployed with the service.""",
    remediation="""Add alert rules as code next to the deploy config: a PrometheusRule or rule file with
    `alert:`, monitor/alarm/alert-policy resources in IaC, or an uptime check.""",
)
def alerting(ev, ctx: Context):
    """Passes on PrometheusRule, `alert:` rule files, Alertmanager/Grafana alert provisioning,
    alert or uptime resources in IaC, or a scheduled workflow probing the service."""
    skip = ops_skip(ev)
    if skip:
        return skip
    facts = ev.ops.alerting
    if facts:
        return passed(f"Alerting as code: {evidence_list(facts)}.", *(f.loc for f in facts))
    iac = [p for ps in ev.tree.iac.values() for p in ps]
    where = Location(iac[0], 1) if iac else fix_site(ev)
    return failed(f"No alert rule, monitor or uptime check as code; add one beside the deploy config ({where}). "
                  "Error tracking alone is not alerting.", where)
