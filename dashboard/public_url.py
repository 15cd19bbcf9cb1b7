"""The canonical public address (BASE_URL) for absolute links – PDFs, e-mails, feeds – never the request's Host
header, which a client chooses freely."""

from __future__ import annotations

from flask import current_app, has_app_context

from settings import get_settings

BASE_URL_KEY = "PERSPECTIEF_BASE_URL"


def base_url() -> str:
    """BASE_URL with a trailing slash (the app's, or the settings' outside a request)."""
    if has_app_context() and BASE_URL_KEY in current_app.config:
        return current_app.config[BASE_URL_KEY]
    return get_settings().public_base_url()


def absolute(path: str) -> str:
    """An absolute link to `path` on the public address."""
    return base_url() + path.lstrip("/")
