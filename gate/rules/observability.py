"""Monitoring & observability: health checks, telemetry, alerting."""
from __future__ import annotations

from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule
from gate.rules.ops_common import evidence_list, fix_site, serverless



@rule(
    id="observability.health-checks", severity="warning",
    title="The platform checks the service's health",
    rationale="""Without a health check the platform keeps routing traffic to a process that is up but
    broken, and a bad deploy is only noticed by users.""",
    remediation="""Declare a health check the platform acts on: a Dockerfile HEALTHCHECK, a Kubernetes
    liveness/readiness probe, or the platform's health-check path (railway, fly, render, App Engine).""",
    applies_to=("service",),
)
def health_checks(ev, ctx: Context):
    """Passes on a HEALTHCHECK, a compose healthcheck on a service built here, a probe, a platform
    health-check key, or a load-balancer health check in IaC; a /health route alone does not count."""
    facts = ev.ops.health_checks
    if facts:
        return passed(f"Health check declared: {evidence_list(facts)}.", *(f.loc for f in facts))
    where = fix_site(ev)
    if serverless(ev.ops):
        fn = ev.ops.functions[0]
        return failed(f"No health check on the service's entry point ({fn}): the platform runs it, and a Dockerfile "
                      "HEALTHCHECK does not apply there; add the platform's health check: one on the API Gateway or "
                      "load balancer in front of it, a Route 53 health check or synthetic canary, or the platform's "
                      "startup/liveness probes (Cloud Run, App Runner).", fn.loc)
    return failed(f"No health check the platform acts on; add a HEALTHCHECK or probe for the service at {where} "
                  "(a /health route in code is not enough).", where)


@rule(
    id="observability.telemetry", severity="warning",
    title="The service reports metrics, traces or errors",
    rationale="""Logs alone do not tell when latency, error rate or saturation drift; an APM, tracing,
    error-tracking or metrics client is what dashboards and alerts are built on.""",
    remediation="""Add a telemetry client to the service's dependencies (OpenTelemetry, Sentry, Datadog,
    New Relic, a Prometheus client …) or an agent/OTEL_* settings to its deploy config.""",
    applies_to=("service",),
)
def telemetry(ev, ctx: Context):
    """Passes on a telemetry library in a runtime manifest or an agent/OTEL setting in deploy config;
    logging libraries do not count."""
    facts = ev.ops.telemetry
    if facts:
        return passed(f"Telemetry: {evidence_list(facts)}.", *(f.loc for f in facts))
    where = ev.ops.manifests[0].loc if ev.ops.manifests else fix_site(ev)
    if serverless(ev.ops):
        fn = ev.ops.functions[0]
        return failed(f"No tracing or telemetry client for the functions ({fn}); turn on X-Ray tracing for them "
                      f"(Tracing: Active) or add a telemetry client to {where}.", fn.loc)
    return failed(f"No APM, tracing, error-tracking or metrics client in the service's dependencies ({where}) "
                  "or deploy config; logging libraries are not telemetry.", where)


@rule(
    id="observability.alerting", severity="warning",
    title="Alert rules are kept as code",
    rationale="""Telemetry nobody is paged on is a dashboard; alert rules in the repository are reviewed,
    versioned and deployed with the service.""",
    remediation="""Add alert rules as code next to the deploy config: a PrometheusRule or rule file with
    `alert:`, monitor/alarm/alert-policy resources in IaC, or an uptime check.""",
    applies_to=("service",),
)
def alerting(ev, ctx: Context):
    """Passes on PrometheusRule, `alert:` rule files, Alertmanager/Grafana alert provisioning,
    alert or uptime resources in IaC, or a scheduled workflow probing the service."""
    facts = ev.ops.alerting
    if facts:
        return passed(f"Alerting as code: {evidence_list(facts)}.", *(f.loc for f in facts))
    iac = [p for ps in ev.tree.iac.values() for p in ps]
    where = Location(iac[0], 1) if iac else fix_site(ev)
    return failed(f"No alert rule, monitor or uptime check as code; add one beside the deploy config ({where}). "
                  "Error tracking alone is not alerting.", where)
