"""Shared fixtures: a throwaway PostgreSQL server per test process, and a fresh database on SQLite and on
PostgreSQL for every test that asks for one.

Fixtures
    postgres_server   (session) SQLAlchemy URL of a PostgreSQL server, without a database name:
                      ``postgresql+psycopg://postgres@127.0.0.1:PORT``. Taken from PERSPECTIEF_TEST_PG_URL when
                      set; otherwise a server is started from Debian's binaries in a temporary directory and
                      stopped at the end. Every pytest-xdist worker starts its own server (about a second).
    postgres_database a fresh, empty PostgreSQL database (URL), dropped afterwards.
    empty_db_url      [sqlite|postgresql] a fresh, empty database without any schema.
    db_url            [sqlite|postgresql] a fresh database with the schema at the newest migration.
    demo_sqlite_url   (session) one SQLite database with the whole demo, for read-only tests.
    demo_app          (session) the Dash app as `python app.py` builds it, on its own fresh demo SQLite file.

PERSPECTIEF_SKIP_POSTGRES=1 skips the PostgreSQL variants explicitly; without it, a machine without PostgreSQL
fails those tests with a message saying what to install.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
if str(PROJECT_DIR) not in sys.path:  # the tests import the project's packages (db, etl, ...) from the root
    sys.path.insert(0, str(PROJECT_DIR))

import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from db.migrate import upgrade  # noqa: E402
from db.session import get_engine  # noqa: E402

INSTALL_HINT = (
    "PostgreSQL is needed for the integration tests but its server binaries (initdb, pg_ctl) were not found "
    "under /usr/lib/postgresql/*/bin. Install Debian's package: `apt-get install postgresql` (.ci/run does "
    "this), or point PERSPECTIEF_TEST_PG_URL at a server (e.g. postgresql+psycopg://postgres@127.0.0.1:5432), "
    "or set PERSPECTIEF_SKIP_POSTGRES=1 to skip the PostgreSQL tests explicitly."
)

# Stops the server when the test process is gone, however it ended (normal exit, Ctrl-C, kill, even kill -9):
# the watchdog blocks reading a pipe whose only writer is the test process, so it wakes up at EOF.
_WATCHDOG = r"""
import shutil, signal, subprocess, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_IGN)
sys.stdin.buffer.read()
subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
shutil.rmtree(sys.argv[1], ignore_errors=True)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bindir() -> Path | None:
    """The bin directory of the newest PostgreSQL under /usr/lib/postgresql (Debian), else initdb on PATH."""

    def version(initdb: str) -> tuple[int, ...]:
        name = Path(initdb).parent.parent.name
        return tuple(int(part) for part in name.split(".") if part.isdigit())

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: as root, run them as the `postgres` user."""
    if os.geteuid() != 0:
        return cmd
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail("Running as root, but there is no `postgres` user to run the PostgreSQL server as. "
                    + INSTALL_HINT, pytrace=False)
    if shutil.which("runuser") is None:
        pytest.fail("Running as root, but `runuser` (util-linux) is missing to start PostgreSQL as `postgres`.",
                    pytrace=False)
    return ["runuser", "-u", "postgres", "--", *cmd]


class _PostgresServer:
    """A throwaway cluster in a temporary directory, listening on 127.0.0.1 and a socket in that directory."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="perspectief-pg-", dir="/tmp"))
        self.data = self.dir / "data"
        self.log = self.dir / "log"
        self.port = 0
        self.watchdog: subprocess.Popen | None = None
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")

    def _run(self, cmd: list[str], what: str) -> None:
        done = subprocess.run(_as_postgres(cmd), cwd=self.dir, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
            raise RuntimeError(f"{what} failed ({done.returncode}): {' '.join(cmd)}\n{done.stdout}{done.stderr}"
                               f"\n--- server log ---\n{log}")

    def start(self) -> None:
        stop = _as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"])
        self.watchdog = subprocess.Popen([sys.executable, "-c", _WATCHDOG, str(self.dir), *stop],
                                         stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, start_new_session=True)
        atexit.register(self.stop)
        # --locale=C: independent of the machine's LANG, and sorts like SQLite (byte order).
        self._run([str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                   "-E", "UTF8", "--locale=C", "--no-sync"], "initdb")
        for attempt in range(3):  # the free port may be taken by someone else before the server binds it
            self.port = _free_port()
            options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off"
            try:
                self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                           "-t", "60", "-o", options, "start"], "pg_ctl start")
                return
            except RuntimeError:
                if attempt == 2:
                    raise

    def stop(self) -> None:
        """Stop the server and remove its directory (via the watchdog); safe to call more than once."""
        watchdog, self.watchdog = self.watchdog, None
        if watchdog is None:
            return
        watchdog.stdin.close()
        try:
            watchdog.wait(timeout=60)
        except subprocess.TimeoutExpired:
            watchdog.kill()

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """SQLAlchemy URL of a PostgreSQL server without database name, e.g. postgresql+psycopg://postgres@127.0.0.1:PORT."""
    if os.environ.get("PERSPECTIEF_SKIP_POSTGRES") == "1":
        pytest.skip("PostgreSQL tests skipped explicitly (PERSPECTIEF_SKIP_POSTGRES=1)")
    external = os.environ.get("PERSPECTIEF_TEST_PG_URL")
    if external:
        yield make_url(external).set(drivername="postgresql+psycopg", database=None).render_as_string(
            hide_password=False)
        return
    bindir = _pg_bindir()
    if bindir is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    server = _PostgresServer(bindir)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    try:
        yield server.url
    finally:
        server.stop()


def _admin_conninfo(server_url: str) -> str:
    """A libpq URL (for psycopg) to the `postgres` maintenance database of the server."""
    return make_url(server_url).set(drivername="postgresql", database="postgres").render_as_string(
        hide_password=False)


def _dispose(url: str) -> None:
    get_engine(url).dispose()
    get_engine.cache_clear()


@contextmanager
def _postgres_database(server_url: str) -> Iterator[str]:
    name = f"test_{uuid.uuid4().hex}"
    with psycopg.connect(_admin_conninfo(server_url), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        _dispose(url)
        with psycopg.connect(_admin_conninfo(server_url), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def _sqlite_database(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / f'test_{uuid.uuid4().hex[:8]}.db'}"
    try:
        yield url
    finally:
        _dispose(url)


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (SQLAlchemy URL), dropped afterwards."""
    with _postgres_database(postgres_server) as url:
        yield url


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def _fresh_database(request: pytest.FixtureRequest, tmp_path: Path, prepare: Callable[[str], None] | None):
    if request.param == "sqlite":
        cm = _sqlite_database(tmp_path)
    else:  # asked for lazily, so SQLite-only runs never start PostgreSQL
        cm = _postgres_database(request.getfixturevalue("postgres_server"))
    with cm as url:
        if prepare:
            prepare(url)
        yield url


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database without any schema, once on SQLite and once on PostgreSQL."""
    yield from _fresh_database(request, tmp_path, None)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database with the schema at the newest migration, once on SQLite and once on PostgreSQL."""
    yield from _fresh_database(request, tmp_path, upgrade)


@pytest.fixture(scope="session")
def demo_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One SQLite database with the whole demo, shared read-only by the tests of a session (or xdist worker)."""
    from etl.demo import load_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    upgrade(url)
    load_demo(url)
    return url


@pytest.fixture(scope="session")
def demo_app(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - a dash.Dash
    """The Dash app as `python app.py` builds it, on a fresh SQLite file that it migrates and fills itself; its
    database URL is `demo_app.server.config[CONFIG_KEY]`. One app per test process, shared by the browser tests
    (served) and the integration tests (Flask test client): the first Dash app that answers a request takes the
    process-wide `dash.callback` registrations, so a second one would render nothing."""
    import app as app_module
    from settings import Settings

    db_url = f"sqlite:///{tmp_path_factory.mktemp('app') / 'perspectief.db'}"
    settings = Settings(database_url=db_url, load_demo=True, debug=False)
    app_module.prepare_database(settings)
    dash_app = app_module.create_app(settings)
    yield dash_app
    get_engine(db_url).dispose()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Everything under tests/browser is marked `browser`, so `-m "not browser"` works for every file there."""
    browser_dir = Path(__file__).resolve().parent / "browser"
    for item in items:
        if browser_dir in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
