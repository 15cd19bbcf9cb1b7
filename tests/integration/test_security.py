"""Web security of the whole app (dashboard/security.py): CSRF on every state-changing request, Dash callbacks
included, and the security headers on every kind of response. Runs the app as `python app.py` builds it, through
Flask's test client, on its own demo database."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData, func, select

from dashboard.data import CONFIG_KEY
from dashboard.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    content_security_policy,
    csrf_token,
    protect_server,
)
from db.session import get_engine
from settings import Settings

UPDATE = "/_dash-update-component"
# The router's callback: renders the page for a pathname (read-only, answers 200 on the demo).
ROUTER_CALL = {
    "output": "..page-content.children...page-title.data..",
    "outputs": [{"id": "page-content", "property": "children"}, {"id": "page-title", "property": "data"}],
    "inputs": [{"id": "url", "property": "pathname", "value": "/"}],
    "state": [{"id": "url", "property": "search", "value": ""}],
    "changedPropIds": ["url.pathname"],
}


@pytest.fixture
def client(demo_app) -> Iterator[FlaskClient]:  # noqa: ANN001 - a dash.Dash (tests/conftest.py)
    with demo_app.server.test_client() as c:
        yield c


@pytest.fixture
def row_counts(demo_app):  # noqa: ANN001, ANN201 - a dash.Dash; returns a callable
    """A function giving the number of rows in every table of the app's database."""
    engine = get_engine(demo_app.server.config[CONFIG_KEY])
    meta = MetaData()
    meta.reflect(engine)

    def counts() -> dict[str, int]:
        with engine.connect() as conn:
            return {name: conn.scalar(select(func.count()).select_from(table)) for name, table in meta.tables.items()}

    return counts


def _valid_token(client: FlaskClient) -> str:
    """Visit the start page as a browser does; the response sets the CSRF cookie."""
    assert client.get("/").status_code == 200
    cookie = client.get_cookie(CSRF_COOKIE)
    assert cookie is not None
    return cookie.value


def _assert_security_headers(response, path: str) -> None:  # noqa: ANN001 - werkzeug TestResponse
    csp = response.headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp, path
    assert "frame-ancestors 'none'" in csp, path
    assert "object-src 'none'" in csp, path
    assert response.headers.get("X-Content-Type-Options") == "nosniff", path
    assert response.headers.get("X-Frame-Options") == "DENY", path
    assert response.headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", path
    assert "camera=()" in response.headers.get("Permissions-Policy", ""), path


def test_every_kind_of_response_carries_the_security_headers(client: FlaskClient) -> None:
    index = client.get("/")
    html = index.get_data(as_text=True)
    asset = re.search(r'href="(/assets/[^"]+\.css[^"]*)"', html).group(1)
    suite = re.search(r'src="(/_dash-component-suites/[^"]+)"', html).group(1)
    cases = {
        "/": 200,
        "/programma/sociaal-en-vitaal": 200,
        asset: 200,
        suite: 200,
        "/_dash-layout": 200,
        "/_dash-dependencies": 200,
        "/download/wijken.csv?gemeente=GM0141&indicator=wmo-clienten": 200,
        "/download/bestaat-niet.csv": 404,
        "/kwartaal/2026-Q3.xlsx": 200,
        "/kwartaal/2026-Q9.pdf": 404,
        "/_dash-component-suites/dash/bestaat-niet.js": 500,  # Dash raises: an error page
    }
    for path, status in cases.items():
        response = client.get(path)
        assert response.status_code == status, path
        _assert_security_headers(response, path)
        assert "Strict-Transport-Security" not in response.headers, path  # plain http
    refused = client.post("/download/wijken.csv")
    assert refused.status_code == 403
    _assert_security_headers(refused, "POST /download/wijken.csv")


def test_policy_allows_every_inline_script_of_the_page_and_nothing_else(client: FlaskClient) -> None:
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    frames = directives["frame-src"].split()
    assert "https://www.youtube-nocookie.com" in frames and all(f.startswith("https://") for f in frames)
    assert directives["img-src"] == "'self' data: blob:"
    html = response.get_data(as_text=True)
    inline = [m.group(2) for m in re.finditer(r"<script([^>]*)>(.*?)</script>", html, re.S)
              if "src=" not in m.group(1) and "application/json" not in m.group(1)]
    assert len(inline) >= 2  # the clientside callbacks and the renderer
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in directives["script-src"]


def test_hsts_only_over_tls(client: FlaskClient) -> None:
    assert "Strict-Transport-Security" not in client.get("/").headers
    # without TRUST_PROXY a forwarded scheme does not count
    assert "Strict-Transport-Security" not in client.get("/", headers={"X-Forwarded-Proto": "https"}).headers
    secure = client.get("/", base_url="https://dashboard.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Secure" in secure.headers["Set-Cookie"]


def _bare_server(settings: Settings) -> Flask:
    server = Flask("security-test")
    server.config["SECRET_KEY"] = "test-secret"

    @server.route("/", methods=["GET", "POST"])
    def index() -> str:
        return csrf_token()

    protect_server(server, settings)
    return server


def test_behind_a_trusted_proxy_the_forwarded_scheme_counts() -> None:
    trusted = _bare_server(Settings(trust_proxy=True)).test_client()
    over_tls = trusted.get("/", headers={"X-Forwarded-Proto": "https"})
    assert over_tls.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Secure" in over_tls.headers["Set-Cookie"]
    assert "Strict-Transport-Security" not in trusted.get("/", headers={"X-Forwarded-Proto": "http"}).headers
    untrusted = _bare_server(Settings(trust_proxy=False)).test_client()
    assert "Strict-Transport-Security" not in untrusted.get("/", headers={"X-Forwarded-Proto": "https"}).headers


def test_callback_without_token_is_refused_and_changes_nothing(client: FlaskClient, row_counts) -> None:  # noqa: ANN001
    before = row_counts()
    response = client.post(UPDATE, json=ROUTER_CALL)
    assert response.status_code == 403
    assert response.mimetype == "application/json"
    assert "geweigerd" in response.get_json()["message"]
    assert row_counts() == before


def test_callback_needs_the_header_to_repeat_a_signed_cookie(client: FlaskClient) -> None:
    token = _valid_token(client)
    assert client.post(UPDATE, json=ROUTER_CALL).status_code == 403  # cookie, no header
    assert client.post(UPDATE, json=ROUTER_CALL, headers={CSRF_HEADER: token[:-2] + "xx"}).status_code == 403
    assert client.post(UPDATE, json=ROUTER_CALL, headers={CSRF_HEADER: ""}).status_code == 403
    ok = client.post(UPDATE, json=ROUTER_CALL, headers={CSRF_HEADER: token})
    assert ok.status_code == 200
    assert "page-content" in ok.get_json()["response"]


def test_forged_cookie_with_matching_header_is_refused(client: FlaskClient) -> None:
    forged = "made-up-token"
    client.set_cookie(CSRF_COOKIE, forged)
    assert client.post(UPDATE, json=ROUTER_CALL, headers={CSRF_HEADER: forged}).status_code == 403
    # signed with another key
    other = _bare_server(Settings()).test_client()
    foreign = other.get("/").get_data(as_text=True)
    client.set_cookie(CSRF_COOKIE, foreign)
    assert client.post(UPDATE, json=ROUTER_CALL, headers={CSRF_HEADER: foreign}).status_code == 403
    # the refusal hands out a fresh valid cookie, so the page's next callback works
    fresh = client.get_cookie(CSRF_COOKIE).value
    assert fresh != foreign
    assert client.post(UPDATE, json=ROUTER_CALL, headers={CSRF_HEADER: fresh}).status_code == 200


def test_cookie_is_readable_by_the_page_and_same_site() -> None:
    client = _bare_server(Settings()).test_client()
    set_cookie = client.get("/").headers["Set-Cookie"]
    assert set_cookie.startswith(f"{CSRF_COOKIE}=")
    assert "SameSite=Lax" in set_cookie and "Path=/" in set_cookie
    assert "HttpOnly" not in set_cookie  # dash-renderer reads it from document.cookie
    assert "Secure" not in set_cookie  # plain http
    # a valid cookie is kept, not replaced; the view's csrf_token() is the cookie's value
    again = client.get("/")
    assert "Set-Cookie" not in again.headers
    assert again.get_data(as_text=True) == client.get_cookie(CSRF_COOKIE).value


def test_plain_posts_need_the_form_field_or_header(client: FlaskClient, row_counts) -> None:  # noqa: ANN001
    before = row_counts()
    form = {"email": "iemand@example.nl", "wachtwoord": "fout", "volgende": "/"}
    for path in ("/inloggen", "/uitloggen", "/download/wijken.csv", "/kwartaal/2026-Q3.pdf", "/"):
        response = client.post(path, data=form)
        assert response.status_code == 403, path
        assert response.mimetype == "text/html"
        assert "Verzoek geweigerd" in response.get_data(as_text=True)
    for method in (client.put, client.patch, client.delete):
        assert method("/inloggen").status_code == 403
    assert row_counts() == before
    token = _valid_token(client)
    assert client.post("/inloggen", data={**form, CSRF_FIELD: "verkeerd"}).status_code == 403
    # With the token the sign-in view runs (empty fields: it answers without recording an attempt, so the shared
    # app's rate limit stays untouched for the browser tests).
    empty = {"email": "", "wachtwoord": ""}
    assert client.post("/inloggen", data={**empty, CSRF_FIELD: token}).status_code == 303
    assert client.post("/inloggen", data=empty, headers={CSRF_HEADER: token}).status_code == 303
    assert row_counts() == before


def test_policy_text() -> None:
    policy = content_security_policy(["'sha256-abc='"])
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self' 'sha256-abc='"
    assert directives["default-src"] == "'self'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"  # dash-renderer, dcc, dash_table and plotly add <style>
    assert directives["img-src"] == "'self' data: blob:"
    assert directives["media-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
