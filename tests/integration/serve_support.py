"""Helpers for tests that run the real production server: `./serve.sh` (gunicorn) in a process group of its own, a
TCP proxy that can cut the database off, a real redis-server and a real Celery worker, and a browser-like HTTP
session (requests) that fetches the CSRF token the way dash-renderer does."""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import requests

PROJECT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 120, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {proc.returncode})")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {timeout} s")



def stop_group(proc: subprocess.Popen) -> None:
    """End a process started with start_new_session=True and everything it started: SIGTERM, then SIGKILL after
    30 s."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

class Served:
    """One ./serve.sh: its base URL, process and log file."""

    def __init__(self, env: dict[str, str], log: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        full_env = {**os.environ, "PORT": str(self.port), "HOST": "127.0.0.1", **env}
        full_env.pop("PERSPECTIEF_TEST_PG_URL", None)
        self._out = log.open("wb")
        self.proc = subprocess.Popen(["bash", str(PROJECT / "serve.sh")], cwd=PROJECT, env=full_env,
                                     stdin=subprocess.DEVNULL, stdout=self._out, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def wait(self, timeout: float = 180) -> Served:
        try:
            wait_for(self.base + "/healthz", timeout, self.proc)
        except Exception as exc:
            raise RuntimeError(f"{exc}\n--- serve.sh log ---\n{self.text()[-4000:]}") from exc
        return self

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        stop_group(self.proc)
        self._out.close()


class Browser(requests.Session):
    """A browser-like client: it visits / first (the CSRF cookie) and echoes the token on every POST."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.headers["Accept-Encoding"] = "gzip"

    def token(self) -> str:
        if "_csrf_token" not in self.cookies:
            self.get(self.base + "/")
        return self.cookies.get("_csrf_token", "")

    def post_form(self, path: str, data: dict) -> requests.Response:
        return self.post(self.base + path, data={**data, "csrf_token": self.token()}, allow_redirects=False)

    def callback(self, body: dict | bytes, headers: dict | None = None) -> requests.Response:
        extra = {"X-CSRFToken": self.token(), **(headers or {})}
        if isinstance(body, bytes):
            return self.post(self.base + "/_dash-update-component", data=body,
                             headers={"Content-Type": "application/json", **extra})
        return self.post(self.base + "/_dash-update-component", json=body, headers=extra)

    def sign_in(self, email: str, password: str) -> None:
        self.token()
        answer = self.post_form("/inloggen", {"email": email, "wachtwoord": password, "volgende": "/"})
        assert answer.status_code == 303 and "fout=" not in answer.headers["Location"], answer.headers
        self.get(self.base + "/")  # the token bound to the new session

    def signed_in(self) -> bool:
        return self.get(self.base + "/account/wachtwoord", allow_redirects=False).status_code == 200


class TcpProxy:
    """127.0.0.1:port → target; `cut()` closes every connection and refuses new ones until `restore()`."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.stopped = False
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.stopped:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, a: socket.socket, b: socket.socket) -> None:
        try:
            while True:
                ready, _, _ = select.select([a, b], [], [], 1.0)
                if not self.open or self.stopped:
                    break
                for s in ready:
                    data = s.recv(65536)
                    if not data:
                        return
                    (b if s is a else a).sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.close()
                except OSError:
                    pass

    def cut(self) -> None:
        self.open = False
        with self._lock:
            for s in self._conns:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            self._conns.clear()

    def restore(self) -> None:
        self.open = True

    def close(self) -> None:
        self.stopped = True
        self.cut()
        self.listener.close()


class RedisServer:
    """A throwaway redis-server (Debian's package) on a free port, without persistence."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is needed for this test: apt-get install redis-server (.ci/run installs it)",
                        pytrace=False)
        self.dir = Path(tempfile.mkdtemp(prefix="perspectief-redis-"))
        self.port = free_port()
        self.proc = subprocess.Popen([binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                      "--appendonly", "no", "--dir", str(self.dir)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        import redis

        deadline = time.monotonic() + 20
        while True:
            try:
                redis.Redis(port=self.port).ping()
                break
            except redis.RedisError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


class CeleryWorker:
    """A real Celery worker process for the export queue."""

    def __init__(self, redis_url: str, log: Path) -> None:
        self.log = log
        self._out = log.open("wb")
        env = {**os.environ, "REDIS_URL": redis_url, "PYTHONPATH": str(PROJECT)}
        self.proc = subprocess.Popen([sys.executable, "-m", "celery", "-A", "dashboard.exports.tasks", "worker",
                                      "--queues", "perspectief-export", "--concurrency", "1", "--loglevel", "INFO",
                                      "--without-gossip", "--without-mingle", "--without-heartbeat"],
                                     cwd=PROJECT, env=env, stdout=self._out, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + 60
        while "ready." not in log.read_text(errors="replace"):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("celery worker did not start:\n" + log.read_text(errors="replace")[-3000:])
            time.sleep(0.2)

    def stop(self) -> None:
        stop_group(self.proc)
        self._out.close()
