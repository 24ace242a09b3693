"""Bounded YAML loading with line numbers, read the way GitHub reads workflows.

Built from the parser's event stream rather than PyYAML's recursive composer, so
that depth, alias expansion and size are bounded here and a hostile file ends in
a `YamlError` with a line, never a RecursionError, a C-stack crash or a hang.

Scalars follow YAML 1.2's core schema as GitHub does: `on`, `yes`, `off` stay
strings (YAML 1.1 would make the workflow key `on:` the boolean True).
"""
from __future__ import annotations

from typing import Any

import yaml
from yaml import ScalarEvent

from gate.model.lazyre import lazy

try:  # the C parser is several times faster; fall back where libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the build of PyYAML
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_NODES = 200_000  # nodes after alias expansion: a "billion laughs" stops here


class YamlError(Exception):
    """A document that cannot be read; `line` is 1-based, or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class YMap(dict):
    """A mapping that remembers where it and each of its keys stand."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    """A sequence that remembers where it and each of its items stand."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


_INT = lazy(r"[-+]?(0|[1-9][0-9_]*)$")
_OCT_HEX = lazy(r"0o[0-7]+$|0x[0-9a-fA-F]+$")
_FLOAT = lazy(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NUMBER_START = frozenset("+-.0123456789")


def _plain_scalar(value: str) -> Any:
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value[0] not in _NUMBER_START:  # most scalars are words: no number pattern can match them
        return value
    if _INT.match(value):
        return int(value.replace("_", ""))
    if _OCT_HEX.match(value):
        return int(value, 0)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value


def _scalar(event: yaml.ScalarEvent) -> Any:
    # libyaml reports a plain scalar's style as '' and PyYAML's parser as None
    if not event.style and event.tag in (None, "!"):
        return _plain_scalar(event.value)
    if event.tag == "tag:yaml.org,2002:int":
        try:
            return int(event.value, 0)
        except ValueError:
            return event.value
    return event.value


def _key(value: Any) -> str:
    if isinstance(value, (YMap, YList)):
        raise TypeError
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _size(obj: Any) -> int:
    """Node count of an already built (and so already bounded) value."""
    if isinstance(obj, dict):
        return 1 + sum(_size(v) for v in obj.values()) + len(obj)
    if isinstance(obj, list):
        return 1 + sum(_size(v) for v in obj)
    return 1


def load(text: str, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse one YAML document into YMap/YList/scalars; raises YamlError."""
    stack: list[list[Any]] = []  # frames: [container, pending_key, key_line, anchor]
    anchors: dict[str, Any] = {}
    sizes: dict[int, int] = {}
    building: set[str] = set()
    root: Any = None
    seen_doc = False
    nodes = 0

    def attach(value: Any, line: int) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, YList):
            container.append(value)
            container.item_lines.append(line)
        elif frame[1] is _NO_KEY:
            try:
                frame[1] = _key(value)
            except TypeError:
                raise YamlError("a mapping key must be a scalar, not a mapping or list", line) from None
            frame[2] = line
        else:
            key = frame[1]
            if key == "<<":
                _merge(container, value, line)
            else:
                container[key] = value
                container.key_lines[key] = frame[2]
            frame[1] = _NO_KEY

    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else None
            if type(event) is ScalarEvent:  # most events: tested first
                nodes += 1
                value = _scalar(event)
                if event.anchor:
                    anchors[event.anchor] = value
                attach(value, line)
            elif isinstance(event, yaml.DocumentStartEvent):
                if seen_doc:
                    raise YamlError("more than one YAML document in the file; keep one", line)
                seen_doc = True
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                nodes += 1
                if len(stack) >= max_depth:
                    raise YamlError(f"nesting deeper than {max_depth} levels", line)
                container = YMap(line) if isinstance(event, yaml.MappingStartEvent) else YList(line)
                if event.anchor:
                    building.add(event.anchor)
                stack.append([container, _NO_KEY, line, event.anchor, nodes])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                container, _, _, anchor, start_count = stack.pop()
                if anchor:
                    building.discard(anchor)
                    anchors[anchor] = container
                    sizes[id(container)] = nodes - start_count + 1
                attach(container, container.line)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor in building:
                    raise YamlError(f"alias *{event.anchor} refers to itself (a cycle)", line)
                if event.anchor not in anchors:
                    raise YamlError(f"alias *{event.anchor} has no anchor before it", line)
                value = anchors[event.anchor]
                nodes += sizes.get(id(value), 1)
                attach(value, line)
            if nodes > max_nodes:
                raise YamlError(
                    f"more than {max_nodes} nodes after expanding aliases (an alias bomb?)", line
                )
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    except RecursionError:  # pragma: no cover - the depth bound should stop this first
        raise YamlError(f"nesting deeper than {max_depth} levels") from None
    return root


def _merge(target: YMap, source: Any, line: int) -> None:
    """YAML merge keys (`<<: *defaults`): explicit keys win over merged ones."""
    sources = source if isinstance(source, list) else [source]
    for src in sources:
        if not isinstance(src, dict):
            raise YamlError("a merge key (<<) takes a mapping or a list of mappings", line)
        for key, value in src.items():
            if key not in target:
                target[key] = value
                target.key_lines[key] = getattr(src, "key_lines", {}).get(key, line)


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()
