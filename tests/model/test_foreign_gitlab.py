"""GitLab CI read into the workflow model: pipelines, stages, rules, includes, environments."""
from gate.model.foreign import parse
from gate.model.yamlsafe import load


def read(files: dict[str, str]):
    docs = {p: load(t) for p, t in files.items()}
    [wf] = parse("gitlab", ".gitlab-ci.yml", docs[".gitlab-ci.yml"], docs.get)
    return wf


def test_branch_pipelines_by_default_and_merge_request_pipelines_when_rules_say_so():
    wf = read({".gitlab-ci.yml": "test:\n  script: [pytest]\n"})
    assert "push" in wf.triggers and wf.triggers["push"] is None
    assert "pull_request" not in wf.triggers
    wf = read({".gitlab-ci.yml": """\
workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
      when: never
    - if: $CI_COMMIT_BRANCH
test:
  script: [pytest]
"""})
    assert "pull_request" in wf.triggers and "push" in wf.triggers


def test_stages_order_jobs_and_needs_overrides_it():
    wf = read({".gitlab-ci.yml": """\
stages: [build, test, deploy]
build:
  stage: build
  script: [docker build .]
lint:
  stage: test
  needs: []
  script: [ruff check .]
unit:
  stage: test
  script: [pytest]
deploy:
  stage: deploy
  script: [./deploy.sh]
  environment:
    name: production
    url: https://example.org
  only: [main]
stop-review:
  stage: deploy
  script: [./stop.sh]
  environment: {name: review/$CI_COMMIT_REF_SLUG, action: stop}
"""})
    assert wf.jobs["unit"].needs == ["build"]
    assert wf.jobs["lint"].needs == []
    assert set(wf.jobs["deploy"].needs) == {"build", "lint", "unit"}
    assert wf.jobs["deploy"].environments == ["production"] and wf.jobs["deploy"].environment_loc.line == 15
    assert wf.jobs["deploy"].if_ == "github.ref == 'refs/heads/main'"
    assert wf.jobs["stop-review"].environment is None
    assert wf.jobs["unit"].steps[0].loc.line == 11


def test_local_includes_extends_and_references_are_followed_remote_includes_are_opaque():
    wf = read({
        ".gitlab-ci.yml": """\
include:
  - local: /ci/test.yml
  - project: org/templates
    file: /deploy.yml
  - remote: https://example.org/ci.yml
""",
        "ci/test.yml": """\
.setup:
  script:
    - pip install -e .
unit-tests:
  extends: .base
  script:
    - !reference [.setup, script]
    - make test
.base:
  image: python:3.12
""",
    })
    job = wf.jobs["unit-tests"]
    assert job.loc.path == "ci/test.yml" and job.runs_on == "python:3.12"
    assert [s.run for s in job.steps] == ["pip install -e .", "make test"]
    assert [what for _, what in wf.opaque] == ["include: project org/templates", "include: remote https://example.org/ci.yml"]


def test_rules_limited_to_the_default_branch_keep_a_job_off_merge_requests():
    wf = read({".gitlab-ci.yml": """\
deploy:
  script: [./deploy.sh]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
test:
  script: [pytest]
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"""})
    assert wf.jobs["deploy"].if_ == "github.ref == 'refs/heads/main'"
    assert wf.jobs["test"].if_ is None
    assert "pull_request" in wf.triggers


def test_hostile_extends_and_job_counts_are_bounded():
    import time

    parents = "\n".join(f".p{i}:\n  extends: [{', '.join(f'.p{j}' for j in range(40))}]\n  script: [x]" for i in range(40))
    jobs = "\n".join(f"j{i}:\n  extends: [{', '.join(f'.p{j}' for j in range(40))}]\n  script: [make test]" for i in range(600))
    start = time.process_time()
    wf = read({".gitlab-ci.yml": parents + "\n" + jobs + "\n"})
    assert time.process_time() - start < 5  # CPU, not wall: bounded work, not a fast machine
    assert len(wf.jobs) == 500 and any("more than 500 jobs" in p for _, p in wf.problems)


def test_local_child_pipelines_run_after_the_job_that_starts_them():
    wf = read({
        ".gitlab-ci.yml": "stages: [build, deploy]\nbackend:\n  stage: build\n  trigger:\n    include: backend/.gitlab-ci.yml\n"
                          "    strategy: depend\nrelease:\n  stage: deploy\n  script: [./release.sh]\n",
        "backend/.gitlab-ci.yml": "unit:\n  stage: test\n  script: [go test ./...]\n"
                                  "deploy:\n  stage: deploy\n  script: [./deploy.sh]\n  environment: production\n",
    })
    assert wf.jobs["backend/unit"].needs == ["backend"]
    assert wf.jobs["backend/deploy"].needs == ["backend", "backend/unit"]
    assert wf.jobs["backend/deploy"].environments == ["production"]
    assert wf.jobs["release"].needs == ["backend"]  # parent stages wait for the trigger job, not its children
    assert [s.loc.path for s in wf.jobs["backend/unit"].steps] == ["backend/.gitlab-ci.yml"]
    assert not wf.opaque
