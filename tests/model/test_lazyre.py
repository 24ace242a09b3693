"""Lazy module-level patterns behave as the compiled pattern would, and compile once, on first use."""
from __future__ import annotations

import re

from gate.model import lazyre
from gate.model.lazyre import lazy


def test_nothing_compiles_until_used_then_once():
    before = len(lazyre.compiled)
    pattern = lazy(r"(?P<word>deploy)\s+(\w+)", re.I)
    assert len(lazyre.compiled) == before and pattern.pattern.startswith("(?P<word>")
    assert pattern.search("please DEPLOY prod").group(2) == "prod"
    assert pattern.match("deploy x") and not pattern.match("x deploy y")
    assert pattern.sub(r"\2", "deploy a deploy b", count=1) == "a deploy b"   # keyword arguments pass through
    assert [m.group(2) for m in pattern.finditer("deploy a, deploy b")] == ["a", "b"]
    assert pattern.groupindex["word"] == 1 and pattern.groups == 2
    assert len(lazyre.compiled) == before + 1


def test_a_bad_pattern_fails_where_it_is_used_as_re_would():
    pattern = lazy(r"(unclosed")
    try:
        pattern.search("x")
    except re.error:
        return
    raise AssertionError("a bad pattern must raise re.error on use")
