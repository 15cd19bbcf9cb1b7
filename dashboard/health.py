"""Probes for a load balancer or orchestrator: GET /healthz (the process answers; touches no database) and GET
/readyz (the database answers and is migrated to the newest revision, else 503). Both JSON, never cached, public
(they tell nothing but "ok" or which check failed)."""

from __future__ import annotations

import json
from functools import lru_cache

from flask import Flask, Response, current_app
from sqlalchemy import text

from dashboard.data import CONFIG_KEY
from db.session import get_engine

HEALTH_PATH, READY_PATH = "/healthz", "/readyz"


@lru_cache(maxsize=1)
def newest_revision() -> str:
    """The head revision of our migrations (read once from the files)."""
    from alembic.script import ScriptDirectory

    from db.migrate import MIGRATIONS_DIR, alembic_config

    config = alembic_config("sqlite://")
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


def _json(body: dict, status: int) -> Response:
    response = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def healthz() -> Response:
    return _json({"status": "ok"}, 200)


def readyz() -> Response:
    """200 when the database answers at the newest revision; 503 with the failed check otherwise."""
    try:
        with get_engine(current_app.config[CONFIG_KEY]).connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # noqa: BLE001 - unreachable, wrong credentials, no schema: not ready
        current_app.logger.warning("readyz: database niet bereikbaar", exc_info=True)
        return _json({"status": "niet gereed", "database": "onbereikbaar"}, 503)
    head = newest_revision()
    if revision != head:
        return _json({"status": "niet gereed", "database": "niet bijgewerkt", "revisie": revision,
                      "nodig": head}, 503)
    return _json({"status": "ok", "database": "ok", "revisie": revision}, 200)


def install_health(server: Flask) -> None:
    server.add_url_rule(HEALTH_PATH, "healthz", healthz, methods=["GET"])
    server.add_url_rule(READY_PATH, "readyz", readyz, methods=["GET"])
