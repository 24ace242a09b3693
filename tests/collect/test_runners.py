"""The one follower: from a command to what it runs, through every task runner — bounded."""
import pytest

from gate.collect.repo import walk
from gate.collect.runners import MAX_DEPTH, Runners


def follow(repo, files, command, workdir=""):
    root = repo(files)
    return Runners(walk(root)).follow(command, workdir)


def chains(reached):
    return [(r.source, r.chain) for r in reached[1:]]


@pytest.mark.parametrize("files, command, source, text", [
    ({"Makefile": ".PHONY: ci\nci: lint unit\nlint:\n\truff .\nunit:\n\t@pytest -q\n"}, "make ci", "Makefile", "pytest -q"),
    ({"sub/Makefile": "test:\n\tgo test ./...\n"}, "make -C sub test", "sub/Makefile", "go test ./..."),
    ({"package.json": '{"scripts": {"ci": "npm run unit", "unit": "vitest run"}}'}, "npm run ci", "package.json", "vitest run"),
    ({"web/package.json": '{"scripts": {"test:unit": "jest"}}'}, "yarn --cwd web test:unit", "web/package.json", "jest"),
    ({"web/package.json": '{"scripts": {"verify": "jest"}}'}, "pnpm --dir web verify", "web/package.json", "jest"),
    ({"justfile": "default: test\n\ntest *args:\n    cargo nextest run {{args}}\n"}, "just", "justfile", "cargo nextest run {{args}}"),
    ({"Taskfile.yml": "version: '3'\ntasks:\n  ci:\n    deps: [unit]\n  unit:\n    cmds:\n      - go test ./...\n"},
     "task ci", "Taskfile.yml", "go test ./..."),
    ({"Taskfile.yml": "version: '3'\nincludes:\n  go: ./taskfiles/go.yml\ntasks: {}\n",
      "taskfiles/go.yml": "version: '3'\ntasks:\n  test:\n    cmds:\n      - go test -race ./...\n"},
     "task go:test", "taskfiles/go.yml", "go test -race ./..."),
    ({"Justfile": "_default:\n\tjust --list\n\n# all tests\ntest *args:\n\tRUST_BACKTRACE=1 cargo nextest run {{args}}\n"},
     "just test", "Justfile", "cargo nextest run"),
    ({"tox.ini": "[tox]\nenvlist = py\n[testenv]\ncommands =\n    pytest {posargs}\n[testenv:lint]\ncommands = ruff .\n"},
     "tox -e py", "tox.ini", "pytest {posargs}"),
    ({"noxfile.py": "import nox\n\n@nox.session\ndef tests(session):\n    session.run('pytest')\n\n\ndef x():\n    pass\n"},
     "nox -s tests", "noxfile.py", "session.run('pytest')"),
    ({"noxfile.py": "import nox\n\n@nox.session(python=['3.11', '3.12'])\ndef tests(session: nox.Session) -> None:\n"
                    "    session.run(\n        'pytest',\n        '--cov',\n    )\n"},
     "nox -s tests-3.12", "noxfile.py", "'pytest'"),
    ({"pyproject.toml": "[tool.hatch.envs.default.scripts]\ncov = 'pytest --cov'\n"}, "hatch run cov", "pyproject.toml", "pytest --cov"),
    ({"Rakefile": "task default: [:spec]\n\ntask :spec do\n  sh 'rspec'\nend\n"}, "bundle exec rake", "Rakefile", "sh 'rspec'"),
    ({"composer.json": '{"scripts": {"check": ["@cs", "@unit"], "unit": "phpunit"}}'}, "composer check", "composer.json", "phpunit"),
    ({"mix.exs": 'defp aliases do\n  [ci: ["format --check-formatted", "test"]]\nend\n'}, "mix ci", "mix.exs", "test"),
    ({"scripts/test.sh": "#!/bin/sh\nset -e\nexec python -m pytest\n"}, "bash scripts/test.sh", "scripts/test.sh", "python -m pytest"),
    ({"script/cibuild": "#!/bin/sh\nbundle exec rspec\n"}, "script/cibuild", "script/cibuild", "bundle exec rspec"),
    ({"docker-compose.ci.yml": "services:\n  tests:\n    build: .\n    command: pytest -q\n"},
     "docker compose -f docker-compose.ci.yml run --rm tests", "docker-compose.ci.yml", "pytest -q"),
])
def test_follows_each_runner_to_the_text_it_runs(repo, files, command, source, text):
    reached = follow(repo, files, command)
    assert any(r.source == source and text in r.text for r in reached), chains(reached)




def test_chain_and_lines(repo):
    reached = follow(repo, {"scripts/test-unit.ts": 'execSync("yarn run coverage")\n',
                            "package.json": '{\n  "scripts": {\n    "coverage": "jest --coverage"\n  }\n}\n'},
                     "npx tsx ./scripts/test-unit.ts")
    last = reached[-1]
    assert last.chain == "./scripts/test-unit.ts → yarn run coverage" and last.text == "jest --coverage"
    assert last.source == "package.json" and last.line == 3


def test_working_directory_decides_which_package_runs(repo):
    files = {"package.json": '{"scripts": {"test": "echo root"}}', "web/package.json": '{"scripts": {"test": "vitest"}}'}
    assert follow(repo, files, "npm test", "web")[-1].text == "vitest"
    assert follow(repo, files, "npm test")[-1].text == "echo root"


def test_cycles_stop_and_depth_is_bounded(repo):
    cyc = follow(repo, {"Makefile": "a:\n\tmake b\nb:\n\tmake a\n"}, "make a")
    assert [r.chain for r in cyc] == ["", "make a", "make a → make b"]
    deep = {f"s{i}.sh": f"sh s{i + 1}.sh\n" for i in range(10)}
    reached = follow(repo, deep, "sh s0.sh")
    assert len(reached) == MAX_DEPTH + 1


def test_each_file_is_read_once(repo):
    root = repo({"Makefile": "unit:\n\tpytest\nlint:\n\truff .\n", "package.json": '{"scripts": {"t": "make unit"}}'})
    files = walk(root)
    reads = []
    original = files._read
    files._read = lambda rel, max_bytes: reads.append(rel) or original(rel, max_bytes)
    runners = Runners(files)
    for cmd in ("make unit", "make lint", "npm run t", "yarn t", "make unit lint"):
        runners.follow(cmd)
    assert sorted(reads) == ["Makefile", "package.json"]


def test_nothing_outside_the_repository_is_followed(repo):
    reached = follow(repo, {"a.sh": "sh ../../etc/x.sh\n"}, "sh a.sh")
    assert [r.source for r in reached] == ["", "a.sh"]
