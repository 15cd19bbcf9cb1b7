"""Regression tests of issue 15's security findings, on the real app (`python app.py`'s create_app, Flask test client,
CSRF tokens, real sessions) and on the database functions. Each failed on the code before the fix (checked once by
running this file against commit 0cbf784):

- no public default SECRET_KEY: a session cookie signed with the old default opens nothing;
- sessions live on the server: a copied cookie replayed after sign-out, a password change, deactivation or a role
  taken away is refused;
- the CSRF token is bound to the session and renewed at sign-in and sign-out;
- request bodies over MAX_REQUEST_MB get 413 before they are read;
- at most MAX_COMPARE_REGIONS comparison regions, with a Dutch message in the page;
- ids out of range and unknown paths answer 404 (not a 500, not a 200 page shell);
- meeting notes only for quarters that exist; role grants only for real programmes;
- an anonymous PDF of 1990-Q1 is 404 and queues nothing; a PDF's links use BASE_URL, not the request's Host;
- uploads attach only within their own programme; account names refuse invisible and bidi characters;
- the sign-in lock per address does not lock everyone out behind a proxy that is not trusted."""

from __future__ import annotations

import io
import json
import time
import uuid
from datetime import date

import pytest
from argon2 import PasswordHasher
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import select

from dashboard import texts
from dashboard.data import CONFIG_KEY
from dashboard.exports import jobs
from db import accounts
from db.account_admin import admin_grant_role
from db.accounts import AccountError, create_user, grant_role
from db.models import MeetingNote, Programme, User
from db.session import session_scope
from db.write.quarter import add_note
from indicators.enums import Role
from indicators.periods import Period

PASSWORD = "een heel veilig wachtwoord"
UPDATE = "/_dash-update-component"
PROG_A, PROG_B = "sociaal-en-vitaal", "zorg-en-veiligheid"


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "HASHER", fast)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", fast.hash("dummy"))


@pytest.fixture
def url(demo_app) -> str:  # noqa: ANN001
    return demo_app.server.config[CONFIG_KEY]


def programme_id(url: str, slug: str) -> int:
    with session_scope(url) as s:
        return s.scalar(select(Programme.id).where(Programme.slug == slug))


def account(url: str, role: Role | None = None, slug: str | None = None) -> str:
    email = f"hard-{uuid.uuid4().hex[:10]}@gemeente.nl"
    with session_scope(url) as s:
        user = create_user(s, email, "Harde Test", PASSWORD)
        if role is not None:
            grant_role(s, user, role, programme_id(url, slug) if slug else None)
    return email


def token(client) -> str:  # noqa: ANN001
    cookie = client.get_cookie("_csrf_token")
    return cookie.value if cookie else ""


def signed_in(demo_app, email: str, password: str = PASSWORD):  # noqa: ANN001, ANN201
    client = demo_app.server.test_client()
    client.get("/inloggen")
    answer = client.post("/inloggen", data={"email": email, "wachtwoord": password, "csrf_token": token(client),
                                            "volgende": "/beheer"})
    assert answer.status_code == 303 and answer.headers["Location"].endswith("/beheer"), answer.headers
    return client


def is_signed_in(client) -> bool:  # noqa: ANN001
    """GET /account/wachtwoord: a page for a signed-in account (anonymous: a redirect to /inloggen)."""
    return client.get("/account/wachtwoord").status_code == 200


def session_cookie(client) -> str:  # noqa: ANN001
    return client.get_cookie("perspectief_sessie").value


def replay(demo_app, cookie: str):  # noqa: ANN001, ANN201
    """A new browser that carries a copied session cookie."""
    other = demo_app.server.test_client()
    other.set_cookie("perspectief_sessie", cookie)
    return other


# --- the secret key and server-side sessions -------------------------------------------------------------------------


def test_a_cookie_signed_with_the_old_public_default_opens_no_admin_session(demo_app, url: str) -> None:  # noqa: ANN001
    assert demo_app.server.config["SECRET_KEY"] != "dev-only-change-me"
    assert len(demo_app.server.config["SECRET_KEY"]) >= 32
    email = account(url, Role.ADMIN)
    with session_scope(url) as s:
        admin = accounts.find_user(s, email)
        forged_data = {"uid": admin.id, "sv": admin.session_version, "at": int(time.time())}
    # what an attacker signs with the public default (as Flask's cookie sessions did)
    from flask import Flask

    forger = Flask("forger")
    forger.config["SECRET_KEY"] = "dev-only-change-me"
    forged = SecureCookieSessionInterface().get_signing_serializer(forger).dumps(forged_data)
    client = replay(demo_app, forged)
    assert not is_signed_in(client)  # was signed in as that admin


def test_the_session_cookie_holds_a_random_token_only(demo_app, url: str) -> None:  # noqa: ANN001
    client = signed_in(demo_app, account(url))
    cookie = session_cookie(client)
    assert len(cookie) == 43 and "." not in cookie  # 32 random bytes; a signed cookie carries its data and dots
    with session_scope(url) as s:
        from db.web_sessions import load

        assert load(s, cookie) is not None


def test_a_copied_cookie_replayed_after_sign_out_is_refused(demo_app, url: str) -> None:  # noqa: ANN001
    client = signed_in(demo_app, account(url))
    copied = session_cookie(client)
    assert is_signed_in(replay(demo_app, copied))  # the copy works while the session lives
    assert client.post("/uitloggen", data={"csrf_token": token(client)}).status_code == 303
    assert not is_signed_in(client)
    assert not is_signed_in(replay(demo_app, copied))


def test_a_copied_cookie_replayed_after_a_password_change_is_refused(demo_app, url: str) -> None:  # noqa: ANN001
    client = signed_in(demo_app, account(url))
    copied = session_cookie(client)
    new = "een ander lang wachtwoord"
    answer = client.post("/account/wachtwoord", data={"huidig-wachtwoord": PASSWORD, "nieuw-wachtwoord": new,
                                                      "nieuw-wachtwoord-herhaald": new, "csrf_token": token(client)})
    assert answer.status_code == 303 and "gewijzigd=1" in answer.headers["Location"]
    assert is_signed_in(client)  # this browser got a fresh session
    assert session_cookie(client) != copied
    assert not is_signed_in(replay(demo_app, copied))


@pytest.mark.parametrize("change", ["deactivate", "revoke"])
def test_deactivation_and_a_revoked_role_end_every_session(demo_app, url: str, change: str) -> None:  # noqa: ANN001
    email = account(url, Role.EDITOR, PROG_A)
    first, second = signed_in(demo_app, email), signed_in(demo_app, email)
    copied = session_cookie(first)
    with session_scope(url) as s:
        user = accounts.find_user(s, email)
        if change == "deactivate":
            accounts.deactivate_user(s, user)
        else:
            accounts.revoke_role(s, user, Role.EDITOR, programme_id(url, PROG_A))
    assert not is_signed_in(first) and not is_signed_in(second)
    assert not is_signed_in(replay(demo_app, copied))


# --- CSRF bound to the session -----------------------------------------------------------------------------------


ROUTER_BODY = {"output": "..page-content.children...page-title.data..",
               "outputs": [{"id": "page-content", "property": "children"}, {"id": "page-title", "property": "data"}],
               "inputs": [{"id": "url", "property": "pathname", "value": "/"}],
               "state": [{"id": "url", "property": "search", "value": ""}], "changedPropIds": ["url.pathname"]}


def _callback(client, csrf: str) -> int:  # noqa: ANN001
    return client.post(UPDATE, json=ROUTER_BODY, headers={"X-CSRFToken": csrf}).status_code


def test_the_csrf_token_is_bound_to_the_session_and_renewed_at_sign_in_and_out(demo_app, url: str) -> None:  # noqa: ANN001
    client = demo_app.server.test_client()
    client.get("/")
    before = token(client)
    assert _callback(client, before) == 200
    email = account(url)
    client.post("/inloggen", data={"email": email, "wachtwoord": PASSWORD, "csrf_token": before})
    during = token(client)
    assert during and during != before  # renewed at sign-in
    client.set_cookie("_csrf_token", before)  # a page still holding the old token: refused
    assert _callback(client, before) == 403
    client.set_cookie("_csrf_token", during)
    assert _callback(client, during) == 200
    for path in ("/_favicon.ico", "/healthz", "/assets/10-perspectief.css"):  # requests that skip the session …
        client.get(path)
        assert token(client) == during, path  # … leave the session's token alone (else the page's next call: 403)
    other = signed_in(demo_app, email)  # the same account in another browser: another session, another token
    assert token(other) != during
    other.set_cookie("_csrf_token", during)
    assert _callback(other, during) == 403  # a token of one session does not work in another
    client.post("/uitloggen", data={"csrf_token": during})
    after = token(client)
    assert after and after != during  # renewed at sign-out
    client.set_cookie("_csrf_token", during)
    assert _callback(client, during) == 403


# --- limits ---------------------------------------------------------------------------------------------------


class CountingStream(io.BytesIO):
    """A request body that counts what the server reads of it."""

    read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        CountingStream.read_bytes += len(data)
        return data


def test_a_callback_body_over_the_limit_gets_413_before_it_is_read(demo_app) -> None:  # noqa: ANN001
    client = demo_app.server.test_client()
    client.get("/")
    body = b'{"output": "x", "pad": "' + b"a" * (5 * 1024 * 1024) + b'"}'
    CountingStream.read_bytes = 0
    answer = client.post(UPDATE, input_stream=CountingStream(body), content_length=len(body),
                         headers={"X-CSRFToken": token(client), "Content-Type": "application/json"})
    assert answer.status_code == 413
    assert "te groot" in answer.get_json()["message"]
    assert CountingStream.read_bytes == 0
    form = client.post("/inloggen", data={"email": "x" * (2 * 1024 * 1024), "wachtwoord": "y",
                                          "csrf_token": token(client)})
    assert form.status_code == 413


def _compare_body(codes: list[str]) -> dict:
    return {"output": "..programma-trends.children...url.search...resultaten-vergelijk.value..."
                      "programma-getoond.data..",
            "outputs": [{"id": "programma-trends", "property": "children"}, {"id": "url", "property": "search"},
                        {"id": "resultaten-vergelijk", "property": "value"},
                        {"id": "programma-getoond", "property": "data"}],
            "inputs": [[{"id": {"type": "programma-vergelijk", "group": 0}, "property": "value", "value": codes}]],
            "state": [{"id": "programma-slug", "property": "data", "value": PROG_A},
                      {"id": "url", "property": "search", "value": ""},
                      {"id": "programma-getoond", "property": "data", "value": [["NL01"]]}],
            "changedPropIds": ['{"group":0,"type":"programma-vergelijk"}.value']}


def test_a_comparison_shows_at_most_max_compare_regions_with_a_dutch_message(demo_app, url: str) -> None:  # noqa: ANN001
    from db.models import Region
    from indicators.enums import RegionKind

    with session_scope(url) as s:
        codes = list(s.scalars(select(Region.code).where(Region.kind.in_([RegionKind.MUNICIPALITY,
                                                                          RegionKind.DISTRICT]))))
    assert len(codes) > 3000
    client = demo_app.server.test_client()
    client.get("/")
    started = time.perf_counter()
    answer = client.post(UPDATE, json=_compare_body(codes), headers={"X-CSRFToken": token(client)})
    seconds = time.perf_counter() - started
    assert answer.status_code == 200
    response = answer.get_json()["response"]
    text = json.dumps(response["programma-trends"]["children"], ensure_ascii=False)
    assert texts.COMPARE_TOO_MANY.format(most=12, asked=len(codes)) in text
    assert len(response["resultaten-vergelijk"]["value"].split(",")) == 12
    assert len(answer.data) < 1_000_000 and seconds < 4  # was 4,5 s and 3,45 MB for 18 000 regions
    small = client.post(UPDATE, json=_compare_body(["NL01", "GM0153"]), headers={"X-CSRFToken": token(client)})
    assert "vergelijken; u koos er" not in small.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/verhaal/99999999999999999999", "/verhaal/9223372036854775808",
                                  "/beheer/verhaal/18446744073709551616", "/beheer/gebruikers/99999999999999999999",
                                  "/bestaat-niet", "/programma/bestaat-niet", "/indicator/bestaat-niet",
                                  "/kwartaal/1990-Q1", "/kwartaal/2026-Q9", "/healthz/extra"])
def test_unknown_paths_and_ids_out_of_range_answer_404(demo_app, path: str) -> None:  # noqa: ANN001
    client = demo_app.server.test_client()
    answer = client.get(path)
    assert answer.status_code == 404, path
    assert '<html lang="nl"' in answer.get_data(as_text=True)  # the page shell, which says "niet gevonden"
    client.get("/")
    body = dict(ROUTER_BODY, inputs=[{"id": "url", "property": "pathname", "value": path}])
    rendered = client.post(UPDATE, json=body, headers={"X-CSRFToken": token(client)})
    assert rendered.status_code == 200  # was a 500 (OverflowError) for the big ids
    title = rendered.get_json()["response"]["page-title"]["data"]
    assert title.startswith((texts.NOT_FOUND_TITLE, texts.SIGNIN_TITLE)), (path, title)


def test_known_pages_and_probes_answer_200(demo_app) -> None:  # noqa: ANN001
    client = demo_app.server.test_client()
    for path in ("/", f"/programma/{PROG_A}", "/wijken", "/inloggen", "/kwartaal/2026-Q2"):
        assert client.get(path).status_code == 200, path
    health = client.get("/healthz")
    assert health.status_code == 200 and health.get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json()["database"] == "ok"


def test_meeting_notes_only_for_quarters_that_exist(url: str) -> None:
    with session_scope(url) as s:
        before = len(s.scalars(select(MeetingNote.id)).all())
        for code in ("1900-Q1", "1990-Q1", f"{date.today().year + 5}-Q1"):
            with pytest.raises(LookupError, match="bestaat niet"):
                add_note(s, PROG_A, Period.parse(code), "besluit", "Buiten de looptijd")
        add_note(s, PROG_A, Period.parse("2024-Q2"), "besluit", "Binnen de looptijd")
        assert len(s.scalars(select(MeetingNote.id)).all()) == before + 1
        s.rollback()


def test_role_grants_only_for_real_programmes(url: str) -> None:
    email = account(url)
    admin_email = account(url, Role.ADMIN)
    with session_scope(url) as s:
        user, admin = accounts.find_user(s, email), accounts.find_user(s, admin_email)
        for bad in (999_999, 2**63, 2**31):
            with pytest.raises(AccountError, match="bestaat niet"):
                grant_role(s, user, Role.EDITOR, bad)
            with pytest.raises(AccountError, match="bestaat niet"):
                admin_grant_role(s, admin, user.id, "editor", bad)
        assert grant_role(s, user, Role.EDITOR, programme_id(url, PROG_A))
        s.rollback()


# --- exports ----------------------------------------------------------------------------------------------------


def test_an_anonymous_pdf_of_a_quarter_that_does_not_exist_is_404_and_queues_nothing(demo_app, url: str) -> None:  # noqa: ANN001
    jobs.shutdown()
    client = demo_app.server.test_client()
    for code in ("1990-Q1", "2026-Q2", f"{date.today().year + 3}-Q1"):
        assert client.get(f"/kwartaal/{code}.pdf").status_code == 404, code
    assert jobs.queue_length() == 0
    assert client.get("/kwartaal/1990-Q1.xlsx").status_code == 404
    signed = signed_in(demo_app, account(url))
    assert signed.get("/kwartaal/1990-Q1.pdf").status_code == 404  # signed in: still only quarters that exist
    assert jobs.queue_length() == 0
    page = client.get("/kwartaal/2026-Q2")
    assert page.status_code == 200


def test_a_pdf_links_to_base_url_never_to_the_requests_host(demo_app, url: str, tmp_path) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    cookie = session_cookie(signed_in(demo_app, account(url)))
    client = demo_app.server.test_client()  # the same session, sent to the host an attacker chose
    client.set_cookie("perspectief_sessie", cookie, domain="aanvaller.example")
    code = "2026-Q3"  # a quarter of the demo with stories (links) in its report
    evil = "http://aanvaller.example/"
    try:
        got = client.get(f"/kwartaal/{code}.pdf", base_url=evil)
        deadline = time.monotonic() + 180
        while got.status_code == 202 and time.monotonic() < deadline:
            time.sleep(0.3)
            got = client.get(f"/kwartaal/{code}.pdf", base_url=evil)
        assert got.status_code == 200 and got.data.startswith(b"%PDF")
    finally:
        jobs.shutdown()
    uris = []
    for page in PdfReader(io.BytesIO(got.data)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    assert uris, "the report has links"
    base = demo_app.server.config["PERSPECTIEF_BASE_URL"]
    assert all(u.startswith(base) for u in uris), uris
    assert not any("aanvaller.example" in u for u in uris)


# --- uploads, account names, sign-in lock --------------------------------------------------------------------------


def test_an_upload_attaches_only_within_its_own_programme_until_published(demo_app, url: str, tmp_path,  # noqa: ANN001
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from dashboard.uploads import CONFIG_KEY as UPLOADS_KEY
    from dashboard.uploads import UploadConfig
    from db import write as editing
    from db.accounts import Grant
    from db.write.workflow import Actor

    monkeypatch.setitem(demo_app.server.config, UPLOADS_KEY,
                        UploadConfig(tmp_path, {"image": 1024 * 1024, "video": 1024 * 1024, "captions": 1024}))
    a, b = programme_id(url, PROG_A), programme_id(url, PROG_B)
    uploader = signed_in(demo_app, account(url, Role.EDITOR, PROG_A))  # an editor of programme A uploads …
    done = uploader.post("/media", headers={"X-CSRFToken": token(uploader)}, content_type="multipart/form-data",
                         data={"file": (io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 16), "foto.png"),
                               "kind": "image", "programme_id": str(a)})
    assert done.status_code == 201, done.get_data(as_text=True)
    name = done.get_json()["name"]
    editor_b = Actor(9901, "Bea Redacteur", frozenset({Grant(Role.EDITOR, b)}))
    editor_a = Actor(9902, "Ab Redacteur", frozenset({Grant(Role.EDITOR, a)}))
    story = {"kind": "fotoverhaal", "title": "Foto", "story_date": "2026-06-04", "consent": True, "media_file": name}
    with session_scope(url) as s:
        with pytest.raises(editing.Invalid) as refused:  # … an editor of B may not show it (it is unpublished)
            editing.create_story(s, editor_b, PROG_B, story, upload_dir=tmp_path)
        assert "ander programma" in refused.value.errors["media_file"]
        assert editing.create_story(s, editor_a, PROG_A, story, upload_dir=tmp_path)  # its own programme may
        s.rollback()


def test_account_names_refuse_invisible_and_bidi_characters(url: str) -> None:
    with session_scope(url) as s:
        for name in ("Beheer\u200bder", "Jan \u202eredeeheB", "A\u2066dmin"):
            with pytest.raises(AccountError, match="onzichtbare tekens"):
                create_user(s, f"n-{uuid.uuid4().hex[:6]}@gemeente.nl", name, PASSWORD)
        with pytest.raises(AccountError):
            create_user(s, f"be\u200bheer-{uuid.uuid4().hex[:6]}@gemeente.nl", "Beheer", PASSWORD)
        user = create_user(s, f"ＮＦＫＣ-{uuid.uuid4().hex[:6]}@gemeente.nl", "Ｊａｎ  de Vries", PASSWORD)
        assert user.name == "Jan de Vries" and user.email.startswith("nfkc-")
        s.rollback()


def test_behind_a_proxy_that_is_not_trusted_one_attacker_does_not_lock_everyone_out(demo_app, url: str) -> None:  # noqa: ANN001
    victim = account(url)
    attacker = demo_app.server.test_client()
    attacker.get("/inloggen")
    proxy = {"X-Forwarded-For": "203.0.113.9"}  # every visitor arrives from the proxy's address
    for i in range(accounts.MAX_FAILURES_PER_IP + 2):
        attacker.post("/inloggen", data={"email": f"gok-{i}-{uuid.uuid4().hex[:4]}@gemeente.nl", "wachtwoord": "fout",
                                         "csrf_token": token(attacker)}, headers=proxy)
    client = demo_app.server.test_client()
    client.get("/inloggen")
    answer = client.post("/inloggen", data={"email": victim, "wachtwoord": PASSWORD, "csrf_token": token(client)},
                         headers=proxy)
    assert answer.status_code == 303 and "fout=" not in answer.headers["Location"]
    with session_scope(url) as s:  # the lock per account still holds
        assert s.scalar(select(User.id).where(User.email == victim))


def test_without_a_proxy_the_lock_per_address_still_holds(demo_app, url: str) -> None:  # noqa: ANN001
    victim = account(url)
    addr = {"REMOTE_ADDR": f"198.51.100.{uuid.uuid4().int % 250}"}
    attacker = demo_app.server.test_client()
    attacker.get("/inloggen")
    for i in range(accounts.MAX_FAILURES_PER_IP):
        attacker.post("/inloggen", data={"email": f"gok-{i}-{uuid.uuid4().hex[:4]}@gemeente.nl", "wachtwoord": "fout",
                                         "csrf_token": token(attacker)}, environ_base=addr)
    answer = attacker.post("/inloggen", data={"email": victim, "wachtwoord": PASSWORD,
                                              "csrf_token": token(attacker)}, environ_base=addr)
    assert "fout=geblokkeerd" in answer.headers["Location"]
