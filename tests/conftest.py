"""Shared fixtures: a real PostgreSQL server started for the session, and fresh databases on both
SQLite and PostgreSQL for every integration test."""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from db.migrate import upgrade
from db.session import get_engine

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Base URL (without database) of a PostgreSQL server: PERSPECTIEF_TEST_PG_URL, or one we start."""
    if os.environ.get("PERSPECTIEF_SKIP_POSTGRES") == "1":
        pytest.skip("PERSPECTIEF_SKIP_POSTGRES=1: PostgreSQL tests explicitly skipped")
    external = os.environ.get("PERSPECTIEF_TEST_PG_URL")
    if external:
        yield external.rstrip("/")
        return
    bindir = _pg_bin()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed: install Debian's 'postgresql' package "
                    "(apt-get install postgresql) or set PERSPECTIEF_TEST_PG_URL.")
    tmp = Path(tempfile.mkdtemp(prefix="perspectief-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
    port = _free_port()
    data = tmp / "data"
    subprocess.run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                                 "-E", "UTF8", "--no-sync"]), check=True, capture_output=True)
    subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(tmp / "log"), "-w", "-o",
                                 f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp} -c fsync=off "
                                 "-c full_page_writes=off -c synchronous_commit=off", "start"]),
                   check=True, capture_output=True)
    stop = _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])

    def _stop() -> None:
        subprocess.run(stop, capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)

    atexit.register(_stop)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        _stop()


def _admin_conninfo(base_url: str) -> str:
    return base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    deadline = time.time() + 10
    while True:
        try:
            with psycopg.connect(_admin_conninfo(postgres_server), autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            break
        except psycopg.OperationalError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)
    url = f"{postgres_server}/{name}"
    yield url
    engine = get_engine(url)
    engine.dispose()
    get_engine.cache_clear()
    with psycopg.connect(_admin_conninfo(postgres_server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no schema) on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        yield url
        get_engine(url).dispose()
        get_engine.cache_clear()
    else:
        yield request.getfixturevalue("postgres_database")


@pytest.fixture
def db_url(empty_db_url: str) -> str:
    """A database on each backend with the schema at the newest migration."""
    upgrade(empty_db_url)
    return empty_db_url


@pytest.fixture(scope="session")
def demo_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One SQLite database with the whole demo, shared read-only by tests in a session."""
    from etl.demo import load_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    upgrade(url)
    load_demo(url)
    return url
