"""Bitbucket Pipelines read into the workflow model: one Workflow per pipeline."""
from gate.model.foreign import parse
from gate.model.yamlsafe import load

CONFIG = """\
definitions:
  steps:
    - step: &test
        name: Test
        script:
          - npm ci
          - npm test
pipelines:
  default:
    - step: *test
  pull-requests:
    '**':
      - parallel:
          - step: *test
          - step:
              name: Lint
              script: [npm run lint]
  branches:
    main:
      - step: *test
      - step:
          name: Deploy
          deployment: production
          trigger: manual
          script:
            - pipe: atlassian/aws-elasticbeanstalk-deploy:1.0.0
              variables: {APPLICATION_NAME: web}
  tags:
    'v*':
      - step: *test
  custom:
    redeploy:
      - step:
          name: Redeploy
          deployment: production
          script: [./deploy.sh]
"""


def test_pipelines_triggers_order_and_deployments():
    wfs = {wf.name: wf for wf in parse("bitbucket", "bitbucket-pipelines.yml", load(CONFIG), lambda p: None)}
    assert wfs["default"].triggers == {"push": None}
    assert wfs["pull-requests: **"].triggers == {"pull_request": None}
    assert set(wfs["pull-requests: **"].jobs) == {"Test", "Lint"}
    main = wfs["branches: main"]
    assert main.triggers == {"push": {"branches": ["main"]}}
    assert main.jobs["Deploy"].needs == ["Test"] and main.jobs["Deploy"].environments == ["production"]
    assert main.jobs["Deploy"].if_ == "github.event_name == 'workflow_dispatch'"
    assert main.jobs["Deploy"].steps[0].uses == "pipe:atlassian/aws-elasticbeanstalk-deploy:1.0.0"
    assert wfs["tags: v*"].triggers == {"push": {"tags": ["v*"]}}
    assert wfs["custom: redeploy"].triggers == {"workflow_dispatch": None}
    assert [s.loc.line for s in wfs["default"].jobs["Test"].steps] == [6, 7]
