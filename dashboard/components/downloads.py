"""Download links under a table or chart: the same rows as CSV and as XLSX (served by dashboard.downloads)."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import html

from dashboard import texts
from dashboard.components import nl


def download_href(what: str, fmt: str, params: dict[str, str | None]) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")}, safe=",")
    return f"/download/{what}.{fmt}" + (f"?{query}" if query else "")


def download_links(what: str, params: dict[str, str | None], label: str) -> html.P:
    """Two plain links (a download is a server response, not a page of the app); hidden text says what."""
    def link(fmt: str, text: str) -> html.A:
        return nl.A([text, html.Span(texts.DOWNLOAD_HIDDEN.format(what=label), className="visually-hidden")],
                      href=download_href(what, fmt, params), download="", className=f"download-link download-{fmt}")

    return html.P(className="downloads", children=[
        f"{texts.DOWNLOAD}: ", link("csv", "CSV"), " · ", link("xlsx", "Excel (XLSX)")])
