"""Compose files: services, what they are built from, and their health checks."""
from __future__ import annotations

from msgspec import Struct

from gate.collect.ops.common import dirname, read_yaml
from gate.collect.repo import RepoFiles
from gate.model.paths import resolve_inside


class Service(Struct):
    file: str
    name: str
    line: int
    image: str = ""
    build_dockerfile: str | None = None  # repo path of the Dockerfile it builds, if built here
    healthcheck: int | None = None       # line of an enabled healthcheck
    command: str = ""                    # command + entrypoint, as text
    env_text: str = ""                   # environment, as text


def is_compose(path: str) -> bool:
    name = path.rsplit("/", 1)[-1].lower()
    return name.endswith((".yml", ".yaml")) and (name.startswith("docker-compose") or name.startswith("compose"))


def image_base(image: str) -> str:
    """`ghcr.io/org/app:1.2@sha` -> `app`."""
    image = image.split("@", 1)[0]
    last = image.rsplit("/", 1)[-1]
    return last.split(":", 1)[0].lower()


def _text(value) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, dict):
        return " ".join(f"{k}={v}" for k, v in value.items())
    return "" if value is None else str(value)


def parse_compose(repo: RepoFiles, path: str) -> list[Service]:
    doc = read_yaml(repo, path)
    services = doc.get("services") if isinstance(doc, dict) else None
    if not isinstance(services, dict):
        return []
    base = dirname(path)
    out = []
    for name, spec in services.items():
        if not isinstance(spec, dict):
            continue
        svc = Service(path, str(name), services.line_of(name), image=str(spec.get("image") or ""))
        build = spec.get("build")
        if build is not None:
            context, dockerfile = (build, "Dockerfile") if isinstance(build, str) else (
                str(build.get("context") or "."), str(build.get("dockerfile") or "Dockerfile")) if isinstance(build, dict) else (".", "Dockerfile")
            svc.build_dockerfile = resolve_inside(dockerfile, resolve_inside(str(context), base) or "") or ""
        hc = spec.get("healthcheck")
        if isinstance(hc, dict) and hc.get("disable") is not True and (hc.get("test") not in (None, "NONE", ["NONE"])):
            svc.healthcheck = spec.line_of("healthcheck")
        svc.command = " ".join(_text(spec.get(k)) for k in ("entrypoint", "command"))
        svc.env_text = _text(spec.get("environment"))
        out.append(svc)
    return out
