"""The page shell (Dash's index HTML) built once, not per visit: Dash's `index()` serialises the whole app config
for every page load (~20 ms of one core, more than a cached callback answer costs by far). The shell differs
between page loads only in Dash's `end_id` – a signed random token that binds background callbacks to a page load –
so each answer gets a fresh one in the stored shell. The shell is built again when an asset file changes (its URL
carries the content hash, dashboard.asset_urls)."""

from __future__ import annotations

import re
import threading

from dash import Dash

_END_ID = re.compile(r'"end_id":\s*"[^"]*"')


def _fresh_end_id(app: Dash) -> str | None:
    """A new signed end_id, as Dash makes one per index(); None when this Dash has no such thing."""
    try:
        from dash import _callback_signing
        from dash._utils import gen_salt

        return _callback_signing.sign(app._get_signing_secret(), _callback_signing.END_SCOPE, gen_salt(24))
    except (ImportError, AttributeError):
        return None


def install_page_shell(app: Dash, stamp) -> None:  # noqa: ANN001 - a callable giving the assets' state
    """Serve app.index() from one stored shell (rebuilt when `stamp()` changes), with a fresh end_id each time."""
    index = app.index
    lock = threading.Lock()
    stored: dict[str, object] = {"stamp": None, "html": None}

    def shell(*args, **kwargs) -> str:  # noqa: ANN002, ANN003
        end_id = _fresh_end_id(app)
        current = stamp()
        with lock:
            html, same = stored["html"], stored["stamp"] == current
        if end_id is None or html is None or not same or not _END_ID.search(html):
            html = index(*args, **kwargs)
            if end_id is None or not _END_ID.search(html):
                return html  # a Dash without end_id: build it every time
            with lock:
                stored.update(stamp=current, html=html)
        return _END_ID.sub(lambda _m: f'"end_id":"{end_id}"', html, count=1)

    app.index = shell
