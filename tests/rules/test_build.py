"""ci.build-verified: each deployable part built by a PR job, or named where it is not."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gate.collect import collect
from gate.evaluate import run_rule
from gate.policy.load import load_policy
from gate.rules import get_rule

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize("fixture, status, where", [
    ("ops-all-covered", "pass", ".github/workflows/ci.yml:12"),
    # tests run on PRs, but nothing builds the image
    ("ops-healthcheck-compose-postgres-only", "fail", "Dockerfile:1"),
    ("ops-mongo-only", "fail", "Dockerfile:1"),
    ("ops-library-not-deployable", "skip", None),
    ("ops-helm-hpa-disabled", "skip", None),
])
def test_build_verified(fixture, status, where):
    policy = load_policy("production")
    out = run_rule(get_rule("ci.build-verified"), collect(FIXTURES / fixture, policy), policy, dt.date(2026, 11, 25))
    assert out.status == status, out.message
    if where:
        assert where in [str(loc) for loc in out.locations]
        assert where in out.message


@pytest.mark.parametrize("fixture, status, where", [
    # `docker compose build` builds the services the compose file builds; `compose config` builds nothing
    ("build-compose-build", "pass", ".github/workflows/ci.yml:9"),
    ("build-compose-config-only", "fail", "api/Dockerfile:1"),
    # `buildx bake` and `skaffold build` build every image they declare; the same on push only, or
    # `skaffold diagnose`, do not build on pull requests
    ("build-bake", "pass", ".github/workflows/ci.yml:10"),
    ("build-bake-on-push-only", "fail", "services/api/Dockerfile:1"),
    ("build-skaffold", "pass", ".github/workflows/ci.yml:9"),
    ("build-skaffold-diagnose-only", "fail", "Dockerfile:1"),
    # a local composite action that builds, its context passed by the caller; one that only lints does not
    ("build-composite-action", "pass", ".github/workflows/ci.yml:9"),
    ("build-composite-action-lint-only", "fail", "api/Dockerfile:1"),
    # a pull-request deploy to a preview environment builds the front end; on push to main it does not
    ("build-preview-deploy", "pass", ".github/workflows/preview.yml:10"),
    ("build-preview-deploy-main-only", "fail", "web/package.json:1"),
    # dev-container, editor, load-test and LABEL-only images are no deployable parts
    ("build-not-deployable-images", "pass", ".github/workflows/ci.yml:9"),
    ("build-not-deployable-images-unbuilt", "fail", "Dockerfile:1"),
    # the released image is the part; a Dockerfile nothing deploys beside it is not — unless nothing is released
    ("build-release-image", "pass", ".github/workflows/ci.yml:9"),
    ("build-release-image-unreleased", "fail", "sandbox/Dockerfile:1"),
    # an action that says it builds, the folder named by its matrix input; a matrix leaving one out
    ("build-action-input-matrix", "pass", ".github/workflows/pr.yml:11"),
    ("build-action-input-matrix-partial", "fail", "frontend/Dockerfile:1"),
    # `docker build .` with expressions in its tag and build args builds ./Dockerfile; another context does not
    ("build-docker-args-expressions", "pass", ".github/workflows/ci.yml:11"),
    ("build-docker-args-other-context", "fail", "Dockerfile:1"),
    # what the release path publishes (no Dockerfile) is a part: built on pull requests, or only tested
    ("build-release-path-app", "pass", ".github/workflows/ci.yml:9"),
    ("build-release-path-app-tests-only", "fail", ".github/workflows/deploy.yml:12"),
    # shell variables a step's env sets from the matrix, substituted per value
    ("build-env-matrix-shell-vars", "pass", ".github/workflows/pr.yml:14"),
    ("build-env-matrix-shell-vars-one", "fail", "service-front/docker/app/Dockerfile:1"),
    # an image the release path builds is a part though its folder is named like tooling
    ("build-deploy-path-tooling-folder", "fail", "ci/Dockerfile:1"),
    ("build-deploy-path-tooling-folder-built", "pass", ".github/workflows/ci.yml:9"),
    # a turbo build over the workspace (filtered by a git range) builds its apps; a turbo lint does not
    ("build-turbo-workspace", "pass", ".github/workflows/ci.yml:10"),
    ("build-turbo-workspace-lint-only", "fail", "apps/web/package.json:1"),
    # the image a Kubernetes manifest runs is the part; a Dockerfile nothing deploys beside it is not —
    # without the manifest, nothing says which one runs and both are parts
    ("build-k8s-image-ref", "pass", ".github/workflows/ci.yml:9"),
    ("build-k8s-image-ref-none", "fail", "scratch/Dockerfile:1"),
    # Azure Pipelines' Docker task on pull requests builds the image; with `pr: none` nothing does
    ("build-azure-docker-task", "pass", "azure-pipelines.yml:6"),
    ("build-azure-docker-task-no-pr", "fail", "Dockerfile:1"),
])
def test_build_forms(fixture, status, where):
    policy = load_policy("production")
    ev = collect(FIXTURES / fixture, policy)
    out = run_rule(get_rule("ci.build-verified"), ev, policy, dt.date(2026, 11, 25))
    assert out.status == status, out.message
    assert where in [str(loc) for loc in out.locations]
    assert where in out.message


def test_parts_leave_out_dev_editor_load_test_and_label_only_images():
    policy = load_policy("production")
    parts = collect(FIXTURES / "build-not-deployable-images", policy).ops.parts
    assert [p.path for p in parts] == ["Dockerfile"]
