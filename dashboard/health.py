"""Probes for a load balancer or orchestrator: GET /healthz (the process answers; touches no database) and GET
/readyz (the database answers and is migrated to the newest revision, else 503). Both JSON, never cached, public
(they tell nothing but "ok" or which check failed)."""

from __future__ import annotations

import json

from flask import Flask, Response, current_app

from dashboard.data import CONFIG_KEY
from db.migrate import current_revision, head_revision

HEALTH_PATH, READY_PATH = "/healthz", "/readyz"


def _json(body: dict, status: int) -> Response:
    response = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def healthz() -> Response:
    return _json({"status": "ok"}, 200)


def readyz() -> Response:
    """200 when the database answers at the newest revision; 503 with the failed check otherwise."""
    try:
        revision = current_revision(current_app.config[CONFIG_KEY])
    except Exception:  # noqa: BLE001 - unreachable, wrong credentials: not ready
        current_app.logger.warning("readyz: database niet bereikbaar", exc_info=True)
        return _json({"status": "niet gereed", "database": "onbereikbaar"}, 503)
    head = head_revision()
    if revision != head:
        return _json({"status": "niet gereed", "database": "niet bijgewerkt", "revisie": revision,
                      "nodig": head}, 503)
    return _json({"status": "ok", "database": "ok", "revisie": revision}, 200)


def install_health(server: Flask) -> None:
    server.add_url_rule(HEALTH_PATH, "healthz", healthz, methods=["GET"])
    server.add_url_rule(READY_PATH, "readyz", readyz, methods=["GET"])
