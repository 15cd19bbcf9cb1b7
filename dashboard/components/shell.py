"""The page frame: skip link, header with navigation, demo banner, main landmark, footer."""

from dash import dcc, html

from dashboard import texts
from dashboard.components.account import account_area


def header() -> html.Header:
    return html.Header(className="site-header", children=[
        html.A(texts.SKIP_LINK, href="#inhoud", className="skip-link"),
        html.Div(className="container header-inner", children=[
            dcc.Link(className="brand", href="/", children=[
                html.Span(texts.APP_TITLE, className="brand-name"),
                html.Span(texts.APP_TAGLINE, className="brand-tagline"),
            ]),
            html.Nav(**{"aria-label": texts.NAV_LABEL}, children=html.Ul(className="nav-list", children=[
                html.Li(dcc.Link(texts.NAV_OVERVIEW, href="/")),
                html.Li(dcc.Link(texts.NAV_DISTRICTS, href="/wijken")),
            ])),
            account_area(),
        ]),
    ])


def demo_banner() -> html.Div:
    return html.Div(className="demo-banner", role="note", children=html.Div(texts.DEMO_BANNER, className="container"))


def footer() -> html.Footer:
    return html.Footer(className="site-footer", children=html.Div(className="container", children=[
        html.P(texts.FOOTER_SOURCE), html.P(texts.FOOTER_ABOUT),
    ]))
