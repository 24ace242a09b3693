"""A report is published only on the commit it judged, or the run says why it accepts another."""
from __future__ import annotations

from conftest import HEAD_SHA, PR, make_report, publish

from gate.publish.comment import marker

MERGE = "c" * 40  # GITHUB_SHA on pull_request: the test-merge commit of the head with its base
OTHER = "9" * 40


def _judged(sha, key="subject"):
    report = make_report("FAIL")
    report[key] = {**(report.get(key) or {}), "sha": sha, "ref": "refs/pull/7/merge"}
    return report


def test_a_report_of_another_commit_is_refused(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    run = publish(_judged(OTHER), actions_env(fake_github))
    assert run.code == 2
    assert f"judged commit {OTHER[:12]}" in run.err and HEAD_SHA[:12] in run.err
    assert fake_github.repo.check_runs == [] and fake_github.comments_with(PR, marker("readiness-gate")) == []


def test_older_reports_name_the_commit_under_repository(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    assert publish(_judged(OTHER, key="repository"), actions_env(fake_github)).code == 2
    assert publish(_judged(None), actions_env(fake_github)).code == 1  # no commit named: as before


def test_the_report_of_the_pull_requests_merge_commit_is_accepted_and_said(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    env["GITHUB_SHA"] = MERGE
    run = publish(_judged(MERGE), env)
    assert run.code == 1, run.err
    assert "test-merge commit" in run.out and f"publishing on {HEAD_SHA[:12]}" in run.out
    assert fake_github.repo.check_runs[0]["head_sha"] == HEAD_SHA


def test_workflow_run_accepts_a_merge_commit_whose_parent_is_the_head(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.repo.commits[MERGE] = ["0" * 40, HEAD_SHA]
    payload = {"workflow_run": {"head_sha": HEAD_SHA, "event": "pull_request", "head_branch": "feature",
                                "html_url": "https://github.com/octo/app/actions/runs/5",
                                "head_repository": {"owner": {"login": "octo"}},
                                "pull_requests": [{"number": PR, "head": {"sha": HEAD_SHA}}]}}
    run = publish(_judged(MERGE), actions_env(fake_github, "workflow_run", payload))
    assert run.code == 1, run.err
    assert "a merge commit whose parent is head" in run.out
    fake_github.repo.commits[OTHER] = ["0" * 40, "1" * 40]  # a merge, but of something else
    assert publish(_judged(OTHER), actions_env(fake_github, "workflow_run", payload)).code == 2


def test_a_pull_request_event_without_its_payload_is_an_error_not_the_merge_commit(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    del env["GITHUB_EVENT_PATH"]
    run = publish(make_report("FAIL"), env)
    assert run.code == 2 and "no event payload" in run.err and "--sha" in run.err
    assert fake_github.requests == []
    env = actions_env(fake_github, payload={"action": "opened"})
    run = publish(make_report("FAIL"), env)
    assert run.code == 2 and "pull_request.head.sha" in run.err
    assert publish(make_report("FAIL"), env, sha=HEAD_SHA, pr_number=PR).code == 1  # said explicitly: fine


def test_a_report_of_the_wrong_shape_is_exit_2_with_what_is_wrong(fake_github, actions_env):
    env = actions_env(fake_github)
    for key, value, says in (("results", {"a": 1}, "`results` must be array"),
                             ("results", [1], "results[0] must be an object"),
                             ("summary", [], "`summary` must be object"),
                             ("score", "high", "`score` must be int or float"),
                             ("subject", {"sha": 7}, "`subject.sha` must be str")):
        report = make_report("PASS")
        report[key] = value
        run = publish(report, env)
        assert run.code == 2 and says in run.err, (key, run.err)
        assert "Traceback" not in run.err
    report = make_report("FAIL")
    report["results"][0]["locations"] = 5
    assert publish(report, env).code == 2
    assert fake_github.requests == []
