"""Whether one migration can be undone, by its framework's own rules.

- Rails: `change` is reversed by the framework except for the operations it cannot
  invert (`execute`, `change_column`, `remove_column` without a type, `drop_table`
  without a block, `change_table` with `remove`); an `up` without a `down`, or a
  `down` that raises `IrreversibleMigration`, cannot be undone.
- Django: operations reverse themselves except `RunPython` without `reverse_code`
  and `RunSQL` without `reverse_sql`.
- Liquibase: judged per changeset: one with a `rollback` undoes, one made only of
  change types Liquibase rolls back by itself (createTable, addColumn …) undoes,
  anything else (sql, dropColumn, update …) does not.

Each function returns (line, reversible, why) per migration unit in the text.
"""
from __future__ import annotations

import re

from gate.model.lazyre import lazy

Verdict = tuple[int, bool, str]

_RAILS_DEF = lazy(r"^[ \t]*def\s+(change|up|down)\b", re.M)
_RAILS_CALL = lazy(r"^[ \t]*(?:t\.)?(execute|change_column|change_column_default|remove_column|remove_columns|"
                   r"drop_table|remove_index|remove|remove_timestamps)\b(.*)$", re.M)


def _rails_irreversible(name: str, args: str) -> str | None:
    """Why a call inside `change` cannot be inverted by Rails, or None when it can."""
    parts = _top_level_args(args.strip().rstrip("\\").strip())
    positional = [a for a in parts if not re.match(r"^\w+:\s", a) and not a.startswith(("do", "{"))]
    keywords = " ".join(a for a in parts if re.match(r"^\w+:\s", a))
    block = bool(re.search(r"\b(do|\{)\s*(\|[^|]*\|)?\s*$", args))
    if name == "execute":
        return "execute in change"
    if name == "change_column":
        return "change_column in change"
    if name == "change_column_default" and "from:" not in keywords:
        return "change_column_default without from:/to:"
    if name in ("remove_column", "remove") and len(positional) < (3 if name == "remove_column" else 2) \
            and "type:" not in keywords:
        return f"{name} without a type"
    if name == "remove_columns" and "type:" not in keywords:
        return "remove_columns without a type"
    if name == "drop_table" and not block:
        return "drop_table without a block"
    if name == "remove_index" and len(positional) < 2 and "column:" not in keywords:
        return "remove_index without its column"
    return None


_RAILS_SAFE_BLOCK = lazy(r"^[ \t]*(reversible\s+do|up_only\b)", re.M)


def _ruby_method(text: str, start: int) -> str:
    """The body of the Ruby method whose `def` is at `start`, by indentation of its `end`."""
    line_start = text.rfind("\n", 0, start) + 1
    indent = len(re.match(r"[ \t]*", text[line_start:]).group(0))
    m = re.compile(rf"^{' ' * indent}end\b", re.M).search(text, start)
    return text[start:m.start()] if m else text[start:]


def rails(text: str) -> list[Verdict]:
    defs = {m.group(1): m for m in _RAILS_DEF.finditer(text)}
    line = lambda m: text.count("\n", 0, m.start()) + 1  # noqa: E731
    if "down" in defs:
        body = _ruby_method(text, defs["down"].start())
        if "IrreversibleMigration" in body:
            return [(line(defs["down"]), False, "down raises IrreversibleMigration")]
        return [(line(defs["down"]), True, "down")]
    if "change" in defs:
        body = _ruby_method(text, defs["change"].start())
        guarded = _RAILS_SAFE_BLOCK.search(body)
        for m in _RAILS_CALL.finditer(body):
            why = _rails_irreversible(m.group(1), m.group(2))
            if why and not (guarded and guarded.start() < m.start()):
                return [(text.count("\n", 0, defs["change"].start() + m.start()) + 1, False, why)]
        return [(line(defs["change"]), True, "change")]
    if "up" in defs:
        return [(line(defs["up"]), False, "up without down")]
    return []


def _call_args(text: str, open_paren: int) -> str:
    depth, i = 0, open_paren
    while i < len(text):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return text[open_paren + 1:i]
        i += 1
    return text[open_paren + 1:]


def _top_level_args(args: str) -> list[str]:
    out, depth, cur, quote = [], 0, "", ""
    for c in args:
        if quote:
            cur += c
            if c == quote:
                quote = ""
            continue
        if c in "\"'":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
            continue
        cur += c
    if cur.strip():
        out.append(cur.strip())
    return out


_DJANGO_OP = lazy(r"\b(?:migrations\.)?(RunPython|RunSQL)\s*\(")


def django(text: str) -> list[Verdict]:
    bad = []
    for m in _DJANGO_OP.finditer(text):
        args = _top_level_args(_call_args(text, m.end() - 1))
        positional = [a for a in args if not re.match(r"\w+\s*=", a)]
        keyword = "reverse_code" if m.group(1) == "RunPython" else "reverse_sql"
        has_reverse = len(positional) >= 2 or any(a.startswith(keyword) for a in args)
        if not has_reverse:
            bad.append((text.count("\n", 0, m.start()) + 1, False, f"{m.group(1)} without {keyword}"))
    if bad:
        return bad[:1]
    m = re.search(r"class\s+Migration\b", text)
    return [(text.count("\n", 0, m.start()) + 1 if m else 1, True, "operations reverse themselves")]


_AUTO_ROLLBACK = {"createtable", "addcolumn", "createindex", "renamecolumn", "renametable", "addforeignkeyconstraint",
                  "adduniqueconstraint", "createview", "createsequence", "addnotnullconstraint", "addprimarykey",
                  "adddefaultvalue", "renameview", "addautoincrement", "addlookuptable", "createprocedure",
                  "renamesequence", "tagdatabase", "dropnotnullconstraint", "dropdefaultvalue", "comment",
                  "setcolumnremarks", "settableremarks", "preconditions", "validchecksum", "property"}
_CHANGESET_META = {"id", "author", "context", "contextfilter", "labels", "runonchange", "runalways", "failonerror",
                   "dbms", "comment", "changes", "runinTransaction".lower(), "objectquotingstrategy", "created",
                   "logicalfilepath", "ignore", "runorder"}


def liquibase(path: str, text: str) -> list[Verdict]:
    if path.endswith(".xml"):
        return _liquibase_xml(text)
    if path.endswith((".yaml", ".yml", ".json")):
        return _liquibase_structured(text)
    if path.endswith(".sql"):
        return _liquibase_sql(text)
    return []


def _liquibase_xml(text: str) -> list[Verdict]:
    out = []
    for m in re.finditer(r"<changeSet\b.*?(</changeSet>|/>)", text, re.S):
        body = m.group(0)
        line = text.count("\n", 0, m.start()) + 1
        if re.search(r"<rollback\b", body):
            out.append((line, True, "rollback"))
            continue
        ignore = {"changeset", "column", "constraints", "where", "param", "comment", "rollback", "validchecksum",
                  "preconditions", "precondition"}
        kinds = {k for k in re.findall(r"<(\w+)\b", body)[1:]
                 if k.lower() not in ignore and not k.lower().endswith(("exists", "check"))}
        bad = sorted(k for k in kinds if k.lower() not in _AUTO_ROLLBACK)
        out.append((line, not bad, f"{bad[0]} without rollback" if bad else "rolls back by itself"))
    return out


def _liquibase_structured(text: str) -> list[Verdict]:
    out = []
    starts = [m for m in re.finditer(r"^([ \t]*)-?[ \t]*\"?changeSet\"?[ \t]*:", text, re.M)]
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        body = text[m.end():end]
        line = text.count("\n", 0, m.start()) + 1
        if re.search(r"^\s*-?\s*\"?rollback\"?\s*:", body, re.M):
            out.append((line, True, "rollback"))
            continue
        keys = {k for k in re.findall(r"^\s*-\s*\"?(\w+)\"?\s*:", body, re.M)
                if k.lower() not in _CHANGESET_META | {"column", "where", "param"}}
        bad = sorted(k for k in keys if k.lower() not in _AUTO_ROLLBACK)
        out.append((line, not bad, f"{bad[0]} without rollback" if bad else "rolls back by itself"))
    return out


def _liquibase_sql(text: str) -> list[Verdict]:
    out = []
    starts = list(re.finditer(r"^--\s*changeset\s+\S+", text, re.M | re.I))
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        has = re.search(r"^--\s*rollback\s+\S", text[m.end():end], re.M | re.I)
        out.append((text.count("\n", 0, m.start()) + 1, bool(has), "rollback" if has else "sql changeset without rollback"))
    return out
