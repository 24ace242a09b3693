"""The rule registry: an explicit list of domain modules, in report order.

Adding a rule is one declaration in its domain's module; adding a domain is one
line here. Modules that are not written yet are simply absent from the list.
"""
from __future__ import annotations

import importlib

from gate.rules.base import Rule

# (domain, human title as an assessment would name the row, module)
DOMAINS: tuple[tuple[str, str, str], ...] = (
    ("ci", "CI/CD pipeline", "gate.rules.ci"),
    ("ci", "CI/CD pipeline", "gate.rules.build"),
    ("security", "Security & compliance", "gate.rules.security"),
    ("security", "Security & compliance", "gate.rules.security_findings"),
    ("hardening", "Supply-chain hardening", "gate.rules.hardening"),
    ("iac", "Infrastructure as code", "gate.rules.iac"),
    ("delivery", "Deployment & environment promotion", "gate.rules.delivery"),
    ("rollback", "Rollback & recovery", "gate.rules.rollback"),
    ("observability", "Monitoring & observability", "gate.rules.observability"),
    ("resilience", "Backup, DR & scaling", "gate.rules.resilience"),
    ("performance", "Performance & load testing", "gate.rules.performance"),
    ("data", "Database & migrations", "gate.rules.data"),
    ("governance", "Governance & review", "gate.rules.governance"),
    ("custom", "Team-specific checks", "gate.rules.custom"),
)
DOMAIN_TITLES = {d: t for d, t, _ in DOMAINS}
DOMAIN_ORDER = list(dict.fromkeys(d for d, _, _ in DOMAINS))

_cache: list[Rule] | None = None


def all_rules() -> list[Rule]:
    """Every built-in rule, in domain order then declaration order."""
    global _cache
    if _cache is None:
        rules: list[Rule] = []
        for _, _, module_name in DOMAINS:
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name == module_name:
                    continue
                raise
            rules.extend(v for v in vars(module).values() if isinstance(v, Rule))
        ids = [r.id for r in rules]
        dupes = {i for i in ids if ids.count(i) > 1}
        assert not dupes, f"rule ids declared twice: {dupes}"
        _cache = rules
    return _cache


def get_rule(rule_id: str) -> Rule | None:
    return next((r for r in all_rules() if r.id == rule_id), None)
