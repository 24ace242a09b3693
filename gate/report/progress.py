"""Progress for slow work (scanner runs), on stderr and only when stderr is a terminal.

A piped or CI log gets silence: the report on stdout is the whole output there, and
progress lines would only interleave with it. Collectors report steps through a hook
(`gate.collect.scanners.set_progress`), so they never write to a stream themselves.
"""
from __future__ import annotations

import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO


def reporter(stream: TextIO | None = None) -> Callable[[str], None] | None:
    """A function that prints one progress line, or None when `stream` is not a terminal."""
    stream = sys.stderr if stream is None else stream
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None

    def say(message: str) -> None:
        stream.write(f"readiness-gate: {message}\n")
        stream.flush()

    return say


@contextmanager
def when_slow(say: Callable[[str], None] | None, message: str, after: float = 2.0) -> Iterator[None]:
    """Say `message` only if the work inside takes longer than `after` seconds (a large
    tree); quick runs stay silent."""
    if say is None:
        yield
        return
    timer = threading.Timer(after, say, args=(message,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
