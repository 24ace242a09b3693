"""Run zizmor over the repository's workflows and actions and read its findings as facts.

zizmor is the engine of the hardening domain: the gate does not re-implement its
audits, it judges what zizmor reports. It runs as a subprocess, started before the
rest of collection and joined at the end, so the wall time is the longer of the two,
not their sum. It runs offline, with no GitHub token in its environment, unless the
policy allows online audits; with a time bound; with `--no-ignores`, so that findings
the repository's own zizmor configuration or inline `# zizmor: ignore[...]` comments
silence are still read, and shown as waived with their reason instead of vanishing.

Anything that keeps zizmor from answering (not installed, a crash, a time-out,
output that is not its JSON) ends in `ZizmorFacts(ran=False, reason=...)`: the rules
then say "unknown" with that reason, never pass.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import weakref
from pathlib import Path
from typing import Any

from msgspec import Struct

from gate.collect.repo import MAX_FILE_BYTES, RepoFiles
from gate.collect.workflows import WORKFLOW_DIR, is_workflow_file
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.model.paths import resolve_inside

# Names the executable (a path, or a name looked up on PATH) in place of the
# installed zizmor: how a test stands a broken one in.
EXECUTABLE_ENV = "READINESS_GATE_ZIZMOR"
DEFAULT_TIMEOUT = 120.0
MAX_INPUTS = 2000             # files handed to one run: far below the argument-length limit
MAX_OUTPUT_BYTES = 64 << 20
MAX_FINDINGS = 5000
# Tokens zizmor would pick up from its environment and use for online audits.
TOKEN_ENV = ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")
CONFIG_NAMES = (".github/zizmor.yml", ".github/zizmor.yaml", "zizmor.yml", "zizmor.yaml")
SEVERITIES = ("unknown", "informational", "low", "medium", "high")
CONFIDENCES = ("unknown", "low", "medium", "high")
ONLINE_PARAM_RULE = "hardening.known-vulnerable-actions"  # whose `online` param allows network audits

_LOCAL_USES = lazy(r"""^\s*-?\s*uses:\s*['"]?\./([^@'"\s#]*)""", re.M)
_WARN_PREFIX = lazy(r"^WARN (\S+: )*")
_IGNORE = lazy(r"zizmor:\s*ignore\[([^\]]*)\]\s*(.*)")


class ZizmorFinding(Struct, frozen=True):
    """One zizmor finding, at its primary location (the sink), with zizmor's own words."""

    audit: str                    # zizmor's audit ident, e.g. template-injection
    desc: str
    url: str                      # the audit's documentation
    severity: str                 # one of SEVERITIES
    confidence: str               # one of CONFIDENCES
    location: Location            # path relative to the repository root, 1-based line and column
    annotation: str = ""          # what zizmor says at the primary location
    related: tuple[str, ...] = ()  # "path:line: annotation" of the other visible locations
    expression: str = ""          # the text at the primary location up to `}}` (e.g. `inputs.title`)
    waived: str | None = None     # why the repository's zizmor configuration ignores it

    def line(self) -> str:
        """One line for a report's details: where, which audit, what, how sure, the docs."""
        col = f":{self.location.column}" if self.location.column else ""
        what = self.annotation or self.desc
        return (f"{self.location}{col}: [{self.audit}] {what} ({self.severity} severity, "
                f"{self.confidence} confidence) {self.url}")


class ZizmorFacts(Struct):
    """What zizmor's audit found, or why it did not run (then hardening rules say unknown)."""

    ran: bool
    reason: str = ""                                   # one line: why not, or what was audited
    findings: tuple[ZizmorFinding, ...] = ()
    inputs: tuple[str, ...] = ()                       # the files zizmor audited
    online: bool = False
    config: str | None = None                          # the repository's zizmor configuration file
    disabled: frozenset[str] = frozenset()             # audits that configuration turns off
    notices: tuple[str, ...] = ()
    seconds: float = 0.0


def online_allowed(policy: Any) -> bool:
    """Whether the policy lets zizmor's network audits run (they need a token too)."""
    try:
        cfg = policy.rule_config(ONLINE_PARAM_RULE) or {}
    except Exception:  # a policy object without rule configuration: the safe default
        return False
    params = cfg.get("params") if isinstance(cfg, dict) else None
    return isinstance(params, dict) and params.get("online") is True


def zizmor_inputs(repo: RepoFiles) -> list[str]:
    """The repository's workflows and its own actions: the root action, actions under
    `.github/`, and every directory a workflow or action uses as `./path`, followed."""
    def small(path: str) -> bool:
        return repo.sizes.get(path, MAX_FILE_BYTES + 1) <= MAX_FILE_BYTES

    workflows = [f for f in repo.under(WORKFLOW_DIR) if is_workflow_file(f) and small(f)]
    actions = {f for f in repo.named("action.yml", "action.yaml") if small(f) and ("/" not in f or f.startswith(".github/"))}
    queue = list(workflows) + sorted(actions)
    seen: set[str] = set(queue)
    while queue and len(seen) < MAX_INPUTS:
        text = repo.read(queue.pop()) or ""
        for m in _LOCAL_USES.finditer(text):
            base = resolve_inside(m.group(1))
            if base is None:
                continue
            for name in ("action.yml", "action.yaml"):
                path = f"{base}/{name}" if base else name
                if repo.exists(path) and small(path) and path not in seen:
                    seen.add(path)
                    actions.add(path)
                    queue.append(path)
    return (workflows + sorted(actions))[:MAX_INPUTS]


def zizmor_executable() -> str | None:
    """The stand-in named by READINESS_GATE_ZIZMOR, else the zizmor beside this interpreter, else PATH."""
    chosen = os.environ.get(EXECUTABLE_ENV)
    if chosen:
        return shutil.which(chosen) or (chosen if Path(chosen).is_file() else None)
    here = Path(sys.executable).parent / ("zizmor.exe" if os.name == "nt" else "zizmor")
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    return shutil.which("zizmor")


class ZizmorRun:
    """A zizmor process under way; `result()` waits for it within the time bound."""

    def __init__(self, repo: RepoFiles, *, online: bool = False, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.root = Path(repo.root)
        # online audits need the policy's leave and a token; without one zizmor stays offline
        self.online = online and any(os.environ.get(k) for k in TOKEN_ENV)
        self.timeout = timeout
        self.start = time.monotonic()
        self.inputs = tuple(zizmor_inputs(repo))
        self._repo = repo
        self._lines: dict[str, list[str]] = {}
        self.config = next((c for c in CONFIG_NAMES if repo.exists(c)), None)
        self._config_text = repo.read(self.config) if self.config else None
        self._proc: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._early: ZizmorFacts | None = None
        if not self.inputs:
            self._early = ZizmorFacts(True, "no workflows or actions to audit", online=self.online, config=self.config)
            return
        exe = zizmor_executable()
        if exe is None:
            named = os.environ.get(EXECUTABLE_ENV)
            self._early = ZizmorFacts(False, f"{named} (named by {EXECUTABLE_ENV}) is not an executable" if named
                                      else "zizmor is not installed (it comes with readiness-gate: "
                                      "pip install readiness-gate)", online=self.online)
            return
        self._tmp = tempfile.TemporaryDirectory(prefix="gate-zizmor-")
        cmd = [exe, "--format", "json-v1", "--no-exit-codes", "--no-progress", "--color", "never",
               "--no-ignores", "--persona", "regular", "--collect", "workflows,actions"]
        cmd += ["--config", self.config] if self.config else ["--no-config"]
        if not self.online:
            cmd.append("--offline")
        cmd += ["--", *(f"./{p}" for p in self.inputs)]
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("ZIZMOR_") and (self.online or k not in TOKEN_ENV)}
        env["NO_COLOR"] = "1"
        try:
            self._out = open(Path(self._tmp.name, "out.json"), "wb")  # noqa: SIM115 - closed in _cleanup
            self._err = open(Path(self._tmp.name, "err.txt"), "wb")
            self._proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdin=subprocess.DEVNULL,
                                          stdout=self._out, stderr=self._err, start_new_session=True)
            # if collection fails before result() joins it, zizmor must not outlive the run
            weakref.finalize(self, _reap, self._proc)
        except OSError as exc:
            self._early = ZizmorFacts(False, f"zizmor could not start: {exc.strerror or exc}", online=self.online)
            self._cleanup()

    def result(self) -> ZizmorFacts:
        if self._early is not None:
            return self._early
        assert self._proc is not None and self._tmp is not None
        try:
            left = max(0.0, self.timeout - (time.monotonic() - self.start))
            try:
                code = self._proc.wait(timeout=left)
            except subprocess.TimeoutExpired:
                self._kill()
                return self._facts(False, f"zizmor did not finish within {self.timeout:g} s")
            self._out.close()
            self._err.close()
            err = Path(self._tmp.name, "err.txt").read_bytes()[-65536:].decode("utf-8", "replace")
            if code != 0:
                return self._facts(False, f"zizmor exited with status {code}{_tail(err)}")
            out = Path(self._tmp.name, "out.json")
            if out.stat().st_size > MAX_OUTPUT_BYTES:
                return self._facts(False, f"zizmor's output is larger than {MAX_OUTPUT_BYTES >> 20} MiB")
            try:
                data = json.loads(out.read_bytes().decode("utf-8", "replace"))
            except (json.JSONDecodeError, UnicodeDecodeError):
                return self._facts(False, "zizmor's output is not JSON" + _tail(err))
            if not isinstance(data, list):
                return self._facts(False, "zizmor's output is not a list of findings")
            ignores, disabled = _config_rules(self._config_text)
            findings = [f for f in (_finding(item, ignores, self.config, self._line)
                                    for item in data[:MAX_FINDINGS]) if f]
            capped = (f"zizmor audited the first {MAX_INPUTS} workflow and action files only",) \
                if len(self.inputs) >= MAX_INPUTS else ()
            return self._facts(True, f"zizmor audited {len(self.inputs)} file(s)"
                               + (" (online audits on)" if self.online else " offline"),
                               findings=tuple(findings), disabled=disabled, notices=capped + _warnings(err))
        finally:
            self._cleanup()

    def _line(self, loc: Location) -> str:
        """The text of the finding's line from its column on (the file is one zizmor audited, read once)."""
        if loc.path not in self.inputs or not loc.line:
            return ""
        if loc.path not in self._lines:  # many findings in one file: split it once
            self._lines[loc.path] = (self._repo.read(loc.path) or "").splitlines()
        lines = self._lines[loc.path]
        return lines[loc.line - 1][(loc.column or 1) - 1:] if loc.line <= len(lines) else ""

    def _facts(self, ran: bool, reason: str, **kw: Any) -> ZizmorFacts:
        return ZizmorFacts(ran, reason, inputs=self.inputs, online=self.online, config=self.config,
                           seconds=time.monotonic() - self.start, **kw)

    def _kill(self) -> None:
        assert self._proc is not None
        try:
            os.killpg(self._proc.pid, signal.SIGKILL)
        except (OSError, AttributeError):
            self._proc.kill()
        self._proc.wait()

    def _cleanup(self) -> None:
        for fh in (getattr(self, "_out", None), getattr(self, "_err", None)):
            if fh is not None and not fh.closed:
                fh.close()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


def _reap(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        proc.wait()


def start_zizmor(repo: RepoFiles, *, online: bool = False, timeout: float = DEFAULT_TIMEOUT) -> ZizmorRun:
    """Start zizmor on the repository's workflows and actions; call `.result()` to join it."""
    return ZizmorRun(repo, online=online, timeout=timeout)


def _tail(stderr: str) -> str:
    """The last meaningful line zizmor wrote, for a one-line reason."""
    lines = [ln.strip() for ln in stderr.splitlines()
             if ln.strip() and not ln.lstrip().startswith(("INFO", "Stack backtrace", "at ")) and not re.match(r"\s*\d+:", ln)]
    picked = next((ln for ln in lines if ln.lower().startswith(("error", "fatal"))), lines[-1] if lines else "")
    return f": {picked[:300]}" if picked else ""


def _warnings(stderr: str) -> tuple[str, ...]:
    """zizmor's warnings (an input it could not parse and skipped), bounded."""
    out = [f"zizmor skipped an input: {_WARN_PREFIX.sub('', ' '.join(ln.split()))[:300]}"
           for ln in stderr.splitlines() if " WARN " in f" {ln} "]
    return tuple(out[:20])


def _config_rules(text: str | None) -> tuple[dict[str, list[tuple[str, int | None, int | None, str]]], frozenset[str]]:
    """`rules.<audit>.ignore` entries as (filename, line, column, the entry as written) and the disabled audits.

    zizmor's own rule (config/mod.rs, `Config::ignores`): an entry names the base
    filename and optionally a 1-based line and column; a finding is ignored when any
    of its locations starts there.
    """
    if not text:
        return {}, frozenset()
    from gate.model.yamlsafe import YamlError, load

    try:
        doc = load(text)
    except YamlError:
        return {}, frozenset()  # zizmor itself rejects it, and then it did not run
    rules = doc.get("rules") if isinstance(doc, dict) else None
    ignores: dict[str, list[tuple[str, int | None, int | None, str]]] = {}
    disabled: set[str] = set()
    for audit, cfg in (rules or {}).items() if isinstance(rules, dict) else ():
        if not isinstance(cfg, dict):
            continue
        if cfg.get("disable") is True:
            disabled.add(str(audit))
        for entry in cfg.get("ignore") or () if isinstance(cfg.get("ignore"), list) else ():
            parts = str(entry).split(":")
            nums = [int(p) if p.isdigit() else None for p in parts[1:3]]
            ignores.setdefault(str(audit), []).append((parts[0], *(nums + [None, None])[:2], _with_comment(text, str(entry))))
    return ignores, frozenset(disabled)


def _with_comment(text: str, entry: str) -> str:
    """The entry, and the YAML comment written beside it: where teams say why."""
    for line in text.splitlines():
        if entry in line and "#" in line.split(entry, 1)[1]:
            why = line.split(entry, 1)[1].split("#", 1)[1].strip()
            return f"{entry} ({why[:300]})" if why else entry
    return entry


def _finding(item: Any, ignores: dict, config: str | None, line_at: Any = None) -> ZizmorFinding | None:
    if not isinstance(item, dict) or not isinstance(item.get("ident"), str):
        return None
    det = item.get("determinations") if isinstance(item.get("determinations"), dict) else {}
    locs = [loc for loc in (_location(raw) for raw in item.get("locations") or () if isinstance(raw, dict)) if loc]
    if not locs:
        return None
    primary = next((loc for loc in locs if loc[0] == "Primary"), locs[0])
    related = tuple(f"{loc[1]}: {loc[2]}" for loc in locs if loc is not primary and loc[0] == "Related" and loc[2])
    audit = item["ident"]
    waived = None
    if item.get("ignored") is True:  # zizmor read an inline `# zizmor: ignore[audit]` on the finding
        waived = _inline_reason(locs, audit, primary[1])
    else:
        waived = _config_reason(audit, locs, ignores, config)
    return ZizmorFinding(
        audit=audit, desc=str(item.get("desc", "")), url=str(item.get("url", "")),
        severity=_level(det.get("severity"), SEVERITIES), confidence=_level(det.get("confidence"), CONFIDENCES),
        location=primary[1], annotation=primary[2], related=related[:5], waived=waived,
        expression=line_at(primary[1]).split("}}", 1)[0].strip()[:200] if line_at else "")


def _location(raw: dict) -> tuple[str, Location, str, list[str]] | None:
    sym = raw.get("symbolic") if isinstance(raw.get("symbolic"), dict) else {}
    con = raw.get("concrete") if isinstance(raw.get("concrete"), dict) else {}
    key = sym.get("key") if isinstance(sym.get("key"), dict) else {}
    local = key.get("Local") if isinstance(key.get("Local"), dict) else None
    if local is None or not isinstance(local.get("verbatim_path"), str):
        return None
    path = local["verbatim_path"]
    path = path[2:] if path.startswith("./") else path
    start = (con.get("location") or {}).get("start_point") or {}
    row, col = start.get("row"), start.get("column")
    loc = Location(path, row + 1 if isinstance(row, int) else None, col + 1 if isinstance(col, int) else None)
    comments = [c for c in con.get("comments") or () if isinstance(c, str)]
    return str(sym.get("kind", "")), loc, " ".join(str(sym.get("annotation", "")).split())[:300], comments


def _level(value: Any, levels: tuple[str, ...]) -> str:
    text = str(value or "").lower()
    return text if text in levels else "unknown"


def _inline_reason(locs: list, audit: str, at: Location) -> str:
    for _, _, _, comments in locs:
        for comment in comments:
            m = _IGNORE.search(comment)
            if m and audit in (a.strip() for a in m.group(1).split(",")):
                why = m.group(2).strip(" -:—") or "no reason given"
                return f"`# zizmor: ignore[{audit}]` at {at}: {why[:300]}"
    return f"`# zizmor: ignore[{audit}]` at {at}"


def _config_reason(audit: str, locs: list, ignores: dict, config: str | None) -> str | None:
    for _, loc, _, _ in locs:
        name = loc.path.rsplit("/", 1)[-1]
        for filename, line, column, written in ignores.get(audit, ()):
            if filename != name:
                continue
            if line is None or (line == loc.line and (column is None or column == loc.column)):
                return f"{config}: rules.{audit}.ignore: {written}"
    return None


def findings_for(facts: ZizmorFacts | None, audits: frozenset[str] | set[str]) -> list[ZizmorFinding]:
    """The findings of the given audits, in file order."""
    if facts is None:
        return []
    return sorted((f for f in facts.findings if f.audit in audits),
                  key=lambda f: (f.location.path, f.location.line or 0, f.location.column or 0, f.audit))


__all__ = ["ZizmorFacts", "ZizmorFinding", "ZizmorRun", "start_zizmor", "zizmor_inputs", "online_allowed",
           "findings_for", "EXECUTABLE_ENV", "SEVERITIES", "CONFIDENCES"]
