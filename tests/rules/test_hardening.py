"""hardening.* rules: zizmor's findings judged by the policy, over fixture repositories.

zizmor runs for real in every test; only the broken-zizmor test stands a failing
executable in for it (READINESS_GATE_ZIZMOR).
"""
from __future__ import annotations

import json
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from gate.collect import collect
from gate.collect.zizmor import EXECUTABLE_ENV, zizmor_executable
from gate.evaluate import evaluate
from gate.rules import all_rules, get_rule
from gate.rules.hardening import AUDITS, MAPPED

WF = ".github/workflows"
DATA = Path(__file__).resolve().parents[1] / "data" / "zizmor"
HARDENING = [r for r in all_rules() if r.domain == "hardening"]


def at(path: str, line: int, text_line: str, needle: str) -> str:
    """`path:line:column` of `needle` on that line, as zizmor counts columns (1-based)."""
    return f"{path}:{line}:{text_line.index(needle) + 1}"


def located(result) -> list[str]:
    return [f"{loc}:{loc.column}" for loc in result.locations]


def sink(name: str, rel: str, needle: str, line_of) -> str:
    line = line_of(name, rel, needle)
    text = (Path(__file__).resolve().parents[1] / "fixtures" / name / rel).read_text().splitlines()[line - 1]
    return at(rel, line, text, needle)


# ---------------------------------------------------------------- script injection (issue 14 item 7)


def test_free_text_dispatch_input_in_run_fails_at_the_sink(run_rule, line_of):
    name, path = "hardening-dispatch-input-injection", f"{WF}/release.yml"
    r = run_rule(name, "hardening.script-injection")
    assert (r.status, r.severity) == ("fail", "blocker")
    # the string input, not the choice input on the line above it
    assert located(r) == [sink(name, path, "inputs.notes", line_of)]
    assert "https://docs.zizmor.sh/audits/#template-injection" in r.details[0]


def test_dispatch_input_through_env_passes(run_rule):
    r = run_rule("hardening-dispatch-input-via-env", "hardening.script-injection")
    assert r.status == "pass" and "template-injection" in r.message


def test_value_passed_into_a_local_composite_action_fails_where_the_action_expands_it(run_rule, line_of):
    name, path = "hardening-composite-input-injection", ".github/actions/greet/action.yml"
    r = run_rule(name, "hardening.script-injection")
    assert r.status == "fail"
    assert located(r) == [sink(name, path, "inputs.title", line_of)]
    # the sink is zizmor's; the source is named from the gate's workflow model
    caller = f"{WF}/greet.yml:{line_of(name, f'{WF}/greet.yml', 'uses: ./.github/actions/greet')}"
    assert f"fed by {caller}: `title: ${{{{ github.event.pull_request.title }}}}`" in r.message


def test_composite_action_that_reads_its_input_from_env_passes(run_rule):
    assert run_rule("hardening-composite-input-via-env", "hardening.script-injection").status == "pass"


def test_attacker_controlled_contexts_fail_at_each_expression(run_rule, line_of):
    name, path = "hardening-script-injection", f"{WF}/triage.yml"
    r = run_rule(name, "hardening.script-injection")
    assert r.status == "fail"
    assert located(r)[:2] == [sink(name, path, "github.event.pull_request.title", line_of),
                              sink(name, path, "github.event.comment.body", line_of)]
    assert len(r.locations) == 3  # and the github-script `script:`


# ---------------------------------------------------------------- waived by zizmor's own configuration


def test_inline_zizmor_ignore_shows_as_waived_with_its_reason(run_rule):
    r = run_rule("hardening-zizmor-ignore-inline", "hardening.script-injection")
    assert r.status == "waived"
    assert "reviewed by security, SEC-142" in r.message
    assert [str(loc) for loc in r.locations] == [f"{WF}/label.yml:12"]


def test_zizmor_yml_ignore_shows_as_waived_with_its_reason(run_rule):
    r = run_rule("hardening-zizmor-ignore-config", "hardening.script-injection")
    assert r.status == "waived"
    assert ".github/zizmor.yml: rules.template-injection.ignore: label.yml:12" in r.message
    assert "SEC-142" in r.message


def test_the_same_workflow_without_the_ignore_fails(run_rule, repo):
    src = Path(__file__).resolve().parents[1] / "fixtures" / "hardening-zizmor-ignore-config" / WF / "label.yml"
    r = run_rule(repo({f"{WF}/label.yml": src.read_text()}), "hardening.script-injection")
    assert r.status == "fail"


# ---------------------------------------------------------------- the rules that keep their ids


def test_pinned_actions_fails_at_each_unpinned_use(run_rule, line_of):
    name, path = "hardening-unpinned-actions", f"{WF}/ci.yml"
    r = run_rule(name, "hardening.pinned-actions")
    assert r.status == "fail"
    # zizmor's default policy wants a hash everywhere: steps and the remote reusable workflow
    assert located(r) == [sink(name, path, needle, line_of) for needle in
                          ("actions/checkout@v4", "codecov/codecov-action@v4",
                           "example/workflows/.github/workflows/lint.yml@main")]
    assert "3 unpinned" in r.message


def test_pinned_actions_passes_when_every_use_is_pinned(run_rule):
    r = run_rule("hardening-pinned-actions", "hardening.pinned-actions")
    assert r.status == "pass" and "unpinned-uses" in r.message


def test_token_permissions_fails_without_a_permissions_block(run_rule):
    r = run_rule("hardening-first-party-actions-only", "hardening.token-permissions")
    assert r.status == "fail" and "default permissions" in r.message
    assert [str(loc) for loc in r.locations] == [f"{WF}/ci.yml:3"]


def test_token_permissions_fails_on_write_all(run_rule, line_of):
    name = "hardening-write-all-permissions"
    r = run_rule(name, "hardening.token-permissions")
    assert r.status == "fail" and "write-all" in r.message


def test_token_permissions_passes_when_set(run_rule):
    assert run_rule("hardening-pinned-actions", "hardening.token-permissions").status == "pass"


def test_dangerous_trigger_fails(run_rule, line_of):
    name, path = "hardening-pull-request-target-checkout", f"{WF}/pr-target.yml"
    r = run_rule(name, "hardening.dangerous-triggers")
    assert (r.status, r.severity) == ("fail", "blocker")
    assert [str(loc) for loc in r.locations] == [f"{path}:{line_of(name, path, 'pull_request_target')}"]


def test_dangerous_triggers_pass_on_pull_request(run_rule):
    assert run_rule("hardening-script-injection-via-env", "hardening.dangerous-triggers").status == "pass"


@pytest.mark.parametrize("rule", [r.id for r in HARDENING])
def test_every_hardening_rule_skips_without_workflows(run_rule, rule):
    assert run_rule("no-ci-deployable", rule).status == "skip"


def test_online_rules_skip_while_zizmor_runs_offline(run_rule):
    r = run_rule("hardening-unpinned-actions", "hardening.known-vulnerable-actions")
    assert r.status == "skip" and "online" in r.message and not r.unknown


def test_threshold_params_filter_by_zizmors_severity_and_confidence(evidence_for):
    from gate.rules.base import Context

    # artipacked is medium severity, low confidence: a policy that wants medium confidence lets it pass
    ev, check = evidence_for("hardening-unpinned-actions"), get_rule("hardening.credential-persistence").check
    strict = check(ev, Context(params={"min_severity": "low", "min_confidence": "medium"}, sig=None))
    assert strict.status == "pass"
    assert "1 below the policy's threshold: low severity, medium confidence" in strict.message
    assert strict.details[0].startswith("below the threshold: .github/workflows/ci.yml:8:")
    default = check(ev, Context(params=dict(get_rule("hardening.credential-persistence").params), sig=None))
    assert default.status == "fail"
    high = check(ev, Context(params={"min_severity": "high", "min_confidence": "low"}, sig=None))
    assert high.status == "pass"  # medium severity is under a high bar


# ---------------------------------------------------------------- zizmor cannot run


def test_a_broken_zizmor_makes_every_hardening_rule_unknown_with_the_reason(tmp_path, monkeypatch):
    from gate.policy.load import load_policy

    exe = tmp_path / "bin" / "zizmor"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\necho 'fatal: no audit was performed' >&2\nexit 2\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(EXECUTABLE_ENV, str(exe))
    root = Path(__file__).resolve().parents[1] / "fixtures" / "hardening-script-injection"
    for preset in ("production", "regulated"):
        policy = load_policy(preset, env={})
        results = evaluate(collect(root, policy), policy, rules=HARDENING).results
        assert len(results) == len(HARDENING)
        for r in results:
            assert r.status == "unknown", r.rule.id
            assert r.failing == (preset == "regulated"), r.rule.id  # the policy's `unknown:` decides
            assert r.message == "zizmor could not run: zizmor exited with status 2: fatal: no audit was performed."


# ---------------------------------------------------------------- agreement with zizmor on its own test data


def _sample() -> list[Path]:
    files = sorted(p for p in DATA.rglob("*.y*ml") if "/.github/" not in str(p.relative_to(DATA))
                   and p.name not in ("zizmor.yml", "zizmor.yaml", "dependabot.yml", "dependabot.yaml")
                   and not p.name.startswith(".pre-commit") and "action.y" not in p.name)
    return files[::3]  # every third: some eighty workflows across the audits


def test_the_vendored_test_data_is_zizmors_with_its_licence():
    assert "MIT License" in (DATA / "LICENSE").read_text()
    assert len(list(DATA.rglob("*.yml"))) > 200


def test_hardening_results_agree_with_zizmor_on_its_own_test_workflows(tmp_path):
    """By construction: every finding zizmor reports for a mapped audit is a failure (or,
    under an inline ignore, a waiver) of that audit's rule, at the same file, line and column."""
    from gate.policy.load import load_policy

    sample = _sample()
    assert len(sample) >= 60
    root = tmp_path / "repo"
    (root / WF).mkdir(parents=True)
    names = {}
    for i, src in enumerate(sample):
        name = f"w{i:03d}-{src.name}"
        shutil.copyfile(src, root / WF / name)
        names[name] = src.relative_to(DATA)
    # zizmor alone, as a user runs it (ignores honoured), every finding at informational and up
    own = subprocess.run([zizmor_executable(), "--offline", "--no-exit-codes", "--no-config", "--format", "json",
                          WF], cwd=root, capture_output=True, check=True)
    expected: dict[str, set[str]] = {rid: set() for rid in AUDITS}
    for f in json.loads(own.stdout):
        prim = next(loc for loc in f["locations"] if loc["symbolic"]["kind"] == "Primary")
        path = prim["symbolic"]["key"]["Local"]["verbatim_path"].removeprefix("./")
        start = prim["concrete"]["location"]["start_point"]
        for rid, audits in AUDITS.items():
            if f["ident"] in audits:
                expected[rid].add(f"{path}:{start['row'] + 1}:{start['column'] + 1}")
    assert sum(map(len, expected.values())) >= 40  # the sample exercises the audits

    lowest = {"min_severity": "informational", "min_confidence": "low"}
    policy = load_policy("production", env={})
    ev = collect(root, policy)
    assert ev.zizmor.ran and len(ev.zizmor.inputs) == len(sample)
    for rid in AUDITS:
        if rid in ("hardening.known-vulnerable-actions", "hardening.impostor-commits"):
            continue  # online audits: zizmor ran offline on both sides
        from gate.rules.base import Context

        out = get_rule(rid).check(ev, Context(params=lowest, sig=policy.signatures))
        got = {d.split(": [", 1)[0] for d in out.details if not d.startswith(("waived:", "below"))}
        assert got == expected[rid], rid
        assert out.status == ("fail" if expected[rid] else ("waived" if out.status == "waived" else "pass")), rid


def test_every_audit_zizmor_reported_on_the_sample_is_judged_by_some_rule(tmp_path):
    from gate.policy.load import load_policy

    root = tmp_path / "repo"
    (root / WF).mkdir(parents=True)
    for i, src in enumerate(_sample()):
        shutil.copyfile(src, root / WF / f"w{i:03d}-{src.name}")
    ev = collect(root, load_policy("production", env={}))
    others = {f.audit for f in ev.zizmor.findings} - MAPPED
    r = evaluate(ev, load_policy("production", env={}), rules=[get_rule("hardening.other-findings")]).results[0]
    assert {line.split("[", 1)[1].split("]", 1)[0] for line in r.details} == others


def test_other_findings_list_low_severity_extras_without_failing(run_rule):
    # `uses: ./.github/actions/greet` draws zizmor's low-severity self-repository finding
    r = run_rule("hardening-composite-input-injection", "hardening.other-findings")
    assert (r.status, r.severity) == ("pass", "info")
    assert "below the policy's threshold: medium severity" in r.message
    assert any("[self-repository]" in d for d in r.details)


def test_pull_request_target_is_dangerous_even_when_only_the_base_is_checked_out(run_rule, line_of):
    # the gate used to pass this; zizmor flags the trigger itself (medium confidence), and the
    # policy's `min_confidence: high` on the rule is how a team accepts such a workflow
    name, path = "hardening-pull-request-target-base-only", f"{WF}/label.yml"
    r = run_rule(name, "hardening.dangerous-triggers")
    assert r.status == "fail"
    assert [str(loc) for loc in r.locations] == [f"{path}:{line_of(name, path, 'pull_request_target')}"]
    assert "medium confidence" in r.details[0]
