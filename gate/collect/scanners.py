"""Run bandit and semgrep as subprocesses and turn their output into `Finding`s.

Neither is imported here: importing this module must stay cheap, and a scanner that
crashes must not take the gate down with it. Every run has a time bound and ends in
a `ScanOutcome`; a missing, crashing or slow scanner gives `ran=False` and a one-line
reason, never a hang or a traceback. Semgrep runs strictly offline with the rule files
shipped in `policies/semgrep/` only.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

from msgspec import Struct

from gate.collect.sarif import Finding, SarifError, fingerprint_of, normalise_snippet, number_occurrences, parse_log

SCANNERS = ("bandit", "semgrep")
DEFAULT_TIMEOUT = 300.0
# Rules ship with the package (gate/policies/semgrep) or sit at the checkout's root.
_HERE = Path(__file__).resolve().parents[1]
RULES_DIR = next((p for p in (_HERE / "policies" / "semgrep",) if p.is_dir()),
                 _HERE.parent / "policies" / "semgrep")
MAX_OUTPUT_BYTES = 256 << 20
_BATCH = 400  # files per bandit invocation: stays far below the argument-length limit

# Directories no scanner should read: dependencies, virtualenvs, caches (as the repo walk skips).
EXCLUDE_DIRS = (".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox", "site-packages",
                ".mypy_cache", ".pytest_cache", "bower_components", ".terraform")
BANDIT_SEVERITY = {"HIGH": "high", "MEDIUM": "medium", "LOW": "low"}
BANDIT_LEVEL = {"high": "error", "medium": "warning", "low": "note"}


class ScanOutcome(Struct, frozen=True):
    tool: str
    ran: bool
    findings: tuple[Finding, ...] = ()
    reason: str = ""                      # one line: why it did not run, or what it scanned
    notices: tuple[str, ...] = ()
    seconds: float = 0.0
    files: int | None = None              # files given in file-list mode; None for a full scan
    state: str = ""                       # ran | absent | crashed | timed-out; "" derives it from `ran`

    @property
    def status(self) -> str:
        """Why a scanner gave no findings matters: absent, crashed and timed out are not "0 findings"."""
        return self.state or ("ran" if self.ran else "crashed")

    @property
    def headline(self) -> str:
        """One line every format shows for this scanner, so a run that never happened cannot pass for a clean one."""
        if self.ran:
            n = len(self.findings)
            return f"{self.tool}: {n} finding{'' if n == 1 else 's'} ({self.reason or _scanned(self.files)})"
        why = {"absent": "not installed", "timed-out": "timed out", "crashed": "crashed"}[self.status]
        detail = self.reason
        for prefix in (f"{self.tool} is not installed ", f"{self.tool} "):
            if detail.startswith(prefix):
                detail = detail[len(prefix):]
                break
        detail = detail.strip()
        if detail.startswith("(") and detail.endswith(")"):
            detail = detail[1:-1]
        return f"{self.tool} not run: {why}" + (f" — {detail}" if detail and detail != why else "")

    def to_dict(self) -> dict:
        return {"tool": self.tool, "ran": self.ran, "status": self.status, "headline": self.headline,
                "findings": len(self.findings), "reason": self.reason,
                "seconds": round(self.seconds, 2), "files": self.files}


class _Proc(Struct):
    code: int | None = None
    stdout: bytes = b""
    stderr: str = ""
    timed_out: bool = False
    error: str = ""


_progress: Callable[[str], None] | None = None


def set_progress(hook: Callable[[str], None] | None) -> None:
    """Where to say that a scanner starts and ends (the CLI passes a stderr writer on a
    terminal); None for silence. A scanner run can take minutes: a user should see why."""
    global _progress
    _progress = hook


def run_scanners(root: str | os.PathLike, tools: Iterable[str], *, files: Sequence[str] | None = None,
                 timeout: float = DEFAULT_TIMEOUT, rules_dir: str | os.PathLike | None = None) -> list[ScanOutcome]:
    """Each named scanner over `root` (or only `files`, relative to root)."""
    out: list[ScanOutcome] = []
    for tool in tools:
        if _progress is not None:
            scope = "the whole repository" if files is None else f"{len(files)} file(s)"
            _progress(f"running {tool} over {scope} (stops after {timeout:g} s)…")
        out.append(_run_one(tool, root, files, timeout, rules_dir))
        if _progress is not None:
            _progress(f"{out[-1].headline} in {out[-1].seconds:.1f} s")
    return out


def _run_one(tool: str, root: str | os.PathLike, files: Sequence[str] | None, timeout: float,
             rules_dir: str | os.PathLike | None) -> ScanOutcome:
    if tool == "bandit":
        return run_bandit(root, files=files, timeout=timeout)
    if tool == "semgrep":
        return run_semgrep(root, files=files, timeout=timeout, rules_dir=rules_dir)
    return ScanOutcome(tool, False, reason=f"unknown scanner {tool!r} (known: {', '.join(SCANNERS)})",
                       state="absent")


# ---------------------------------------------------------------- bandit


def bandit_available(python: str | None = None) -> bool:
    """Whether `python` (this interpreter by default) can run bandit, without importing it here."""
    if python is None or python == sys.executable:
        return importlib.util.find_spec("bandit") is not None
    probe = _run([python, "-c", "import importlib.util as u, sys; sys.exit(u.find_spec('bandit') is None)"],
                 Path.cwd(), 30)
    return probe.code == 0


def run_bandit(root: str | os.PathLike, *, files: Sequence[str] | None = None,
               timeout: float = DEFAULT_TIMEOUT, python: str | None = None) -> ScanOutcome:
    """bandit over `root`, or only `files`; `python` is the interpreter that has bandit."""
    start = time.monotonic()
    root = Path(root)
    if not bandit_available(python):
        return ScanOutcome("bandit", False, reason="bandit is not installed (pip install 'readiness-gate[bandit]')",
                           state="absent")
    base = [python or sys.executable, "-m", "bandit", "-f", "json", "-q",
            "-x", ",".join(f"*/{d}/*" for d in EXCLUDE_DIRS)]
    py: list[str] = []
    if files is None:
        batches: list[list[str]] = [["-r", "."]]
    else:
        py = [f for f in files if f.endswith((".py", ".pyw")) and (root / f).is_file()]
        if not py:
            return ScanOutcome("bandit", True, reason="no Python files among the files to scan", files=0)
        batches = [py[i:i + _BATCH] for i in range(0, len(py), _BATCH)]
    findings: list[Finding] = []
    notices: list[str] = []
    lines: dict[str, list[str] | None] = {}
    for batch in batches:
        left = timeout - (time.monotonic() - start)
        proc = _run(base + ["--"] + batch if files is not None else base + batch, root, left)
        failure = _failure("bandit", proc, ok_codes=(0, 1), timeout=timeout)
        if failure:
            return ScanOutcome("bandit", False, reason=failure, seconds=time.monotonic() - start,
                               state=_failure_state(proc))
        try:
            data = json.loads(proc.stdout.decode("utf-8", "replace"))
        except json.JSONDecodeError:
            return ScanOutcome("bandit", False, reason="bandit wrote no JSON report" + _tail(proc.stderr),
                               seconds=time.monotonic() - start)
        findings.extend(_bandit_findings(data, root, lines))
        for err in data.get("errors", [])[:20] if isinstance(data, dict) else []:
            notices.append(f"bandit: {_rel(err.get('filename', '?'))}: {' '.join(str(err.get('reason', '')).split())}")
    findings = number_occurrences(findings)
    count = None if files is None else len(py)
    return ScanOutcome("bandit", True, tuple(findings), reason=_scanned(count), notices=tuple(notices),
                       seconds=time.monotonic() - start, files=count)


def _bandit_findings(data: object, root: Path, lines: dict[str, list[str] | None]) -> list[Finding]:
    out: list[Finding] = []
    results = data.get("results") if isinstance(data, dict) else None
    for r in results if isinstance(results, list) else []:
        if not isinstance(r, dict):
            continue
        path = _rel(str(r.get("filename", "")))
        line = r.get("line_number") if isinstance(r.get("line_number"), int) else None
        col = r.get("col_offset")
        severity = BANDIT_SEVERITY.get(str(r.get("issue_severity", "")).upper(), "medium")
        rule_id = str(r.get("test_id") or r.get("test_name") or "bandit")
        text = _line_of(root, path, line, lines)
        key = "snip:" + normalise_snippet(text) if text else "msg:" + str(r.get("issue_text", ""))
        message = " ".join(str(r.get("issue_text", "")).split())
        out.append(Finding("bandit", rule_id, severity, BANDIT_LEVEL[severity], message, path, line,
                           col + 1 if isinstance(col, int) else None,  # bandit counts columns from 0
                           fingerprint_of("bandit", rule_id, path, key), r.get("more_info") or None))
    return out


def _line_of(root: Path, path: str, line: int | None, cache: dict[str, list[str] | None]) -> str | None:
    if not line:
        return None
    if path not in cache:
        try:
            with open(root / path, "rb") as fh:
                cache[path] = fh.read(1 << 20).decode("utf-8", "replace").splitlines()
        except OSError:
            cache[path] = None
    text = cache[path]
    return text[line - 1] if text and line <= len(text) else None


# ---------------------------------------------------------------- semgrep


def semgrep_executable() -> str | None:
    """The semgrep next to this interpreter (the same virtualenv) first, then PATH."""
    here = Path(sys.executable).parent / ("semgrep.exe" if os.name == "nt" else "semgrep")
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    return shutil.which("semgrep")


def run_semgrep(root: str | os.PathLike, *, files: Sequence[str] | None = None,
                timeout: float = DEFAULT_TIMEOUT, rules_dir: str | os.PathLike | None = None) -> ScanOutcome:
    start = time.monotonic()
    root = Path(root)
    exe = semgrep_executable()
    if exe is None:
        return ScanOutcome("semgrep", False, reason="semgrep is not installed (pip install 'readiness-gate[semgrep]')",
                           state="absent")
    rules = Path(rules_dir) if rules_dir else RULES_DIR
    configs = sorted(p for p in rules.glob("*.y*ml") if p.is_file()) if rules.is_dir() else []
    if not configs:
        return ScanOutcome("semgrep", False, reason=f"no semgrep rule files in {rules}")
    if files is not None:
        targets = [f for f in files if (root / f).is_file()]
        if not targets:
            return ScanOutcome("semgrep", True, reason="no files to scan", files=0)
    else:
        targets = ["."]
    with tempfile.TemporaryDirectory(prefix="gate-semgrep-") as tmp:
        out = Path(tmp, "out.sarif")
        # --config only with local files: nothing is fetched from the registry.
        cmd = [exe, "scan", "--sarif", "--output", str(out), "--metrics=off", "--disable-version-check",
               "--quiet", "--timeout", "30", "--max-target-bytes", "2000000"]
        for cfg in configs:
            cmd += ["--config", str(cfg)]
        for d in EXCLUDE_DIRS:
            cmd += ["--exclude", d]
        wanted = set(targets) if files is not None else None
        # Beyond this the command line gets long: scan the tree, then keep the given files' findings.
        cmd += ["--"] + (targets if len(targets) <= 2000 else ["."])
        env = dict(os.environ, SEMGREP_SEND_METRICS="off", SEMGREP_ENABLE_VERSION_CHECK="0",
                   SEMGREP_USER_AGENT_APPEND="readiness-gate", SEMGREP_SETTINGS_FILE=str(Path(tmp, "settings.yml")))
        env.pop("SEMGREP_APP_TOKEN", None)  # never log in, never reach semgrep.dev
        env.pop("SEMGREP_RULES", None)
        proc = _run(cmd, root, timeout, env=env)
        failure = _failure("semgrep", proc, ok_codes=(0, 1), timeout=timeout)
        # Exit 3 means some target files did not parse: the results for the rest still hold.
        partial = proc.code == 3 and out.is_file()
        if failure and not partial:
            return ScanOutcome("semgrep", False, reason=failure + _sarif_error(out),
                               seconds=time.monotonic() - start, state=_failure_state(proc))
        try:
            if not out.is_file() or out.stat().st_size > MAX_OUTPUT_BYTES:
                return ScanOutcome("semgrep", False, reason="semgrep wrote no SARIF report" + _tail(proc.stderr),
                                   seconds=time.monotonic() - start)
            data = json.loads(out.read_text(encoding="utf-8", errors="replace"))
            load = parse_log(data, "semgrep", root, tool_override="semgrep", rule_id_fn=_short_rule_id)
        except (OSError, json.JSONDecodeError, SarifError) as exc:
            return ScanOutcome("semgrep", False, reason=f"semgrep output unreadable: {exc}",
                               seconds=time.monotonic() - start)
    notices = list(load.notices)
    if failure:
        notices.append(failure)
    findings = tuple(f for f in load.findings if wanted is None or f.path in wanted)
    count = None if files is None else len(targets)
    return ScanOutcome("semgrep", True, findings, reason=_scanned(count), notices=tuple(notices),
                       seconds=time.monotonic() - start, files=count)


def _sarif_error(path: Path) -> str:
    """Semgrep reports rule errors in the SARIF invocation, not on stderr when quiet."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_OUTPUT_BYTES:
            return ""
        data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
        for inv in data["runs"][0].get("invocations", []):
            for note in inv.get("toolExecutionNotifications", []):
                text = " ".join(str(note.get("message", {}).get("text", "")).split())
                if text:
                    return ": " + (text if len(text) <= 200 else text[:199] + "…")
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        pass
    return ""


def _short_rule_id(rule_id: str) -> str:
    """Semgrep prefixes rule ids with the rule file's directory ("work.app.policies.semgrep.x");
    our ids hold no dots, so the last part is the id wherever the package is installed."""
    return rule_id.rsplit(".", 1)[-1]


# ---------------------------------------------------------------- processes


def _run(cmd: list[str], cwd: Path, timeout: float, env: dict | None = None) -> _Proc:
    """Run with a hard time bound. Output goes to files, not pipes, and the whole process
    group is killed on timeout: semgrep's engine is a child process that would otherwise
    keep a pipe open and make the wait hang."""
    if timeout <= 0:
        return _Proc(timed_out=True)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                    env=env, start_new_session=True)
        except OSError as exc:
            return _Proc(error=f"could not start {Path(cmd[0]).name}: {exc.strerror or exc}")
        try:
            code = proc.wait(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            code, timed_out = None, True
        out.seek(0)
        err.seek(0)
        return _Proc(code=code, stdout=out.read(MAX_OUTPUT_BYTES),
                     stderr=err.read(64 << 10).decode("utf-8", "replace"), timed_out=timed_out)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        proc.kill()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _failure(tool: str, proc: _Proc, *, ok_codes: tuple[int, ...], timeout: float) -> str:
    if proc.error:
        return proc.error
    if proc.timed_out:
        return f"{tool} did not finish within {timeout:g} s and was stopped"
    if proc.code not in ok_codes:
        return f"{tool} failed with exit code {proc.code}" + _tail(proc.stderr)
    return ""


def _failure_state(proc: _Proc) -> str:
    return "timed-out" if proc.timed_out else "crashed"


def _tail(stderr: str) -> str:
    """The last meaningful stderr line: enough to act on, still one line."""
    for line in reversed(stderr.strip().splitlines()):
        line = " ".join(line.split())
        if line and not line.startswith(("Traceback", "File ")):
            return ": " + (line if len(line) <= 200 else line[:199] + "…")
    return ""


def _rel(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _scanned(count: int | None) -> str:
    return "scanned the whole repository" if count is None else f"scanned {count} changed file(s)"
