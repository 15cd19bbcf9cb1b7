"""The data version: one number that every committed write of content raises, in the same transaction as the write.

Cached pages, downloads and API answers (dashboard.cache) are keyed by it (db.read.data_version reads it), so the
first visit after a load, an edit, a publication or a meeting note sees the new figures on every instance.

Raising it belongs to the write service: importing db.write registers it (like the guards of the audit trail and of
frozen quarter snapshots) on every engine of the process. A transaction that ran an INSERT, UPDATE or DELETE on a
content table – whichever write path of db.write issued it: the editing functions, `save_quarter`, the ETL loads'
merge and upserts, publishing a quarter, meeting notes – raises the version just before it commits. Writes that
change nothing a visitor sees – sessions, sign-in attempts, accounts, the ETL staging table, upload records – leave
it alone. `after_restore` moves it past every number used before, so answers cached before a restore never match."""

from __future__ import annotations

import re
import time

from sqlalchemy import Engine, event, inspect, text
from sqlalchemy.engine import Connection

# Tables whose writes change nothing a cached page, download or API answer shows.
IGNORED_TABLES = frozenset({
    "data_version", "alembic_version", "web_session", "sign_in_attempt", "app_user", "role_grant", "etl_stage",
    "media_upload",
})
_WRITE = re.compile(r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?',
                    re.IGNORECASE)
_DIRTY = "perspectief_content_written"
_BUMP = "UPDATE data_version SET version = version + 1 WHERE id = 1"


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


def install() -> None:
    """Raise the data version at every commit that wrote content, on every engine of this process (once)."""
    if event.contains(Engine, "after_cursor_execute", _after_execute):
        return
    event.listen(Engine, "after_cursor_execute", _after_execute)
    event.listen(Engine, "commit", _before_commit)
    event.listen(Engine, "rollback", _after_rollback)


def after_restore(engine: Engine) -> int:
    """After a restore: a version above every one used before (the clock in microseconds, or one more than the
    restored number), so an answer cached from the database before the restore – in Redis or in a running worker –
    is never taken for the restored data's. The new version, 0 when the restored database has no data_version."""
    if not inspect(engine).has_table("data_version"):
        return 0  # a backup from before migration 0009: the migration starts it afresh
    with engine.begin() as conn:
        restored = conn.execute(text("SELECT version FROM data_version WHERE id = 1")).scalar()
        if restored is None:
            return 0
        version = max(int(restored) + 1, time.time_ns() // 1000)
        conn.execute(text("UPDATE data_version SET version = :v WHERE id = 1"), {"v": version})
    return version


install()
