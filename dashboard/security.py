"""Web security for the Flask server under Dash: CSRF (double-submit cookie) and security headers.

`register_security(app, settings)` is called last in `create_app`; `csrf_token()` gives plain HTML
forms the value for their hidden `csrf_token` field."""

from __future__ import annotations

import hmac
import secrets

from flask import current_app, g, request
from itsdangerous import BadSignature, Signer

CSRF_COOKIE = "_csrf_token"  # the cookie name dash-renderer reads (it sends it back as header X-CSRFToken)
CSRF_HEADER = "X-CSRFToken"
CSRF_FIELD = "csrf_token"  # hidden form field name for plain HTML forms (POST /inloggen, /uitloggen)
_SALT = "perspectief-csrf"
_G_NEW_TOKEN = "_perspectief_new_csrf_token"


def _signer() -> Signer:
    return Signer(current_app.config["SECRET_KEY"], salt=_SALT)


def _valid_cookie_token() -> str | None:
    """The request's CSRF cookie if it carries our signature, else None."""
    value = request.cookies.get(CSRF_COOKIE)
    if not value:
        return None
    try:
        _signer().unsign(value)
    except BadSignature:
        return None
    return value


def csrf_token() -> str:
    """The CSRF token for the current request: its validly signed cookie, or a new one the response will set."""
    token = _valid_cookie_token()
    if token is not None:
        return token
    new = g.get(_G_NEW_TOKEN)
    if new is None:
        new = _signer().sign(secrets.token_urlsafe(32)).decode("ascii")
        setattr(g, _G_NEW_TOKEN, new)
    return new


def tokens_match(sent: str | None, expected: str) -> bool:
    """Constant-time comparison of a submitted token with the cookie's."""
    return bool(sent) and hmac.compare_digest(sent.encode(), expected.encode())
