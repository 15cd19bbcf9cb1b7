"""Flask sessions kept in the database (db.web_sessions), so several instances behind one proxy behave as one site:
the cookie `perspectief_sessie` holds only a random token; sign-out, a new password, deactivation and a role taken
away end a session on every instance at the next request.

Anonymous visitors get no row and no cookie. `session.clear()` ends the stored session; data put in afterwards
(a sign-in) goes into a new one with a new token and a new CSRF secret (no session fixation). Requests for static
files never touch the database."""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta

from flask import Flask, Request, Response, has_request_context, request, session
from flask.sessions import SessionInterface, SessionMixin
from werkzeug.datastructures import CallbackDict

from dashboard.data import CONFIG_KEY
from db import web_sessions
from db.session import session_scope

USER_KEY = "uid"  # the session key that holds the account id (dashboard.auth.SESSION_USER)
_STATIC_PREFIXES = ("/assets/", "/_dash-component-suites/", "/static/", "/_favicon.ico", "/favicon.ico",
                    "/healthz", "/readyz", "/metrics")
log = logging.getLogger(__name__)


class ServerSession(CallbackDict, SessionMixin):
    """The session of one request: its data, the stored id (None until stored) and its CSRF secret."""

    def __init__(self, initial: dict | None = None, sid: str | None = None, csrf: str | None = None,
                 *, stale_cookie: bool = False, static: bool = False) -> None:
        def on_update(self_: ServerSession) -> None:
            self_.modified = True

        super().__init__(initial or {}, on_update)
        self.sid, self._csrf = sid, csrf
        self.stale_cookie, self.static = stale_cookie, static
        self.ended: str | None = None  # the stored id to delete at the end of the request
        self.modified = False

    def clear(self) -> None:
        """End this session: the stored one goes, and anything set afterwards starts a new one."""
        if self.sid is not None:
            self.ended = self.sid
        self.sid, self._csrf = None, None
        super().clear()

    @property
    def signed_in(self) -> bool:
        return self.get(USER_KEY) is not None

    @property
    def csrf_secret(self) -> str | None:
        """The CSRF secret bound to this session (made with a new session), None while anonymous."""
        if not self.signed_in:
            return None
        if self._csrf is None:
            self._csrf = secrets.token_urlsafe(32)
        return self._csrf


def session_not_loaded() -> bool:
    """Whether this request skipped the session (static files, probes): who is signed in is not known here."""
    if not has_request_context():
        return True
    current = session._get_current_object() if hasattr(session, "_get_current_object") else session
    return isinstance(current, ServerSession) and current.static


def bound_csrf_secret() -> str | None:
    """The CSRF secret of the current request's signed-in session (dashboard.security binds its token to it)."""
    if not has_request_context():
        return None
    current = session._get_current_object() if hasattr(session, "_get_current_object") else session
    return current.csrf_secret if isinstance(current, ServerSession) else None


class ServerSessionInterface(SessionInterface):
    """Sessions in table web_session; the cookie gets Secure whenever the request came in over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or (has_request_context() and request.is_secure)

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        if request.path.startswith(_STATIC_PREFIXES):
            return ServerSession(static=True)
        token = request.cookies.get(self.get_cookie_name(app))
        if not token:
            return ServerSession()
        with session_scope(app.config[CONFIG_KEY]) as s:
            stored = web_sessions.load(s, token)
        if stored is None:
            return ServerSession(stale_cookie=True)
        return ServerSession(stored.data, stored.id, stored.csrf)

    def save_session(self, app: Flask, session: ServerSession, response: Response) -> None:  # noqa: C901
        if not isinstance(session, ServerSession) or session.static:
            return
        name, domain, path = self.get_cookie_name(app), self.get_cookie_domain(app), self.get_cookie_path(app)
        url = app.config[CONFIG_KEY]
        if session.ended is not None:
            with session_scope(url) as s:
                web_sessions.end(s, session.ended)
            session.ended = None
        if not session.signed_in:
            if session.stale_cookie or request.cookies.get(name):
                response.delete_cookie(name, domain=domain, path=path, secure=self.get_cookie_secure(app),
                                       samesite=self.get_cookie_samesite(app), httponly=True)
            return
        lifetime: timedelta = app.permanent_session_lifetime
        if session.sid is None:
            with session_scope(url) as s:
                web_sessions.purge_expired(s)
                # the CSRF secret this request's after_request already put in the CSRF cookie
                token, stored = web_sessions.create(s, int(session[USER_KEY]), dict(session), lifetime,
                                                    csrf=session.csrf_secret)
            session.sid = stored.id
            response.set_cookie(name, token, expires=datetime.now(UTC) + lifetime, httponly=True, domain=domain,
                                path=path, secure=self.get_cookie_secure(app), samesite=self.get_cookie_samesite(app))
            response.vary.add("Cookie")
            return
        if session.modified:
            with session_scope(url) as s:
                web_sessions.save_data(s, session.sid, dict(session))
        response.vary.add("Cookie")
