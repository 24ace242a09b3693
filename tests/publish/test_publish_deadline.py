"""One deadline for the whole publish, a token refused clearly, logs silent unless -v.

Time is the injected clock's: waits are recorded, never spent, and a trickling body is
measured against a clock that moves as it is read. No assertion depends on wall time.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import HEAD_SHA, PR, ROOT, FakeTime, make_report, publish

from gate.publish.comment import marker
from tests.github_fake import Fault
from tests.github_fake.fixture import TOKEN

TAG = marker("readiness-gate")


class TickingTime(FakeTime):
    """Every look at the clock costs `step` seconds: a slow body uses up its budget as it arrives."""

    def __init__(self, step: float) -> None:
        super().__init__()
        self.step = step

    def clock(self) -> float:
        self.now += self.step
        return self.now


def test_a_wait_longer_than_the_deadline_is_refused_and_named(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", Fault.secondary_rate_limit(retry_after=100))
    run = publish(make_report("PASS"), actions_env(fake_github))  # default deadline: 90 s
    assert run.code == 3
    assert "asked to wait 100s" in run.err and "--deadline" in run.err
    assert run.sleeps == []  # not a second of it slept
    assert len(fake_github.comments_with(PR, TAG)) == 1  # the comment still went out


def test_all_waits_together_fit_the_deadline(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", *[Fault.too_many_requests(retry_after=30)] * 2)
    fake_github.inject("issues/list-comments", *[Fault.too_many_requests(retry_after=30)] * 2)
    run = publish(make_report("FAIL"), actions_env(fake_github), deadline=90)
    assert run.code == 3, run.err
    assert sum(run.sleeps) <= 90  # per-request waits no longer add up past the deadline
    assert "asked to wait 30s" in run.err
    assert len(fake_github.repo.check_runs) == 1  # the first two waits fitted


def test_a_larger_deadline_rides_the_same_waits_out(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", *[Fault.too_many_requests(retry_after=30)] * 2)
    fake_github.inject("issues/list-comments", *[Fault.too_many_requests(retry_after=30)] * 2)
    run = publish(make_report("FAIL"), actions_env(fake_github), deadline=300)
    assert run.code == 1, run.err
    assert run.sleeps == [30, 30, 30, 30]


def test_a_trickling_answer_is_cut_by_the_deadline_and_the_write_not_repeated(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("issues/create-comment", Fault.trickling(0.001))
    run = publish(make_report("FAIL"), actions_env(fake_github), time=TickingTime(step=2.0), timeout=10)
    assert run.code == 1, run.err
    assert len(fake_github.calls("issues/create-comment")) == 1  # found by listing, not posted again
    assert len(fake_github.comments_with(PR, TAG)) == 1


def test_an_endpoint_that_always_trickles_ends_in_exit_3_within_the_deadline(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.as_user("octocat")
    fake_github.inject("users/get-authenticated", *[Fault.trickling(0.001)] * 50)
    clock = TickingTime(step=2.0)
    run = publish(make_report("PASS"), actions_env(fake_github), time=clock, timeout=10, deadline=90)
    assert run.code == 3
    assert "too slowly" in run.err or "deadline" in run.err
    assert len(fake_github.calls("users/get-authenticated")) <= 4  # 1 + 3 retries at most
    assert len(fake_github.repo.check_runs) == 1


def test_a_token_with_a_trailing_newline_works(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    run = publish(make_report("FAIL"), actions_env(fake_github, token=TOKEN + "\n"))
    assert run.code == 1, run.err
    assert fake_github.calls("checks/create")[0].status == 201


def test_a_token_with_a_line_break_inside_is_refused_clearly(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    broken = TOKEN[:20] + "\n" + TOKEN[20:]
    run = publish(make_report("PASS"), actions_env(fake_github, token=broken))
    assert run.code == 3
    assert "line break" in run.err and len(run.err.strip().splitlines()) == 1
    assert fake_github.requests == []  # not retried as a network failure
    assert "PASS" in run.summary
    assert TOKEN[:20] not in run.out + run.err + run.summary


def _cli(fake_github, tmp_path, *flags):
    report = tmp_path / "report.json"
    report.write_text(json.dumps(make_report("FAIL")))
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": PR, "head": {"sha": HEAD_SHA}}}))
    env = {**os.environ, "GITHUB_REPOSITORY": "octo/app", "GITHUB_EVENT_NAME": "pull_request",
           "GITHUB_EVENT_PATH": str(event), "GITHUB_API_URL": fake_github.api_url, "GITHUB_TOKEN": TOKEN,
           "GITHUB_OUTPUT": str(tmp_path / "output"), "PYTHONPATH": str(ROOT)}
    code = ("import sys; from gate.publish.command import publish_command; "
            "publish_command(sys.argv[1:], prog_name='readiness-gate publish')")
    return subprocess.run([sys.executable, "-c", code, str(report), "--backoff", "0", *flags],
                          env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)


def test_third_party_logs_are_silent_without_v_and_once_with_it(fake_github, tmp_path):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", Fault.server_error(502))
    quiet = _cli(fake_github, tmp_path)
    assert quiet.returncode == 1, quiet.stderr
    assert quiet.stderr == ""  # the retry happened, and nothing about it on stderr
    fake_github.inject("checks/create", Fault.server_error(502))
    loud = _cli(fake_github, tmp_path, "-v")
    assert loud.returncode == 1, loud.stderr
    lines = [line for line in loud.stderr.splitlines() if '"POST /repos/octo/app/check-runs' in line]
    assert len(lines) == len(set(lines)) == 2, loud.stderr  # the 502 and the 201, each logged once
    assert TOKEN not in loud.stderr


def test_the_comment_url_goes_to_the_step_outputs(fake_github, tmp_path):
    fake_github.add_pull(PR, HEAD_SHA)
    run = _cli(fake_github, tmp_path)
    assert run.returncode == 1, run.stderr
    [line] = (tmp_path / "output").read_text().splitlines()
    assert line.startswith("comment-url=https://github.com/octo/app/pull/7#issuecomment-")


def test_an_api_url_that_is_not_a_url_fails_at_once(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    env = actions_env(fake_github)
    env["GITHUB_API_URL"] = "api.github.example"
    run = publish(make_report("PASS"), env)
    assert run.code == 3 and "is not an API URL" in run.err
    assert run.sleeps == []  # not retried as if the network were down
