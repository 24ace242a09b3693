#!/usr/bin/env python3
"""Copy a repository's configuration into the field corpus (tests/corpus/field/CONVENTIONS.md).

    python scripts/corpus_copy.py BARE_GIT_DIR DEST [--repo owner/name] [--ref HEAD]
                                  [--max-file 60000] [--max-total 300000] [--extra PATH ...]

Reads a bare git directory (as `fetch` leaves it), selects what CONVENTIONS.md lists
(.github/, other CI config, deploy/IaC/platform files, dependency manifests, Makefile and
friends, migration folders capped at 20 files each, load tests, monitoring, runbooks),
skips lock files, binaries and files over --max-file, and stops before the copy exceeds
--max-total bytes (TREE.txt and SOURCE.json included), higher-priority groups first.
Writes SOURCE.json ({"repo","commit","fetched"}) and TREE.txt (the whole tree's file list).
`--extra` adds paths (files or folders) that a label rests on and the patterns missed.
Prints what it copied, what it skipped and the total size.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import fnmatch
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import PurePosixPath

LOCK_FILES = {
    "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "Pipfile.lock",
    "Cargo.lock", "go.sum", "composer.lock", "Gemfile.lock", "uv.lock", "bun.lockb",
    "mix.lock", ".terraform.lock.hcl", "packages.lock.json", "gradle.lockfile", "npm-shrinkwrap.json",
}
BINARY_EXT = {
    ".png", ".jpg", ".jpeg", ".gif", ".ico", ".svg", ".webp", ".pdf", ".zip", ".gz", ".tgz",
    ".jar", ".woff", ".woff2", ".ttf", ".eot", ".mp4", ".mp3", ".bin", ".exe", ".dll", ".so",
    ".pyc", ".class", ".db", ".sqlite",
}
SKIP_DIRS = ("node_modules/", "vendor/", "third_party/", "dist/", "build/", ".venv/")

CI_FILES = [
    "azure-pipelines*.yml", "azure-pipelines*.yaml", ".azure-pipelines/*", ".azuredevops/*",
    ".gitlab-ci.yml", ".gitlab/ci/*", ".gitlab-ci/*", ".circleci/*", "bitbucket-pipelines.yml",
    "Jenkinsfile*", "*.Jenkinsfile", "buildspec*.yml", "cloudbuild*.yaml", "cloudbuild*.yml",
    ".travis.yml", "appveyor.yml", ".drone.yml", "codemagic.yaml", ".buildkite/*",
    "pipelines/*.yml", "pipelines/*.yaml", ".pipelines/*", "build/azure*/*", "eng/pipelines/*",
    ".pre-commit-config.yaml",
]
DEPLOY_NAMES = [
    "Dockerfile*", "*.dockerfile", "*.Dockerfile", "docker-compose*.y*ml", "compose*.y*ml",
    "Procfile*", "app.json", "fly.toml", "fly.*.toml", "railway.json", "railway.toml",
    "render.yaml", "render.yml", "vercel.json", "netlify.toml", "app.yaml", "app.yml",
    "serverless.yml", "serverless.yaml", "serverless.ts", "serverless*.yml", "template.yaml",
    "template.yml", "samconfig.toml", "samconfig.yaml", "cdk.json", "Chart.yaml", "Chart.lock",
    "Pulumi*.yaml", "*.tf", "*.tfvars", "*.hcl", "*.bicep", "*.bicepparam", "azuredeploy*.json",
    "*.parameters.json", "kustomization.y*ml", "skaffold.y*ml", "Tiltfile", "helmfile*.y*ml",
    "copilot/*", "task-definition*.json", "taskdef*.json", "*task-definition*.json",
    "appspec.y*ml", "ecs-params.yml", "apprunner.yaml", "amplify.yml", "staticwebapp.config.json",
    "host.json", "local.settings.json.example", "manifest.yml", "manifest.yaml",
    "nixpacks.toml", "Caddyfile", "nginx*.conf", ".platform.app.yaml", "heroku.yml",
    "wrangler.toml", "firebase.json", ".ebextensions/*", "Aptfile", "runtime.txt",
    ".slugignore", ".vercelignore", "now.json", "*.cfn.yml", "*.cfn.yaml", "*cloudformation*.y*ml",
]
DEPLOY_DIRS = (
    "k8s/", "kubernetes/", "deploy/", "deployment/", "deployments/", "deploy-", "manifests/",
    "helm/", "charts/", "chart/", "infra/", "infrastructure/", "ops/", ".k8s/", "kustomize/",
    "terraform/", "cdk/", "iac/", "cloudformation/", "cfn/", "argocd/", "argo/", "flux/",
    "clusters/", "overlays/", "base/", "environments/", "gitops/", "devops/", ".azure/",
    "bicep/", "arm/", "pulumi/", "aws/", "azure/", "gcp/", "ecs/", "copilot/", "sam/",
    ".deploy/", "platform/", "stacks/",
)
DEPLOY_DIR_EXT = (".yaml", ".yml", ".json", ".tf", ".tfvars", ".bicep", ".tpl", ".txt", ".toml",
                  ".ts", ".py", ".sh", ".hcl", ".cfg", ".conf", ".env", ".md", ".js", ".cs", ".go",
                  ".java", ".ps1", ".bicepparam")
MANIFESTS = [
    "requirements*.txt", "requirements/*.txt", "pyproject.toml", "setup.py", "setup.cfg",
    "Pipfile", "package.json", "go.mod", "pom.xml", "build.gradle*", "settings.gradle*",
    "Gemfile", "Cargo.toml", "composer.json", "*.csproj", "*.fsproj", "mix.exs", "tox.ini",
    "noxfile.py", "Directory.Packages.props", "Directory.Build.props", "*.sln", "global.json",
    "deno.json", "bunfig.toml", "turbo.json", "nx.json", "lerna.json", "pnpm-workspace.yaml",
    "project.clj", "deps.edn", "build.sbt", "pubspec.yaml", "renovate.json", "renovate.json5",
    ".renovaterc*", "codecov.yml", "sonar-project.properties", "CODEOWNERS",
]
BUILD_FILES = [
    "Makefile", "makefile", "GNUmakefile", "*.mk", "justfile", "Justfile", "Taskfile.y*ml",
    "Rakefile", "magefile.go", "build.sh", "entrypoint*.sh", "docker-entrypoint*", "start*.sh",
    "release*.sh", "deploy*.sh", "run*.sh", "migrate*.sh", "rollback*.sh", "smoke*.sh",
    "healthcheck*", "alembic.ini", "knexfile.*", "schema.prisma", "settings*.py",
    "application*.yml", "application*.yaml", "application*.properties", "appsettings*.json",
    "ormconfig.*", "data-source.ts", "drizzle.config.*", "flyway.conf", "liquibase.properties",
    "newrelic.*", "sentry.*.config.*", "instrumentation.ts", "instrumentation.js",
    "otel-collector*.y*ml", "datadog.yaml", "puma.rb", "database.yml", "Dockerrun.aws.json",
    "gunicorn*.py", "wsgi.py", "asgi.py", "next.config.*", "vite.config.*", "angular.json",
]
MIGRATION_DIR_RE = re.compile(
    r"(^|/)(migrations|migration|alembic/versions|db/migrate|prisma/migrations|db/migration|"
    r"migrate|db/migrations|database/migrations|sql/migrations|Migrations|db/changelog|"
    r"liquibase|flyway)/"
)
LOADTEST_RE = re.compile(r"(^|/)(k6|locust|load-?tests?|loadtest(s|ing)?|perf(ormance)?(-?tests?)?|"
                         r"artillery|gatling|jmeter|stress(-?tests?)?|benchmarks?)/|locustfile|\.jmx$|"
                         r"artillery.*\.ya?ml$|k6.*\.(js|ts)$", re.I)
MONITOR_RE = re.compile(r"(^|/)(monitoring|alerts?|alerting|observability|prometheus|grafana|"
                        r"alertmanager|dashboards)/|prometheus.*\.ya?ml$|alertmanager.*\.ya?ml$|"
                        r"\.rules\.ya?ml$|rules?\.ya?ml$", re.I)
RUNBOOK_RE = re.compile(r"runbook|disaster|recovery|(^|/|[-_])dr([-_/.]|$)|backup|incident|"
                        r"(^|/)ops/|rollback|restore|deploy(ment|ing)?\.md$|release(s|-process)?\.md$",
                        re.I)


def git(gitdir: str, *args: str, binary: bool = False):
    out = subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True)
    return out.stdout if binary else out.stdout.decode("utf-8", "replace")


def match_any(name: str, path: str, patterns) -> bool:
    for p in patterns:
        if "/" in p:
            if fnmatch.fnmatch(path, p) or fnmatch.fnmatch(path, "*/" + p):
                return True
        elif fnmatch.fnmatch(name, p):
            return True
    return False


def classify(path: str) -> int | None:
    """Priority group of a path (lower first), or None when it is not copied."""
    p = PurePosixPath(path)
    name = p.name
    if name in LOCK_FILES or p.suffix.lower() in BINARY_EXT:
        return None
    if path.startswith(".github/"):
        return 0
    if any(("/" + d) in ("/" + path) for d in SKIP_DIRS):
        return None
    if match_any(name, path, CI_FILES):
        return 1
    if name == "CODEOWNERS" or name in ("renovate.json", "renovate.json5") or name.startswith(".renovaterc"):
        return 1
    if match_any(name, path, DEPLOY_NAMES):
        return 2
    low = "/" + path.lower()
    if any(("/" + d) in low for d in DEPLOY_DIRS) and p.suffix.lower() in DEPLOY_DIR_EXT:
        # source trees under e.g. src/platform/ are not deploy config: require shallow-ish paths
        if not re.search(r"(^|/)(src|lib|app|pkg|internal|test|tests|spec)/", path) or \
                re.search(r"(^|/)(infra|deploy|k8s|helm|charts?|terraform|cdk|iac|kubernetes)/", path):
            return 2
    if match_any(name, path, BUILD_FILES):
        return 3
    if match_any(name, path, MANIFESTS):
        return 4
    if MIGRATION_DIR_RE.search(path):
        return 5
    if LOADTEST_RE.search(path) and p.suffix.lower() in (".js", ".ts", ".py", ".yml", ".yaml", ".jmx",
                                                         ".scala", ".json", ".sh", ".md", ".toml"):
        return 6
    if MONITOR_RE.search(path) and p.suffix.lower() in (".yml", ".yaml", ".json", ".rules", ".md", ".libsonnet", ".jsonnet"):
        return 6
    if RUNBOOK_RE.search(path) and p.suffix.lower() in (".md", ".rst", ".txt", ".adoc"):
        return 7
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gitdir")
    ap.add_argument("dest")
    ap.add_argument("--repo", help="owner/name (default: from the gitdir name owner+name)")
    ap.add_argument("--ref", default="HEAD")
    ap.add_argument("--max-file", type=int, default=60_000)
    ap.add_argument("--max-total", type=int, default=300_000)
    ap.add_argument("--max-migrations", type=int, default=20)
    ap.add_argument("--extra", nargs="*", default=[], help="extra paths (files or folder prefixes)")
    ap.add_argument("--exclude", nargs="*", default=[], help="glob patterns of paths not to copy")
    args = ap.parse_args(argv)

    repo = args.repo
    if not repo:
        base = os.path.basename(os.path.normpath(args.gitdir))
        if "+" not in base:  # /work/.mirror/owner+name/repo
            base = os.path.basename(os.path.dirname(os.path.normpath(args.gitdir)))
        repo = base.removesuffix(".git").replace("+", "/", 1)
    commit = git(args.gitdir, "rev-parse", args.ref).strip()
    listing = git(args.gitdir, "ls-tree", "-r", "-l", "--full-tree", commit)
    files: dict[str, int] = {}
    for line in listing.splitlines():
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if len(parts) < 4 or parts[1] != "blob":
            continue
        size = int(parts[3]) if parts[3].isdigit() else 0
        files[path] = size
    tree_txt = "\n".join(sorted(files)) + "\n"

    if os.path.isdir(args.dest) and os.listdir(args.dest):
        print(f"warning: {args.dest} is not empty; files from an earlier copy stay (remove it first for a clean copy)",
              file=sys.stderr)
    os.makedirs(args.dest, exist_ok=True)
    source = {"repo": repo, "commit": commit,
              "fetched": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    with open(os.path.join(args.dest, "SOURCE.json"), "w") as fh:
        json.dump(source, fh, indent=2)
        fh.write("\n")
    with open(os.path.join(args.dest, "TREE.txt"), "w") as fh:
        fh.write(tree_txt)
    total = len(tree_txt.encode()) + 200
    if total > args.max_total:
        print(f"warning: TREE.txt alone is {total} bytes", file=sys.stderr)

    # every file of a Helm chart (the folder holding a Chart.yaml)
    charts = [str(PurePosixPath(p).parent) + "/" for p in files if PurePosixPath(p).name == "Chart.yaml"]
    chosen: list[tuple[int, str]] = []
    for path in files:
        if any(fnmatch.fnmatch(path, x) for x in args.exclude):
            continue
        extra = any(path == e or path.startswith(e.rstrip("/") + "/") for e in args.extra)
        group = -1 if extra else classify(path)
        if group is None and any(path.startswith(c) for c in charts) \
                and PurePosixPath(path).suffix.lower() not in BINARY_EXT and path.endswith((".yaml", ".yml", ".tpl", ".txt", ".json", ".helmignore")):
            group = 2
        if group is not None:
            chosen.append((group, path))
    # migrations: at most N files a folder, newest by name
    by_dir: dict[str, list[str]] = defaultdict(list)
    for g, path in chosen:
        if g == 5:  # group by the migrations folder itself (Prisma keeps one folder per migration)
            m = MIGRATION_DIR_RE.search(path)
            by_dir[path[:m.end()] if m else str(PurePosixPath(path).parent)].append(path)
    keep_mig = {p for d, ps in by_dir.items() for p in sorted(ps)[-args.max_migrations:]}
    chosen = [(g, p) for g, p in chosen if g != 5 or p in keep_mig]
    # within a group: shallow paths and small files first
    chosen.sort(key=lambda gp: (gp[0], gp[1].count("/"), files[gp[1]], gp[1]))

    copied, skipped = [], []
    for group, path in chosen:
        size = files[path]
        if size > args.max_file and group != -1:
            skipped.append((path, f"{size} B > max-file"))
            continue
        if total + size > args.max_total:
            skipped.append((path, f"{size} B: total cap"))
            continue
        data = git(args.gitdir, "cat-file", "blob", f"{commit}:{path}", binary=True)
        if b"\0" in data[:8000]:
            skipped.append((path, "binary"))
            continue
        out = os.path.join(args.dest, path)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "wb") as fh:
            fh.write(data)
        total += len(data)
        copied.append(path)

    for path in copied:
        print(f"copied  {path}")
    for path, why in skipped:
        print(f"skipped {path}  ({why})")
    print(f"{repo} {commit[:12]}: {len(copied)} files copied, {len(skipped)} skipped, "
          f"{total} bytes of {len(files)} files in the tree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
