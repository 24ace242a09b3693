"""Branch profiles: a ref pattern chooses the policy a branch is held to.

The ref comes from `--ref`, else from the GitHub event: a pull request is judged by
the branch it merges into (GITHUB_BASE_REF), since that is the branch being
protected; any other event by GITHUB_REF. The first pattern that matches wins, and
the policy records which profile applied and why, for the report.
"""
from __future__ import annotations

from typing import Mapping

from gate.policy.globs import glob_match


def current_ref(git_ref: str | None, env: Mapping[str, str]) -> tuple[str | None, str]:
    """The ref to choose a profile for, and where it came from."""
    if git_ref:
        return git_ref, "--ref"
    base, head = env.get("GITHUB_BASE_REF"), env.get("GITHUB_HEAD_REF")
    if base:
        return base, f"GITHUB_BASE_REF: a pull request {'from ' + head + ' ' if head else ''}into {base}"
    if env.get("GITHUB_REF"):
        return env["GITHUB_REF"], "GITHUB_REF"
    return None, "no ref known (give --ref, or run in GitHub Actions)"


def ref_forms(ref: str) -> list[str]:
    """The names a pattern may be written against: `release/1.2`, `refs/heads/release/1.2`, `tags/v1`."""
    if ref.startswith("refs/heads/"):
        return [ref[len("refs/heads/"):], ref]
    if ref.startswith("refs/tags/"):
        return [ref[len("refs/"):], ref]
    if ref.startswith("refs/"):
        return [ref]
    return [ref, "refs/heads/" + ref]


def select_profile(profiles: Mapping[str, str], ref: str | None, origin: str) -> tuple[str | None, str | None, str]:
    """(pattern, policy ref, reason): pattern and policy are None when no profile applies."""
    if ref is None:
        return None, None, f"no profile applied: {origin}"
    forms = ref_forms(ref)
    for pattern, target in profiles.items():
        if any(glob_match(form, str(pattern)) for form in forms):
            return str(pattern), str(target), f"ref `{ref}` (from {origin}) matches profile `{pattern}` → {target}"
    listed = ", ".join(f"`{p}`" for p in profiles)
    return None, None, f"ref `{ref}` (from {origin}) matches no profile ({listed}); the policy as written applies"
