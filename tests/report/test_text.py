"""The terminal view at the widths people use, with and without colour, and piped."""
from __future__ import annotations

import re

import pytest

from gate.report.text import color_wanted, render_text, terminal_width
from tests.report.reports import report, result

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LONG = ("The repository carries deploy configuration (api/Dockerfile, api/railway.json, docker-compose.yml, "
        "web/vercel.json) but no workflow deploys it, so nothing is promoted from staging to production.")


def sample() -> dict:
    return report([result("delivery.promotion-order", "fail", message=LONG, remediation=LONG,
                          locations=[{"path": "api/Dockerfile", "line": 1}]),
                   result("delivery.production-protected", "unknown", "warning", message="no token [api]"),
                   result("governance.codeowners", "skip", "warning", message="Needs a token."),
                   result("governance.branch-protection", "skip", "warning", message="Needs a token.")])


@pytest.mark.parametrize("width", [80, 200])
def test_fits_the_width_without_breaking_words(width):
    out = render_text(sample(), width=width)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert all(line == line.rstrip() for line in lines)
    words = set(LONG.split()) | {"fix:"} | set("could not tell: no token [api]".split())
    # wrapped message lines keep their indent under the rule id, and break only between words
    message = [line for line in lines if line.startswith("      ")]
    for line in message:
        broken = [t for t in line.split() if t not in words]
        assert not broken, f"word broken: {broken} in {line!r}"
    assert len(message) >= (4 if width == 80 else 2)


def test_ends_with_a_verdict_line_and_says_could_not_tell():
    out = render_text(sample(), width=80)
    assert out.rstrip().splitlines()[-1] == "FAIL — score 40/100 (threshold 70), 1 blocker, 1 could not tell"
    assert "could not tell: no token [api]" in out  # repository text is not read as markup
    assert "governance.codeowners, governance.branch-protection: Needs a token." in out  # one line per reason
    assert out.splitlines()[1].strip().startswith("service on Kubernetes (helm/chart/Chart.yaml:1)")


def test_colour_only_when_wanted():
    assert not ANSI.search(render_text(sample(), color=False))
    coloured = render_text(sample(), color=True)
    assert ANSI.search(coloured) and ANSI.sub("", coloured).splitlines()[-1].startswith("FAIL — score")


@pytest.mark.parametrize("flag, tty, env, want", [
    (None, True, {}, True),
    (None, False, {}, False),                       # piped: plain
    (None, True, {"NO_COLOR": "1"}, False),
    (None, False, {"FORCE_COLOR": "1"}, True),      # a CI log that renders ANSI
    (None, False, {"FORCE_COLOR": "0"}, False),
    (None, True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    (True, False, {"NO_COLOR": "1"}, True),         # --color wins
    (False, True, {"FORCE_COLOR": "1"}, False),
])
def test_colour_choice(flag, tty, env, want):
    assert color_wanted(flag, tty, env) is want


def test_width_from_columns_else_100_when_piped():
    assert terminal_width(False, {"COLUMNS": "200"}) == 200
    assert terminal_width(False, {}) == 100
    assert terminal_width(False, {"COLUMNS": "junk"}) == 100


def test_repository_text_cannot_drive_the_terminal():
    hostile = "evil \x1b]0;title\x07 \x1b[2J cleared \x9b31m red"
    r = report([result("ci.tests-run", "fail", message=hostile, locations=[{"path": "a\x1b[2Jb.yml", "line": 1}])])
    r["domains"][0]["title"] = "CI\x1b[5m"
    for color in (False, True):
        out = ANSI.sub("", render_text(r, color=color))  # rich's own colours aside
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
        assert "evil ]0;title [2J cleared 31m red" in out
