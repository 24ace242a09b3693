"""How a rule is declared and what it returns.

A rule is declared once, next to its check: id, domain, default severity, title,
rationale and remediation live in the `@rule` decorator, so `rules`, `explain`,
`docs/rules.md` and every report read the same words. A check is a pure function
of the Evidence and its context; it never reads a file or the network.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from msgspec import Struct, field

from gate.model.location import Location

SEVERITIES = ("blocker", "warning", "info", "off")
STATUSES = ("pass", "fail", "skip", "unknown", "waived")
KINDS = ("service", "library", "cli", "sample", "infra-module", "docs-site")
# What a rule may need before it can judge; the evaluator checks it once (gate/applicability.py).
NEEDS = ("api", "scanners", "pipeline", "production", "database")


class Outcome(Struct, frozen=True):
    """What a rule's check concluded, with the locations that show it."""

    status: str                      # pass | fail | skip | unknown (out of sight: the policy decides what it counts as)
    message: str
    locations: tuple[Location, ...] = ()
    details: tuple[str, ...] = ()    # one line each: further gaps or evidence


def passed(message: str, *locations: Location | None, details: Iterable[str] = ()) -> Outcome:
    return Outcome("pass", message, _locs(locations), tuple(details))


def failed(message: str, *locations: Location | None, details: Iterable[str] = ()) -> Outcome:
    return Outcome("fail", message, _locs(locations), tuple(details))


def skipped(reason: str) -> Outcome:
    """Not applicable to this repository: never costs score."""
    return Outcome("skip", reason)


def unknown(reason: str, *locations: Location | None) -> Outcome:
    """Could not tell (out of sight, no token, scanner absent): the policy's `unknown` decides.
    A location, when given, is what was seen."""
    return Outcome("unknown", reason, _locs(locations))


MAX_LOCATIONS = 50


def _locs(locations: Iterable[Location | None]) -> tuple[Location, ...]:
    out: dict[Location, None] = {}
    for loc in locations:
        if loc is not None:
            out[loc] = None
            if len(out) >= MAX_LOCATIONS:
                break
    return tuple(out)


class Context(Struct):
    """What a check may consult besides Evidence: its params and the signatures."""

    params: dict[str, Any]
    sig: Any  # gate.policy.signatures.Signatures
    today: Any = None  # datetime.date, injected so freshness is testable


Check = Callable[[Any, Context], Outcome]


class Rule(Struct, frozen=True):
    """A rule declared once: its identity, documentation, applicability and check."""

    id: str
    domain: str
    severity: str
    title: str
    rationale: str
    remediation: str
    check: Check
    params: dict[str, Any] = field(default_factory=dict)
    applies_to: tuple[str, ...] = KINDS  # the kinds of repository it judges; others skip it
    needs: tuple[str, ...] = ()          # evidence it cannot judge without (NEEDS)

    @property
    def doc(self) -> str:
        return self.check.__doc__ or ""


def rule(*, id: str, severity: str, title: str, rationale: str, remediation: str,
         params: dict[str, Any] | None = None, applies_to: tuple[str, ...] = KINDS,
         needs: tuple[str, ...] = ()) -> Callable[[Check], Rule]:
    """Declare a rule; the decorated function is its check, which runs only where the rule
    applies and what it needs is there (the evaluator decides and says why otherwise)."""
    assert severity in SEVERITIES, severity
    assert set(applies_to) <= set(KINDS), applies_to
    assert set(needs) <= set(NEEDS), needs
    domain = id.split(".", 1)[0]

    def wrap(fn: Check) -> Rule:
        return Rule(id=id, domain=domain, severity=severity, title=title, rationale=" ".join(rationale.split()),
                    remediation=" ".join(remediation.split()), check=fn, params=dict(params or {}),
                    applies_to=tuple(applies_to), needs=tuple(needs))

    return wrap
