"""Set-based writing of checked observations: stage, check duplicates, keep history, merge.

Checked rows go into a temporary staging table in the load's own transaction (SQLite: executemany on the
driver connection; PostgreSQL: COPY). At the end the staging table is merged into `observation` with a few
set-based statements: values that differ from what is stored are first copied to `observation_history`,
then inserted or replaced; identical values are left untouched, so loading the same file twice changes
nothing. Nothing is visible to others before the transaction commits, and a killed load leaves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import DateTime, Integer, bindparam, text
from sqlalchemy.orm import Session

from db.write.counts import ChangeCounts

KEY = ("indicator_id", "region_id", "period_kind", "period_start")
STAGE_COLUMNS = ("seq", "line", "indicator_id", "region_id", "period_kind", "period_start", "value", "status")


@dataclass(frozen=True)
class Duplicate:
    line: int
    first_line: int
    same_value: bool


class Stage:
    """The staging table of one load (one per session/transaction)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name
        self.rows = 0
        if self.dialect == "postgresql":
            session.execute(text(
                "CREATE TEMP TABLE IF NOT EXISTS etl_stage (seq bigint, line integer, indicator_id integer, "
                "region_id integer, period_kind varchar(20), period_start date, value double precision, "
                "status varchar(20)) ON COMMIT DROP"))
        else:
            session.execute(text(
                "CREATE TEMP TABLE IF NOT EXISTS etl_stage (seq INTEGER, line INTEGER, indicator_id INTEGER, "
                "region_id INTEGER, period_kind VARCHAR(20), period_start DATE, value FLOAT, status VARCHAR(20))"))
        session.execute(text("DELETE FROM etl_stage"))
        self._dbapi = session.connection().connection.driver_connection

    def add(self, rows: pd.DataFrame) -> None:
        """Stage checked rows (columns as returned by validation.validate_chunk)."""
        if rows.empty:
            return
        n = len(rows)
        seq = range(self.rows, self.rows + n)
        values = rows["value"].astype(float)
        value_list = [None if v != v else v for v in values.tolist()]  # NaN -> NULL
        if self.dialect == "postgresql":
            data = zip(seq, rows["line"].tolist(), rows["indicator_id"].tolist(), rows["region_id"].tolist(),
                       rows["period_kind"].tolist(), rows["period_start"].tolist(), value_list,
                       rows["status"].tolist(), strict=True)
            with self._dbapi.cursor() as cur, cur.copy(
                    "COPY etl_stage (seq, line, indicator_id, region_id, period_kind, period_start, value, status) "
                    "FROM STDIN") as copy:
                for record in data:
                    copy.write_row(record)
        else:
            starts = [d.isoformat() for d in rows["period_start"].tolist()]
            data = zip(seq, rows["line"].tolist(), rows["indicator_id"].tolist(), rows["region_id"].tolist(),
                       rows["period_kind"].tolist(), starts, value_list, rows["status"].tolist(), strict=True)
            cur = self._dbapi.cursor()
            try:
                cur.executemany("INSERT INTO etl_stage VALUES (?, ?, ?, ?, ?, ?, ?, ?)", data)
            finally:
                cur.close()
        self.rows += n

    def _exec(self, sql: str, params: dict | None = None, types: dict | None = None):  # noqa: ANN202
        stmt = text(sql)
        if types:
            stmt = stmt.bindparams(*(bindparam(name, type_=type_) for name, type_ in types.items()))
        return self.session.execute(stmt, params or {})

    def duplicates(self) -> list[Duplicate]:
        """Records that repeat a key staged earlier (the first occurrence stays)."""
        key_eq = " AND ".join(f"s.{k} = f.{k}" for k in KEY)
        rows = self._exec(f"""
            WITH firsts AS (
                SELECT {", ".join(KEY)}, MIN(seq) AS first_seq FROM etl_stage
                GROUP BY {", ".join(KEY)} HAVING COUNT(*) > 1
            )
            SELECT s.line, f.line, CASE WHEN {self._same("s", "f")} THEN 1 ELSE 0 END
            FROM firsts d
            JOIN etl_stage f ON f.seq = d.first_seq
            JOIN etl_stage s ON {key_eq} AND s.seq <> f.seq
            ORDER BY s.seq
        """).all()
        return [Duplicate(int(line), int(first), bool(same)) for line, first, same in rows]

    def drop_repeats(self) -> None:
        """Keep only the first staged record of every key."""
        self._exec(f"""
            DELETE FROM etl_stage WHERE seq NOT IN (
                SELECT MIN(seq) FROM etl_stage GROUP BY {", ".join(KEY)})
        """)

    def _same(self, a: str, b: str) -> str:
        null_safe = "IS NOT DISTINCT FROM" if self.dialect == "postgresql" else "IS"
        return f"{a}.value {null_safe} {b}.value AND {a}.status = {b}.status"

    def merge(self, load_id: int, source: str, table_id: str | None, file_hash: str, now: datetime) -> ChangeCounts:
        """Merge the staged records into `observation`, keeping the replaced values in the history."""
        key_eq = " AND ".join(f"o.{k} = s.{k}" for k in KEY)
        differs = f"NOT ({self._same('o', 's')})"
        staged = self._exec("SELECT COUNT(*) FROM etl_stage").scalar_one()
        existing = self._exec(f"SELECT COUNT(*) FROM etl_stage s JOIN observation o ON {key_eq}").scalar_one()
        when = {"now": DateTime(timezone=True), "load_id": Integer()}
        changed = self._exec(f"""
            INSERT INTO observation_history (observation_id, value, status, source, table_id, file_hash,
                                             loaded_at, load_id, replaced_at, replaced_by_load_id)
            SELECT o.id, o.value, o.status, o.source, o.table_id, o.file_hash, o.loaded_at, o.load_id,
                   :now, :load_id
            FROM etl_stage s JOIN observation o ON {key_eq}
            WHERE {differs}
        """, {"now": now, "load_id": load_id}, when).rowcount
        self._exec(f"""
            INSERT INTO observation (indicator_id, region_id, period_kind, period_start, value, status,
                                     is_example, source, table_id, file_hash, loaded_at, load_id)
            SELECT indicator_id, region_id, period_kind, period_start, value, status,
                   :false, :source, :table_id, :file_hash, :now, :load_id
            FROM etl_stage s WHERE true
            ORDER BY indicator_id, region_id, period_kind, period_start
            ON CONFLICT (indicator_id, region_id, period_kind, period_start) DO UPDATE SET
                value = excluded.value, status = excluded.status, is_example = excluded.is_example,
                source = excluded.source, table_id = excluded.table_id, file_hash = excluded.file_hash,
                loaded_at = excluded.loaded_at, load_id = excluded.load_id
            WHERE NOT ({self._same("observation", "excluded")}) OR observation.is_example
        """, {"false": False, "source": source[:200], "table_id": table_id, "file_hash": file_hash, "now": now,
              "load_id": load_id}, when)
        return ChangeCounts(new=staged - existing, changed=changed, unchanged=existing - changed)


