"""A load killed half-way (SIGKILL) leaves the database exactly as before; running it again completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from etl_support import CBS_DATA, PROJECT, snapshot
from sqlalchemy import func, select

from db.models import Indicator, Observation, ObservationHistory
from db.session import session_scope
from etl import cli

MONTHS = [f"{year}-{month:02d}" for year in range(1880, 2025) for month in range(1, 13)]


def _gemeenten() -> list[str]:
    with open(CBS_DATA / "85067NED" / "data.csv", encoding="utf-8") as fh:
        next(fh)
        return sorted({line.split(",")[1].strip('" ') for line in fh if '"GM' in line})


def _write_figures(path: Path, codes: list[str], months: list[str], offset: float) -> int:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("indicator;regio;periode;waarde;indicator_naam\n")
        n = 0
        for month in months:
            for i, code in enumerate(codes):
                fh.write(f"kill-test;{code};{month};{(i + n % 97) / 10 + offset:.1f}".replace(".", ",")
                         + ";Killtest\n")
                n += 1
    return n


def _start(url: str, path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "etl", "load-table", str(path)], cwd=PROJECT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_when(proc: subprocess.Popen[str], ready: threading.Event, delay: float | None) -> bool:
    """SIGKILL the load once it reports progress (or after `delay` s); True when it was still running."""
    if delay is None:
        ready.wait(timeout=300)
    else:
        time.sleep(delay)
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    return alive


def _watch_progress(proc: subprocess.Popen[str], ready: threading.Event, min_rows: int | None) -> threading.Thread:
    """Set `ready` once a progress line reports `min_rows` read, or (None) once reading is done and the rows are
    being stored ("gelezen: … nu opslaan"); also when the process ends, so a test never waits forever."""
    def watch() -> None:
        for line in proc.stderr:
            if min_rows is not None and line.startswith("voortgang:"):
                rows = int(line.split()[1].replace(".", ""))
                if rows >= min_rows:
                    ready.set()
            elif min_rows is None and line.startswith("gelezen:"):
                ready.set()
        ready.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_sigkill_half_way_leaves_the_database_as_before(backend: str, tmp_path: Path,
                                                        request: pytest.FixtureRequest) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'kill.db'}"
    else:
        url = request.getfixturevalue("postgres_database")
    assert cli.main(["--database-url", url, "load-cbs", str(CBS_DATA / "85067NED"), "--quiet"]) == 0
    codes = _gemeenten()
    assert len(codes) == 345
    seed = tmp_path / "eerder.csv"
    _write_figures(seed, codes, MONTHS[:30], offset=1000.0)  # earlier values the big load will replace
    assert cli.main(["--database-url", url, "load-table", str(seed), "--quiet"]) == 0
    big = tmp_path / "groot.csv"
    rows = _write_figures(big, codes, MONTHS, offset=0.0)
    assert rows == 345 * len(MONTHS) > 500_000
    before = snapshot(url)

    # 1. killed while reading and staging (after the first 100 000 rows were reported)
    proc = _start(url, big)
    ready = threading.Event()
    _watch_progress(proc, ready, 100_000)
    assert _kill_when(proc, ready, None), "the load finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(url) == before

    # 2. killed late: all rows read and staged, while merging them into the tables ("nu opslaan" on stderr)
    proc = _start(url, big)
    ready = threading.Event()
    _watch_progress(proc, ready, None)
    assert _kill_when(proc, ready, None), "the load finished before it could be killed"
    assert snapshot(url) == before
    if backend == "sqlite":
        with sqlite3.connect(tmp_path / "kill.db") as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # 3. running it again completes it
    again = _start(url, big)
    out, err = again.communicate(timeout=900)
    assert again.returncode == 0, err
    with session_scope(url) as s:
        ind = s.scalar(select(Indicator).where(Indicator.code == "kill-test"))
        assert s.scalar(select(func.count()).select_from(Observation).where(Observation.indicator_id == ind.id)) == rows
        replaced = s.scalar(select(func.count()).select_from(ObservationHistory).join(
            Observation, Observation.id == ObservationHistory.observation_id).where(Observation.indicator_id == ind.id))
        assert replaced == 345 * 30  # the seeded values, each replaced once and kept in history
