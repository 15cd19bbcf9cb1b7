"""The open-data API under /api/v1: read-only, what the public pages show, following the Logius NL API
Design Rules. `dashboard.api.routes.register_api(server)` puts it on the Flask server; this module only names the
paths, so that the app-wide guards (CSRF, sign-in) can leave the API to its own checks without importing it."""

from __future__ import annotations

API_ROOT = "/api"  # everything below it is the API's: its own 404, 405 and 401 answers (problem+json)
PREFIX = "/api/v1"  # the major version is in the path (/core/uri-version)
VERSION = "1.0.0"  # the full version, in the API-Version header of every answer (/core/version-header)


def is_api_path(path: str) -> bool:
    return path == API_ROOT or path.startswith(API_ROOT + "/")
