"""The data version: one number that every committed write of content raises, in the same transaction as the write.

Cached pages and downloads (dashboard.cache) are keyed by it, so the first visit after a load, an edit or a
publication sees the new figures on every instance. Hooked into every engine (db.session.make_engine): a
connection that ran an INSERT, UPDATE or DELETE on a content table raises the version just before it commits.
Writes that change no public content – sessions, sign-in attempts, accounts – leave it alone."""

from __future__ import annotations

import logging
import re

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import Connection

# Tables whose writes change nothing a cached page or download shows.
IGNORED_TABLES = frozenset({
    "data_version", "alembic_version", "web_session", "sign_in_attempt", "app_user", "role_grant", "etl_stage",
    "media_upload",
})
_WRITE = re.compile(r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?',
                    re.IGNORECASE)
_DIRTY = "perspectief_content_written"
_BUMP = "UPDATE data_version SET version = version + 1 WHERE id = 1"
log = logging.getLogger(__name__)


def written_table(statement: str) -> str | None:
    """The table an INSERT/UPDATE/DELETE statement writes, else None."""
    m = _WRITE.match(statement)
    return m[1].lower() if m else None


def _after_execute(conn: Connection, _cursor, statement: str, *_args) -> None:  # noqa: ANN001, ANN002
    table = written_table(statement)
    if table is not None and table not in IGNORED_TABLES:
        conn.info[_DIRTY] = True


def _before_commit(conn: Connection) -> None:
    if not conn.info.pop(_DIRTY, False):
        return
    # On the driver's connection, inside the transaction being committed; in a savepoint, so a database that has
    # no data_version table yet (a migration to an older revision) commits its write all the same.
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute("SAVEPOINT perspectief_data_version")
        try:
            cursor.execute(_BUMP)
        except Exception:  # noqa: BLE001 - no table yet: nothing to raise
            cursor.execute("ROLLBACK TO SAVEPOINT perspectief_data_version")
        cursor.execute("RELEASE SAVEPOINT perspectief_data_version")
    finally:
        cursor.close()


def _after_rollback(conn: Connection) -> None:
    conn.info.pop(_DIRTY, None)


def install(engine: Engine) -> None:
    """Raise the data version at every commit that wrote content (once per engine)."""
    if event.contains(engine, "after_cursor_execute", _after_execute):
        return
    event.listen(engine, "after_cursor_execute", _after_execute)
    event.listen(engine, "commit", _before_commit)
    event.listen(engine, "rollback", _after_rollback)


def current(conn: Connection) -> int:
    """The data version now (0 when the table is not there yet)."""
    try:
        return int(conn.execute(text("SELECT version FROM data_version WHERE id = 1")).scalar() or 0)
    except Exception:  # noqa: BLE001 - an unmigrated database: never cache on it
        log.debug("no data_version table", exc_info=True)
        return 0


def current_raw(engine: Engine) -> int:
    """`current`, on a pooled driver connection without SQLAlchemy's execution machinery (the page cache asks on
    every request)."""
    conn = engine.raw_connection()
    try:
        cursor = conn.cursor()
        try:
            cursor.execute("SELECT version FROM data_version WHERE id = 1")
            row = cursor.fetchone()
        finally:
            cursor.close()
        return int(row[0]) if row else 0
    except Exception:  # noqa: BLE001 - an unmigrated database: never cache on it
        conn.rollback()
        return 0
    finally:
        conn.close()
