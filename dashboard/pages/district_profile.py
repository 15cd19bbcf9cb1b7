"""Route `/wijk/<code>` (e.g. `/wijk/WK014110`, Binnenstad): every indicator known for one wijk beside its gemeente
and Nederland, with the wijk's class and its own trend; linked from the wijken table and map."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components import stack_table as st
from dashboard.components.badges import VERDICT_NAME, example_label
from dashboard.components.district_map import class_badge
from dashboard.components.outdated import outdated
from dashboard.data import actuality_max_age, read_session
from dashboard.theme import current_theme
from db.read.districts import wijk_profile
from indicators.actuality import DEFAULT_MAX_AGE_YEARS
from indicators.districts import WijkFigure, WijkProfile
from indicators.formatting import format_number
from indicators.sparkline import data_uri, sparkline_svg
from indicators.trends import ICONS


def trend_cell(f: WijkFigure) -> list:
    """The wijk's own development: verdict in words and icon (against the period before), and a small line."""
    if f.summary is None or f.summary.reference is None:
        return [texts.WIJK_TREND_ONE.format(period=f.period.label)]
    svg = sparkline_svg(list(f.values), [], width=64, height=24, colour=current_theme().colour("chart-1"))
    return [
        html.Span(className=f"wijk-trend {VERDICT_NAME[f.summary.verdict]}", children=[
            html.Span(ICONS[f.summary.verdict], className="trend-glance-icon", **{"aria-hidden": "true"}), " ",
            texts.WIJK_TREND_SINCE.format(verdict=f.summary.verdict.value, period=f.summary.reference.period.label)]),
        html.Img(src=data_uri(svg), alt="", width=64, height=24, className="sparkline") if svg else None,
    ]


def figure_row(f: WijkFigure, profile: WijkProfile, today: date, max_age: int) -> html.Tr:
    ind = f.indicator
    stale = outdated(f.period, today, max_age)
    return st.row(className="wijk-figure", cells=[
        st.row_header([nl.Link(ind.name, href=f"/wijken?gemeente={profile.gemeente_code}&indicator={ind.code}"),
                       " ", example_label() if f.is_example else None]),
        st.cell(texts.WIJK_COL_PERIOD, [f.period.label, html.Span([" ", html.Strong(texts.OUTDATED_LABEL.lower())],
                                                                   className="trend-glance-outdated")
                                        if stale else None], "period-cell"),
        st.cell(profile.name, format_number(f.value, ind.decimals, ind.unit), "num wijk-value"),
        st.cell(profile.gemeente_name, format_number(f.gemeente_value, ind.decimals, ind.unit), "num gemeente-value"),
        st.cell(texts.WIJK_COUNTRY, format_number(f.country_value, ind.decimals, ind.unit), "num country-value"),
        st.cell(texts.DISTRICTS_COL_CLASS, class_badge(f.district_class), "class-cell"),
        st.cell(texts.WIJK_COL_TREND, trend_cell(f), "trend-cell"),
    ])


def page(profile: WijkProfile, max_age: int = DEFAULT_MAX_AGE_YEARS) -> html.Div:
    today = date.today()
    caption = texts.WIJK_CAPTION.format(name=profile.name, gemeente=profile.gemeente_name)
    head = [texts.WIJK_COL_INDICATOR, texts.WIJK_COL_PERIOD, profile.name, profile.gemeente_name, texts.WIJK_COUNTRY,
            texts.DISTRICTS_COL_CLASS, texts.WIJK_COL_TREND]
    sources = sorted({f.source for f in profile.figures if f.source})
    return html.Div(className="container page-wijk", children=[
        nl.H1(texts.WIJK_TITLE.format(name=profile.name)),
        html.P(texts.WIJK_META.format(gemeente=profile.gemeente_name, code=profile.code), className="card-meta"),
        html.P(texts.WIJK_INTRO.format(gemeente=profile.gemeente_name), className=nl.LEAD),
        st.table(st.head(head, {profile.name, profile.gemeente_name, texts.WIJK_COUNTRY}),
                 st.body([figure_row(f, profile, today, max_age) for f in profile.figures]),
                 caption=caption, class_name="wijk-profile-table", id="wijk-cijfers")
        if profile.figures else html.P(texts.WIJK_NONE),
        html.P(texts.WIJK_SOURCE.format(source=", ".join(sources)), className="provenance") if sources else None,
        html.P(nl.Link(texts.WIJK_BACK.format(gemeente=profile.gemeente_name),
                        href=f"/wijken?gemeente={profile.gemeente_code}")),
        html.Nav(**{"aria-labelledby": "wijk-andere"}, className="wijk-others", children=[
            nl.H2(texts.WIJK_OTHERS.format(gemeente=profile.gemeente_name), id="wijk-andere", className=nl.HEADING_5),
            html.Ul([html.Li(nl.Link(name, href=f"/wijk/{code}")) for code, name in profile.other_wijken]),
        ]) if profile.other_wijken else None,
    ])


def not_found(code: str) -> html.Div:
    return html.Div(className="container", children=[
        nl.H1(texts.NOT_FOUND_TITLE), html.P(texts.WIJK_NOT_FOUND.format(code=code)),
        nl.Link(texts.BACK_TO_OVERVIEW, href="/"),
    ])


def layout(code: str | None = None, **_query: str) -> html.Div:
    with read_session() as session:
        profile = wijk_profile(session, code or "")
    return page(profile, actuality_max_age()) if profile else not_found(code or "")
