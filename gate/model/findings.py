"""The finding vocabulary shared by collectors, rules and renderers.

A `Finding` is one scanner result, normalised: which tool and rule, how severe, where,
and a fingerprint that survives code moving. Collectors make them (SARIF, scanners),
rules judge them, renderers write them back out; none of them owns the type.
"""
from __future__ import annotations

from typing import Any

from msgspec import Struct
from msgspec.structs import asdict

SEVERITIES = ("critical", "high", "medium", "low", "note")
SEVERITY_RANK = {name: len(SEVERITIES) - i for i, name in enumerate(SEVERITIES)}  # critical=5 … note=1
LEVEL_SEVERITY = {"error": "high", "warning": "medium", "note": "low", "none": "note"}
GATE_TOOL = "readiness-gate"
FINGERPRINT_KEY = "readinessGate/v1"  # the partialFingerprints key the gate writes its fingerprints under


class Finding(Struct, frozen=True):
    """One scanner finding, normalised from SARIF or zizmor."""

    tool: str
    rule_id: str
    severity: str            # critical | high | medium | low | note
    level: str               # the SARIF level it came with: error | warning | note | none
    message: str
    path: str                # relative to the repository root, posix; "" when the result has no location
    line: int | None
    column: int | None
    fingerprint: str
    help_uri: str | None = None

    @property
    def rank(self) -> int:
        return SEVERITY_RANK.get(self.severity, 0)

    def where(self) -> str:
        if not self.path:
            return "(no location)"
        return f"{self.path}:{self.line}" if self.line else self.path

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def severity_at_least(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK.get(threshold, 99)


def severity_from_score(score: float) -> str:
    """CVSS bands, as GitHub code scanning reads `security-severity`."""
    if score >= 9.0:
        return "critical"
    if score >= 7.0:
        return "high"
    if score >= 4.0:
        return "medium"
    return "low" if score > 0 else "note"
