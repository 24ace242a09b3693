"""PyGithub client with timeouts and bounded, rate-limit-aware retries; error classification.

Transport retries (urllib3 via PyGithub's GithubRetry) cover idempotent requests: 5xx,
429, secondary rate limits (Retry-After) and primary ones (x-ratelimit-reset), resets and
timeouts. POST is *not* retried there: a POST that failed with a 5xx or a reset may still
have been applied, so `retry_write` retries it at the application level, after asking
the caller whether the write already happened. Sleeps go through `ClientSettings.sleep`
so tests run in milliseconds.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import github

T = TypeVar("T")
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"})
RETRY_STATUSES = (429, 500, 502, 503, 504)


@dataclass(frozen=True)
class ClientSettings:
    api_url: str
    token: str
    timeout: int = 10  # seconds per request (PyGithub wants an int)
    retries: int = 4  # per request, transport and application level alike
    backoff: float = 1.0  # exponential backoff factor: 1, 2, 4 … seconds
    max_wait: float = 120.0  # refuse to wait longer than this for a rate limit: fail instead
    sleep: Callable[[float], None] = time.sleep
    spacing: bool = True  # PyGithub's spacing of requests (1 s between writes); off in tests


class PublishError(Exception):
    """A GitHub call failed; `kind` says how the caller should react."""

    def __init__(self, kind: str, message: str, permission: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind  # permission | auth | rate | transient | invalid | error
        self.permission = permission


@lru_cache(maxsize=1)
def _retry_class() -> type:
    from github.GithubException import RateLimitExceededExceedsMaxWait
    from github.GithubRetry import GithubRetry

    class GateRetry(GithubRetry):  # type: ignore[misc]
        """GithubRetry whose sleeps are injectable and capped, and that reads x-ratelimit-reset on 429."""

        def __init__(self, sleeper: Callable[[float], None] = time.sleep, cap: float = 120.0, **kw: Any) -> None:
            self._sleeper, self._cap = sleeper, cap
            kw.setdefault("max_rate_limit_wait", cap)
            super().__init__(**kw)

        def new(self, **kw: Any) -> Any:
            kw.update(sleeper=self._sleeper, cap=self._cap)
            return super().new(**kw)

        def sleep(self, response: Any = None) -> None:
            wait = rate_limit_wait(dict(response.headers) if response is not None else {}, time.time())
            if wait is None:
                # urllib3 retries the first time at once; give a struggling server a moment
                wait = self.get_backoff_time() or self.backoff_factor / 2
            if wait > self._cap:
                raise RateLimitExceededExceedsMaxWait(response.status if response is not None else 0,
                                                      {"message": "rate limited"}, None, wait=wait)
            if wait > 0:
                self._sleeper(wait)

    return GateRetry


def rate_limit_wait(headers: dict[str, str], now: float) -> float | None:
    """Seconds GitHub asks us to wait: Retry-After, else x-ratelimit-reset when nothing remains."""
    lower = {k.lower(): v for k, v in headers.items()}
    after = lower.get("retry-after")
    if after:
        if after.strip().isdigit():
            return float(after)
        try:
            return max(0.0, parsedate_to_datetime(after).timestamp() - now)
        except (TypeError, ValueError):
            return None
    if lower.get("x-ratelimit-remaining") == "0" and (lower.get("x-ratelimit-reset") or "").isdigit():
        return max(0.0, int(lower["x-ratelimit-reset"]) - now) + 1.0  # +1: the reset second itself
    return None


def make_github(settings: ClientSettings) -> "github.Github":
    import github

    retry = _retry_class()(
        sleeper=settings.sleep, cap=settings.max_wait, total=settings.retries, connect=settings.retries,
        read=settings.retries, status=settings.retries, backoff_factor=settings.backoff,
        status_forcelist=list(RETRY_STATUSES), allowed_methods=IDEMPOTENT, raise_on_status=False,
        respect_retry_after_header=True, secondary_rate_wait=min(60.0, settings.max_wait))
    spacing: dict[str, Any] = {} if settings.spacing else {"seconds_between_requests": None,
                                                           "seconds_between_writes": None}
    return github.Github(auth=github.Auth.Token(settings.token), base_url=settings.api_url,
                         timeout=settings.timeout, retry=retry, per_page=100, lazy=True,
                         user_agent="readiness-gate", **spacing)


# What each call needs, for the notice when a token lacks it. GitHub's own
# X-Accepted-GitHub-Permissions header wins when the response carries it.
PERMISSIONS = {
    "check-run": "checks: write",
    "commit-status": "statuses: write",
    "comment": "pull-requests: write",
    "pulls": "pull-requests: read",
    "environments": "actions: read",
    "branch-protection": "administration: read",
    "code-scanning": "security-events: read",
    "default-setup": "administration: read",
}


def _header(headers: Any, name: str) -> str | None:
    for key, value in dict(headers or {}).items():
        if key.lower() == name:
            return str(value)
    return None


def classify(exc: BaseException, action: str, token: str = "") -> PublishError:
    """Turn a PyGithub/requests exception into a PublishError with a safe one-line message."""
    from github.GithubException import GithubException, RateLimitExceededExceedsMaxWait

    if isinstance(exc, PublishError):
        return exc
    if isinstance(exc, RateLimitExceededExceedsMaxWait):
        return PublishError("rate", f"{action}: GitHub asked to wait {exc.wait or 0:.0f}s for its rate limit, "
                                    "more than this run waits")
    if isinstance(exc, GithubException):
        status = exc.status
        message = exc.data.get("message") if isinstance(exc.data, dict) else None
        text = redact(f"{action}: HTTP {status} from GitHub" + (f" ({message})" if message else ""), token)
        accepted = _header(exc.headers, "x-accepted-github-permissions")
        if status == 401:
            return PublishError("auth", text + "; the token is invalid or expired")
        if status in (403, 429) and (rate_limit_wait(dict(exc.headers or {}), time.time()) is not None
                                     or "rate limit" in (message or "").lower()):
            return PublishError("rate", text + " after retries")
        if status in (403, 404):
            permission = _pretty(accepted) if accepted else PERMISSIONS.get(action.split(" ")[0])
            return PublishError("permission", text, permission)
        if status == 422:
            return PublishError("invalid", text)
        if status >= 500:
            return PublishError("transient", text + " after retries")
        return PublishError("error", text)
    name = type(exc).__name__
    if "Timeout" in name or "timed out" in str(exc).lower():
        return PublishError("transient", f"{action}: GitHub did not answer in time (after retries)")
    import requests

    if isinstance(exc, (requests.RequestException, ConnectionError, OSError)):
        return PublishError("transient", f"{action}: connection to GitHub failed ({name}) after retries")
    raise exc


def _pretty(accepted: str) -> str:
    # "checks=write; contents=read" → "checks: write" (GitHub lists alternatives; name the first)
    first = accepted.split(";")[0].split(",")[0].strip()
    return first.replace("=", ": ").replace("_", "-")


def redact(text: str, token: str) -> str:
    """Belt and braces: no message we print may carry the token, whatever GitHub echoes."""
    if token and len(token) >= 4:
        text = text.replace(token, "***")
    return re.sub(r"(gh[pousr]_|github_pat_)[A-Za-z0-9_]{10,}", "***", text)


def retry_write(write: Callable[[], T], settings: ClientSettings, action: str,
                already_done: Callable[[], T | None] | None = None) -> T:
    """Run a non-idempotent write (POST) with bounded retries.

    Rate limits (403/429 with Retry-After or reset) were refused before any effect, so the
    write is simply repeated after the wait. A 5xx, reset or timeout may have been applied:
    `already_done()` looks for the result first, so a retry never creates a duplicate.
    """
    attempt = 0
    while True:
        try:
            return write()
        except Exception as exc:  # noqa: BLE001 - classified below, re-raised as PublishError
            error = classify(exc, action, settings.token)
            if error.kind not in ("rate", "transient") or attempt >= settings.retries:
                raise error from None
            headers = dict(getattr(exc, "headers", None) or {})
            wait = rate_limit_wait(headers, time.time())
            wait = settings.backoff * (2 ** attempt) if wait is None else wait
            if wait > settings.max_wait:
                raise error from None
            settings.sleep(wait)
            attempt += 1
            if error.kind == "transient" and already_done is not None:
                found = already_done()
                if found is not None:
                    return found


def call(fn: Callable[[], T], settings: ClientSettings, action: str) -> T:
    """An idempotent call: the transport already retried it; only classify what is left."""
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001
        raise classify(exc, action, settings.token) from None


def link_next(headers: dict[str, Any]) -> str | None:
    """The rel="next" URL of a paginated answer."""
    link = _header(headers, "link") or ""
    match = re.search(r'<([^>]+)>;\s*rel="next"', link)
    return match.group(1) if match else None
