"""governance.* rules: CODEOWNERS offline; the API rules need a token."""
import pytest


def test_codeowners_passes_at_the_file(run_rule, locs):
    r = run_rule("library-not-deployable", "governance.codeowners")
    assert r.status == "pass"
    assert locs(r) == [".github/CODEOWNERS:1"]


def test_codeowners_fails_and_points_where_it_belongs(run_rule, locs):
    r = run_rule("no-ci-deployable", "governance.codeowners")
    assert r.status == "fail"
    assert locs(r) == [".github/CODEOWNERS"]


@pytest.mark.parametrize("rule_id", ["governance.branch-protection", "governance.gate-required"])
def test_api_rules_skip_without_a_token(run_rule, rule_id):
    r = run_rule("library-not-deployable", rule_id)
    assert r.status == "unknown" and r.counts_as == "skip" and not r.blocking
    assert "token" in r.message


@pytest.mark.parametrize("rule_id", ["governance.branch-protection", "governance.gate-required"])
def test_api_rules_fail_under_regulated_when_unknown(run_rule, rule_id):
    r = run_rule("library-not-deployable", rule_id, policy="regulated")
    assert r.status == "unknown" and r.counts_as == "fail" and r.failing
    assert "token" in r.message
