"""Where infrastructure code is read: Terraform as modules, JSON templates (CloudFormation,
ARM) recognised by name or folder, and the record of every IaC file the readers understood."""
from __future__ import annotations

import re

from gate.collect.ops import arm, cloudformation, iac
from gate.collect.ops.common import own
from gate.collect.ops.infra import Resource
from gate.collect.ops.model import Fact, OpsEvidence
from gate.collect.ops.terraform import MAX_PARSED, Terraform
from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.policy.signatures import Signatures

# JSON templates are recognised by name or folder before their head is read (the collector asks the tree at once)
TEMPLATE_JSON = lazy(r"((template|stack|cloudformation|cfn|azuredeploy|arm)[^/]*|(^|/)(azure|arm|infra\w*|deploy\w*)/[^/]+)\.json$", re.I)


def json_template(repo: RepoFiles, path: str) -> list[Resource]:
    """A JSON file named or placed like a template, read as CloudFormation or ARM."""
    if not TEMPLATE_JSON.search(path):
        return []
    head = (repo.read(path) or "")[:2000]
    if arm.is_arm(head):
        return arm.read_arm(repo, path)
    if _cfn_json(repo, path):
        return cloudformation.read_template(repo, path)
    return []


def record(resources: list, ev: OpsEvidence) -> None:
    """Each file of infrastructure code read, once, in the order met."""
    seen: dict[str, Fact] = {}
    for res in resources:
        path = res.loc.path
        if path not in seen:
            lang = ("terraform" if path.endswith(".tf") else "serverless" if res.type.startswith("serverless:")
                    else "arm" if res.type.startswith("Microsoft.") else "pulumi" if ":" in res.type
                    else "cloudformation")
            seen[path] = Fact("iac-file", Location(path, 1), lang)
    for f in ev.service_configs + ev.functions:
        if f.kind == "k8s-workload" or f.kind.startswith("code-") or f.loc.path.rsplit("/", 1)[-1].startswith("serverless."):
            seen.setdefault(f.loc.path, Fact("iac-file", Location(f.loc.path, 1),
                                             "kubernetes" if f.kind == "k8s-workload" else "serverless"))
    ev.iac_files = list(seen.values())


def read_terraform(repo: RepoFiles, sig: Signatures, ev: OpsEvidence) -> list:
    """Terraform read as modules; files the HCL2 parser refuses are scanned line by line."""
    paths = [p for p in repo.ending(".tf", ".tfvars", ".tfvars.json") if own(p, sig)]
    if not paths:
        return []
    tf = Terraform(repo, paths)
    for path in paths:
        if not path.endswith(".json"):
            iac.scan_iac(repo, path, sig, ev, structured=path not in tf.unparsed)
    if tf.unparsed:
        ev.notes.append(f"{len(tf.unparsed)} Terraform file(s) were scanned line by line (not HCL2, or past the "
                        f"first {MAX_PARSED} parsed), e.g. {tf.unparsed[0]}")
    return tf.resources()


def _cfn_json(repo: RepoFiles, path: str) -> bool:
    head = (repo.read(path) or "")[:2000]
    return '"AWSTemplateFormatVersion"' in head or ('"Resources"' in head and '"AWS::' in head)
