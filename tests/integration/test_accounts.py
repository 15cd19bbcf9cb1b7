"""Accounts and sign-in: argon2id hashes, authenticate with its rate limit (SQLite and PostgreSQL), the `allowed`
matrix for every role and action, the web routes (sign-in, refusal without e-mail enumeration, `volgende`,
expiry, session_version, sign-out, REQUIRE_SIGN_IN) and the `python -m db.accounts` command line."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from argon2 import PasswordHasher
from flask import Flask
from sqlalchemy import delete, select

from dashboard import texts
from db import accounts
from db.accounts import (
    ACTIONS,
    LOCK_WINDOW,
    MAX_FAILURES_PER_EMAIL,
    MAX_FAILURES_PER_IP,
    AccountError,
    Grant,
    allowed,
    authenticate,
    create_user,
    deactivate_user,
    find_user,
    grant_role,
    set_password,
)
from db.migrate import upgrade
from db.models import Programme, Region, RoleGrant, SignInAttempt, User
from db.session import get_engine, session_scope
from indicators.enums import Action, Refusal, RegionKind, Role
from settings import Settings
from tests.dash_tree import components

PROJECT = Path(__file__).resolve().parents[2]
PASSWORD = "correct paard batterij"
NOW = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("cheap_hashing")  # tests/integration/conftest.py


def _programmes(url: str, *slugs: str) -> dict[str, int]:
    with session_scope(url) as s:
        region = Region(code="GM0141", name="Almelo", kind=RegionKind.MUNICIPALITY)
        s.add(region)
        s.flush()
        progs = [Programme(slug=slug, name=slug.title(), start_year=2024, end_year=2027, baseline_year=2023,
                           region_id=region.id) for slug in slugs]
        s.add_all(progs)
        s.flush()
        return {p.slug: p.id for p in progs}


def _user(url: str, email: str = "anna@gemeente.nl", name: str = "Anna de Vries", password: str = PASSWORD) -> int:
    with session_scope(url) as s:
        return create_user(s, email, name, password).id


# --- accounts on SQLite and PostgreSQL ---------------------------------------------------------------------------


def test_password_is_stored_as_argon2id_and_email_lower_case(db_url: str) -> None:
    _user(db_url, email="  Anna@Gemeente.NL ")
    with session_scope(db_url) as s:
        user = s.scalar(select(User))
        assert user.email == "anna@gemeente.nl"
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash
        assert user.is_active and user.session_version == 1


def test_create_user_refuses_duplicate_bad_address_and_short_password(db_url: str) -> None:
    _user(db_url)
    with session_scope(db_url) as s:
        with pytest.raises(AccountError, match="al een account"):
            create_user(s, "ANNA@gemeente.nl", "Anna", PASSWORD)
        with pytest.raises(AccountError, match="geen geldig e-mailadres"):
            create_user(s, "anna", "Anna", PASSWORD)
        with pytest.raises(AccountError, match="te kort"):
            create_user(s, "bob@gemeente.nl", "Bob", "kort-11-tkn")
        create_user(s, "bob@gemeente.nl", "Bob", "precies-12-t")


def test_authenticate_accepts_the_right_password_in_any_case_of_address(db_url: str) -> None:
    uid = _user(db_url)
    with session_scope(db_url) as s:
        user = authenticate(s, " ANNA@gemeente.nl", PASSWORD, "10.0.0.1", NOW)
        assert isinstance(user, User) and user.id == uid
        assert user.last_login_at is not None
    with session_scope(db_url) as s:
        attempt = s.scalar(select(SignInAttempt))
        assert (attempt.email, attempt.ip, attempt.succeeded) == ("anna@gemeente.nl", "10.0.0.1", True)


def test_unknown_address_wrong_password_and_inactive_account_get_the_same_refusal(db_url: str) -> None:
    _user(db_url)
    _user(db_url, email="oud@gemeente.nl", name="Oud")
    with session_scope(db_url) as s:
        deactivate_user(s, find_user(s, "oud@gemeente.nl"))
    with session_scope(db_url) as s:
        assert authenticate(s, "anna@gemeente.nl", "verkeerd wachtwoord", "10.0.0.1", NOW) is Refusal.INVALID
        assert authenticate(s, "niemand@gemeente.nl", PASSWORD, "10.0.0.1", NOW) is Refusal.INVALID
        assert authenticate(s, "oud@gemeente.nl", PASSWORD, "10.0.0.1", NOW) is Refusal.INVALID
        assert authenticate(s, "anna@gemeente.nl", "", "10.0.0.1", NOW) is Refusal.INVALID


def test_rate_limit_per_address_refuses_even_the_right_password_until_the_window_ends(db_url: str) -> None:
    _user(db_url)
    with session_scope(db_url) as s:
        for i in range(MAX_FAILURES_PER_EMAIL):
            assert authenticate(s, "anna@gemeente.nl", "fout", f"10.0.0.{i}", NOW + timedelta(seconds=i)) \
                is Refusal.INVALID
        assert authenticate(s, "anna@gemeente.nl", PASSWORD, "10.9.9.9", NOW + timedelta(minutes=1)) \
            is Refusal.LOCKED
        # an unknown address locks the same way, so the lock does not tell which addresses exist
        for _ in range(MAX_FAILURES_PER_EMAIL):
            authenticate(s, "niemand@gemeente.nl", "fout", "10.0.1.1", NOW)
        assert authenticate(s, "niemand@gemeente.nl", "fout", "10.0.1.1", NOW) is Refusal.LOCKED
        later = NOW + timedelta(seconds=MAX_FAILURES_PER_EMAIL) + LOCK_WINDOW
        assert isinstance(authenticate(s, "anna@gemeente.nl", PASSWORD, "10.9.9.9", later), User)


def test_a_success_starts_the_count_per_address_again(db_url: str) -> None:
    _user(db_url)
    with session_scope(db_url) as s:
        t = NOW
        for _ in range(MAX_FAILURES_PER_EMAIL - 1):
            t += timedelta(seconds=1)
            authenticate(s, "anna@gemeente.nl", "fout", "10.0.0.1", t)
        assert isinstance(authenticate(s, "anna@gemeente.nl", PASSWORD, "10.0.0.1", t + timedelta(seconds=1)), User)
        t += timedelta(seconds=2)
        for _ in range(MAX_FAILURES_PER_EMAIL - 1):
            t += timedelta(seconds=1)
            authenticate(s, "anna@gemeente.nl", "fout", "10.0.0.1", t)
        assert isinstance(authenticate(s, "anna@gemeente.nl", PASSWORD, "10.0.0.1", t + timedelta(seconds=1)), User)


def test_rate_limit_per_ip_address(db_url: str) -> None:
    _user(db_url)
    with session_scope(db_url) as s:
        for i in range(MAX_FAILURES_PER_IP):
            authenticate(s, f"gok{i}@gemeente.nl", "fout", "192.0.2.7", NOW)
        assert authenticate(s, "anna@gemeente.nl", PASSWORD, "192.0.2.7", NOW) is Refusal.LOCKED
        assert isinstance(authenticate(s, "anna@gemeente.nl", PASSWORD, "192.0.2.8", NOW), User)


def test_password_is_rehashed_when_the_parameters_change(db_url: str) -> None:
    uid = _user(db_url)
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)  # other parameters than HASHER's
    with session_scope(db_url) as s:
        s.get(User, uid).password_hash = weak.hash(PASSWORD)
    with session_scope(db_url) as s:
        assert isinstance(authenticate(s, "anna@gemeente.nl", PASSWORD, "10.0.0.1", NOW), User)
    with session_scope(db_url) as s:
        new_hash = s.get(User, uid).password_hash
        assert new_hash.startswith("$argon2id$") and "m=8192" not in new_hash
        assert not accounts.HASHER.check_needs_rehash(new_hash)


def test_new_password_and_deactivation_raise_the_session_version(db_url: str) -> None:
    uid = _user(db_url)
    with session_scope(db_url) as s:
        user = s.get(User, uid)
        set_password(s, user, "een nieuw wachtwoord")
        assert user.session_version == 2
        deactivate_user(s, user)
        assert (user.session_version, user.is_active) == (3, False)


def test_role_grants_per_programme(db_url: str) -> None:
    ids = _programmes(db_url, "armoede", "jeugd")
    uid = _user(db_url)
    with session_scope(db_url) as s:
        user = s.get(User, uid)
        with pytest.raises(AccountError, match="per programma"):
            grant_role(s, user, Role.EDITOR)
        with pytest.raises(AccountError, match="alle programma's"):
            grant_role(s, user, Role.ADMIN, ids["armoede"])
        grant_role(s, user, Role.EDITOR, ids["armoede"])
        grant_role(s, user, Role.EDITOR, ids["armoede"])  # idempotent
        grant_role(s, user, Role.APPROVER, ids["jeugd"])
        grant_role(s, user, Role.VIEWER)
        grant_role(s, user, Role.VIEWER)
    with session_scope(db_url) as s:
        grants = {(g.role, g.programme_id) for g in s.get(User, uid).grants}
        assert len(s.get(User, uid).grants) == 3
        assert grants == {(Role.EDITOR, ids["armoede"]), (Role.APPROVER, ids["jeugd"]), (Role.VIEWER, None)}


# --- the permission rule -----------------------------------------------------------------------------------------

OWN, OTHER = 1, 2
GRANTS: dict[str, frozenset[Grant] | None] = {
    "anoniem": None,
    "account zonder rol": frozenset(),
    "viewer": frozenset({Grant(Role.VIEWER)}),
    "editor": frozenset({Grant(Role.EDITOR, OWN)}),
    "approver": frozenset({Grant(Role.APPROVER, OWN)}),
    "admin": frozenset({Grant(Role.ADMIN)}),
}
# who may do what: (own programme, other programme, no programme named)
MATRIX: dict[str, dict[Action, tuple[bool, bool, bool]]] = {
    "anoniem": {Action.READ_PUBLISHED: (True, True, True)},
    "account zonder rol": {Action.READ_PUBLISHED: (True, True, True)},
    "viewer": {Action.READ_PUBLISHED: (True, True, True)},
    "editor": {Action.READ_PUBLISHED: (True, True, True), Action.READ_UNPUBLISHED: (True, False, False),
               Action.EDIT: (True, False, False)},
    "approver": {Action.READ_PUBLISHED: (True, True, True), Action.READ_UNPUBLISHED: (True, False, False),
                 Action.APPROVE: (True, False, False)},
    "admin": {action: (True, True, True) for action in Action},
}


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("who", list(GRANTS))
def test_allowed_matrix(who: str, action: Action) -> None:
    expected = MATRIX[who].get(action, (False, False, False))
    got = tuple(allowed(GRANTS[who], action, programme) for programme in (OWN, OTHER, None))
    assert got == expected, f"{who} / {action.value}: own, other, none"
    # with sign-in required only anonymous visitors lose anything: everything
    required = tuple(allowed(GRANTS[who], action, p, sign_in_required=True) for p in (OWN, OTHER, None))
    assert required == ((False, False, False) if who == "anoniem" else expected)


def test_every_action_is_documented() -> None:
    assert set(ACTIONS) == set(Action)
    assert allowed(frozenset({Grant(Role.EDITOR, OWN), Grant(Role.APPROVER, OTHER)}), "approve", OTHER)


# --- the web routes ----------------------------------------------------------------------------------------------


@pytest.fixture
def sqlite_url(tmp_path: Path):  # noqa: ANN201
    url = f"sqlite:///{tmp_path / 'accounts.db'}"
    upgrade(url)
    yield url
    get_engine(url).dispose()


def auth_client(url: str, require: bool = False, hours: float = 8):  # noqa: ANN201 - flask.testing.FlaskClient
    """The sign-in routes and the guard on a bare Flask server, with stand-ins for Dash's routes. Not through
    create_app: the first Dash app that answers a request takes over the process-wide callback registrations (see
    test_quarter.download_client); test_real_app_in_a_subprocess covers the wiring."""
    from dashboard.auth import current_user, install_auth
    from dashboard.auth import require as require_action
    from dashboard.data import CONFIG_KEY
    from dashboard.downloads import register_downloads
    from dashboard.exports.routes import register_quarter_routes

    server = Flask("auth-test")
    server.config[CONFIG_KEY] = url
    server.config["SECRET_KEY"] = "test-secret"
    install_auth(server, Settings(database_url=url, require_sign_in=require, session_hours=hours))
    register_downloads(server)
    register_quarter_routes(server)
    server.add_url_rule("/_dash-layout", "layout", lambda: "layout")
    server.add_url_rule("/_dash-update-component", "update", lambda: "callback", methods=["POST"])
    server.add_url_rule("/wie", "who", lambda: (current_user().name if current_user() else "anoniem"))
    server.add_url_rule("/mag/<action>/<int:programme_id>", "may",
                        lambda action, programme_id: f"ja, {require_action(action, programme_id).name}")
    server.add_url_rule("/", "index", lambda: "pagina")
    server.add_url_rule("/<path:path>", "page", lambda path: "pagina")
    return server.test_client()


def _csrf(client) -> str:  # noqa: ANN001
    """The CSRF cookie's value after a GET (empty when no CSRF protection is installed on this server)."""
    client.get("/inloggen")
    cookie = client.get_cookie("_csrf_token")
    return cookie.value if cookie else ""


def sign_in(client, email: str = "anna@gemeente.nl", password: str = PASSWORD, volgende: str | None = "/wijken",
            **environ):  # noqa: ANN001, ANN201
    data = {"email": email, "wachtwoord": password, "csrf_token": _csrf(client)}
    if volgende is not None:
        data["volgende"] = volgende
    return client.post("/inloggen", data=data, **environ)


def _query(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def test_sign_in_sets_a_safe_session_cookie_and_goes_to_volgende(sqlite_url: str) -> None:
    _user(sqlite_url)
    client = auth_client(sqlite_url)
    assert client.get("/wie").text == "anoniem"
    response = sign_in(client)
    assert response.status_code == 303 and response.headers["Location"] == "/wijken"
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("perspectief_sessie="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie and "Expires=" in cookie
    assert client.get("/wie").text == "Anna de Vries"

    secure = auth_client(sqlite_url)
    response = sign_in(secure, base_url="https://localhost")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("perspectief_sessie="))
    assert "Secure" in cookie


def test_refusals_never_tell_whether_the_address_exists(sqlite_url: str) -> None:
    from dashboard.pages import signin
    from dashboard.texts import SIGNIN_ERRORS

    _user(sqlite_url)
    client = auth_client(sqlite_url)
    wrong = sign_in(client, password="verkeerd wachtwoord")
    unknown = sign_in(client, email="niemand@gemeente.nl")
    assert wrong.status_code == unknown.status_code == 303
    assert wrong.headers["Location"] == unknown.headers["Location"]
    assert _query(wrong.headers["Location"]) == {"fout": "onjuist", "volgende": "/wijken"}
    assert _query(sign_in(client, password="").headers["Location"])["fout"] == "leeg"
    assert client.get("/wie").text == "anoniem"
    # what the page then shows: one Dutch message in an alert next to the form
    with _page_context():
        page = components(signin.layout(fout="onjuist", volgende="/wijken"))
    alerts = [c for c in page if getattr(c, "role", None) == "alert"]
    assert [a.children for a in alerts] == [SIGNIN_ERRORS["onjuist"]]
    assert [c.value for c in page if getattr(c, "name", None) == "volgende"] == ["/wijken"]


def _page_context():  # noqa: ANN202
    from dashboard.data import CONFIG_KEY

    server = Flask("page")
    server.config.update({"SECRET_KEY": "test-secret", CONFIG_KEY: "sqlite://"})
    return server.test_request_context("/inloggen")


def test_sign_in_page_has_labelled_fields_and_no_error_without_a_code(sqlite_url: str) -> None:
    from dashboard.pages import signin

    with _page_context():
        page = components(signin.layout(fout="onbekende-code", volgende="//evil.example"))
    assert not [c for c in page if getattr(c, "role", None) == "alert"]
    labels = {c.htmlFor for c in page if type(c).__name__ == "Label"}
    fields = {c.id: c for c in page if type(c).__name__ == "Input" and getattr(c, "id", None)}
    assert labels == set(fields) == {"inloggen-email", "inloggen-wachtwoord"}
    assert (fields["inloggen-email"].type, fields["inloggen-wachtwoord"].type) == ("email", "password")
    hidden = {c.name: c.value for c in page if getattr(c, "type", None) == "hidden"}
    assert hidden["volgende"] == "/" and hidden["csrf_token"]
    forms = [c for c in page if type(c).__name__ == "Form"]
    assert [(f.method, f.action) for f in forms] == [("post", "/inloggen")]


def test_a_fresh_installation_says_how_to_make_the_first_admin(sqlite_url: str) -> None:
    from dashboard.data import CONFIG_KEY
    from dashboard.pages import signin

    server = Flask("page")
    server.config.update({"SECRET_KEY": "test-secret", CONFIG_KEY: sqlite_url})

    def texts_shown() -> str:
        with server.test_request_context("/inloggen"):
            return " ".join(str(getattr(c, "children", "")) for c in components(signin.layout()))

    assert texts.SIGNIN_FIRST_ADMIN in texts_shown() and "maak-beheerder" in texts_shown()
    _user(sqlite_url)
    assert texts.SIGNIN_FIRST_ADMIN not in texts_shown()


def test_rate_limit_through_the_web(sqlite_url: str) -> None:
    _user(sqlite_url)
    client = auth_client(sqlite_url)
    for _ in range(MAX_FAILURES_PER_EMAIL):
        assert _query(sign_in(client, password="verkeerd wachtwoord").headers["Location"])["fout"] == "onjuist"
    assert _query(sign_in(client).headers["Location"])["fout"] == "geblokkeerd"
    assert client.get("/wie").text == "anoniem"


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example", "http:/evil.example", "/\\evil.example",
                                    "javascript:alert(1)", "evil.example", "/\t/evil.example", "/inloggen", ""])
def test_volgende_only_takes_local_paths(sqlite_url: str, target: str) -> None:
    _user(sqlite_url)
    client = auth_client(sqlite_url)
    assert sign_in(client, volgende=target).headers["Location"] == "/"
    refused = sign_in(client, password="verkeerd wachtwoord", volgende=target)
    assert "volgende" not in _query(refused.headers["Location"])


def test_volgende_keeps_a_local_path_with_its_query(sqlite_url: str) -> None:
    _user(sqlite_url)
    target = "/programma/zorg-en-veiligheid?vergelijk=NL01,GM0153"
    assert sign_in(auth_client(sqlite_url), volgende=target).headers["Location"] == target


def test_session_ends_after_session_hours(sqlite_url: str) -> None:
    _user(sqlite_url)
    client = auth_client(sqlite_url, hours=8)
    sign_in(client)
    with client.session_transaction() as sess:
        sess["at"] = int(time.time()) - 7 * 3600
    assert client.get("/wie").text == "Anna de Vries"
    with client.session_transaction() as sess:
        sess["at"] = int(time.time()) - 8 * 3600 - 60
    assert client.get("/wie").text == "anoniem"
    with client.session_transaction() as sess:
        assert "uid" not in sess
    # a sign-in time in the future is a forged or broken cookie
    sign_in(client)
    with client.session_transaction() as sess:
        sess["at"] = int(time.time()) + 3600
    assert client.get("/wie").text == "anoniem"


def test_expired_session_with_sign_in_required_says_so(sqlite_url: str) -> None:
    _user(sqlite_url)
    client = auth_client(sqlite_url, require=True)
    sign_in(client)
    assert client.get("/wijken").status_code == 200
    with client.session_transaction() as sess:
        sess["at"] = int(time.time()) - 9 * 3600
    response = client.get("/wijken")
    assert response.status_code == 303
    assert _query(response.headers["Location"]) == {"fout": "verlopen", "volgende": "/wijken"}


def test_new_password_or_deactivation_ends_open_sessions(sqlite_url: str) -> None:
    uid = _user(sqlite_url)
    client = auth_client(sqlite_url)
    sign_in(client)
    with session_scope(sqlite_url) as s:
        set_password(s, s.get(User, uid), "een nieuw wachtwoord")
    assert client.get("/wie").text == "anoniem"
    sign_in(client, password="een nieuw wachtwoord")
    assert client.get("/wie").text == "Anna de Vries"
    with session_scope(sqlite_url) as s:
        deactivate_user(s, s.get(User, uid))
    assert client.get("/wie").text == "anoniem"
    assert _query(sign_in(client, password="een nieuw wachtwoord").headers["Location"])["fout"] == "onjuist"


def test_sign_out(sqlite_url: str) -> None:
    _user(sqlite_url)
    client = auth_client(sqlite_url)
    sign_in(client)
    response = client.post("/uitloggen", data={"csrf_token": _csrf(client)})
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert client.get("/wie").text == "anoniem"


def test_require_answers_401_for_anonymous_and_403_outside_the_own_programme(sqlite_url: str) -> None:
    ids = _programmes(sqlite_url, "armoede", "jeugd")
    uid = _user(sqlite_url)
    with session_scope(sqlite_url) as s:
        grant_role(s, s.get(User, uid), Role.EDITOR, ids["armoede"])
    client = auth_client(sqlite_url)
    assert client.get(f"/mag/edit/{ids['armoede']}").status_code == 401
    sign_in(client)
    assert client.get(f"/mag/edit/{ids['armoede']}").text == "ja, Anna de Vries"
    assert client.get(f"/mag/edit/{ids['jeugd']}").status_code == 403
    assert client.get(f"/mag/approve/{ids['armoede']}").status_code == 403
    with session_scope(sqlite_url) as s:  # a grant taken away counts from the next request on
        s.execute(delete(RoleGrant).where(RoleGrant.user_id == uid))
    assert client.get(f"/mag/edit/{ids['armoede']}").status_code == 403


def _callback(outputs: list[str], pathname: str = "/") -> dict:
    return {"outputs": [{"id": o, "property": "children"} for o in outputs],
            "inputs": [{"id": "url", "property": "pathname", "value": pathname}]}


def test_without_require_sign_in_everything_published_is_open(sqlite_url: str) -> None:
    client = auth_client(sqlite_url, require=False)
    assert client.get("/").status_code == 200
    assert client.get("/programma/armoede").status_code == 200
    assert client.get("/download/trend.csv?indicator=x").status_code != 303
    assert client.get("/kwartaal/2026-Q3.pdf").status_code != 303
    assert client.post("/_dash-update-component", json=_callback(["page-content", "page-title"])).status_code == 200


def test_require_sign_in_keeps_anonymous_visitors_out(sqlite_url: str) -> None:
    _user(sqlite_url)
    client = auth_client(sqlite_url, require=True)
    for path in ("/", "/programma/armoede?vergelijk=NL01", "/download/trend.csv?indicator=x", "/kwartaal/2026-Q3",
                 "/kwartaal/2026-Q3.pdf", "/wie"):
        response = client.get(path)
        assert response.status_code == 303, path
        location = response.headers["Location"]
        assert urlsplit(location).path == "/inloggen"
        assert _query(location).get("volgende", "/") == path
    # what the sign-in page needs to render
    assert client.get("/inloggen").status_code == 200
    assert client.get("/_dash-layout").status_code == 200
    assert client.get("/assets/10-perspectief.css").status_code != 303
    assert client.post("/_dash-update-component",
                       json=_callback(["page-content", "page-title"], "/inloggen")).status_code == 200
    assert client.post("/_dash-update-component", json=_callback(["account-area"])).status_code == 200
    # and nothing else: other pages through the router, other callbacks, other writes
    assert client.post("/_dash-update-component", json=_callback(["page-content", "page-title"])).status_code == 401
    assert client.post("/_dash-update-component", json=_callback(["resultaten-tabel"])).status_code == 401
    assert client.post("/_dash-update-component", data="geen json").status_code == 401
    assert client.post("/programma/armoede").status_code == 401

    sign_in(client)
    assert client.get("/programma/armoede?vergelijk=NL01").status_code == 200
    assert client.get("/wie").text == "Anna de Vries"
    assert client.post("/_dash-update-component", json=_callback(["page-content", "page-title"])).status_code == 200


APP_SCRIPT = textwrap.dedent("""
    import json, sys
    import app as app_module
    from settings import Settings

    url = sys.argv[1]
    app = app_module.create_app(Settings(database_url=url, load_demo=False, require_sign_in=True))
    client = app.server.test_client()
    out = {"anonymous": client.get("/wijken").status_code, "signin_page": client.get("/inloggen").status_code}
    cookie = client.get_cookie("_csrf_token")
    token = cookie.value if cookie else ""
    out["no_token"] = client.post("/inloggen", data={"email": "anna@gemeente.nl", "wachtwoord": sys.argv[2]}
                                  ).status_code
    r = client.post("/inloggen", data={"email": "anna@gemeente.nl", "wachtwoord": sys.argv[2],
                                       "volgende": "/wijken", "csrf_token": token})
    out["signed_in"] = [r.status_code, r.headers.get("Location")]
    out["page"] = client.get("/wijken").status_code
    body = {"output": "account-area.children", "outputs": {"id": "account-area", "property": "children"},
            "inputs": [{"id": "url", "property": "pathname", "value": "/wijken"}],
            "state": [{"id": "url", "property": "search", "value": ""}], "changedPropIds": ["url.pathname"]}
    cookie = client.get_cookie("_csrf_token")  # renewed at sign-in: the token is bound to the new session
    headers = {"X-CSRFToken": cookie.value} if cookie else {}
    out["account"] = client.post("/_dash-update-component", json=body, headers=headers).get_data(as_text=True)
    out["csrf"] = bool(token)
    print(json.dumps(out))
""")


def test_real_app_in_a_subprocess(sqlite_url: str) -> None:
    """create_app wires sign-in in: the guard, the POST route (with CSRF when installed) and the header."""
    import json

    _user(sqlite_url)
    done = subprocess.run([sys.executable, "-c", APP_SCRIPT, sqlite_url, PASSWORD], cwd=PROJECT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(PROJECT)})
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["anonymous"] == 303 and out["signin_page"] == 200
    if out["csrf"]:
        assert out["no_token"] == 403
    assert out["signed_in"] == [303, "/wijken"]
    assert out["page"] == 200
    assert "Ingelogd als Anna de Vries" in out["account"] and "Uitloggen" in out["account"]


# --- the command line --------------------------------------------------------------------------------------------


def run_cli(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "db.accounts", *args], cwd=PROJECT, input=stdin,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(PROJECT)})


def _clean_refusal(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    assert "Geweigerd" in done.stderr and words in done.stderr, done.stderr


def test_cli_creates_the_first_admin_and_refuses_cleanly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leeg.db'}"  # not even migrated: the command does that
    done = run_cli(url, "maak-beheerder", "--email", "Beheer@Gemeente.nl", "--naam", "Beheerder",
                   "--wachtwoord-stdin", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "beheer@gemeente.nl" in done.stdout
    with session_scope(url) as s:
        user = find_user(s, "beheer@gemeente.nl")
        assert user.password_hash.startswith("$argon2id$")
        assert not PasswordHasher().check_needs_rehash(user.password_hash)  # argon2-cffi's own (RFC 9106) parameters
        assert [(g.role, g.programme_id) for g in user.grants] == [(Role.ADMIN, None)]
        assert isinstance(authenticate(s, "beheer@gemeente.nl", PASSWORD, "127.0.0.1"), User)

    _clean_refusal(run_cli(url, "maak-beheerder", "--email", "beheer@gemeente.nl", "--naam", "Nog een",
                           "--wachtwoord-stdin", stdin=PASSWORD + "\n"), "al een account")
    _clean_refusal(run_cli(url, "maak-beheerder", "--email", "tweede@gemeente.nl", "--naam", "Kort",
                           "--wachtwoord-stdin", stdin="elf tekens.\n"), "te kort")
    _clean_refusal(run_cli(url, "maak-beheerder", "--email", "geen-adres", "--naam", "X",
                           "--wachtwoord-stdin", stdin=PASSWORD + "\n"), "geen geldig e-mailadres")
    no_tty = run_cli(url, "maak-beheerder", "--email", "derde@gemeente.nl", "--naam", "Derde")
    assert no_tty.returncode != 0 and "Traceback" not in no_tty.stderr
    get_engine(url).dispose()


def test_cli_adds_editors_per_programme_and_lists_roles(sqlite_url: str) -> None:
    _programmes(sqlite_url, "armoede", "jeugd")
    done = run_cli(sqlite_url, "gebruiker-toevoegen", "--email", "ed@gemeente.nl", "--naam", "Ed", "--rol", "editor",
                   "--programma", "armoede", "--programma", "jeugd", "--wachtwoord-stdin", stdin=PASSWORD)
    assert done.returncode == 0, done.stderr
    _clean_refusal(run_cli(sqlite_url, "gebruiker-toevoegen", "--email", "x@gemeente.nl", "--naam", "X", "--rol",
                           "editor", "--programma", "bestaat-niet", "--wachtwoord-stdin", stdin=PASSWORD),
                   "geen programma")
    _clean_refusal(run_cli(sqlite_url, "gebruiker-toevoegen", "--email", "y@gemeente.nl", "--naam", "Y", "--rol",
                           "approver", "--wachtwoord-stdin", stdin=PASSWORD), "per programma")
    assert run_cli(sqlite_url, "rol-toekennen", "--email", "ED@gemeente.nl", "--rol", "approver",
                   "--programma", "jeugd").returncode == 0
    listing = run_cli(sqlite_url, "rollen")
    assert listing.returncode == 0
    assert "ed@gemeente.nl\tEd\tapprover (jeugd), editor (armoede), editor (jeugd)" in listing.stdout
    assert "x@gemeente.nl" not in listing.stdout and "y@gemeente.nl" not in listing.stdout
    assert run_cli(sqlite_url, "deactiveren", "--email", "ed@gemeente.nl").returncode == 0
    assert "[gedeactiveerd]" in run_cli(sqlite_url, "rollen").stdout


def test_cli_help_is_dutch_and_wrong_use_is_not_a_traceback(sqlite_url: str) -> None:
    done = run_cli(sqlite_url, "--help")
    assert done.returncode == 0 and "Accounts en rollen" in done.stdout and "maak-beheerder" in done.stdout
    assert "gebruik:" in done.stdout and "opties" in done.stdout and "usage" not in done.stdout
    sub = " ".join(run_cli(sqlite_url, "maak-beheerder", "--help").stdout.split())
    assert "--wachtwoord-stdin" in sub and "minstens 12 tekens" in sub
    wrong = run_cli(sqlite_url, "gebruiker-toevoegen", "--email", "a@b.nl")
    assert wrong.returncode == 2 and "fout:" in wrong.stderr and "Traceback" not in wrong.stderr
