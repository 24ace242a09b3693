"""Which commit and which PR each event publishes to; GitHub Enterprise; the fork-safe workflow_run."""
from __future__ import annotations

import json

import pytest
from conftest import HEAD_SHA, PR, make_report, publish

from gate.publish.comment import marker
from gate.publish.context import ContextError, from_environment

BASE = {"GITHUB_REPOSITORY": "octo/app", "GITHUB_SHA": "b" * 40}


def _ctx(tmp_path, event, payload, **extra):
    path = tmp_path / "event.json"
    path.write_text(json.dumps(payload))
    return from_environment({**BASE, "GITHUB_EVENT_NAME": event, "GITHUB_EVENT_PATH": str(path), **extra})


@pytest.mark.parametrize("event", ["pull_request", "pull_request_target"])
def test_pull_request_events_use_the_head_commit(tmp_path, event):
    ctx = _ctx(tmp_path, event, {"number": 3, "pull_request": {"number": 3, "head": {"sha": "c" * 40}}})
    assert (ctx.pr_number, ctx.sha) == (3, "c" * 40)


def test_push_merge_group_and_release(tmp_path):
    assert _ctx(tmp_path, "push", {"after": "d" * 40}).sha == "d" * 40
    assert _ctx(tmp_path, "push", {"after": "0" * 40}).sha == "b" * 40  # a deleted branch: no real after
    mg = _ctx(tmp_path, "merge_group", {"merge_group": {"head_sha": "e" * 40, "head_ref": "gh-readonly-queue/main/x"}})
    assert (mg.sha, mg.pr_number) == ("e" * 40, None)
    rel = _ctx(tmp_path, "release", {"release": {"tag_name": "v1", "target_commitish": "main"}})
    assert (rel.sha, rel.pr_number) == ("b" * 40, None)


def test_workflow_run_takes_the_triggering_run(tmp_path):
    run = {"head_sha": "f" * 40, "event": "pull_request", "head_branch": "feat",
           "html_url": "https://github.com/octo/app/actions/runs/5",
           "head_repository": {"owner": {"login": "octo"}},
           "pull_requests": [{"number": 9, "head": {"sha": "f" * 40}}]}
    ctx = _ctx(tmp_path, "workflow_run", {"workflow_run": run})
    assert (ctx.sha, ctx.pr_number, ctx.details_url) == ("f" * 40, 9, run["html_url"])
    assert not ctx.wants_pr_lookup
    fork = _ctx(tmp_path, "workflow_run", {"workflow_run": {**run, "pull_requests": [],
                                                            "head_repository": {"owner": {"login": "forker"}}}})
    assert fork.pr_number is None and fork.wants_pr_lookup


def test_flags_override_the_environment(tmp_path):
    ctx = _ctx(tmp_path, "push", {}).with_overrides(sha="1" * 40, pr_number=4, repository="a/b", event_name=None)
    assert (ctx.sha, ctx.pr_number, ctx.repository, ctx.event_name) == ("1" * 40, 4, "a/b", "push")


def test_unreadable_event_payload_is_a_clear_error(tmp_path):
    with pytest.raises(ContextError, match="cannot read the event payload"):
        from_environment({"GITHUB_EVENT_PATH": str(tmp_path / "nope.json")})
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(ContextError, match="not JSON"):
        from_environment({"GITHUB_EVENT_PATH": str(tmp_path / "bad.json")})


def test_fork_workflow_run_finds_its_pr_by_head_branch(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA, head_ref="patch-1", head_owner="forker")
    fake_github.add_pull(8, "9" * 40, head_ref="patch-1", head_owner="someone-else")
    payload = {"workflow_run": {"head_sha": HEAD_SHA, "event": "pull_request", "head_branch": "patch-1",
                                "html_url": "https://github.com/octo/app/actions/runs/5", "pull_requests": [],
                                "head_repository": {"owner": {"login": "forker"}}}}
    run = publish(make_report("FAIL"), actions_env(fake_github, "workflow_run", payload))
    assert run.code == 1, run.err
    assert len(fake_github.comments_with(PR, marker("readiness-gate"))) == 1
    assert fake_github.comments_with(8, "readiness-gate") == []
    [pulls] = fake_github.calls("pulls/list")
    assert pulls.query["head"] == ["forker:patch-1"]
    assert fake_github.repo.check_runs[0]["head_sha"] == HEAD_SHA
    assert fake_github.repo.check_runs[0]["details_url"] == "https://github.com/octo/app/actions/runs/5"


def test_push_publishes_a_status_and_no_comment(fake_github, actions_env):
    run = publish(make_report("PASS"), actions_env(fake_github, "push", {"after": "d" * 40}))
    assert run.code == 0
    assert fake_github.repo.check_runs[0]["head_sha"] == "d" * 40
    assert fake_github.calls("issues/list-comments") == []


def test_github_enterprise_base_url(fake_ghes, actions_env):
    fake_ghes.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_ghes)
    assert env["GITHUB_API_URL"].endswith("/api/v3")
    publish(make_report("FAIL"), env, comment="on-failure", on_pass="minimize")
    run = publish(make_report("PASS"), env, comment="on-failure", on_pass="minimize")  # GraphQL on GHES
    assert run.code == 0, run.err
    assert all(r.path.startswith("/repos/") or r.path in ("/user", "/api/graphql") for r in fake_ghes.requests)
    [comment] = fake_ghes.comments_with(PR, marker("readiness-gate"))
    assert comment["id"] in fake_ghes.repo.minimized
