"""Bicep, and Terraform or CloudFormation that does not parse, scanned line by line.

Resource types and settings come from the policy's `*_lines` signature groups
(`iac` group); min/max pairs (min_replicas/max_replicas …) count as autoscaling
only when the maximum is above the minimum.
"""
from __future__ import annotations

from gate.collect.ops.kube import _pair
from gate.collect.ops.model import Fact, OpsEvidence
from gate.collect.repo import RepoFiles
from gate.model.location import Location
from gate.policy.signatures import Signatures

IAC_EXT = (".tf", ".tfvars", ".bicep", ".bicepparam", ".hcl")


def is_iac(path: str, text_head: str = "") -> bool:
    return path.endswith(IAC_EXT) or "AWSTemplateFormatVersion" in text_head or "AWS::" in text_head


def scan_iac(repo: RepoFiles, path: str, sig: Signatures, ev: OpsEvidence, structured: bool = False) -> None:
    """Line by line; `structured`: the file's resources were already read as structure
    (terraform.py, cloudformation.py), so only telemetry settings (OTEL_* and agents in
    environment blocks) are looked for."""
    text = repo.read(path)
    if not text:
        return
    lines = text.splitlines()
    groups = {name: sig.group_patterns(name).get("iac", []) for name in
              ("health_check_lines", "alert_lines", "backup_lines", "autoscaling_lines")}
    targets = {"health_check_lines": ev.health_checks, "alert_lines": ev.alerting,
               "backup_lines": ev.backups, "autoscaling_lines": ev.autoscaling}
    kinds = {"health_check_lines": "iac-health-check", "alert_lines": "iac-alert",
             "backup_lines": "iac-backup", "autoscaling_lines": "iac-autoscaling"}
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s or s.startswith(("#", "//", "/*", "*")):
            continue
        loc = Location(path, i + 1)
        if not structured and sig.search("sql_iac", ln):
            ev.databases.append(Fact("sql-resource", loc, s[:100]))
        if sig.search("telemetry_config", ln):
            ev.telemetry.append(Fact("telemetry-config", loc, s[:100]))
        if structured:
            continue
        for name, pats in groups.items():
            if any(p.search(ln) for p in pats):
                targets[name].append(Fact(kinds[name], loc, s[:100]))
        pair = _pair(lines, i, sig)
        if pair:
            (ev.autoscaling if pair[1] > pair[0] else ev.autoscaling_off).append(
                Fact("replica-range", loc, f"min {pair[0]} / max {pair[1]}"))
