"""Two instances, one PostgreSQL, one Redis: two `./serve.sh` (gunicorn) on one database, with REDIS_URL, a real
redis-server (Debian's package) and a real Celery worker process – as behind one reverse proxy. Sign-out on A ends
the session on B; one quarter's PDF asked on both at once is made exactly once and both serve the same bytes; a full
export queue answers 503 with Retry-After; the page cache is shared, and a load makes the next visit on the other
instance show the new figure (no stale cache)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from argon2 import PasswordHasher

from db import accounts
from db.accounts import create_user, grant_role
from db.session import session_scope
from indicators.enums import Role
from tests.conftest import _postgres_database
from tests.integration.serve_support import PROJECT, Browser, CeleryWorker, RedisServer, Served

pytestmark = pytest.mark.postgres
KEY = "gedeelde-sleutel-van-beide-instanties-" + uuid.uuid4().hex
TOKEN = "metrics-" + uuid.uuid4().hex
PASSWORD = "wachtwoord voor twee instanties"
QUEUE_MAX = 1


@dataclass
class Site:
    a: Served
    b: Served
    url: str
    redis: RedisServer
    worker: CeleryWorker


@pytest.fixture(scope="module")
def site(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    logs = tmp_path_factory.mktemp("scale-out")
    with _postgres_database(postgres_server) as url:
        redis = RedisServer()
        worker = None
        started: list[Served] = []
        try:
            worker = CeleryWorker(redis.url, logs / "celery.log")
            common = {"SECRET_KEY": KEY, "DATABASE_URL": url, "REDIS_URL": redis.url, "WEB_CONCURRENCY": "1",
                      "WEB_THREADS": "4", "METRICS_TOKEN": TOKEN, "EXPORT_QUEUE_MAX": str(QUEUE_MAX),
                      "BASE_URL": "https://perspectief.example.nl/"}  # one site: one public address
            a = Served({**common, "LOAD_DEMO": "true"}, logs / "a.log")
            started.append(a)
            a.wait()
            b = Served({**common, "LOAD_DEMO": "false"}, logs / "b.log")
            started.append(b)
            b.wait()
            yield Site(a, b, url, redis, worker)
        finally:
            for served in started:
                served.stop()
            if worker is not None:
                worker.stop()
            redis.stop()


def _admin(url: str) -> str:
    email = f"twee-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(url) as s:
        old, accounts.HASHER = accounts.HASHER, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        try:
            grant_role(s, create_user(s, email, "Twee Instanties", PASSWORD), Role.ADMIN)
        finally:
            accounts.HASHER = old
    return email


def _same_session_on(other: Served, browser: Browser) -> Browser:
    """The browser's cookies sent to the other instance (one site behind one proxy: one cookie jar)."""
    twin = Browser(other.base)
    for name in ("perspectief_sessie", "_csrf_token"):
        twin.cookies.set(name, browser.cookies[name])
    return twin


def _metric(served: Served, name: str) -> float:
    text = requests.get(served.base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10).text
    line = next(x for x in text.splitlines() if x.startswith(name + " ") or x.startswith(name + "{"))
    return float(line.rsplit(" ", 1)[1])


def test_sign_out_on_one_instance_ends_the_session_on_the_other(site: Site) -> None:
    on_a = Browser(site.a.base)
    on_a.sign_in(_admin(site.url), PASSWORD)
    on_b = _same_session_on(site.b, on_a)
    assert on_b.signed_in()
    assert on_a.post_form("/uitloggen", {}).status_code == 303
    assert not on_b.signed_in()


def test_one_quarters_pdf_asked_on_both_instances_at_once_is_made_once(site: Site) -> None:
    on_a = Browser(site.a.base)
    on_a.sign_in(_admin(site.url), PASSWORD)
    on_b = _same_session_on(site.b, on_a)
    runs_before = _metric(site.a, "perspectief_export_jobs_run")
    path = "/kwartaal/2026-Q2.pdf"
    first: dict[str, int] = {}

    def ask(name: str, browser: Browser) -> None:
        first[name] = browser.get(browser.base + path).status_code

    threads = [threading.Thread(target=ask, args=(n, b)) for n, b in (("a", on_a), ("b", on_b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(first.values()) <= {202, 200}, first
    got = {}
    deadline = time.monotonic() + 120
    while len(got) < 2 and time.monotonic() < deadline:
        for name, browser in (("a", on_a), ("b", on_b)):
            if name not in got:
                answer = browser.get(browser.base + path)
                if answer.status_code == 200:
                    got[name] = answer.content
        time.sleep(0.3)
    assert got["a"].startswith(b"%PDF") and got["a"] == got["b"]
    assert _metric(site.b, "perspectief_export_jobs_run") - runs_before == 1  # made exactly once
    log = site.worker.log.read_text(errors="replace")
    assert log.count("perspectief.export[") >= 1


def test_a_full_export_queue_answers_503_with_retry_after(site: Site) -> None:
    on_a = Browser(site.a.base)
    on_a.sign_in(_admin(site.url), PASSWORD)
    on_b = _same_session_on(site.b, on_a)
    os.killpg(site.worker.proc.pid, signal.SIGSTOP)  # the worker pauses: queued jobs stay queued
    try:
        assert on_a.get(on_a.base + "/kwartaal/2025-Q4.pdf").status_code == 202  # the one place in the queue
        full = on_b.get(on_b.base + "/kwartaal/2025-Q3.pdf")  # another quarter, on the other instance
        assert full.status_code == 503
        assert int(full.headers["Retry-After"]) > 0 and "te veel rapporten" in full.text
        assert _metric(site.a, "perspectief_export_queue_length") == QUEUE_MAX
    finally:
        os.killpg(site.worker.proc.pid, signal.SIGCONT)
    deadline = time.monotonic() + 120
    while on_a.get(on_a.base + "/kwartaal/2025-Q4.pdf").status_code != 200:
        assert time.monotonic() < deadline
        time.sleep(0.3)
    assert on_b.get(on_b.base + "/kwartaal/2025-Q3.pdf").status_code in (200, 202)  # room again


def _programme_page(browser: Browser) -> requests.Response:
    body = {"output": "..page-content.children...page-title.data..",
            "outputs": [{"id": "page-content", "property": "children"}, {"id": "page-title", "property": "data"}],
            "inputs": [{"id": "url", "property": "pathname", "value": "/programma/sociaal-en-vitaal"}],
            "state": [{"id": "url", "property": "search", "value": ""}], "changedPropIds": ["url.pathname"]}
    answer = browser.callback(body)
    assert answer.status_code == 200
    return answer


def test_the_cache_is_shared_and_a_load_shows_on_the_next_visit(site: Site, tmp_path: Path) -> None:
    reader_a, reader_b = Browser(site.a.base), Browser(site.b.base)
    first = _programme_page(reader_a).content
    assert _programme_page(reader_b).content == first  # built once, on A; served from Redis on B
    assert _metric(site.b, "perspectief_cache_requests_total") >= 1  # B's first count is a hit
    figure = 77.7
    shown = "77,7%"  # the trend card's latest value, as a reader sees it (the chart is a server-drawn picture)
    assert shown not in first.decode()
    table = tmp_path / "cijfers.csv"
    table.write_text(f"indicator;regio;periode;waarde\njeugdhulp;GM0141;2026;{str(figure).replace('.', ',')}\n",
                     encoding="utf-8")
    loaded = subprocess.run([sys.executable, "-m", "etl", "--database-url", site.url, "load-table", str(table),
                             "--quiet"], cwd=PROJECT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert loaded.returncode == 0, loaded.stderr
    after = _programme_page(reader_b).content.decode()
    assert shown in after  # the next visit, on the other instance, shows the new figure
    assert json.loads(after)["response"]["page-content"]["children"]
