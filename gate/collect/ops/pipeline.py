"""What the workflows do operationally: load tests, scheduled backups and probes,
migrations on the deploy path, and rollback commands for migrations.

Steps are followed into local reusable workflows and composite actions (already
expanded by the workflow model) and into the scripts, Makefile targets and npm
scripts they call (scripts.py).
"""
from __future__ import annotations

import re

from gate.collect.deploys import Deploy, is_stub
from gate.collect.ops.model import Fact, OpsEvidence
from gate.collect.ops.scripts import Scripts
from gate.collect.workflows import WorkflowSet
from gate.model import query
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.workflow import Job, Step, Workflow
from gate.policy.signatures import Signatures

DEPLOY_WORD = lazy(r"(?<![a-z])(deploy\w*|release\w*|promot\w*|rollout|prod\w*)", re.I)
MIGRATE_WORD = lazy(r"migrat", re.I)
TEST_WORD = lazy(r"(?<![a-z])(tests?|e2e|lint\w*|check\w*|verify|validat\w*)(?![a-z])", re.I)


def step_loc(step: Step) -> Location:
    return step.via or step.loc


_DB_ENV_KEY = lazy(r"(DATABASE|DB|POSTGRES|PG|MYSQL|SQL)\w*", re.I)
_THROWAWAY_HOST = lazy(r"(localhost|127\.0\.0\.1|0\.0\.0\.0|@(postgres|postgresql|mysql|mariadb|db|database)[:/]|sqlite)", re.I)


class ThrowawayDatabases:
    """Jobs that migrate the runner's own database: a database service container, or a
    database URL on localhost. Migrations there test the migrations; they deploy nothing."""

    def __init__(self, ws: WorkflowSet, sig: Signatures) -> None:
        self.jobs: dict[tuple[str, str], str] = {}
        for path, wf in ws.workflows.items():
            top = self._env(wf.env)
            for jid, job in wf.jobs.items():
                images = [str(v.get("image") if isinstance(v, dict) else v) for v in job.services.values()]
                sql = next((i for i in images if sig.search("sql_images", i)), None)
                why = f"its `{sql}` service container" if sql else (self._env(job.env) or top)
                if why:
                    self.jobs[(path, str(jid))] = why

    @staticmethod
    def _env(env) -> str:
        if isinstance(env, dict):
            for k, v in env.items():
                if _DB_ENV_KEY.search(str(k)) and _THROWAWAY_HOST.search(str(v)):
                    return f"{k} on the runner"
        return ""

    def why(self, wf_path: str, job_id: str) -> str:
        return self.jobs.get((wf_path, job_id), "")


def step_texts(step: Step, scripts: Scripts, wd: str) -> list[tuple[str, str]]:
    """(source, text) of the step and what it calls; source "" is the step itself."""
    out = scripts.expand(step.run or "", wd) if step.run else []
    if step.uses:
        out.append(("", step.uses))
    return out


def _fact_loc(step: Step, source: str, text: str, m: re.Match) -> Location:
    if source:
        return Location(source, text.count("\n", 0, m.start()) + 1)
    return step_loc(step)


def deploy_jobs(deploys: list[Deploy]) -> set[tuple[str, str]]:
    keys = {(d.workflow, d.job) for d in deploys}
    keys |= {(d.called, "*") for d in deploys if d.called}
    return keys


_NAMES = ("load_test_commands", "migration_rollback_commands", "migration_commands", "backup_commands",
          "probe_commands", "platform_scaled_commands")


def collect_pipeline(ws: WorkflowSet, scripts: Scripts, sig: Signatures,
                     deploys: list[Deploy], ev: OpsEvidence) -> None:
    deploying = deploy_jobs(deploys)
    throwaway = ThrowawayDatabases(ws, sig)
    memo: dict[str, dict] = {}

    def searched(texts):
        # the same script reached by many steps is searched once
        out = []
        for source, text in texts:
            if text not in memo:
                memo[text] = {n: sig.search(n, text) for n in _NAMES}
            out.append((source, text, memo[text]))
        return out

    for wf in ws.workflows.values():
        pr_only = bool(wf.triggers) and set(wf.triggers) <= set(query.PR_EVENTS)
        scheduled = "schedule" in wf.triggers
        for job in wf.jobs.values():
            deployish = ((wf.path, job.id) in deploying or (wf.path, "*") in deploying
                         or bool(DEPLOY_WORD.search(f"{job.id} {job.name or ''} {wf.label} {wf.path.rsplit('/', 1)[-1]}")))
            if TEST_WORD.search(f"{job.id} {job.name or ''}"):
                deployish = False  # a test job migrating its throwaway database is not the deploy path
            elif deployish and throwaway is not None and throwaway.why(wf.path, job.id):
                deployish = False  # a CI bootstrap against the runner's own database
            if not pr_only and deployish and not is_stub(job) and MIGRATE_WORD.search(f"{job.id} {job.name or ''}"):
                ev.migration_runs.append(Fact("deploy-job", job.loc, f"job `{job.id}` in {wf.path}"))
            for step in job.steps:
                _step(wf, job, step, searched(scripts.expand(step.run or "", step.workdir) if step.run else []), sig, ev,
                      pr_only=pr_only, scheduled=scheduled, deployish=deployish)


def _step(wf: Workflow, job: Job, step: Step, texts, sig: Signatures, ev: OpsEvidence,
          *, pr_only: bool, scheduled: bool, deployish: bool) -> None:
    if step.uses and sig.uses_match("load_test_actions", step.uses):
        ev.load_test_runs.append(Fact("load-test-action", step_loc(step), step.uses))
    if deployish and not pr_only and step.uses and sig.uses_match("platform_scaled_actions", step.uses):
        ev.functions.append(Fact("deploy-action", step_loc(step), f"{step.uses} in {wf.path}"))
    for source, text, found in texts:
        m = found["load_test_commands"]
        if m:
            ev.load_test_runs.append(Fact("load-test-step", step_loc(step), f"{m.group(0).strip()} in {wf.path}"))
        m = found["migration_rollback_commands"]
        if m:
            ev.reversible.append(Fact("rollback-workflow", _fact_loc(step, source, text, m), m.group(0).strip()))
        if deployish and not pr_only and found["platform_scaled_commands"]:
            ev.functions.append(Fact("deploy-step", step_loc(step),
                                     f"{found['platform_scaled_commands'].group(0).strip()} in {wf.path}"))
        if deployish and not pr_only:
            m = found["migration_commands"]
            if m:
                ev.migration_runs.append(Fact("deploy-step", step_loc(step), f"{m.group(0).strip()} in job `{job.id}`"))
        if scheduled:
            m = found["backup_commands"]
            if m:
                ev.backups.append(Fact("scheduled-backup", step_loc(step), f"{m.group(0).strip()} on a schedule"))
            hint = f"{wf.label} {wf.path} {job.id} {job.name or ''} {step.name or ''}"
            m = found["probe_commands"]
            if m and sig.search("probe_workflow_names", hint):
                ev.alerting.append(Fact("scheduled-probe", step_loc(step), f"scheduled probe in {wf.path}"))
    if scheduled and step.uses and sig.search("probe_commands", step.uses):
        ev.alerting.append(Fact("scheduled-probe", step_loc(step), step.uses))
