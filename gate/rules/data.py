"""Database & migrations: managed by a tool, applied by the deploy path, reversible.

These apply when the service owns a relational database (an SQL driver or ORM,
an SQL image or IaC resource) or keeps a migrations folder; a service whose only
stores are document or key-value stores skips them.
"""
from __future__ import annotations

from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule
from gate.rules.ops_common import evidence_list, fix_site


def _db_where(ops) -> Location:
    return (ops.databases or ops.migration_dirs or ops.migration_tools)[0].loc


@rule(
    id="data.migrations-managed", severity="warning",
    title="Schema changes are migrations under a tool",
    rationale="""A schema changed by hand, or by an ORM syncing itself, differs between environments
    and cannot be reviewed, repeated or rolled back.""",
    remediation="""Manage the schema with a migration tool (Alembic, Django, Prisma, Flyway, Liquibase, Rails,
    Knex, golang-migrate, EF Core …) and commit its migrations folder.""",
    applies_to=("service",), needs=("database",),
)
def migrations_managed(ev, ctx: Context):
    """Passes when a migration tool's files are present; ORM auto-sync (GORM AutoMigrate,
    ddl-auto=update, synchronize: true) is not managed migrations."""
    ops = ev.ops
    if ops.migration_tools:
        tools = ", ".join(ops.tools)
        where = ops.migration_dirs[0] if ops.migration_dirs else ops.migration_tools[0]
        return passed(f"Migrations managed by {tools} ({ops.migration_tools[0].loc}; folder "
                      f"{where.detail or where.loc.path}).", *(f.loc for f in ops.migration_tools))
    db = _db_where(ops)
    if ops.auto_sync:
        sync = ops.auto_sync[0]
        return failed(f"The schema is made by ORM auto-sync ({sync}), not by migrations; the database is "
                      f"declared at {db}.", sync.loc, db)
    return failed(f"The service has a database ({evidence_list(ops.databases or ops.migration_dirs, 2)}) but no "
                  "migration tool manages its schema.", db)


@rule(
    id="data.migrations-in-pipeline", severity="warning",
    title="The deploy path applies migrations",
    rationale="""Migrations a person runs by hand are forgotten, run twice or run against the wrong
    database; the deploy path should apply them the same way every time.""",
    remediation="""Apply migrations in the deploy path: a deploy workflow step, a release/pre-deploy command,
    the image's entrypoint, a Kubernetes Job or Helm hook, or the framework's migrate-on-start setting.""",
    applies_to=("service",), needs=("database",),
)
def migrations_in_pipeline(ev, ctx: Context):
    """Passes on a migration command in a deploy job, release/pre-deploy command, entrypoint or start
    script, a k8s Job/init container/Helm hook, or migrate-on-start code or configuration."""
    ops = ev.ops
    if ops.migration_runs:
        return passed(f"Migrations applied on deploy: {evidence_list(ops.migration_runs)}.",
                      *(f.loc for f in ops.migration_runs))
    where = fix_site(ev)
    what = f"migrations in {ops.migration_dirs[0].detail}" if ops.migration_dirs else "schema changes"
    return failed(f"Nothing on the deploy path applies {what}; run them from the entrypoint or a release "
                  f"step (for example at {where}).", where, _db_where(ops))


@rule(
    id="data.migrations-reversible", severity="warning",
    title="Migrations can be rolled back",
    rationale="""Rolling back code whose migration cannot be undone leaves the old code on a new schema;
    down-migrations (or a tool that rolls back) make a rollback a command rather than an incident.""",
    remediation="""Write down-migrations (Alembic downgrade(), Knex/Sequelize/TypeORM down, *.down.sql,
    Flyway U__ files, Liquibase rollback blocks, EF Core Down()) or use a tool that rolls back.""",
    applies_to=("service",), needs=("database",),
)
def migrations_reversible(ev, ctx: Context):
    """Judged per migration by the framework's meaning: a down path with a body, Rails `change` without
    irreversible operations, Django operations with their reverse, Liquibase changesets (not files) with
    a rollback or auto-rollback change types; Prisma and Flyway V__ without U__ are forward-only. Passes
    when most of those read can be undone, and says how many could not."""
    ops = ev.ops
    files = [f for f in ops.reversible if f.kind != "rollback-workflow"]
    workflow = [f for f in ops.reversible if f.kind == "rollback-workflow"]
    bad = ops.irreversible
    if not files and not bad:
        return failed("No migrations to roll back: the database has no migration files.", _db_where(ops))
    tools = ", ".join(ops.tools)
    unit = "changesets" if ops.tools == ["liquibase"] else "migrations"
    bounded = [n for n in ops.notes if "migration files" in n]
    total = len(files) + len(bad)
    unit = unit if total != 1 else unit[:-1]
    counted = f"{total} {unit} read ({tools}{'; ' + bounded[0] if bounded else ''})"
    named = "; ".join(f"{f.loc} ({f.detail})" for f in bad[:3]) + (f" and {len(bad) - 3} more" if len(bad) > 3 else "")
    if files and (len(files) > len(bad) or workflow):
        extra = f": {named}" if bad else ""
        via = f"; rolled back by {workflow[0]}" if workflow else ""
        example = f" (e.g. {files[0]})" if files else ""
        return passed(f"{counted}, {len(bad)} irreversible{extra}; {len(files)} can be undone{example}{via}.",
                      *(f.loc for f in files[:1] + bad[:3] + workflow[:1]))
    return failed(f"{counted}, {len(bad)} irreversible: {named}; add down-migrations or the tool's rollback.",
                  *(f.loc for f in bad[:3]))
