"""How an answer of the API is made: JSON or CSV by the Accept header, one page of a collection with its Link and
X-Total-Count headers (absolute links on BASE_URL), an ETag with 304 for an unchanged answer, cache and CORS headers,
and API-Version on every answer."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
from collections.abc import Sequence
from functools import cache
from urllib.parse import urlencode

from flask import Response, request
from pydantic import TypeAdapter

from dashboard.api import PREFIX, VERSION, texts
from dashboard.api.models import CSV_SKIP, ApiModel
from dashboard.api.problems import ApiProblem
from dashboard.api.queries import Paging
from dashboard.public_url import base_url

JSON = "application/json"
CSV = "text/csv"
CSV_TYPE = "text/csv; charset=utf-8; header=present"
MAX_AGE = 60  # seconds a public answer may be reused without asking; then If-None-Match makes asking cheap
EXPOSED = "API-Version, Link, X-Total-Count, ETag"


def url(path: str, **params: object) -> str:
    """The absolute URL of `path` on the public address (BASE_URL, never the request's Host header: the answer may be
    cached and served to everyone), with the query parameters that are not None."""
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return base_url().rstrip("/") + path + (f"?{query}" if query else "")


def api_url(path: str, **params: object) -> str:
    return url(PREFIX + path, **params)


def chosen_format(csv_too: bool) -> str:
    """JSON, or CSV when the client asks for it (Accept: text/csv); 406 when it accepts neither we offer."""
    offered = [JSON, CSV] if csv_too else [JSON]
    if not request.headers.get("Accept"):
        return JSON
    best = request.accept_mimetypes.best_match(offered)
    if best is None:
        raise ApiProblem(406, texts.NOT_ACCEPTABLE_TITLE, texts.NOT_ACCEPTABLE.format(offered=" of ".join(offered)))
    return best


def one(model: ApiModel) -> Response:
    """The answer with one resource (JSON only)."""
    chosen_format(csv_too=False)
    return _finish(Response(model.model_dump_json(), mimetype=JSON))


def collection(rows: Sequence[ApiModel], row_type: type[ApiModel], total: int, paging: Paging) -> Response:
    """The answer with one page of a collection: a JSON array or CSV, with Link and X-Total-Count."""
    fmt = chosen_format(csv_too=True)
    if fmt == CSV:
        response = Response(to_csv(rows, row_type), content_type=CSV_TYPE)
    else:
        response = Response(_list_adapter(row_type).dump_json(list(rows)), mimetype=JSON)
    response.headers["X-Total-Count"] = str(total)
    response.headers["Link"] = _links(total, paging)
    return _finish(response)


@cache
def _list_adapter(row_type: type[ApiModel]) -> TypeAdapter:
    return TypeAdapter(list[row_type])


def to_csv(rows: Sequence[ApiModel], row_type: type[ApiModel]) -> str:
    """`;`-separated, decimal point, UTF-8 (no BOM), a header row of the JSON names; values as in the JSON form
    (numbers, true/false, ISO dates), empty for null. Nested fields are left out."""
    skip = CSV_SKIP.get(row_type, set())
    fields = [(name, info.alias or name) for name, info in row_type.model_fields.items() if name not in skip]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([alias for _, alias in fields])
    for data in _list_adapter(row_type).dump_python(list(rows), mode="json", by_alias=True):
        writer.writerow([_cell(data[alias]) for _, alias in fields])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)  # numbers and booleans exactly as in the JSON form


def _links(total: int, paging: Paging) -> str:
    last = max(1, math.ceil(total / paging.page_size))
    params = {k: v for k, v in request.args.items() if k != "pagina"}

    def link(page: int, rel: str) -> str:
        return f'<{url(request.path, **params, pagina=page)}>; rel="{rel}"'

    links = [link(1, "first")]
    if paging.page > 1:
        links.append(link(min(paging.page - 1, last), "prev"))
    if paging.page < last:
        links.append(link(paging.page + 1, "next"))
    links.append(link(last, "last"))
    return ", ".join(links)


def _finish(response: Response) -> Response:
    """ETag (weak: the same answer may travel compressed) and 304 when the client has it already."""
    digest = hashlib.sha256(response.get_data()).hexdigest()[:32]
    response.set_etag(digest, weak=True)
    response.headers["Vary"] = "Accept"
    if request.if_none_match.contains_weak(digest):
        not_modified = Response(status=304)
        for name in ("ETag", "Vary", "Link", "X-Total-Count"):
            if name in response.headers:
                not_modified.headers[name] = response.headers[name]
        return not_modified
    return response


def add_api_headers(response: Response, public: bool) -> Response:
    """after_request of the API: API-Version on every answer, cache rules, CORS for public data."""
    response.headers["API-Version"] = VERSION
    if "Cache-Control" not in response.headers:
        if response.status_code in (200, 304) and request.method in ("GET", "HEAD"):
            response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}" if public else "private, no-cache"
        else:
            response.headers["Cache-Control"] = "no-store"
    if not public:  # the answer depends on who is signed in
        response.vary.add("Cookie")
    if public:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Accept, If-None-Match"
            response.headers["Access-Control-Max-Age"] = "86400"
    return response
