"""REST calls under one deadline: bounded retries, rate limits, and bodies parsed defensively.

Every answer is checked before it is believed: a 2xx whose body is cut off, HTML, or not
the JSON shape asked for is a failure like a 5xx, never an exception from a parser. A
request that may have reached GitHub (a reset or timeout after sending, a 5xx, a bad body)
is retried here only when repeating it is harmless; a POST raises `ApiError` with
`ambiguous=True` and the caller looks for what it may have created before writing again.
"""
from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from msgspec import Struct, field

log = logging.getLogger("gate.github")

MAX_BODY = 32 * 1024 * 1024  # no answer the gate reads is this large; a bigger one is not GitHub's
MAX_REDIRECTS = 3
SECONDARY_WAIT = 60.0  # GitHub: without Retry-After, wait at least a minute after a secondary limit
RETRY_STATUSES = frozenset({500, 502, 503, 504})

# What each action needs, for the notice when a token lacks it. GitHub's own
# X-Accepted-GitHub-Permissions header wins when the response carries it.
PERMISSIONS = {
    "check-run": "checks: write",
    "commit-status": "statuses: write",
    "comment": "pull-requests: write",
    "pulls": "pull-requests: read",
    "commit": "contents: read",
    "contents": "contents: read",
    "environments": "actions: read",
    "branch-protection": "administration: read",
    "code-scanning": "security-events: read",
    "default-setup": "administration: read",
}


class ApiError(Exception):
    """A GitHub call that did not succeed; one safe line, and how the caller should react.

    kind: auth | permission | missing (404/410) | rate | transient | invalid (422) |
          malformed (an answer that is not what GitHub sends) | deadline | error
    ambiguous: the request may have been applied (only ever set for non-idempotent calls).
    """

    def __init__(self, kind: str, message: str, permission: str | None = None, status: int | None = None,
                 ambiguous: bool = False) -> None:
        super().__init__(message)
        self.kind, self.permission, self.status, self.ambiguous = kind, permission, status, ambiguous


class Deadline:
    """One budget of seconds for a whole run: every timeout, retry and wait is cut to fit it."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.seconds, self.clock, self._sleep = float(seconds), clock, sleep
        self.end = clock() + float(seconds)

    def left(self) -> float:
        return max(0.0, self.end - self.clock())

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._sleep(seconds)


class ClientSettings(Struct, frozen=True):
    api_url: str
    token: str
    timeout: float = 10.0  # seconds one request may take at most (connect + whole body)
    retries: int = 4  # further attempts per request
    backoff: float = 1.0  # 1, 2, 4 … seconds between attempts
    max_wait: float = 120.0  # longest rate-limit wait this run accepts, within the deadline
    deadline: float = 90.0  # seconds for everything the client does
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    user_agent: str = "readiness-gate"


class Response(Struct):
    status: int
    headers: dict[str, str]
    data: Any
    url: str = ""
    attempts: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


def clean_token(raw: str | None, name: str = "GITHUB_TOKEN") -> str:
    """The token without surrounding whitespace; one inside it is refused with a clear message."""
    token = (raw or "").strip()
    if token and (re.search(r"\s", token) or not token.isprintable()):
        raise ApiError("auth", f"the token in ${name} contains a line break, space or control character; "
                               "store the token alone (no quotes, no second line)")
    return token


def redact(text: str, token: str) -> str:
    """No message the gate prints may carry the token, whatever GitHub or a proxy echoes."""
    if token and len(token) >= 4:
        text = text.replace(token, "***")
    return re.sub(r"(gh[pousr]_|github_pat_)[A-Za-z0-9_]{6,}", "***", text)


def rate_limit_wait(headers: dict[str, str], now: float | None = None) -> float | None:
    """Seconds GitHub asks us to wait: Retry-After, else x-ratelimit-reset when nothing remains."""
    now = time.time() if now is None else now
    lower = {k.lower(): v for k, v in headers.items()}
    after = (lower.get("retry-after") or "").strip()
    if after:
        if after.isdigit():
            return float(after)
        try:
            return max(0.0, parsedate_to_datetime(after).timestamp() - now)
        except (TypeError, ValueError, IndexError):
            return None
    reset = (lower.get("x-ratelimit-reset") or "").strip()
    if (lower.get("x-ratelimit-remaining") or "").strip() == "0" and reset.isdigit():
        return max(0.0, int(reset) - now) + 1.0  # +1: the reset second itself
    return None


def _permission(headers: dict[str, str], action: str) -> str | None:
    accepted = {k.lower(): v for k, v in headers.items()}.get("x-accepted-github-permissions")
    if accepted:  # "checks=write; contents=read" → "checks: write" (alternatives: name the first)
        first = accepted.split(";")[0].split(",")[0].strip()
        if first:
            return first.replace("=", ": ").replace("_", "-")
    return PERMISSIONS.get(action.split(" ")[0])


class _Transport(Exception):
    """The network failed; `sent`: the request may have reached GitHub."""

    def __init__(self, message: str, sent: bool) -> None:
        super().__init__(message)
        self.sent = sent


class Client:
    """One token, one API root, one deadline. `requests` counts HTTP requests actually sent."""

    def __init__(self, settings: ClientSettings, deadline: Deadline | None = None) -> None:
        self.settings = settings
        self.token = clean_token(settings.token)
        self.deadline = deadline or Deadline(settings.deadline, settings.clock, settings.sleep)
        self.api_url = settings.api_url.rstrip("/")
        origin = urlsplit(self.api_url)
        self._origin = (origin.scheme, origin.netloc)
        self.requests = 0  # HTTP requests sent, retries included
        self.calls = 0  # requests asked for (a retried one counts once)
        self._session: Any = None

    # -- the public calls --------------------------------------------------------------
    def get(self, path: str, params: dict[str, Any] | None = None, *, action: str,
            expect: type | None = dict) -> Response:
        return self.request("GET", path, params=params, action=action, expect=expect)

    def pages(self, path: str, params: dict[str, Any] | None, *, action: str, key: str | None = None,
              max_pages: int = 10) -> list[Any]:
        """Every item of a paginated list (`key`: the list inside an object answer), `link` followed."""
        items: list[Any] = []
        url: str | None = path
        query: dict[str, Any] | None = {**(params or {}), "per_page": 100}
        for _ in range(max_pages):
            if url is None:
                break
            answer = self.request("GET", url, params=query, action=action, expect=dict if key else list)
            chunk = answer.data.get(key) if key else answer.data
            if not isinstance(chunk, list):
                raise ApiError("malformed", f"{action}: GitHub's answer has no list of {key or 'items'}")
            items += [item for item in chunk if isinstance(item, dict)]
            url, query = _link_next(answer.headers), None
            if url is not None and not self._same_origin(url):
                raise ApiError("malformed", f"{action}: the next page is on another host; not followed")
        return items

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None, body: Any = None,
                action: str, expect: type | None = dict, idempotent: bool | None = None) -> Response:
        """One call with retries; raises ApiError. `expect`: the JSON type of a 2xx body (None: any/none)."""
        idempotent = method != "POST" if idempotent is None else idempotent
        url = path if path.startswith(("http://", "https://")) else self.api_url + path
        self.calls += 1
        attempt, redirects = 0, 0
        while True:
            failure: ApiError
            try:
                status, headers, raw = self._send(method, url, params, body, action)
            except _Transport as exc:
                failure = ApiError("transient", f"{action}: {exc}", ambiguous=exc.sent and not idempotent)
                if failure.ambiguous or not self._may_retry(attempt, failure):
                    raise self._final(failure, attempt) from None
                attempt += 1
                continue
            if status in (301, 302, 303, 307, 308):
                target = urljoin(url, headers.get("location") or "")
                follow = self._same_origin(target) and (status in (307, 308) or method == "GET")
                if not follow or redirects >= MAX_REDIRECTS:
                    raise ApiError("error", f"{action}: GitHub answered HTTP {status}, a redirect"
                                   f"{' to another host' if not self._same_origin(target) else ''}; "
                                   "check GITHUB_API_URL (GitHub Enterprise: https://HOST/api/v3)", status=status)
                url, params, redirects = target, None, redirects + 1
                continue
            if 200 <= status < 300:
                data, problem = _parse(raw, expect, status)
                if problem is None:
                    return Response(status, headers, data, url, attempt + 1)
                failure = ApiError("malformed", f"{action}: HTTP {status} from GitHub, but {problem}",
                                   status=status, ambiguous=not idempotent)
                if failure.ambiguous or not self._may_retry(attempt, failure):
                    raise self._final(failure, attempt) from None
                attempt += 1
                continue
            failure = self._error(status, headers, raw, action)
            if failure.kind == "rate":
                wait = rate_limit_wait(headers)
                if wait is None:
                    wait = SECONDARY_WAIT if status == 403 or "secondary" in str(failure) else None
                if attempt >= self.settings.retries:
                    raise ApiError("rate", f"{failure} (still limited after {attempt + 1} attempts)", status=status)
                self._wait_for_rate(wait, attempt, failure, action)
                attempt += 1
                continue
            if failure.kind == "transient":
                failure.ambiguous = not idempotent
                if failure.ambiguous:
                    raise failure
                asked = rate_limit_wait(headers)  # a 503 may say when to come back
                if asked is not None and attempt < self.settings.retries:
                    self._wait_for_rate(asked, attempt, failure, action)
                elif not self._may_retry(attempt, failure):
                    raise self._final(failure, attempt) from None
                attempt += 1
                continue
            raise failure

    def graphql(self, query: str, variables: dict[str, Any], *, action: str) -> dict[str, Any]:
        """A GraphQL call (its endpoint sits beside the REST root); errors in a 200 are failures."""
        root = self.api_url[:-len("/api/v3")] + "/api" if self.api_url.endswith("/api/v3") else self.api_url
        answer = self.request("POST", root + "/graphql", body={"query": query, "variables": variables},
                              action=action, idempotent=True)
        errors = answer.data.get("errors")
        if errors:
            first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
            kind = "missing" if first.get("type") == "NOT_FOUND" else "error"
            raise ApiError(kind, redact(f"{action}: GraphQL error ({str(first.get('message') or errors)[:200]})",
                                        self.token))
        return answer.data.get("data") if isinstance(answer.data.get("data"), dict) else {}

    # -- retries and waits ---------------------------------------------------------------
    def backoff(self, attempt: int, failure: ApiError) -> None:
        """The pause before a caller's own retry of a write; raises `failure` when the deadline has no room."""
        wait = self.settings.backoff * (2 ** attempt)
        if wait >= self.deadline.left():
            raise ApiError(failure.kind, f"{failure}; no time left for another attempt within the "
                                         f"{self.deadline.seconds:.0f}s deadline (--deadline)",
                           failure.permission, failure.status)
        self.deadline.sleep(wait)

    def _may_retry(self, attempt: int, failure: ApiError) -> bool:
        if attempt >= self.settings.retries:
            return False
        wait = self.settings.backoff * (2 ** attempt)
        if wait >= self.deadline.left():
            return False
        self.deadline.sleep(wait)
        return self.deadline.left() > 0

    def _final(self, failure: ApiError, attempt: int) -> ApiError:
        if failure.ambiguous:
            return failure
        suffix = f" after {attempt + 1} attempts" if attempt else ""
        if attempt < self.settings.retries:  # stopped early: no time for another attempt
            suffix += f"; no time left for another attempt within the {self.deadline.seconds:.0f}s deadline (--deadline)"
        return ApiError(failure.kind, str(failure) + suffix, failure.permission, failure.status)

    def _wait_for_rate(self, wait: float | None, attempt: int, failure: ApiError, action: str) -> None:
        if wait is None:
            wait = self.settings.backoff * (2 ** attempt)
        left = self.deadline.left()
        if wait > self.settings.max_wait or wait >= left:
            limit = min(self.settings.max_wait, left)
            why = " for its rate limit" if failure.kind == "rate" else f" after HTTP {failure.status}"
            raise ApiError("rate", f"{action}: GitHub asked to wait {wait:.0f}s{why}, more than "
                                   f"the {limit:.0f}s this run has left (--deadline)", status=failure.status)
        self.deadline.sleep(wait)

    # -- one HTTP exchange ---------------------------------------------------------------
    def _same_origin(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc) == self._origin

    def _http(self) -> Any:
        if self._session is None:
            import requests

            self._session = requests.Session()  # proxies and CA bundles from the environment still apply
            self._session.headers.update({
                "Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": self.settings.user_agent})
        return self._session

    def _bearer(self, prepared: Any) -> Any:
        """Auth as a callable, so no .netrc entry for the host can replace the token."""
        if self.token:
            prepared.headers["Authorization"] = f"Bearer {self.token}"
        return prepared

    def _send(self, method: str, url: str, params: dict[str, Any] | None, body: Any,
              action: str) -> tuple[int, dict[str, str], bytes]:
        import requests

        left = self.deadline.left()
        if left <= 0:
            raise ApiError("deadline", f"{action}: the deadline of {self.deadline.seconds:.0f}s for talking to "
                                       "GitHub ran out before this call (--deadline)")
        budget = min(float(self.settings.timeout), left)
        started = self.deadline.clock()
        self.requests += 1
        try:
            resp = self._http().request(method, url, params=params, json=body, auth=self._bearer, stream=True,
                                        allow_redirects=False, timeout=(budget, budget))
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema):
            raise ApiError("error", f"{action}: {self.api_url!r} is not an API URL; set GITHUB_API_URL "
                                    "(https://api.github.com, or https://HOST/api/v3)") from None
        except requests.exceptions.ConnectTimeout:
            raise _Transport("could not connect to GitHub in time", sent=False) from None
        except requests.exceptions.Timeout:
            raise _Transport("GitHub did not answer in time", sent=True) from None
        except requests.exceptions.ConnectionError as exc:
            sent = not _refused_before_sending(exc)
            raise _Transport(f"the connection to GitHub failed ({_cause(exc)})", sent=sent) from None
        except requests.exceptions.RequestException as exc:
            raise _Transport(f"the request to GitHub failed ({type(exc).__name__})", sent=True) from None
        import urllib3

        try:
            chunks: list[bytes] = []
            size = 0
            while True:
                # read1: whatever has arrived, so a body trickling in is measured against the budget
                # after every packet, not only once a large buffer is full.
                chunk = resp.raw.read1(65536, decode_content=True)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BODY:
                    raise _Transport("GitHub's answer is larger than any it sends", sent=True)
                if self.deadline.clock() - started > budget:
                    raise _Transport("GitHub's answer arrived too slowly", sent=True)
        except (urllib3.exceptions.HTTPError, requests.exceptions.RequestException, OSError) as exc:
            raise _Transport(f"the connection broke while reading GitHub's answer ({_cause(exc)})",
                             sent=True) from None
        finally:
            resp.close()
        log.debug("%s %s -> %s", method, urlsplit(url).path, resp.status_code)
        return resp.status_code, {k.lower(): v for k, v in resp.headers.items()}, b"".join(chunks)

    def _error(self, status: int, headers: dict[str, str], raw: bytes, action: str) -> ApiError:
        data, _ = _parse(raw, dict, status)
        message = data.get("message") if isinstance(data, dict) and isinstance(data.get("message"), str) else None
        text = redact(f"{action}: HTTP {status} from GitHub" + (f" ({message[:200]})" if message else ""),
                      self.token)
        lowered = (message or "").lower()
        if status == 401:
            return ApiError("auth", text + "; the token is invalid or expired", status=status)
        if status == 429 or (status == 403 and (rate_limit_wait(headers) is not None or "rate limit" in lowered)):
            return ApiError("rate", text, status=status)
        if status == 403:
            return ApiError("permission", text, _permission(headers, action), status)
        if status in (404, 410):
            return ApiError("missing", text, _permission(headers, action), status)
        if status == 422:
            return ApiError("invalid", text, status=status)
        if status in RETRY_STATUSES or status >= 500:
            return ApiError("transient", text, status=status)
        return ApiError("error", text, status=status)


def _parse(raw: bytes, expect: type | None, status: int) -> tuple[Any, str | None]:
    """(data, None), or (None, what is wrong with the body) — never an exception."""
    if not raw.strip():
        if expect is None or status == 204:
            return None, None
        return None, "its answer is empty"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "its answer is not text"
    except ValueError:
        head = raw.lstrip()[:1]
        what = "an HTML page" if head == b"<" else "cut off" if head in (b"{", b"[") else "not JSON"
        return None, f"its answer is {what}"
    if expect is not None and not isinstance(data, expect):
        return None, f"its answer is a JSON {type(data).__name__}, not the {expect.__name__} GitHub sends here"
    return data, None


def _link_next(headers: dict[str, str]) -> str | None:
    match = re.search(r'<([^>]+)>;\s*rel="next"', headers.get("link") or "")
    return match.group(1) if match else None


def _cause(exc: BaseException) -> str:
    seen: set[int] = set()
    while exc.__context__ is not None and id(exc) not in seen:
        seen.add(id(exc))
        exc = exc.__context__
    text = type(exc).__name__
    return "connection reset" if "Reset" in text or "reset" in str(exc).lower() else text


def _refused_before_sending(exc: BaseException) -> bool:
    """A connection that was never made cannot have delivered the request."""
    text = repr(exc)
    return "NewConnectionError" in text or "NameResolutionError" in text or "Connection refused" in text
