"""The response cache (dashboard.cache) and the data version (db.write.data_version) on the real app: a repeated
anonymous visit is answered from the cache; a signed-in visitor never is; a publication, a load or an edit makes the
very next visit show the new state (no stale cache); the data version rises with content writes on SQLite and
PostgreSQL and not with sign-ins; assets carry their content hash and long cache headers."""

from __future__ import annotations

import gzip
import json
import re
import uuid
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from dashboard.data import CONFIG_KEY
from dashboard.metrics import CACHE
from db import accounts
from db.accounts import Grant, create_user
from db.read import data_version
from db.session import session_scope
from db.write.quarter import Renderers, publish_quarter
from db.write.workflow import Actor
from indicators.enums import ItemKind, Role
from indicators.periods import Period

UPDATE = "/_dash-update-component"
QUARTER = "2023-Q1"  # no other test publishes it


def _hits() -> float:
    return CACHE.labels("hit")._value.get()


def _router(client, path: str, search: str = "") -> dict:  # noqa: ANN001
    body = {"output": "..page-content.children...page-title.data..",
            "outputs": [{"id": "page-content", "property": "children"}, {"id": "page-title", "property": "data"}],
            "inputs": [{"id": "url", "property": "pathname", "value": path}],
            "state": [{"id": "url", "property": "search", "value": search}], "changedPropIds": ["url.pathname"]}
    answer = client.post(UPDATE, json=body, headers={"X-CSRFToken": client.get_cookie("_csrf_token").value,
                                                     "Accept-Encoding": "gzip"})
    assert answer.status_code == 200
    raw = gzip.decompress(answer.data) if answer.headers.get("Content-Encoding") == "gzip" else answer.data
    return json.loads(raw)


def _reader(demo_app):  # noqa: ANN001, ANN201
    client = demo_app.server.test_client()
    client.get("/")
    return client


def _version(url: str) -> int:
    return data_version.current(url)


def test_a_repeated_anonymous_visit_comes_from_the_cache(demo_app) -> None:  # noqa: ANN001
    reader = _reader(demo_app)
    search = f"?vergelijk=NL01,GM0153&x={uuid.uuid4().hex}"  # a request no other test made
    first = _router(reader, "/programma/zorg-en-veiligheid", search)
    other = _reader(demo_app)  # another anonymous browser (its page shell may come from the cache too)
    hits = _hits()
    again = _router(other, "/programma/zorg-en-veiligheid", search)
    assert again == first
    assert _hits() == hits + 1


def test_a_signed_in_visitor_is_never_served_from_the_cache(demo_app) -> None:  # noqa: ANN001
    url = demo_app.server.config[CONFIG_KEY]
    email = f"cache-{uuid.uuid4().hex[:8]}@gemeente.nl"
    with session_scope(url) as s:
        old, accounts.HASHER = accounts.HASHER, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        try:
            create_user(s, email, "Cache Lezer", "een lang wachtwoord voor de cache")
        finally:
            accounts.HASHER = old
    client = _reader(demo_app)
    client.post("/inloggen", data={"email": email, "wachtwoord": "een lang wachtwoord voor de cache",
                                   "csrf_token": client.get_cookie("_csrf_token").value})
    client.get("/")
    _router(client, "/wijken")
    hits = _hits()
    _router(client, "/wijken")
    assert _hits() == hits


def test_a_publication_shows_on_the_next_visit(demo_app) -> None:  # noqa: ANN001
    url = demo_app.server.config[CONFIG_KEY]
    draft = json.dumps(_router(_reader(demo_app), f"/kwartaal/{QUARTER}"), ensure_ascii=False)
    assert json.dumps(_router(_reader(demo_app), f"/kwartaal/{QUARTER}"), ensure_ascii=False) == draft  # cached
    assert "quarter-draft" in draft
    before = _version(url)
    with session_scope(url) as s:
        publish_quarter(s, Period.parse(QUARTER), Renderers(html=lambda r: "<p>r</p>", pdf=lambda r: b"%PDF",
                                                            xlsx=lambda r: b"PK"), "Cachetest")
    assert _version(url) == before + 1
    published = json.dumps(_router(_reader(demo_app), f"/kwartaal/{QUARTER}"), ensure_ascii=False)
    assert "quarter-published" in published and "Cachetest" in published


def test_an_edit_and_a_load_show_on_the_next_visit(demo_app, tmp_path: Path) -> None:  # noqa: ANN001
    from db import write as editing
    from etl import cli

    url = demo_app.server.config[CONFIG_KEY]
    path = "/programma/sociaal-en-vitaal"
    before = json.dumps(_router(_reader(demo_app), path), ensure_ascii=False)
    title = f"Nieuw gepubliceerd verhaal {uuid.uuid4().hex[:6]}"
    admin = Actor(0, "Cachetest", frozenset({Grant(Role.ADMIN)}))
    with session_scope(url) as s:
        ref = editing.create_story(s, admin, "sociaal-en-vitaal", {"kind": "citaat", "title": title,
                                                                   "summary": "Net gepubliceerd",
                                                                   "story_date": "2026-09-01", "consent": True})
        for step in ("ingediend", "goedgekeurd", "gepubliceerd"):
            ref = editing.transition(s, admin, "verhaal", ref.id, step, ref.version, four_eyes=False)
    edited = json.dumps(_router(_reader(demo_app), path), ensure_ascii=False)
    assert title not in before and title in edited
    figure = "66,6%"  # the trend card's latest value, as a reader sees it (the chart is a server-drawn picture)
    table = tmp_path / "cijfers.csv"
    table.write_text("indicator;regio;periode;waarde\njeugdhulp;GM0141;2026;66,6\n", encoding="utf-8")
    assert cli.main(["--database-url", url, "load-table", str(table), "--quiet"]) == 0
    loaded = json.dumps(_router(_reader(demo_app), path), ensure_ascii=False)
    assert figure not in edited and figure in loaded


def test_the_data_version_rises_with_content_writes_only(db_url: str) -> None:
    start = _version(db_url)
    assert start == 1
    with session_scope(db_url) as s:
        create_user(s, f"v-{uuid.uuid4().hex[:6]}@gemeente.nl", "Versie", "een lang genoeg wachtwoord")
    assert _version(db_url) == start  # an account is no public content
    from tests.integration.test_quarter import build_world

    build_world(db_url)
    assert _version(db_url) == start + 1  # one transaction, one step
    with pytest.raises(RuntimeError), session_scope(db_url) as s:
        from db.models import Region

        s.add(Region(code="GM9999", name="Nergens", kind="gemeente"))
        s.flush()
        raise RuntimeError("rolled back")
    assert _version(db_url) == start + 1  # a rolled-back write raises nothing


def test_every_write_path_of_db_write_raises_the_data_version(db_url: str, tmp_path: Path) -> None:
    """The demo load, an ETL file load, editing (create, workflow steps, a measurement), publishing a quarter and
    meeting notes each raise the data version once they commit; accounts, sessions and upload records do not."""
    from datetime import date, timedelta

    from db import web_sessions
    from db import write as editing
    from db.read.programmes import programme_id
    from db.write.media import record_upload
    from db.write.quarter import add_note, mark_done
    from etl import cli
    from etl.demo import load_demo

    def raised(step) -> bool:  # noqa: ANN001
        before = _version(db_url)
        step()
        return _version(db_url) > before

    def in_session(fn):  # noqa: ANN001, ANN202
        def run() -> None:
            with session_scope(db_url) as s:
                fn(s)
        return run

    admin = Actor(0, "Versietest", frozenset({Grant(Role.ADMIN)}))
    assert raised(lambda: load_demo(db_url))
    table = tmp_path / "cijfers.csv"
    table.write_text("indicator;regio;periode;waarde\njeugdhulp;GM0141;2026;66,6\n", encoding="utf-8")
    assert raised(lambda: cli.main(["--database-url", db_url, "load-table", str(table), "--quiet"]))
    refs = {}

    def story(s) -> None:  # noqa: ANN001
        refs["story"] = editing.create_story(s, admin, "sociaal-en-vitaal", {
            "kind": "citaat", "title": "Versie", "summary": "Versie", "story_date": "2026-09-01", "consent": True})

    def submit(s) -> None:  # noqa: ANN001
        editing.transition(s, admin, "verhaal", refs["story"].id, "ingediend", refs["story"].version)

    def measurement(s) -> None:  # noqa: ANN001
        result = next(i for i in editing.editable_items(s, admin) if i.kind == ItemKind.RESULT)
        editing.create_measurement(s, admin, result.id, {"period": "2020-Q1", "target": 1, "realised": 1,
                                                         "status": "op_koers"})

    quarter = Period.quarter(2025, 4)
    assert raised(in_session(story)) and raised(in_session(submit)) and raised(in_session(measurement))
    assert raised(in_session(lambda s: publish_quarter(s, quarter, Renderers(
        html=lambda r: "<p>r</p>", pdf=lambda r: b"%PDF", xlsx=lambda r: b"PK"), "Versietest")))
    assert raised(in_session(lambda s: refs.update(note=add_note(s, "sociaal-en-vitaal", quarter, "actiepunt",
                                                                 "Versie", owner="Team"))))
    assert raised(in_session(lambda s: mark_done(s, refs["note"].id, date(2026, 1, 5))))
    email = f"v-{uuid.uuid4().hex[:6]}@gemeente.nl"
    assert not raised(in_session(lambda s: refs.update(user=create_user(s, email, "Versie", "een lang wachtwoord!"))))
    assert not raised(in_session(lambda s: web_sessions.create(s, refs["user"].id, {}, timedelta(hours=1))))
    assert not raised(in_session(lambda s: record_upload(s, admin, f"{uuid.uuid4().hex[:22]}.png",
                                                         programme_id(s, "sociaal-en-vitaal"), "image", 10)))


def test_assets_carry_a_content_hash_and_long_cache_headers(demo_app) -> None:  # noqa: ANN001
    client = demo_app.server.test_client()
    html = client.get("/").get_data(as_text=True)
    links = re.findall(r'"(/assets/[^"?]+)\?v=([0-9a-f]{16})"', html)
    assert links
    assert not re.search(r'/assets/[^"]+\?m=', html)
    path, digest = links[0]
    fresh = client.get(f"{path}?v={digest}")
    assert fresh.status_code == 200 and fresh.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    stale = client.get(f"{path}?v=0000000000000000")
    assert stale.headers["Cache-Control"] == "no-cache"
    suites = re.findall(r'src="(/_dash-component-suites/[^"]+)"', html)
    assert suites and "max-age=31536000" in client.get(suites[0]).headers.get("Cache-Control", "")


def test_a_cached_no_update_answer_is_an_empty_204_without_encoding(demo_app) -> None:  # noqa: ANN001
    """Dash's 'nothing to update' (PreventUpdate) from the cache: 204, no body and no Content-Encoding (a gzip header
    on an empty body made clients fail to decompress it)."""
    body = {"output": "..programma-trends.children...url.search...resultaten-vergelijk.value..."
                      "programma-getoond.data..",
            "outputs": [{"id": "programma-trends", "property": "children"}, {"id": "url", "property": "search"},
                        {"id": "resultaten-vergelijk", "property": "value"},
                        {"id": "programma-getoond", "property": "data"}],
            "inputs": [[{"id": {"type": "programma-vergelijk", "group": 0}, "property": "value", "value": ["NL01"]}]],
            "state": [{"id": "programma-slug", "property": "data", "value": "sociaal-en-vitaal"},
                      {"id": "url", "property": "search", "value": f"?x={uuid.uuid4().hex}"},
                      {"id": "programma-getoond", "property": "data", "value": [["NL01"]]}],
            "changedPropIds": ['{"group":0,"type":"programma-vergelijk"}.value']}
    for _ in range(2):
        reader = _reader(demo_app)
        answer = reader.post(UPDATE, json=body, headers={"X-CSRFToken": reader.get_cookie("_csrf_token").value,
                                                         "Accept-Encoding": "gzip, deflate, br"})
        assert answer.status_code == 204 and answer.data == b""
        assert "Content-Encoding" not in answer.headers


def test_visitors_with_different_page_loads_share_the_cached_answer(demo_app) -> None:  # noqa: ANN001
    """dash-renderer sends every callback to `/_dash-update-component?endId=<a random token of the page load>`: two
    visitors never share it, yet their answers must come from the cache; a background callback's job never does."""
    first, second = _reader(demo_app), _reader(demo_app)
    token_of = {c: c.get_cookie("_csrf_token").value for c in (first, second)}
    shells = [c.get("/programma/sociaal-en-vitaal").get_data(as_text=True) for c in (first, second)]
    end_ids = [re.search(r"\"end_id\":\s*\"([^\"]+)\"", html)[1] for html in shells]
    assert end_ids[0] != end_ids[1]  # the stored page shell gets a fresh end_id per page load …
    from dash import _callback_signing

    secret = demo_app._get_signing_secret()
    assert all(_callback_signing.unsign(secret, _callback_signing.END_SCOPE, e) for e in end_ids)  # … signed
    body = {"output": "..page-content.children...page-title.data..",
            "outputs": [{"id": "page-content", "property": "children"}, {"id": "page-title", "property": "data"}],
            "inputs": [{"id": "url", "property": "pathname", "value": "/wijken"}],
            "state": [{"id": "url", "property": "search", "value": f"?x={uuid.uuid4().hex}"}],
            "changedPropIds": ["url.pathname"]}
    answers = []
    for client, end_id in zip((first, second), end_ids, strict=True):
        hits = _hits()
        answers.append(client.post(f"{UPDATE}?endId={end_id}", json=body,
                                   headers={"X-CSRFToken": token_of[client]}).status_code)
        hit = _hits() > hits
    assert answers == [200, 200] and hit  # the second visitor's answer came from the cache


def test_an_answer_with_a_visitors_csrf_token_is_never_shared(demo_app) -> None:  # noqa: ANN001
    """The sign-in page's form carries the visitor's own CSRF token: a second visitor must get their own, never the
    first one's from the cache (else their sign-in is refused)."""
    tokens = []
    for _ in range(2):
        reader = _reader(demo_app)
        page = json.dumps(_router(reader, "/inloggen"))
        own = reader.get_cookie("_csrf_token").value
        assert own in page
        tokens.append(own)
    assert tokens[0] != tokens[1]
