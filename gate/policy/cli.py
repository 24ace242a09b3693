"""`readiness-gate policy validate [FILE]` and `readiness-gate policy show`.

Registered in gate/cli.py with `main.add_command(policy_group, "policy")`. A bad
policy exits 2 with every problem on its own line, `file:line: key: what is wrong`.
Rule ids and params are checked against the catalogue the caller puts in the click
context object (`{"rule_catalogue": callable returning {rule id: params}}`): the
policy package never imports the rules.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

EXIT_CONFIG = 2


@click.group("policy")
def policy_group() -> None:
    """Validate a policy, or show the effective one."""


def rule_catalogue() -> Any:
    """{rule id: params} from the click context object, or None when the caller gave none."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(dict) if ctx is not None else None
    found = obj.get("rule_catalogue") if obj else None
    return found() if callable(found) else found


def _load(ref: str | None, repo: Path, git_ref: str | None, strict: bool):
    from gate.policy.load import PolicyError, load_policy

    try:
        return load_policy(ref, repo.resolve(), git_ref=git_ref, strict=strict, rules=rule_catalogue())
    except PolicyError as exc:
        for line in str(exc).splitlines():
            click.echo(f"readiness-gate: error: {line}", err=True)
        sys.exit(EXIT_CONFIG)


@policy_group.command("validate")
@click.argument("file", required=False, metavar="[FILE|PRESET]")
@click.option("--repo", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="Repository whose .github/readiness.yml is validated when FILE is not given.")
def validate_cmd(file: str | None, repo: Path) -> None:
    """Validate FILE (default: the repository's .github/readiness.yml, else the production preset),
    with everything it extends and every profile it names."""
    policy = _load(file, repo, None, strict=True)
    extra = [f"{len(policy.waivers)} waiver(s)"] if policy.waivers else []
    extra += [f"{len(policy.custom_specs)} custom rule(s)"] if policy.custom_specs else []
    profiles = policy.data.get("profiles") or {}
    extra += [f"profiles: {', '.join(f'{k} → {v}' for k, v in profiles.items())}"] if profiles else []
    click.echo(f"ok: {policy.source} ({' → '.join(policy.chain)})" + (f"; {'; '.join(extra)}" if extra else ""))


@policy_group.command("show")
@click.option("--policy", "ref", metavar="NAME|PATH", help="Preset or policy file; default: .github/readiness.yml, else production.")
@click.option("--repo", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="The repository whose policy file is used.")
@click.option("--ref", "git_ref", metavar="REF", help="Branch or ref, for branch profiles (default: from the GitHub event).")
def show_cmd(ref: str | None, repo: Path, git_ref: str | None) -> None:
    """Print the effective policy as YAML: after `extends:`, overrides and the branch profile."""
    import yaml

    policy = _load(ref, repo, git_ref, strict=False)
    head = [f"# policy: {policy.name} (source: {policy.source})", f"# chain: {' → '.join(policy.chain)}"]
    if policy.profile_reason:
        head.append(f"# profile: {policy.profile or 'none'}: {policy.profile_reason}")
    body = yaml.safe_dump(plain(policy.data), sort_keys=False, allow_unicode=True, width=120)
    click.echo("\n".join(head) + "\n" + body, nl=False)


def plain(value: Any) -> Any:
    """YMap/YList to dict/list: the YAML dumper represents exact types only."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
