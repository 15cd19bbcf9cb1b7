"""Logging: plain lines, or with LOG_FORMAT=json one JSON object per line (time, level, message, logger, and within a
request its request id, method, route, status and duration), and one line per request. Nothing secret is logged:
no query strings, cookies, Authorization headers or form fields; a filter masks anything that looks like one in a
message all the same.

`configure_logging(settings)` once per process (app.py, dashboard.prestart, the gunicorn config);
`install_request_log(server)` on a Flask server."""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid

from flask import Flask, Response, g, has_request_context, request

from settings import Settings

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_G_START, _G_ID = "perspectief_t0", "perspectief_request_id"
access_log = logging.getLogger("perspectief.request")
# Masks values of things that must never reach a log, should a message ever contain them.
_SECRET = re.compile(
    r"(?i)(authorization|cookie|set-cookie|password|wachtwoord|secret|token|csrf[_-]?token|perspectief_sessie)"
    r"(\s*[:=]\s*|\"\s*:\s*\")([^\s,;&\"]+)")


_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+")


def redact(text: str) -> str:
    """`text` with the values of passwords, tokens, cookies and credentials replaced by [verborgen]."""
    return _SECRET.sub(lambda m: f"{m[1]}{m[2]}[verborgen]", _BEARER.sub(lambda m: f"{m[1]} [verborgen]", text))


class RequestContextFilter(logging.Filter):
    """Adds the request id (and method and route) of the current request to every record, and masks secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        if has_request_context():
            record.request_id = g.get(_G_ID, "")
            record.method = request.method
            record.route = _route()
        if isinstance(record.msg, str) and not record.args:
            record.msg = redact(record.msg)
        elif record.args:
            record.msg, record.args = redact(record.getMessage()), None
        return True


def _formatter(fmt: str) -> logging.Formatter:
    if fmt == "json":
        from pythonjsonlogger.json import JsonFormatter

        return JsonFormatter("{asctime}{levelname}{message}{name}", style="{",
                             rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
                             datefmt="%Y-%m-%dT%H:%M:%S%z")
    return logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")


def handler_for(fmt: str, stream=sys.stderr) -> logging.Handler:  # noqa: ANN001 - a text stream
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_formatter(fmt))
    handler.addFilter(RequestContextFilter())
    return handler


def configure_logging(settings: Settings) -> None:
    """The root logger writes to stderr in LOG_FORMAT at LOG_LEVEL (replacing earlier handlers)."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler_for(settings.log_format))
    root.setLevel(settings.log_level.upper())
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # our own request line replaces its access log


def _route() -> str:
    rule = request.url_rule
    return rule.rule if rule is not None else "(onbekend)"


def request_id() -> str:
    """The current request's id (from a trusted proxy's X-Request-ID, else a new one)."""
    return g.get(_G_ID, "")


def install_request_log(server: Flask, trust_proxy: bool = False) -> None:
    """A request id per request (X-Request-ID in the answer) and one log line per request."""

    def start(_endpoint: str | None = None, _values: dict | None = None) -> None:
        setattr(g, _G_START, time.perf_counter())
        given = request.headers.get(REQUEST_ID_HEADER, "") if trust_proxy else ""
        setattr(g, _G_ID, given if _VALID_REQUEST_ID.match(given) else uuid.uuid4().hex)

    def finish(response: Response) -> Response:
        started = g.get(_G_START)
        duration = (time.perf_counter() - started) * 1000 if started is not None else 0.0
        response.headers[REQUEST_ID_HEADER] = g.get(_G_ID, "")
        access_log.info("%s %s %s %.1f ms", request.method, request.path, response.status_code, duration,
                        extra={"status": response.status_code, "duration_ms": round(duration, 1),
                               "path": request.path})
        return response

    # a URL value preprocessor runs before every before_request function (the CSRF check, the size limit …), so
    # refused requests are timed and logged too; install this before those
    server.url_value_preprocessor(start)
    server.after_request(finish)
