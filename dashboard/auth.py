"""Sign-in for the web app: POST /inloggen and /uitloggen, sessions that expire, `current_user()`, and the guard that
keeps anonymous visitors out when REQUIRE_SIGN_IN is on; POST /account/wachtwoord, where a signed-in account changes
its own password. The page /inloggen itself is dashboard/pages/signin.py, /account/wachtwoord is
dashboard/pages/password.py; the account area in the header is dashboard/components/account.py.

A session holds the account id, its session_version and the sign-in time, kept on the server (dashboard.sessions: the
cookie holds a random token only). Every request of a signed-in visitor checks all three: past SESSION_HOURS after
sign-in, or once the version changed (new password) or the account was deactivated, the session is gone – and those
changes (and a role taken away) delete the account's stored sessions as well, on every instance at once."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode, urlsplit

from flask import Flask, Response, abort, current_app, g, has_request_context, redirect, request, session

from dashboard.api import is_api_path
from dashboard.data import CONFIG_KEY, read_session
from dashboard.limits import client_address
from dashboard.sessions import ServerSessionInterface
from db.accounts import Grant, allowed, authenticate, set_own_password, signed_in
from db.session import session_scope
from indicators.enums import Action, Refusal
from settings import Settings

SIGN_IN_PATH = "/inloggen"
SIGN_OUT_PATH = "/uitloggen"
PASSWORD_PATH = "/account/wachtwoord"  # noqa: S105 - a path
# Pages only for a signed-in account: an anonymous GET goes to /inloggen first (and comes back after sign-in).
SIGNED_IN_PATHS = frozenset({PASSWORD_PATH})
PASSWORD_FIELDS = ("huidig-wachtwoord", "nieuw-wachtwoord", "nieuw-wachtwoord-herhaald")  # the form's field names
CHANGED_PARAM = "gewijzigd"
NEXT_PARAM = "volgende"
ERROR_PARAM = "fout"
EXPIRED = "verlopen"  # error code on /inloggen after a session ran out (besides db.accounts.Refusal and EMPTY)
EMPTY = "leeg"
SESSION_USER, SESSION_VERSION, SESSION_AT = "uid", "sv", "at"
REQUIRE_KEY = "PERSPECTIEF_REQUIRE_SIGN_IN"
HOURS_KEY = "PERSPECTIEF_SESSION_HOURS"
ACCOUNT_AREA_ID = "account-area"  # the header's account area: its callback is public (it only says "Inloggen")
ROUTER_OUTPUTS = {"page-content", "page-title"}
_G_USER = "perspectief_user"
_G_EXPIRED = "perspectief_session_expired"
# Needed to render /inloggen itself, so public even when sign-in is required.
_PUBLIC_PREFIXES = ("assets/", "_dash-component-suites/", "static/")
_PUBLIC_DASH = ("_dash-layout", "_dash-dependencies", "_favicon.ico", "_reload-hash")
# Probes and metrics answer without an account (metrics has a token of its own: dashboard.metrics).
_PUBLIC_PROBES = ("/healthz", "/readyz", "/metrics")


@dataclass(frozen=True)
class CurrentUser:
    """The signed-in account of this request, for authorization checks (see db.accounts.allowed)."""

    id: int
    email: str
    name: str
    grants: frozenset[Grant] = field(default_factory=frozenset)

    def can(self, action: Action | str, programme_id: int | None = None) -> bool:
        return allowed(self.grants, action, programme_id)


def _now() -> float:
    return time.time()


def current_user() -> CurrentUser | None:
    """The signed-in account of the current request, or None (anonymous, or the session ended)."""
    if not has_request_context():
        return None
    if _G_USER not in g:
        setattr(g, _G_USER, _load_user())
    return g.get(_G_USER)


def can(action: Action | str, programme_id: int | None = None) -> bool:
    """Whether the visitor of this request may do `action` (for `programme_id`)."""
    user = current_user()
    return allowed(user.grants if user else None, action, programme_id,
                   sign_in_required=bool(current_app.config.get(REQUIRE_KEY)))


def require(action: Action | str, programme_id: int | None = None) -> CurrentUser | None:
    """Abort the request with 403 (401 when anonymous) unless the visitor may do `action`; for routes and callbacks
    that write or read unpublished data."""
    if not can(action, programme_id):
        abort(401 if current_user() is None else 403)
    return current_user()


def _load_user() -> CurrentUser | None:
    uid = session.get(SESSION_USER)
    if uid is None:
        return None
    at = session.get(SESSION_AT)
    hours = current_app.config.get(HOURS_KEY, 8)
    now = _now()
    # an absolute lifetime: activity does not extend it; a sign-in time in the future is a forged or broken cookie
    if not isinstance(at, int | float) or now - at > hours * 3600 or at > now + 60:
        session.clear()
        setattr(g, _G_EXPIRED, True)
        return None
    with read_session() as s:
        user = signed_in(s, uid, session.get(SESSION_VERSION))
    if user is None:
        session.clear()
        return None
    return CurrentUser(user.id, user.email, user.name, user.grants)


def safe_next(value: object) -> str:
    """`value` if it is a path on this site (a place to go after sign-in), else "/". Refuses absolute URLs,
    protocol-relative ones (//evil.example), backslashes and control characters."""
    if not isinstance(value, str) or not value.startswith("/") or len(value) > 2000:
        return "/"
    if value.startswith("//") or "\\" in value or any(ord(c) < 32 or ord(c) == 127 for c in value):
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return "/"
    if parts.path.rstrip("/") in (SIGN_IN_PATH, SIGN_OUT_PATH):
        return "/"
    return value


def sign_in_url(next_path: str = "/", error: str | None = None) -> str:
    """/inloggen with where to go afterwards and, after a refusal, the error code."""
    params = {}
    if error:
        params[ERROR_PARAM] = error
    if safe_next(next_path) != "/":
        params[NEXT_PARAM] = safe_next(next_path)
    return SIGN_IN_PATH + (f"?{urlencode(params)}" if params else "")


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def sign_in() -> Response:
    """POST /inloggen: on success a fresh session and a 303 to `volgende`, else back to the form with an error code
    that never tells whether the e-mail address has an account."""
    email = request.form.get("email", "")[:254]
    password = request.form.get("wachtwoord", "")
    next_path = safe_next(request.form.get(NEXT_PARAM))
    if not email.strip() or not password:
        return _no_store(redirect(sign_in_url(next_path, EMPTY), 303))
    with session_scope(current_app.config[CONFIG_KEY]) as s:
        result = authenticate(s, email, password, client_address(), datetime.now(UTC))
        if isinstance(result, Refusal):
            refusal = result.value
        else:
            refusal, user_id, version = None, result.id, result.session_version
    if refusal:
        return _no_store(redirect(sign_in_url(next_path, refusal), 303))
    _start_session(user_id, version)
    return _no_store(redirect(next_path, 303))


def _start_session(user_id: int, version: int) -> None:
    session.clear()  # a new session: nothing from before carries over (session fixation)
    session[SESSION_USER], session[SESSION_VERSION], session[SESSION_AT] = user_id, version, int(_now())
    session.permanent = True


def change_own_password() -> Response:
    """POST /account/wachtwoord: the signed-in account changes its own password (db.accounts.change_password). On
    success every other session of the account has ended, this browser gets a fresh one, and a 303 goes to the page
    with `?gewijzigd=1`; else a 303 back to the form with the refusal codes in `?fout=`. The passwords themselves are
    never logged, stored in the session or put in a URL."""
    user = current_user()
    if user is None:
        return _no_store(redirect(sign_in_url(PASSWORD_PATH, EXPIRED if g.get(_G_EXPIRED) else None), 303))
    current, new, repeat = (request.form.get(name, "") for name in PASSWORD_FIELDS)
    with session_scope(current_app.config[CONFIG_KEY]) as s:
        problems, version = set_own_password(s, user.id, current, new, repeat, client_address(),
                                             datetime.now(UTC))
    if problems:
        codes = urlencode({ERROR_PARAM: ",".join(problems)}, safe=",")
        return _no_store(redirect(f"{PASSWORD_PATH}?{codes}", 303))
    _start_session(user.id, version)  # the raised session_version ended every other session, and the old one here
    return _no_store(redirect(f"{PASSWORD_PATH}?{CHANGED_PARAM}=1", 303))


def sign_out() -> Response:
    """POST /uitloggen: the session ends (its row goes; the CSRF token is renewed by dashboard.security)."""
    session.clear()
    return _no_store(redirect("/", 303))


def _is_public(path: str, prefix: str) -> bool:
    """Requests that the sign-in page needs (or that sign in and out), allowed without an account."""
    if path.rstrip("/") in (SIGN_IN_PATH, SIGN_OUT_PATH, *_PUBLIC_PROBES):
        return True
    if not path.startswith(prefix):
        return False
    rest = path[len(prefix):]
    return rest.startswith(_PUBLIC_PREFIXES) or rest in _PUBLIC_DASH


def _public_callback() -> bool:
    """A Dash callback that an anonymous visitor may run while sign-in is required: the header's account area,
    and the router when it renders the sign-in page."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return False
    outputs = body.get("outputs")
    outputs = [outputs] if isinstance(outputs, dict) else outputs if isinstance(outputs, list) else []
    ids = {o.get("id") for o in outputs if isinstance(o, dict) and isinstance(o.get("id"), str)}
    if ids == {ACCOUNT_AREA_ID}:
        return True
    if ids != ROUTER_OUTPUTS:
        return False
    inputs = body.get("inputs") if isinstance(body.get("inputs"), list) else []
    paths = [i.get("value") for i in inputs
             if isinstance(i, dict) and i.get("id") == "url" and i.get("property") == "pathname"]
    return len(paths) == 1 and isinstance(paths[0], str) and paths[0].rstrip("/") == SIGN_IN_PATH


def _to_sign_in(path: str) -> Response:
    """A 303 to /inloggen that comes back to this request's page afterwards (saying so if the session ran out)."""
    here = path + (f"?{request.query_string.decode('latin-1')}" if request.query_string else "")
    return _no_store(redirect(sign_in_url(here, EXPIRED if g.get(_G_EXPIRED) else None), 303))


def install_auth(server: Flask, settings: Settings, prefix: str = "/") -> None:
    """Sessions, the sign-in and sign-out routes and the guard on a Flask server (`prefix`: Dash's route prefix)."""
    server.config.update({
        REQUIRE_KEY: settings.require_sign_in,
        HOURS_KEY: settings.session_hours,
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=settings.session_hours),
        "SESSION_COOKIE_NAME": "perspectief_sessie",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
    })
    server.session_interface = ServerSessionInterface()
    server.add_url_rule(SIGN_IN_PATH, "sign_in", sign_in, methods=["POST"])
    server.add_url_rule(SIGN_OUT_PATH, "sign_out", sign_out, methods=["POST"])
    server.add_url_rule(PASSWORD_PATH, "change_own_password", change_own_password, methods=["POST"])
    dash_callback = f"{prefix}_dash-update-component"

    @server.before_request
    def _guard() -> Response | None:
        path = request.path
        if path.startswith(tuple(prefix + p for p in _PUBLIC_PREFIXES)):
            return None  # static files: no session work at all
        if is_api_path(path):
            return None  # the API asks for sign-in itself, answering 401 as problem+json (dashboard.api.routes)
        user = current_user()  # also ends an expired or invalidated session, on every request
        to_sign_in = request.method in ("GET", "HEAD") and path != dash_callback
        if user is None and to_sign_in and path.rstrip("/") in SIGNED_IN_PATHS:
            return _to_sign_in(path)
        if user is not None or not server.config[REQUIRE_KEY] or _is_public(path, prefix):
            return None
        if path == dash_callback and request.method == "POST" and _public_callback():
            return None
        if to_sign_in:
            return _to_sign_in(path)
        return _no_store(Response("Inloggen is nodig.", status=401, mimetype="text/plain"))


def register_auth(app, settings: Settings) -> None:  # noqa: ANN001 - a dash.Dash
    """Sign-in on the Dash app's server (called once from create_app)."""
    install_auth(app.server, settings, app.config.routes_pathname_prefix or "/")
