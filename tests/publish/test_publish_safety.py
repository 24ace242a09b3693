"""What must never happen: a leaked token, or repository text that acts in the comment."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import HEAD_SHA, PR, ROOT, make_report, publish

from gate.publish.comment import marker
from gate.publish.summary import annotation_command, escape_data, escape_property
from gate.publish.annotations import Annotation
from tests.github_fake import Fault
from tests.github_fake.fixture import TOKEN

HOSTILE = ("`rm -rf` | col | <img src=x onerror=alert(1)> <script>x</script> @octocat please "
           "![pixel](http://evil.example/p.png) [click](http://evil.example) <!-- readiness-gate:readiness-gate -->")


def test_repository_text_is_inert_in_the_comment(fake_github, actions_env):
    fake_github.add_pull(PR, HEAD_SHA)
    report = make_report("FAIL", message=HOSTILE)
    report["results"][0]["title"] = HOSTILE
    report["results"][0]["locations"] = [{"path": "src/`a|b`<i>.py", "line": 3}]
    assert publish(report, actions_env(fake_github)).code == 1
    [body] = [r.body["body"] for r in fake_github.calls("issues/create-comment")]
    text = _outside_code(body.split("\n", 1)[1])  # past our own marker; code spans are literal
    assert not re.search(r"(?<!\\)<(img|script|i>|!--)", text), "raw HTML from the report"
    assert not re.search(r"(?<![\w\u200b\\&#;])@octocat", text), "a live @mention"
    assert not re.search(r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\(", text), "an image or a link"
    assert body.count(marker("readiness-gate")) == 1  # hostile text cannot plant a second marker
    widths = {_cells(line) for line in text.splitlines() if line.startswith("|")}
    assert len(widths) <= 2, "a `|` from the report changed a table's column count"


def _outside_code(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


def _cells(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_workflow_command_escaping():
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = annotation_command(Annotation("error", "x,y:z.yml", 4, "r:1", "bad\n::set-env name=A::1"))
    assert line == "::error file=x%2Cy%3Az.yml,line=4,title=r%3A1::bad%0A::set-env name=A::1"
    assert "\n" not in line  # hostile text cannot start a workflow command of its own


def test_the_token_appears_in_no_output(fake_github, tmp_path):
    """A whole CLI run, in a subprocess, with HTTP debug logging, retries and an error path."""
    fake_github.add_pull(PR, HEAD_SHA)
    fake_github.inject("checks/create", Fault.secondary_rate_limit(retry_after=0), Fault.server_error(502))
    fake_github.inject("issues/list-comments", Fault.connection_reset(), Fault.server_error(500))
    fake_github.inject("issues/create-comment", Fault.unauthorized())
    report = tmp_path / "report.json"
    report.write_text(json.dumps(make_report("FAIL", message=f"leak {os.environ.get('NOPE', '')}")))
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": PR, "head": {"sha": HEAD_SHA}}}))
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_REPOSITORY": "octo/app", "GITHUB_EVENT_NAME": "pull_request",
           "GITHUB_EVENT_PATH": str(event), "GITHUB_API_URL": fake_github.api_url, "GITHUB_SHA": "b" * 40,
           "GITHUB_STEP_SUMMARY": str(summary), "MY_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
    code = ("import sys; from gate.publish.command import publish_command; "
            "publish_command(sys.argv[1:], prog_name='readiness-gate publish')")
    proc = subprocess.run([sys.executable, "-c", code, str(report), "-v", "--token-env", "MY_TOKEN",
                           "--timeout", "5", "--retries", "2", "--backoff", "0.01"],
                          env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    everything = proc.stdout + proc.stderr + summary.read_text()
    assert proc.returncode == 3, everything  # the 401 on the comment
    assert "HTTP 401" in proc.stderr and "Traceback" not in everything
    assert "github" in proc.stderr.lower()  # debug logging really ran
    assert TOKEN not in everything
    assert TOKEN[4:16] not in everything  # not even a fragment
    assert fake_github.calls("checks/create")[-1].status == 201  # the retries happened for real


def test_a_report_that_is_not_a_report_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from gate.publish.command import publish_command

    bad = tmp_path / "r.json"
    bad.write_text("{not json")
    result = CliRunner().invoke(publish_command, [str(bad)])
    assert result.exit_code == 2 and "is not JSON" in result.output and "Traceback" not in result.output
    bad.write_text(json.dumps({"verdict": "MAYBE"}))
    result = CliRunner().invoke(publish_command, [str(bad)])
    assert result.exit_code == 2 and "not a readiness-gate report" in result.output
    result = CliRunner().invoke(publish_command, [str(tmp_path / "missing.json")])
    assert result.exit_code == 2 and "cannot read" in result.output


def test_no_repository_is_a_usage_error(fake_github, actions_env):
    env = actions_env(fake_github)
    del env["GITHUB_REPOSITORY"]
    run = publish(make_report("PASS"), env)
    assert run.code == 2 and "GITHUB_REPOSITORY" in run.err


def test_cli_import_does_not_load_pygithub():
    proc = subprocess.run([sys.executable, "-c", "import sys, gate.publish.command, gate.collect.github_api; "
                           "print('github' in sys.modules or 'requests' in sys.modules)"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=Path(ROOT))
    assert proc.stdout.strip() == "False", proc.stderr
