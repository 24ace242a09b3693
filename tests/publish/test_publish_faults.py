"""Each fault GitHub or the network can throw at a run: its outcome, and one comment after it."""
from __future__ import annotations

import pytest
from conftest import HEAD_SHA, PR, make_report, publish

from gate.publish.comment import marker
from tests.github_fake import Fault
from tests.github_fake.fixture import TOKEN

TAG = marker("readiness-gate")

# Faults on the comment's POST that a run must ride out. apply_first: GitHub created the
# comment and then the answer was lost (a half-way failure): a blind retry would duplicate it.
RECOVERABLE = {
    "500": [Fault.server_error(500)],
    "502 twice": [Fault.server_error(502), Fault.server_error(502)],
    "503": [Fault.server_error(503)],
    "502 after creating": [Fault.server_error(502, apply_first=True)],
    "reset": [Fault.connection_reset()],
    "reset after creating": [Fault.connection_reset(apply_first=True)],
    "secondary rate limit": [Fault.secondary_rate_limit(retry_after=7)],
    "429 retry-after": [Fault.too_many_requests(retry_after=3)],
    "429 ratelimit-reset": [Fault.too_many_requests(reset_in=5)],
    "cut-off answer after creating": [Fault.cut_off()],
    "HTML answer after creating": [Fault.html(200, apply_first=True)],
}


@pytest.mark.parametrize("faults", RECOVERABLE.values(), ids=RECOVERABLE.keys())
def test_comment_write_faults_leave_exactly_one_comment(fake_github, actions_env, faults):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    fake_github.inject("issues/create-comment", *faults)
    first = publish(make_report("FAIL"), env)
    assert first.code == 1, first.err
    assert len(fake_github.comments_with(PR, TAG)) == 1
    second = publish(make_report("FAIL"), env)  # a rerun finds and updates it
    assert second.code == 1
    assert len(fake_github.comments_with(PR, TAG)) == 1


def test_retry_after_and_reset_are_honoured(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", Fault.secondary_rate_limit(retry_after=7))
    fake_github.inject("issues/list-comments", Fault.too_many_requests(retry_after=4),
                       Fault.primary_rate_limit(reset_in=10))
    run = publish(make_report("FAIL"), actions_env(fake_github))
    assert run.code == 1, run.err
    assert run.sleeps[0] == 7 and run.sleeps[1] == 4
    assert 9 <= run.sleeps[2] <= 11.5  # until x-ratelimit-reset, plus a second
    assert len(fake_github.comments_with(PR, TAG)) == 1


@pytest.mark.parametrize("status", [500, 502, 503])
def test_read_faults_are_retried_with_backoff(fake_github, actions_env, status):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("issues/list-comments", Fault.server_error(status), Fault.server_error(status))
    run = publish(make_report("FAIL"), actions_env(fake_github))
    assert run.code == 1
    assert len(fake_github.calls("issues/list-comments")) == 3 + 1  # two retries, then the check for a racer's copy
    assert len(run.sleeps) == 2 and run.sleeps[1] > run.sleeps[0]  # exponential backoff
    assert len(fake_github.comments_with(PR, TAG)) == 1


def test_a_stalled_answer_times_out_and_is_retried(fake_github, actions_env):
    # Only the stalled requests run with the short timeout: nothing else can be slow enough to trip it.
    from gate.github.client import ApiError, Client, ClientSettings

    fake_github.inject("repos/get", Fault.slow(30), Fault.slow(30))
    client = Client(ClientSettings(api_url=fake_github.api_url, token=TOKEN, timeout=1, retries=1, backoff=0))
    with pytest.raises(ApiError, match="did not answer in time after 2 attempts"):
        client.get("/repos/octo/app", action="repos")
    assert len(fake_github.calls("repos/get")) == 2 and client.requests == 2


def test_a_reset_read_is_retried(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("issues/list-comments", Fault.connection_reset())
    run = publish(make_report("PASS"), actions_env(fake_github))
    assert run.code == 0, run.err
    assert len(fake_github.comments_with(PR, TAG)) == 1


def test_persistent_server_errors_exit_3_and_still_print_the_verdict(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", *[Fault.server_error(503)] * 10)
    run = publish(make_report("PASS"), actions_env(fake_github))
    assert run.code == 3
    assert "PASS" in run.out.splitlines()[0]
    assert "publishing failed: check-run: HTTP 503" in run.err
    assert len(run.err.strip().splitlines()) == 1  # one line, no traceback
    assert len(fake_github.calls("checks/create")) == 4  # bounded: 1 + 3 retries
    assert len(fake_github.comments_with(PR, TAG)) == 1  # the comment did not depend on the status


def test_a_bad_token_exits_3(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    run = publish(make_report("FAIL"), actions_env(fake_github, token="ghs_wrongwrongwrongwrong0000"))
    assert run.code == 3
    assert "HTTP 401" in run.err and "invalid or expired" in run.err
    assert "ghs_wrong" not in run.out + run.err + run.summary
    assert fake_github.comments_with(PR, TAG) == []


def test_injected_401_exits_3(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", Fault.unauthorized())
    run = publish(make_report("FAIL"), actions_env(fake_github), comment="never")
    assert run.code == 3 and "HTTP 401" in run.err


def test_a_rate_limit_longer_than_we_wait_fails_fast(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("issues/list-comments", Fault.too_many_requests(retry_after=3600))
    run = publish(make_report("FAIL"), actions_env(fake_github), max_wait=60)
    assert run.code == 3
    assert "wait 3600s" in run.err
    assert all(s <= 60 for s in run.sleeps)


def test_read_only_fork_token_degrades_with_one_notice(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.read_only = True
    run = publish(make_report("FAIL"), actions_env(fake_github))
    assert run.code == 1  # the verdict's, not 3
    notices = [line for line in run.out.splitlines() if line.startswith("::warning")]
    assert len(notices) == 1
    assert "`checks: write`" in notices[0] and "`pull-requests: write`" in notices[0]
    assert "::error file=.github/workflows/ci.yml,line=10" in run.out  # annotations still there
    assert "checks: write" in run.summary  # and the job summary says it too
    assert fake_github.comments_with(PR, TAG) == []
    assert run.err == ""


def test_404_on_the_comment_degrades(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.deny("issues/create-comment", status=404)
    run = publish(make_report("PASS"), actions_env(fake_github))
    assert run.code == 0
    assert run.out.count("::warning") == 1 and "`pull-requests: write`" in run.out
    assert len(fake_github.repo.check_runs) == 1  # the status still made it


def test_accepted_permissions_header_names_the_permission(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("repos/create-commit-status", Fault(status=403, body={"message": "Resource not accessible"},
                                                            headers={"X-Accepted-GitHub-Permissions": "statuses=write"}))
    run = publish(make_report("PASS"), actions_env(fake_github), status="commit-status", comment="never")
    assert run.code == 0 and "`statuses: write`" in run.out


def test_comment_too_long_is_folded_not_lost(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("issues/create-comment", Fault(status=422, body={
        "message": "Validation Failed", "documentation_url": "https://docs.github.com/rest",
        "errors": [{"resource": "IssueComment", "code": "custom", "field": "data",
                    "message": "Body is too long (maximum is 65536 characters)"}]}))
    run = publish(make_report("FAIL"), actions_env(fake_github))
    assert run.code == 1, run.err
    [comment] = fake_github.comments_with(PR, TAG)
    first, second = [r.body["body"] for r in fake_github.calls("issues/create-comment")]
    assert len(second) <= len(first) and len(second) <= 65536 // 4


def test_a_huge_report_stays_under_githubs_limit(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    report = make_report("FAIL", failing=400, message="x" * 400)
    run = publish(report, actions_env(fake_github))
    assert run.code == 1, run.err
    [comment] = fake_github.comments_with(PR, TAG)
    assert len(comment["body"]) <= 65536  # the fake refuses longer bodies with 422, like GitHub
    check = fake_github.repo.check_runs[0]
    assert len(check["output"]["summary"]) <= 65535
