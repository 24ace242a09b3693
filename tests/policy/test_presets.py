"""regulated is stricter than production, which is stricter than baseline.

By construction (docs/policies.md): rule by rule the stricter preset's severity is
at least the other's, no preset turns a rule off, domain weights are shared,
`unknown` only goes from skip to fail. The corpus test checks the consequence.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate.collect import collect
from gate.evaluate import evaluate
from gate.policy.load import SEVERITY_RANK, load_policy, preset_names
from gate.policy.schema import SCHEMA_PATH
from gate.rules import DOMAIN_ORDER, all_rules
from gate.score import score

LADDER = ("baseline", "production", "regulated")
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


def test_every_preset_and_base_layer_validates():
    assert set(LADDER) <= set(preset_names())
    for name in preset_names():
        load_policy(name, strict=True, env={})  # raises PolicyError naming file:line


def test_schema_domains_are_the_registry_domains():
    schema = json.loads(SCHEMA_PATH.read_text())
    assert schema["$defs"]["domain"]["enum"] == DOMAIN_ORDER


@pytest.mark.parametrize("lenient,strict", list(zip(LADDER, LADDER[1:])))
def test_presets_are_ordered_rule_by_rule(lenient, strict):
    lo, hi = load_policy(lenient, env={}), load_policy(strict, env={})
    for rule in all_rules():
        a, b = lo.severity(rule.id, rule.severity), hi.severity(rule.id, rule.severity)
        assert (a == "off") == (rule.severity == "off") and (b == "off") == (rule.severity == "off"), rule.id
        assert SEVERITY_RANK[a] <= SEVERITY_RANK[b], f"{rule.id}: {lenient} {a} > {strict} {b}"
    assert lo.weights == hi.weights
    assert (lo.unknown, hi.unknown) != ("fail", "skip") and lo.threshold <= hi.threshold
    for key in ("waivers", "custom_rules", "profiles"):
        assert not lo.data.get(key) and not hi.data.get(key)


def _corpus() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not beside this clone: {CORPUS} does not exist")
    return sorted(p for p in CORPUS.iterdir() if p.is_dir())


def test_stricter_presets_score_no_higher_and_block_no_less_on_the_corpus():
    presets = [load_policy(name, env={}) for name in LADDER]
    worse = []
    for repo in _corpus():
        evidence = collect(repo, presets[1])  # the presets share their signatures, so one collection serves all
        runs = []
        for p in presets:
            results = evaluate(evidence, p).results
            runs.append((score(results, p.weights, p.threshold).score, sum(r.blocking for r in results)))
        for (name_lo, (s_lo, b_lo)), (name_hi, (s_hi, b_hi)) in zip(zip(LADDER, runs), zip(LADDER[1:], runs[1:])):
            if s_hi > s_lo or b_hi < b_lo:
                worse.append(f"{repo.name}: {name_hi} {s_hi}/{b_hi} blockers vs {name_lo} {s_lo}/{b_lo}")
    assert not worse, "\n".join(worse)
