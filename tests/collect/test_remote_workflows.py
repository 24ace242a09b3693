"""Remote reusable workflows: out of sight offline; with a token, read through the contents
API (the fake GitHub) and judged like a local one. Requests are counted, never timed."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `tests.github_fake` must import however pytest is started
    sys.path.insert(0, str(ROOT))

from tests.conftest import TODAY, fixture_path, policy_named  # noqa: E402
from tests.github_fake import Fault  # noqa: E402
from tests.github_fake.fixture import TOKEN, fake_github  # noqa: E402,F401

from gate.collect import collect  # noqa: E402
from gate.engine import Options, run  # noqa: E402
from gate.evaluate import evaluate  # noqa: E402
from gate.github.contents import fetch_workflow, pinned_ref, remote_reader  # noqa: E402
from gate.rules import get_rule  # noqa: E402

FIXTURE = "delivery-remote-reusable-deploy"
SHA = "0123456789abcdef0123456789abcdef01234567"
PATH = ".github/workflows/deploy.yml"
USES = f"org/platform/{PATH}@{SHA}"
RULES = ("delivery.promotion-order", "rollback.path-present", "delivery.environments-declared")
DEPLOY = """\
name: Deploy one environment
on:
  workflow_call:
    inputs:
      environment:
        type: string
        required: true
permissions: {contents: read}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: ${{ inputs.environment }}
    steps:
      - uses: ./.github/actions/not-here
      - run: helm upgrade --install app ./chart --atomic --namespace ${{ inputs.environment }}
"""


class FakeTime:
    def __init__(self) -> None:
        self.now, self.sleeps = 0.0, []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def _reader(fake):
    clock = FakeTime()
    return remote_reader(TOKEN, fake.api_url, timeout=20, retries=2, sleep=clock.sleep, clock=clock.clock)


def _judge(remote=None, path: Path | None = None):
    ev = collect(path or fixture_path(FIXTURE), policy_named("production"), remote=remote)
    results = evaluate(ev, policy_named("production"), rules=[get_rule(r) for r in RULES], today=TODAY).results
    return ev, {r.rule.id: r for r in results}


def _unknown_naming_the_remote(results) -> None:
    # promotion order is visible in the caller (`needs`, environments passed as inputs) and
    # passes either way; what runs inside the remote workflow is unknown without it
    assert results["delivery.promotion-order"].status == "pass"
    for rule_id in ("rollback.path-present", "delivery.environments-declared"):
        r = results[rule_id]
        assert r.status == "unknown", (rule_id, r.status, r.message)
        assert "org/platform/.github/workflows/deploy.yml" in r.message, r.message


def test_offline_the_remote_workflow_is_out_of_sight():
    ev, results = _judge()
    _unknown_naming_the_remote(results)
    assert ev.workflows.remote == {}


def test_with_a_token_it_is_read_once_and_judged_like_a_local_one(fake_github):
    fake_github.add_file("org/platform", PATH, SHA, DEPLOY)
    reader = _reader(fake_github)
    ev, results = _judge(reader)
    promotion = results["delivery.promotion-order"]
    assert promotion.status == "pass" and "needs" in promotion.message, promotion.message
    rollback = results["rollback.path-present"]
    assert rollback.status == "pass" and "atomic" in rollback.message.lower(), rollback.message
    declared = results["delivery.environments-declared"]
    assert declared.status == "pass" and "production" in declared.message and "staging" in declared.message
    # two jobs call it: one request; the call asked for exactly that file at that commit
    [call] = fake_github.calls("repos/get-content")
    assert call.path == f"/repos/org/platform/contents/{PATH}" and call.query == {"ref": [SHA]}
    assert reader.requests == 1 and len(fake_github.requests) == 1
    # marked as another repository's; not judged by hardening, not this repository's problems
    [wf] = ev.workflows.remote.values()
    assert wf.path == USES and USES not in ev.workflows.workflows
    assert ev.workflows.invalid == [] and ev.workflows.notices == []
    # its own `./` references are relative to the other repository: not followed
    assert all(j.called is None for j in wf.jobs.values()) and ev.workflows.actions == {}


def test_through_the_engine_with_a_token(fake_github):
    fake_github.add_file("org/platform", PATH, SHA, DEPLOY)
    report = run(fixture_path(FIXTURE), Options(today=TODAY, api={
        "repository": "octo/app", "token": TOKEN, "api_url": fake_github.api_url, "ref": None})).report
    status = {r["id"]: r["status"] for r in report["results"]}
    assert status["delivery.promotion-order"] == "pass" and status["rollback.path-present"] == "pass"
    assert len(fake_github.calls("repos/get-content")) == 1


def test_without_a_token_the_engine_reads_nothing(fake_github):
    fake_github.add_file("org/platform", PATH, SHA, DEPLOY)
    report = run(fixture_path(FIXTURE), Options(today=TODAY)).report
    status = {r["id"]: r["status"] for r in report["results"]}
    assert status["rollback.path-present"] == "unknown" and fake_github.requests == []


BAD = {"missing": [Fault.not_found()], "cut-off": [Fault.cut_off()] * 3, "html": [Fault.html(200)] * 3,
       "forbidden": [Fault.forbidden()], "reset": [Fault.connection_reset()] * 3}


@pytest.mark.parametrize("faults", BAD.values(), ids=BAD.keys())
def test_an_unreadable_remote_workflow_stays_out_of_sight_with_a_notice(fake_github, faults):
    fake_github.add_file("org/platform", PATH, SHA, DEPLOY)
    fake_github.inject("repos/get-content", *faults)
    ev, results = _judge(_reader(fake_github))
    _unknown_naming_the_remote(results)
    [notice] = ev.notices
    assert USES in notice and "not read" in notice and TOKEN not in notice and "\n" not in notice
    assert len(fake_github.calls("repos/get-content")) == len(faults)  # not asked again for the second job


def test_a_file_that_is_not_there_is_one_request_and_a_notice(fake_github):
    ev, results = _judge(_reader(fake_github))  # nothing registered: 404
    _unknown_naming_the_remote(results)
    assert len(fake_github.calls("repos/get-content")) == 1 and "404" in ev.notices[0]


@pytest.mark.parametrize("text", ["jobs: [unclosed\n  - {", "on: push\njobs: {}\n", "- a list\n", "\x00\x01 binary"])
def test_a_broken_remote_file_is_ignored_not_this_repositorys_problem(fake_github, text):
    fake_github.add_file("org/platform", PATH, SHA, text)
    ev, results = _judge(_reader(fake_github))
    _unknown_naming_the_remote(results)
    assert ev.workflows.invalid == [] and ev.workflows.remote == {}
    assert len(ev.workflows.notices) == 1 and USES in ev.workflows.notices[0]


def test_at_most_twenty_remote_workflows_a_run(fake_github, tmp_path):
    jobs = "".join(f"  call-{i}:\n    uses: org/platform/.github/workflows/w{i}.yml@{SHA}\n" for i in range(25))
    wf = tmp_path / ".github" / "workflows" / "many.yml"
    wf.parent.mkdir(parents=True)
    wf.write_text("on: push\npermissions: {}\njobs:\n" + jobs)
    for i in range(25):
        fake_github.add_file("org/platform", f".github/workflows/w{i}.yml", SHA, DEPLOY)
    ev = collect(tmp_path, policy_named("production"), remote=_reader(fake_github))
    assert len(fake_github.calls("repos/get-content")) == 20 and len(ev.workflows.remote) == 20
    assert any("5 more remote reusable workflows not read" in n for n in ev.notices)


def test_refs_and_paths_that_are_not_sent(fake_github):
    reader = _reader(fake_github)
    assert pinned_ref(SHA) and pinned_ref("v1.2.0") and pinned_ref("release/2024")
    for ref in ("${{ inputs.ref }}", "a..b", "", "-x", "main lock"):
        assert not pinned_ref(ref)
        assert fetch_workflow(reader.client, "org", "platform", PATH, ref) is None
    assert fetch_workflow(reader.client, "org", "platform", "../secrets.yml", SHA) is None
    assert fake_github.requests == []


def test_a_file_over_one_mebibyte_is_refused(fake_github):
    fake_github.add_file("org/platform", PATH, SHA, DEPLOY + "#" * (1 << 20))
    problems: list[str] = []
    assert fetch_workflow(_reader(fake_github).client, "org", "platform", PATH, SHA, problems) is None
    assert "larger than" in problems[0]
