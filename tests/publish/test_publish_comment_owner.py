"""The sticky comment is the gate's own: matched by marker and author, exactly one after any runs."""
from __future__ import annotations

import threading

from conftest import HEAD_SHA, PR, make_report, publish

from gate.publish.comment import marker
from tests.github_fake import Fault

TAG = marker("readiness-gate")


def _bodies(fake) -> list[str]:
    return [c["body"] for c in fake.repo.comments[PR]]


def test_a_fork_authors_comment_with_the_marker_is_never_adopted(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    planted = f"{TAG}\nPASS, trust me"
    fake_github.add_comment(PR, planted, login="mallory")
    env = actions_env(fake_github)
    for verdict in ("FAIL", "FAIL"):
        assert publish(make_report(verdict), env).code == 1
    assert _bodies(fake_github)[0] == planted  # never edited
    ours = [c for c in fake_github.comments_with(PR, TAG) if c["user"]["login"] == "github-actions[bot]"]
    assert len(ours) == 1 and "FAIL" in ours[0]["body"]
    assert not fake_github.calls("issues/delete-comment")
    publish(make_report("PASS"), env, comment="on-failure", on_pass="delete")
    assert _bodies(fake_github) == [planted]  # only our own was deleted


def test_with_a_user_token_the_bots_marked_comment_is_not_ours_either(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.as_user("octocat")
    other = fake_github.add_comment(PR, f"{TAG}\nanother gate's bot", login="github-actions[bot]")
    env = actions_env(fake_github)
    publish(make_report("FAIL"), env)
    publish(make_report("PASS"), env)
    assert other["body"] == f"{TAG}\nanother gate's bot"
    ours = [c for c in fake_github.comments_with(PR, TAG) if c["user"]["login"] == "octocat"]
    assert len(ours) == 1 and "PASS" in ours[0]["body"]
    assert len(fake_github.calls("users/get-authenticated")) == 2  # once a run


def test_a_note_a_person_added_above_the_marker_does_not_make_a_second_comment(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    publish(make_report("FAIL"), env)
    [comment] = fake_github.comments_with(PR, TAG)
    comment["body"] = "> Maintainer: known, fixing in #12\n\n" + comment["body"]
    assert publish(make_report("PASS"), env).code == 0
    [comment] = fake_github.comments_with(PR, TAG)
    assert "PASS" in comment["body"]


def test_an_apps_installation_token_learns_its_own_login_and_keeps_one_comment(fake_github, actions_env):
    # Not GITHUB_TOKEN: another app's installation token. GET /user is 403 and GET /app wants a JWT,
    # so the first create names the author; later runs settle on the oldest.
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.bot = {**fake_github.bot, "login": "readiness-app[bot]", "id": 9001}
    env = actions_env(fake_github)
    for verdict in ("FAIL", "FAIL", "PASS"):
        publish(make_report(verdict), env)
    [comment] = fake_github.comments_with(PR, TAG)
    assert "PASS" in comment["body"] and comment["user"]["login"] == "readiness-app[bot]"


def test_two_publishes_at_the_same_moment_leave_one_comment(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    # Both list the comments before either creates one: both create, then both settle.
    barrier = threading.Barrier(2)
    fake_github.inject("issues/list-comments", Fault.race(barrier), Fault.race(barrier))
    codes: list[int] = []
    runs = [threading.Thread(target=lambda v=v: codes.append(publish(make_report(v), env).code))
            for v in ("FAIL", "FAIL")]
    for t in runs:
        t.start()
    for t in runs:
        t.join(60)
    assert sorted(codes) == [1, 1]
    assert len(fake_github.calls("issues/create-comment")) == 2  # the race really happened
    assert len(fake_github.comments_with(PR, TAG)) == 1
    assert len(fake_github.repo.check_runs) == 2  # one per run, as GitHub keeps them


def test_a_race_found_on_the_next_run_is_cleaned_up(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    first = fake_github.add_comment(PR, f"{TAG}\nold")
    fake_github.add_comment(PR, f"{TAG}\nolder race")
    assert publish(make_report("FAIL"), actions_env(fake_github)).code == 1
    [kept] = fake_github.comments_with(PR, TAG)
    assert kept["id"] == first["id"] and "FAIL" in kept["body"]  # the oldest is kept


def test_a_comment_deleted_meanwhile_is_gone_not_a_missing_permission(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    publish(make_report("FAIL"), env)
    fake_github.inject("issues/update-comment", Fault.not_found())
    run = publish(make_report("FAIL"), env)
    assert run.code == 1, run.err
    assert "::warning" not in run.out and "permission" not in run.out + run.err
    assert len(fake_github.comments_with(PR, TAG)) == 1  # created afresh
    fake_github.inject("issues/delete-comment", Fault.not_found())
    run = publish(make_report("PASS"), env, comment="on-failure", on_pass="delete")
    assert run.code == 0 and "::warning" not in run.out
    assert "PR comment deleted" in run.out


def test_two_runs_that_race_on_settling_still_leave_one(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    barrier = threading.Barrier(2)
    # Both runs create, and both then list again at the same moment: each deletes the other's copy.
    fake_github.inject("issues/list-comments", Fault.race(barrier), Fault.race(barrier),
                       Fault.race(barrier), Fault.race(barrier))
    codes: list[int] = []
    runs = [threading.Thread(target=lambda: codes.append(publish(make_report("FAIL"), env).code)) for _ in range(2)]
    for t in runs:
        t.start()
    for t in runs:
        t.join(60)
    assert codes == [1, 1]
    assert len(fake_github.comments_with(PR, TAG)) == 1
