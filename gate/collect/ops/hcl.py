"""Terraform/HCL2 read into blocks with lines, through python-hcl2's grammar.

python-hcl2 is the maintained HCL2 parser for Python (a Lark grammar of the whole
language: nested blocks, `dynamic`, heredocs, interpolation), so nested settings such
as `point_in_time_recovery { enabled = true }` are read as structure, not guessed
from lines. Only its parse tree is used (it keeps positions); attribute values are
kept as their source text, unquoted, and judged by the caller. Imported on first use:
a repository without Terraform never pays for building the grammar.
"""
from __future__ import annotations

from msgspec import Struct, field

MAX_HCL_BYTES = 512 * 1024  # a larger .tf file is read by the line scanner instead


class Attr(Struct):
    """One HCL attribute: its expression's source and line."""

    text: str   # the expression's source, surrounding quotes removed for plain strings
    line: int


class Block(Struct):
    """One HCL block with its labels, attributes and nested blocks."""

    type: str
    labels: tuple[str, ...]
    line: int
    attrs: dict[str, Attr] = field(default_factory=dict)
    blocks: list["Block"] = field(default_factory=list)


def parse_hcl(text: str) -> list[Block] | None:
    """Top-level blocks (and bare attributes, as a block of type ""), or None when not HCL2."""
    if len(text) > MAX_HCL_BYTES:
        return None
    try:
        import hcl2  # noqa: PLC0415 - lazy: building the grammar costs about a second
        from lark.exceptions import LarkError
    except ImportError:  # pragma: no cover - a broken install; the line scanner still reads the file
        return None
    try:
        tree = hcl2.parses_to_tree(text if text.endswith("\n") else text + "\n")
    except (LarkError, ValueError, RecursionError, IndexError, KeyError, TypeError):
        return None
    body = _child(tree, "body")
    if body is None:
        return []
    top = Block("", (), 1)
    _fill(top, body, text)
    return [top] + top.blocks if top.attrs else top.blocks


def _child(tree, name: str):
    for c in getattr(tree, "children", []):
        if getattr(c, "data", None) == name:
            return c
    return None


def _name(node) -> str:
    """An identifier token or a quoted label, as text."""
    if getattr(node, "data", None) == "identifier" or getattr(node, "data", None) == "keyword":
        return str(node.children[0])
    if getattr(node, "data", None) == "string":
        return "".join(str(c.children[0]) if getattr(c, "data", None) == "string_part" and c.children
                       and not hasattr(c.children[0], "data") else "" for c in node.children)
    return str(node)


def _fill(block: Block, body, text: str) -> None:
    for node in body.children:
        kind = getattr(node, "data", None)
        if kind == "attribute":
            key = _name(node.children[0])
            expr = node.children[-1]
            src = text[expr.meta.start_pos:expr.meta.end_pos].strip() if hasattr(expr, "meta") and not expr.meta.empty else ""
            if len(src) >= 2 and src[0] == src[-1] == '"' and "${" not in src:
                src = src[1:-1]
            block.attrs[key] = Attr(src, node.meta.line)
        elif kind == "block":
            parts = [c for c in node.children if getattr(c, "data", None) in ("identifier", "string", "keyword")]
            inner = _child(node, "body")
            child = Block(_name(parts[0]) if parts else "", tuple(_name(p) for p in parts[1:]), node.meta.line)
            if inner is not None:
                _fill(child, inner, text)
            block.blocks.append(child)
