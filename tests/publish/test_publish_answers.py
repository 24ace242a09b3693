"""Every endpoint, every kind of bad answer: the verdict still arrives exactly once, or exit 3 says why.

What a user sees is asserted, per endpoint and fault: the exit code (never 1 for a PASS,
never a traceback), one check run with each annotation once, one comment, the job summary
always, no token anywhere, and a bounded number of requests.
"""
from __future__ import annotations

import pytest
from conftest import HEAD_SHA, PR, make_report, publish

from gate.publish.comment import marker
from tests.github_fake import Fault
from tests.github_fake.fixture import TOKEN

TAG = marker("readiness-gate")
ANNOTATIONS = 3 * 41  # three batches: create + two PATCHes
ELSEWHERE = "http://elsewhere.invalid/api"

# The calls one first publish on a PR makes (comment created, so every write endpoint is hit).
ENDPOINTS = ("checks/create", "checks/update", "users/get-authenticated", "issues/list-comments",
             "issues/create-comment")
WRITES = ("checks/create", "checks/update", "issues/create-comment")
# One bad answer each, as GitHub, a proxy or the network gives them.
ONCE = {
    "cut-off JSON in a 2xx": Fault.cut_off(),
    "HTML 200": Fault.html(200),
    "HTML 200 after applying": Fault.html(200, apply_first=True),
    "plain text 200": Fault.not_json(200),
    "reset while reading": Fault.reset_while_reading(),
    "reset after applying": Fault.connection_reset(apply_first=True),
    "502 after applying": Fault.server_error(502, apply_first=True),
    "HTML 502 from a proxy": Fault.html(502),
    "secondary rate limit": Fault.secondary_rate_limit(retry_after=5),
}


def _report(verdict: str = "FAIL") -> dict:
    report = make_report(verdict, failing=3, locations_per_result=41)
    if verdict == "PASS":  # annotations come from failing results: keep some as warnings
        report["results"] = make_report("FAIL", failing=3, locations_per_result=41)["results"]
        for result in report["results"]:
            result["severity"] = "warning"
    return report


def _everything(run) -> str:
    return run.out + run.err + run.summary


def _assert_clean(run) -> None:
    text = _everything(run)
    assert "Traceback" not in text and TOKEN not in text and TOKEN[4:16] not in text
    assert len(run.err.strip().splitlines()) <= 1, run.err  # at most one line: what failed


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("fault", ONCE.values(), ids=ONCE.keys())
def test_one_bad_answer_anywhere_still_gives_one_verdict(fake_github, actions_env, endpoint, fault):
    fake_github.add_pull(PR, HEAD_SHA)
    if endpoint == "users/get-authenticated":
        fake_github.as_user("octocat")  # a user token: GET /user answers 200, so its body matters
    fake_github.inject(endpoint, fault)
    run = publish(_report("PASS"), actions_env(fake_github))
    _assert_clean(run)
    assert run.code == 0, run.err
    [check] = fake_github.repo.check_runs  # one check run, however its create went
    assert check["conclusion"] == "success" and check["head_sha"] == HEAD_SHA
    assert len(check["annotations"]) == ANNOTATIONS  # each batch once
    assert len({(a["path"], a["start_line"], a["title"]) for a in check["annotations"]}) == ANNOTATIONS
    assert len(fake_github.comments_with(PR, TAG)) == 1
    assert len(fake_github.requests) <= 16  # bounded: a normal run makes 8


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("fault", [Fault.cut_off(), Fault.html(200), Fault.reset_while_reading(),
                                   Fault.server_error(503), Fault.redirect(ELSEWHERE + "/x", 302)],
                         ids=["cut-off", "html", "reset-reading", "503", "redirect-elsewhere"])
def test_an_endpoint_that_keeps_failing_is_exit_3_after_publishing_the_rest(fake_github, actions_env,
                                                                               endpoint, fault):
    fake_github.add_pull(PR, HEAD_SHA)
    if endpoint == "users/get-authenticated":
        fake_github.as_user("octocat")
    fake_github.inject(endpoint, *[fault] * 30)
    run = publish(_report("PASS"), actions_env(fake_github))
    _assert_clean(run)
    if fault.applies and endpoint in WRITES:  # the write happened each time: the check finds it
        assert run.code == 0, run.err
        assert len(fake_github.repo.check_runs) == 1 and len(fake_github.comments_with(PR, TAG)) == 1
        return
    assert run.code == 3  # never 1 for a PASS, never 0 for a verdict that did not arrive
    assert run.err.startswith("readiness-gate: publishing failed: ")
    assert "PASS" in run.out.splitlines()[0]  # the verdict is still printed first
    assert "Publishing to GitHub failed" in run.summary and "PASS" in run.summary  # the summary always
    assert len(fake_github.repo.check_runs) <= 1 and len(fake_github.comments_with(PR, TAG)) <= 1
    if endpoint.startswith("checks/"):
        assert len(fake_github.comments_with(PR, TAG)) == 1  # the comment did not depend on the status
    else:
        assert len(fake_github.repo.check_runs) == 1  # nor the status on the comment
    assert len(fake_github.requests) <= 30  # bounded: retries stop


def test_a_redirect_on_the_same_host_is_followed(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    target = f"{fake_github.api_url}/repos/octo/app/issues/{PR}/comments?per_page=100"
    fake_github.inject("issues/list-comments", Fault.redirect(target, 301))
    run = publish(make_report("FAIL"), actions_env(fake_github))
    assert run.code == 1, run.err
    assert len(fake_github.comments_with(PR, TAG)) == 1


def test_a_lost_check_run_create_is_found_not_repeated(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", Fault.cut_off(), Fault.server_error(502, apply_first=True))
    run = publish(make_report("FAIL"), actions_env(fake_github), comment="never")
    assert run.code == 1, run.err
    assert len(fake_github.repo.check_runs) == 1
    assert len(fake_github.calls("checks/create")) == 1  # found by its external_id, not created again
    [lookup] = fake_github.calls("checks/list-for-ref")
    assert lookup.query["check_name"] == ["readiness-gate"]


def test_a_lost_annotation_batch_is_checked_not_resent(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/update", Fault.server_error(502, apply_first=True), Fault.server_error(502))
    run = publish(_report("FAIL"), actions_env(fake_github), comment="never")
    assert run.code == 1, run.err
    [check] = fake_github.repo.check_runs
    assert len(check["annotations"]) == ANNOTATIONS  # not 173: the first batch landed and was not re-sent
    # batch 2 landed (checked), batch 3 was refused (checked: count unchanged) and sent again
    assert len(fake_github.calls("checks/get")) == 2 and len(fake_github.calls("checks/update")) == 3


def test_a_persistent_failure_on_a_pass_never_exits_1_through_the_cli(fake_github, actions_env, tmp_path):
    import json

    from click.testing import CliRunner

    from gate.publish.command import publish_command

    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", *[Fault.html(200)] * 20)
    report = tmp_path / "report.json"
    report.write_text(json.dumps(make_report("PASS")))
    env = actions_env(fake_github)
    result = CliRunner().invoke(publish_command, [str(report), "--retries", "1", "--backoff", "0"], env=env)
    assert result.exit_code == 3, result.output
    assert "its answer is an HTML page" in result.output and "Traceback" not in result.output


def test_a_503_that_says_when_to_come_back_is_waited_for(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("issues/list-comments", Fault(status=503, body={"message": "busy"},
                                                     headers={"Retry-After": "12"}))
    run = publish(make_report("FAIL"), actions_env(fake_github))
    assert run.code == 1, run.err
    assert run.sleeps == [12]
    fake_github.inject("issues/list-comments", Fault(status=503, body={"message": "busy"},
                                                     headers={"Retry-After": "600"}))
    run = publish(make_report("FAIL"), actions_env(fake_github))
    assert run.code == 3 and "asked to wait 600s after HTTP 503" in run.err


def test_a_created_check_run_whose_answer_names_no_id_is_looked_up(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", Fault(status=201, raw=b'{"status": "completed"}', apply_first=True))
    run = publish(_report("FAIL"), actions_env(fake_github), comment="never")
    assert run.code == 1, run.err
    [check] = fake_github.repo.check_runs
    assert len(check["annotations"]) == ANNOTATIONS
