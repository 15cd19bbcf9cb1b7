"""Any unknown route: a clear Dutch message and a way back."""

from dash import html

from dashboard import texts
from dashboard.components import nl


def layout(**_query: str) -> html.Div:
    return html.Div(className="container", children=[
        nl.H1(texts.NOT_FOUND_TITLE), html.P(texts.NOT_FOUND_TEXT), nl.Link(texts.BACK_TO_OVERVIEW, href="/"),
    ])
