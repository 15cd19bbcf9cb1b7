"""The overview's link to the latest quarter report."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.data import read_session
from db.read.quarter import latest_report_quarter


def latest_quarter_link() -> html.P | None:
    """'Kwartaalrapportage 3e kwartaal 2026: wat is er veranderd?' linking to /kwartaal/2026-Q3 (None without an
    app context, when Dash validates layouts)."""
    try:
        with read_session() as session:
            quarter = latest_report_quarter(session, date.today())
    except RuntimeError:
        return None
    return html.P(nl.Link(texts.QUARTER_LATEST_LINK.format(label=quarter.label), href=f"/kwartaal/{quarter.code}"),
                  className="quarter-latest")
