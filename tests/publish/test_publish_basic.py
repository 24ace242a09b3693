"""The happy paths a user sees: one check run, one sticky comment, statuses, summaries."""
from __future__ import annotations

from conftest import HEAD_SHA, PR, make_report, publish

from gate.publish.comment import marker


def test_first_and_second_run_leave_exactly_one_comment(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    first = publish(make_report("FAIL"), env)
    second = publish(make_report("PASS"), env)
    assert (first.code, second.code) == (1, 0)
    ours = fake_github.comments_with(PR, marker("readiness-gate"))
    assert len(ours) == 1
    assert "PASS" in ours[0]["body"] and "FAIL" not in ours[0]["body"].split("\n")[1]
    assert [c["name"] for c in fake_github.repo.check_runs] == ["readiness-gate", "readiness-gate"]
    assert [c["conclusion"] for c in fake_github.repo.check_runs] == ["failure", "success"]
    assert {c["head_sha"] for c in fake_github.repo.check_runs} == {HEAD_SHA}  # the PR head, not GITHUB_SHA
    # a first run: create the check run, who am I, list, create, list again (a racer's copy?);
    # a rerun updates in place and has nothing to settle
    assert [r.op_id for r in fake_github.requests] == [
        "checks/create", "users/get-authenticated", "issues/list-comments", "issues/create-comment",
        "issues/list-comments",
        "checks/create", "users/get-authenticated", "issues/list-comments", "issues/update-comment"]


def test_commit_status_with_custom_name(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    run = publish(make_report("FAIL"), actions_env(fake_github), status="commit-status",
                  status_name="gate/prod", comment="never")
    assert run.code == 1
    [status] = fake_github.repo.statuses
    assert (status["context"], status["state"], status["sha"]) == ("gate/prod", "failure", HEAD_SHA)
    assert len(status["description"]) <= 140
    assert status["target_url"] == "https://github.com/octo/app/actions/runs/99"
    assert fake_github.calls("issues/list-comments") == []


def test_two_gates_keep_their_own_comments(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    for name in ("readiness-gate", "readiness-gate/release", "readiness-gate", "readiness-gate/release"):
        assert publish(make_report("FAIL"), env, status_name=name).code == 1
    assert len(fake_github.comments_with(PR, marker("readiness-gate"))) == 1
    assert len(fake_github.comments_with(PR, marker("readiness-gate/release"))) == 1


def test_annotations_are_batched_fifty_per_request(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    report = make_report("FAIL", failing=3, locations_per_result=41)  # 123 annotations
    run = publish(report, actions_env(fake_github), comment="never")
    assert run.code == 1
    [check] = fake_github.repo.check_runs
    assert len(check["annotations"]) == 123
    sizes = [len((r.body.get("output") or {}).get("annotations") or [])
             for r in fake_github.requests if r.op_id in ("checks/create", "checks/update")]
    assert sizes == [50, 50, 23]
    assert check["annotations"][0]["annotation_level"] == "failure"  # blocker → failure
    assert check["annotations"][-1]["annotation_level"] == "warning"


def test_workflow_commands_and_job_summary_without_any_token(fake_github, actions_env):
    run = publish(make_report("FAIL"), actions_env(fake_github, token=None))
    assert run.code == 1  # the verdict: nothing was required that a missing token made impossible
    assert "::error file=.github/workflows/ci.yml,line=10,title=ci.rule-0::no tests run" in run.out
    assert "Readiness" in run.summary or "FAIL" in run.summary
    assert run.out.count("No token in $GITHUB_TOKEN") == 1
    assert fake_github.requests == []


def test_comment_modes(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    tag = marker("readiness-gate")
    publish(make_report("PASS"), env, comment="on-failure")
    assert fake_github.comments_with(PR, tag) == []  # passing, nothing to say
    publish(make_report("FAIL"), env, comment="on-failure")
    assert len(fake_github.comments_with(PR, tag)) == 1
    publish(make_report("PASS"), env, comment="on-failure", on_pass="delete")
    assert fake_github.comments_with(PR, tag) == []  # the stale failing comment is gone
    publish(make_report("FAIL"), env, comment="never")
    assert fake_github.comments_with(PR, tag) == []


def test_minimise_a_stale_failing_comment_and_show_it_again(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    tag = marker("readiness-gate")
    publish(make_report("FAIL"), env, comment="on-failure", on_pass="minimize")
    publish(make_report("PASS"), env, comment="on-failure", on_pass="minimize")
    [comment] = fake_github.comments_with(PR, tag)
    assert comment["id"] in fake_github.repo.minimized
    publish(make_report("FAIL"), env, comment="on-failure", on_pass="minimize")
    [comment] = fake_github.comments_with(PR, tag)
    assert comment["id"] not in fake_github.repo.minimized  # failing again: visible again


def test_a_comment_by_someone_else_with_the_marker_is_not_edited(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.add_comment(PR, "unrelated <!-- readiness-gate:readiness-gate --> quoted", login="mallory")
    publish(make_report("FAIL"), actions_env(fake_github))
    bodies = [c["body"] for c in fake_github.repo.comments[PR]]
    assert bodies[0].startswith("unrelated")
    assert len(fake_github.comments_with(PR, "Readiness")) + len(fake_github.comments_with(PR, "FAIL")) >= 1
