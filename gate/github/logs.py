"""Third-party HTTP logging: silent by default, and with `-v` each message exactly once, redacted.

urllib3 (and PyGithub, when something else in the process loads it) log retries and
connections on their own loggers; with the root logger also configured they print twice,
and without `-v` a user should see none of it.
"""
from __future__ import annotations

import logging
from typing import TextIO

from .client import redact

LOGGERS = ("github", "urllib3", "requests", "gate.github")


class _Redact(logging.Filter):
    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage(), self.token), None
        return True


def configure(verbose: bool, stream: TextIO, token: str = "") -> None:
    """Idempotent: calling it twice (check, then publish) still leaves one handler per logger."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if getattr(h, "_readiness_gate", False)]:
            logger.removeHandler(handler)
        logger.propagate = False  # never also through the root logger: once, not twice
        if verbose:
            handler: logging.Handler = logging.StreamHandler(stream)
            handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
            handler.addFilter(_Redact(token))
            logger.setLevel(logging.DEBUG)
        else:
            handler = logging.NullHandler()
            logger.setLevel(logging.CRITICAL + 1)
        handler._readiness_gate = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
