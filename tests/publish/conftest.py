"""Shared helpers for the publishing tests: a report, an Actions environment, a publish run."""
from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `tests.github_fake` must import however pytest is started
    sys.path.insert(0, str(ROOT))

from tests.github_fake.fixture import TOKEN, fake_ghes, fake_github  # noqa: E402,F401

from gate.publish.publisher import PublishOptions, publish_report  # noqa: E402

HEAD_SHA = "a" * 40
PR = 7


def make_report(verdict: str = "FAIL", failing: int = 1, message: str = "no tests run on pull requests",
                locations_per_result: int = 1) -> dict[str, Any]:
    results = [{"id": f"ci.rule-{i}", "domain": "ci", "title": f"Rule {i}", "status": "fail",
                "severity": "blocker" if i == 0 else "warning", "message": message,
                "remediation": "add a test job", "locations": [
                    {"path": ".github/workflows/ci.yml", "line": 10 + j} for j in range(locations_per_result)]}
               for i in range(failing if verdict == "FAIL" else 0)]
    results.append({"id": "ci.workflows-present", "domain": "ci", "title": "Workflows", "status": "pass",
                    "severity": "blocker", "message": "ok", "remediation": "", "locations": []})
    return {"schema_version": 1, "tool": {"name": "readiness-gate", "version": "0.1.0"},
            "repository": {"path": ".", "ref": None, "sha": None},
            "policy": {"name": "production", "profile": None, "threshold": 70},
            "verdict": verdict, "score": 55 if verdict == "FAIL" else 92,
            "summary": {"pass": 1, "fail": len(results) - 1, "skip": 0, "waived": 0,
                        "blockers": 1 if verdict == "FAIL" else 0},
            "domains": [{"id": "ci", "title": "CI/CD", "score": 50, "status": "fail", "blockers": 1}],
            "results": results, "notices": []}


@dataclass
class Run:
    code: int
    out: str
    err: str
    summary: str
    sleeps: list[float] = field(default_factory=list)


@pytest.fixture
def actions_env(tmp_path: Path):
    """Build the environment of an Actions job for an event payload."""

    def build(fake: Any, event: str = "pull_request", payload: dict[str, Any] | None = None,
              token: str | None = TOKEN) -> dict[str, str]:
        if payload is None:
            payload = {"number": PR, "pull_request": {"number": PR, "head": {"sha": HEAD_SHA}}}
        event_path = tmp_path / "event.json"
        event_path.write_text(json.dumps(payload))
        env = {"GITHUB_REPOSITORY": "octo/app", "GITHUB_SHA": "b" * 40, "GITHUB_EVENT_NAME": event,
               "GITHUB_EVENT_PATH": str(event_path), "GITHUB_API_URL": fake.api_url,
               "GITHUB_SERVER_URL": "https://github.com", "GITHUB_RUN_ID": "99",
               "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
        if token is not None:
            env["GITHUB_TOKEN"] = token
        return env

    return build


class FakeTime:
    """A clock that sleeping moves forward: waits are recorded, never spent."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.now = 1000.0

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def publish(report: dict[str, Any], env: dict[str, str], **options: Any) -> Run:
    """One publish run with recorded sleeps on an injected clock; real sockets, generous timeouts."""
    time = options.pop("time", None) or FakeTime()
    out, err = io.StringIO(), io.StringIO()
    options.setdefault("timeout", 20)  # never reached on a loaded machine; stalls are tested on the clock
    opts = PublishOptions(env=env, stdout=out, stderr=err, sleep=time.sleep, clock=time.clock, retries=3,
                          **options)
    code = publish_report(report, opts)
    summary_path = Path(env.get("GITHUB_STEP_SUMMARY", "/nonexistent"))
    summary = summary_path.read_text() if summary_path.exists() else ""
    return Run(code, out.getvalue(), err.getvalue(), summary, time.sleeps)
