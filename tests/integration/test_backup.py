"""`python -m db backup PATH` and `python -m db restore PATH [--overschrijven]` on SQLite and PostgreSQL: a round trip
into an empty database gives the same rows (counted per table, and equal row by row; the data version moves past
every number used before, so no cached answer of the old data is served) and the app serves the same quarter report
(the published quarter's frozen PDF and Excel byte for byte, a draft quarter's content); a restore over a database
that has tables is refused without --overschrijven, and a backup of one kind is never restored into the other."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import MetaData, func, select, text

from db.migrate import upgrade
from db.read.quarter import build_report
from db.session import get_engine, session_scope
from db.write.quarter import Renderers, add_note, publish_quarter
from indicators.periods import Period
from indicators.quarter import canonical_json
from tests.conftest import _postgres_database, _sqlite_database
from tests.integration.test_quarter import SLUG, build_world, download_client

PROJECT = Path(__file__).resolve().parents[2]
PUBLISHED, DRAFT = Period.quarter(2025, 3), Period.quarter(2025, 4)


@contextmanager
def _second_database(kind: str, request: pytest.FixtureRequest, tmp_path: Path):  # noqa: ANN202
    if kind == "sqlite":
        with _sqlite_database(tmp_path / "tweede") as url:
            Path(tmp_path / "tweede").mkdir(exist_ok=True)
            yield url
    else:
        with _postgres_database(request.getfixturevalue("postgres_server")) as url:
            yield url


def _kind(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def row_counts(url: str) -> dict[str, int]:
    meta = MetaData()
    engine = get_engine(url)
    meta.reflect(engine)
    with engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(t)) for name, t in sorted(meta.tables.items())}


def all_rows(url: str) -> dict[str, list]:
    """Every row of every table, but the data version (a restore moves it on: see `data_version`)."""
    meta = MetaData()
    engine = get_engine(url)
    meta.reflect(engine)
    with engine.connect() as conn:
        return {name: sorted((tuple(r) for r in conn.execute(select(t))), key=repr)
                for name, t in sorted(meta.tables.items()) if name != "data_version"}


def data_version(url: str) -> int:
    with get_engine(url).connect() as conn:
        return conn.scalar(text("SELECT version FROM data_version WHERE id = 1"))


def db_cli(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "db", *args], cwd=PROJECT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(PROJECT)})


def _fill(url: str) -> None:
    build_world(url)
    with session_scope(url) as s:
        add_note(s, SLUG, PUBLISHED, "actiepunt", "Wachtlijst wegwerken", "Team", None, created_by="Secretaris")
        publish_quarter(s, PUBLISHED, Renderers(html=lambda r: "<p>rapport</p>", pdf=lambda r: b"%PDF-1.7 frozen",
                                                xlsx=lambda r: b"PK frozen"), "Beheerder")


def _served(url: str) -> tuple[bytes, bytes, str]:
    client = download_client(url)
    pdf = client.get(f"/kwartaal/{PUBLISHED.code}.pdf")
    xlsx = client.get(f"/kwartaal/{PUBLISHED.code}.xlsx")
    assert pdf.status_code == 200 and xlsx.status_code == 200
    with session_scope(url) as s:
        draft = canonical_json(build_report(s, DRAFT))
    return pdf.data, xlsx.data, draft


def test_backup_and_restore_round_trip(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    _fill(db_url)
    before_counts, before_rows, before_served = row_counts(db_url), all_rows(db_url), _served(db_url)
    assert before_counts["quarter_snapshot"] == 1 and before_counts["observation"] == 10
    backup = tmp_path / "perspectief.backup"
    made = db_cli(db_url, "backup", str(backup))
    assert made.returncode == 0, made.stderr
    assert "back-up gemaakt" in made.stdout
    assert backup.read_bytes()[:5] == (b"SQLit" if _kind(db_url) == "sqlite" else b"PGDMP")
    again = db_cli(db_url, "backup", str(backup))
    assert again.returncode == 1 and "bestaat al" in again.stderr  # a backup overwrites nothing
    with _second_database(_kind(db_url), request, tmp_path) as empty:
        restored = db_cli(empty, "restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        assert row_counts(empty) == before_counts
        assert all_rows(empty) == before_rows
        # the data version moved past every number used before: no answer cached from the old data matches
        assert data_version(empty) > max(data_version(db_url), 10**15)
        assert _served(empty) == before_served  # the app serves the same quarter report
        refused = db_cli(empty, "restore", str(backup))
        assert refused.returncode == 1 and "--overschrijven" in refused.stderr and "Traceback" not in refused.stderr
        with session_scope(empty) as s:  # a change after the backup, then restore over it
            add_note(s, SLUG, DRAFT, "besluit", "Na de back-up")
        assert row_counts(empty)["meeting_note"] == before_counts["meeting_note"] + 1
        over = db_cli(empty, "restore", str(backup), "--overschrijven")
        assert over.returncode == 0, over.stderr
        assert row_counts(empty) == before_counts
        upgrade(empty)  # the restored database is at the newest revision: nothing to do
        assert all_rows(empty) == before_rows


def test_a_backup_is_not_restored_into_the_other_kind_of_database(db_url: str, tmp_path: Path) -> None:
    wrong = tmp_path / ("x.dump" if _kind(db_url) == "sqlite" else "x.db")
    wrong.write_bytes(b"PGDMP\x01\x0e" if _kind(db_url) == "sqlite" else b"SQLite format 3\x00" + b"\x00" * 84)
    result = db_cli(db_url, "restore", str(wrong), "--overschrijven")
    assert result.returncode == 1 and "is een back-up van" in result.stderr
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"niets")
    result = db_cli(db_url, "restore", str(junk))
    assert result.returncode == 1 and "geen back-up van Perspectief" in result.stderr
