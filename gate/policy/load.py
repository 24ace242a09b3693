"""Find, read and merge policies: presets shipped in the package, `extends:` chains.

`defaults.yml` (and `ops.yml`, the operational signatures) underlie every preset.
Mappings merge key by key; a list replaces the one it overrides, unless it is
written as `{extend: [...]}` (append) or `{replace: [...]}`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gate.model.yamlsafe import YamlError, load
from gate.policy.signatures import Signatures

POLICY_DIR = Path(__file__).resolve().parent.parent / "policies"
BASE_LAYERS = ("defaults", "ops")
REPO_POLICY_FILES = (".github/readiness.yml", ".github/readiness.yaml")
MAX_POLICY_BYTES = 256 * 1024


class PolicyError(Exception):
    """A policy that cannot be used; the message names file, line and key."""


@dataclass
class Policy:
    name: str
    source: str
    data: dict[str, Any]
    chain: list[str] = field(default_factory=list)  # preset/file names, base last
    profile: str | None = None
    profile_reason: str | None = None

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
        cfg = self.rule_config(rule_id)
        return str(cfg.get("severity") or self.data.get("default_severity") or default)

    def params(self, rule_id: str, defaults: dict[str, Any]) -> dict[str, Any]:
        return {**defaults, **(self.rule_config(rule_id).get("params") or {})}

    @property
    def signatures(self) -> Signatures:
        if not hasattr(self, "_sig"):
            self._sig = Signatures(self.data.get("signatures") or {})
        return self._sig


def preset_names() -> list[str]:
    return sorted(p.stem for p in POLICY_DIR.glob("*.yml") if p.stem not in BASE_LAYERS)


def read_policy_file(path: Path, label: str | None = None) -> dict[str, Any]:
    label = label or str(path)
    try:
        if path.stat().st_size > MAX_POLICY_BYTES:
            raise PolicyError(f"{label}: larger than {MAX_POLICY_BYTES} bytes; a policy is a short file")
        text = path.read_text(encoding="utf-8")
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
        raise PolicyError(f"{label}:{getattr(doc, 'line', 1)}: a policy must be a mapping of keys such as `extends:` and `rules:`")
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


def _resolve(ref: str, relative_to: Path | None, chain: list[str]) -> tuple[dict[str, Any], list[str]]:
    if ref in chain:
        raise PolicyError(f"`extends:` cycle: {' -> '.join(chain + [ref])}")
    if len(chain) > 16:
        raise PolicyError(f"`extends:` chain longer than 16: {' -> '.join(chain)}")
    preset = POLICY_DIR / f"{ref}.yml"
    if "/" not in ref and not ref.endswith((".yml", ".yaml")) and preset.is_file():
        path, label = preset, ref
    else:
        path = (relative_to / ref) if relative_to and not Path(ref).is_absolute() else Path(ref)
        label = str(path)
        if not path.is_file():
            known = ", ".join(preset_names())
            raise PolicyError(f"policy `{ref}` not found: give a preset ({known}) or a path to a YAML file")
    doc = read_policy_file(path, label)
    parent = doc.get("extends")
    names = chain + [ref]
    if parent in (None, ""):
        base: dict[str, Any] = {}
        lineage = [ref]
    else:
        if not isinstance(parent, str):
            raise PolicyError(f"{label}:{doc.line_of('extends')}: extends: give one preset name or path")
        base, lineage = _resolve(parent, path.parent, names)
        lineage = [ref] + lineage
    merged = merge(base, {k: v for k, v in doc.items() if k != "extends"})
    return merged, lineage


def load_policy(ref: str | None, repo_root: Path | None = None) -> Policy:
    """`ref` is a preset name or a path; None means the repository's own file, else production."""
    source = "embedded"
    if ref is None and repo_root is not None:
        for name in REPO_POLICY_FILES:
            candidate = repo_root / name
            if candidate.is_file() and not candidate.is_symlink():
                ref, source = str(candidate), name
                break
    if ref is None:
        ref = "production"
    elif source == "embedded" and not (POLICY_DIR / f"{ref}.yml").is_file():
        source = ref
    data, lineage = _resolve(ref, None, [])
    base: dict[str, Any] = {}
    for layer in BASE_LAYERS:
        path = POLICY_DIR / f"{layer}.yml"
        if path.is_file():
            base = merge(base, read_policy_file(path, layer))
    data = merge(base, data)
    name = str(data.get("name") or Path(ref).stem)
    return Policy(name=name, source=source, data=data, chain=lineage)
