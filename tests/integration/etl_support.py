"""Helpers for the ETL tests: the command line run in-process, and a snapshot of everything it may change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from etl import cli

PROJECT = Path(__file__).resolve().parents[2]
CBS_DATA = PROJECT / "etl" / "data" / "cbs"  # real CBS downloads shipped with the app
TEST_DATA = PROJECT / "tests" / "data"  # recorded responses and format samples (see its README)
# every load, refused or not, logs itself here (load log and audit trail); that log raises the data version
# (db.data_version) too
LOG_TABLES = {"data_load", "audit_entry", "alembic_version", "data_version"}


@dataclass
class CliRun:
    code: int
    out: str
    err: str


@pytest.fixture
def run_etl(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """`python -m etl ARGS` in this process against `url`; returns exit code, stdout, stderr."""

    def run(url: str, *args: str | Path) -> CliRun:
        capsys.readouterr()
        code = cli.main(["--database-url", url, *(str(a) for a in args)])
        captured = capsys.readouterr()
        return CliRun(code, captured.out, captured.err)

    return run


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of every table except the load log, in primary-key order: 'the database' for comparisons."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sorted(t for t in inspect(conn).get_table_names() if t not in LOG_TABLES)
            return {t: [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{t}" ORDER BY 1'))] for t in tables}
    finally:
        engine.dispose()


def assert_clean_refusal(result: CliRun) -> None:
    """Refused with a plain Dutch message: non-zero exit, no traceback, not the catch-all 'unexpected' text."""
    assert result.code != 0, result.out + result.err
    assert "Traceback" not in result.err and "Traceback" not in result.out
    assert "Onverwachte fout" not in result.err, result.err
    assert "Geweigerd" in result.err or "Ophalen mislukt" in result.err, result.err


def copy_sqlite(source: Path | str, target: Path) -> str:
    """A consistent copy of a SQLite database (WAL included, through the backup API); returns its URL."""
    import sqlite3

    src_path = str(source).removeprefix("sqlite:///")
    with sqlite3.connect(src_path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return f"sqlite:///{target}"
