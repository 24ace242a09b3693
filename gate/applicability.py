"""Whether a rule can judge this repository at all, decided once for every rule.

A rule declares the kinds of repository it applies to and the evidence it needs;
here that becomes a skip (does not apply, never costs score) or an unknown (the
evidence is out of sight, the policy's `unknown:` decides) with the reason, so
rule bodies only judge. One root cause gives one finding: with no deploy pipeline,
`delivery.environments-declared` says so and the rules that judge the pipeline
point at it instead of failing again.
"""
from __future__ import annotations

from gate.rules.base import Outcome, Rule, skipped, unknown

ROOT_CAUSE = "delivery.environments-declared"
_ARTICLE = {"infra-module": "an infrastructure module", "docs-site": "a documentation site", "cli": "a CLI"}


def precondition(rule: Rule, ev) -> Outcome | None:
    """The skip or unknown that stands for the rule's result, or None: judge it."""
    subject = ev.subject
    kind = ev.kind
    if kind not in rule.applies_to:
        what = _ARTICLE.get(kind, f"a {kind}")
        why = f" ({subject.reason})" if subject is not None and subject.reason else ""
        return skipped(f"Does not apply to {what}{why}; state `kind: service` in the policy if it runs as one.")
    for need in rule.needs:
        outcome = _NEEDS[need](ev, rule)
        if outcome is not None:
            return outcome
    return None


def _api(ev, rule: Rule) -> Outcome | None:
    if ev.api is None:
        return unknown("Needs a GitHub token and repository (GITHUB_TOKEN, GITHUB_REPOSITORY) to read the "
                       "repository's settings.")
    return None


def _scanners(ev, rule: Rule) -> Outcome | None:
    sec = ev.security
    if sec is None or (not sec.outcomes and not sec.sarif_files):
        return skipped("No scanner ran and no SARIF was given (use --scanners or --sarif).")
    return None


def hidden_at(ev):
    """Where the first thing out of sight was seen (for the finding's location)."""
    return ev.delivery.out_of_sight[0].loc if ev.delivery.out_of_sight else None


def out_of_sight(ev) -> str | None:
    """What was seen of deploys that happen beyond this repository, as one sentence."""
    seen = ev.delivery.out_of_sight
    if not seen:
        return None
    first = seen[0]
    more = f" (and {len(seen) - 1} more)" if len(seen) > 1 else ""
    return f"{first.what} ({first.loc}){more}"


def _pipeline(ev, rule: Rule) -> Outcome | None:
    if ev.delivery.pipeline:
        return None
    hidden = out_of_sight(ev)
    if hidden:
        return unknown(f"Deploys happen out of sight: {hidden}; cannot be judged from here.", hidden_at(ev))
    return skipped(f"Not judged: no deploy pipeline (see {ROOT_CAUSE}).")


def _production(ev, rule: Rule) -> Outcome | None:
    missing = _pipeline(ev, rule)
    if missing is not None:
        return missing
    if ev.delivery.production:
        return None
    hidden = out_of_sight(ev)
    if hidden:
        return unknown(f"No production deploy in this repository's workflows; {hidden}.", hidden_at(ev))
    return skipped("No production deploy found; delivery.promotion-order reports that.")


def _database(ev, rule: Rule) -> Outcome | None:
    ops = ev.ops
    if ops is not None and ops.has_database:
        return None
    if ops is not None and ops.document_stores:
        from gate.rules.ops_common import evidence_list

        return skipped(f"Only document or key-value stores ({evidence_list(ops.document_stores, 2)}) and no "
                       "migrations folder: schema migrations do not apply.")
    return skipped("No relational database and no migrations folder: schema migrations do not apply.")


_NEEDS = {"api": _api, "scanners": _scanners, "pipeline": _pipeline, "production": _production,
          "database": _database}
