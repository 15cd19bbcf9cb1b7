"""Page state in the query string: parse and build `?vergelijk=NL01,GM0153&regio=GM0141`."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode

_CODE = re.compile(r"^[A-Z]{2}[0-9]{2,8}$")


def parse_query(search: str | None) -> dict[str, str]:
    """Query parameters; a parameter given several times (checkboxes) is joined with commas."""
    values = parse_qs((search or "").lstrip("?"), keep_blank_values=True)
    return {k: ",".join(x for x in v if x) for k, v in values.items()}


def parse_codes(text: str | None) -> list[str]:
    """Region codes from a comma-separated value; anything that is not a code is dropped."""
    codes = []
    for raw in (text or "").split(","):
        code = raw.strip().upper()
        if _CODE.match(code) and code not in codes:
            codes.append(code)
    return codes


def build_search(**params: str | list[str] | None) -> str:
    clean = {}
    for key, value in params.items():
        if isinstance(value, list):
            value = ",".join(value)
        if value:
            clean[key] = value
    return f"?{urlencode(clean, safe=',')}" if clean else ""


def merge_search(current: str | None, **updates: str | list[str] | None) -> str:
    """The current query with some parameters replaced (an empty value removes it); the rest is kept."""
    params: dict[str, str | list[str] | None] = dict(parse_query(current))
    params.update(updates)
    return build_search(**params)
