"""The fake GitHub itself: off-spec requests and responses are caught, not silently served."""
from __future__ import annotations

import requests

from tests.github_fake import FakeGitHub
from tests.github_fake.fixture import TOKEN
from tests.github_fake.spec import load_spec

AUTH = {"Authorization": f"token {TOKEN}"}


def _fake() -> FakeGitHub:
    fake = FakeGitHub(token=TOKEN).start()
    fake.add_pull(7, "a" * 40)
    return fake


def test_requests_the_description_does_not_allow_are_violations():
    fake = _fake()
    try:
        base = f"{fake.api_url}/repos/octo/app"
        requests.post(f"{base}/issues/7/comments", json={"text": "wrong field"}, headers=AUTH, timeout=5)
        requests.get(f"{base}/issues/7/comments", params={"per_page": "many"}, headers=AUTH, timeout=5)
        requests.get(f"{base}/issues/7/comments", params={"bogus": 1}, headers=AUTH, timeout=5)
        requests.post(f"{base}/check-runs", json={"name": "x", "head_sha": "a", "conclusion": "great"},
                      headers=AUTH, timeout=5)
        requests.get(f"{base}/no/such/route", headers=AUTH, timeout=5)
        assert requests.get(f"{base}/issues/7/comments", timeout=5).status_code == 401  # no token
    finally:
        fake.stop()
    text = "\n".join(fake.violations)
    assert "'body' is a required property" in text
    assert "per_page" in text and "bogus" in text and "great" in text and "no such operation" in text


def test_responses_are_checked_too_and_nullable_is_understood():
    spec = load_spec()
    op, params = spec.match("GET", "/repos/o/r/issues/1/comments")
    fake = _fake()
    try:
        comment = fake.add_comment(7, "hi")
    finally:
        fake.stop()
    assert spec.check_response(op, 200, [comment]) == []
    assert spec.check_response(op, 200, [{**comment, "user": None}]) == []  # nullable-simple-user
    assert spec.check_response(op, 200, [{**comment, "id": "1"}])  # wrong type
    assert spec.check_response(op, 500, {"message": "x"})  # not a documented answer
