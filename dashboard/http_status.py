"""The HTTP status of a page address: Dash answers every path with the same page shell (200), so a probe, a crawler
or a broken link could not tell a real page from a typo. Here an address that no route knows – or whose programme,
indicator, story or quarter does not exist, or whose id is out of range – gets the same shell with status 404 (the
router then shows "Pagina niet gevonden" in the page)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import wraps
from urllib.parse import unquote

from dash import Dash
from flask import Response, request

from dashboard.auth import can, current_user
from dashboard.cache import current_version
from dashboard.data import read_session
from dashboard.limits import parse_id
from db.read import lookups
from indicators.enums import Action
from indicators.periods import PeriodError, parse_quarter

DASH_CATCHALL = "<path:path>"


def _ids_valid(groups: dict[str, str]) -> bool:
    return all(parse_id(v) is not None for k, v in groups.items() if k.endswith("_id") and v != "nieuw")


def _exists(path: str, groups: dict[str, str]) -> bool:
    """Whether the thing a matched route names is there (checked only for what readers link to)."""
    if "quarter" in groups:
        try:
            quarter = parse_quarter(groups["quarter"])
        except PeriodError:
            return False
        with read_session() as s:
            return lookups.quarter_exists(s, quarter)
    with read_session() as s:
        if path.startswith("/programma/") and "slug" in groups:
            return lookups.programme_exists(s, groups["slug"])
        if path.startswith("/indicator/") and "code" in groups:
            return lookups.indicator_exists(s, groups["code"])
        if path.startswith("/verhaal/") and "story_id" in groups:
            found = lookups.story_programme(s, int(groups["story_id"]))
            return found is not None and (found[1] or can(Action.READ_UNPUBLISHED, found[0]))
    return True


def page_exists(path: str) -> bool:
    """Whether a page address is one of ours, with an existing subject."""
    from dashboard.router import ROUTES

    path = unquote(path or "/")
    for pattern, _layout, _title in ROUTES:
        if m := pattern.match(path):
            groups = m.groupdict()
            return _ids_valid(groups) and _exists(path, groups)
    return False


def install_page_status(app: Dash) -> None:
    """Answer unknown page addresses with the page shell and status 404 (wraps Dash's catch-all view, so it runs
    after every guard; the response cache may wrap it in turn)."""
    server = app.server
    endpoint = (app.config.routes_pathname_prefix or "/") + DASH_CATCHALL
    view = server.view_functions[endpoint]

    known: OrderedDict[tuple[str, int], bool] = OrderedDict()
    lock = threading.Lock()

    def exists(path: str) -> bool:
        """page_exists, remembered per data version for anonymous visitors (a story's existence depends on who
        asks; the answer for anonymous visitors changes only with a write)."""
        if current_user() is not None:
            return page_exists(path)
        key = (path, current_version())
        with lock:
            if key in known:
                known.move_to_end(key)
                return known[key]
        found = page_exists(path)
        with lock:
            known[key] = found
            while len(known) > 4096:
                known.popitem(last=False)
        return found

    @wraps(view)
    def page_or_not_found(*args, **kwargs):  # noqa: ANN202
        if not exists(request.path):
            return Response(app.index(), status=404, mimetype="text/html")
        return view(*args, **kwargs)

    server.view_functions[endpoint] = page_or_not_found
