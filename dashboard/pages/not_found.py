"""Any unknown route: a clear Dutch message and a way back."""

from dash import dcc, html

from dashboard import texts


def layout(**_query: str) -> html.Div:
    return html.Div(className="container", children=[
        html.H1(texts.NOT_FOUND_TITLE), html.P(texts.NOT_FOUND_TEXT), dcc.Link(texts.BACK_TO_OVERVIEW, href="/"),
    ])
