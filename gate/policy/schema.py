"""Validate a policy file: the JSON Schema (gate/policies/schema.json), then what a
schema cannot know (dates, every regular expression and glob, signature list names;
rule ids and params against the catalogue the caller passes). Every error is one
line, `file:line: key: what is wrong`, so a user fixes them all in one pass.

jsonschema is imported inside `schema_errors` only: it costs ~100 ms, and a `check`
that uses an embedded preset never validates anything at run time (the presets are
validated by the test suite).
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from msgspec import Struct, field

from gate.model.yamlsafe import YList, YMap

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "policies" / "schema.json"
CUSTOM_KINDS = ("exists", "file_matches", "file_not_matches", "workflow_step", "fresh")


class Known(Struct):
    """What a policy may name: filled from the rule registry and the merged policy."""

    rule_ids: set[str] = field(default_factory=set)    # empty: the catalogue was not given
    rule_params: dict[str, dict[str, Any]] = field(default_factory=dict)
    signature_keys: set[str] = field(default_factory=set)


def key_path(path: Sequence[Any]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (("." if out else "") + str(p))
    return out or "(top)"


def line_at(doc: Any, path: Sequence[Any]) -> int:
    """The line of the deepest key of `path` that exists in the document."""
    node, line = doc, getattr(doc, "line", 1)
    for p in path:
        if isinstance(node, YMap) and p in node:
            line, node = node.line_of(p), node[p]
        elif isinstance(node, YList) and isinstance(p, int) and 0 <= p < len(node):
            line, node = node.line_of(p), node[p]
        else:
            break
    return line


def _what(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return "a list" if isinstance(value, list) else "a mapping"


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def schema_errors(doc: Any, label: str) -> list[str]:
    """Every schema violation of one policy document, as `label:line: key: message`."""
    from jsonschema import Draft202012Validator  # lazy: see the module docstring

    validator = Draft202012Validator(_schema())
    out: list[tuple[int, str]] = []
    for err in validator.iter_errors(doc):
        for path, msg in _describe(err):
            out.append((line_at(doc, path), f"{label}:{line_at(doc, path)}: {key_path(path)}: {msg}"))
    return [m for _, m in sorted(dict.fromkeys(out), key=lambda x: x[0])]


def _describe(err: Any) -> list[tuple[list[Any], str]]:
    path = list(err.absolute_path)
    hint = err.schema.get("x-error") if isinstance(err.schema, dict) else None
    if "propertyNames" in err.absolute_schema_path:
        return [(path + [err.instance], f"`{err.instance}`: {hint or err.message}")]
    if err.validator == "additionalProperties":
        allowed = sorted((err.schema.get("properties") or {}))
        extras = [k for k in err.instance if k not in allowed]
        return [(path + [k], _unknown_key(k, allowed)) for k in extras]
    if err.validator in ("anyOf", "oneOf") and err.context:
        branches: dict[int, list[Any]] = {}
        for sub in err.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        # The branch whose type fits the value is the one the author meant.
        fitting = [errs for errs in branches.values()
                   if not any(e.validator == "type" and not e.relative_path for e in errs)]
        if len(fitting) == 1:
            return [d for e in fitting[0] for d in _describe(e)]
        return [(path, f"{hint or 'not a valid value'} (got {_what(err.instance)})")]
    if err.validator == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return [(path, f"missing the required key `{missing}`")]
    if err.validator == "type":
        return [(path, f"expected {err.validator_value if isinstance(err.validator_value, str) else ' or '.join(err.validator_value)}, got {_what(err.instance)}"
                 + (f"; {hint}" if hint else ""))]
    if err.validator in ("minProperties", "maxProperties") and isinstance(err.instance, dict):
        return [(path, hint or err.message)]
    return [(path, f"{hint} (got {_what(err.instance)})" if hint else err.message)]


def _unknown_key(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(str(key), allowed, n=1)
    tail = f"did you mean `{close[0]}`?" if close else f"expected one of: {', '.join(allowed)}"
    return f"unknown key; {tail}"


def semantic_errors(doc: Any, label: str, known: Known) -> list[str]:
    """What the schema cannot check: real dates, every pattern and glob, signature list names."""
    from gate.policy.signatures import kind_of

    errs: list[tuple[list[Any], str]] = []
    if not isinstance(doc, dict):
        return []
    for i, w in _items(doc.get("waivers"), "waivers"):
        if not isinstance(w[1], dict):
            continue
        where = w[0]
        expires = w[1].get("expires")
        if isinstance(expires, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", expires):  # else the schema said so
            try:
                dt.date.fromisoformat(expires)
            except ValueError:
                errs.append((where + ["expires"], f"`{expires}` is not a date; give YYYY-MM-DD"))
        errs.extend(_glob_errors(where + ["paths"], w[1].get("paths")))
    seen: set[str] = set()
    for i, c in _items(doc.get("custom_rules"), "custom_rules"):
        errs.extend(_custom_errors(c[0], c[1], seen, known))
    errs.extend(_glob_errors(["exclude"], doc.get("exclude")))
    profiles = doc.get("profiles")
    if isinstance(profiles, dict):
        for pattern in profiles:
            errs.extend(_ref_glob_errors(["profiles", pattern], pattern))
    sigs = doc.get("signatures")
    if isinstance(sigs, dict):
        for name, value in sigs.items():
            if known.signature_keys and name not in known.signature_keys:
                errs.append((["signatures", name], _unknown_key(name, sorted(known.signature_keys)).replace("key", "signature list")))
                continue
            kind = kind_of(str(name))
            if kind == "regex":
                errs.extend(_regex_errors(["signatures", name], value))
            elif kind == "glob":
                errs.extend(_glob_errors(["signatures", name], value))
    return [f"{label}:{line_at(doc, p)}: {key_path(p)}: {m}" for p, m in errs]


def rule_reference_errors(doc: Any, label: str, known: Known) -> list[str]:
    """Rule ids (in `rules:` and waivers) and params the catalogue in `known` lacks."""
    errs: list[tuple[list[Any], str]] = []
    if not isinstance(doc, dict):
        return []
    rules = doc.get("rules")
    if isinstance(rules, dict):
        for rid, cfg in rules.items():
            if rid not in known.rule_ids:
                errs.append((["rules", rid], _unknown_rule(rid, known)))
                continue
            params = cfg.get("params") if isinstance(cfg, dict) else None
            declared = known.rule_params.get(rid, {})
            for name, value in (params or {}).items() if isinstance(params, dict) else ():
                if name not in declared:
                    allowed = ", ".join(sorted(declared)) or "none"
                    errs.append((["rules", rid, "params", name], f"unknown param of {rid}; it takes: {allowed}"))
                elif declared[name] is not None and not _same_kind(declared[name], value):
                    errs.append((["rules", rid, "params", name],
                                 f"expected {_what(declared[name]).split(' ')[1]} like the default, got {_what(value)}"))
    for i, w in _items(doc.get("waivers"), "waivers"):
        rid = w[1].get("rule") if isinstance(w[1], dict) else None
        if isinstance(rid, str) and rid not in known.rule_ids:
            errs.append((w[0] + ["rule"], _unknown_rule(rid, known)))
    return [f"{label}:{line_at(doc, p)}: {key_path(p)}: {m}" for p, m in errs]


def rule_ids_named(doc: Any) -> list[tuple[int, str]]:
    """(line, id) of every rule id a policy document names in `rules:` and in waivers."""
    out: list[tuple[int, str]] = []
    if not isinstance(doc, dict):
        return out
    rules = doc.get("rules")
    if isinstance(rules, dict):
        out.extend((line_at(doc, ["rules", rid]), str(rid)) for rid in rules)
    for i, w in _items(doc.get("waivers"), "waivers"):
        if isinstance(w[1], dict) and isinstance(w[1].get("rule"), str):
            out.append((line_at(doc, w[0] + ["rule"]), w[1]["rule"]))
    return out


def _items(value: Any, key: str):
    """(index, (path, item)) over a list, or the list inside {extend:}/{replace:}."""
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("extend", "replace"):
        op = next(iter(value))
        base, value = [key, op], value[op]
    else:
        base = [key]
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield i, (base + [i], item)


def _custom_errors(where: list[Any], spec: Any, seen: set[str], known: Known) -> list[tuple[list[Any], str]]:
    if not isinstance(spec, dict):
        return []
    errs = []
    rid = spec.get("id")
    if isinstance(rid, str):
        if rid in seen:
            errs.append((where + ["id"], f"`{rid}` is declared twice"))
        seen.add(rid)
    kinds = [k for k in CUSTOM_KINDS if k in spec]
    if len(kinds) != 1:
        errs.append((where + ([kinds[1]] if len(kinds) > 1 else []),
                     f"give exactly one check of: {', '.join(CUSTOM_KINDS)}" + (f" (found {', '.join(kinds)})" if kinds else "")))
    for kind in kinds:
        body = spec[kind]
        if isinstance(body, dict) and isinstance(body.get("pattern"), str):
            errs.extend(_regex_errors(where + [kind, "pattern"], body["pattern"]))
        if kind == "exists":
            errs.extend(_glob_errors(where + [kind], body))
        elif isinstance(body, dict):
            errs.extend(_glob_errors(where + [kind, "paths"], body.get("paths")))
            for key in ("triggers", "environments"):
                for j, name in enumerate(body.get(key) or [] if isinstance(body.get(key), list) else []):
                    errs.extend(_ref_glob_errors(where + [kind, key, j], name))
    return errs


def _entries(path: list[Any], value: Any) -> list[tuple[list[Any], Any]]:
    """(where, entry) of a pattern, a list, {extend:}/{replace:}, or a mapping of groups to those."""
    if isinstance(value, dict):
        return [e for k, v in value.items() for e in _entries(path + [k], v)]
    if isinstance(value, list):
        return [(path + [i], v) for i, v in enumerate(value)]
    return [(path, value)] if value is not None else []


def _regex_errors(path: list[Any], value: Any) -> list[tuple[list[Any], str]]:
    out = []
    for where, pattern in _entries(path, value):
        if isinstance(pattern, str):
            try:
                re.compile(pattern, re.IGNORECASE | re.MULTILINE)  # as the gate compiles it
            except re.error as exc:
                out.append((where, f"`{pattern[:60]}` is not a valid regular expression ({_regex_why(exc)})"))
            except (OverflowError, RecursionError, ValueError) as exc:
                out.append((where, f"`{pattern[:60]}` is not a usable regular expression ({exc})"))
    return out


def _regex_why(exc: re.error) -> str:
    return f"{exc.msg} at position {exc.pos}" if exc.pos is not None else exc.msg


def _glob_errors(path: list[Any], value: Any) -> list[tuple[list[Any], str]]:
    from gate.policy.globs import glob_error

    out = []
    for where, pattern in _entries(path, value):
        if isinstance(pattern, str):
            why = glob_error(pattern)
            if why:
                out.append((where, f"`{pattern[:60]}`: {why} (globs are described in docs/policies.md)"))
    return out


def _ref_glob_errors(path: list[Any], pattern: Any) -> list[tuple[list[Any], str]]:
    """A ref or name pattern: the same dialect, without the rules about paths."""
    from gate.policy.globs import glob_regex

    if not isinstance(pattern, str):
        return []
    try:
        glob_regex(pattern)
    except re.error as exc:
        return [(path, f"`{pattern[:60]}` is not a valid glob ({exc.msg})")]
    return []


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, list)
    return isinstance(value, type(default))


def _unknown_rule(rid: str, known: Known) -> str:
    close = difflib.get_close_matches(str(rid), sorted(known.rule_ids), n=1)
    return f"unknown rule id `{rid}`" + (f"; did you mean `{close[0]}`?" if close else "; `readiness-gate rules` lists them")
