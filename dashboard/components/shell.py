"""The page frame: skip link, page header (the theme's logo, name, account area) with the navigation bar, demo
banner, main landmark, page footer (with the accessibility statement). NL Design System page header, nav bar and
page footer; built once at start with the theme's logo."""

from dash import dcc, html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.account import account_area

STATEMENT_PATH = "/toegankelijkheid"


def header(logo_url: str | None = None, logo_alt: str = "") -> html.Header:
    """`logo_url`: the theme's logo (assets/themes/<name>/logo.svg), shown before the site's name."""
    brand = [html.Span(texts.APP_TITLE, className="brand-name"),
             html.Span(texts.APP_TAGLINE, className="brand-tagline")]
    return html.Header(className="site-header", children=[
        html.A(texts.SKIP_LINK, href="#inhoud", className="utrecht-skip-link utrecht-skip-link--visible-on-focus"),
        html.Div(className="utrecht-page-header", children=html.Div(
            className="utrecht-page-header__content container header-inner", children=[
                html.Div(className="brand-block", children=[
                    html.Img(src=logo_url, alt=logo_alt, className="brand-logo") if logo_url else None,
                    dcc.Link(className="brand", href="/", children=brand),
                ]),
                account_area(),
            ])),
        html.Nav(className="utrecht-nav-bar", **{"aria-label": texts.NAV_LABEL}, children=html.Div(
            className="utrecht-nav-bar__content container", children=html.Ul(
                className="utrecht-nav-list", children=[
                    html.Li(dcc.Link(texts.NAV_OVERVIEW, href="/", className="utrecht-nav-list__link"),
                            className="utrecht-nav-list__item"),
                    html.Li(dcc.Link(texts.NAV_DISTRICTS, href="/wijken", className="utrecht-nav-list__link"),
                            className="utrecht-nav-list__item"),
                ]))),
    ])


def demo_banner() -> html.Div:
    return html.Div(className="demo-banner", role="note", children=html.Div(texts.DEMO_BANNER, className="container"))


def footer() -> html.Footer:
    return html.Footer(className="utrecht-page-footer site-footer", children=html.Div(
        className="utrecht-page-footer__content container", children=[
            html.P(texts.FOOTER_SOURCE), html.P(texts.FOOTER_ABOUT),
            html.P(nl.Link(texts.FOOTER_ACCESSIBILITY, href=STATEMENT_PATH)),
        ]))
