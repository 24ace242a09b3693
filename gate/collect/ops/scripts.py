"""The operational readers' view of the one follower (gate.collect.runners).

`Scripts.expand` gives (source, text) pairs, the shape the pipeline, entrypoint and
build readers search; what is followed, how deep and how files are read is decided
once, in `gate.collect.runners`.
"""
from __future__ import annotations

from gate.collect.runners import MAX_SCRIPT_BYTES, Runners, clip, join, make_recipe

__all__ = ["Scripts", "MAX_SCRIPT_BYTES", "make_recipe", "_join", "_clip"]

_join = join
_clip = clip


class Scripts(Runners):
    def expand(self, text: str, workdir: str = "", near: str = "", depth: int = 0) -> list[tuple[str, str]]:
        """(source path or "", text) for the command and everything it calls."""
        return [(r.source, r.text) for r in self.follow(text, workdir, near)]
