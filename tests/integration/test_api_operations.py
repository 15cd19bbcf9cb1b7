"""Issue 15's protections on the open-data API (issue 16), on the real app (`python app.py`'s create_app, Flask test
client): a body over MAX_REQUEST_MB is refused with 413 (problem+json) before it is read; answers carry the security
headers and a request id; requests are counted by route in /metrics; anonymous answers come from the response cache,
keyed by the Accept header (JSON and CSV apart) and the data version – a publication shows in the very next answer;
absolute links use BASE_URL, never the request's Host; under REQUIRE_SIGN_IN a cached answer is no way around the
API's 401, while the OpenAPI document stays public."""

from __future__ import annotations

import uuid

import pytest
from prometheus_client import REGISTRY

from dashboard.auth import REQUIRE_KEY
from dashboard.data import CONFIG_KEY
from dashboard.metrics import CACHE, TOKEN_KEY
from dashboard.public_url import BASE_URL_KEY
from db import write as editing
from db.accounts import Grant
from db.session import session_scope
from db.write.workflow import Actor
from indicators.enums import Role

SLUG = "sociaal-en-vitaal"
STORIES = f"/api/v1/verhalen?programma={SLUG}"
JSON, CSV = {"Accept": "application/json"}, {"Accept": "text/csv"}


def _hits() -> float:
    return CACHE.labels("hit")._value.get()


def _publish_story(url: str) -> str:
    """A new published story of SLUG (a write through db.write: the data version rises); its title."""
    title = f"API-verhaal {uuid.uuid4().hex[:8]}"
    admin = Actor(0, "API-test", frozenset({Grant(Role.ADMIN)}))
    with session_scope(url) as s:
        ref = editing.create_story(s, admin, SLUG, {"kind": "citaat", "title": title, "summary": "Voor de API",
                                                    "story_date": "2026-09-01", "consent": True})
        for step in ("ingediend", "goedgekeurd", "gepubliceerd"):
            ref = editing.transition(s, admin, "verhaal", ref.id, step, ref.version, four_eyes=False)
    return title


def test_a_large_body_to_the_api_is_refused_before_it_is_read(demo_app) -> None:  # noqa: ANN001
    client = demo_app.server.test_client()
    for method in ("GET", "POST"):
        answer = client.open("/api/v1/programmas", method=method, data=b"x" * (5 * 1024 * 1024))
        assert answer.status_code == 413, method
        assert answer.mimetype == "application/problem+json"
        assert answer.get_json()["status"] == 413 and "1 MB" in answer.get_json()["detail"]
        assert answer.headers["API-Version"] and answer.headers["X-Request-ID"]
        assert "default-src 'self'" in answer.headers["Content-Security-Policy"]


def test_api_requests_are_counted_by_route_in_metrics(demo_app, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    labels = {"method": "GET", "route": "/api/v1/programmas/<slug>", "status": "200"}
    before = REGISTRY.get_sample_value("perspectief_http_request_duration_seconds_count", labels) or 0
    client = demo_app.server.test_client()
    answer = client.get(f"/api/v1/programmas/{SLUG}")
    assert answer.status_code == 200 and answer.headers["X-Request-ID"]
    assert REGISTRY.get_sample_value("perspectief_http_request_duration_seconds_count", labels) == before + 1
    monkeypatch.setitem(demo_app.server.config, TOKEN_KEY, "een-token-voor-de-test")
    scraped = client.get("/metrics", headers={"Authorization": "Bearer een-token-voor-de-test"})
    assert scraped.status_code == 200
    assert 'route="/api/v1/programmas/<slug>"' in scraped.get_data(as_text=True)


def test_api_answers_come_from_the_cache_per_accept_header_and_a_publication_shows_at_once(demo_app) -> None:  # noqa: ANN001
    url = demo_app.server.config[CONFIG_KEY]
    client = demo_app.server.test_client()
    title = _publish_story(url)  # a new data version: nothing of it is cached yet
    first = client.get(STORIES, headers=JSON)
    assert first.status_code == 200 and title in first.get_data(as_text=True)
    hits = _hits()
    again = client.get(STORIES, headers=JSON)
    assert _hits() == hits + 1 and again.get_data() == first.get_data() and again.mimetype == "application/json"
    assert again.headers["ETag"] == first.headers["ETag"] and again.headers["X-Total-Count"]
    assert again.headers["Link"] == first.headers["Link"] and "Accept" in again.headers["Vary"]
    as_csv = client.get(STORIES, headers=CSV)  # the same URL as CSV: its own entry, never the JSON answer
    assert as_csv.status_code == 200 and as_csv.mimetype == "text/csv" and title in as_csv.get_data(as_text=True)
    assert _hits() == hits + 1
    unchanged = client.get(STORIES, headers={**JSON, "If-None-Match": first.headers["ETag"]})
    assert unchanged.status_code == 304 and _hits() == hits + 2  # from the cache, still conditional
    newer = _publish_story(url)
    fresh = client.get(STORIES, headers=JSON)
    assert newer in fresh.get_data(as_text=True)  # no stale answer after a write
    assert client.get(STORIES, headers=CSV).get_data(as_text=True).count(newer) == 1


def test_api_links_use_base_url_whatever_the_host_header(demo_app) -> None:  # noqa: ANN001
    base = demo_app.server.config[BASE_URL_KEY].rstrip("/")
    client = demo_app.server.test_client()
    forged = client.get("/api/v1/programmas", headers={"Host": "evil.example"})
    assert forged.status_code == 200
    links = [p["url"] for p in forged.get_json()]
    assert links and all(link.startswith(f"{base}/api/v1/programmas/") for link in links)
    assert "evil.example" not in forged.get_data(as_text=True) + forged.headers["Link"]


def test_under_require_sign_in_a_cached_api_answer_is_no_way_around_the_401(demo_app,  # noqa: ANN001
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    client = demo_app.server.test_client()
    assert client.get("/api/v1/indicatoren", headers=JSON).status_code == 200
    assert client.get("/api/v1/indicatoren", headers=JSON).status_code == 200  # cached now
    monkeypatch.setitem(demo_app.server.config, REQUIRE_KEY, True)
    refused = client.get("/api/v1/indicatoren", headers=JSON)
    assert refused.status_code == 401 and refused.mimetype == "application/problem+json"
    assert client.get("/api/v1/openapi.json").status_code == 200  # the document stays public
    statement = client.get("/toegankelijkheid")
    assert statement.status_code == 303 and "/inloggen" in statement.headers["Location"]  # as every page
