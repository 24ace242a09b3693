"""A stateful fake of GitHub's REST API on 127.0.0.1, checked against GitHub's OpenAPI description.

Every request is matched to an operation of the vendored description; its path, query and
body are validated, and so is every response the fake sends (`violations`). A request the
description does not allow is answered 404/422 *and* recorded, so the test fails in the
fixture's teardown even when the client swallowed the error.
"""
from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import routes
from .faults import Fault
from .objects import user
from .spec import Operation, load_spec



@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    op_id: str | None
    status: int | None = None
    headers: dict[str, str] | None = None


class RepoState:
    """What GitHub knows about the one repository the tests talk to."""

    def __init__(self, owner: str, name: str) -> None:
        self.owner, self.name = owner, name
        self.default_branch = "main"
        self.issues: set[int] = set()
        self.comments: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self.minimized: set[int] = set()
        self.check_runs: list[dict[str, Any]] = []
        self.statuses: list[dict[str, Any]] = []
        self.environments: list[dict[str, Any]] = []
        self.branch_policies: dict[str, list[dict[str, Any]]] = {}
        self.protection: dict[str, Any] | None = None  # None: "Branch not protected"
        self.branch_rules: list[dict[str, Any]] = []
        self.alerts: list[dict[str, Any]] = []
        self.default_setup: dict[str, Any] | None = None  # None: 404
        self.pulls: list[dict[str, Any]] = []
        self.commits: dict[str, list[str]] = {}  # sha → parent SHAs (for GET commits/{ref})
        # files of any repository the token can read, for GET contents: (owner/name, path, ref) → text
        self.files: dict[tuple[str, str, str], str] = {}
        self.next_id = 1000

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id


class FakeGitHub:
    """Start with `start()`; `api_url` is what GITHUB_API_URL would be."""

    def __init__(self, prefix: str = "", token: str = "ghs_faketoken", owner: str = "octo", repo: str = "app") -> None:
        self.prefix = prefix.rstrip("/")  # "" like api.github.com, "/api/v3" like GitHub Enterprise Server
        self.token = token
        self.repo = RepoState(owner, repo)
        self.spec = load_spec()
        self.requests: list[Recorded] = []
        self.violations: list[str] = []
        self.read_only = False  # a fork PR's token: every write is refused with 403
        self.denied: dict[str, Fault] = {}  # op_id → answer forever (missing permission)
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self.bot = user()  # who the token writes as (GITHUB_TOKEN: the Actions bot)
        self.token_user: str | None = None  # a user token's login; None: an installation token (GET /user is 403)

    # -- life cycle -------------------------------------------------------------------
    def start(self) -> "FakeGitHub":
        fake = self

        class Handler(_Handler):
            owner = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), name="fake-github", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def host(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.host + self.prefix

    # -- test controls ----------------------------------------------------------------
    def inject(self, op_id: str, *faults: Fault) -> None:
        """Answer the next calls of `op_id` with these faults, in order, then normally."""
        if op_id not in {op.op_id for op in self.spec.operations} | {"graphql"}:
            raise ValueError(f"unknown operation {op_id}")
        with self._lock:
            self._faults[op_id].extend(faults)

    def deny(self, op_id: str, status: int = 403) -> None:
        self.denied[op_id] = Fault.forbidden() if status == 403 else Fault.not_found()

    def calls(self, op_id: str | None = None) -> list[Recorded]:
        return [r for r in self.requests if op_id is None or r.op_id == op_id]

    def comments_with(self, issue: int, text: str) -> list[dict[str, Any]]:
        return [c for c in self.repo.comments.get(issue, []) if text in c["body"]]

    def add_pull(self, number: int, head_sha: str, head_ref: str = "feature", head_owner: str | None = None,
                 state: str = "open") -> None:
        routes.add_pull(self, number, head_sha, head_ref, head_owner or self.repo.owner, state)

    def add_file(self, repository: str, path: str, ref: str, text: str) -> None:
        """Serve `text` at GET /repos/{repository}/contents/{path}?ref={ref} (any repository)."""
        with self._lock:
            self.repo.files[(repository, path, ref)] = text

    def as_user(self, login: str = "octocat", uid: int = 583231) -> None:
        """The token is a user's (a PAT): GET /user names them, and they author what the token writes."""
        self.token_user = login
        self.bot = user(login, uid)

    def add_comment(self, issue: int, body: str, login: str = "github-actions[bot]") -> dict[str, Any]:
        with self._lock:
            return routes.new_comment(self, issue, body, user(login, 7) if login != self.bot["login"] else self.bot)

    # -- request handling (called from server threads) ---------------------------------
    def next_fault(self, op_id: str) -> Fault | None:
        with self._lock:
            if self._faults.get(op_id):
                return self._faults[op_id].popleft()
            return self.denied.get(op_id)

    def violation(self, message: str) -> None:
        with self._lock:
            self.violations.append(message)


def _send(handler: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
    data = b"" if body is None else json.dumps(body).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json; charset=utf-8")
    handler.send_header("Content-Length", str(len(data)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    if data:
        handler.wfile.write(data)


class _Handler(BaseHTTPRequestHandler):
    owner: FakeGitHub
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stalls

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PATCH = do_DELETE = do_PUT = do_GET

    def _reset(self) -> None:
        # SO_LINGER 0 turns close() into a TCP RST: "connection reset by peer" on the client.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _handle(self) -> None:
        fake = self.owner
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
            fake.violation(f"{self.command} {split.path}: body is not JSON")
        query = parse_qs(split.query, keep_blank_values=True)
        path = split.path
        rec = Recorded(self.command, path, query, body, None, headers=dict(self.headers))
        with fake._lock:
            fake.requests.append(rec)
        graphql_path = "/graphql" if not fake.prefix else "/api/graphql"  # GHES: beside /api/v3
        if self.command == "POST" and path == graphql_path:
            rec.op_id = "graphql"
            if not self._authorised():
                rec.status = 401
                return _send(self, 401, {"message": "Bad credentials"})
            return self._answer(rec, None, {}, routes.graphql)
        if not path.startswith(fake.prefix + "/"):
            fake.violation(f"{self.command} {path}: outside the API prefix {fake.prefix!r}")
            rec.status = 404
            return _send(self, 404, {"message": "Not Found"})
        path = path[len(fake.prefix):]
        rec.path = path
        if not self._authorised():
            rec.status = 401
            return _send(self, 401, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"})
        matched = fake.spec.match(self.command, path)
        if matched is None:
            fake.violation(f"{self.command} {path}: no such operation in the description")
            rec.status = 404
            return _send(self, 404, {"message": "Not Found"})
        op, params = matched
        rec.op_id = op.op_id
        for problem in fake.spec.check_request(op, params, query, body):
            fake.violation(f"request {op.op_id}: {problem}")
        handler = routes.HANDLERS.get(op.op_id)
        if handler is None:
            fake.violation(f"{op.op_id}: no handler in the fake")
            return _send(self, 501, {"message": "not implemented"})
        self._answer(rec, op, params, handler)

    def _authorised(self) -> bool:
        header = self.headers.get("Authorization", "")
        scheme, _, value = header.partition(" ")
        return scheme.lower() in ("token", "bearer") and value == self.owner.token

    def _answer(self, rec: Recorded, op: Operation | None, params: dict[str, str], handler: Any) -> None:
        fake = self.owner
        fault = fake.next_fault(rec.op_id or "")
        if fault is None and fake.read_only and self.command != "GET":
            fault = Fault.forbidden()
        if fault is not None and fault.barrier is not None:
            try:
                fault.barrier.wait(timeout=10)
            except threading.BrokenBarrierError:
                pass
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        if fault is not None and not fault.applies and (fault.reset or fault.status or fault.raw is not None):
            rec.status = fault.status
            if fault.reset:
                return self._reset()
            if fault.raw is not None:
                return _send_raw(self, fault.status or 200, fault.raw, fault.content_type, fault.headers)
            # Faults are what GitHub (or a proxy) says on any route; only documented statuses are checked.
            if op is not None and str(fault.status) in op.responses and fault.body is not None:
                for problem in fake.spec.check_response(op, fault.status, fault.body):
                    fake.violation(f"fault {rec.op_id}: {problem}")
            return _send(self, fault.status, fault.body, fault.headers)
        try:
            with fake._lock:
                status, body, headers = handler(fake, params, rec.query, rec.body)
        except Exception as exc:  # a bug in the fake must fail the test, not hang it
            fake.violation(f"fake crashed on {rec.op_id}: {exc!r}")
            rec.status = 500
            return _send(self, 500, {"message": "fake crashed"})
        if fault is not None and fault.applies:
            rec.status = fault.status or status
            data = b"" if body is None else json.dumps(body).encode()
            try:
                if fault.truncate:
                    return _send_raw(self, fault.status or status, data[:max(1, len(data) // 2)],
                                     fault.content_type, headers)
                if fault.reset_mid_body:
                    self._head(status, len(data), fault.content_type, headers)
                    self.wfile.write(data[:len(data) // 2])
                    self.wfile.flush()
                    return self._reset()
                if fault.trickle:
                    self._head(status, len(data), fault.content_type, headers)
                    for start in range(0, len(data), 64):
                        self.wfile.write(data[start:start + 64])
                        self.wfile.flush()
                        time.sleep(fault.trickle)
                    return None
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (deadline)
                return None
            if fault.reset:
                return self._reset()
            if fault.raw is not None:
                return _send_raw(self, fault.status or 200, fault.raw, fault.content_type, fault.headers)
            return _send(self, fault.status or 502, fault.body, fault.headers)
        rec.status = status
        # GitHub answers 404 on any route for what is gone or hidden, documented or not
        # (a comment deleted by a concurrent run): only a 404's body shape is GitHub's usual.
        if op is not None and not (status == 404 and "404" not in op.responses):
            for problem in fake.spec.check_response(op, status, body):
                fake.violation(f"response {rec.op_id}: {problem}")
        try:
            _send(self, status, body, headers)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
            pass

    def _head(self, status: int, length: int, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()


def _send_raw(handler: BaseHTTPRequestHandler, status: int, data: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(data)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    if data:
        handler.wfile.write(data)
