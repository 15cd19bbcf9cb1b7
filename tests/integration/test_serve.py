"""The production server as an operator runs it: `./serve.sh` (gunicorn, 2 workers) on PostgreSQL, reached through a
TCP proxy that can cut the database off. Checks the refusal without a proper SECRET_KEY (exit status and the Dutch
line), /healthz, /readyz (503 while the database is unreachable), /metrics with and without its token, JSON log
lines that parse and hold no password, cookie or token, 413 for a 5 MB callback body, 404 for an anonymous PDF of
1990-Q1 with nothing queued, a copied session cookie refused after sign-out and after a password change, the 404 of
an unknown path, and `python app.py`'s export worker stopping with its server."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from argon2 import PasswordHasher
from sqlalchemy.engine import make_url

from db import accounts
from db.accounts import create_user, grant_role
from db.session import session_scope
from indicators.enums import Role
from tests.conftest import _postgres_database
from tests.integration.serve_support import PROJECT, Browser, Served, TcpProxy, free_port, wait_for

pytestmark = pytest.mark.postgres
KEY = "een-lange-willekeurige-sleutel-voor-de-test-" + uuid.uuid4().hex
TOKEN = "metrics-" + uuid.uuid4().hex
PASSWORD = "wachtwoord voor de productietest"


def _account(url: str, role: Role | None = None) -> str:
    email = f"prod-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(url) as s:
        old, accounts.HASHER = accounts.HASHER, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        try:
            user = create_user(s, email, "Productie Test", PASSWORD)
            if role is not None:
                grant_role(s, user, role)
        finally:
            accounts.HASHER = old
    return email


@pytest.mark.parametrize(("key", "says"), [
    (None, "SECRET_KEY ontbreekt"), ("dev-only-change-me", "oude, openbare standaardwaarde"),
    ("te-kort-0123456789", "SECRET_KEY is te kort (18 tekens)")])
def test_serve_refuses_to_start_without_a_proper_secret_key(tmp_path: Path, key: str | None, says: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    if key is not None:
        env["SECRET_KEY"] = key
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'p.db'}", PORT=str(free_port()))
    done = subprocess.run(["bash", str(PROJECT / "serve.sh")], cwd=PROJECT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.startswith("serve.sh:")]
    assert len(lines) == 1 and says in lines[0] and "SECRET_KEY" in lines[0], done.stderr
    assert not (tmp_path / "p.db").exists()  # refused before anything was done


@pytest.fixture(scope="module")
def served(postgres_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, str, TcpProxy]]:
    """./serve.sh with the demo on a fresh PostgreSQL database behind a TCP proxy: (server, direct URL, proxy)."""
    with _postgres_database(postgres_server) as url:
        proxy = TcpProxy(make_url(url).port)
        via_proxy = make_url(url).set(port=proxy.port).render_as_string(hide_password=False)
        log = tmp_path_factory.mktemp("serve") / "serve.log"
        server = Served({"SECRET_KEY": KEY, "DATABASE_URL": via_proxy, "LOAD_DEMO": "true", "WEB_CONCURRENCY": "2",
                         "WEB_THREADS": "2", "METRICS_TOKEN": TOKEN, "LOG_FORMAT": "json",
                         "BASE_URL": "https://perspectief.example.nl/"}, log)
        try:
            yield server.wait(), url, proxy
        finally:
            server.stop()
            proxy.close()


def test_health_and_readiness_follow_the_database(served: tuple[Served, str, TcpProxy]) -> None:
    server, _url, proxy = served
    assert requests.get(server.base + "/healthz", timeout=5).json() == {"status": "ok"}
    ready = requests.get(server.base + "/readyz", timeout=10)
    assert ready.status_code == 200 and ready.json()["database"] == "ok"
    proxy.cut()
    try:
        down = requests.get(server.base + "/readyz", timeout=30)
        assert down.status_code == 503 and down.json()["database"] == "onbereikbaar"
        assert requests.get(server.base + "/healthz", timeout=5).status_code == 200  # alive, touches no database
    finally:
        proxy.restore()
    deadline = time.monotonic() + 30
    while requests.get(server.base + "/readyz", timeout=10).status_code != 200:
        assert time.monotonic() < deadline
        time.sleep(0.5)


def test_metrics_only_with_the_token(served: tuple[Served, str, TcpProxy]) -> None:
    server, _url, _proxy = served
    requests.get(server.base + "/", timeout=10)
    assert requests.get(server.base + "/metrics", timeout=5).status_code == 404
    assert requests.get(server.base + "/metrics", headers={"Authorization": "Bearer fout"}, timeout=5
                        ).status_code == 404
    answer = requests.get(server.base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/plain")
    text = answer.text
    assert re.search(r'perspectief_http_request_duration_seconds_count\{method="GET",route="/",status="200"\} \d',
                     text)
    assert "perspectief_export_queue_length 0.0" in text
    assert re.search(r'perspectief_last_load_timestamp_seconds\{table="85067NED"\} \d', text)


def test_a_5_mb_callback_body_gets_413(served: tuple[Served, str, TcpProxy]) -> None:
    server, _url, _proxy = served
    browser = Browser(server.base)
    body = b'{"output": "x", "pad": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    answer = browser.callback(body)
    assert answer.status_code == 413 and "te groot" in answer.json()["message"]


def test_an_anonymous_pdf_of_1990_is_404_and_queues_nothing(served: tuple[Served, str, TcpProxy]) -> None:
    server, _url, _proxy = served
    for path in ("/kwartaal/1990-Q1.pdf", "/kwartaal/2026-Q2.pdf"):
        assert requests.get(server.base + path, timeout=10).status_code == 404, path
    metrics = requests.get(server.base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10).text
    assert "perspectief_export_queue_length 0.0" in metrics and "perspectief_export_jobs_run 0.0" in metrics
    assert requests.get(server.base + "/bestaat-niet", timeout=10).status_code == 404
    assert requests.get(server.base + "/programma/sociaal-en-vitaal", timeout=10).status_code == 200


def test_a_copied_session_cookie_is_refused_after_sign_out_and_after_a_password_change(
        served: tuple[Served, str, TcpProxy]) -> None:
    server, url, _proxy = served
    email = _account(url)
    browser = Browser(server.base)
    browser.sign_in(email, PASSWORD)
    copied = browser.cookies["perspectief_sessie"]
    thief = Browser(server.base)
    thief.cookies.set("perspectief_sessie", copied)
    assert thief.signed_in()  # the copy works while the session lives (on any worker)
    assert browser.post_form("/uitloggen", {}).status_code == 303
    assert not thief.signed_in() and not browser.signed_in()

    browser.sign_in(email, PASSWORD)
    copied = browser.cookies["perspectief_sessie"]
    new = "een nieuw wachtwoord voor de productietest"
    changed = browser.post_form("/account/wachtwoord", {"huidig-wachtwoord": PASSWORD, "nieuw-wachtwoord": new,
                                                        "nieuw-wachtwoord-herhaald": new})
    assert changed.status_code == 303 and "gewijzigd=1" in changed.headers["Location"]
    assert browser.signed_in()
    thief = Browser(server.base)
    thief.cookies.set("perspectief_sessie", copied)
    assert not thief.signed_in()


def test_json_log_lines_parse_and_hold_no_secrets(served: tuple[Served, str, TcpProxy]) -> None:
    server, url, _proxy = served
    email = _account(url)
    browser = Browser(server.base)
    browser.sign_in(email, PASSWORD)
    requests.get(server.base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
    requests.get(server.base + "/programma/sociaal-en-vitaal?wachtwoord=" + PASSWORD.replace(" ", "+"), timeout=10)
    time.sleep(1)
    secrets = [PASSWORD, TOKEN, KEY, browser.cookies["perspectief_sessie"], browser.cookies["_csrf_token"]]
    requests_seen = []
    for line in server.text().splitlines():
        if not line.startswith("{"):
            continue  # pip and venv lines before the server starts
        entry = json.loads(line)
        assert {"time", "level", "message"} <= set(entry), line
        for secret in secrets:
            assert secret not in line, f"a secret in the log: {line}"
        if entry.get("logger") == "perspectief.request":
            requests_seen.append(entry)
    assert requests_seen
    sign_in = next(e for e in requests_seen if e["path"] == "/inloggen" and e["method"] == "POST")
    assert sign_in["status"] == 303 and sign_in["route"] == "/inloggen" and sign_in["request_id"]
    assert isinstance(sign_in["duration_ms"], int | float)


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(p) for p in task.read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_the_export_worker_stops_with_the_server(demo_sqlite_url: str, tmp_path: Path, how: int) -> None:
    """`python app.py` (what ./run.sh starts): a draft PDF starts the export worker process; when the server ends –
    stopped, or killed outright – the worker is gone within seconds (it used to live on)."""
    db = tmp_path / "copy.db"
    import sqlite3

    src, dst = sqlite3.connect(make_url(demo_sqlite_url).database), sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.close()
    url = f"sqlite:///{db}"
    email = _account(url)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "PORT": str(port), "LOAD_DEMO": "false", "SECRET_KEY": KEY,
           "PYTHONPATH": str(PROJECT)}
    server = subprocess.Popen([sys.executable, "app.py"], cwd=PROJECT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    kids: set[int] = set()
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", 120, server)
        browser = Browser(f"http://127.0.0.1:{port}")
        browser.sign_in(email, PASSWORD)
        assert browser.get(browser.base + "/kwartaal/2026-Q2.pdf").status_code == 202  # the worker starts
        deadline = time.monotonic() + 30
        while not (kids := _children(server.pid)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert kids, "no export worker process"
        time.sleep(0.5)
        kids = _children(server.pid)  # the worker (and multiprocessing's helper, if any)
        os.kill(server.pid, how)
        server.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(k) for k in kids), "the export worker outlived the server"
    finally:
        if server.poll() is None:
            server.kill()
        for pid in kids:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
