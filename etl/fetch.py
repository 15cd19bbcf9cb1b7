"""Fetch a CBS StatLine table by id through CBS's OData v3 API into a folder that `load-cbs` reads.

Writes TypedDataSet.json, DataProperties.json, TableInfos.json and the geo dimension (e.g. RegioS.json),
following `odata.nextLink` for tables longer than one page. The base URL is the setting `CBS_ODATA_URL`
(default https://opendata.cbs.nl/ODataApi/odata); the tests point it at a local server with recorded replies.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path

from etl import messages
from settings import get_settings

TABLE_ID = re.compile(r"^\d{5}[A-Za-z]{3}$")
ENTITIES = ("TableInfos", "DataProperties", "TypedDataSet")
GEO_DIMENSIONS = ("RegioS", "WijkenEnBuurten", "Gemeenten")
MAX_PAGES = 10_000


class FetchError(Exception):
    """A table could not be fetched; the message is plain Dutch for the command line."""


def _get_json(url: str, timeout: float) -> dict:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:  # noqa: S310 (https/http base from settings)
            return json.load(reply)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise FetchError(messages.FETCH_NOT_FOUND.format(url=url)) from None
        raise FetchError(messages.FETCH_HTTP.format(url=url, status=exc.code)) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise FetchError(messages.FETCH_NETWORK.format(url=url, reason=getattr(exc, "reason", exc))) from None
    except json.JSONDecodeError:
        raise FetchError(messages.FETCH_NOT_JSON.format(url=url)) from None


def fetch_entity(url: str, timeout: float = 60.0) -> list[dict]:
    """All rows of one OData entity set, page by page."""
    rows: list[dict] = []
    next_url: str | None = url
    for _ in range(MAX_PAGES):
        if not next_url:
            return rows
        doc = _get_json(next_url, timeout)
        page = doc.get("value") if isinstance(doc, dict) else None
        if not isinstance(page, list):
            raise FetchError(messages.FETCH_NOT_JSON.format(url=next_url))
        rows.extend(page)
        next_url = doc.get("odata.nextLink") or doc.get("@odata.nextLink")
    raise FetchError(messages.FETCH_TOO_MANY_PAGES.format(url=url))


def fetch_table(table_id: str, out: Path | None = None, base_url: str | None = None) -> Path:
    """Download table `table_id` into `out` (default: ./var/cbs/<table_id>) and return that folder."""
    table_id = (table_id or "").strip()
    if not TABLE_ID.match(table_id):
        raise FetchError(messages.FETCH_BAD_ID.format(table=table_id))
    base = (base_url or get_settings().cbs_odata_url).rstrip("/")
    folder = Path(out) if out else Path("var") / "cbs" / table_id
    entities = {name: fetch_entity(f"{base}/{table_id}/{name}?$format=json") for name in ENTITIES}
    geo = [p["Key"] for p in entities["DataProperties"]
           if p.get("Type") == "GeoDimension" or p.get("Key") in GEO_DIMENSIONS]
    for key in geo[:1]:
        entities[key] = fetch_entity(f"{base}/{table_id}/{key}?$format=json")
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in entities.items():
        tmp = folder / f".{name}.json.part"
        tmp.write_text(json.dumps({"value": rows}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(folder / f"{name}.json")
    return folder
