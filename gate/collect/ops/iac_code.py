"""CDK (TypeScript, JavaScript, Python) and Pulumi programs, and Serverless Framework
configs written as code (`serverless.ts`): constructs and their props.

A CDK app is the folder of a `cdk.json`; a Pulumi project the folder of a
`Pulumi.yaml`; a Serverless service the folder of its `serverless.ts`. Their source files that import the framework are searched with the
policy's `iac_code` patterns, one group per fact (backups, autoscaling, alerting,
telemetry, health_checks, functions, databases, document_stores); a construct's props
are written inline (`pointInTimeRecovery: true`, `point_in_time_recovery=True`), which
is what the patterns read. Pulumi YAML programs are resources like CloudFormation's.
"""
from __future__ import annotations

from gate.collect.ops.cloudformation import as_props, key_line_of
from gate.collect.ops.common import dirname, line_at, own, read_yaml
from gate.collect.ops.infra import Resource
from gate.collect.ops.model import Fact, OpsEvidence
from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.policy.signatures import Signatures

MAX_FILES = 300
_CODE = (".ts", ".js", ".mjs", ".py", ".go", ".java", ".cs")
_SKIP = lazy(r"(^|/)(node_modules|cdk\.out|dist|build|\.venv|venv|__tests__|tests?|test_\w+\.py)(/|$)|\.(d|test|spec)\.ts$")
_IMPORTS = lazy(r"aws-cdk-lib|@aws-cdk/|\baws_cdk\b|awscdk|Amazon\.CDK|software\.amazon\.awscdk|@pulumi/|\bpulumi_\w+|"
                r"\bimport\s+pulumi\b|pulumi-\w+/sdk|cdktf|@serverless/typescript|\bprovider\s*:\s*\{\s*name\s*:\s*['\"]aws")


_MARKERS = ("cdk.json", "Pulumi.yaml", "Pulumi.yml", "cdktf.json", "serverless.ts", "serverless.js")


def projects(repo: RepoFiles) -> list[str]:
    """Folders of CDK apps, Pulumi projects and Serverless Framework configs written as code."""
    return [dirname(p) for p in repo.named(*_MARKERS)]


def scan_code(repo: RepoFiles, sig: Signatures, ev: OpsEvidence) -> list[Resource]:
    """Facts from CDK/Pulumi source into `ev`; Pulumi YAML resources returned for the settings table."""
    roots = projects(repo)
    if not roots:
        return []
    groups = sig.group_patterns("iac_code")
    resources: list[Resource] = []
    read = 0
    for path in sorted({p for r in roots for p in repo.under(r)}):
        if _SKIP.search(path) or not own(path, sig):
            continue
        name = path.rsplit("/", 1)[-1]
        if name in ("Pulumi.yaml", "Pulumi.yml"):
            resources.extend(_pulumi_yaml(repo, path))
            continue
        if not path.endswith(_CODE):
            continue
        read += 1
        if read > MAX_FILES:
            ev.notes.append(f"read {MAX_FILES} CDK/Pulumi source files; the rest are not searched")
            break
        text = repo.read(path) or ""
        if not _IMPORTS.search(text):
            continue
        for target, pats in groups.items():
            for p in pats:
                for m in p.finditer(text):
                    getattr(ev, target).append(Fact(f"code-{target.replace('_', '-')}", Location(path, line_at(text, m.start())),
                                                    " ".join(m.group(0).split())[:80]))
                    break
    return resources


def _pulumi_yaml(repo: RepoFiles, path: str) -> list[Resource]:
    doc = read_yaml(repo, path)
    res = doc.get("resources") if isinstance(doc, dict) else None
    out = []
    if isinstance(res, dict):
        for rid, body in res.items():
            if isinstance(body, dict) and isinstance(body.get("type"), str):
                line = key_line_of(res, rid)
                props = as_props(body.get("properties"), path, line)
                out.append(Resource(body["type"], str(rid), Location(path, line), props if isinstance(props, dict) else {}))
    return out

