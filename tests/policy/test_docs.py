"""Every ```yaml block of docs/policies.md is a valid policy."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gate.policy.load import load_policy

from .helpers import catalogue

DOC = Path(__file__).resolve().parents[2] / "docs" / "policies.md"
BLOCKS = re.findall(r"^```yaml\n(.*?)^```", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)


def test_the_doc_has_an_example_of_every_feature():
    text = "\n".join(BLOCKS)
    for key in ("threshold:", "unknown:", "weights:", "severity: off", "params:", "environments:", "test_commands:",
                "rollback_commands:", "profiles:", "waivers:", "approved_by:", "exists:", "file_matches:",
                "file_not_matches:", "workflow_step:", "fresh:", "{extend:", "{replace:", "exclude:"):
        assert key in text, key


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_each_yaml_block_validates(block, tmp_path):
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "readiness.yml").write_text(block)
    load_policy(None, tmp_path, env={}, strict=True, rules=catalogue())
