"""CircleCI read into the workflow model: one Workflow per workflow, requires, filters, commands."""
from gate.model.foreign import parse
from gate.model.yamlsafe import load

CONFIG = """\
version: 2.1
orbs:
  aws-ecr: circleci/aws-ecr@9.0
commands:
  unit:
    steps:
      - run:
          name: Unit tests
          command: npm test
jobs:
  test:
    docker: [{image: cimg/node:20.11}]
    working_directory: ~/app
    steps:
      - checkout
      - unit
  deploy:
    docker: [{image: cimg/base:current}]
    steps:
      - run: ./deploy.sh
workflows:
  main:
    jobs:
      - test
      - aws-ecr/build_and_push_image:
          requires: [test]
      - hold:
          type: approval
          requires: [test]
      - deploy:
          requires: [hold]
          filters:
            branches:
              only: [main]
  nightly:
    triggers:
      - schedule:
          cron: "0 3 * * *"
          filters: {branches: {only: [main]}}
    jobs: [test]
"""


def test_workflows_requires_filters_and_commands():
    main, nightly = parse("circleci", ".circleci/config.yml", load(CONFIG), lambda p: None)
    assert main.name == "main" and main.triggers == {"push": None}
    assert nightly.triggers == {"schedule": None}
    assert main.jobs["deploy"].needs == ["hold"]
    assert main.jobs["deploy"].if_ == "github.ref == 'refs/heads/main'"
    assert main.jobs["hold"].if_ == "github.event_name == 'workflow_dispatch'"
    [step] = main.jobs["test"].steps
    assert step.run == "npm test" and step.loc.line == 7 and step.via.line == 16
    assert [what for _, what in main.opaque] == ["orb job aws-ecr/build_and_push_image"]
