"""Account administration over HTTP against the real app (Flask test client, CSRF token, signed-in sessions): the
pages /beheer/gebruikers(/<id>|/nieuw) for every role, and every write callback of those pages – create, grant,
revoke, deactivate, reactivate, temporary password – built from /_dash-dependencies and the page as an admin sees
it, then sent by every role: the admin's request changes what it should, every other role's request is refused and
changes nothing. Plus: no CSRF token, an admin's own account, a duplicate e-mail address, and a new temporary
password ending the account's open sessions."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from dashboard import texts
from dashboard.components import nl
from db import account_admin, accounts
from db.accounts import create_user, find_user, grant_role
from db.models import Programme, RoleGrant, User
from db.session import session_scope
from indicators.enums import Role
from tests.integration import test_authz_http
from tests.integration.test_authz_http import (
    PROG_A,
    ROLES,
    UPDATE,
    _post,
    _token,
    answer_text,
    check_cell,
    components,
    payload,
    render,
)

# its fixtures, here too: the app's database URL and a signed-in client per role (module scope: accounts of their own)
app_url = test_authz_http.app_url
clients = test_authz_http.clients

TARGET_PASSWORD = "het wachtwoord van het doel"
TEMPORARY = "tijdelijk wachtwoord voor de test"
CREATE_OUT, ACCOUNT_OUT = "gebruiker-nieuw-melding", "gebruiker-rol-melding"


pytestmark = pytest.mark.usefixtures("cheap_hashing")  # tests/integration/conftest.py


def _account(url: str, *, role: Role | None = None, slug: str | None = None, active: bool = True) -> tuple[int, str]:
    email = f"doel-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(url) as s:
        user = create_user(s, email, f"Doel {email[5:13]}", TARGET_PASSWORD)
        if role is not None:
            pid = s.scalar(select(Programme.id).where(Programme.slug == slug)) if slug else None
            grant_role(s, user, role, pid)
        if not active:
            accounts.deactivate_user(s, user)
        return user.id, email


def snapshot(url: str) -> dict[str, list]:
    with session_scope(url) as s:
        return {m.__tablename__: sorted((tuple(r) for r in s.execute(select(m.__table__)).all()), key=repr)
                for m in (User, RoleGrant)}


def _state(url: str, user_id: int) -> tuple[bool, int, str, frozenset]:
    with session_scope(url) as s:
        user = s.get(User, user_id)
        return (user.is_active, user.session_version, user.password_hash,
                frozenset((g.role.value, g.programme_id) for g in user.grants))




def _programme_id(url: str, slug: str = PROG_A) -> int:
    with session_scope(url) as s:
        return s.scalar(select(Programme.id).where(Programme.slug == slug))


# --- the pages -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_pages_are_for_admins_only(clients: dict, app_url: str, role: str) -> None:
    target, email = _account(app_url, role=Role.EDITOR, slug=PROG_A)
    pages = {path: json.dumps(render(clients[role], path), ensure_ascii=False)
             for path in ("/beheer/gebruikers", f"/beheer/gebruikers/{target}", "/beheer/gebruikers/nieuw")}
    work_list = json.dumps(render(clients[role], "/beheer"), ensure_ascii=False)
    if role == "admin":
        listing = pages["/beheer/gebruikers"]
        assert email in listing and f"/beheer/gebruikers/{target}" in listing
        assert texts.USERS_TABLE.split("(")[0] in listing and "redacteur bij Sociaal en Vitaal" in listing
        assert texts.USERS_NEVER in listing
        assert email in pages[f"/beheer/gebruikers/{target}"]
        assert texts.USERS_CREATE in pages["/beheer/gebruikers/nieuw"]
        assert texts.USERS_LINK in work_list
        return
    for text in pages.values():
        assert email not in text and texts.USERS_CREATE not in text and texts.USERS_GRANT not in text
        assert (texts.BEHEER_SIGN_IN if role == "anonymous" else texts.USERS_NOT_ALLOWED) in text
    assert texts.USERS_LINK not in work_list


def test_the_list_has_a_caption_and_headers(clients: dict) -> None:
    tree = json.dumps(render(clients["admin"], "/beheer/gebruikers"), ensure_ascii=False)
    assert '"type": "Caption"' in tree
    for column in texts.USERS_COLS:
        assert column in tree
    assert '"scope": "col"' in tree and '"scope": "row"' in tree


# --- the write matrix ------------------------------------------------------------------------------------------------

WRITES = ("aanmaken", "rol toekennen", "rol intrekken", "deactiveren", "heractiveren", "tijdelijk wachtwoord")


def _prepare(cell: str, url: str, admin: Any) -> tuple[dict, Any]:  # noqa: ANN401
    """The request body for `cell` (from the page as the admin sees it) and a check that it took effect."""
    if cell == "aanmaken":
        email = f"nieuw-{uuid.uuid4().hex[:8]}@gemeente.nl"
        tree = render(admin, "/beheer/gebruikers/nieuw")
        body = payload(admin, tree, CREATE_OUT, ("gebruiker-aanmaken", "n_clicks", 1), [
            ("gebruiker-naam", "Nieuwe Collega"), ("gebruiker-email", email), ("gebruiker-wachtwoord", TEMPORARY)])

        def created() -> bool:
            with session_scope(url) as s:
                return find_user(s, email) is not None
        return body, created
    grant = (Role.EDITOR, PROG_A) if cell == "rol intrekken" else (None, None)
    target, _ = _account(url, role=grant[0], slug=grant[1], active=cell != "heractiveren")
    before = _state(url, target)
    tree = render(admin, f"/beheer/gebruikers/{target}")
    if cell == "rol toekennen":
        pid = _programme_id(url)
        body = payload(admin, tree, ACCOUNT_OUT, ("gebruiker-toekennen", "n_clicks", 1),
                       [("gebruiker-rol", "approver"), ("gebruiker-programma", pid)])
        return body, lambda: ("approver", pid) in _state(url, target)[3]
    if cell == "rol intrekken":
        button = next(c["props"]["id"] for c in components(tree)
                      if isinstance(c["props"]["id"], dict) and c["props"]["id"].get("type") == "gebruiker-intrekken")
        body = payload(admin, tree, ACCOUNT_OUT, (button, "n_clicks", 1))
        return body, lambda: _state(url, target)[3] == frozenset()
    if cell in ("deactiveren", "heractiveren"):
        body = payload(admin, tree, ACCOUNT_OUT, ("gebruiker-actief", "n_clicks", 1))
        return body, lambda: _state(url, target)[0] is (cell == "heractiveren")
    body = payload(admin, tree, ACCOUNT_OUT, ("gebruiker-tijdelijk-knop", "n_clicks", 1),
                   [("gebruiker-tijdelijk", TEMPORARY)])
    return body, lambda: _state(url, target)[1:3] != before[1:3]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("cell", WRITES)
def test_write_callback(clients: dict, app_url: str, cell: str, role: str) -> None:
    body, took_effect = _prepare(cell, app_url, clients["admin"])
    before = snapshot(app_url)
    text = check_cell(_post(clients[role], body), role == "admin", before, lambda: snapshot(app_url), took_effect,
                      (account_admin.ADMIN_ONLY, account_admin.NOT_SIGNED_IN))
    if role == "admin" and cell == "aanmaken":
        assert "?aangemaakt=1" in text  # on to the new account's page
    elif role == "admin":
        assert '"role": "status"' in text  # the success message is read out as a status


def test_without_csrf_token_a_write_is_refused(clients: dict, app_url: str) -> None:
    body, took_effect = _prepare("deactiveren", app_url, clients["admin"])
    before = snapshot(app_url)
    answer = clients["admin"].post(UPDATE, json=body)
    assert answer.status_code == 403 and snapshot(app_url) == before and not took_effect()


# --- the rules over HTTP ---------------------------------------------------------------------------------------------


def _own_id(app_url: str, client: Any) -> int:  # noqa: ANN401
    """The id of the admin account `client` is signed in as: the one whose page says it is one's own."""
    with session_scope(app_url) as s:
        ids = list(s.scalars(select(User.id).where(User.name == "Admin")))
    return next(i for i in ids
                if texts.USERS_OWN_ACCOUNT in json.dumps(render(client, f"/beheer/gebruikers/{i}"), ensure_ascii=False))


def test_an_admin_cannot_deactivate_themselves_or_revoke_their_own_admin_role(clients: dict, app_url: str) -> None:
    admin = clients["admin"]
    me = _own_id(app_url, admin)
    tree = render(admin, f"/beheer/gebruikers/{me}")
    page = json.dumps(tree, ensure_ascii=False)
    assert texts.USERS_OWN_ADMIN in page  # no revoke button for the own admin role: the reason instead
    assert not any(isinstance(c["props"]["id"], dict) and c["props"]["id"].get("type") == "gebruiker-intrekken"
                   for c in components(tree))
    before = snapshot(app_url)
    # the hidden deactivate button, pressed by a forged request
    answer = _post(admin, payload(admin, tree, ACCOUNT_OUT, ("gebruiker-actief", "n_clicks", 1)))
    assert answer.status_code == 200
    text = answer_text(answer)
    assert account_admin.SELF_DEACTIVATE in text or account_admin.LAST_ADMIN in text
    # a forged revoke of the own admin grant
    with session_scope(app_url) as s:
        grant_id = s.scalar(select(RoleGrant.id).where(RoleGrant.user_id == me, RoleGrant.role == Role.ADMIN))
    body = payload(admin, tree, ACCOUNT_OUT, ("gebruiker-toekennen", "n_clicks", 1))
    button = {"grant": grant_id, "type": "gebruiker-intrekken"}
    body["inputs"][1] = [{"id": button, "property": "n_clicks", "value": 1}]
    body["changedPropIds"] = [json.dumps(button, separators=(",", ":")) + ".n_clicks"]
    text = answer_text(_post(admin, body))
    assert account_admin.SELF_REVOKE_ADMIN in text or account_admin.LAST_ADMIN in text
    # and a temporary password for oneself
    body = payload(admin, tree, ACCOUNT_OUT, ("gebruiker-tijdelijk-knop", "n_clicks", 1),
                   [("gebruiker-tijdelijk", TEMPORARY)])
    assert account_admin.SELF_RESET in answer_text(_post(admin, body))
    assert snapshot(app_url) == before
    assert render(admin, "/beheer/gebruikers")  # still signed in, still an admin


def test_duplicate_address_and_short_password_are_refused_next_to_their_fields(clients: dict, app_url: str) -> None:
    _, email = _account(app_url)
    admin = clients["admin"]
    tree = render(admin, "/beheer/gebruikers/nieuw")
    before = snapshot(app_url)
    answer = _post(admin, payload(admin, tree, CREATE_OUT, ("gebruiker-aanmaken", "n_clicks", 1), [
        ("gebruiker-naam", ""), ("gebruiker-email", email.upper()), ("gebruiker-wachtwoord", "kort")]))
    assert answer.status_code == 200
    out = answer.get_json()["response"]
    assert f"Er is al een account met het e-mailadres {email}" in out["gebruiker-email-fout"]["children"]
    assert out["gebruiker-naam-fout"]["children"] == "Vul een naam in."
    assert "te kort" in out["gebruiker-wachtwoord-fout"]["children"]
    assert out["gebruiker-email"]["className"] == f"{nl.TEXTBOX} {nl.INVALID}"
    assert out["gebruiker-wachtwoord"]["value"] == ""  # a refused password is not kept in the page
    assert texts.USERS_NOT_CREATED in json.dumps(out[CREATE_OUT], ensure_ascii=False)
    assert snapshot(app_url) == before


def test_a_programme_role_without_programme_is_refused_next_to_the_programme(clients: dict, app_url: str) -> None:
    target, _ = _account(app_url)
    admin = clients["admin"]
    tree = render(admin, f"/beheer/gebruikers/{target}")
    before = snapshot(app_url)
    answer = _post(admin, payload(admin, tree, ACCOUNT_OUT, ("gebruiker-toekennen", "n_clicks", 1),
                                  [("gebruiker-rol", "editor")]))
    out = answer.get_json()["response"]
    assert "Kies het programma" in out["gebruiker-programma-fout"]["children"]
    assert out["gebruiker-rol-fout"]["children"] == ""
    assert snapshot(app_url) == before


def test_a_temporary_password_ends_the_accounts_sessions(demo_app, clients: dict, app_url: str) -> None:  # noqa: ANN001
    target, email = _account(app_url, role=Role.EDITOR, slug=PROG_A)
    theirs = demo_app.server.test_client()
    theirs.get("/inloggen")
    signed_in = theirs.post("/inloggen", data={"email": email, "wachtwoord": TARGET_PASSWORD,
                                                "csrf_token": _token(theirs), "volgende": "/beheer"})
    assert signed_in.status_code == 303
    assert "Sociaal en Vitaal" in json.dumps(render(theirs, "/beheer"), ensure_ascii=False)
    admin = clients["admin"]
    tree = render(admin, f"/beheer/gebruikers/{target}")
    answer = _post(admin, payload(admin, tree, ACCOUNT_OUT, ("gebruiker-tijdelijk-knop", "n_clicks", 1),
                                  [("gebruiker-tijdelijk", TEMPORARY)]))
    out = answer.get_json()["response"]
    assert "alle open sessies van dit account zijn beëindigd" in json.dumps(out, ensure_ascii=False)
    assert out["gebruiker-tijdelijk"]["value"] == ""
    assert texts.BEHEER_SIGN_IN in json.dumps(render(theirs, "/beheer"), ensure_ascii=False)  # signed out
    again = demo_app.server.test_client()
    again.get("/inloggen")
    assert again.post("/inloggen", data={"email": email, "wachtwoord": TEMPORARY, "csrf_token": _token(again),
                                         "volgende": "/beheer"}).headers["Location"].endswith("/beheer")
