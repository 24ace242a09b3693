"""Kubernetes manifests, Helm templates and values, NAIS and Prometheus files.

Scanned line by line, so Helm templates (not YAML until rendered) and files of
several documents read the same way; Helm `if .Values` guards are judged against
the chart's values (see helm.py).
"""
from __future__ import annotations

import re

from gate.collect.ops.common import dirname, own, under
from gate.collect.ops.helm import Chart, active_lines, included, templated_value
from gate.collect.ops.model import Fact, OpsEvidence
from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.policy.signatures import Signatures

_KIND = lazy(r"^\s*(?:-\s+)?kind:\s*\"?(\w+)\"?\s*$", re.M)  # `- kind:` in an OpenShift Template's objects
_WORKLOAD = {"Deployment", "StatefulSet", "DaemonSet", "Application", "Service", "Rollout", "DeploymentConfig"}
_MIGRATE_WORD = lazy(r"migrat", re.I)


def _pair(lines: list[str], i: int, sig: Signatures) -> tuple[int, int] | None:
    """(min, max) when line i sets a minimum and a nearby sibling line the maximum."""
    m = sig.search("autoscaling_min", lines[i])
    if not m:
        return None
    key = m.group(1)
    indent = len(lines[i]) - len(lines[i].lstrip())
    if key.lower() == "min":
        parent = next((lines[j] for j in range(i - 1, max(i - 3, -1), -1)
                       if lines[j].strip() and len(lines[j]) - len(lines[j].lstrip()) < indent), "")
        if not re.search(r"(replicas|scal)", parent, re.I):
            return None
    window = range(max(0, i - 6), min(len(lines), i + 7))
    if any(re.match(r"\s*enabled\s*:\s*false\b", lines[j]) and len(lines[j]) - len(lines[j].lstrip()) == indent
           for j in window):
        return None  # a values block that declares a range but leaves it off
    for j in window:
        mx = sig.search("autoscaling_max", lines[j])
        if mx and len(lines[j]) - len(lines[j].lstrip()) == indent and (mx.group(1).lower() == "max") == (key.lower() == "min"):
            return int(m.group(2)), int(mx.group(2))
    return None


def scan_yaml(repo: RepoFiles, path: str, sig: Signatures, ev: OpsEvidence, chart: Chart | None) -> None:
    text = repo.read(path)
    if not text:
        return
    lines = text.splitlines()
    template = chart is not None and under(path, f"{chart.dir}/templates" if chart.dir else "templates")
    active = active_lines(text, chart) if template and chart else [True] * len(lines)
    kinds = set(_KIND.findall(text))
    nais = "nais.io" in text
    is_k8s = bool(kinds) and ("apiVersion" in text)
    hc = sig.group_patterns("health_check_lines")
    for i, ln in enumerate(lines):
        if not active[i] or ln.lstrip().startswith("#"):
            continue
        loc = Location(path, i + 1)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if is_k8s and any(p.search(ln) for p in hc.get("kubernetes", [])):
            set_ = templated_value(ln, nxt, chart) if template and chart else None
            if set_ is not False:
                ev.health_checks.append(Fact("k8s-probe", loc, ln.strip()))
        if nais and any(p.search(ln) for p in hc.get("nais", [])) and "path" in "".join(lines[i + 1:i + 3]):
            ev.health_checks.append(Fact("nais-probe", loc, ln.strip()))
        kind_line = bool(re.match(r"\s*(-\s+)?kind\s*:", ln))
        found = sig.search_group("alert_lines", ln)
        if found and found[0] == "yaml" and (not kind_line or _declares(lines, i)):
            ev.alerting.append(Fact("alert-rule", loc, ln.strip()))
        found = sig.search_group("autoscaling_lines", ln)
        if found and found[0] == "yaml" and _declares(lines, i):
            ev.autoscaling.append(Fact("autoscaler", loc, ln.strip()))
        pair = _pair(lines, i, sig)
        if pair:
            (ev.autoscaling if pair[1] > pair[0] else ev.autoscaling_off).append(
                Fact("replica-range", loc, f"min {pair[0]} / max {pair[1]}"))
        found = sig.search_group("backup_lines", ln)
        if found and found[0] == "yaml" and (not kind_line or ("velero.io" in text or "ScheduledBackup" in ln)
                                              and _declares(lines, i)):
            ev.backups.append(Fact("backup-config", loc, ln.strip()))
        if sig.search("telemetry_config", ln):
            ev.telemetry.append(Fact("telemetry-config", loc, ln.strip()[:80]))
        if sig.search("sql_iac", ln):
            ev.databases.append(Fact("sql-resource", loc, ln.strip()[:80]))
    if template and chart:
        _disabled_autoscalers(lines, active, path, ev)
        if is_k8s and chart.defines:
            for i, ln in enumerate(lines):
                if active[i] and not ln.lstrip().startswith("#"):
                    for name in included(ln):
                        _probes_in_define(repo, chart, name, f"{path}:{i + 1}", sig, ev, set())
    if is_k8s and ("CronJob" in kinds) and (sig.search("backup_commands", text)
                                            or re.search(r"^\s*-?\s*(image|name):\s*\S*backup", text, re.M | re.I)):
        ev.backups.append(Fact("backup-cronjob", Location(path, _line_of_kind(lines, "CronJob")), "CronJob dumps data"))
    if is_k8s and ({"Job"} & kinds or "initContainers:" in text or "helm.sh/hook" in text):
        if sig.search("migration_commands", text) or _MIGRATE_WORD.search(text):
            at = next((i for i, ln in enumerate(lines) if ("helm.sh/hook" in ln or "initContainers:" in ln
                                                            or re.match(r"\s*kind:\s*\"?Job", ln)) and active[i]), None)
            if at is not None:
                ev.migration_runs.append(Fact("k8s-job", Location(path, at + 1), lines[at].strip()))
    if is_k8s and ({"PersistentVolumeClaim", "StatefulSet"} & kinds or "volumeClaimTemplates:" in text) and own(path, sig):
        kind = next(iter({"PersistentVolumeClaim", "StatefulSet"} & kinds), "StatefulSet")
        ev.stateful.append(Fact("k8s-volume", Location(path, _line_of_kind(lines, kind)), f"{kind} in {path}"))
    if is_k8s and "serving.knative.dev" in text and "Service" in kinds and own(path, sig):
        # a Knative/Cloud Run service: the platform scales it from requests
        ev.functions.append(Fact("knative-service", Location(path, _line_of_kind(lines, "Service")), f"Knative Service in {path}"))
    elif is_k8s and kinds & _WORKLOAD and own(path, sig):
        ev.service_configs.append(Fact("k8s-workload", Location(path, _line_of_kind(lines, *kinds & _WORKLOAD)),
                                       f"{'/'.join(sorted(kinds & _WORKLOAD))} in {path}"))


def _probes_in_define(repo: RepoFiles, chart: Chart, name: str, at: str, sig: Signatures, ev: OpsEvidence,
                      seen: set[str]) -> None:
    """Probes a named template renders under the including chart's values, followed into the
    templates it includes in turn (a library chart's helpers)."""
    d = chart.defines.get(name)
    if d is None or name in seen or len(seen) > 8:
        return
    seen.add(name)
    text = repo.read(d.path) or ""
    lines = text.splitlines()
    active = active_lines(text, chart)
    probe = sig.group_patterns("health_check_lines").get("kubernetes", [])
    for i in range(d.first + 1, min(d.last, len(lines))):
        if not active[i] or lines[i].lstrip().startswith("#"):
            continue
        if any(p.search(lines[i]) for p in probe):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if templated_value(lines[i], nxt, chart) is not False:
                ev.health_checks.append(Fact("helm-named-probe", Location(d.path, i + 1),
                                             f"{lines[i].strip()} in template \"{name}\" included at {at}"))
        for inner in included(lines[i]):
            _probes_in_define(repo, chart, inner, at, sig, ev, seen)


def _declares(lines: list[str], i: int) -> bool:
    """Is the `kind:` on line i a resource's own (an `apiVersion:` beside it), rather than a
    patch target or a reference that names a kind declared elsewhere?"""
    def indent(ln: str) -> int:
        return len(ln) - len(ln.lstrip(" -"))
    at = indent(lines[i])
    for j in range(max(0, i - 15), min(len(lines), i + 16)):
        if j != i and indent(lines[j]) == at and re.match(r"\s*(-\s+)?apiVersion\s*:", lines[j]):
            return True
    return False


def _line_of_kind(lines: list[str], *kinds: str) -> int:
    for i, ln in enumerate(lines):
        m = re.match(r"\s*(?:-\s+)?kind:\s*\"?(\w+)", ln)
        if m and m.group(1) in kinds:
            return i + 1
    return 1


def _disabled_autoscalers(lines: list[str], active: list[bool], path: str, ev: OpsEvidence) -> None:
    for i, ln in enumerate(lines):
        if not active[i] and re.match(r"\s*kind:\s*\"?(HorizontalPodAutoscaler|ScaledObject)", ln):
            ev.autoscaling_off.append(Fact("autoscaler-disabled", Location(path, i + 1),
                                           "autoscaler template off under the chart's values"))


_PROBE_KEYS = {"livenessProbe", "readinessProbe", "startupProbe", "liveness", "readiness", "startup"}
_REMOTE_DEP = lazy(r"^\s*repository:\s*[\"']?(https?|oci)://", re.M)


def scan_values(repo: RepoFiles, chart: Chart, ev: OpsEvidence) -> None:
    """`autoscaling: {enabled: true}` in a chart's values; and, for a chart whose templates come
    from a remote (library) chart out of sight, the probes its values turn on."""
    from gate.collect.ops.common import find_keys, key_line, read_yaml
    prefix = f"{chart.dir}/" if chart.dir else ""
    remote = bool(_REMOTE_DEP.search(repo.read(f"{prefix}Chart.yaml") or ""))
    for doc_path in [p for p in repo.in_folder(chart.dir)
                     if p[len(prefix):].startswith("values") and p.endswith((".yaml", ".yml"))]:
        doc = read_yaml(repo, doc_path)
        for key, value, parent in find_keys(doc, {"autoscaling", "hpa", "keda"}):
            if isinstance(value, dict) and "enabled" in value:
                fact = Fact("values-autoscaling", Location(doc_path, key_line(value, "enabled")), f"{key}.enabled: {value['enabled']}")
                (ev.autoscaling if value["enabled"] is True else ev.autoscaling_off).append(fact)
        if not remote:
            continue
        for key, value, parent in find_keys(doc, _PROBE_KEYS):
            # `livenessProbe: {httpGet: …}` or `probes: {liveness: {enabled: true}}`; `enabled: false` is off
            if isinstance(value, dict) and value and value.get("enabled", True) not in (False, "false"):
                if key in ("liveness", "readiness", "startup") and "enabled" not in value and not (
                        {"httpGet", "tcpSocket", "exec", "grpc", "path", "port", "custom", "spec"} & set(value)):
                    continue
                ev.health_checks.append(Fact("values-probe", Location(doc_path, key_line(parent, key)),
                                             f"{key} in {doc_path} (templates from a remote chart)"))


def chart_of(path: str, charts: dict[str, Chart]) -> Chart | None:
    d = dirname(path)
    while True:
        if d in charts:
            return charts[d]
        if not d:
            return None
        d = dirname(d)
