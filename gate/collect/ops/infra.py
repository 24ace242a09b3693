"""Resources of any IaC language, judged against the policy's `iac_settings`.

Terraform, CloudFormation/SAM and Serverless Framework all declare a typed resource
with nested properties; each reader turns its resources into `Resource`s (type,
name, nested props whose leaves keep their text and location) and this module
matches them against one table of settings, so "PITR on a DynamoDB table" is one
entry per language rather than one regex per spelling.

A setting is `TYPE` (the resource's presence counts) or `TYPE PATH OP VALUE`:
TYPE is a regular expression matched against the whole resource type, PATH a dotted
property path (keys compared without case, `_` or `-`, each segment a regular
expression; a list matches if any item does), OP one of `=` (equal, case-insensitive), `!=`, `>` (a number, or another
PATH of the same resource), `~` (regular expression), `~@` (any pattern of the named
signature list, e.g. `migration_commands`), `?` (set to anything but false/empty/0) and
`!?` (not set at all: the resource type's default applies).
"""
from __future__ import annotations

import re
from typing import Any

from msgspec import Struct, field

from gate.collect.ops.model import Fact, OpsEvidence
from gate.model.location import Location
from gate.policy.signatures import Pattern, Signatures

TARGETS = ("health_checks", "alerting", "backups", "autoscaling", "telemetry", "functions",
           "databases", "document_stores", "stateful", "migration_runs")


class Leaf(Struct, frozen=True):
    """A property value as written, with where it stands and the values it names."""

    text: str
    loc: Location
    refs: tuple["Leaf", ...] = ()   # values this expression names (`local.cmd` …), followed by `~@`


class Resource(Struct):
    """One typed infrastructure resource of any IaC language, its nested properties kept with locations."""

    type: str
    name: str
    loc: Location
    props: dict[str, Any] = field(default_factory=dict)   # key -> Leaf | dict | list
    via: str = ""    # "module db (infra/main.tf:3)" when reached through a module call


class Setting(Struct, frozen=True):
    """One policy entry of `iac_settings`: the resource type, property path and test that show a target."""

    target: str
    type: Pattern   # compiled only when a resource type holds its literals: most settings never meet their type
    path: tuple[str, ...]
    op: str
    value: str
    source: str

    def applies_to(self, type_: str) -> bool:
        """Does the resource type match; a type pattern that does not read matches nothing."""
        try:
            return self.type.fullmatch(type_) is not None
        except re.error:
            return False


def _norm(key: str) -> str:
    return re.sub(r"[_-]", "", str(key)).lower()


def settings(sig: Signatures) -> list[Setting]:
    """The policy's settings, their patterns compiled only when a resource's type may match;
    an entry that does not read (a bad pattern in a policy) matches nothing."""
    out = []
    for target, entries in sig.groups("iac_settings").items():
        if target not in TARGETS:
            continue
        for entry in entries:
            parts = str(entry).split(None, 3)
            if not parts or len(parts) == 2:
                continue
            kind = Pattern(parts[0])
            if len(parts) == 1:
                out.append(Setting(target, kind, (), "", "", entry))
            else:
                path = tuple(_norm(p) for p in parts[1].split("."))
                out.append(Setting(target, kind, path, parts[2], parts[3] if len(parts) > 3 else "", entry))
    return out


def _walk(node: Any, path: tuple[str, ...], keys: str = "") -> list[tuple[str, Any]]:
    """(dotted key path as written, node) for every node at `path`."""
    if not path:
        return [(keys, node)]
    if isinstance(node, list):
        return [x for item in node for x in _walk(item, path, keys)]
    if isinstance(node, dict):
        return [x for k, v in node.items() if k != "__loc__" and _segment(path[0], _norm(k))
                for x in _walk(v, path[1:], f"{keys}.{k}" if keys else str(k))]
    return []


def _segment(pattern: str, key: str) -> bool:
    try:
        return re.fullmatch(pattern, key) is not None
    except re.error:  # a path segment that does not read matches no key
        return False


def _text(node: Any) -> str | None:
    return node.text if isinstance(node, Leaf) else None


def _number(text: str | None) -> float | None:
    try:
        return float(str(text).strip().strip("\"'"))
    except (TypeError, ValueError):
        return None


def _first_loc(node: Any, default: Location) -> Location:
    if isinstance(node, Leaf):
        return node.loc
    if isinstance(node, dict):
        loc = node.get("__loc__")
        if isinstance(loc, Location):
            return loc
        for v in node.values():
            if isinstance(v, (Leaf, dict, list)):
                return _first_loc(v, default)
    if isinstance(node, list) and node:
        return _first_loc(node[0], default)
    return default


def match(res: Resource, s: Setting, sig: Signatures | None = None) -> tuple[Location, str] | None:
    """Where the resource meets the setting, and what it says there; or None."""
    if not s.applies_to(res.type):
        return None
    if not s.path:
        return res.loc, ""
    if s.op == "!?":
        return None if _walk(res.props, s.path) else (res.loc, f"no {'.'.join(s.source.split()[1:2])} (the default)")
    for keys, node in _walk(res.props, s.path):
        text = _text(node)
        if s.op == "?":
            if isinstance(node, (dict, list)) and node and not _off(node):
                return _first_loc(node, res.loc), keys
            if text is not None and text.strip().strip("\"'").lower() not in ("", "false", "0", "null", "none", "disabled"):
                return node.loc, keys
            continue
        if text is None:
            continue
        value = text.strip().strip("\"'")
        said = f"{keys} = {value}"
        if s.op == "=" and value.lower() == s.value.lower():
            return node.loc, said
        if s.op == "!=" and value.lower() != s.value.lower():
            return node.loc, said
        if s.op == "~" and re.search(s.value, value, re.I):
            return node.loc, keys
        if s.op == "~@" and sig is not None:
            for leaf in _followed(node):
                # a command written as a list (["rake", "db:migrate"]) reads as the words it runs
                words = re.sub(r"[\"']\s*,\s*[\"']", lambda w: re.sub(r"[^\n]", " ", w.group(0)), leaf.text)
                m = sig.search(s.value, words)
                if m:
                    return _line_in(leaf.loc, leaf.text, m.start()), f"{keys}: {m.group(0).strip()}"
        if s.op == ">":
            other = _number(s.value)
            ranged = other is None  # compared with another property: a min/max range
            if ranged:
                refs = _walk(res.props, tuple(_norm(p) for p in s.value.split(".")))
                if not refs:
                    continue
                other = _number(_text(refs[0][1]))
            mine = _number(value)
            if mine is not None and other is not None and mine > other:
                return node.loc, said
            if ranged and (mine is None or other is None):
                # a range set from expressions this reader cannot evaluate: declared, not shown fixed
                return node.loc, f"{keys} = {value} (set per environment)"
    return None


def _fixed_range(res: Resource, s: Setting) -> tuple[Location, float, float] | None:
    """(where, min, max) when an autoscaling `max > min` setting reads two numbers and max <= min."""
    if s.target != "autoscaling" or s.op != ">" or _number(s.value) is not None or not s.applies_to(res.type):
        return None
    highs = _walk(res.props, s.path)
    lows = _walk(res.props, tuple(_norm(p) for p in s.value.split(".")))
    if not highs or not lows:
        return None
    hi, lo = _number(_text(highs[0][1])), _number(_text(lows[0][1]))
    if hi is None or lo is None or hi > lo:
        return None
    return highs[0][1].loc, lo, hi


def _followed(leaf: Leaf, limit: int = 12) -> list[Leaf]:
    """The leaf, then the values it names, breadth first and bounded."""
    out, queue = [], [leaf]
    while queue and len(out) < limit:
        cur = queue.pop(0)
        if cur not in out:
            out.append(cur)
            queue.extend(cur.refs)
    return out


def _line_in(loc: Location, text: str, offset: int) -> Location:
    """The line inside a multi-line value (a heredoc, jsonencode) where a match stands."""
    return Location(loc.path, (loc.line or 1) + text.count("\n", 0, offset))


def _off(node: Any) -> bool:
    """A nested block that says `enabled = false` is not the setting."""
    if isinstance(node, list):
        return all(_off(x) for x in node)
    if isinstance(node, dict):
        for k, v in node.items():
            if _norm(k) == "enabled" and isinstance(v, Leaf) and v.text.strip("\"'").lower() == "false":
                return True
    return False


def judge(resources: list[Resource], sig: Signatures, ev: OpsEvidence) -> None:
    """Append a Fact to the evidence list of every setting a resource meets."""
    if not resources:
        return
    table = settings(sig)
    for res in resources:
        for s in table:
            found = match(res, s, sig)
            if found is None:
                fixed = _fixed_range(res, s)
                if fixed is not None:  # a scaling range whose maximum is not above its minimum
                    ev.autoscaling_off.append(Fact("iac-autoscaling-off", fixed[0],
                                                   f"{res.type} {res.name}: min {fixed[1]:g} / max {fixed[2]:g}"))
                continue
            loc, said = found
            what = f"{res.type} {res.name}".strip() + (f" {said}" if said else "")
            if res.via:
                what += f" via {res.via}"
            getattr(ev, s.target).append(Fact(f"iac-{s.target.replace('_', '-')}", loc, what))
