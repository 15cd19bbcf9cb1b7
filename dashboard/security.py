"""Web security for the Flask server under Dash: CSRF protection (a signed double-submit cookie, bound to the
signed-in session and renewed at sign-in and sign-out) and security headers on every response.

`register_security(app, settings)` is called last in `create_app`; `csrf_token()` gives plain HTML forms the value
for their hidden `csrf_token` field. dash-renderer reads the cookie `_csrf_token` itself and sends it back as header
`X-CSRFToken` on every callback request, so Dash callbacks need nothing extra."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Sequence
from html import escape

from dash import Dash
from flask import Flask, Response, current_app, g, request
from itsdangerous import BadSignature, Signer
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard import texts
from dashboard.api import API_ROOT, is_api_path
from dashboard.cache import do_not_cache
from dashboard.exports.routes import BUSY_SCRIPT
from dashboard.sessions import bound_csrf_secret, session_not_loaded
from settings import Settings

CSRF_COOKIE = "_csrf_token"  # the cookie name dash-renderer reads (it sends it back as header X-CSRFToken)
CSRF_HEADER = "X-CSRFToken"
CSRF_FIELD = "csrf_token"  # hidden form field name for plain HTML forms (POST /inloggen, /uitloggen)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
HSTS = "max-age=31536000"  # no includeSubDomains: other hosts of the gemeente's domain are not ours to decide
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
_SALT = "perspectief-csrf"
_G_NEW_CSRF = "perspectief_new_csrf"
_G_CHECKED = "perspectief_csrf_checked"
# Long-cached static files and the open-data API get no cookie: a shared cache must never hand one visitor's token
# to another.
_NO_COOKIE_PREFIXES = ("/assets/", "/_dash-component-suites/", API_ROOT + "/")


def _signer() -> Signer:
    return Signer(current_app.config["SECRET_KEY"], salt=_SALT)


def _bound_payload() -> str | None:
    """What the token of a signed-in session must carry: its session's CSRF secret (None while anonymous)."""
    secret = bound_csrf_secret()
    return f"s.{secret}" if secret else None


def _valid_cookie_token() -> str | None:
    """The request's CSRF cookie if it carries our signature and belongs to this request's session: a signed-in
    session's own token, or an anonymous token while there is no session. A token of another session, or one
    from before a sign-in or sign-out, is not valid."""
    value = request.cookies.get(CSRF_COOKIE)
    if not value:
        return None
    checked = g.get(_G_CHECKED)
    if checked is not None and checked[0] == value:
        payload = checked[1]  # unsigned once per request (the check and the response both ask)
    else:
        try:
            payload = _signer().unsign(value).decode("ascii", "replace")
        except BadSignature:
            return None
        setattr(g, _G_CHECKED, (value, payload))
    bound = _bound_payload()
    if bound is not None:
        return value if hmac.compare_digest(payload.encode(), bound.encode()) else None
    return value if payload.startswith("a.") else None


def csrf_token() -> str:
    """The CSRF token for the current request: its valid cookie, or a new one the response will set (the session's
    own token when signed in, else a new anonymous one)."""
    do_not_cache()  # a page or callback answer that carries it belongs to this visitor alone
    token = _valid_cookie_token()
    if token is not None:
        return token
    bound = _bound_payload()
    cached = g.get(_G_NEW_CSRF)
    if cached is not None and cached[0] == bound:
        return cached[1]
    new = _signer().sign(bound or f"a.{secrets.token_urlsafe(32)}").decode("ascii")
    setattr(g, _G_NEW_CSRF, (bound, new))
    return new


def _sent_token() -> str | None:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        sent = request.form.get(CSRF_FIELD)
    return sent


def _check_csrf() -> Response | None:
    """before_request: refuse a state-changing request unless it repeats its validly signed CSRF cookie."""
    if request.method in SAFE_METHODS or is_api_path(request.path):
        return None  # the API changes nothing: it answers every other method with 405 itself (dashboard.api)
    expected = _valid_cookie_token()
    sent = _sent_token()
    if expected is not None and sent and hmac.compare_digest(sent.encode(), expected.encode()):
        return None
    if request.path.startswith("/_dash-"):
        body = json.dumps({"message": texts.CSRF_REFUSED}, ensure_ascii=False)
        return Response(body, status=403, mimetype="application/json")
    page = (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{texts.CSRF_REFUSED_TITLE}</title>'
            f"</head><body><main><h1>{texts.CSRF_REFUSED_TITLE}</h1><p>{escape(texts.CSRF_REFUSED)}</p>"
            f'<p><a href="/">{texts.CSRF_REFUSED_HOME}</a></p></main></body></html>')
    return Response(page, status=403, mimetype="text/html")


def _set_csrf_cookie(response: Response) -> None:
    if request.path.startswith(_NO_COOKIE_PREFIXES) or request.path == API_ROOT or session_not_loaded():
        return  # a request without its session (favicon, probes) cannot tell which token is right: leave it
    if _valid_cookie_token() is not None:
        return
    # Not HttpOnly: dash-renderer reads it from document.cookie to send it back as a header.
    response.set_cookie(CSRF_COOKIE, csrf_token(), path="/", samesite="Lax", secure=request.is_secure,
                        httponly=False)


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(script_hashes: Sequence[str]) -> str:
    """The Content-Security-Policy: only our own scripts plus the listed inline ones (Dash's, by hash)."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        # dash-renderer, dcc, dash_table and plotly.js insert <style> elements at run time (tried without: every
        # page logs refusals), so no hashes or nonces can cover them
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


def _add_headers(csp: str):  # noqa: ANN202 - a Flask after_request function
    def add_headers(response: Response) -> Response:
        _set_csrf_cookie(response)
        headers = response.headers
        # a view may set a stricter policy of its own (uploaded media: dashboard.uploads); keep it
        headers.setdefault("Content-Security-Policy", csp)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        headers["Permissions-Policy"] = PERMISSIONS_POLICY
        if request.is_secure:
            headers["Strict-Transport-Security"] = HSTS
        return response

    return add_headers


def protect_server(server: Flask, settings: Settings, script_hashes: Sequence[str] = ()) -> None:
    """The Flask part of register_security: CSRF check before every view, headers after every response, and
    ProxyFix when TRUST_PROXY is on. `script_hashes` are the CSP hashes of the inline scripts allowed to run."""
    if settings.trust_proxy:
        # one proxy in front: its X-Forwarded-For/-Proto/-Host/-Port count (request.is_secure, remote_addr)
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1)
    # First of all before_request functions, so a refused request reaches no other guard and no view.
    server.before_request_funcs.setdefault(None, []).insert(0, _check_csrf)
    server.after_request(_add_headers(content_security_policy([*script_hashes, _script_hash(BUSY_SCRIPT)])))


def register_security(app: Dash, settings: Settings) -> None:
    """CSRF protection and security headers for the whole app; call last in create_app, when every (clientside)
    callback is registered, because the policy lists the hashes of Dash's inline scripts."""
    protect_server(app.server, settings, app.csp_hashes())
