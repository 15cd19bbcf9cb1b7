"""Limits on what one request may cost: the body size (MAX_REQUEST_MB, refused with 413 before the body is read),
the number of comparison regions (MAX_COMPARE_REGIONS) and database ids in URLs and callbacks (out of range: not
found, instead of an OverflowError deep in the driver).

`install_limits(server, settings)` puts the body limit on a Flask server; the open-data API (a 413 as problem+json
there) and every page share it."""

from __future__ import annotations

import json
import logging

from dash import html
from flask import Flask, Response, abort, current_app, has_app_context, request

from dashboard import texts
from dashboard.api import is_api_path
from dashboard.api import texts as api_texts
from dashboard.api.problems import ApiProblem, problem_response
from dashboard.components import nl
from db.read.lookups import MAX_ID
from db.session import OutOfRange
from settings import Settings, get_settings

MAX_REQUEST_KEY = "PERSPECTIEF_MAX_REQUEST_BYTES"
MAX_REGIONS_KEY = "PERSPECTIEF_MAX_COMPARE_REGIONS"
MB = 1024 * 1024
# Endpoints with a limit of their own (uploads: dashboard.uploads sets request.max_content_length itself).
OWN_LIMIT_ENDPOINTS = frozenset({"upload_media"})


def parse_id(value: object) -> int | None:
    """`value` as a database id (1 … MAX_ID) when it is one – an int, or a string of digits – else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value.isascii() or not value.isdigit() or len(value) > 10:
            return None
        value = int(value)
    if isinstance(value, int) and 1 <= value <= MAX_ID:
        return value
    return None


def max_compare_regions() -> int:
    """MAX_COMPARE_REGIONS of the running app (or of the settings, outside a request)."""
    if has_app_context() and MAX_REGIONS_KEY in current_app.config:
        return int(current_app.config[MAX_REGIONS_KEY])
    return get_settings().max_compare_regions


def limit_regions(codes: list[str]) -> tuple[list[str], bool]:
    """The first MAX_COMPARE_REGIONS of `codes`, and whether some were left out."""
    most = max_compare_regions()
    return codes[:most], len(codes) > most


def too_many_regions_text(asked: int) -> str:
    return texts.COMPARE_TOO_MANY.format(most=max_compare_regions(), asked=asked)


def too_many_regions(asked: int) -> html.Div | None:
    """The page's warning when more comparison regions were asked (`asked`) than may be shown, else None."""
    if asked <= max_compare_regions():
        return None
    return nl.alert(too_many_regions_text(asked), "warning", role="alert", className="compare-limit")


def _too_large() -> Response:
    limit = current_app.config[MAX_REQUEST_KEY] / MB
    message = texts.REQUEST_TOO_LARGE.format(mb=f"{limit:g}")
    if is_api_path(request.path):  # the open-data API answers every error as problem+json
        response = problem_response(ApiProblem(413, api_texts.HTTP_TITLES[413], message))
    elif request.path.startswith("/_dash-") or request.accept_mimetypes.best == "application/json":
        response = Response(json.dumps({"message": message}, ensure_ascii=False), status=413,
                            mimetype="application/json")
    else:
        response = Response(message, status=413, mimetype="text/plain")
    response.headers["Connection"] = "close"  # the unread body must not be taken for the next request
    response.headers["Cache-Control"] = "no-store"
    return response


def install_limits(server: Flask, settings: Settings) -> None:
    """MAX_REQUEST_MB on every request body (413 before it is read: judged on Content-Length, and Werkzeug stops a
    chunked body at the same size) and MAX_COMPARE_REGIONS for the pages."""
    limit = int(settings.max_request_mb * MB)
    server.config[MAX_REQUEST_KEY] = limit
    server.config[MAX_REGIONS_KEY] = settings.max_compare_regions
    server.config[TRUST_PROXY_KEY] = settings.trust_proxy
    server.config["MAX_CONTENT_LENGTH"] = limit
    server.config["MAX_FORM_MEMORY_SIZE"] = limit

    def refuse_large_body(endpoint: str | None, _values: dict | None) -> None:
        # A URL value preprocessor runs before every before_request function – the CSRF check, which may read a
        # form, included – so the body is never read.
        if endpoint in OWN_LIMIT_ENDPOINTS:
            return
        length = request.content_length
        if length is not None and length > limit:
            abort(_too_large())

    server.url_value_preprocessor(refuse_large_body)
    # The last line of defence for ids that reach the database from a callback's payload: a number beyond the
    # column's range is "not found", not a server error (SQLite: OverflowError; PostgreSQL: a DataError).
    server.register_error_handler(OverflowError, _out_of_range)
    server.register_error_handler(OutOfRange, _out_of_range)


def _out_of_range(exc: Exception) -> Response:
    if isinstance(exc, OutOfRange) and "out of range" not in str(exc.orig):
        raise exc
    response = Response(json.dumps({"message": texts.NOT_FOUND_TEXT}, ensure_ascii=False), status=404,
                        mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


TRUST_PROXY_KEY = "PERSPECTIEF_TRUST_PROXY"
_PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")
_warned_proxy = False


def client_address() -> str:
    """The client's address for the sign-in lock per address, or "" when it is not known.

    With TRUST_PROXY the reverse proxy's X-Forwarded-For counts (dashboard.security applies ProxyFix). Without it,
    a request that came through a proxy carries the proxy's own address – the same for every visitor – so counting
    failures per address would let one attacker lock everybody out: then only the lock per account applies, and
    the log says once that TRUST_PROXY should be set."""
    global _warned_proxy
    trusted = bool(current_app.config.get(TRUST_PROXY_KEY))
    if not trusted and any(h in request.headers for h in _PROXY_HEADERS):
        if not _warned_proxy:
            _warned_proxy = True
            logging.getLogger(__name__).warning(
                "Verzoeken komen via een proxy (X-Forwarded-For) maar TRUST_PROXY staat uit: de inlogblokkade per "
                "adres is uitgeschakeld. Zet TRUST_PROXY=true achter één vertrouwde reverse proxy.")
        return ""
    return (request.remote_addr or "")[:64]
