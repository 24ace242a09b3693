"""What the operational collectors found: facts with locations, no judgement."""
from __future__ import annotations

from msgspec import Struct, field
from msgspec.structs import force_setattr

from gate.model.location import Location


class Fact(Struct, frozen=True):
    """One piece of evidence: what it is (`kind`), where it stands, and a short quote."""

    kind: str          # e.g. "dockerfile-healthcheck", "k8s-probe", "dependency"
    loc: Location
    detail: str = ""   # what the file says, short enough for a message

    def __post_init__(self) -> None:
        # quotes come from files: one line, bounded, so messages stay readable
        force_setattr(self, "detail", " ".join(str(self.detail).split())[:120])

    def __str__(self) -> str:
        return f"{self.detail} ({self.loc})" if self.detail else str(self.loc)


class Part(Struct):
    """A deployable part built from this repository, and the PR job that builds it."""

    kind: str                    # image | frontend | function
    path: str                    # the Dockerfile, package.json or function config
    loc: Location                # where the part is declared (the file, or its build script)
    dir: str                     # its directory ("" for the root)
    languages: tuple[str, ...] = ()   # what its own build compiles (image: RUN lines)
    sources: tuple[str, ...] = ()     # build-context directories an image copies in
    built_by: Location | None = None  # the PR-triggered step that builds it, if any
    how: str = ""                     # how that step builds it (docker, node, go …)


class OpsEvidence(Struct):
    """Operational facts of one repository, each list empty when nothing was found.

    health_checks   HEALTHCHECK, compose healthcheck on a service built here, probes,
                    platform health-check keys, load-balancer checks in IaC.
    service_configs where a health check or autoscaling would be added: Dockerfile
                    CMD lines, compose services built here, k8s workloads, platform files.
    telemetry       APM/tracing/error-tracking/metrics clients in runtime dependencies,
                    and agents or OTEL_* settings in deploy config.
    manifests       the service's own runtime dependency manifests (where telemetry goes).
    alerting        alert rules as code, uptime checks, scheduled probing workflows.
    backups         backup retention, backup plans, snapshot schedules, dump jobs.
    autoscaling     HPA/KEDA, cloud autoscaling, platform min < max.
    autoscaling_off autoscaling declared but off (a chart's HPA disabled by default).
    functions       compute the platform scales by itself: Lambda, Cloud Functions, Cloud
                    Run, App Runner, Amplify (in IaC, serverless templates, deploy steps,
                    or a Lambda base image).
    load_test_scripts  files of a load-test tool (k6, Locust, Gatling …) or its package.
    load_test_runs  workflow steps that run a load-test tool.
    databases       relational evidence: SQL driver/ORM dependency, SQL image or IaC.
    document_stores document or key-value store evidence (MongoDB, Datastore, Redis …).
    stateful        other data the service keeps: volumes, object stores, queues it owns.
    migration_dirs  one Fact per migrations folder (loc: its newest file).
    migration_tools one Fact per tool (detail: the tool's name).
    auto_sync       ORM auto-sync of the schema (GORM AutoMigrate, ddl-auto=update …).
    migration_runs  where the deploy path applies migrations (step, release command,
                    entrypoint script, k8s Job/hook, migrate-on-start code or config).
    migration_files number of migration files read (capped per folder).
    reversible      files that carry a down path (or a tool that rolls back by itself).
    irreversible    migration files without one (forward-only tools, empty downgrade()).
    parts           deployable parts, each with the PR step that builds it (or None).
    pr_workflows    workflows that run on pull requests (their paths).
    runbooks        documents that read as DR / backup / recovery runbooks.
    iac_files       infrastructure code the readers understood (detail: its language):
                    Terraform, CloudFormation/SAM, Serverless, ARM, CDK/Pulumi, manifests.
    notes           what was bounded or skipped while reading.
    """

    health_checks: list[Fact] = field(default_factory=list)
    service_configs: list[Fact] = field(default_factory=list)
    telemetry: list[Fact] = field(default_factory=list)
    manifests: list[Fact] = field(default_factory=list)
    alerting: list[Fact] = field(default_factory=list)
    backups: list[Fact] = field(default_factory=list)
    autoscaling: list[Fact] = field(default_factory=list)
    autoscaling_off: list[Fact] = field(default_factory=list)
    functions: list[Fact] = field(default_factory=list)
    load_test_scripts: list[Fact] = field(default_factory=list)
    load_test_runs: list[Fact] = field(default_factory=list)
    databases: list[Fact] = field(default_factory=list)
    document_stores: list[Fact] = field(default_factory=list)
    stateful: list[Fact] = field(default_factory=list)
    migration_dirs: list[Fact] = field(default_factory=list)
    migration_tools: list[Fact] = field(default_factory=list)
    auto_sync: list[Fact] = field(default_factory=list)
    migration_runs: list[Fact] = field(default_factory=list)
    migration_files: int = 0
    reversible: list[Fact] = field(default_factory=list)
    irreversible: list[Fact] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    pr_workflows: list[str] = field(default_factory=list)
    runbooks: list[Fact] = field(default_factory=list)
    iac_files: list[Fact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_database(self) -> bool:
        """A relational database, or a migrations folder for any store."""
        return bool(self.databases or self.migration_dirs or self.migration_tools)

    @property
    def keeps_data(self) -> bool:
        """Anything to back up: a database, a document store, a volume, a bucket or a queue."""
        return bool(self.has_database or self.document_stores or self.stateful)

    @property
    def tools(self) -> list[str]:
        return list(dict.fromkeys(f.detail for f in self.migration_tools))
