"""Backup, DR & scaling: automated backups, a fresh DR runbook, autoscaling."""
from __future__ import annotations

import datetime as dt

from gate.model.location import Location
from gate.rules.base import Context, failed, passed, rule, skipped, unknown
from gate.rules.ops_common import evidence_list, fix_site, serverless


@rule(
    id="resilience.backups", severity="warning",
    title="Data is backed up automatically",
    rationale="""A backup a person has to remember is the one missing on the day it is needed; backups
    declared in infrastructure or scheduled jobs run whether anyone remembers or not.""",
    remediation="""Declare backups where the data lives: retention/backup settings on the managed database
    in IaC, a backup plan or snapshot schedule, a Velero schedule, or a scheduled job that dumps the data.""",
    applies_to=("service",),
)
def backups(ev, ctx: Context):
    """Passes on backup retention/PITR in IaC or platform config, backup plans, Velero schedules,
    a dump CronJob or compose service, or a scheduled workflow that dumps the data; documents do not count.
    Skips a service that keeps no data (no database, volume, object store or queue)."""
    ops = ev.ops
    if ops.backups:
        return passed(f"Automated backups: {evidence_list(ops.backups)}.", *(f.loc for f in ops.backups))
    if not ops.keeps_data:
        return skipped("The service keeps no data of its own (no database, volume, object store or queue in its "
                       "config): backups do not apply.")
    stores = ([f for f in ops.databases if f.kind in ("sql-resource", "sql-image")] + ops.databases
              + ops.document_stores + ops.stateful)
    where = stores[0].loc if stores else fix_site(ev)
    doc = f" ({ops.runbooks[0].loc.path} describes backups, but a document is not automation)" if any(
        "backup" in f.loc.path.lower() for f in ops.runbooks) else ""
    return failed(f"No automated backup of the service's data; declare retention or a backup schedule for the "
                  f"store at {where}{doc}.", where)


@rule(
    id="resilience.dr-runbook", severity="warning",
    title="A disaster-recovery runbook exists and is kept current",
    rationale="""Recovery under pressure follows whatever is written down; a runbook untouched for many
    months describes a system that no longer exists.""",
    remediation="""Keep a DR/restore runbook in the repository (for example docs/runbooks/disaster-recovery.md)
    and review it at least every policy period.""",
    params={"max_age_days": 180},
    applies_to=("service",),
)
def dr_runbook(ev, ctx: Context):
    """Passes when a runbook (disaster/recovery/restore/backup/incident in its path) was committed within
    `max_age_days` of today; outside a git repository its age cannot be told (unknown)."""
    books = ev.ops.runbooks
    if not books:
        return failed("No disaster-recovery runbook; add one such as docs/runbooks/disaster-recovery.md.",
                      Location("docs"))
    git = ev.git
    if git is None or not git.is_repo:
        return unknown(f"Runbook {books[0].loc.path} found, but this is not a git repository, so its age "
                       "cannot be told.", books[0].loc)
    paths = [f.loc.path for f in books]
    change = git.cached(paths)
    if change is False:
        return unknown("The runbooks' git history was not collected for this run.", books[0].loc)
    if change is None:
        return unknown(f"Runbook {paths[0]} has no commit yet, so its age cannot be told.", books[0].loc)
    when, sha, path = change
    limit = int(ctx.params.get("max_age_days", 180))
    today = ctx.today or dt.date.today()
    age = (today - when).days
    loc = Location(path or paths[0], 1)
    if age > limit:
        return failed(f"Runbook {loc.path} was last changed {age} days ago ({when}, {sha[:8]}), over the "
                      f"{limit}-day limit; review and update it.", loc)
    return passed(f"Runbook {loc.path} changed {age} days ago ({when}, {sha[:8]}), within {limit} days.", loc)


@rule(
    id="resilience.autoscaling", severity="warning",
    title="The service scales with load",
    rationale="""A fixed number of instances is either paid for idle or overwhelmed at peak; autoscaling
    turns load into capacity without a person watching.""",
    remediation="""Enable autoscaling in the config that is deployed: an HPA or KEDA ScaledObject, a cloud
    autoscaling resource, or platform min/max instances with the maximum above the minimum.""",
    applies_to=("service",),
)
def autoscaling(ev, ctx: Context):
    """Passes on an HPA/KEDA object rendered by default, cloud autoscaling resources, DynamoDB on-demand
    tables, a min/max instance range with max > min, or a service that runs only on a platform that scales
    it (Lambda, Cloud Functions, Cloud Run, App Runner, Amplify); a chart whose HPA is off by default does not count."""
    ops = ev.ops
    if ops.autoscaling:
        return passed(f"Autoscaling: {evidence_list(ops.autoscaling)}.", *(f.loc for f in ops.autoscaling))
    if serverless(ops):
        return passed(f"The platform scales the service with load: {evidence_list(ops.functions)}.",
                      *(f.loc for f in ops.functions[:3]))
    if ops.autoscaling_off:
        off = ops.autoscaling_off[0]
        return failed(f"Autoscaling is declared but off ({off}); turn it on at {off.loc}.", off.loc)
    where = fix_site(ev)
    return failed(f"No autoscaling in the deployed configuration; add an autoscaler or a min/max instance "
                  f"range for the service at {where}.", where)
