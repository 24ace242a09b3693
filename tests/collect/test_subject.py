"""What the repository is, decided from evidence and shown with the files that decided it."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("fixture, kind, evidence", [
    ("kind-cli-goreleaser", "cli", ".goreleaser.yaml:1"),
    ("kind-terraform-module", "infra-module", "variables.tf:1"),
    ("kind-docs-site", "docs-site", ".github/workflows/pages.yml:9"),
    ("kind-sample", "sample", "README.md:1"),
    ("library-package-release", "library", ".github/workflows/release.yml:15"),
    # a docs site on Vercel under website/ does not make a package a service
    ("kind-library-with-docs-on-vercel", "library", ".github/workflows/release.yml:9"),
])
def test_the_kind_and_the_file_that_decided_it(evidence_for, fixture, kind, evidence):
    subject = evidence_for(fixture).subject
    assert subject.kind == kind, subject
    assert str(subject.evidence[0]) == evidence


@pytest.mark.parametrize("fixture, runs_on", [
    ("kind-terraform-deployment", ()),  # a backend: it is applied, not consumed
    ("delivery-matrix-of-reusable-deploys", ("Kubernetes",)),
    ("delivery-paas-git-integration", ("Vercel",)),
    ("delivery-branch-conditional-environment", ("Fly",)),
])
def test_services_say_where_they_run(evidence_for, fixture, runs_on):
    subject = evidence_for(fixture).subject
    assert subject.kind == "service", subject
    assert subject.runs_on[:len(runs_on)] == runs_on


def test_a_library_report_shows_its_kind_first(tmp_path):
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from gate.cli import main

    fixture = Path(__file__).parents[1] / "fixtures" / "library-package-release"
    result = CliRunner().invoke(main, ["check", str(fixture), "--format", "json"])
    subject = json.loads(result.output)["subject"]
    assert (subject["kind"], subject["decided_by"]) == ("library", "evidence")
    assert subject["reason"] == "its workflows publish packages"
