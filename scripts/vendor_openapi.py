#!/usr/bin/env python3
"""Regenerate tests/github_fake/openapi-trimmed.json from the npm package @octokit/openapi.

The fake GitHub server used by the publishing tests validates every request and
response against GitHub's own OpenAPI description. The full description is ~13 MB,
so we vendor only the operations the gate uses plus the components they reference.

Usage:
    python scripts/vendor_openapi.py                  # npm pack @octokit/openapi into a temp dir
    python scripts/vendor_openapi.py --tarball X.tgz  # use an already downloaded tarball
    python scripts/vendor_openapi.py --version 23.0.2 # pin the npm version
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

# The operations the gate calls (publish + collect). Keep in sync with gate/publish and
# gate/collect/github_api.py and gate/github/contents.py; the fake refuses routes that are not listed here.
OPERATIONS: tuple[str, ...] = (
    "repos/get",
    "repos/get-branch",
    "repos/get-branch-protection",
    "repos/get-branch-rules",
    "repos/get-all-environments",
    "repos/list-deployment-branch-policies",
    "repos/create-commit-status",
    "checks/create",
    "checks/update",
    "issues/list-comments",
    "issues/create-comment",
    "issues/update-comment",
    "issues/delete-comment",
    "code-scanning/list-alerts-for-repo",
    "code-scanning/get-default-setup",
    "pulls/list",
    "users/get-authenticated",
    "checks/list-for-ref",
    "checks/get",
    "repos/get-commit",
    "repos/get-content",  # remote reusable workflows (gate/github/contents.py)
)
SPEC_MEMBER = "package/generated/api.github.com.json"
OUT = Path(__file__).resolve().parent.parent / "tests" / "github_fake" / "openapi-trimmed.json"
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def npm_pack(workdir: Path, version: str | None) -> Path:
    """Download the package tarball with the ordinary npm client."""
    spec = "@octokit/openapi" + (f"@{version}" if version else "")
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=workdir, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return workdir / out


def load_spec(tarball: Path) -> dict[str, Any]:
    with tarfile.open(tarball, "r:gz") as tar:
        member = tar.extractfile(SPEC_MEMBER)
        if member is None:
            raise SystemExit(f"{tarball}: no {SPEC_MEMBER}")
        return json.load(member)


def _strip_examples(node: Any) -> Any:
    """Drop `examples` (they are documentation and account for most of the size)."""
    if isinstance(node, dict):
        return {k: _strip_examples(v) for k, v in node.items() if k not in ("examples", "example")}
    if isinstance(node, list):
        return [_strip_examples(v) for v in node]
    return node


def _refs(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref)
        for v in node.values():
            _refs(v, found)
    elif isinstance(node, list):
        for v in node:
            _refs(v, found)


def trim(spec: dict[str, Any], operations: tuple[str, ...]) -> dict[str, Any]:
    wanted = set(operations)
    paths: dict[str, Any] = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS and op.get("operationId") in wanted:
                paths.setdefault(path, {})[method] = _strip_examples(op)
                wanted.discard(op["operationId"])
    if wanted:
        raise SystemExit(f"operations not in the description: {sorted(wanted)}")
    # Follow $refs transitively so the trimmed file is self-contained.
    components: dict[str, dict[str, Any]] = {}
    pending: set[str] = set()
    _refs(paths, pending)
    seen: set[str] = set()
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        _, _, kind, name = ref.split("/", 3)  # "#/components/<kind>/<name>"
        node = _strip_examples(spec["components"][kind][name])
        components.setdefault(kind, {})[name] = node
        _refs(node, pending)
    return {
        "openapi": spec["openapi"],
        "info": {**spec["info"], "x-trimmed-operations": list(operations)},
        "paths": dict(sorted(paths.items())),
        "components": {k: dict(sorted(v.items())) for k, v in sorted(components.items())},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tarball", type=Path, help="use this @octokit/openapi .tgz instead of npm pack")
    ap.add_argument("--version", help="npm version of @octokit/openapi to pack")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or npm_pack(Path(tmp), args.version)
        trimmed = trim(load_spec(tarball), OPERATIONS)
    args.out.write_text(json.dumps(trimmed, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(OPERATIONS)} operations, "
          f"description version {trimmed['info']['version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
