"""Judgement helpers the operational domains share (observability, resilience,
performance, data, build): where a fix belongs, how evidence reads. (Whether they apply
is declared on each rule and decided by gate/applicability.py.)"""
from __future__ import annotations

from gate.model.location import Location

# service configs that run as a function the platform scales and health-checks itself
FUNCTION_CONFIGS = ("lambda-image",)


def serverless(ops) -> bool:
    """The service runs on a platform that scales it (functions, Cloud Run, App Runner …): its image,
    if any, is the platform's to run; no Kubernetes workload or Procfile process of its own."""
    if any(f.kind in ("k8s-workload", "procfile") for f in ops.service_configs):
        return False
    if any(f.kind != "platform-host" for f in ops.functions):
        return True
    # a web host (Vercel, Netlify …) is the service only when no image or compose service runs beside it
    return bool(ops.functions) and not any(f.kind in ("dockerfile", "compose-service") for f in ops.service_configs)


def fix_site(ev) -> Location:
    """Where a service-level setting belongs: its Dockerfile/compose/k8s/platform config."""
    ops = ev.ops
    # what runs the service's own process first; platform files after; a Lambda image never
    configs = sorted((f for f in ops.service_configs if f.kind not in FUNCTION_CONFIGS),
                     key=lambda f: f.kind not in ("k8s-workload", "compose-service", "dockerfile", "procfile"))
    if configs:
        return configs[0].loc
    if ops.functions:
        return ops.functions[0].loc
    if ops.service_configs:
        return ops.service_configs[0].loc
    files = list(ev.tree.deploy_files) + [p for ps in ev.tree.iac.values() for p in ps]
    return Location(files[0], 1) if files else Location(".github/workflows")


def evidence_list(facts, n: int = 3) -> str:
    shown = "; ".join(str(f) for f in facts[:n])
    return shown + (f" and {len(facts) - n} more" if len(facts) > n else "")
