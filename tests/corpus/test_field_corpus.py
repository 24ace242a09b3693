"""The gate on the field corpus: real repositories labelled rule by rule before the gate
ran on them, twice and blind (tests/corpus/field/CONVENTIONS.md).

The corpus ships with the tests, so this never skips. Every settled label must match
except the KNOWN_MISSES, each with its reason; one that starts matching fails too, so
the list stays honest. Agreement per family and blocker precision are printed.
"""
from __future__ import annotations

import pytest

from field_agreement import BLOCKERS, compare, labelled, summary

# (repository, rule): why the gate disagrees with the settled label.
_COPY = "the trimmed copy lists it in TREE.txt only; on the whole repository the gate reads the file: "
_LIB_IAC = ("conventions did not exempt iac.present for non-services, so the readers failed it; the gate skips "
            "it by design (infrastructure applies to services and infrastructure modules, DESIGN.md)")
KNOWN_MISSES: dict[tuple[str, str], str] = {
    # infrastructure as code for libraries and CLIs: a conventions gap, not a reading
    **{(repo, "iac.present"): _LIB_IAC for repo in (
        "charmbracelet__gum", "colinhacks__zod", "derailed__k9s", "jesseduffield__lazygit", "python-attrs__attrs",
        "tokio-rs__bytes")},
    # evidence the copy holds only as a path in TREE.txt
    ("18F__identity-idp", "data.migrations-managed"): _COPY + "db/primary_migrate/ (Rails migrations)",
    ("18F__identity-idp", "data.migrations-reversible"): _COPY + "db/primary_migrate/ (Rails migrations)",
    ("usdigitalresponse__usdr-gost", "security.codeql-languages"): _COPY + "the Python of arpa-exporter",
    ("cds-snc__notification-document-download-api", "resilience.backups"):
        _COPY + "app/utils/store.py, the object store the service writes uploads to",
    # readers the gate does not have yet
    ("thechangelog__changelog.com", "ci.tests-run"):
        "tests run through a Go program (`go run main.go ci`, mage/dagger targets): Go code is not followed",
    ("thechangelog__changelog.com", "ci.build-verified"): "the same Go pipeline builds the image on pull requests",
    ("thechangelog__changelog.com", "data.migrations-in-pipeline"): "the Fly release command runs an opaque binary",
    ("guardian__recipes-backend", "iac.validated-in-ci"): "an nx build target runs `cdk synth`: nx targets are not followed",
    ("GSA__notifications-api", "ci.build-verified"):
        "a buildpack app (cf push of source) is a deployable part without a build command: not a part yet",
    ("python-attrs__attrs", "ci.build-verified"):
        "the package a library releases is a part (settled conventions); parts are images, apps and functions",
    ("tokio-rs__bytes", "ci.build-verified"):
        "the crate a library releases is a part (settled conventions); parts are images, apps and functions",
    ("18F__identity-idp", "ci.build-verified"):
        "GitLab jobs that build with kaniko in merge-request pipelines are not read as image builds",
    ("SkillsFundingAgency__das-courses-api", "data.migrations-in-pipeline"):
        "a DACPAC deploy (sql-dacpac-deploy) is not read as applying migrations",
    ("alphagov__content-store", "observability.telemetry"):
        "an organisation's app-config gem (govuk_app_config) brings Prometheus and Sentry: not known as telemetry",
    ("artsy__metaphysics", "delivery.promotion-order"):
        "CircleCI orb jobs (hokusai/deploy-production) are not read as deploys, so production is out of sight",
    ("artsy__metaphysics", "delivery.production-branch-restricted"): "as above: the orb deploy job is not read",
    ("artsy__metaphysics", "delivery.deploy-concurrency"): "as above: the orb deploy job is not read",
    # judgement calls where the gate's reading differs, with why it is kept
    ("DFE-Digital__register-trainee-teachers", "delivery.promotion-order"):
        "a dispatch that redeploys a chosen version to production is the rollback path and exempt from promotion "
        "(as the dev corpus labels it); the readers counted it as a bypass",
    ("bcgov__nr-spar", "governance.codeowners"): "the file is `.github/codeowners`; GitHub documents the name CODEOWNERS",
    ("bcgov__nr-spar", "iac.validated-in-ci"):
        "trivy's config scan of the OpenShift templates counts as validation; the readers did not count a scanner",
    ("NHSDigital__eps-prescription-status-update-api", "iac.validated-in-ci"):
        "SAM templates validated, if at all, in a remote quality-checks workflow: the gate says unknown",
    ("SkillsFundingAgency__das-courses-api", "delivery.deploy-concurrency"):
        "the deploy stages run in remote Azure templates; the readers took a wait step as serialising them",
    ("SkillsFundingAgency__das-courses-api", "delivery.production-branch-restricted"):
        "the production stage's condition is in a remote template; the readers judged the visible trigger",
    ("18F__identity-idp", "delivery.environments-declared"):
        "review-app deploys declare environments but production is a downstream project trigger: unknown",
    ("govuk-one-login__ipv-cri-address-api", "delivery.production-branch-restricted"):
        "production is promoted by a secure pipeline out of sight: the gate says unknown, the readers judged "
        "the visible path on main",
    ("alphagov__content-store", "security.codeql-languages"):
        "CodeQL runs in a remote reusable workflow without a visible language list: the gate cannot tell",
}


@pytest.fixture(scope="module")
def table():
    rows = labelled()
    assert rows, "tests/corpus/field/labels/ holds no settled label"
    return compare(rows)


def test_field_labels_match_except_known_misses(table, capsys):
    with capsys.disabled():
        print("\n" + summary(table))
    unexpected = [f"{repo} {rid}: label {want}, gate {got}" for repo, rid, want, got in table["disagreements"]
                  if (repo, rid) not in KNOWN_MISSES]
    seen = {(repo, rid) for repo, rid, _, _ in table["disagreements"]}
    healed = [f"{repo} {rid} now matches: remove it from KNOWN_MISSES" for repo, rid in KNOWN_MISSES
              if (repo, rid) not in seen]
    assert not unexpected, "\n".join(unexpected)
    assert not healed, "\n".join(healed)


def test_failed_blockers_hold(table):
    """A false blocker stops someone's merge: at least 95 % of the blockers the gate fails, the
    labels fail too (the target the unseen repositories are measured against)."""
    held, failed = table["blocker_precision"]
    wrong = [f"{repo} {rid}: label {want}, gate {got}" for repo, rid, want, got in table["disagreements"]
             if rid in BLOCKERS and got == "fail"]
    assert held >= 0.95 * failed, "\n".join(wrong)
