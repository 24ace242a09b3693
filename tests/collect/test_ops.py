"""collect_ops: the facts each format yields, with file and line, and bounded reading."""
from __future__ import annotations

from pathlib import Path

from gate.collect.ops import collect_ops
from gate.collect.repo import walk
from gate.collect.workflows import collect_workflows
from gate.policy.load import load_policy

FIXTURES = Path(__file__).parents[1] / "fixtures"
SIG = load_policy("production").signatures


def ops(root: Path):
    repo = walk(root)
    return collect_ops(repo, collect_workflows(repo), SIG)


def locs(facts) -> list[str]:
    return [str(f.loc) for f in facts]


def test_all_covered_facts_carry_lines():
    ev = ops(FIXTURES / "ops-all-covered")
    assert "Dockerfile:5" in locs(ev.health_checks)
    assert "k8s/deployment.yaml:11" in locs(ev.health_checks)
    assert locs(ev.telemetry) == ["requirements.txt:5"]
    assert "infra/db.tf:4" in locs(ev.backups)
    assert "k8s/hpa.yaml:2" in locs(ev.autoscaling)
    assert "loadtest/smoke.js:1" in locs(ev.load_test_scripts)
    assert ev.tools == ["alembic"]
    assert "docker-entrypoint.sh:3" in locs(ev.migration_runs)
    assert [p.path for p in ev.parts] == ["Dockerfile"] and str(ev.parts[0].built_by) == ".github/workflows/ci.yml:12"
    assert locs(ev.runbooks) == ["docs/runbooks/disaster-recovery.md:1"]


def test_compose_healthcheck_on_postgres_is_not_the_service():
    ev = ops(FIXTURES / "ops-healthcheck-compose-postgres-only")
    assert ev.health_checks == []
    assert "docker-compose.yml:6" in locs(ev.databases)  # the postgres service is a database
    assert [f.detail for f in ev.telemetry] == []        # winston is logging


def test_helm_guards_follow_the_chart_values():
    ev = ops(FIXTURES / "ops-helm-hpa-disabled")
    assert ev.autoscaling == [] and ev.health_checks == []
    assert "chart/templates/hpa.yaml:3" in locs(ev.autoscaling_off)
    assert "chart/values.yaml:4" in locs(ev.autoscaling_off)


def test_document_store_only_and_auto_sync():
    mongo = ops(FIXTURES / "ops-mongo-only")
    assert mongo.databases == [] and locs(mongo.document_stores) == ["package.json:3"]
    assert not mongo.has_database
    gorm = ops(FIXTURES / "ops-gorm-automigrate")
    assert locs(gorm.auto_sync) == ["main.go:5"] and gorm.migration_tools == []


def test_platform_release_command_and_django_reversible():
    ev = ops(FIXTURES / "ops-load-scripts-not-run")
    assert locs(ev.migration_runs) == ["fly.toml:4"]
    assert ev.tools == ["django"] and ev.reversible and not ev.irreversible
    assert ev.load_test_runs == [] and locs(ev.load_test_scripts) == ["perf/locustfile.py:1"]


def test_hostile_files_do_not_crash(tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM scratch\nHEALTHCHECK \\\n")
    (tmp_path / "docker-compose.yml").write_text("services: [unclosed\n")
    (tmp_path / "fly.toml").write_text("[[http_service.checks\n")
    (tmp_path / "package.json").write_text("{not json")
    (tmp_path / "values.yaml").write_text("a: &a [*a]\n")
    (tmp_path / "Chart.yaml").write_text("name: x\n")
    bomb = "a: &a [" + ",".join(["x"] * 10) + "]\n" + "".join(f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i-1}'}" + ",*" + ('a' if i == 0 else f'b{i-1}') + "]\n" for i in range(12))
    (tmp_path / "k8s").mkdir()
    (tmp_path / "k8s" / "bomb.yaml").write_text(bomb)
    (tmp_path / "big.tf").write_bytes(b"x" * (2 << 20))
    ev = ops(tmp_path)
    assert ev.health_checks == []  # `HEALTHCHECK \` with nothing after it is not a check


def test_probes_in_a_library_charts_named_template_follow_the_including_values():
    ev = ops(FIXTURES / "ops-helm-named-probes")
    assert locs(ev.health_checks) == ["chart/charts/common/templates/_probes.tpl:4",
                                      "chart/charts/common/templates/_probes.tpl:8"]
    assert "chart/templates/deployment.yaml:11" in ev.health_checks[0].detail
    # the same template behind `if .Values.probes.enabled` that the values leave false is no probe
    assert ops(FIXTURES / "ops-helm-named-probes-off").health_checks == []


def test_extras_the_production_image_installs_are_runtime_dependencies():
    for fixture, at in (("ops-python-extras", "Dockerfile:4"), ("ops-python-extras-uv", "Dockerfile:5")):
        ev = ops(FIXTURES / fixture)
        assert locs(ev.telemetry) == ["pyproject.toml:11"], fixture
        assert locs(ev.databases) == ["pyproject.toml:12"], fixture
        assert f"installed at {at}" in ev.telemetry[0].detail
    # the image installs the dev extra (and a third-party package's extra): neither is the service's runtime
    dev = ops(FIXTURES / "ops-python-extras-dev-only")
    assert dev.telemetry == [] and dev.databases == []


def test_a_database_image_built_here_is_a_store_not_the_service():
    ev = ops(FIXTURES / "ops-database-image-built")
    assert locs(ev.databases) == ["database/Dockerfile:1"]
    assert ev.health_checks == []        # pg_isready in the database image says nothing of the service


def test_a_remote_library_charts_probes_are_read_from_the_values_that_turn_them_on():
    assert locs(ops(FIXTURES / "ops-helm-remote-library").health_checks) == ["values.yaml:9"]
    assert ops(FIXTURES / "ops-helm-remote-library-off").health_checks == []


def test_poetry_groups_are_runtime_unless_the_image_leaves_them_out():
    # `poetry install --without dev` installs the observability group; the dev group never counts
    assert locs(ops(FIXTURES / "ops-python-poetry-groups").telemetry) == ["pyproject.toml:10"]
    # `--only main` leaves every other group out
    assert ops(FIXTURES / "ops-python-poetry-only-main").telemetry == []


_DEPLOY_WORKFLOW = """on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
{extra}    steps:
      - run: bundle exec rails db:migrate
"""


def test_a_deploy_job_migrating_the_runners_own_database_is_not_the_deploy_path(tmp_path):
    """The job's service containers and env come from the parsed workflow (one read, one parse)."""
    for extra in ("    services:\n      db:\n        image: postgres:16\n",
                  "    env:\n      DATABASE_URL: postgres://u:p@localhost:5432/test\n"):
        wf = tmp_path / extra.split(":")[0].strip() / ".github" / "workflows"
        wf.mkdir(parents=True)
        (wf / "deploy.yml").write_text(_DEPLOY_WORKFLOW.format(extra=extra))
        assert ops(wf.parents[1]).migration_runs == [], extra


def test_a_deploy_job_migrating_a_real_database_is_the_deploy_path(tmp_path):
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(_DEPLOY_WORKFLOW.format(extra="    env:\n      DATABASE_URL: ${{ secrets.DB }}\n"))
    assert [str(f.loc) for f in ops(tmp_path).migration_runs] == [".github/workflows/deploy.yml:8"]
