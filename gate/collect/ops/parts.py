"""Deployable parts built from this repository, and the pull-request step building each.

Parts: the images the deploy path builds or references (a Dockerfile built by a
pipeline that runs beyond pull requests, by a production compose file, named by a
platform config, or run by a Kubernetes manifest or Helm values; when nothing on the deploy
path names one, every service Dockerfile
— never dev-container, editor, test-runner, load-test or FROM/LABEL-only ones), every
front-end app (a package.json with a build script and a front-end framework, or beside
vercel.json/netlify.toml), every function (serverless.yml, host.json, wrangler.toml).

A part is built on pull requests when a job of a pipeline that runs for pull requests
(any CI system; `if:` letting them through) builds its image — `docker build`,
build-push-action, `docker compose build`, `buildx bake`, `skaffold build/run` — or runs
a build of its language over its directory (turbo/nx build targets over a workspace),
or deploys it to a preview environment (which builds it). Commands are followed through
local reusable workflows, composite actions and the one follower (gate.collect.runners),
from each step's own working directory.
"""
from __future__ import annotations

import re

from gate.collect.ops.common import dirname, own, under
from gate.collect.ops.compose import Service, image_base
from gate.collect.ops.dockerfile import Dockerfile, is_dockerfile, parse_dockerfile
from gate.collect.ops.model import Part
from gate.collect.ops.pipeline import step_loc
from gate.collect.ops.scripts import Scripts, _join
from gate.collect.repo import RepoFiles
from gate.collect.workflows import WorkflowSet, pr_reach
from gate.model import query, resolve
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.query import only_callable as only_called
from gate.model.resolve import EXPR
from gate.model.workflow import Job, Step, Workflow
from gate.policy.signatures import Signatures, literal_probe

_NOT_ON_PR = lazy(
    r"github\.event_name\s*==\s*'(push|release|schedule|workflow_dispatch|workflow_run)'"
    r"|github\.event_name\s*!=\s*'pull_request'"
    r"|github\.ref(_name)?\s*==\s*'|startsWith\(\s*github\.ref\s*,\s*'refs/tags"
    r"|github\.ref_type\s*==\s*'tag'|github\.event\.pull_request\.merged\s*==\s*true")
_FILE_FLAG = lazy(r"(?:-f|--file)[=\s]+[\"']?([^\s\"']+)")
_DIR_FLAG = lazy(r"(--prefix|--cwd|--dir|-C|--project|--filter|-F)[=\s]+[\"']?([^\s\"']+)")
_CD = lazy(r"(?:^|&&|;|\n)\s*cd\s+[\"']?([^\s\"';&]+)")
_FUNCTION_FILES = ("serverless.yml", "serverless.yaml", "host.json", "wrangler.toml")
_REMOTE_INSTALL = lazy(r"\bgo\s+install\s+\S+@")


def image_languages(df: Dockerfile, sig: Signatures) -> tuple[str, ...]:
    langs = []
    for _, run in df.runs:
        if _REMOTE_INSTALL.search(run):
            continue
        for lang, pats in sig.group_patterns("build_commands").items():
            if lang != "docker" and lang not in langs and any(p.search(run) for p in pats):
                langs.append(lang)
    return tuple(langs)


def find_parts(repo: RepoFiles, sig: Signatures, dockerfiles: dict[str, Dockerfile],
               packages: dict[str, dict]) -> list[Part]:
    parts: list[Part] = []
    dirs = repo.index.all_folders()
    for path, df in dockerfiles.items():
        if not own(path, sig) or sig.search("non_deployable_dockerfiles", "/" + path):
            continue
        if not (df.runs or df.start or df.copies):
            continue  # FROM and LABEL only: a template or a re-tag, nothing of this repository runs in it
        sources: list[str] = []
        for src in df.copies:
            src = src.rstrip("/")
            if src in ("", ".", "*"):
                sources.append("")
                continue
            # the build context is the repository root or the Dockerfile's folder
            cand = next((c for c in (src, _join(dirname(path), src)) if c in dirs), None)
            if cand:
                sources.append(cand)
        parts.append(Part("image", path, Location(path, df.first_line), dirname(path),
                          image_languages(df, sig), tuple(dict.fromkeys(sources))))
    frontend = sig.patterns("frontend_packages")
    static_dirs = {dirname(p) for p in repo.named("vercel.json", "netlify.toml")}
    for path, doc in packages.items():
        if not own(path, sig):
            continue
        scripts = doc.get("scripts") if isinstance(doc.get("scripts"), dict) else {}
        build = next((k for k in scripts if re.fullmatch(r"build([:-]\w+)*", str(k))), None)
        deps = {**(doc.get("dependencies") or {}), **(doc.get("devDependencies") or {})} \
            if isinstance(doc.get("dependencies") or {}, dict) and isinstance(doc.get("devDependencies") or {}, dict) else {}
        is_front = any(p.search(str(d)) for d in deps for p in frontend) or dirname(path) in static_dirs
        if build and is_front and not doc.get("workspaces"):
            text = repo.read(path) or ""
            line = text.count("\n", 0, max(text.find(f'"{build}"'), 0)) + 1
            parts.append(Part("frontend", path, Location(path, line), dirname(path), ("node",), (dirname(path),)))
    for path in repo.named(*_FUNCTION_FILES):
        if own(path, sig):
            parts.append(Part("function", path, Location(path, 1), dirname(path), ("function", "node", "python", "go", "dotnet", "jvm", "rust"), (dirname(path),)))
    return parts


_ON_PR = lazy(r"github\.event_name\s*==\s*'(pull_request|merge_group)")


def runs_on_pr(expr: str | None) -> bool:
    """A job or step `if:` lets pull requests through (one that names them does, whatever else it allows)."""
    if not expr:
        return True
    if _ON_PR.search(expr):
        return True
    # `a || b`: pull requests get through when one alternative does not keep them out
    return any(not _NOT_ON_PR.search(alt) for alt in expr.split("||"))


def pr_jobs(ws: WorkflowSet):
    """(workflow, job) of every job that runs for pull requests, through local calls.

    Every pipeline counts (other CI systems' too): one triggered by pull requests, one
    that runs on pushes to every branch (a same-repository pull request's head), or one
    chained by `workflow_run` on a pull-request workflow."""
    for wf in ws.pipelines():
        if pr_reach(wf, ws) is None:
            continue
        blocked: set[str] = set()
        for job in wf.jobs.values():
            if not runs_on_pr(job.if_):
                blocked.add(job.id)
        changed = True
        while changed:  # a job needing a job that never runs on PRs does not run either
            changed = False
            for job in wf.jobs.values():
                if job.id not in blocked and any(n in blocked for n in job.needs) and "always()" not in (job.if_ or ""):
                    blocked.add(job.id)
                    changed = True
        for job in wf.jobs.values():
            if job.id not in blocked:
                yield from _with_called(wf, job, 0)


def _with_called(wf: Workflow, job: Job, depth: int):
    yield wf, job
    if job.called is not None and depth < 4:
        for inner in job.called.jobs.values():
            if runs_on_pr(inner.if_):
                yield from _with_called(job.called, inner, depth + 1)


def _scope(text: str, m: re.Match, wd: str) -> str:
    """The directory a build command runs over: cd, --prefix/--cwd/-C, path arguments."""
    before = text[:m.start()]
    cds = _CD.findall(before)
    base = wd
    for cd in cds:
        base = _join(base, cd)
    line_end = text.find("\n", m.end())
    rest = text[m.start(): line_end if line_end > 0 else len(text)]
    flag = _DIR_FLAG.search(rest)
    if flag and (flag.group(1) not in ("--filter", "-F") or flag.group(2).startswith(("./", "../"))):
        # a workspace filter names packages or git ranges (`...[origin/main]`), a folder only as ./path
        return _join(base, flag.group(2).rstrip("*/.") if flag.group(1) in ("--filter", "-F") else flag.group(2))
    arg = re.search(r"\s(\.{1,2}/[\w./-]*?)(?:/\.\.\.)?(?:\s|$)", rest)
    if arg and not arg.group(1).startswith("./...") and arg.group(1) not in ("./", "."):
        where = _join(base, arg.group(1))
        # `sam build -t ./infra/template.yaml`: a file names its folder
        return dirname(where) if re.search(r"\.(ya?ml|json|toml|csproj|sln|fsproj|xml|gradle|kts)$", where) else where
    return base


def _docker_targets(text: str, m: re.Match, wd: str, compose: dict[str, list[Service]]) -> list[str]:
    line_end = text.find("\n", m.end())
    cmd = text[m.start(): line_end if line_end > 0 else len(text)]
    base = wd
    for cd in _CD.findall(text[:m.start()]):
        base = _join(base, cd)
    if "compose" in cmd:
        files = [_join(base, f) for f in _FILE_FLAG.findall(cmd)] or \
                [p for p in compose if dirname(p) == base and p.rsplit("/", 1)[-1].startswith(("docker-compose.y", "compose.y"))]
        return [s.build_dockerfile for f in files for s in compose.get(f, []) if s.build_dockerfile]
    file, context = _build_args(cmd[m.end() - m.start():])
    if file:
        return [_join(base, file), _join(_join(base, context), file)]
    return [_join(_join(base, context), "Dockerfile")]


_VALUE_FLAGS = {"-t", "--tag", "--build-arg", "--target", "--platform", "--label", "-l", "--secret", "--ssh",
                "--cache-from", "--cache-to", "--network", "--progress", "-o", "--output", "--iidfile", "--add-host",
                "--build-context", "--ulimit", "--shm-size", "-m", "--memory", "--destination", "-d", "--cache-repo",
                "--annotation", "--metadata-file", "--attest", "--builder", "--env-file", "--format", "--layers"}
_WORKSPACE = lazy(r"^(?:\$\{?(?:CI_PROJECT_DIR|GITHUB_WORKSPACE|PWD|BITBUCKET_CLONE_DIR|"
                  r"CIRCLE_WORKING_DIRECTORY|BUILD_SOURCESDIRECTORY|Build\.SourcesDirectory)\}?|\$\(pwd\)|"
                  r"\$\(Build\.SourcesDirectory\))/?")


def _build_args(args: str) -> tuple[str | None, str]:
    """(Dockerfile, context) of a `docker build`/kaniko/buildah command's arguments."""
    tokens = [t.strip("\"'") for t in EXPR.sub("EXPR", args.replace("\\\n", " ")).split()]
    file, context, positional, i = None, None, [], 0
    while i < len(tokens):
        t = tokens[i]
        flag, _, inline = t.partition("=")
        if flag in ("-f", "--file", "--dockerfile"):
            file = inline or (tokens[i + 1] if i + 1 < len(tokens) else None)
            i += 1 if inline else 2
            continue
        if flag in ("--context", "-c"):
            context = inline or (tokens[i + 1] if i + 1 < len(tokens) else None)
            i += 1 if inline else 2
            continue
        if flag in _VALUE_FLAGS:
            i += 1 if inline else 2
            continue
        if not t.startswith("-") and t not in ("EXPR", "\\") and not t.startswith(("|", "&", ";")):
            positional.append(t)
        if t in ("|", "&&", ";", "||"):
            break
        i += 1
    file = _WORKSPACE.sub("", file) if file else None
    context = _WORKSPACE.sub("", context or (positional[0] if positional else ".")) or "."
    return (file if file and "EXPR" not in file and not file.startswith("$") else None,
            context if "EXPR" not in context and not context.startswith("$") else ".")


def verify_parts(parts: list[Part], ws: WorkflowSet, scripts: Scripts, sig: Signatures,
                 compose: dict[str, list[Service]], packages: dict[str, dict]) -> list[str]:
    """Keep the images the deploy path builds or references; fill each part's `built_by`
    with the pull-request step that builds it; return the paths of pipelines that run for
    pull requests (each step carries its working directory)."""
    _deployed_only(parts, ws, scripts, sig, compose)
    parts.extend(_release_builds(parts, ws, scripts, sig, compose))
    pr_paths = list(dict.fromkeys(wf.path for wf in ws.pipelines() if pr_reach(wf, ws) is not None))
    builds = sig.group_patterns("build_commands")
    actions = sig.groups("build_actions")
    seen: dict[tuple[str, str], list] = {}
    for _, job in pr_jobs(ws):
        for step in job.steps:
            if not runs_on_pr(step.if_):
                continue
            for lang, targets, scope in _step_builds(step, parts, scripts, builds, actions, compose, seen, job):
                _mark(parts, lang, targets, scope, step, packages)
            if _preview_deploy(step, scripts, sig):
                # a pull-request deploy to a preview environment builds what it deploys
                _mark(parts, "preview", [], (step.workdir, True), step, packages)
    return pr_paths


_BUILD_ACTION = lazy(r"(^|[/_-])(build|builder|bake)([/_-]|$)", re.I)
_IMAGE_ACTION = lazy(r"docker|image|container|oci|ghcr|ecr|acr|gcr|buildah|kaniko", re.I)
_PATH_INPUTS = ("context", "package", "path", "dir", "directory", "working-directory", "working_directory",
                "template", "project", "app", "source", "root")


def _action_build(step: Step, job: Job | None) -> list:
    """An action that says it builds (`…/build-application`, `action-builder-ghcr`) builds the
    folder its inputs name (matrix values resolved): an image there when it says so."""
    name = (step.uses or "").split("@", 1)[0]
    if not name or name.startswith(("./", "actions/", "docker://")) or not _BUILD_ACTION.search(name.split("/", 1)[-1]):
        return []
    ctx = resolve.job_context(job, {}) if job is not None else {}
    out = []
    for key in _PATH_INPUTS:
        if key not in step.with_:
            continue
        for value in resolve.resolve_value(step.with_[key], ctx)[:8]:
            if "${{" in value:
                continue
            where = _join(step.workdir, value.strip())
            if re.search(r"\.\w{2,5}$", where.rsplit("/", 1)[-1]):
                where = dirname(where)  # a template or project file: its folder is what is built
            if _IMAGE_ACTION.search(name):
                out.append(("docker", [_join(where, "Dockerfile")], None))
            out.append(("any", [], (where, True)))
    return out


def _step_builds(step: Step, parts: list[Part], scripts: Scripts, builds, actions, compose, seen,
                 job: Job | None = None):
    """(language, Dockerfiles, scope) of every build a step runs, through what it calls."""
    out = _action_build(step, job) if actions else []
    w = step.workdir
    if step.uses and any(step.uses.lower().startswith(a.lower()) for a in actions.get("docker", [])):
        ctx = str(step.with_.get("context") or ".")
        ctx = "" if ctx.startswith(("${{", "{{")) else _join(w if ctx.startswith(".") and w else "", ctx)
        file = step.with_.get("file")
        targets = [_join(ctx, "Dockerfile")] if not file else [_join("", str(file)), _join(ctx, str(file))]
        if "bake" in step.uses:
            targets = [p.path for p in parts if p.kind == "image"]
        out.append(("docker", targets, None))
    for _, text in scripts.expand(_with_env(step, job), w) if step.run else []:
        key = (text, w)
        if key not in seen:  # the same script reached by many steps is scanned once
            seen[key] = _scan(text, w, builds, compose)
        for lang, targets, scope in seen[key]:
            if targets == ["*"]:  # bake and skaffold build every image they declare
                targets = [p.path for p in parts if p.kind == "image"]
            out.append((lang, targets, scope))
    return out


MAX_VARIANTS = 16


def _with_env(step: Step, job: Job | None) -> str:
    """The run script with the shell variables its `env:` sets from the matrix or literals
    substituted, once per value (`--file service-${SVC}/Dockerfile` over a matrix of services)."""
    run = step.run or ""
    if not step.env or "$" not in run:
        return run
    ctx = resolve.job_context(job, {}) if job is not None else {}
    variants = [run]
    for name, value in step.env.items():
        if not re.search(rf"\$\{{?{re.escape(str(name))}\b", run):
            continue
        values = [v for v in resolve.resolve_value(value, ctx) if "${{" not in v and "$" not in v]
        if not values:
            continue
        pat = re.compile(rf"\$\{{{re.escape(str(name))}\}}|\${re.escape(str(name))}\b")
        variants = [pat.sub(v.replace("\\", "/"), t) for t in variants for v in values][:MAX_VARIANTS]
    return "\n".join(dict.fromkeys(variants)) if len(variants) > 1 or variants[0] != run else run


MAX_RELEASE_PARTS = 8


def _release_builds(parts: list[Part], ws: WorkflowSet, scripts: Scripts, sig: Signatures,
                    compose: dict[str, list[Service]]) -> list[Part]:
    """What the deploy and release path builds beyond images, front ends and functions found as
    files: an app it compiles and ships (`dotnet publish`, `sam build`, `mvn package`), a package
    or binary it releases (`python -m build`, goreleaser, `cargo build`). Each is a part, at the
    step that builds it, over the folder it builds."""
    builds = {lang: pats for lang, pats in sig.group_patterns("build_commands").items() if lang != "docker"}
    found: dict[tuple[str, str], Part] = {}
    seen: dict = {}
    for wf in ws.pipelines():
        if not wf.triggers or set(wf.triggers) <= set(query.PR_EVENTS) | {"schedule"} or only_called(wf):
            continue  # pull-request checks, nightly jobs and reusable workflows (judged through callers)
        for _, job in (pair for j in wf.jobs.values() for pair in _with_called(wf, j, 0)):
            if re.search(r"test|lint|check|docs?\b|pages", f"{job.id} {job.name or ''}", re.I):
                continue  # a job that builds to test or to publish documentation ships nothing
            for step in job.steps:
                if step.working_directory is None:
                    continue  # an expression decides where it builds: what it builds cannot be told
                for lang, _targets, scope in _step_builds(step, parts, scripts, builds, {}, compose, seen):
                    if scope is None or (lang, scope[0]) in found or _covered(parts, lang, scope[0]) \
                            or not own(f"{scope[0]}/x", sig):
                        continue  # docs, examples and tooling built on release are not the service
                    loc = step_loc(step)
                    found[(lang, scope[0])] = Part("build", loc.path, loc, scope[0], (lang,), (scope[0],))
                    if len(found) >= MAX_RELEASE_PARTS:
                        return list(found.values())
    return list(found.values())


def _covered(parts: list[Part], lang: str, where: str) -> bool:
    """A part found as a file already stands for what this build produces."""
    return any((lang in p.languages or p.kind == "image") and (p.dir == where or under(where, p.dir) and p.dir)
               for p in parts)


_TAG = lazy(r"(?:-t|--tag|--destination|-d)[=\s]+[\"']?([^\s\"']+)")
_IMAGE_REF = lazy(r"^\s*(?:-\s*)?(?:image|repository):\s*[\"']?([\w.-]+(?:[:/][\w.${}-]+)*)", re.M)
MAX_MANIFESTS = 400  # deploy manifests scanned for image references


def _referenced_images(ws: WorkflowSet, scripts: Scripts, sig: Signatures, parts: list[Part],
                       compose: dict[str, list[Service]], existing: set[str]) -> set[str]:
    """Dockerfiles whose image the deployed configuration runs: a Kubernetes manifest or Helm
    values file names (`image:`/`repository:`) an image that some pipeline builds from it (`-t`)."""
    names: dict[str, set[str]] = {}  # image name -> Dockerfiles a pipeline builds it from
    seen: dict = {}
    docker = {"docker": sig.group_patterns("build_commands").get("docker", [])}
    actions = {"docker": sig.groups("build_actions").get("docker", [])}
    for wf in ws.pipelines():
        for job in wf.jobs.values():
            for step in job.steps:
                tags = _TAG.findall(step.run or "") + re.split(r"[\s,]+", str(step.with_.get("tags") or ""))
                bases = {image_base(t) for t in tags if t and "${{" not in t and "$" not in image_base(t)}
                if not bases:
                    continue
                for lang, targets, _ in _step_builds(step, parts, scripts, docker, actions, compose, seen, job):
                    if lang == "docker":
                        for b in bases:
                            names.setdefault(b, set()).update(t for t in targets if t in existing)
    if not names:
        return set()
    found: set[str] = set()
    read = 0
    for path in scripts.repo.ending(".yaml", ".yml"):
        if path.startswith(".github/") or not own(path, sig):
            continue
        text = scripts.read(path)
        if "image:" not in text and "repository:" not in text:
            continue
        read += 1
        if read > MAX_MANIFESTS:
            break
        for ref in _IMAGE_REF.findall(text):
            found |= names.get(image_base(ref), set())
    return found


def _preview_deploy(step: Step, scripts: Scripts, sig: Signatures) -> bool:
    if step.uses and sig.uses_match("preview_deploy_actions", step.uses):
        return True
    return bool(step.run and sig.search("preview_deploy_commands", step.run))


_EDITOR_IMAGE = lazy(r"(^|/)\.(devcontainer|cursor|vscode|gitpod)/")
_PROD_COMPOSE = lazy(r"(^|[/._-])(prod|production|release|deploy|live|swarm|stack)([._-]|$)")
_DOCKERFILE_KEY = lazy(r"(?i)\bdockerfile(?:[_-]?path)?[\"']?\s*[:=]\s*[\"']?([\w./-]+)")


def _deployed_only(parts: list[Part], ws: WorkflowSet, scripts: Scripts, sig: Signatures,
                   compose: dict[str, list[Service]]) -> None:
    """Images as the deploy path has them: one it builds is a part even where its folder or name
    looks like tooling (`ci/Dockerfile` built and pushed on release); when it builds or names
    some, a Dockerfile it never names beside them (local-only) is no part.

    The deploy path: builds in pipelines that run beyond pull requests (pushes, tags,
    releases, dispatches), production compose files, platform configs that name a
    Dockerfile (or deploy the folder they stand in), and Kubernetes/Helm image references
    to an image some pipeline builds from a Dockerfile."""
    repo = scripts.repo
    existing = {p for p in repo.containing("dockerfile") if is_dockerfile(p)}
    deployed: set[str] = set()
    builds = sig.group_patterns("build_commands")
    docker_actions = {"docker": sig.groups("build_actions").get("docker", [])}
    seen: dict = {}
    for wf in ws.pipelines():
        if wf.triggers and set(wf.triggers) <= set(query.PR_EVENTS):
            continue
        for job in wf.jobs.values():
            for step in job.steps:
                for lang, targets, _ in _step_builds(step, parts, scripts, {"docker": builds.get("docker", [])},
                                                    docker_actions, compose, seen, job):
                    if lang == "docker":
                        deployed.update(t for t in targets if t in existing)
    for path, services in compose.items():
        if _PROD_COMPOSE.search(path.rsplit("/", 1)[-1].lower()):
            deployed.update(s.build_dockerfile for s in services if s.build_dockerfile in existing)
    for path in sorted(repo.matching(sig, "image_platform_files")):
        text = scripts.read(path)
        named = [_join(dirname(path), m.group(1)) for m in _DOCKERFILE_KEY.finditer(text)]
        deployed.update(n for n in named if n in existing)
        if not named and _join(dirname(path), "Dockerfile") in existing:
            deployed.add(_join(dirname(path), "Dockerfile"))
    images = {p.path for p in parts if p.kind == "image"}
    if len(images) >= 2:
        deployed |= _referenced_images(ws, scripts, sig, parts, compose, existing)
    for path in sorted(deployed - images):
        if _EDITOR_IMAGE.search(path):
            continue
        df = parse_dockerfile(repo, path)
        if df is not None and (df.runs or df.start or df.copies):
            parts.append(Part("image", path, Location(path, df.first_line), dirname(path),
                              image_languages(df, sig), (dirname(path),)))
    if deployed and len(images) >= 2:
        parts[:] = [p for p in parts if p.kind != "image" or p.path in deployed]


def _scan(text: str, w: str, builds, compose) -> list[tuple[str, list[str], tuple[str, bool] | None]]:
    out: list[tuple[str, list[str], tuple[str, bool] | None]] = []
    low = text.lower()
    for lang, pats in builds.items():
        for p in pats:
            probe = literal_probe(p.pattern)
            if probe is not None and probe(low) is None:
                continue  # the pattern cannot match without one of its literals: skip the regex scan
            for m in p.finditer(text):
                if lang == "docker" and re.search(r"\bbake\b|\bskaffold\b", m.group(0)):
                    out.append(("docker", ["*"], None))
                elif lang == "docker":
                    out.append(("docker", _docker_targets(text, m, w, compose), None))
                else:
                    wide = bool(re.search(r"\b(turbo|nx|lerna)\b|--workspaces|\s-ws\b", m.group(0) + text[m.end():m.end() + 40]))
                    out.append((lang, [], (_scope(text, m, w), wide)))
    return out


def _mark(parts: list[Part], lang: str, dockerfiles: list[str], scope: tuple[str, bool] | None,
          step: Step, packages: dict[str, dict]) -> None:
    built_images = []
    for part in parts:
        ok = False
        if lang == "docker":
            ok = part.kind == "image" and part.path in dockerfiles
            if ok:
                built_images.append(part)
        elif lang in ("preview", "any") and scope is not None:
            ok = under(part.dir, scope[0])
        elif scope is not None and lang in part.languages:
            where, wide = scope
            root_ws = bool((packages.get(_join(where, "package.json")) or {}).get("workspaces"))
            dirs = part.sources or (part.dir,)
            ok = any(where == d or (d and under(where, d)) or (under(d, where) and (wide or root_ws or lang != "node"))
                     for d in dirs)
        if ok and part.built_by is None:
            part.built_by = step_loc(step)
            part.how = lang
    # an image whose own build compiles a front end builds that front end too
    for image in built_images:
        if "node" in image.languages:
            for part in parts:
                if part.kind == "frontend" and part.built_by is None and \
                        any(s and under(part.dir, s) for s in image.sources):
                    part.built_by = step_loc(step)
                    part.how = "docker"
