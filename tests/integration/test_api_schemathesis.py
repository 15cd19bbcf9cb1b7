"""Property-based tests of the open-data API with schemathesis, in-process (WSGI) against the app on the demo
database: every operation of the served OpenAPI document with generated valid and invalid parameters. Checks:
schemathesis' own (no 5xx, status codes, content types, headers and bodies as documented, invalid input refused,
valid input accepted) plus ours: API-Version on every answer, and every error a Dutch problem+json whose status
matches the answer's."""

from __future__ import annotations

import json
from collections import Counter

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings

from dashboard.api import VERSION
from dashboard.api.routes import register_api

EXAMPLES = 40  # per operation


def served_document() -> dict:
    """The document as the API serves it, from a bare Flask server with only the API (no database needed), so that
    pytest can make one test per operation when it collects this file."""
    server = Flask("openapi-document")
    register_api(server)
    return server.test_client().get("/api/v1/openapi.json").get_json()


schema = schemathesis.openapi.from_dict(served_document())


@pytest.fixture(scope="module")
def demo_server(demo_app):  # noqa: ANN001, ANN201 - the Dash app; its Flask server
    """The whole app on the demo database, which serves the same document."""
    assert demo_app.server.test_client().get("/api/v1/openapi.json").get_json() == schema.raw_schema
    return demo_app.server


STATUSES: dict[str, Counter] = {}  # operation -> how often each status came back (in this test process)


@pytest.fixture(scope="module", autouse=True)
def _both_sides_were_tried():  # noqa: ANN202 - a fixture
    """After the module: every operation answered valid requests with 200 and refused invalid ones with 400 (those
    with parameters), so the property tests really went through both sides. Prints the counts with `-s`."""
    yield
    for label, statuses in sorted(STATUSES.items()):
        print(f"schemathesis {label}: {sum(statuses.values())} requests, {dict(sorted(statuses.items()))}")  # noqa: T201
        if label != "GET /kwartalen/{kwartaal}":  # the demo has no published quarter: see the test below
            assert statuses[200] > 0, f"{label}: never a 200"
        if label != "GET /openapi.json":
            assert statuses[400] + statuses[404] > 0, f"{label}: invalid input never refused"


def version_and_problem(ctx, response, case) -> None:  # noqa: ANN001, ARG001 - schemathesis' check signature
    """API-Version on every answer; an error is problem+json with status, title and detail (RFC 9457)."""
    STATUSES.setdefault(case.operation.label, Counter())[response.status_code] += 1
    headers = {name.lower(): values for name, values in response.headers.items()}  # {name: [values]}
    assert headers.get("api-version") == [VERSION], f"API-Version ontbreekt of is fout: {headers.get('api-version')}"
    if response.status_code >= 400:
        assert headers.get("content-type") == ["application/problem+json"], f"fout zonder problem+json: {headers}"
        body = json.loads(response.content)
        assert body["status"] == response.status_code
        assert body["title"] and body["detail"]
        if response.status_code == 400:
            assert body["invalidParams"], "een 400 noemt de ongeldige parameter"


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case, demo_server) -> None:  # noqa: ANN001 - a schemathesis Case, the server
    case.operation.schema.app = demo_server  # in-process (WSGI): no socket, no network
    # identity: the WSGI transport hands over the body as the app sends it, and the app compresses (flask-compress)
    case.call_and_validate(app=demo_server, headers={"Accept-Encoding": "identity"},
                           additional_checks=[version_and_problem])
