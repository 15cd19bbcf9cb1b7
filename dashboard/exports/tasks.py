"""The Celery application of the export workers (REDIS_URL):

    celery -A dashboard.exports.tasks worker --queues perspectief-export --concurrency 1 --loglevel INFO

Creating the app connects to nothing; the worker needs only REDIS_URL (exports travel as text, no database)."""

from __future__ import annotations

import redis
from celery import Celery

from dashboard.exports.celery_jobs import QUEUE, TASK_NAME, run_export
from settings import get_settings

_settings = get_settings()
celery_app = Celery("perspectief", broker=_settings.redis_url or "redis://127.0.0.1:6379/0")
celery_app.conf.update(
    task_default_queue=QUEUE,
    task_ignore_result=True,  # the bytes go to Redis under the job's key (celery_jobs), not to a result backend
    task_acks_late=True,  # a worker killed mid-job leaves the message for another
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
    worker_hijack_root_logger=False,
)
_redis: redis.Redis | None = None


def _client() -> redis.Redis:
    global _redis
    if _redis is None:
        _redis = redis.Redis.from_url(get_settings().redis_url or "redis://127.0.0.1:6379/0")
    return _redis


@celery_app.task(name=TASK_NAME)
def export(key: str, target: str, args: list) -> None:
    run_export(_client(), key, target, args)
