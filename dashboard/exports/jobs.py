"""Exports that take seconds (a PDF takes ~1.5–3 s on 2 cores) run in a separate worker process, so the web
process keeps answering other users (weasyprint is pure Python and would hold the GIL in a thread).

`get_or_start(key, fn, *args)` returns the finished bytes, or None while the job runs; finished files are kept
in a small in-process cache keyed by the report's content hash."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

CACHE_SIZE = 8
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_running: dict[str, tuple[Future, float]] = {}
_done: OrderedDict[str, bytes] = OrderedDict()


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # spawn, not fork: forking a threaded web server can copy held locks into the child
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


def get_or_start(key: str, fn: Callable[..., bytes], *args: object) -> bytes | None:
    """The bytes for `key` if ready; otherwise start `fn(*args)` in the worker process (once) and return None."""
    with _lock:
        if key in _done:
            _done.move_to_end(key)
            return _done[key]
        job = _running.get(key)
        if job is None:
            _running[key] = (_executor().submit(fn, *args), time.monotonic())
            return None
        future, _started = job
        if not future.done():
            return None
        del _running[key]
        data = future.result()  # a failed export raises here, once; the next request starts it again
        _done[key] = data
        while len(_done) > CACHE_SIZE:
            _done.popitem(last=False)
        return data


def elapsed(key: str) -> float | None:
    """Seconds since the job for `key` started (None when no job runs)."""
    with _lock:
        job = _running.get(key)
        return time.monotonic() - job[1] if job else None


def wait(key: str, fn: Callable[..., bytes], *args: object, timeout: float = 120) -> bytes:
    """Start (or join) the job and block until its bytes are there: for scripts and tests, not requests."""
    deadline = time.monotonic() + timeout
    while (data := get_or_start(key, fn, *args)) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"export {key} not ready after {timeout} s")
        time.sleep(0.05)
    return data


def shutdown() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        _running.clear()
