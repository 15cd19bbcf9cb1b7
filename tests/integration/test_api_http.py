"""The open-data API over HTTP in the whole app (Flask test client on the demo): its OpenAPI document, the rules of
the NL API Design Rules that a linter cannot see (trailing slash 404, other methods 405, the maximum page size, Dutch
problem details, API-Version everywhere, CORS on the document), pagination, conditional requests, the security
headers the pages get, and the documentation page without any outside resource."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from openapi_spec_validator import validate

from dashboard.api import VERSION
from dashboard.api.queries import MAX_PAGE_SIZE
from dashboard.api.routes import register_api
from dashboard.data import CONFIG_KEY
from settings import get_settings

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
KEBAB = re.compile(r"^(/([a-z0-9-]+|\{[a-zA-Z]+\}|openapi\.json))+$")
BASE = get_settings().public_base_url().rstrip("/")  # BASE_URL of the demo app: the API's absolute links use it
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                    "Permissions-Policy")


@pytest.fixture(scope="module")
def client(demo_app):  # noqa: ANN001, ANN201 - the Dash app; a Flask test client
    return demo_app.server.test_client()


@pytest.fixture(scope="module")
def document(client) -> dict:  # noqa: ANN001
    return client.get("/api/v1/openapi.json").get_json()


def paths(document: dict) -> list[str]:
    """Every documented path as a request path, with the demo's examples for its parameters."""
    out = []
    for path, methods in document["paths"].items():
        for p in methods["get"].get("parameters", []):
            if p["in"] == "path":
                path = path.replace("{" + p["name"] + "}", str(p["example"]))
        out.append("/api/v1" + path)
    return out


def test_document_is_valid_openapi_3_0_and_public(client, document: dict) -> None:  # noqa: ANN001
    validate(document)  # openapi-spec-validator
    assert document["openapi"].startswith("3.0.")
    assert SEMVER.match(document["info"]["version"]) and document["info"]["version"] == VERSION
    assert set(document["info"]["contact"]) == {"name", "url", "email"}
    assert document["servers"] == [{"url": "/api/v1", "description": "Deze server"}]
    answer = client.get("/api/v1/openapi.json", headers={"Origin": "https://elders.example"})
    assert answer.status_code == 200 and answer.headers["Access-Control-Allow-Origin"] == "*"
    assert answer.headers["API-Version"] == VERSION
    assert "Set-Cookie" not in answer.headers
    documented = {path for path in document["paths"]}
    assert documented == {"/programmas", "/programmas/{slug}", "/programmas/{slug}/resultaten",
                          "/programmas/{slug}/financien", "/indicatoren",
                          "/indicatoren/{code}", "/indicatoren/{code}/waarnemingen", "/regios", "/verhalen",
                          "/verhalen/{id}", "/kwartalen", "/kwartalen/{kwartaal}", "/openapi.json"}
    for path, methods in document["paths"].items():
        assert KEBAB.match(path), path
        assert set(methods) == {"get"}
        op = methods["get"]
        assert op["summary"] and op["description"] and op["tags"]
        for p in op["parameters"]:
            assert p["in"] == "path" or re.match(r"^[a-z]+([A-Z][a-z]+)*$", p["name"]), p["name"]  # camelCase
        assert op["responses"]["200"]["headers"]["API-Version"] == {"$ref": "#/components/headers/API-Version"}
        for code, response in op["responses"].items():
            if code.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"]
    # the answers' schemas are the pydantic models: a model's field is in the document under its JSON name
    assert "regioCode" in document["components"]["schemas"]["Waarneming"]["properties"]


def test_every_resource_answers_with_api_version_and_security_headers(client, document: dict) -> None:  # noqa: ANN001
    page = client.get("/")
    for path in paths(document):
        answer = client.get(path)
        assert answer.status_code in (200, 404), path  # 404: no published quarter in the demo
        assert answer.headers["API-Version"] == VERSION
        for name in SECURITY_HEADERS:
            assert answer.headers[name] == page.headers[name], (path, name)
        assert "Set-Cookie" not in answer.headers, path  # public data: nothing a shared cache must not keep
        if answer.status_code == 200:
            assert answer.headers["ETag"].startswith('W/"') and "max-age" in answer.headers["Cache-Control"]
    secure = client.get("/api/v1/programmas", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"] == page.headers.get(
        "Strict-Transport-Security", "max-age=31536000")


@pytest.mark.parametrize("path", ["/api/v1/programmas/", "/api/v1/indicatoren/eenzaamheid/",
                                  "/api/v1/verhalen/1/", "/api/v1/openapi.json/", "/api/v1/", "/api/v1/onbekend"])
def test_trailing_slash_or_unknown_path_is_404_problem(client, path: str) -> None:  # noqa: ANN001
    answer = client.get(path)
    assert answer.status_code == 404 and answer.mimetype == "application/problem+json"
    body = answer.get_json()
    assert body["status"] == 404 and body["title"] == "Niet gevonden" and body["instance"] == path
    assert answer.headers["API-Version"] == VERSION
    if path.endswith("/") and path != "/api/v1/":
        assert path.rstrip("/") in body["detail"]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_other_methods_are_405_without_csrf_or_sign_in(client, method: str) -> None:  # noqa: ANN001
    for path in ("/api/v1/programmas", "/api/v1/programmas/sociaal-en-vitaal", "/api/v1/niet-bestaand"):
        answer = client.open(path, method=method, json={"naam": "x"})
        assert answer.status_code == 405, (method, path)
        assert answer.mimetype == "application/problem+json" and answer.headers["Allow"] == "GET, HEAD, OPTIONS"
        assert answer.get_json()["detail"].startswith("Deze API is alleen-lezen")
        assert answer.headers["API-Version"] == VERSION


def test_head_and_options(client) -> None:  # noqa: ANN001
    head = client.head("/api/v1/programmas")
    assert head.status_code == 200 and head.data == b"" and head.headers["X-Total-Count"] == "2"
    options = client.options("/api/v1/programmas", headers={"Origin": "https://elders.example",
                                                            "Access-Control-Request-Method": "GET"})
    assert options.status_code == 204 and options.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert options.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert options.headers["API-Version"] == VERSION


def test_page_size_above_the_maximum_is_400_naming_the_parameter(client) -> None:  # noqa: ANN001
    answer = client.get(f"/api/v1/regios?paginaGrootte={MAX_PAGE_SIZE + 1}")
    assert answer.status_code == 400 and answer.mimetype == "application/problem+json"
    body = answer.get_json()
    assert body["title"] == "Ongeldige invoer" and body["detail"] == "De parameter paginaGrootte is ongeldig."
    assert body["invalidParams"] == [{"name": "paginaGrootte", "code": "te_groot",
                                      "reason": f"De waarde mag hoogstens {MAX_PAGE_SIZE} zijn."}]
    assert client.get(f"/api/v1/regios?paginaGrootte={MAX_PAGE_SIZE}").status_code == 200


@pytest.mark.parametrize(("query", "name", "code"), [
    ("pagina=0", "pagina", "te_klein"), ("pagina=twee", "pagina", "geen_geheel_getal"),
    ("soort=dorp", "soort", "onbekende_waarde"), ("bovenliggendeCode=almelo", "bovenliggendeCode", "ongeldig_formaat"),
    ("regiocode=GM0141", "regiocode", "onbekende_parameter"), ("pagina=1&pagina=2", "pagina", "herhaald"),
])
def test_invalid_parameters_are_named(client, query: str, name: str, code: str) -> None:  # noqa: ANN001
    body = client.get(f"/api/v1/regios?{query}").get_json()
    assert body["status"] == 400
    assert [(p["name"], p["code"]) for p in body["invalidParams"]] == [(name, code)]


def test_pages_follow_link_and_total_count(client) -> None:  # noqa: ANN001
    first = client.get("/api/v1/regios?soort=gemeente&paginaGrootte=100")
    assert first.headers["X-Total-Count"] == "346"  # 85067NED's 345 and Voorne aan Zee (2023, in 85098NED)
    links = dict(reversed(part.split("; rel=")) for part in first.headers["Link"].split(", "))
    assert set(links) == {'"first"', '"next"', '"last"'}
    assert links['"last"'] == f"<{BASE}/api/v1/regios?soort=gemeente&paginaGrootte=100&pagina=4>"
    codes = []
    for page in range(1, 5):
        rows = client.get(f"/api/v1/regios?soort=gemeente&paginaGrootte=100&pagina={page}").get_json()
        codes += [r["code"] for r in rows]
    assert len(codes) == len(set(codes)) == 346 and codes == sorted(codes)
    assert client.get("/api/v1/regios?soort=gemeente&paginaGrootte=100&pagina=5").get_json() == []
    wijken = client.get("/api/v1/regios?bovenliggendeCode=GM0141&paginaGrootte=1000").get_json()
    assert wijken and {w["soort"] for w in wijken} == {"wijk"} and "WK014110" in {w["code"] for w in wijken}


def test_unchanged_answer_is_304(client) -> None:  # noqa: ANN001
    first = client.get("/api/v1/indicatoren/eenzaamheid")
    again = client.get("/api/v1/indicatoren/eenzaamheid", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b"" and again.headers["API-Version"] == VERSION
    gzip = client.get("/api/v1/indicatoren", headers={"Accept-Encoding": "gzip"})
    assert gzip.headers["Content-Encoding"] == "gzip" and gzip.headers["ETag"].startswith('W/"')
    assert client.get("/api/v1/indicatoren", headers={"If-None-Match": gzip.headers["ETag"]}).status_code == 304
    csv = client.get("/api/v1/indicatoren", headers={"Accept": "text/csv"})
    assert csv.headers["ETag"] != gzip.headers["ETag"] and "Accept" in csv.headers["Vary"]


def test_formats_not_offered_are_406(client) -> None:  # noqa: ANN001
    answer = client.get("/api/v1/programmas", headers={"Accept": "application/xml"})
    assert answer.status_code == 406 and answer.mimetype == "application/problem+json"
    detail = client.get("/api/v1/programmas/sociaal-en-vitaal", headers={"Accept": "text/csv"})
    assert detail.status_code == 406  # one resource is JSON only; collections are CSV too
    browser = client.get("/api/v1/programmas", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert browser.status_code == 200 and browser.mimetype == "application/json"


def test_docs_page_lists_every_operation_without_outside_resources(client, document: dict) -> None:  # noqa: ANN001
    answer = client.get("/api/v1/docs")
    assert answer.status_code == 200 and answer.mimetype == "text/html"
    html = answer.get_data(as_text=True)
    assert html.startswith('<!DOCTYPE html><html lang="nl">')
    assert "<script" not in html
    assert not re.findall(rf'(?:src|href)="(?!/|#|{re.escape(BASE)})[^"]+"', html)  # nothing from elsewhere (no CDN)
    for methods in document["paths"].values():
        assert f'id="op-{methods["get"]["operationId"]}"' in html
    assert f"curl -H 'Accept: application/json' '{BASE}/api/v1/programmas/sociaal-en-vitaal'" in html


def test_a_server_error_is_a_problem_without_details(tmp_path: Path) -> None:
    """A database without the schema (never migrated): 500 as problem+json, nothing of the error itself."""
    server = Flask("api-broken")
    server.config[CONFIG_KEY] = f"sqlite:///{tmp_path / 'leeg.db'}"
    register_api(server)
    answer = server.test_client().get("/api/v1/programmas")
    assert answer.status_code == 500 and answer.mimetype == "application/problem+json"
    body = answer.get_json()
    assert body["title"] == "Serverfout" and "programme" not in answer.get_data(as_text=True)
    assert answer.headers["API-Version"] == VERSION and answer.headers["Cache-Control"] == "no-store"
