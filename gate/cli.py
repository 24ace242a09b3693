"""Command line: check, rules, explain (and policy, publish where those modules exist).

Exit codes: 0 PASS · 1 FAIL · 2 usage or configuration error · 3 publishing failed.
A user's input never produces a traceback: every expected error is one line.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from gate import __version__

FORMATS = ("text", "json", "markdown", "sarif", "junit")
EXIT_PASS, EXIT_FAIL, EXIT_USAGE, EXIT_PUBLISH = 0, 1, 2, 3


class GateError(click.ClickException):
    """A configuration or input error: printed as one line, exit 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        for line in self.format_message().splitlines() or [""]:
            click.echo(f"readiness-gate: error: {line}", err=True)


def _parse_output(value: str) -> tuple[str, str]:
    fmt, sep, path = value.partition(":")
    if not sep or fmt not in FORMATS or not path:
        raise GateError(f"--output {value!r}: expected FORMAT:PATH with FORMAT one of {', '.join(FORMATS)}")
    return fmt, path


class LazyGroup(click.Group):
    """Commands whose modules are imported only when run: `check` never pays for the GitHub client or jsonschema."""

    LAZY = {"policy": ("gate.policy.cli", "policy_group"), "publish": ("gate.publish.command", "publish_command")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.LAZY))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY and name not in self.commands:
            import importlib

            module, attr = self.LAZY[name]
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="readiness-gate")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Readiness Gate: is this repository ready for production? Evidence in, verdict out."""
    from gate.engine import rule_catalogue

    # `policy validate` checks rule ids and params against the rules this build declares
    ctx.obj = {"rule_catalogue": rule_catalogue}


@main.command()
@click.argument("path", type=click.Path(file_okay=True, dir_okay=True, path_type=Path), default=".")
@click.option("--policy", "policy_ref", metavar="NAME|PATH",
              help="Preset (baseline, production, regulated) or policy file; default: .github/readiness.yml, else production.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="What to print on standard output.")
@click.option("--output", "outputs", multiple=True, metavar="FORMAT:PATH",
              help="Also write a report to a file, e.g. json:report.json (repeatable).")
@click.option("--ref", "git_ref", metavar="REF", help="Branch or ref being checked, for branch profiles (default: from GITHUB_REF).")
@click.option("--kind", type=click.Choice(["service", "library", "cli", "sample", "infra-module", "docs-site"]),
              help="What the repository is, when the evidence misleads (default: decided from evidence; policy key `kind`).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Paths to leave out of the evidence (repeatable).")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Judge waiver expiry and evidence freshness as of this date (default: today).")
@click.option("--color/--no-color", default=None,
              help="Colour the text view (default: on a terminal; NO_COLOR turns it off, FORCE_COLOR on, e.g. in a CI log).")
@click.option("--sarif", "sarif", multiple=True, metavar="PATH",
              help="SARIF results to judge (files, directories, globs; repeatable), e.g. CodeQL's output.")
@click.option("--scanners", default="none", show_default=True, metavar="none|bandit|semgrep|all",
              help="Scanners to run here (comma list); each needs its extra: readiness-gate[bandit|semgrep].")
@click.option("--scanner-timeout", type=click.FloatRange(min=1), default=300, show_default=True,
              help="Seconds each scanner run may take before it is stopped.")
@click.option("--baseline-ref", metavar="REF",
              help="The base this change is judged against: REF's merge base, evaluated in a temporary worktree "
                   "(what the change broke and fixed; with --fail-on new, the verdict) and, with scanners, "
                   "their new-only mode.")
@click.option("--baseline-report", type=click.Path(dir_okay=False), metavar="BASE.json",
              help="The base as a saved JSON report of the base branch, instead of --baseline-ref.")
@click.option("--fail-on", "fail_on", type=click.Choice(["any", "new"]), default=None,
              help="any: every gap counts. new: FAIL only for readiness this change made worse than its base "
                   "(ratchet mode; policy key fail_on; default any).")
@click.option("--baseline-sarif", metavar="PATH", help="New-only mode: block only on findings absent from this SARIF.")
@click.option("--changed-only/--full-scan", "changed_only", default=None,
              help="Scan only files changed since --baseline-ref (default with a baseline ref).")
@click.option("--compare", "compare", type=click.Path(dir_okay=False), metavar="REPORT.json",
              help="A JSON report of the base branch: the comment says what this change broke and fixed.")
@click.option("--repo", "repository", metavar="OWNER/NAME",
              help="Repository whose settings to read from the GitHub API (default: $GITHUB_REPOSITORY).")
@click.option("--api/--no-api", "use_api", default=None,
              help="Read environments, branch protection and alerts from the GitHub API (default: when a token and repository are known).")
@click.option("--publish", is_flag=True, help="Also publish to GitHub (status, PR comment, summary), as `publish` does.")
@click.option("--status", type=click.Choice(["check-run", "commit-status", "none"]), default="check-run",
              show_default=True, help="With --publish: how the verdict is put on the commit.")
@click.option("--status-name", default="readiness-gate", show_default=True,
              help="With --publish: check-run name / status context that branch protection requires.")
@click.option("--comment", type=click.Choice(["always", "on-failure", "never"]), default="always",
              show_default=True, help="With --publish: when to keep the sticky PR comment.")
@click.option("--token-env", default="GITHUB_TOKEN", show_default=True, metavar="NAME",
              help="With --publish: environment variable holding the token.")
def check(path: Path, policy_ref: str | None, fmt: str, outputs: tuple[str, ...], git_ref: str | None,
          kind: str | None, exclude: tuple[str, ...], as_of, color: bool | None, sarif: tuple[str, ...], scanners: str,
          scanner_timeout: float, baseline_ref: str | None, baseline_report: str | None, fail_on: str | None,
          baseline_sarif: str | None, changed_only: bool | None,
          compare: str | None, repository: str | None, use_api: bool | None,
          publish: bool, status: str, status_name: str, comment: str, token_env: str) -> None:
    """Evaluate the repository at PATH and print its readiness verdict."""
    targets = [_parse_output(o) for o in outputs]
    api = api_settings(repository, use_api, token_env, git_ref)
    security = None
    if sarif or scanners.strip().lower() not in ("", "none") or baseline_ref or baseline_sarif:
        security = {"sarif_paths": sarif, "scanners": scanners, "baseline_ref": baseline_ref,
                    "baseline_sarif": baseline_sarif, "timeout": scanner_timeout, "changed_only": changed_only}
    from gate.report.progress import reporter, when_slow
    from gate.report.text import color_wanted

    progress = reporter(sys.stderr)
    if security is not None:  # the scanner and SARIF machinery is loaded only when asked for
        from gate.collect.scanners import set_progress

        set_progress(progress)  # slow work says so on a terminal, nowhere else
    with when_slow(progress, f"reading {path} (a large tree takes a while)…"):
        report = run_check(path, policy_ref, git_ref=git_ref, exclude=exclude, api=api, security=security,
                           today=as_of.date() if as_of else None, kind=kind)
    _ratchet(report, path, policy_ref, fail_on, baseline_report or compare, baseline_ref,
             dict(git_ref=git_ref, exclude=exclude, today=as_of.date() if as_of else None, kind=kind))
    for out_fmt, out_path in targets:
        _write(out_path, _render(out_fmt, report, color=False))
    coloured = color_wanted(color, sys.stdout.isatty())
    text = _render(fmt, report, color=coloured)
    click.echo(text, nl=not text.endswith("\n"), color=coloured if fmt == "text" else None)
    if publish:
        from gate.publish.command import PublishOptions, publish_report

        sys.exit(publish_report(report, PublishOptions(status=status, status_name=status_name, comment=comment,
                                                       token_env=token_env)))
    sys.exit(EXIT_PASS if report["verdict"] == "PASS" else EXIT_FAIL)


def api_settings(repository: str | None, use_api: bool | None, token_env: str, git_ref: str | None) -> dict | None:
    """Where and how to read API evidence, or None to stay offline."""
    import os

    repository = repository or os.environ.get("GITHUB_REPOSITORY")
    token = os.environ.get(token_env)
    if use_api is False or (use_api is None and not (repository and token)):
        return None
    if not repository or not token:
        raise GateError(f"--api needs a repository (--repo or GITHUB_REPOSITORY) and a token in ${token_env}")
    return {"repository": repository, "token": token,
            "api_url": os.environ.get("GITHUB_API_URL") or "https://api.github.com",
            "ref": git_ref or os.environ.get("GITHUB_REF")}


def run_check(path: Path, policy_ref: str | None, *, git_ref: str | None = None,
              exclude: tuple[str, ...] = (), today=None, api: dict | None = None,
              security: dict | None = None, kind: str | None = None) -> dict:
    """The engine's report for PATH, with its errors as one-line usage errors (exit 2)."""
    from gate.engine import EngineError, Options, run

    try:
        return run(path, Options(policy=policy_ref, git_ref=git_ref, exclude=tuple(exclude), today=today,
                                 kind=kind, api=api, security=security)).report
    except EngineError as exc:
        raise GateError(str(exc)) from None


def _read_report(path: str) -> dict:
    import json

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise GateError(f"{path}: cannot read the base report ({exc.strerror})") from None
    except ValueError as exc:
        raise GateError(f"{path}: not a JSON report ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise GateError(f"{path}: not a readiness-gate JSON report (no `results` list); write one with --output json:PATH")
    return data


def compare_reports(base: dict, head: dict) -> dict:
    """What the change did to the verdict: rules newly failing, rules fixed, the score before."""
    def failing(report: dict) -> set[str]:
        return {r.get("id") for r in report["results"] if isinstance(r, dict) and r.get("status") == "fail"}

    before, after = failing(base), failing(head)
    return {"new_failures": sorted(after - before), "fixed": sorted(before - after),
            "score_before": base.get("score") if isinstance(base.get("score"), int) else None}


def _ratchet(report: dict, path: Path, policy_ref: str | None, fail_on: str | None, base_file: str | None,
             base_ref: str | None, options: dict) -> None:
    """Compare with the base (a saved report, else REF's merge base evaluated in a worktree) and,
    under fail_on new, let only what this change made worse decide the verdict."""
    from gate.ratchet import RatchetError, apply, base_report_at

    if not (base_file or base_ref):
        apply(report, None, fail_on or "any")  # fail-on new without a base says it judged every gap
        return
    if fail_on is None:  # the policy's `fail_on:`, as the engine loaded it (read once, not again)
        fail_on = (report.get("policy") or {}).get("fail_on") or "any"
    base = _read_report(base_file) if base_file else None
    if base is None and base_ref:
        from gate.collect.baseline import BaselineError

        # the base is judged by this change's policy: a change that relaxes it gains nothing
        own = path / ".github" / "readiness.yml"
        policy = policy_ref or (str(own.resolve()) if own.is_file() else None)
        try:
            base = base_report_at(path, base_ref, lambda tree: run_check(tree, policy, **options))
        except BaselineError as exc:
            raise GateError(f"--baseline-ref {base_ref}: {exc}") from None
    try:
        apply(report, base, fail_on)
    except RatchetError as exc:
        raise GateError(f"{base_file or base_ref}: {exc}") from None


def _render(fmt: str, report: dict, color: bool) -> str:
    from gate.report import render
    from gate.report.text import terminal_width

    if fmt == "text":
        return render(fmt, report, color=color, width=terminal_width(sys.stdout.isatty()))
    return render(fmt, report)


def _write(out_path: str, text: str) -> None:
    try:
        Path(out_path).parent.mkdir(parents=True, exist_ok=True)
        Path(out_path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise GateError(f"{out_path}: cannot write the report ({exc.strerror})") from None


@main.command("rules")
@click.option("--domain", help="Only this domain's rules.")
@click.option("--markdown", is_flag=True, help="Print the rule reference (docs/rules.md) instead.")
def rules_cmd(domain: str | None, markdown: bool) -> None:
    """List every rule: id, default severity and title."""
    from gate.rules import all_rules

    if markdown:
        from gate.rules.docs import render_rule_docs

        click.echo(render_rule_docs(), nl=False)
        return
    for r in all_rules():
        if domain and r.domain != domain:
            continue
        click.echo(f"{r.id:42} {r.severity:8} {r.title}")


@main.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print one rule: what it checks, why it matters, how to fix it."""
    from gate.rules import all_rules, get_rule

    r = get_rule(rule_id)
    if r is None:
        near = [x.id for x in all_rules() if rule_id.split(".")[-1] in x.id][:5]
        hint = f"; did you mean {', '.join(near)}?" if near else "; `readiness-gate rules` lists them"
        raise GateError(f"unknown rule {rule_id!r}{hint}")
    click.echo(f"{r.id} — {r.title}")
    click.echo(f"domain: {r.domain}    default severity: {r.severity}" + (f"    needs: {', '.join(r.needs)}" if r.needs else ""))
    click.echo(f"\nWhy: {r.rationale}\n\nChecks: {' '.join(r.doc.split())}\n\nFix: {r.remediation}")
    if r.params:
        click.echo("\nParams: " + ", ".join(f"{k}={v!r}" for k, v in r.params.items()))


def run() -> None:
    """The console entry point: `main`, and when a verdict was given, an exit that skips
    the interpreter's teardown.

    Freeing every object of a finished check one by one costs 30-50 ms, 10-15 % of a
    check on every pull request, for memory the operating system takes back at once.
    Only a run that ended normally (pass, fail, or a publish outcome) leaves this way: by
    then zizmor and the scanners have been waited for and their temporary folders removed,
    and files written are closed. An error ends the ordinary way."""
    import gc
    import os

    # One short process that builds many small objects and frees them by reference counting:
    # the cyclic collector's default pass every 700 allocations costs ~5 % of a check and
    # finds next to nothing. Rarer passes still bound what cycles could hold. Set here, where
    # the process is ours, not in `main`, which tests and other callers run in their own.
    gc.set_threshold(50_000, 20, 100)
    try:
        main(prog_name="readiness-gate")
        code = EXIT_PASS
    except SystemExit as exc:
        code = exc.code
        if code not in (EXIT_PASS, EXIT_FAIL, EXIT_PUBLISH, None):
            raise
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a reader that went away: nothing left to say to it
        pass
    os._exit(code or EXIT_PASS)
