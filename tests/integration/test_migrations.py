"""Alembic creates the schema on an empty database (SQLite and PostgreSQL), models and migrations do not
drift, downgrades work, and the `alembic` command line honours DATABASE_URL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from db.migrate import alembic_config, upgrade
from db.models import Base
from db.session import get_engine

PROJECT_DIR = Path(__file__).resolve().parents[2]
MODEL_TABLES = set(Base.metadata.tables)


def _tables(url: str) -> set[str]:
    return set(inspect(get_engine(url)).get_table_names())


def _current_revision(url: str) -> str | None:
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _head(url: str) -> str:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def test_models_have_tables() -> None:
    assert MODEL_TABLES, "Base.metadata has no tables: db.models was not imported?"


def test_upgrade_creates_every_table(empty_db_url: str) -> None:
    assert _tables(empty_db_url) == set()
    upgrade(empty_db_url)
    missing = MODEL_TABLES - _tables(empty_db_url)
    assert not missing, f"tables in db.models but not created by the migrations: {sorted(missing)}"
    assert _current_revision(empty_db_url) == _head(empty_db_url)


def test_no_drift_between_models_and_migrations(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    with get_engine(empty_db_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], "models and migrations differ; write a migration (alembic revision --autogenerate):\n" + \
        "\n".join(map(repr, diff))


def test_upgrade_is_idempotent(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    upgrade(empty_db_url)
    assert _current_revision(empty_db_url) == _head(empty_db_url)


def test_downgrade_to_base_and_upgrade_again(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    command.downgrade(alembic_config(empty_db_url), "base")
    left = _tables(empty_db_url) & MODEL_TABLES
    assert not left, f"downgrade to base left tables behind: {sorted(left)}"
    assert _current_revision(empty_db_url) is None
    upgrade(empty_db_url)
    assert MODEL_TABLES <= _tables(empty_db_url)
    assert _current_revision(empty_db_url) == _head(empty_db_url)


def test_alembic_command_line_uses_database_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=PROJECT_DIR, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    try:
        assert MODEL_TABLES <= _tables(url)
        assert _current_revision(url) == _head(url)
    finally:
        get_engine(url).dispose()
        get_engine.cache_clear()


def test_meeting_notes_from_before_0008_keep_their_rows(empty_db_url: str) -> None:
    """0008 adds who recorded a meeting note (NOT NULL, '' for existing rows) and who marked it done."""
    config = alembic_config(empty_db_url)
    command.upgrade(config, "0007")
    with get_engine(empty_db_url).begin() as conn:
        conn.execute(text("INSERT INTO region (id, code, name, kind) VALUES (1, 'GM0141', 'Almelo', 'gemeente')"))
        conn.execute(text("INSERT INTO programme (id, slug, name, vision, start_year, end_year, baseline_year, "
                          "owner, region_id, is_demo, sort_order) "
                          "VALUES (1, 'p', 'P', '', 2023, 2026, 2022, '', 1, false, 0)"))
        conn.execute(text("INSERT INTO meeting_note (id, programme_id, quarter, kind, text, owner, created_at) "
                          "VALUES (1, 1, '2025-Q3', 'besluit', 'Oud besluit', '', CURRENT_TIMESTAMP)"))
    upgrade(empty_db_url)
    with get_engine(empty_db_url).connect() as conn:
        row = conn.execute(text("SELECT text, created_by, done_by FROM meeting_note")).one()
    assert tuple(row) == ("Oud besluit", "", None)
    command.downgrade(config, "0007")
    with get_engine(empty_db_url).connect() as conn:
        assert conn.execute(text("SELECT text FROM meeting_note")).scalar_one() == "Oud besluit"
    assert "created_by" not in {c["name"] for c in inspect(get_engine(empty_db_url)).get_columns("meeting_note")}


def test_audit_entries_from_before_0010_stay_append_only_and_take_the_new_steps(empty_db_url: str) -> None:
    """0010 widens audit_entry's CHECK constraints (SQLite copies the table): old entries keep their rows, the
    database still refuses to change or delete an entry, and a load (`lading`, `geladen`) can be recorded."""
    config = alembic_config(empty_db_url)
    command.upgrade(config, "0008")
    with get_engine(empty_db_url).begin() as conn:
        conn.execute(text("INSERT INTO audit_entry (id, at, user_id, user_name, item_kind, item_id, programme_id, "
                          "action, field, old, new, reason) VALUES (1, CURRENT_TIMESTAMP, 2, 'Redacteur', 'meting', 7, "
                          "1, 'gewijzigd', 'realised', '90', '95', '')"))
    upgrade(empty_db_url)
    engine = get_engine(empty_db_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_entry (id, at, user_name, item_kind, item_id, action, reason) "
                          "VALUES (2, CURRENT_TIMESTAMP, 'opdrachtregel', 'lading', 1, 'geladen', '1 nieuw')"))
        rows = conn.execute(text("SELECT id, user_name, item_kind, action, old, new FROM audit_entry "
                                 "ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, "Redacteur", "meting", "gewijzigd", "90", "95"),
                                        (2, "opdrachtregel", "lading", "geladen", None, None)]
    for sql in ("UPDATE audit_entry SET new = '96' WHERE id = 1", "DELETE FROM audit_entry WHERE id = 1"):
        try:
            with engine.begin() as conn:
                conn.execute(text(sql))
        except Exception as exc:  # noqa: BLE001 - either driver's error
            assert "auditlogboek" in str(exc)
        else:
            raise AssertionError(f"the database accepted {sql!r}")
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO audit_entry (at, user_name, item_kind, item_id, action, reason) "
                              "VALUES (CURRENT_TIMESTAMP, '', 'iets', 1, 'geladen', '')"))
    except Exception as exc:  # noqa: BLE001
        assert "ck_audit_entry_item_kind" in str(exc) or "CHECK" in str(exc)
    else:
        raise AssertionError("an unknown subject was accepted")
    command.downgrade(config, "0008")
    with get_engine(empty_db_url).connect() as conn:
        assert conn.execute(text("SELECT id FROM audit_entry")).scalars().all() == [1]
    assert "revision" not in _tables(empty_db_url)
