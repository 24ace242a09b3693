"""Facts from the file tree."""
from gate.model.location import Location


def test_languages_skip_vendored_and_docs(repo, evidence_for):
    root = repo({"app/main.go": "", "docs/x.py": "", "vendor/y.js": "", "web/a.tsx": "", "tests/fixtures/z.rb": ""})
    tree = evidence_for(root).tree
    assert tree.languages == {"go": 1, "javascript-typescript": 1}
    assert tree.language_example["go"] == "app/main.go"


def test_codeowners_bots_deploy_files_iac_and_other_ci(repo, evidence_for):
    root = repo({"docs/CODEOWNERS": "* @a\n", "renovate.json": "{}", "fly.toml": "", "infra/x.tf": "",
                 "k8s/deployment.yaml": "", "examples/demo/Dockerfile": "", ".gitlab-ci.yml": ""})
    tree = evidence_for(root).tree
    assert tree.codeowners == Location("docs/CODEOWNERS", 1)
    assert tree.dependency_bots == [Location("renovate.json", 1)]
    assert tree.deploy_files == ["fly.toml"]  # an example's Dockerfile is not the service's
    assert tree.iac == {"terraform": ["infra/x.tf"], "kubernetes": ["k8s/deployment.yaml"]}
    assert tree.other_ci == {"GitLab CI": [".gitlab-ci.yml"]}


def test_recipes_are_followed_by_the_one_runner_follower(repo):
    # what `make all` and `npm run ci` run is read by gate/collect/runners.py, nowhere else
    from gate.collect.repo import walk
    from gate.collect.runners import Runners

    root = repo({"Makefile": "all: lint suite\n\nsuite:\n\tpython -m pytest\n",
                 "web/package.json": '{"scripts": {"ci": "vitest run"}}', "package.json": "{not json"})
    runners = Runners(walk(root))
    assert any("pytest" in r.text and r.chain == "make all → make suite" for r in runners.follow("make all"))
    assert any(r.text.strip() == "vitest run" for r in runners.follow("npm run ci", workdir="web"))
    assert [r.text for r in runners.follow("npm run ci")] == ["npm run ci"]  # a broken package.json: nothing more