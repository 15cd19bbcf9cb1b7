"""Changing one's own password at /account/wachtwoord: db.accounts.change_password on SQLite and PostgreSQL (its
refusals, sign-in's rate limit, the session version), and the web route through the Flask test client – on the real
app (SQLite) and on the sign-in routes with CSRF protection on both databases: the success path ends every other
session but keeps this browser signed in, refusals change nothing and come back as Dutch messages next to their
fields, CSRF and anonymous requests are refused, and no password ever reaches a log, URL or page."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from sqlalchemy import func, select

from dashboard import texts
from dashboard.components import nl
from dashboard.data import CONFIG_KEY
from db import accounts
from db.accounts import MAX_FAILURES_PER_EMAIL, MIN_PASSWORD_LENGTH, change_password, create_user
from db.models import SignInAttempt, User
from db.session import session_scope
from indicators.enums import PasswordProblem
from settings import Settings

OLD = "oud en vertrouwd wachtwoord"
NEW = "een gloednieuw wachtwoord"
PATH = "/account/wachtwoord"
NOW = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)


pytestmark = pytest.mark.usefixtures("cheap_hashing")  # tests/integration/conftest.py


def _user(url: str, password: str = OLD) -> str:
    email = f"wachtwoord-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(url) as s:
        create_user(s, email, "Wim Wachtwoord", password)
    return email


def _hash(url: str, email: str) -> tuple[str, int]:
    with session_scope(url) as s:
        user = accounts.find_user(s, email)
        return user.password_hash, user.session_version


def _failures(url: str, email: str) -> int:
    with session_scope(url) as s:
        return s.scalar(select(func.count()).select_from(SignInAttempt)
                        .where(SignInAttempt.email == email, SignInAttempt.succeeded.is_(False)))


# --- db.accounts.change_password on SQLite and PostgreSQL ---------------------------------------------------------


def _change(url: str, email: str, current: str, new: str, repeat: str | None = None, ip: str = "192.0.2.1",
            now: datetime = NOW) -> list[PasswordProblem]:
    with session_scope(url) as s:
        return change_password(s, accounts.find_user(s, email), current, new, new if repeat is None else repeat, ip,
                               now)


def test_change_password_refusals_change_nothing(db_url: str) -> None:
    email = _user(db_url)
    before = _hash(db_url, email)
    P = PasswordProblem  # noqa: N806 - short, for the table below
    assert _change(db_url, email, "", "", "") == [P.CURRENT_EMPTY, P.NEW_EMPTY]
    assert _change(db_url, email, OLD, "kort") == [P.TOO_SHORT]
    assert _change(db_url, email, OLD, "x" * (accounts.MAX_PASSWORD_LENGTH + 1)) == [P.TOO_LONG]
    assert _change(db_url, email, OLD, OLD) == [P.UNCHANGED]
    assert _change(db_url, email, OLD, NEW, "") == [P.REPEAT_EMPTY]
    assert _change(db_url, email, OLD, NEW, NEW + " ") == [P.MISMATCH]
    assert _change(db_url, email, "niet het wachtwoord", NEW) == [P.CURRENT_WRONG]
    assert _change(db_url, email, "niet het wachtwoord", "kort", "anders") == [P.CURRENT_WRONG, P.TOO_SHORT,
                                                                                P.MISMATCH]
    assert _hash(db_url, email) == before
    assert _failures(db_url, email) == 2  # only the wrong current passwords count, as failed sign-ins


def test_change_password_raises_the_session_version_and_counts_as_a_success(db_url: str) -> None:
    email = _user(db_url)
    old_hash, version = _hash(db_url, email)
    assert _change(db_url, email, "niet het wachtwoord", NEW) == [PasswordProblem.CURRENT_WRONG]
    assert _change(db_url, email, OLD, NEW) == []
    new_hash, new_version = _hash(db_url, email)
    assert new_hash != old_hash and new_hash.startswith("$argon2id$") and new_version == version + 1
    with session_scope(db_url) as s:
        assert isinstance(accounts.authenticate(s, email, OLD, "192.0.2.2", NOW), accounts.Refusal)
        assert isinstance(accounts.authenticate(s, email, NEW, "192.0.2.2", NOW), User)
        assert accounts.is_locked(s, email, "192.0.2.1", NOW) is False


def test_change_password_shares_the_sign_in_lock(db_url: str) -> None:
    email = _user(db_url)
    for _ in range(MAX_FAILURES_PER_EMAIL):
        assert _change(db_url, email, "niet het wachtwoord", NEW) == [PasswordProblem.CURRENT_WRONG]
    # locked: even the right password is refused, nothing is checked or counted, and sign-in is locked as well
    assert _change(db_url, email, OLD, NEW) == [PasswordProblem.LOCKED]
    assert _failures(db_url, email) == MAX_FAILURES_PER_EMAIL
    with session_scope(db_url) as s:
        assert accounts.authenticate(s, email, OLD, "192.0.2.9", NOW) is accounts.Refusal.LOCKED
    assert _hash(db_url, email)[1] == 1
    # the lock ends with sign-in's window
    later = NOW + accounts.LOCK_WINDOW + timedelta(seconds=1)
    assert _change(db_url, email, OLD, NEW, now=later) == []


# --- the web route on both databases (the sign-in routes, the guard and CSRF on a bare Flask server) --------------


def bare_client(url: str):  # noqa: ANN201 - flask.testing.FlaskClient
    """install_auth and the CSRF check on a Flask server with a stand-in for Dash's pages: the real route on any
    database (the whole app, with Dash, is built once per process: see `real` below)."""
    from dashboard.auth import install_auth
    from dashboard.security import protect_server

    server = Flask("password-test")
    server.config.update({CONFIG_KEY: url, "SECRET_KEY": "test-secret"})
    settings = Settings(database_url=url)
    install_auth(server, settings)
    protect_server(server, settings)
    server.add_url_rule("/<path:path>", "page", lambda path: "pagina")
    return server.test_client()


def _token(client) -> str:  # noqa: ANN001
    if client.get_cookie("_csrf_token") is None:
        client.get("/inloggen")
    return client.get_cookie("_csrf_token").value


def sign_in(client, email: str, password: str = OLD):  # noqa: ANN001, ANN201
    return client.post("/inloggen", data={"email": email, "wachtwoord": password, "csrf_token": _token(client),
                                          "volgende": PATH})


def post_change(client, current: str, new: str, repeat: str | None = None, *,  # noqa: ANN001, ANN201
                token: bool | str = True):
    data = {"huidig-wachtwoord": current, "nieuw-wachtwoord": new,
            "nieuw-wachtwoord-herhaald": new if repeat is None else repeat}
    if token is True:
        data["csrf_token"] = _token(client)
    elif token:
        data["csrf_token"] = token
    return client.post(PATH, data=data)


def signed_in(client) -> bool:  # noqa: ANN001
    """Whether the client's session still holds: the page answers, instead of sending it to /inloggen."""
    answer = client.get(PATH)
    assert answer.status_code in (200, 303)
    return answer.status_code == 200


def _query(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def test_web_change_ends_other_sessions_and_keeps_this_one(db_url: str) -> None:
    email = _user(db_url)
    me, other = bare_client(db_url), bare_client(db_url)
    assert sign_in(me, email).status_code == sign_in(other, email).status_code == 303
    assert signed_in(me) and signed_in(other)
    old_cookie = me.get_cookie("perspectief_sessie").value

    answer = post_change(me, OLD, NEW)
    assert answer.status_code == 303 and answer.headers["Location"] == f"{PATH}?gewijzigd=1"
    assert answer.headers["Cache-Control"] == "no-store"
    assert signed_in(me)
    assert me.get_cookie("perspectief_sessie").value != old_cookie  # a fresh session
    assert not signed_in(other)
    stale = bare_client(db_url)  # the session cookie from before the change is worth nothing now
    stale.set_cookie("perspectief_sessie", old_cookie)
    assert not signed_in(stale)

    fresh = bare_client(db_url)
    assert _query(sign_in(fresh, email, OLD).headers["Location"])["fout"] == "onjuist"
    assert sign_in(fresh, email, NEW).headers["Location"] == PATH


def test_web_refusals_and_csrf_on_both_databases(db_url: str) -> None:
    email = _user(db_url)
    client = bare_client(db_url)
    sign_in(client, email)
    before = _hash(db_url, email)
    assert _query(post_change(client, OLD, NEW, "iets anders").headers["Location"]) == {"fout": "ongelijk"}
    assert post_change(client, OLD, NEW, token=False).status_code == 403
    assert post_change(client, OLD, NEW, token="vervalst").status_code == 403
    assert _hash(db_url, email) == before and signed_in(client)


# --- the real app (SQLite) ------------------------------------------------------------------------------------------


@pytest.fixture
def real(demo_app) -> tuple[Any, str]:  # noqa: ANN001 - a dash.Dash
    """The app as `python app.py` builds it (one per process), and its database URL."""
    return demo_app, demo_app.server.config[CONFIG_KEY]


def client_of(app, ip: str | None = None):  # noqa: ANN001, ANN201
    """A test client of the app; failures are counted per IP, so tests that fail on purpose use their own address
    (the other tests of this process share the app's database and 127.0.0.1)."""
    client = app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = ip or f"198.51.100.{uuid.uuid4().int % 250 + 1}"
    client.get("/inloggen")
    return client


def _dash(client, output_part: str, outputs: list[dict] | dict, path: str, search: str = "") -> dict:  # noqa: ANN001
    """A callback whose output contains `output_part`, as the renderer calls it on navigation to `path`."""
    found = [d for d in client.get("/_dash-dependencies").get_json() if output_part in d["output"]]
    assert len(found) == 1, output_part
    body = {"output": found[0]["output"], "outputs": outputs,
            "inputs": [{"id": "url", "property": "pathname", "value": path}],
            "state": [{"id": "url", "property": "search", "value": search}], "changedPropIds": ["url.pathname"]}
    answer = client.post("/_dash-update-component", json=body, headers={"X-CSRFToken": _token(client)})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.get_json()["response"]


def render(client, search: str = "") -> Any:  # noqa: ANN001, ANN401
    """The page the router renders for /account/wachtwoord (as the renderer asks for it)."""
    response = _dash(client, "page-content.children",
                     [{"id": "page-content", "property": "children"}, {"id": "page-title", "property": "data"}],
                     PATH, search)
    return response["page-content"]["children"]


def nodes(tree: Any) -> list[dict]:  # noqa: ANN401
    """Every component of a rendered tree (as JSON), depth first."""
    out, stack = [], [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict) and "props" in node:
            out.append(node)
            stack.append(node["props"].get("children"))
    return out


def text_of(tree: Any) -> str:  # noqa: ANN401
    if isinstance(tree, str):
        return tree
    if isinstance(tree, list):
        return " ".join(text_of(t) for t in tree if t is not None)
    if isinstance(tree, dict):
        return text_of(tree.get("props", {}).get("children"))
    return ""


def test_success_on_the_real_app(real, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    app, url = real
    email = _user(url)
    me, other = client_of(app), client_of(app)
    assert sign_in(me, email).headers["Location"] == PATH
    sign_in(other, email)
    assert signed_in(me) and signed_in(other)

    with caplog.at_level(logging.DEBUG):
        answer = post_change(me, OLD, NEW)
    assert answer.status_code == 303 and answer.headers["Location"] == f"{PATH}?gewijzigd=1"
    for record in caplog.records:
        assert OLD not in record.getMessage() and NEW not in record.getMessage()
    assert signed_in(me) and not signed_in(other)

    page = render(me, "?gewijzigd=1")
    status = [n for n in nodes(page) if n["props"].get("role") == "status"]
    assert len(status) == 1 and texts.PASSWORD_CHANGED in text_of(status[0])
    assert not [n for n in nodes(page) if n["props"].get("role") == "alert"]
    assert OLD not in str(page) and NEW not in str(page)

    fresh = client_of(app)
    assert _query(sign_in(fresh, email, OLD).headers["Location"])["fout"] == "onjuist"
    assert sign_in(fresh, email, NEW).headers["Location"] == PATH and signed_in(fresh)


def _signed_in(real) -> tuple:  # noqa: ANN001
    """(app, url, e-mail, a client signed in as that new account, its password hash before the test)."""
    app, url = real
    email = _user(url)
    client = client_of(app)
    sign_in(client, email)
    return app, url, email, client, _hash(url, email)


def test_wrong_current_password_is_a_counted_failure_and_locks(real) -> None:  # noqa: ANN001
    app, url, email, client, before = _signed_in(real)
    answer = post_change(client, "dit is het niet", NEW)
    assert answer.status_code == 303 and _query(answer.headers["Location"]) == {"fout": "huidig-onjuist"}
    assert "dit is het niet" not in answer.headers["Location"] and NEW not in answer.headers["Location"]
    assert _failures(url, email) == 1 and _hash(url, email) == before

    # what the page then shows: a summary at the top and the message by the field, in Dutch; no password in it
    page = render(client, "?fout=huidig-onjuist")
    message = texts.PASSWORD_ERRORS["huidig-onjuist"]
    alert = [n for n in nodes(page) if n["props"].get("role") == "alert"]
    assert len(alert) == 1 and message in text_of(alert[0]) and texts.PASSWORD_NOT_CHANGED in text_of(alert[0])
    links = [n["props"]["href"] for n in nodes(alert[0]) if n["type"] == "A"]
    assert links == ["#wachtwoord-huidig-wachtwoord"]
    error = next(n for n in nodes(page) if n["props"].get("id") == "wachtwoord-huidig-wachtwoord-fout")
    assert text_of(error) == message and error["props"]["data-describes"] == "wachtwoord-huidig-wachtwoord"
    inputs = {n["props"]["id"]: n["props"] for n in nodes(page) if n["type"] == "Input" and n["props"].get("id")}
    assert set(inputs) == {"wachtwoord-huidig-wachtwoord", "wachtwoord-nieuw-wachtwoord",
                           "wachtwoord-nieuw-wachtwoord-herhaald"}
    assert all(p["type"] == "password" and not p.get("value") for p in inputs.values())
    assert nl.INVALID in inputs["wachtwoord-huidig-wachtwoord"]["className"]
    assert nl.INVALID not in inputs["wachtwoord-nieuw-wachtwoord"]["className"]

    for _ in range(MAX_FAILURES_PER_EMAIL - 1):
        assert _query(post_change(client, "dit is het niet", NEW).headers["Location"])["fout"] == "huidig-onjuist"
    assert _failures(url, email) == MAX_FAILURES_PER_EMAIL
    answer = post_change(client, OLD, NEW)  # the right one, but the account is locked
    assert _query(answer.headers["Location"]) == {"fout": "geblokkeerd"}
    assert _hash(url, email) == before and _failures(url, email) == MAX_FAILURES_PER_EMAIL
    assert texts.SIGNIN_ERRORS["geblokkeerd"] in text_of(render(client, "?fout=geblokkeerd"))
    # the same lock as sign-in's: signing in elsewhere is refused too; this session stays
    assert _query(sign_in(client_of(app), email).headers["Location"])["fout"] == "geblokkeerd"
    assert signed_in(client)


@pytest.mark.parametrize(("current", "new", "repeat", "codes"), [
    (OLD, NEW, NEW + "!", "ongelijk"),
    (OLD, "te kort", "te kort", "te-kort"),
    (OLD, OLD, OLD, "ongewijzigd"),
    ("", "", "", "huidig-leeg,nieuw-leeg"),
    (OLD, NEW, "", "herhaling-leeg"),
])
def test_refusals_on_the_real_app(real, current: str, new: str, repeat: str, codes: str) -> None:  # noqa: ANN001
    app, url, email, client, before = _signed_in(real)
    answer = post_change(client, current, new, repeat)
    assert answer.status_code == 303 and answer.headers["Location"] == f"{PATH}?fout={codes}"
    assert _hash(url, email) == before and _failures(url, email) == 0 and signed_in(client)
    page = render(client, f"?fout={codes}")
    shown = text_of(page)
    for code in codes.split(","):
        assert texts.PASSWORD_ERRORS[code].format(min=MIN_PASSWORD_LENGTH, max=accounts.MAX_PASSWORD_LENGTH) in shown


def test_csrf_is_required(real) -> None:  # noqa: ANN001
    app, url, email, client, before = _signed_in(real)
    for token in (False, "vervalst", client_of(app).get_cookie("_csrf_token").value):  # none, forged, someone else's
        answer = post_change(client, OLD, NEW, token=token)
        assert answer.status_code == 403, token
        assert texts.CSRF_REFUSED_TITLE in answer.get_data(as_text=True)
    assert _hash(url, email) == before and _failures(url, email) == 0 and signed_in(client)


def test_anonymous_visitors_are_sent_to_sign_in(real) -> None:  # noqa: ANN001
    app, url = real
    email = _user(url)
    before = _hash(url, email)
    client = client_of(app)
    answer = client.get(PATH)
    assert answer.status_code == 303
    assert urlsplit(answer.headers["Location"]).path == "/inloggen"
    assert _query(answer.headers["Location"]) == {"volgende": PATH}
    with session_scope(url) as s:
        attempts = s.scalar(select(func.count()).select_from(SignInAttempt))
    answer = post_change(client, OLD, NEW)
    assert answer.status_code == 303 and _query(answer.headers["Location"]) == {"volgende": PATH}
    assert _hash(url, email) == before
    with session_scope(url) as s:
        assert s.scalar(select(func.count()).select_from(SignInAttempt)) == attempts
    # rendered without a page load (the session ended on another tab): a sign-in link, no form
    page = render(client)
    assert not [n for n in nodes(page) if n["type"] == "Form"]
    links = [n["props"]["href"] for n in nodes(page) if n["type"] == "A"]
    assert links == ["/inloggen?volgende=%2Faccount%2Fwachtwoord"]
    # after signing in, back to the form
    assert sign_in(client, email).headers["Location"] == PATH


def test_header_links_to_the_form_for_signed_in_visitors_only(real) -> None:  # noqa: ANN001
    app, url = real
    client = client_of(app)

    def area() -> list[dict]:
        response = _dash(client, "account-area.children", {"id": "account-area", "property": "children"}, "/wijken")
        return nodes(response["account-area"]["children"])

    assert texts.ACCOUNT_PASSWORD not in text_of(area())
    sign_in(client, _user(url))
    links = {text_of(n): n["props"]["href"] for n in area() if n["type"] == "Link"}
    assert links[texts.ACCOUNT_PASSWORD] == PATH
