"""GET /metrics in Prometheus' text format: requests by route, method and status with their duration, the export
queue's length, cache hits and misses, and the last successful load per CBS table. Open only with
`Authorization: Bearer $METRICS_TOKEN`; without METRICS_TOKEN the route answers 404 as if it did not exist.

Under gunicorn every worker counts in files under PROMETHEUS_MULTIPROC_DIR (./serve.sh sets it), so one scrape sees
all workers; the queue and load figures are read when scraped."""

from __future__ import annotations

import hmac
import os
import time

from flask import Flask, Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

from dashboard.data import CONFIG_KEY
from db.read.reference import last_loads_per_table
from db.session import session_scope
from settings import Settings

METRICS_PATH = "/metrics"
TOKEN_KEY = "PERSPECTIEF_METRICS_TOKEN"  # noqa: S105 - a config key name
_G_START = "perspectief_metrics_t0"
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

REQUESTS = Histogram("perspectief_http_request_duration_seconds", "Duur van HTTP-verzoeken, per route en status",
                     ["method", "route", "status"], buckets=BUCKETS)
CACHE = Counter("perspectief_cache_requests_total", "Antwoorden uit de cache (hit) of opnieuw gemaakt (miss)",
                ["result"])


class _ScrapeTimeCollector:
    """Figures read when /metrics is asked: the export queue and the last load per CBS table."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url

    def collect(self):  # noqa: ANN201 - a generator of metric families
        from dashboard.exports import jobs

        queue = GaugeMetricFamily("perspectief_export_queue_length", "Exporttaken die wachten of lopen")
        queue.add_metric([], jobs.queue_length())
        yield queue
        runs = GaugeMetricFamily("perspectief_export_jobs_run", "Exporttaken uitgevoerd (gedeeld tussen instanties "
                                 "met Redis, anders door deze werker)")
        runs.add_metric([], jobs.runs())
        yield runs
        loads = GaugeMetricFamily("perspectief_last_load_timestamp_seconds",
                                  "Tijdstip (Unix) van de laatste geslaagde lading per CBS-tabel", labels=["table"])
        with session_scope(self.database_url) as s:
            finished = last_loads_per_table(s)
        for table_id, at in sorted(finished.items()):
            loads.add_metric([table_id], at.timestamp())
        yield loads


def _registry() -> CollectorRegistry:
    """All workers' counts (gunicorn: PROMETHEUS_MULTIPROC_DIR), else this process's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    from prometheus_client import REGISTRY

    return REGISTRY


def metrics() -> Response:
    """GET /metrics: 404 unless METRICS_TOKEN is set and sent as a bearer token."""
    expected = current_app.config.get(TOKEN_KEY)
    sent = request.headers.get("Authorization", "")
    if not expected or not hmac.compare_digest(sent.encode(), f"Bearer {expected}".encode()):
        return Response("Niet gevonden.", status=404, mimetype="text/plain")
    registry = _registry()
    scrape = CollectorRegistry()
    scrape.register(_ScrapeTimeCollector(current_app.config[CONFIG_KEY]))
    body = generate_latest(registry) + generate_latest(scrape)
    response = Response(body, mimetype=CONTENT_TYPE_LATEST)
    response.headers["Cache-Control"] = "no-store"
    return response


def install_metrics(server: Flask, settings: Settings) -> None:
    """Count every request (route template, not the path: the number of series stays bounded) and serve /metrics."""
    server.config[TOKEN_KEY] = settings.metrics_token.get_secret_value() if settings.metrics_token else None

    def start(_endpoint: str | None = None, _values: dict | None = None) -> None:
        setattr(g, _G_START, time.perf_counter())

    def observe(response: Response) -> Response:
        started = g.get(_G_START)
        if started is not None and request.path != METRICS_PATH:
            rule = request.url_rule
            route = rule.rule if rule is not None else "(onbekend)"
            REQUESTS.labels(request.method, route, str(response.status_code)).observe(time.perf_counter() - started)
        return response

    server.url_value_preprocessor(start)
    server.after_request(observe)
    server.add_url_rule(METRICS_PATH, "metrics", metrics, methods=["GET"])
