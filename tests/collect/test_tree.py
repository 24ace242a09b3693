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


def test_recipes_from_makefile_and_package_json(evidence_for, repo):
    root = repo({"Makefile": "all: lint suite\n\nsuite:\n\tpython -m pytest\n",
                 "web/package.json": '{"scripts": {"ci": "vitest run"}}'})
    recipes = evidence_for(root).tree.recipes
    assert "make suite" in recipes["make:all"]
    assert "pytest" in recipes["make:suite"]
    assert recipes["npm:ci"].strip() == "vitest run"


def test_package_json_that_is_not_json_is_ignored(repo, evidence_for):
    root = repo({"package.json": "{not json"})
    assert evidence_for(root).tree.recipes == {}
