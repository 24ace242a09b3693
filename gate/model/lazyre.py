"""Module-level regular expressions that compile on first use, not at import.

A check imports some hundred and thirty module-level patterns and a given repository
uses about half of them (a repository without Helm never runs the Helm patterns);
compiling one costs far more than running it. `lazy(...)` stands in for
`re.compile(...)`: the first call of any method compiles the pattern and puts the
compiled pattern's own bound methods on the instance, so every later call goes
straight to C with no wrapper in between.
"""
from __future__ import annotations

import re
from typing import Any

compiled: list[str] = []  # every lazy pattern compiled in this process, in order: tests count them


class LazyPattern:
    """An `re.Pattern` in waiting; `pattern` and `flags` read without compiling."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def _load(self) -> re.Pattern:
        rx = re.compile(self.pattern, self.flags)
        compiled.append(self.pattern)
        # instance attributes shadow the methods below: later calls skip this class
        self.__dict__.update(search=rx.search, match=rx.match, fullmatch=rx.fullmatch, finditer=rx.finditer,
                             findall=rx.findall, sub=rx.sub, subn=rx.subn, split=rx.split, compiled=rx)
        return rx

    def search(self, *args: Any, **kwargs: Any) -> re.Match | None:
        return self._load().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> re.Match | None:
        return self._load().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> re.Match | None:
        return self._load().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self._load().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self._load().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> str:
        return self._load().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> tuple[str, int]:
        return self._load().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> list[Any]:
        return self._load().split(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:  # groups, groupindex …: the compiled pattern's own
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.__dict__.get("compiled") or self._load(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, deferred to the first use."""
    return LazyPattern(pattern, flags)
