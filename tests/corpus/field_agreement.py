"""Agreement of the gate with the field corpus's settled labels (tests/corpus/field/).

Used by the test and runnable on its own to print the table the closing notes quote:
`python tests/corpus/field_agreement.py [labels-folder]`.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

FIELD = Path(__file__).resolve().parent / "field"
BLOCKERS = ("ci.workflows-present", "ci.workflow-valid", "ci.pull-request-trigger", "ci.tests-run",
            "delivery.environments-declared", "delivery.promotion-order", "rollback.path-present")


def labelled(folder: str = "labels") -> list[tuple[Path, dict]]:
    root = FIELD / folder
    if not root.is_dir():
        return []
    out = []
    for f in sorted(root.glob("*.json")):
        repo = FIELD / "repos" / f.stem
        if repo.is_dir():
            out.append((repo, json.loads(f.read_text())))
    return out


def gate_statuses(repo: Path) -> tuple[dict[str, str], set[str]]:
    """Each rule's status, and the rules that block, under the default policy offline."""
    from gate.engine import Options, run

    results = run(repo, Options(policy="production")).evaluation.results
    return {r.rule.id: r.status for r in results}, {r.rule.id for r in results if r.blocking}


def compare(rows: list[tuple[Path, dict]]) -> dict:
    per_family: dict[str, list[bool]] = defaultdict(list)
    per_rule: dict[str, list[bool]] = defaultdict(list)
    disagreements: list[tuple[str, str, str, str]] = []
    failed_blockers = held = label_fails = caught = 0
    for repo, label in rows:
        got, blocking = gate_statuses(repo)
        for rid, want in label["rules"].items():
            status = want["status"] if isinstance(want, dict) else want
            if rid not in got:
                continue
            ok = got[rid] == status
            per_family[rid.split(".")[0]].append(ok)
            per_rule[rid].append(ok)
            if not ok:
                disagreements.append((repo.name, rid, status, got[rid]))
            if rid in BLOCKERS:
                if rid in blocking:
                    failed_blockers += 1
                    held += status == "fail"
                if status == "fail":
                    label_fails += 1
                    caught += rid in blocking
    total = [ok for oks in per_family.values() for ok in oks]
    return {
        "repos": len(rows),
        "agreement": sum(total) / len(total) if total else 1.0,
        "per_family": {f: (sum(v), len(v)) for f, v in sorted(per_family.items())},
        "per_rule": {r: (sum(v), len(v)) for r, v in sorted(per_rule.items())},
        "blocker_precision": (held, failed_blockers),
        "blocker_recall": (caught, label_fails),
        "disagreements": disagreements,
    }


def summary(table: dict) -> str:
    held, failed = table["blocker_precision"]
    caught, fails = table["blocker_recall"]
    fam = ", ".join(f"{f} {a}/{n}" for f, (a, n) in table["per_family"].items())
    return (f"field corpus ({table['repos']} repositories): agreement {table['agreement']:.1%}; {fam}; "
            f"blocker precision {held}/{failed}; blocker recall {caught}/{fails}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    t = compare(labelled(sys.argv[1] if len(sys.argv) > 1 else "labels"))
    print(summary(t))
    for rid, (a, n) in t["per_rule"].items():
        print(f"  {rid:42} {a}/{n}")
    for row in t["disagreements"]:
        print("  disagree:", *row)
