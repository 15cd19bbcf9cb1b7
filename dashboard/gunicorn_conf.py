"""gunicorn's configuration for ./serve.sh (`gunicorn -c python:dashboard.gunicorn_conf "app:wsgi()"`): HOST:PORT,
WEB_CONCURRENCY workers (default 2 × cores) with WEB_THREADS threads each, the app loaded once before the workers
fork (shared memory), logs in LOG_FORMAT, Prometheus counts shared by the workers, and the local export worker
stopped with each web worker. The settings are checked again here, so gunicorn started without ./serve.sh (a
systemd unit, say) refuses an unfit SECRET_KEY as well."""

from __future__ import annotations

import os
import sys

from settings import get_settings

_settings = get_settings()

bind = f"{_settings.host}:{_settings.port}"
workers = _settings.web_concurrency or 2 * (os.cpu_count() or 1)
threads = _settings.web_threads
worker_class = "gthread"
preload_app = True
timeout = 60
graceful_timeout = 20
# longer than a reader's pause and than nginx's upstream keepalive (60 s): no race on a closing connection
keepalive = 65
accesslog = None  # the app logs every request itself (dashboard.logs), with its request id
errorlog = "-"
# X-Forwarded-* count only with TRUST_PROXY (then the app applies ProxyFix as well); never by default
forwarded_allow_ips = "*" if _settings.trust_proxy else ""
proc_name = "perspectief"


def _logconfig() -> dict:
    formatter = {"()": "pythonjsonlogger.json.JsonFormatter",
                 "fmt": "{asctime}{levelname}{message}{name}", "style": "{", "datefmt": "%Y-%m-%dT%H:%M:%S%z",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}} \
        if _settings.log_format == "json" else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    return {
        "version": 1, "disable_existing_loggers": False,
        "formatters": {"main": formatter},
        "filters": {"context": {"()": "dashboard.logs.RequestContextFilter"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "main", "filters": ["context"],
                                "stream": "ext://sys.stderr"}},
        "root": {"level": _settings.log_level.upper(), "handlers": ["stderr"]},
        "loggers": {"gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
                    "werkzeug": {"level": "WARNING"}},
    }


logconfig_dict = _logconfig()


def on_starting(server) -> None:  # noqa: ANN001 - gunicorn's Arbiter
    from dashboard.prestart import problems

    if found := problems(_settings):
        for line in found:
            print(f"serve.sh: {line}", file=sys.stderr)  # noqa: T201
        sys.exit(2)
    multiproc = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if multiproc:  # counts of an earlier run must not be added to this one's
        os.makedirs(multiproc, exist_ok=True)
        for name in os.listdir(multiproc):
            if name.endswith(".db"):
                os.unlink(os.path.join(multiproc, name))


def child_exit(_server, worker) -> None:  # noqa: ANN001
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def worker_exit(_server, _worker) -> None:  # noqa: ANN001
    from dashboard.exports import jobs

    jobs.shutdown()  # the local export worker process stops with its web worker (it also watches for that itself)
