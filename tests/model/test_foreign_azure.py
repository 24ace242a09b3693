"""Azure Pipelines read into the workflow model: triggers, stages, deployments, templates."""
from gate.model.foreign import parse
from gate.model.yamlsafe import load


def read(files: dict[str, str], entry: str = "azure-pipelines.yml"):
    docs = {p: load(t) for p, t in files.items()}
    [wf] = parse("azure", entry, docs[entry], docs.get)
    return wf


def test_absent_pr_runs_every_pull_request_and_none_turns_it_off():
    assert "pull_request" in read({"azure-pipelines.yml": "steps:\n  - script: make test\n"}).triggers
    wf = read({"azure-pipelines.yml": "trigger: [main]\npr: none\nsteps:\n  - script: make test\n"})
    assert "pull_request" not in wf.triggers
    assert wf.triggers["push"] == {"branches": ["main"]}


def test_stages_run_in_order_and_deployments_keep_their_environment():
    wf = read({"azure-pipelines.yml": """\
pr:
  branches:
    include: [main]
stages:
  - stage: Build
    jobs:
      - job: unit
        steps:
          - script: dotnet test
  - stage: Prod
    condition: and(succeeded(), eq(variables['build.sourceBranchName'], 'main'))
    jobs:
      - deployment: web
        environment: production.vm-web
        strategy:
          runOnce:
            deploy:
              steps:
                - script: ./deploy.sh
"""})
    assert wf.system == "azure" and wf.triggers["pull_request"] == {"branches": ["main"]}
    prod = wf.jobs["Prod.web"]
    assert prod.needs == ["Build.unit"]
    assert prod.environments == ["production"] and prod.environment_loc.line == 14
    assert prod.if_ == "github.ref == 'refs/heads/main'"
    assert [s.run for s in prod.steps] == ["./deploy.sh"] and prod.steps[0].loc.line == 19


def test_local_templates_are_followed_and_remote_ones_are_opaque():
    wf = read({
        "azure-pipelines.yml": """\
resources:
  repositories:
    - repository: shared
      type: github
      name: org/templates
stages:
  - stage: Test
    jobs:
      - template: ci/jobs.yml
  - ${{ if eq(variables['Build.SourceBranch'], 'refs/heads/main') }}:
    - template: deploy.yml@shared
""",
        "ci/jobs.yml": "jobs:\n  - job: tests\n    steps:\n      - template: steps.yml\n",
        "ci/steps.yml": "steps:\n  - task: DotNetCoreCLI@2\n    inputs:\n      command: test\n      projects: '**/*Tests.csproj'\n",
    })
    [step] = wf.jobs["Test.tests"].steps
    assert step.loc.path == "ci/steps.yml" and step.loc.line == 2
    assert step.run.startswith("dotnet test")
    assert [(str(loc), what) for loc, what in wf.opaque] == [("azure-pipelines.yml:11", "stage template deploy.yml@shared")]


def test_step_working_directory_and_single_job_pipelines():
    wf = read({"azure-pipelines.yml": "jobs:\n  - job: web\n    steps:\n      - script: npm test\n        workingDirectory: ./web\n"})
    assert wf.jobs["web"].steps[0].working_directory == "web"
