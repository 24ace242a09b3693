"""Platform files: railway, fly, render, App Engine, Heroku Procfile/app.json, serverless.

Each is parsed with its own safe reader; health-check keys, release/pre-deploy
commands and instance ranges are what the platform itself acts on.
"""
from __future__ import annotations

import re

from gate.collect.ops.common import find_keys, key_line, line_of, read_json, read_toml, read_yaml
from gate.collect.ops.model import Fact, OpsEvidence
from gate.collect.repo import RepoFiles
from gate.model.location import Location
from gate.policy.signatures import Signatures

PLATFORM_FILES = {"railway.json", "railway.toml", "fly.toml", "render.yaml", "app.yaml", "app.yml", "Procfile",
                  "serverless.yml", "serverless.yaml", "app.json", "vercel.json", "netlify.toml",
                  "amplify.yml", "amplify.yaml", "apprunner.yaml", "apprunner.yml", "wrangler.toml", "wrangler.json",
                  "wrangler.jsonc", "firebase.json"}
# platforms that run the service and scale it by themselves
_SELF_SCALING = {"amplify.yml": "Amplify", "amplify.yaml": "Amplify", "apprunner.yaml": "App Runner",
                 "apprunner.yml": "App Runner", "vercel.json": "Vercel", "netlify.toml": "Netlify",
                 "wrangler.toml": "Cloudflare Workers", "wrangler.json": "Cloudflare Workers",
                 "wrangler.jsonc": "Cloudflare Workers", "firebase.json": "Firebase"}
# web hosts that often serve only a front end or docs beside a service that runs elsewhere
_HOSTS = {"vercel.json", "netlify.toml", "firebase.json", "amplify.yml", "amplify.yaml"}
_RELEASE_KEYS = {"release_command", "preDeployCommand", "predeployCommand", "startCommand", "buildCommand"}
_MIN = ("minInstances", "min_instances", "numInstances", "minReplicas")
_MAX = ("maxInstances", "max_instances", "maxReplicas")


def _doc(repo: RepoFiles, path: str):
    name = path.rsplit("/", 1)[-1]
    if name.endswith(".toml"):
        return read_toml(repo, path)
    if name.endswith(".json"):
        return read_json(repo, path)
    if name.endswith((".yaml", ".yml")):
        return read_yaml(repo, path)
    return None


def scan_platform(repo: RepoFiles, path: str, sig: Signatures, ev: OpsEvidence) -> None:
    name = path.rsplit("/", 1)[-1]
    text = repo.read(path) or ""
    if name == "Procfile":
        for i, ln in enumerate(text.splitlines(), 1):
            kind, _, cmd = ln.partition(":")
            if kind.strip() in ("release", "web") and sig.search("migration_commands", cmd):
                ev.migration_runs.append(Fact(f"procfile-{kind.strip()}", Location(path, i), ln.strip()[:100]))
            if kind.strip() == "web":
                ev.service_configs.append(Fact("procfile", Location(path, i), ln.strip()[:100]))
        return
    if name in _SELF_SCALING:
        if name == "firebase.json" and not re.search(r'"(hosting|functions)"\s*:', text):
            return  # a Firebase project that deploys no hosting or functions runs nothing
        kind = "platform-host" if name in _HOSTS else "platform-config"
        ev.functions.append(Fact(kind, Location(path, 1), f"{_SELF_SCALING[name]} ({name})"))
        ev.service_configs.append(Fact("platform", Location(path, 1), name))
        return
    doc = _doc(repo, path)
    if doc is None:
        return
    if name in ("app.yaml", "app.yml") and not (isinstance(doc, dict) and ("runtime" in doc or "env" in doc)):
        return  # an app.yaml that is not App Engine's
    ev.service_configs.append(Fact("platform", Location(path, 1), name))
    for key, value, parent in find_keys(doc, set(sig.globs("health_check_keys"))):
        if value not in (None, "", [], {}, False):
            ev.health_checks.append(Fact("platform-health-check", _loc(path, text, parent, key), f"{key} in {name}"))
    for key, value, parent in find_keys(doc, _RELEASE_KEYS):
        if isinstance(value, str) and sig.search("migration_commands", value):
            ev.migration_runs.append(Fact("release-command", _loc(path, text, parent, key), f"{key}: {value[:80]}"))
    for key, value, parent in find_keys(doc, {"scaling", "automatic_scaling", "autoscaling", "deploy"}):
        if not isinstance(value, dict):
            continue
        lo = next((value[k] for k in _MIN if isinstance(value.get(k), int)), None)
        hi = next((value[k] for k in _MAX if isinstance(value.get(k), int)), None)
        if hi is not None and hi > (lo or 1) or (key == "automatic_scaling" and hi is None):
            ev.autoscaling.append(Fact("platform-scaling", _loc(path, text, parent, key), f"{key} in {name}"))
        elif hi is not None:
            ev.autoscaling_off.append(Fact("platform-scaling", _loc(path, text, parent, key), f"min {lo} / max {hi}"))
    if sig.search("telemetry_config", text):
        m = sig.search("telemetry_config", text)
        ev.telemetry.append(Fact("telemetry-config", Location(path, line_of(text, m.group(0))), m.group(0)))


def _loc(path: str, text: str, parent, key: str) -> Location:
    line = key_line(parent, key, 0)
    if not line:
        m = re.search(rf"(^|[\s\"\[.]){re.escape(key)}\b", text)
        line = text.count("\n", 0, m.start()) + 1 if m else 1
    return Location(path, line)
