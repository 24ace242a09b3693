"""pytest fixtures: a running fake GitHub, and the assertion that it saw nothing off-spec."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from .server import FakeGitHub

TOKEN = "ghs_R3cognisableT0kenXYZ0123456789abcdef"


def _serve(prefix: str) -> Iterator[FakeGitHub]:
    fake = FakeGitHub(prefix=prefix, token=TOKEN).start()
    try:
        yield fake
    finally:
        fake.stop()
    # Every request the gate sent and every answer the fake gave must fit GitHub's description.
    assert not fake.violations, "OpenAPI violations:\n" + "\n".join(fake.violations)


@pytest.fixture
def fake_github() -> Iterator[FakeGitHub]:
    """A fake api.github.com on 127.0.0.1 with a random free port."""
    yield from _serve("")


@pytest.fixture
def fake_ghes() -> Iterator[FakeGitHub]:
    """A fake GitHub Enterprise Server: the API lives under /api/v3."""
    yield from _serve("/api/v3")
