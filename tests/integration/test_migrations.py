"""Alembic creates the schema on an empty database, and models and migrations do not drift."""

import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from db.migrate import alembic_config, upgrade
from db.models import Base
from db.session import get_engine

PROJECT_DIR = Path(__file__).resolve().parents[2]


def test_upgrade_creates_every_table_without_drift(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    engine = get_engine(empty_db_url)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_downgrade_and_upgrade_again(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    command.downgrade(alembic_config(empty_db_url), "base")
    assert "observation" not in inspect(get_engine(empty_db_url)).get_table_names()
    upgrade(empty_db_url)
    assert "observation" in inspect(get_engine(empty_db_url)).get_table_names()


def test_alembic_command_line_uses_database_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=PROJECT_DIR, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "programme" in inspect(get_engine(url)).get_table_names()
