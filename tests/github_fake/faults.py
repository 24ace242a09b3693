"""Faults the fake GitHub server can be told to answer with, per operation and in sequence."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

DOCS = "https://docs.github.com/rest"


@dataclass(frozen=True)
class Fault:
    """One scripted answer. Exactly what a real GitHub (or the network) can do to a client."""

    status: int | None = None
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    reset: bool = False  # close the connection with RST instead of answering
    delay: float = 0.0  # sleep before answering (longer than the client's timeout → timeout)
    apply_first: bool = False  # perform the operation, then fail: a half-way failure
    raw: bytes | None = None  # send these bytes as the body instead of JSON (HTML from a proxy …)
    content_type: str = "application/json; charset=utf-8"
    truncate: bool = False  # perform the operation, answer its JSON cut in half (Content-Length of the cut)
    reset_mid_body: bool = False  # perform the operation, send half the body, then RST
    trickle: float = 0.0  # perform the operation, send the body a few bytes at a time, this many seconds apart
    barrier: threading.Barrier | None = None  # hold the answer until the other racer got this far too

    @property
    def applies(self) -> bool:
        """The operation happens before the fault: the client cannot know whether it did."""
        return self.apply_first or self.truncate or self.reset_mid_body or self.trickle > 0

    @staticmethod
    def server_error(status: int = 500, apply_first: bool = False) -> "Fault":
        return Fault(status=status, body={"message": "Server Error"}, apply_first=apply_first)

    @staticmethod
    def secondary_rate_limit(retry_after: int = 1) -> "Fault":
        return Fault(status=403, headers={"Retry-After": str(retry_after)}, body={
            "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            "documentation_url": f"{DOCS}/overview/rate-limits-for-the-rest-api"})

    @staticmethod
    def too_many_requests(retry_after: int | None = None, reset_in: int | None = None) -> "Fault":
        headers: dict[str, str] = {}
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        if reset_in is not None:
            headers["x-ratelimit-remaining"] = "0"
            headers["x-ratelimit-reset"] = str(int(time.time()) + reset_in)
        return Fault(status=429, headers=headers, body={"message": "API rate limit exceeded"})

    @staticmethod
    def primary_rate_limit(reset_in: int = 1) -> "Fault":
        return Fault(status=403, headers={"x-ratelimit-remaining": "0", "x-ratelimit-limit": "5000",
                                          "x-ratelimit-reset": str(int(time.time()) + reset_in)},
                     body={"message": "API rate limit exceeded for installation ID 1.",
                           "documentation_url": f"{DOCS}/overview/rate-limits-for-the-rest-api"})

    @staticmethod
    def unauthorized() -> "Fault":
        return Fault(status=401, body={"message": "Bad credentials", "documentation_url": DOCS})

    @staticmethod
    def forbidden(message: str = "Resource not accessible by integration") -> "Fault":
        return Fault(status=403, body={"message": message, "documentation_url": DOCS})

    @staticmethod
    def not_found() -> "Fault":
        return Fault(status=404, body={"message": "Not Found", "documentation_url": DOCS})

    @staticmethod
    def connection_reset(apply_first: bool = False) -> "Fault":
        return Fault(reset=True, apply_first=apply_first)

    @staticmethod
    def slow(seconds: float) -> "Fault":
        return Fault(delay=seconds)

    @staticmethod
    def cut_off(status: int | None = None) -> "Fault":
        """A 2xx whose JSON stops half-way: the operation happened, its answer is unreadable."""
        return Fault(status=status, truncate=True)

    @staticmethod
    def html(status: int = 200, apply_first: bool = False) -> "Fault":
        """A proxy's or a captive portal's HTML page where JSON was expected."""
        return Fault(status=status, raw=b"<!DOCTYPE html><html><body><h1>Unicorn!</h1></body></html>",
                     content_type="text/html; charset=utf-8", apply_first=apply_first)

    @staticmethod
    def not_json(status: int = 200) -> "Fault":
        return Fault(status=status, raw=b"OK", content_type="text/plain")

    @staticmethod
    def redirect(location: str, status: int = 302) -> "Fault":
        return Fault(status=status, headers={"Location": location}, raw=b"")

    @staticmethod
    def reset_while_reading() -> "Fault":
        return Fault(reset_mid_body=True)

    @staticmethod
    def trickling(seconds_per_chunk: float = 0.05) -> "Fault":
        return Fault(trickle=seconds_per_chunk)

    @staticmethod
    def race(barrier: threading.Barrier) -> "Fault":
        """Answer normally, but only once the other publish has reached the same call."""
        return Fault(barrier=barrier)
