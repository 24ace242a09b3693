"""Waivers: a failing rule accepted for a reason until a date.

A waiver counts through its `expires` day and stops the day after; an expired waiver
leaves the failure standing and the report says so, so no acceptance outlives its
review. With `paths`, a waiver covers a failure only if every location of the failure
matches one of the globs: a new occurrence elsewhere is not silently waived.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from msgspec import Struct

from gate.policy.globs import any_match


class Waiver(Struct, frozen=True):
    """A policy's leave to let one rule fail until a date, for a reason."""

    rule: str
    reason: str
    expires: dt.date
    paths: tuple[str, ...] = ()
    approved_by: str | None = None

    def covers(self, result: Any) -> bool:
        if result.rule.id != self.rule:
            return False
        if not self.paths:
            return True
        locations = list(result.locations or ())
        return bool(locations) and all(any_match(loc.path, self.paths) for loc in locations)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "reason": self.reason, "expires": self.expires.isoformat()}
        if self.paths:
            out["paths"] = list(self.paths)
        if self.approved_by:
            out["approved_by"] = self.approved_by
        return out


def parse_waivers(raw: Any) -> list[Waiver]:
    """Waivers from validated policy data (validation has already named any bad entry)."""
    out = []
    for w in raw if isinstance(raw, list) else []:
        try:
            expires = dt.date.fromisoformat(str(w["expires"]))
        except (KeyError, TypeError, ValueError):
            continue
        paths = w.get("paths") or ()
        out.append(Waiver(rule=str(w["rule"]), reason=str(w.get("reason") or ""), expires=expires,
                          paths=(paths,) if isinstance(paths, str) else tuple(str(p) for p in paths),
                          approved_by=str(w["approved_by"]) if w.get("approved_by") else None))
    return out


def apply_waiver(waivers: list[Waiver], result: Any, today: dt.date, notices: list[str]) -> None:
    """Mark a failing result waived by the first active waiver that covers it."""
    matching = [w for w in waivers if w.covers(result)]
    active = next((w for w in matching if today <= w.expires), None)
    if active is not None:
        result.status = "waived"
        result.waiver = active.to_dict()
        return
    for w in matching:
        notices.append(f"waiver for {w.rule} expired on {w.expires.isoformat()} ({w.reason}); "
                       "the failure counts again: renew the waiver or fix the finding")
