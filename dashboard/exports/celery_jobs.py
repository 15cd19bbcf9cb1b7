"""Exports on Celery with Redis (REDIS_URL set): the production path for several instances.

The web side claims a job in Redis (`SET … NX`), so however many instances receive the same request at once, one
sends it to the Celery queue; a sorted set of pending jobs bounds the queue (QueueFull beyond EXPORT_QUEUE_MAX).
The worker (dashboard.exports.tasks) renders, stores the bytes in Redis for a day, counts the run, and frees the
claim; every instance then serves the same bytes. A failed job leaves its error for one minute: the next request
reports it once, the one after starts again."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable

import redis

from dashboard.exports.jobs import QueueFull

PREFIX = "perspectief:export:"
PENDING = PREFIX + "pending"
RUNS = PREFIX + "runs"
TASK_NAME = "perspectief.export"
QUEUE = "perspectief-export"
DONE_SECONDS = 24 * 3600
ERROR_SECONDS = 60
JOB_TIMEOUT = 600  # a claim older than this is taken for a lost worker: the job may start again
# What a worker may run: the export functions by name (a job names its function; nothing else is imported).
EXPORTS = frozenset({"dashboard.exports.routes:pdf_from_json"})


class ExportFailed(RuntimeError):
    """The worker could not make the export."""


def done_key(key: str) -> str:
    return f"{PREFIX}done:{key}"


def claim_key(key: str) -> str:
    return f"{PREFIX}claim:{key}"


def error_key(key: str) -> str:
    return f"{PREFIX}error:{key}"


def target_of(fn: Callable[..., bytes]) -> str:
    name = f"{fn.__module__}:{fn.__qualname__}"
    if name not in EXPORTS:
        raise ValueError(f"{name} is not an export function")
    return name


def resolve(target: str) -> Callable[..., bytes]:
    if target not in EXPORTS:
        raise ValueError(f"{target} is not an export function")
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


class CeleryJobs:
    """The web side of Celery exports."""

    def __init__(self, redis_url: str, queue_max: int) -> None:
        self.redis = redis.Redis.from_url(redis_url, socket_timeout=5, socket_connect_timeout=5)
        self.queue_max = queue_max

    def _send(self, key: str, target: str, args: tuple) -> None:
        from dashboard.exports.tasks import celery_app

        celery_app.send_task(TASK_NAME, args=[key, target, list(args)], queue=QUEUE)

    def get_or_start(self, key: str, fn: Callable[..., bytes], *args: object) -> bytes | None:
        r = self.redis
        if (data := r.get(done_key(key))) is not None:
            return data
        if (error := r.getdel(error_key(key))) is not None:
            raise ExportFailed(error.decode("utf-8", "replace"))
        now = time.time()
        if not r.set(claim_key(key), repr(now), nx=True, ex=JOB_TIMEOUT):
            return None  # another request (on any instance) started it
        if (data := r.get(done_key(key))) is not None:  # finished between our first look and the claim
            r.delete(claim_key(key))
            return data
        r.zremrangebyscore(PENDING, 0, now - JOB_TIMEOUT)
        if r.zcard(PENDING) >= self.queue_max:
            r.delete(claim_key(key))
            raise QueueFull()
        r.zadd(PENDING, {key: now})
        try:
            self._send(key, target_of(fn), args)
        except Exception:
            r.zrem(PENDING, key)
            r.delete(claim_key(key))
            raise
        return None

    def elapsed(self, key: str) -> float | None:
        started = self.redis.get(claim_key(key))
        return time.time() - float(started) if started else None

    def queue_length(self) -> int:
        self.redis.zremrangebyscore(PENDING, 0, time.time() - JOB_TIMEOUT)
        return int(self.redis.zcard(PENDING))

    def runs(self) -> int:
        return int(self.redis.get(RUNS) or 0)

    def shutdown(self) -> None:
        self.redis.close()


def run_export(r: redis.Redis, key: str, target: str, args: list) -> None:
    """In the Celery worker: make the export once, store it, count it, free the claim."""
    try:
        if r.exists(done_key(key)):
            return  # made already (a redelivered message)
        try:
            data = resolve(target)(*args)
        except Exception as exc:  # noqa: BLE001 - reported to the next request
            r.set(error_key(key), f"{type(exc).__name__}: {exc}"[:500], ex=ERROR_SECONDS)
            raise
        pipe = r.pipeline()
        pipe.set(done_key(key), data, ex=DONE_SECONDS)
        pipe.incr(RUNS)
        pipe.execute()
    finally:
        r.zrem(PENDING, key)
        r.delete(claim_key(key))
