"""collect_ops: walk the file list once, hand each file to the reader of its format."""
from __future__ import annotations

import re

from gate.collect.deploys import Deploy, collect_deploys
from gate.collect.ops import cloudformation, helm, iac, iac_code, iac_files, infra, kube, migrations, platform
from gate.collect.ops.common import YAML_EXT, dirname, own
from gate.collect.ops.compose import Service, image_base, is_compose, parse_compose
from gate.collect.ops.dockerfile import Dockerfile, is_dockerfile, parse_dockerfile
from gate.collect.ops.manifests import DEV_GROUP, installed_groups, manifest_files, read_manifests
from gate.collect.ops.model import Fact, OpsEvidence
from gate.collect.ops.parts import find_parts, verify_parts
from gate.collect.ops.pipeline import collect_pipeline
from gate.collect.ops.scripts import Scripts
from gate.collect.repo import RepoFiles
from gate.collect.workflows import WorkflowSet, is_workflow_file
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.policy.signatures import Signatures

MAX_YAML_FILES = 3000  # deploy YAML beyond this is not read (said in notes)
_TAG = lazy(r"(?:-t|--tag)[=\s]+[\"']?([^\s\"']+)")
_LOCAL_COMPOSE = lazy(r"(^|[._-])(dev|devel|development|local|test|tests|testing|ci|e2e|override|debug)([._-]|$)", re.I)
# scripts a platform runs on every deploy or start (Vercel and Heroku run their build hooks on deploy)
_START_SCRIPTS = ("start", "prestart", "start:prod", "start:production", "serve", "prod", "vercel-build",
                  "heroku-postbuild", "postdeploy", "predeploy", "release")


def collect_ops(repo: RepoFiles, workflows: WorkflowSet, sig: Signatures,
                deploys: list[Deploy] | None = None, scripts: Scripts | None = None) -> OpsEvidence:
    """Every operational fact of the repository, each with its file and line.

    `deploys`: the deploy facts the main collector already made (computed here only
    when called on its own); `scripts`: the follower the workflows' test steps were
    followed with, so a script reached from both is read for its calls once."""
    ev = OpsEvidence()
    repo.matching(sig, "ops_not_own")  # for the whole tree at once: `own` below is a set lookup
    manifests = read_manifests(repo, [p for p in manifest_files(repo) if own(p, sig)])
    if scripts is None:
        scripts = Scripts(repo, manifests.packages)
    else:
        for path, doc in manifests.packages.items():
            scripts.packages.setdefault(path, doc)
    dockerfiles: dict[str, Dockerfile] = {}
    compose: dict[str, list[Service]] = {}
    charts = {dirname(p): helm.load_chart(repo, dirname(p), _set_true(workflows)) for p in repo.named("Chart.yaml")}
    own_images = _own_images(repo, workflows)
    resources = iac_files.read_terraform(repo, sig, ev)
    resources += iac_code.scan_code(repo, sig, ev)
    yaml_read = 0
    for path in _dispatched(repo, sig):
        name = path.rsplit("/", 1)[-1]
        if is_dockerfile(path):
            df = parse_dockerfile(repo, path)
            if df:
                dockerfiles[path] = df
        elif is_compose(path):
            compose[path] = parse_compose(repo, path)
        elif name in platform.PLATFORM_FILES and own(path, sig):
            platform.scan_platform(repo, path, sig, ev)
            if name in cloudformation.SERVERLESS_FILES:
                resources += cloudformation.read_template(repo, path)
        elif path.endswith(iac.IAC_EXT) and own(path, sig):
            if not path.endswith((".tf", ".tfvars")):
                iac.scan_iac(repo, path, sig, ev)
        elif path.endswith(".json") and own(path, sig):
            resources += iac_files.json_template(repo, path)
        elif path.endswith(YAML_EXT) and not is_workflow_file(path) and not path.startswith(".github/") and own(path, sig):
            yaml_read += 1
            if yaml_read > MAX_YAML_FILES:
                continue
            head = (repo.read(path) or "")[:4000]
            if cloudformation.is_template(head):
                found = cloudformation.read_template(repo, path)
                resources += found
                iac.scan_iac(repo, path, sig, ev, structured=bool(found))
            kube.scan_yaml(repo, path, sig, ev, kube.chart_of(path, charts))
            if sig.search("alert_files", "/" + path):
                ev.alerting.append(Fact("alert-config", Location(path, 1), name))
        if name == "Chart.yaml":
            _chart_dependencies(repo, path, sig, ev)
        if sig.search("dr_runbooks", "/" + path):
            ev.runbooks.append(Fact("runbook", Location(path, 1), path))
    infra.judge(resources, sig, ev)
    iac_files.record(resources, ev)
    if yaml_read > MAX_YAML_FILES:
        ev.notes.append(f"read {MAX_YAML_FILES} of {yaml_read} YAML files for deploy configuration")
    for chart in charts.values():
        kube.scan_values(repo, chart, ev)
    _dependencies(manifests, sig, ev, _production_installs(dockerfiles, sig))
    _dockerfiles(dockerfiles, scripts, sig, ev, {p: repo.read(p) or "" for p in dockerfiles})
    _compose(compose, set(dockerfiles), own_images, scripts, sig, ev, {p: repo.read(p) or "" for p in compose})
    _load_test_files(repo, sig, ev)
    migrations.collect_migrations(repo, sig, ev)
    _start_up(repo, manifests, scripts, sig, ev)
    collect_pipeline(workflows, scripts, sig, deploys if deploys is not None else collect_deploys(workflows, sig), ev)
    ev.parts = find_parts(repo, sig, dockerfiles, manifests.packages)
    ev.pr_workflows = verify_parts(ev.parts, workflows, scripts, sig, compose, manifests.packages)
    ev.manifests = [Fact("manifest", Location(p, 1), p) for p in manifests.files]
    _dedupe(ev)
    return ev


def _dispatched(repo: RepoFiles, sig: Signatures) -> list[str]:
    """The files the loop in collect_ops can want, in file order: each kind is looked up by name,
    suffix or literal over the whole tree at once, so the loop meets those files and no others."""
    found = {*repo.containing("dockerfile", "compose"), *repo.named(*platform.PLATFORM_FILES, "Chart.yaml"),
             *repo.ending(*iac.IAC_EXT, *YAML_EXT), *repo.searching(iac_files.TEMPLATE_JSON),
             *repo.matching(sig, "dr_runbooks")}
    return sorted(found)


def _production_installs(dockerfiles: dict[str, Dockerfile], sig: Signatures) -> dict[str, Location]:
    """Optional-dependency groups the service's own images install."""
    commands = [(Location(path, ln), text) for path, df in dockerfiles.items()
                if own(path, sig) and not sig.search("non_deployable_dockerfiles", "/" + path)
                for ln, text in df.runs + df.start]
    return installed_groups(commands)


def _dependencies(manifests, sig: Signatures, ev: OpsEvidence, installed: dict[str, Location]) -> None:
    """Runtime dependencies: the main list, default groups, and the extras a production image
    installs (`pip install .[prod]`); development and test groups never."""
    tel = sig.group_patterns("telemetry_packages")
    sql = sig.group_patterns("sql_packages")
    docs = sig.group_patterns("document_store_packages")
    load = sig.group_patterns("load_test_packages")
    for dep in manifests.deps:
        group = dep.group.lower()
        by = installed.get(group) or (installed.get("*") if group and not DEV_GROUP.match(group) else None)
        left_out = bool(group) and not by and ("!default" in installed or f"!{group}" in installed)
        runtime = (not dep.dev and not left_out) or bool(group and by)
        how = f" (extra `{dep.group}`, installed at {by})" if dep.dev and by else ""
        if runtime and any(p.search(dep.name) for p in tel.get(dep.ecosystem, [])):
            ev.telemetry.append(Fact("dependency", dep.loc, dep.name + how))
        if runtime and any(p.search(dep.name) for p in sql.get(dep.ecosystem, [])):
            ev.databases.append(Fact("sql-dependency", dep.loc, dep.name + how))
        if runtime and any(p.search(dep.name) for p in docs.get(dep.ecosystem, [])):
            ev.document_stores.append(Fact("store-dependency", dep.loc, dep.name + how))
        if any(p.search(dep.name) for p in load.get(dep.ecosystem, [])):
            ev.load_test_scripts.append(Fact("load-test-package", dep.loc, dep.name))


def _set_true(ws: WorkflowSet) -> set[str]:
    out: set[str] = set()
    for wf in ws.workflows.values():
        for job in wf.jobs.values():
            for step in job.steps:
                out.update(re.findall(r"--set(?:-string)?[=\s]+([\w.]+)=true\b", step.run or ""))
    return out


def _own_images(repo: RepoFiles, ws: WorkflowSet) -> set[str]:
    """Names of images this repository builds: workflow tags, and the repository's name."""
    names = {repo.root.name.lower(), repo.root.name.split("__")[-1].lower()}
    for wf in ws.workflows.values():
        for job in wf.jobs.values():
            for step in job.steps:
                for tag in _TAG.findall(step.run or ""):
                    names.add(image_base(tag))
                for key in ("tags", "images"):
                    for v in re.split(r"[\s,]+", str(step.with_.get(key) or "")):
                        if v and "${{" not in v:
                            names.add(image_base(v))
    return {n for n in names if n}


def _chart_dependencies(repo: RepoFiles, path: str, sig: Signatures, ev: OpsEvidence) -> None:
    text = repo.read(path) or ""
    for i, ln in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*-?\s*name:\s*[\"']?([\w-]+)", ln)
        if m and sig.search("sql_chart_dependencies", m.group(1)):
            ev.databases.append(Fact("chart-dependency", Location(path, i), m.group(1)))


def _dockerfiles(dockerfiles: dict[str, Dockerfile], scripts: Scripts, sig: Signatures, ev: OpsEvidence,
                 raw: dict[str, str]) -> None:
    for path, df in dockerfiles.items():
        if not own(path, sig) or sig.search("non_deployable_dockerfiles", "/" + path):
            continue
        line = df.start[-1][0] if df.start else df.first_line
        if sig.search("sql_images", df.base[1]) or sig.search("document_store_images", df.base[1]):
            # the repository's own database image: a store to back up, not the service to health-check
            store = ev.databases if sig.search("sql_images", df.base[1]) else ev.document_stores
            store.append(Fact("database-image", Location(path, df.base[0]), f"FROM {df.base[1]}"))
            continue
        if sig.search("lambda_images", df.base[1]):
            # Lambda runs the image as a function: it ignores HEALTHCHECK and scales it itself
            ev.functions.append(Fact("lambda-image", Location(path, df.base[0]), f"FROM {df.base[1]}"))
            ev.service_configs.append(Fact("lambda-image", Location(path, df.base[0]), path))
        else:
            if df.healthcheck:
                ev.health_checks.append(Fact("dockerfile-healthcheck", Location(path, df.healthcheck), "HEALTHCHECK"))
            ev.service_configs.append(Fact("dockerfile", Location(path, line), path))
        for ln, text in enumerate((raw.get(path) or "").splitlines(), 1):  # ARG/ENV/COPY/RUN: an agent in the image
            m = None if text.lstrip().startswith("#") else sig.search("telemetry_config", text)
            if m:
                ev.telemetry.append(Fact("telemetry-config", Location(path, ln), m.group(0)))
        for ln, text in df.start[-2:]:
            _migrations_in(text, scripts, dirname(path), Location(path, ln), "entrypoint", sig, ev)


def _migrations_in(text: str, scripts: Scripts, near: str, loc: Location, kind: str, sig: Signatures,
                   ev: OpsEvidence) -> None:
    for source, body in scripts.expand(text, "", near):
        m = sig.search("migration_commands", body)
        if m:
            where = Location(source, body.count("\n", 0, m.start()) + 1) if source else loc
            ev.migration_runs.append(Fact(kind, where, f"{m.group(0).strip()} (started by {loc})"))
            return


def _compose(compose: dict[str, list[Service]], dockerfiles: set[str], own_images: set[str], scripts: Scripts,
             sig: Signatures, ev: OpsEvidence, repo_text: dict[str, str]) -> None:
    production = [p for p in compose if own(p, sig) and not _LOCAL_COMPOSE.search(p.rsplit("/", 1)[-1])]
    for path, services in compose.items():
        if not own(path, sig) or (production and path not in production):
            continue  # the production compose file speaks for the service, not the local one beside it
        top = re.search(r"^volumes:\s*\n\s+[\w.-]+\s*:", repo_text.get(path, ""), re.M)
        if top:
            ev.stateful.append(Fact("compose-volume", Location(path, repo_text[path].count("\n", 0, top.start()) + 1),
                                    f"named volumes in {path}"))
        for svc in services:
            loc = Location(path, svc.line)
            built_here = bool(svc.build_dockerfile) or (svc.image and image_base(svc.image) in own_images)
            if sig.search("sql_images", svc.image):
                ev.databases.append(Fact("sql-image", loc, f"{svc.name}: {svc.image}"))
            elif sig.search("document_store_images", svc.image):
                ev.document_stores.append(Fact("store-image", loc, f"{svc.name}: {svc.image}"))
            if sig.search("backup_images", svc.image) or (sig.search("backup_commands", svc.command)
                                                           and re.search(r"cron|sleep|while", svc.command)):
                ev.backups.append(Fact("compose-backup", loc, f"{svc.name}: {svc.image or svc.command[:60]}"))
            if not built_here:
                continue
            ev.service_configs.append(Fact("compose-service", loc, f"service `{svc.name}` in {path}"))
            if svc.healthcheck:
                ev.health_checks.append(Fact("compose-healthcheck", Location(path, svc.healthcheck),
                                             f"healthcheck on service `{svc.name}`"))
            m = sig.search("telemetry_config", svc.env_text)
            if m:
                ev.telemetry.append(Fact("telemetry-config", loc, m.group(0)))
            if svc.command.strip():
                _migrations_in(svc.command, scripts, dirname(path), loc, "compose-command", sig, ev)


def _load_test_files(repo: RepoFiles, sig: Signatures, ev: OpsEvidence) -> None:
    tools = repo.matching_groups(sig, "load_test_files")
    for path in sorted({*tools, *repo.matching(sig, "load_test_dirs")}):
        tool = tools.get(path)
        if tool:
            ev.load_test_scripts.append(Fact(f"{tool}-script", Location(path, 1), path))
            continue
        if path.endswith((".js", ".ts", ".mjs", ".py", ".yml", ".yaml")):
            text = repo.read(path) or ""
            m = sig.search("load_test_content", text)
            if m:
                ev.load_test_scripts.append(Fact("load-test-script", Location(path, text.count("\n", 0, m.start()) + 1), path))


def _start_up(repo: RepoFiles, manifests, scripts: Scripts, sig: Signatures, ev: OpsEvidence) -> None:
    """Migrations applied when the service starts: entrypoint scripts, start scripts, code, Spring Boot."""
    on_start = repo.matching(sig, "migrate_on_start_files")
    for path in sorted({*repo.containing("entrypoint", "application"), *on_start}):
        if not own(path, sig):
            continue
        name = path.rsplit("/", 1)[-1]
        if "entrypoint" in name.lower() and name.endswith((".sh", ".bash")) or name in ("docker-entrypoint", "entrypoint"):
            _migrations_in(repo.read(path) or "", scripts, dirname(path), Location(path, 1), "entrypoint-script", sig, ev)
        if path in on_start:
            text = repo.read(path) or ""
            m = sig.search("migrate_on_start", text)
            if m:
                ev.migration_runs.append(Fact("migrate-on-start", Location(path, text.count("\n", 0, m.start()) + 1),
                                              m.group(0).strip()))
            m = sig.search("auto_sync", text)
            if m:
                ev.auto_sync.append(Fact("auto-sync", Location(path, text.count("\n", 0, m.start()) + 1), m.group(0).strip()))
        if re.fullmatch(r"application[\w-]*\.(ya?ml|properties)", name):
            text = repo.read(path) or ""
            m = sig.search("auto_sync", text)
            if m:
                ev.auto_sync.append(Fact("auto-sync", Location(path, text.count("\n", 0, m.start()) + 1), m.group(0).strip()))
    for path, doc in manifests.packages.items():
        if not own(path, sig):
            continue
        scripts_ = doc.get("scripts") if isinstance(doc.get("scripts"), dict) else {}
        for key in _START_SCRIPTS:
            if isinstance(scripts_.get(key), str) and sig.search("migration_commands", scripts_[key]):
                text = repo.read(path) or ""
                ev.migration_runs.append(Fact("start-script", Location(path, text.count("\n", 0, max(text.find(f'"{key}"'), 0)) + 1),
                                              f'"{key}": {scripts_[key][:60]}'))
    _spring(repo, manifests, sig, ev)


def _spring(repo: RepoFiles, manifests, sig: Signatures, ev: OpsEvidence) -> None:
    """Spring Boot runs Flyway/Liquibase at start-up unless configured off."""
    names = {d.name: d for d in manifests.deps if d.ecosystem == "maven" and not d.dev}
    boot = any(n.startswith("org.springframework.boot:") for n in names)
    tool = next((d for n, d in names.items() if re.match(r"org\.(flywaydb|liquibase):|org\.springframework\.boot:spring-boot-starter-(flyway|liquibase)", n)), None)
    if not (boot and tool):
        return
    for path in repo.containing("application"):
        if re.fullmatch(r"application(\.ya?ml|\.properties)", path.rsplit("/", 1)[-1]) and own(path, sig):
            if sig.search("spring_auto_migrate_disabled", repo.read(path) or ""):
                return
    ev.migration_runs.append(Fact("spring-boot-start", tool.loc, f"Spring Boot applies {tool.name} migrations at start-up"))


def _dedupe(ev: OpsEvidence) -> None:
    for name in ev.__struct_fields__:
        value = getattr(ev, name)
        if isinstance(value, list) and value and isinstance(value[0], Fact):
            seen, out = set(), []
            for f in value:
                key = (f.kind, f.loc)
                if key not in seen:
                    seen.add(key)
                    out.append(f)
            setattr(ev, name, out)
