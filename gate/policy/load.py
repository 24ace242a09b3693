"""Find, read, merge and validate policies.

Discovery: `--policy NAME|PATH`; else `.github/readiness.yml` (or `.yaml`) in the
repository; else the `production` preset. `extends:` chains end at the base layers
(`defaults.yml`, then `ops.yml`), which underlie every policy exactly once. Mappings
merge key by key; a list replaces the one it overrides, unless it is written as
`{extend: [...]}` (append) or `{replace: [...]}`. A branch profile that matches the
ref replaces what the top file `extends:`. User files are validated here; presets
are validated by the test suite, so a `check` with a preset never imports jsonschema.

Loading never asks the rule registry: which rule ids and params exist is the
registry's to say, so the engine (and `policy validate`) passes the catalogue to
`rule_errors` after loading, and the policy package stays below the rules.
"""
from __future__ import annotations

import os
import stat
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping

from msgspec import Struct, field

from gate.model.yamlsafe import YamlError, load
from gate.policy.signatures import Signatures

POLICY_DIR = Path(__file__).resolve().parent.parent / "policies"
BASE_LAYERS = ("defaults", "ops")
REPO_POLICY_FILES = (".github/readiness.yml", ".github/readiness.yaml")
MAX_POLICY_BYTES = 256 * 1024
MAX_CHAIN = 16
SEVERITY_RANK = {"off": 0, "info": 1, "warning": 2, "blocker": 3}


class PolicyError(Exception):
    """A policy that cannot be used; the message has one `file:line: key: problem` per line."""


class Policy(Struct, dict=True):  # dict: cached_property (signatures, waivers)
    """The merged policy a run judges by, and the chain of layers it came from."""

    name: str
    source: str
    data: dict[str, Any]
    chain: list[str] = field(default_factory=list)  # preset/file names, base last
    profile: str | None = None         # the ref pattern of the branch profile that applied
    profile_reason: str | None = None  # why it applied (or why none did), for the report
    layers: list[tuple[str, Any]] = field(default_factory=list)  # (label, document) validated at load

    @property
    def threshold(self) -> int:
        return int(self.data.get("threshold", 70))

    @property
    def unknown(self) -> str:
        return str(self.data.get("unknown", "skip"))

    @property
    def weights(self) -> dict[str, float]:
        return {str(k): float(v) for k, v in (self.data.get("weights") or {}).items()}

    def rule_config(self, rule_id: str) -> dict[str, Any]:
        cfg = (self.data.get("rules") or {}).get(rule_id)
        return dict(cfg) if isinstance(cfg, dict) else {}

    def severity(self, rule_id: str, default: str) -> str:
        """Named in `rules:` wins; else `default_severity`, which never turns on a rule declared off."""
        named = self.rule_config(rule_id).get("severity")
        if named:
            return str(named)
        fallback = self.data.get("default_severity")
        return default if not fallback or default == "off" else str(fallback)

    def params(self, rule_id: str, defaults: dict[str, Any]) -> dict[str, Any]:
        return {**defaults, **(self.rule_config(rule_id).get("params") or {})}

    @property
    def signatures(self) -> Signatures:
        if not hasattr(self, "_sig"):
            self._sig = Signatures(self.data.get("signatures") or {})
        return self._sig

    @cached_property
    def waivers(self) -> list:
        from gate.policy.waivers import parse_waivers

        return parse_waivers(self.data.get("waivers"))

    @cached_property
    def custom_specs(self) -> list:
        """The custom rules as declared (gate.policy.custom.CustomSpec); gate.rules.custom builds the rules."""
        from gate.policy.custom import custom_specs

        return custom_specs(self.data)

    def apply_waiver(self, result: Any, today: Any, notices: list[str]) -> None:
        """evaluate's hook for each failing result: waived, or a notice if its waiver expired."""
        from gate.policy.waivers import apply_waiver

        apply_waiver(self.waivers, result, today, notices)


class Layer(Struct):
    """One policy document in the chain: a preset or a user's file."""

    name: str        # preset name or file label, for the chain and messages
    doc: dict[str, Any]
    path: Path
    user: bool       # a user's file: validated at load time


def preset_names() -> list[str]:
    return sorted(p.stem for p in POLICY_DIR.glob("*.yml") if p.stem not in BASE_LAYERS)


def read_policy_file(path: Path, label: str | None = None) -> dict[str, Any]:
    """One policy document; bounded, regular files only (a FIFO would hang the read)."""
    label = label or str(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise PolicyError(f"{label}: not a regular file")
        if st.st_size > MAX_POLICY_BYTES:
            raise PolicyError(f"{label}: larger than {MAX_POLICY_BYTES} bytes; a policy is a short file")
        with open(path, "rb") as fh:
            text = fh.read(MAX_POLICY_BYTES + 1).decode("utf-8")
    except OSError as exc:
        raise PolicyError(f"{label}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise PolicyError(f"{label}: not UTF-8 text") from None
    try:
        doc = load(text)
    except YamlError as exc:
        raise PolicyError(f"{label}:{exc.line or 1}: {exc.message}") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise PolicyError(f"{label}:{getattr(doc, 'line', 1)}: (top): a policy must be a mapping of keys such as `extends:` and `rules:`")
    return doc


def merge(base: Any, over: Any) -> Any:
    if isinstance(over, dict) and set(over) <= {"extend", "replace"} and over:
        if "replace" in over:
            return list(over["replace"] or [])
        return list(base or []) + [x for x in (over.get("extend") or []) if x not in (base or [])]
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = merge(base.get(k), v) if k in base else merge(None, v)
        return out
    if isinstance(over, dict):
        return {k: merge(None, v) for k, v in over.items()}
    return over


def is_preset(ref: str) -> bool:
    return "/" not in ref and not ref.endswith((".yml", ".yaml")) and (POLICY_DIR / f"{ref}.yml").is_file()


def _locate(ref: str, relative_to: Path | None, jail: Path | None) -> tuple[Path, str, bool]:
    """(path, label, is_preset) for a preset name or a path; a repository's file may not reach outside it."""
    if is_preset(ref):
        return POLICY_DIR / f"{ref}.yml", ref, True
    path = Path(ref) if Path(ref).is_absolute() or relative_to is None else relative_to / ref
    if jail is not None:
        real = path.resolve()
        if real != jail and jail not in real.parents:
            raise PolicyError(f"policy `{ref}` is outside the repository; a repository's policy may extend presets "
                              "and files inside the repository only")
        label = str(real.relative_to(jail))
    else:
        label = str(path)
    if not path.is_file():
        raise PolicyError(f"policy `{ref}` not found: give a preset ({', '.join(preset_names())}) or a path to a YAML file")
    return path, label, False


def _chain(ref: str, relative_to: Path | None, jail: Path | None, seen: list[str],
           errors: list[str]) -> list[Layer]:
    """The layers from `ref` down to (not including) the base layers, top first."""
    path, label, preset = _locate(ref, relative_to, jail)
    key = f"preset:{ref}" if preset else str(path.resolve())
    layer = Layer(ref if preset else label, read_policy_file(path, label), path, not preset)
    parent = layer.doc.get("extends")
    if parent in (None, "") or parent in BASE_LAYERS:
        return [layer]
    where = f"{label}:{layer.doc.line_of('extends') if hasattr(layer.doc, 'line_of') else 1}: extends"
    if not isinstance(parent, str):
        return [layer]  # the schema check names the wrong type
    names = seen + [key]
    try:
        parent_key = f"preset:{parent}" if is_preset(parent) else str(_locate(parent, path.parent, jail)[0].resolve())
    except PolicyError as exc:
        errors.append(f"{where}: {exc}")
        return [layer]
    if parent_key in names:
        shown = [n.removeprefix("preset:") for n in names + [parent_key]]
        errors.append(f"{where}: `extends:` cycle: {' -> '.join(_short(s, jail) for s in shown)}")
        return [layer]
    if len(names) >= MAX_CHAIN:
        errors.append(f"{where}: `extends:` chain longer than {MAX_CHAIN}")
        return [layer]
    return [layer] + _chain(parent, path.parent, jail, names, errors)


def _short(name: str, jail: Path | None) -> str:
    if jail is not None and name.startswith(str(jail) + os.sep):
        return name[len(str(jail)) + 1:]
    return name


def _discover(ref: str | None, repo_root: Path | None) -> tuple[str, str, Path | None]:
    """(ref, source, jail): the policy asked for, else the repository's own, else production."""
    if ref is not None:
        return ref, ("embedded" if is_preset(ref) else ref), None
    if repo_root is not None:
        root = Path(repo_root).resolve()
        for name in REPO_POLICY_FILES:
            candidate = root / name
            if not os.path.lexists(candidate):
                continue
            real = candidate.resolve()
            if real != root and root not in real.parents:
                raise PolicyError(f"{name}: a link out of the repository; not followed")
            if not real.is_file():
                raise PolicyError(f"{name}: not a regular file")
            return str(real), name, root
    return "production", "embedded", None


def base_layers() -> list[tuple[str, Path]]:
    """defaults, then ops; ops.yml from a checkout's top-level policies/ while it is not in the package."""
    out = []
    for name in BASE_LAYERS:
        for path in (POLICY_DIR / f"{name}.yml", POLICY_DIR.parent.parent / "policies" / f"{name}.yml"):
            if path.is_file():
                out.append((name, path))
                break
    return out


def load_policy(ref: str | None = None, repo_root: Path | None = None, *, git_ref: str | None = None,
                env: Mapping[str, str] | None = None, strict: bool = False,
                rules: Mapping[str, Mapping[str, Any]] | None = None) -> Policy:
    """`ref` is a preset name or a path; None means the repository's own file, else production.

    `git_ref` (else the GitHub event in `env`, default os.environ) picks a branch profile.
    `strict` validates the presets and base layers too (`policy validate`, the tests).
    `rules` (rule id -> its params and defaults, from the registry the caller holds)
    checks the rule ids and params the files name in the same pass; without it, call
    `rule_errors` later. Raises PolicyError listing every problem found, one
    `file:line: key: what` per line.
    """
    from gate.policy.profiles import current_ref, select_profile

    ref, source, jail = _discover(ref, repo_root)
    errors: list[str] = []
    layers = _chain(ref, None, jail, [], errors)
    top = layers[0]
    profile = reason = None
    profiles = top.doc.get("profiles") if top.user else None
    if isinstance(profiles, dict) and profiles:
        errors.extend(_profile_target_errors(top, profiles, jail))
        at, origin = current_ref(git_ref, os.environ if env is None else env)
        pattern, target, reason = select_profile(profiles, at, origin)
        if target and not errors:
            profile = pattern
            seen = [str(top.path.resolve())]
            layers = [top] + _chain(target, top.path.parent, jail, seen, errors)
    data: dict[str, Any] = {}
    bases = base_layers()
    base_docs = [Layer(name, read_policy_file(path, name), path, False) for name, path in bases]
    for layer in base_docs:
        data = merge(data, layer.doc)
    for layer in reversed(layers):
        data = merge(data, {k: v for k, v in layer.doc.items() if k != "extends"})
    checked = layers + base_docs if strict else [layer for layer in layers if layer.user]
    if checked:
        errors.extend(_validate(checked, data, base_docs, rules))
    if errors:
        raise PolicyError("\n".join(dict.fromkeys(errors)))
    name = str(top.doc.get("name") or top.name)
    data["name"] = name
    chain = [layer.name for layer in layers] + [n for n, _ in bases]
    return Policy(name=name, source=source, data=data, chain=chain, profile=profile, profile_reason=reason,
                  layers=[(layer.name, layer.doc) for layer in checked])


def rule_errors(policy: Policy, catalogue: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Every rule id and param the policy's own files name that the catalogue lacks, as `file:line: key: what`.

    `catalogue` maps each registered rule id to its params and their defaults (the
    engine builds it from the registry); the policy's custom rule ids count as known.
    """
    from gate.policy.schema import Known, rule_reference_errors

    known = Known(rule_ids=set(catalogue) | _custom_ids(policy.data),
                  rule_params={k: dict(v) for k, v in catalogue.items()})
    out: list[str] = []
    for label, doc in policy.layers:
        out.extend(sorted(rule_reference_errors(doc, label, known), key=_line_number))
    return out


def unknown_rule_ids(policy: Policy, known_ids: set[str] | frozenset[str]) -> list[tuple[str, int, str]]:
    """(file, line, id) of every rule id the policy's own files name that is neither registered nor custom."""
    from gate.policy.schema import rule_ids_named

    known = set(known_ids) | _custom_ids(policy.data)
    return [(label, line, rid) for label, doc in policy.layers for line, rid in rule_ids_named(doc)
            if rid not in known]


def _custom_ids(data: dict[str, Any]) -> set[str]:
    return {spec["id"] for spec in data.get("custom_rules") or []
            if isinstance(spec, dict) and isinstance(spec.get("id"), str)}


def _profile_target_errors(top: Layer, profiles: dict[str, Any], jail: Path | None) -> list[str]:
    out = []
    for pattern, target in profiles.items():
        if not isinstance(target, str) or not target:
            continue  # the schema check names it
        try:
            _locate(target, top.path.parent, jail)
        except PolicyError as exc:
            out.append(f"{top.name}:{top.doc.line_of(pattern)}: profiles.{pattern}: {exc}")
    return out


def _validate(layers: list[Layer], data: dict[str, Any], base_docs: list[Layer],
              rules: Mapping[str, Mapping[str, Any]] | None) -> list[str]:
    from gate.policy.schema import Known, rule_reference_errors, schema_errors, semantic_errors

    known = Known(signature_keys={k for layer in base_docs for k in (layer.doc.get("signatures") or {})})
    if rules is not None:
        known.rule_ids = set(rules) | _custom_ids(data)
        known.rule_params = {k: dict(v) for k, v in rules.items()}
    out: list[str] = []
    for layer in layers:
        found = schema_errors(layer.doc, layer.name) + semantic_errors(layer.doc, layer.name, known)
        if rules is not None:
            found += rule_reference_errors(layer.doc, layer.name, known)
        out.extend(sorted(found, key=_line_number))
    return out


def _line_number(message: str) -> int:
    head = message.split(": ", 1)[0]
    tail = head.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0
