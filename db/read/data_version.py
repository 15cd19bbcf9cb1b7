"""Reading the data version (raised by db.write.data_version at every committed write of content): the number the
response cache (dashboard.cache) keys its answers by."""

from __future__ import annotations

from db.session import get_engine

_SELECT = "SELECT version FROM data_version WHERE id = 1"


def current(database_url: str) -> int:
    """The data version now; 0 when there is none yet (an unmigrated database: never cache on it).

    Read on a pooled driver connection without SQLAlchemy's execution machinery: the cache asks on every request,
    and this costs a third of a Core query."""
    conn = get_engine(database_url).raw_connection()
    try:
        cursor = conn.cursor()
        try:
            cursor.execute(_SELECT)
            row = cursor.fetchone()
        finally:
            cursor.close()
        return int(row[0]) if row else 0
    except Exception:  # noqa: BLE001 - an unmigrated database (or one that went away): do not cache
        return 0
    finally:
        conn.close()
