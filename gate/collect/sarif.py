"""SARIF 2.1.0 ingestion: files, directories and globs in, normalised `Finding`s out.

Any producer works (CodeQL, semgrep, bandit formatters, trivy …). SARIF files are
user input: a file that is too large, not JSON, not version 2.1.0 or not shaped like
SARIF raises `SarifError(path, message)` with one line; odd elements inside an
otherwise valid log are skipped and counted in `notices` rather than crashing.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import posixpath
import re
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import unquote, urlsplit

from msgspec import Struct, field
from msgspec.structs import replace

from gate.model.findings import FINGERPRINT_KEY, GATE_TOOL, LEVEL_SEVERITY, SEVERITY_RANK, Finding, severity_from_score  # noqa: F401

MAX_SARIF_BYTES = 128 << 20   # a CodeQL log of a very large repository stays well under this
MAX_FINDINGS = 50_000         # kept per load; the rest are counted in a notice
MAX_FILES = 200               # SARIF files taken from one directory or glob
MAX_MESSAGE = 1000
_SNIPPET_BYTES = 1 << 20      # source files read to hash a snippet are bounded too


class SarifError(Exception):
    """A SARIF input that cannot be used; str() is one line naming the file."""

    def __init__(self, path: str | os.PathLike, message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


class SarifLoad(Struct):
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    tools: set[str] = field(default_factory=set)  # every tool with a run, even one with no results
    # work done, for tests and the bench: results read, distinct URIs resolved, source files read for snippets
    work: dict[str, int] = field(default_factory=lambda: {"results": 0, "uris_resolved": 0, "files_read": 0})


def tool_key(name: str) -> str:
    """A stable short name: "Semgrep OSS" and our own semgrep run both become "semgrep"."""
    low = " ".join(str(name).lower().split())
    for known in ("codeql", "semgrep", "bandit"):
        if low.startswith(known):
            return known
    return low.replace(" ", "-") or "unknown"


# ---------------------------------------------------------------- inputs


def expand_paths(specs: Iterable[str | os.PathLike], cwd: str | os.PathLike = ".") -> list[Path]:
    """Files as given; directories searched for *.sarif / *.sarif.json; globs expanded."""
    out: list[Path] = []
    for spec in specs:
        text = str(spec)
        path = Path(cwd, text)
        if any(ch in text for ch in "*?["):
            matches = sorted(glob.glob(str(path), recursive=True))[:MAX_FILES + 1]
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                raise SarifError(text, "the pattern matched no SARIF file")
        elif path.is_dir():
            files = _sarif_in_dir(path)
            if not files:
                raise SarifError(text, "directory holds no *.sarif or *.sarif.json file")
        elif path.is_file():
            files = [path]
        else:
            raise SarifError(text, "no such file or directory")
        if len(files) > MAX_FILES:
            raise SarifError(text, f"more than {MAX_FILES} SARIF files; name them more narrowly")
        out.extend(f for f in files if f not in out)
    return out


def _sarif_in_dir(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):  # does not follow directory links
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith((".sarif", ".sarif.json")):
                found.append(Path(dirpath, name))
                if len(found) > MAX_FILES:
                    return found
    return found


def load_paths(specs: Iterable[str | os.PathLike], repo_root: str | os.PathLike, *,
               cwd: str | os.PathLike = ".", max_findings: int = MAX_FINDINGS) -> SarifLoad:
    """Every SARIF file the specs name, merged, capped at `max_findings` (most severe kept)."""
    total = SarifLoad()
    for path in expand_paths(specs, cwd):
        one = load_file(path, repo_root, max_findings=max_findings)
        total.files.append(str(path))
        total.findings.extend(one.findings)
        total.notices.extend(one.notices)
        total.tools |= one.tools
    total.findings = _cap(total.findings, max_findings, "the SARIF inputs", total.notices)
    return total


def load_file(path: str | os.PathLike, repo_root: str | os.PathLike | None = None, *,
              max_findings: int = MAX_FINDINGS, max_bytes: int = MAX_SARIF_BYTES) -> SarifLoad:
    name = str(path)
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise SarifError(name, f"{size} bytes is over the {max_bytes}-byte bound for a SARIF file")
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SarifError(name, f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise SarifError(name, f"over the {max_bytes}-byte bound for a SARIF file")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SarifError(name, "is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise SarifError(name, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise SarifError(name, "JSON nested too deeply") from None
    del raw
    return parse_log(data, name, repo_root, max_findings=max_findings)


# ---------------------------------------------------------------- parsing


def parse_log(data: Any, source: str, repo_root: str | os.PathLike | None = None, *,
              max_findings: int = MAX_FINDINGS, tool_override: str | None = None,
              rule_id_fn: Callable[[str], str] | None = None) -> SarifLoad:
    """Normalise a decoded SARIF log; `source` names it in errors and notices.

    `tool_override` names the tool whatever the driver says; `rule_id_fn` maps rule ids
    (our semgrep run strips the install-path prefix semgrep adds to them)."""
    if not isinstance(data, dict):
        raise SarifError(source, "not a SARIF log (the top level is not a JSON object)")
    version = data.get("version")
    if version != "2.1.0":
        raise SarifError(source, f"SARIF version {version!r} is not supported; only 2.1.0 is")
    runs = data.get("runs")
    if not isinstance(runs, list):
        raise SarifError(source, "not a SARIF log (no 'runs' array)")
    ctx = _Context(source, Path(repo_root).resolve() if repo_root else None)
    out = SarifLoad()
    rows: list[list[Any]] = []
    for run in runs:
        if isinstance(run, dict) and _driver_name(run) == GATE_TOOL:
            continue  # the gate's own rule results (a SARIF it wrote) are not scanner findings
        if isinstance(run, dict):
            rows.extend(_parse_run(run, ctx, tool_override, rule_id_fn))
            out.tools.add(tool_override or tool_key(_driver_name(run)))
        else:
            ctx.skipped += 1
    _number_rows(rows)
    found = len(rows)
    if found > max_findings:  # cap before building objects that would be dropped; stable: the tool's order stays
        rows.sort(key=lambda r: -SEVERITY_RANK.get(r[2], 0))
        del rows[max_findings:]
    out.findings = [Finding(*row) for row in rows]
    del rows
    if ctx.skipped:
        out.notices.append(f"{source}: {ctx.skipped} malformed result(s) or run(s) skipped")
    if ctx.suppressed:
        out.notices.append(f"{source}: {ctx.suppressed} suppressed, absent or non-failing result(s) ignored")
    if ctx.unlocated:
        out.notices.append(f"{source}: {ctx.unlocated} result(s) have no file location")
    if found > max_findings:
        out.notices.append(f"{source}: {found} findings; only the {max_findings} most severe are kept")
    out.work = {"results": ctx.results, "uris_resolved": ctx.resolved, "files_read": len(ctx.lines)}
    return out


class _Context:
    def __init__(self, source: str, root: Path | None) -> None:
        self.source = source
        self.root = root
        self.skipped = 0
        self.suppressed = 0
        self.unlocated = 0
        self.results = 0
        self.resolved = 0
        self.lines: dict[str, list[str] | None] = {}  # source files read for snippets, once each
        self.paths: dict[tuple[str, Any], str] = {}    # results repeat their files: normalise each once
        self.rules: dict[tuple[Any, ...], dict] = {}   # and their rules: resolve each reference once


def _driver_name(run: dict) -> str:
    name = _obj(_obj(run.get("tool")).get("driver")).get("name")
    return name if isinstance(name, str) else "unknown"


def _obj(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _parse_run(run: dict, ctx: _Context, tool_override: str | None,
               rule_id_fn: Callable[[str], str] | None) -> list[list[Any]]:
    """The run's findings as rows (Finding fields), fingerprints not yet numbered; each result read once."""
    tool = _obj(run.get("tool"))
    driver = _obj(tool.get("driver"))
    name = tool_override or tool_key(_driver_name(run))
    components = [driver] + [_obj(e) for e in _list(tool.get("extensions"))]
    by_id: dict[str, dict] = {}
    for comp in components:
        for rule in _list(comp.get("rules")):
            if isinstance(rule, dict) and isinstance(rule.get("id"), str):
                by_id.setdefault(rule["id"], rule)
    bases = _obj(run.get("originalUriBaseIds"))
    ctx.paths = {}  # bases are per run, so is the cache of paths resolved with them
    ctx.rules = {}
    rows: list[list[Any]] = []
    results = _list(run.get("results"))
    ctx.results += len(results)
    for result in results:
        if not isinstance(result, dict):
            ctx.skipped += 1
            continue
        if _ignored(result):
            ctx.suppressed += 1
            continue
        row = _row(result, name, components, by_id, bases, ctx, rule_id_fn)
        if row is None:
            ctx.skipped += 1
        else:
            rows.append(row)
    return rows


def _ignored(result: dict) -> bool:
    """Suppressed in source, absent from this run, or not a failure (pass, informational …)."""
    sups = result.get("suppressions")
    if sups and isinstance(sups, list):
        for sup in sups:
            if _obj(sup).get("status", "accepted") == "accepted":
                return True
    if result.get("baselineState") == "absent":
        return True
    return result.get("kind", "fail") not in ("fail", "review", "open")


def _rule_for(result: dict, components: list[dict], by_id: dict[str, dict], ctx: _Context) -> dict:
    ref = result.get("rule")
    ref = ref if isinstance(ref, dict) else {}
    comp_ref = ref.get("toolComponent")
    comp_index = comp_ref.get("index") if isinstance(comp_ref, dict) else None
    rule_id = result.get("ruleId") or ref.get("id")
    key = (rule_id if isinstance(rule_id, str) else None, ref.get("index"), result.get("ruleIndex"),
           comp_index if isinstance(comp_index, int) else None)
    try:
        return ctx.rules[key]  # results repeat their rules: resolve each reference once
    except (KeyError, TypeError):
        pass
    comp = components[comp_index + 1] if isinstance(comp_index, int) and 0 <= comp_index < len(components) - 1 \
        else components[0]
    rules = _list(comp.get("rules"))
    found = None
    for index in (ref.get("index"), result.get("ruleIndex")):
        if not (isinstance(index, int) and 0 <= index < len(rules) and isinstance(rules[index], dict)):
            continue
        if rule_id is None or rules[index].get("id") in (rule_id, None):  # an index naming another rule is wrong
            found = rules[index]
            break
    if found is None:
        found = by_id.get(rule_id, {}) if isinstance(rule_id, str) else {}
    try:
        ctx.rules[key] = found
    except TypeError:  # an unhashable index: not cached
        pass
    return found


def _row(result: dict, tool: str, components: list[dict], by_id: dict[str, dict],
         bases: dict, ctx: _Context, rule_id_fn: Callable[[str], str] | None) -> list[Any] | None:
    """A Finding's fields, its fingerprint not yet numbered; None for a result without a rule id."""
    rule = _rule_for(result, components, by_id, ctx)
    rule_id = result.get("ruleId") or _obj(result.get("rule")).get("id") or rule.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        return None
    if rule_id_fn is not None:
        rule_id = rule_id_fn(rule_id)
    level = result.get("level") or _obj(rule.get("defaultConfiguration")).get("level") or "warning"
    level = level if level in LEVEL_SEVERITY else "warning"
    severity = _severity(result, rule, level)
    message = _message(result, rule)
    path, line, column, snippet = _location(result, bases, ctx)
    if not path:
        ctx.unlocated += 1
    help_uri = rule.get("helpUri") if isinstance(rule.get("helpUri"), str) else None
    fingerprint = _fingerprint(tool, rule_id, path, result, snippet, line, message, ctx)
    return [tool, rule_id, severity, level, message, path, line, column, fingerprint, help_uri]


def _number_rows(rows: list[list[Any]]) -> None:
    """number_occurrences, on rows before they become Findings (index 6 is the line, 8 the fingerprint)."""
    seen: dict[str, int] = {}
    for row in sorted(rows, key=lambda r: r[6] or 0):  # stable: the log's order within a line
        fp = row[8]
        if ":" in fp:
            continue
        n = seen[fp] = seen.get(fp, 0) + 1
        row[8] = f"{fp}:{n}"


def _severity(result: dict, rule: dict, level: str) -> str:
    for props in (result.get("properties"), rule.get("properties")):
        if not isinstance(props, dict):
            continue
        raw = props.get("security-severity")
        if raw is None:
            continue
        try:
            score = float(raw)
        except (TypeError, ValueError):
            continue
        if score == score:  # NaN is no score
            return severity_from_score(score)
    return LEVEL_SEVERITY[level]


def _message(result: dict, rule: dict) -> str:
    msg = _obj(result.get("message"))
    text = msg.get("text")
    if not isinstance(text, str) and isinstance(msg.get("id"), str):
        # Message strings live on the rule; {0}, {1} … take the result's arguments.
        text = _obj(_obj(rule.get("messageStrings")).get(msg["id"])).get("text")
        args = [str(a) for a in _list(msg.get("arguments"))]
        if isinstance(text, str):
            text = re.sub(r"\{(\d+)\}", lambda m: args[int(m.group(1))] if int(m.group(1)) < len(args)
                          else m.group(0), text)
    if not isinstance(text, str):
        text = _obj(rule.get("shortDescription")).get("text") or str(rule.get("id") or "")
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 1] + "…"


def _location(result: dict, bases: dict, ctx: _Context) -> tuple[str, int | None, int | None, str | None]:
    locs = result.get("locations")
    if not isinstance(locs, list):
        return "", None, None, None
    for loc in locs:
        phys = loc.get("physicalLocation") if isinstance(loc, dict) else None
        if not isinstance(phys, dict):
            continue
        art = phys.get("artifactLocation")
        uri = art.get("uri") if isinstance(art, dict) else None
        if not isinstance(uri, str) or not uri:
            continue
        base_id = art.get("uriBaseId")
        key = (uri, base_id if isinstance(base_id, str) else None)
        path = ctx.paths.get(key)
        if path is None:
            path = ctx.paths[key] = normalise_uri(uri, key[1], bases, ctx.root)
            ctx.resolved += 1
        region = phys.get("region")
        if not isinstance(region, dict):
            return path, None, None, None
        line = region.get("startLine")
        line = line if type(line) is int and line >= 1 else None
        col = region.get("startColumn")
        col = col if type(col) is int and col >= 1 else None
        snippet = region.get("snippet")
        snippet = snippet.get("text") if isinstance(snippet, dict) else None
        return path, line, col, snippet if isinstance(snippet, str) else None
    return "", None, None, None


# ---------------------------------------------------------------- paths


def normalise_uri(uri: str, base_id: Any, bases: dict, root: Path | None) -> str:
    """A repository-relative posix path from a SARIF artifact URI.

    A relative URI is joined with its `uriBaseId` chain from `originalUriBaseIds` up to the
    first absolute base: that base is where the producer had the checkout, so what is
    below it is the repository path wherever the log was made. An absolute URI loses
    `file://` and the checkout prefix: the local root, $GITHUB_WORKSPACE, or — for a log
    made on another machine — the longest tail of the path that exists under the root.
    """
    text = uri
    for _ in range(8):  # base chains are short; a cycle must not loop forever
        if _is_absolute(text) or not isinstance(base_id, str):
            break
        base = _obj(bases.get(base_id))
        base_uri = base.get("uri")
        if not isinstance(base_uri, str) or _is_absolute(base_uri):
            break
        text = base_uri.rstrip("/") + "/" + text if base_uri else text
        base_id = base.get("uriBaseId")
    parts = urlsplit(text)
    if parts.scheme == "file":
        text = unquote(parts.path)
    elif parts.scheme and len(parts.scheme) > 1:  # http: and friends are not repository files
        return text
    else:
        text = unquote(text)
    text = text.replace("\\", "/")
    if re.match(r"^/?[A-Za-z]:/", text):  # file:///C:/… on Windows
        text = text.lstrip("/")
    if _is_absolute(text):
        return _strip_prefix(text, root)
    clean = posixpath.normpath(text)
    return "" if clean == "." else clean


def _is_absolute(text: str) -> bool:
    return text.startswith(("/", "file:")) or bool(re.match(r"^[A-Za-z]:[/\\]", text))


def _strip_prefix(text: str, root: Path | None) -> str:
    clean = posixpath.normpath(text)
    prefixes = [str(root)] if root else []
    if os.environ.get("GITHUB_WORKSPACE"):
        prefixes.append(os.environ["GITHUB_WORKSPACE"])
    for prefix in prefixes:
        prefix = posixpath.normpath(prefix.replace("\\", "/"))
        if clean.startswith(prefix.rstrip("/") + "/"):
            return clean[len(prefix.rstrip("/")) + 1:]
    if root is not None:
        segments = [s for s in clean.split("/") if s and not re.match(r"^[A-Za-z]:$", s)]
        for i in range(len(segments)):  # longest existing tail first
            tail = "/".join(segments[i:])
            if (root / tail).is_file():
                return tail
    return clean


# ---------------------------------------------------------------- fingerprints


def _fingerprint(tool: str, rule_id: str, path: str, result: dict, snippet: str | None,
                 line: int | None, message: str, ctx: _Context) -> str:
    """Stable across runs: never the line number, so moving code does not make it new."""
    raw = result.get("partialFingerprints")
    if isinstance(raw, dict) and raw:
        plh = raw.get("primaryLocationLineHash")
        if type(plh) is str and not raw.get(FINGERPRINT_KEY):  # CodeQL's, on every result: the common case
            return fingerprint_of(tool, rule_id, path, "plh:" + plh)
        partial = {k: v for k, v in raw.items() if isinstance(v, str)}
    else:
        partial = {}
    if partial.get(FINGERPRINT_KEY):
        return partial[FINGERPRINT_KEY]  # a log the gate wrote: its fingerprint is final, occurrence included
    if "primaryLocationLineHash" in partial:
        key = "plh:" + partial["primaryLocationLineHash"]
    elif partial:
        key = "pf:" + json.dumps(partial, sort_keys=True)
    else:
        text = snippet if snippet and snippet.strip() else source_line(ctx, path, line)
        key = "snip:" + normalise_snippet(text) if text else "msg:" + message
    return fingerprint_of(tool, rule_id, path, key)


def fingerprint_of(tool: str, rule_id: str, path: str, key: str) -> str:
    return hashlib.sha256("\x1f".join((tool, rule_id, path, key)).encode("utf-8", "replace")).hexdigest()[:32]


def normalise_snippet(text: str) -> str:
    """Without any whitespace: re-indenting or reformatting code keeps its fingerprint."""
    return "".join(text.split())


def source_line(ctx: _Context, path: str, line: int | None) -> str | None:
    """The finding's source line, read (bounded) from the repository when the log has no snippet."""
    if ctx.root is None or not path or not line:
        return None
    if path not in ctx.lines:
        ctx.lines[path] = _read_lines(ctx.root, path)
    lines = ctx.lines[path]
    if lines is None or line > len(lines):
        return None
    return lines[line - 1]


def _read_lines(root: Path, path: str) -> list[str] | None:
    target = (root / path)
    try:
        if not target.resolve().is_relative_to(root) or not target.is_file():
            return None  # never read outside the repository on a log's say-so
        with open(target, "rb") as fh:
            data = fh.read(_SNIPPET_BYTES)
    except OSError:
        return None
    return data.decode("utf-8", "replace").splitlines()


def number_occurrences(findings: list[Finding]) -> list[Finding]:
    """Identical code twice in a file gives two fingerprints (…:1, …:2), in line order."""
    seen: dict[str, int] = {}
    out = list(findings)
    for i in sorted(range(len(findings)), key=lambda i: (findings[i].line or 0, i)):
        fp = findings[i].fingerprint
        if ":" in fp:  # already numbered: the gate's own fingerprint, read back from its SARIF
            continue
        seen[fp] = seen.get(fp, 0) + 1
        out[i] = replace(findings[i], fingerprint=f"{fp}:{seen[fp]}")
    return out


def _cap(findings: list[Finding], limit: int, source: str, notices: list[str]) -> list[Finding]:
    if len(findings) <= limit:
        return findings
    notices.append(f"{source}: {len(findings)} findings; only the {limit} most severe are kept")
    # A stable sort keeps the tool's order within a severity.
    return sorted(findings, key=lambda f: -f.rank)[:limit]
