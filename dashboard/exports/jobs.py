"""Exports that take seconds (a PDF takes ~1.5–3 s on 2 cores) run outside the web request, so the web process keeps
answering other users (weasyprint is pure Python and would hold the GIL in a thread).

Two back ends, chosen by `configure(settings)` (create_app):
- with REDIS_URL: Celery workers (dashboard.exports.celery_jobs); a job runs once however many instances receive the
  request, and its bytes are shared through Redis;
- without: one local worker process per web process (this module); it stops with the server.

`get_or_start(key, fn, *args)` returns the finished bytes, or None while the job runs; it raises QueueFull when
EXPORT_QUEUE_MAX jobs wait or run already (the route answers 503 with Retry-After). `key` names the content only
(never the request's host)."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

CACHE_SIZE = 8
DEFAULT_QUEUE_MAX = 8
RETRY_AFTER = 30  # seconds a client waits after QueueFull


class QueueFull(RuntimeError):
    """EXPORT_QUEUE_MAX jobs wait or run already: try again after `retry_after` seconds."""

    def __init__(self, retry_after: int = RETRY_AFTER) -> None:
        super().__init__(f"export queue full, retry after {retry_after} s")
        self.retry_after = retry_after


class Backend(Protocol):
    def get_or_start(self, key: str, fn: Callable[..., bytes], *args: object) -> bytes | None: ...
    def elapsed(self, key: str) -> float | None: ...
    def queue_length(self) -> int: ...
    def runs(self) -> int: ...
    def shutdown(self) -> None: ...


def _watch_parent(parent: int) -> None:
    """In the worker process: exit as soon as the server that started it is gone (also after a kill -9, when no
    shutdown code of the server ran), so an export worker never outlives its server."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="perspectief-parent-watch", daemon=True).start()


class LocalJobs:
    """One worker process (spawned on first use) for this web process, a bounded queue and a small cache."""

    def __init__(self, queue_max: int = DEFAULT_QUEUE_MAX) -> None:
        self.queue_max = queue_max
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._running: dict[str, tuple[Future, float]] = {}
        self._done: OrderedDict[str, bytes] = OrderedDict()
        self._runs = 0

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: forking a threaded web server can copy held locks into the child
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_watch_parent, initargs=(os.getpid(),))
        return self._pool

    def get_or_start(self, key: str, fn: Callable[..., bytes], *args: object) -> bytes | None:
        with self._lock:
            if key in self._done:
                self._done.move_to_end(key)
                return self._done[key]
            job = self._running.get(key)
            if job is None:
                if sum(1 for f, _ in self._running.values() if not f.done()) >= self.queue_max:
                    raise QueueFull()
                self._running[key] = (self._executor().submit(fn, *args), time.monotonic())
                return None
            future, _started = job
            if not future.done():
                return None
            del self._running[key]
            data = future.result()  # a failed export raises here, once; the next request starts it again
            self._runs += 1
            self._done[key] = data
            while len(self._done) > CACHE_SIZE:
                self._done.popitem(last=False)
            return data

    def elapsed(self, key: str) -> float | None:
        with self._lock:
            job = self._running.get(key)
            return time.monotonic() - job[1] if job else None

    def queue_length(self) -> int:
        with self._lock:
            return sum(1 for f, _ in self._running.values() if not f.done())

    def runs(self) -> int:
        return self._runs

    def shutdown(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            self._running.clear()


_backend: Backend = LocalJobs()
_configured: tuple | None = None


def configure(redis_url: str | None, queue_max: int = DEFAULT_QUEUE_MAX) -> None:
    """Choose the back end (once per process; create_app calls it with the settings)."""
    global _backend, _configured
    if _configured == (redis_url, queue_max):
        return
    _backend.shutdown()
    if redis_url:
        from dashboard.exports.celery_jobs import CeleryJobs

        _backend = CeleryJobs(redis_url, queue_max)
    else:
        _backend = LocalJobs(queue_max)
    _configured = (redis_url, queue_max)


def get_or_start(key: str, fn: Callable[..., bytes], *args: object) -> bytes | None:
    """The bytes for `key` if ready; otherwise start `fn(*args)` (once) and return None. Raises QueueFull."""
    return _backend.get_or_start(key, fn, *args)


def elapsed(key: str) -> float | None:
    """Seconds since the job for `key` started (None when no job runs)."""
    return _backend.elapsed(key)


def queue_length() -> int:
    """Jobs waiting or running (all instances, with Redis)."""
    return _backend.queue_length()


def runs() -> int:
    """Jobs finished (all instances, with Redis; this process's otherwise)."""
    return _backend.runs()


def wait(key: str, fn: Callable[..., bytes], *args: object, timeout: float = 120) -> bytes:
    """Start (or join) the job and block until its bytes are there: for scripts and tests, not requests."""
    deadline = time.monotonic() + timeout
    while (data := get_or_start(key, fn, *args)) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"export {key} not ready after {timeout} s")
        time.sleep(0.05)
    return data


def shutdown() -> None:
    """Stop the local worker process (the Celery workers are services of their own)."""
    _backend.shutdown()
