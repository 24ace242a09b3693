"""A fake GitHub REST API for tests, validated against GitHub's OpenAPI description.

Use the `fake_github` fixture (see fixture.py); regenerate the description with
`python scripts/vendor_openapi.py`.
"""
from .faults import Fault
from .server import FakeGitHub

__all__ = ["FakeGitHub", "Fault"]
