"""Every migration must apply and revert cleanly (CI runs this against PostgreSQL)."""

import os

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect

DATABASE_URL = os.environ.get("TEST_DATABASE_URL")

pytestmark = pytest.mark.skipif(
    not DATABASE_URL, reason="TEST_DATABASE_URL not set (CI provides a PostgreSQL service)"
)


def _config() -> Config:
    os.environ["DATABASE_URL"] = DATABASE_URL
    return Config(os.path.join(os.path.dirname(__file__), "..", "alembic.ini"))


def test_upgrade_downgrade_roundtrip():
    config = _config()
    command.upgrade(config, "head")
    tables = set(inspect(create_engine(DATABASE_URL)).get_table_names())
    assert {"patients", "providers", "appointments"} <= tables

    command.downgrade(config, "base")
    tables = set(inspect(create_engine(DATABASE_URL)).get_table_names())
    assert tables <= {"alembic_version"}

    command.upgrade(config, "head")
