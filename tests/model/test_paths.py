"""Paths written in a repository resolve inside it, or not at all."""
import pytest

from gate.model.paths import resolve_inside


@pytest.mark.parametrize("rel, base, want", [
    ("./.github/actions/build", "", ".github/actions/build"),
    ("../Dockerfile", "services/api", "services/Dockerfile"),
    ("templates\\deploy.yml", "pipelines", "pipelines/templates/deploy.yml"),
    ("../../../etc/passwd", "a/b", None),       # climbs out: never clamped to the root
    ("..", "", None),
])
def test_resolve_inside(rel, base, want):
    assert resolve_inside(rel, base) == want
