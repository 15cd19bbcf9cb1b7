"""Backups of the database named by DATABASE_URL, and restoring one:

    python -m db backup PATH                     # PostgreSQL: pg_dump -Fc; SQLite: its online backup API
    python -m db restore PATH [--overschrijven]  # refuses a database that has tables, unless --overschrijven

A backup of a running site is consistent (pg_dump takes one snapshot; SQLite's backup API copies a consistent
state while the app keeps writing). The kind of backup file is recognised by its first bytes, so a SQLite backup is
never restored into PostgreSQL or the other way round. Passwords go to pg_dump/pg_restore through the environment,
never on the command line (where `ps` shows them). After a restore the data version moves past every number used
before (db.write.data_version.after_restore), so no cached answer of the old data is served."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import URL, make_url

from db.session import get_engine
from db.write import data_version

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    """A backup or restore that did not happen, with a Dutch message."""


def _url(database_url: str) -> URL:
    return make_url(database_url)


def is_sqlite(database_url: str) -> bool:
    return _url(database_url).get_backend_name() == "sqlite"


def _sqlite_path(database_url: str) -> Path:
    path = _url(database_url).database
    if not path or path == ":memory:":
        raise BackupError("Een database in het geheugen heeft geen back-up.")
    return Path(path)


def _pg_tool(name: str) -> str:
    """pg_dump / pg_restore: the newest under /usr/lib/postgresql (Debian), else from PATH."""
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
                        key=lambda p: [int(x) for x in p.parent.parent.name.split(".") if x.isdigit()])
    if candidates:
        return str(candidates[-1])
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} ontbreekt: installeer de PostgreSQL-clientprogramma's (Debian: postgresql-client).")
    return found


def _pg_args(database_url: str) -> tuple[list[str], dict[str, str]]:
    """libpq connection options (without the password) and the environment that carries the password."""
    url = _url(database_url)
    args = ["--dbname", url.database or "postgres"]
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
        raise BackupError(f"{what} mislukt: {detail[0]}")


def tables(database_url: str) -> list[str]:
    """The tables in the database (empty list: an empty database)."""
    return sorted(inspect(get_engine(database_url)).get_table_names())


def backup(database_url: str, path: Path) -> Path:
    """Write a backup of the database to `path` (refuses to overwrite an existing file)."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} bestaat al: kies een nieuwe bestandsnaam (een back-up overschrijft niets).")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.deels")
    try:
        if is_sqlite(database_url):
            source = sqlite3.connect(_sqlite_path(database_url))
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            args, env = _pg_args(database_url)
            _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(partial),
                  *args], env, "pg_dump")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _kind(path: Path) -> str:
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is geen back-up van Perspectief (geen SQLite-bestand en geen pg_dump -Fc).")


def restore(database_url: str, path: Path, overwrite: bool = False) -> None:
    """Restore the backup `path` into the database; refuses a database with tables unless `overwrite`."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} bestaat niet.")
    kind = _kind(path)
    target_kind = "sqlite" if is_sqlite(database_url) else "postgresql"
    if kind != target_kind:
        raise BackupError(f"{path} is een back-up van {kind}, maar DATABASE_URL wijst naar {target_kind}.")
    existing = tables(database_url)
    if existing and not overwrite:
        raise BackupError(f"De database is niet leeg ({len(existing)} tabellen). Terugzetten vervangt alles wat erin "
                          f"staat: geef --overschrijven als dat de bedoeling is.")
    get_engine(database_url).dispose()
    if kind == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        target = sqlite3.connect(_sqlite_path(database_url))
        try:
            source.backup(target)  # replaces every page of the target, in one go
        finally:
            target.close()
            source.close()
    else:
        args, env = _pg_args(database_url)
        if existing:
            _drop_everything(database_url)
        _run([_pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
              *args, str(path)], env, "pg_restore")
    engine = get_engine(database_url)
    engine.dispose()
    data_version.after_restore(engine)  # answers cached before the restore never match the restored data


def _drop_everything(database_url: str) -> None:
    """--overschrijven on PostgreSQL: an empty public schema, so the restore is the whole database."""
    from sqlalchemy import text

    engine = get_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
