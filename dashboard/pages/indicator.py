"""Route `/indicator/<code>`: one indicator with chart, table, definition and provenance.

State in the URL: `?regio=GM0141&vergelijk=NL01,GM0153&periode=jaar`."""

from __future__ import annotations

from datetime import date

from dash import ALL, Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.components import nl
from dashboard.components.badges import example_label, verdict_badge
from dashboard.components.controls import flatten, radio_group, region_checklists, scroll_region, shown
from dashboard.components.downloads import download_links
from dashboard.components.outdated import outdated_label
from dashboard.components.story_tile import story_tile
from dashboard.components.trend_chart import WIDE, chart, chart_spec, data_table, notes_list, region_list
from dashboard.data import actuality_max_age, read_session
from dashboard.limits import limit_regions, too_many_regions
from dashboard.urlstate import build_search, parse_codes
from db.read.indicator import indicator_view
from indicators.actuality import DEFAULT_MAX_AGE_YEARS
from indicators.enums import COUNTRY, ObservationStatus, PeriodKind
from indicators.formatting import (
    DIRECTION_LABELS,
    OBSERVATION_STATUS_LABELS,
    format_date,
    format_datetime,
    format_number,
)
from indicators.views import IndicatorView

PERIOD_LABELS = {PeriodKind.YEAR: "Per jaar", PeriodKind.HALF_YEAR: "Per halfjaar",
                 PeriodKind.QUARTER: "Per kwartaal", PeriodKind.MONTH: "Per maand"}
PERIOD_NOUNS = {PeriodKind.YEAR: "jaarcijfers", PeriodKind.HALF_YEAR: "halfjaarcijfers",
                PeriodKind.QUARTER: "kwartaalcijfers", PeriodKind.MONTH: "maandcijfers"}


def figures(view: IndicatorView, max_age: int = DEFAULT_MAX_AGE_YEARS, asked: int = 0) -> list:
    """Chart and table for the current selection (also rebuilt by the callback); first a message when more
    comparison regions were asked (`asked`) than may be shown."""
    info = view.info
    limit = too_many_regions(asked)
    asked_kind = html.P(texts.INDICATOR_NO_KIND.format(asked=PERIOD_NOUNS[view.asked_kind],
                                                       shown=PERIOD_NOUNS[view.period_kind]),
                        className=nl.ALERT_INFO, id="indicator-geen-periode") if view.asked_kind else None
    if not view.series:
        return [limit, asked_kind, html.P(texts.INDICATOR_NO_FIGURES)]
    regions = region_list(list(view.series), view.region_names)
    has_example = any(p.is_example for pts in view.series.values() for p in pts)
    target = (view.target_value, view.target_year) if view.target_value is not None and view.target_year else None
    spec = chart_spec(view.series, view.region_names, info.unit, info.decimals, info.name, view.baseline_year,
                      target, notes=view.notes, forecast=view.forecast, outlier=view.outlier)
    latest = view.summary.latest if view.summary else None
    return [
        limit,
        asked_kind,
        example_label() if has_example else None,
        outdated_label(latest.period if latest else None, date.today(), max_age),
        verdict_badge(view.summary) if view.summary else None,
        html.P(view.summary.sentence, className="trend-sentence", id="indicator-uitspraak") if view.summary else None,
        html.P(view.outlier.sentence, className="trend-outlier", id="indicator-uitschieter") if view.outlier else None,
        chart(spec, texts.CHART_LABEL.format(name=info.name, unit=info.unit, regions=regions), WIDE,
              chart_id="indicator-grafiek", described_by=" ".join(ident for ident, shown in (
                  ("indicator-uitspraak", view.summary), ("indicator-uitschieter", view.outlier),
                  ("indicator-lijn", view.forecast), ("indicator-tabel-uitleg", True)) if shown)),
        html.P(className="trend-forecast", id="indicator-lijn", children=[
            html.Span(texts.FORECAST_HEADING, className="trend-forecast-heading"), " ", view.forecast.sentence,
        ]) if view.forecast else None,
        notes_list(view.series, view.notes, view.region_names, heading_id="indicator-toelichtingen"),
        nl.H2(texts.INDICATOR_TABLE),
        html.P(texts.CHART_TABLE_NOTE, id="indicator-tabel-uitleg", className=nl.DESCRIPTION),
        scroll_region(data_table(view.series, view.region_names, info.unit, info.decimals,
                                 caption=f"{info.name} ({info.unit})", notes=view.notes),
                      texts.TABLE_REGION.format(name=info.name)),
        download_links("trend", {"indicator": info.code, "regio": view.home_code,
                                 "vergelijk": ",".join(c for c in view.series if c != view.home_code) or "geen",
                                 "periode": view.period_kind.value}, info.name),
    ]


SHOWN = "indicator-getoond"


def page(view: IndicatorView, max_age: int = DEFAULT_MAX_AGE_YEARS, asked: int = 0) -> html.Div:
    info = view.info
    compare = [c for c in view.series if c != view.home_code]
    return html.Div(className="container page-indicator", children=[
        nl.H1(info.name),
        html.P(INDICATOR_REVIEW_BANNER, className=nl.ALERT_WARNING) if view.needs_review else None,
        html.Dl(className="indicator-meta", children=[
            html.Dt(texts.COL_UNIT), html.Dd(info.unit or "–"),
            html.Dt(texts.COL_DIRECTION), html.Dd(DIRECTION_LABELS[info.desired_direction]),
            html.Dt(texts.INDICATOR_REGION), html.Dd(view.region_names.get(view.home_code, view.home_code)),
            html.Dt(texts.INDICATOR_PROGRAMMES),
            html.Dd([x for i, (slug, name) in enumerate(view.programmes)
                     for x in ([", "] if i else []) + [nl.Link(name, href=f"/programma/{slug}")]] or "–"),
        ]),
        dcc.Store(id="indicator-code", data=info.code),
        dcc.Store(id="indicator-regio", data=view.home_code),
        dcc.Store(id=SHOWN, data=shown([c for c in compare if c in {o.code for o in view.comparison_options}],
                                       view.period_kind.value)),  # as the controls report it (controls.shown)
        radio_group("indicator-periode", texts.INDICATOR_PERIOD_KIND,
                    [(k.value, PERIOD_LABELS[k]) for k in view.available_kinds], view.period_kind.value),
        region_checklists("indicator-vergelijk", view.comparison_options, compare),
        html.Div(id="indicator-figuren", children=figures(view, max_age, asked)),
        nl.H2(texts.INDICATOR_DEFINITION),
        html.P(info.definition or "–"),
        nl.H2(texts.INDICATOR_SOURCE),
        html.P(texts.SOURCE_LINE.format(source=info.source)
               + (f" · {texts.TABLE_LINE.format(table=info.cbs_table_id)}" if info.cbs_table_id else "")),
        scroll_region(html.Table(className=nl.TABLE_COMPACT, children=[
            html.Caption(texts.LOADS_CAPTION),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in (
                texts.COL_LOAD_SOURCE, texts.COL_LOAD_TABLE, texts.COL_LOAD_DATE)])),
            html.Tbody([html.Tr([html.Td(src), html.Td(table or "–"), html.Td(format_date(done))])
                        for src, table, _hash, done in view.loads]),
        ]), texts.LOADS_CAPTION),
        corrections_section(view),
        html.Section(**{"aria-labelledby": "indicator-verhalen"}, children=[
            nl.H2(texts.INDICATOR_STORIES, id="indicator-verhalen"),
            html.Div(className="story-grid", children=[story_tile(s) for s in view.stories]),
        ]) if view.stories else None,
    ])


def _shown(value: float | None, status: str, decimals: int, unit: str) -> str:
    label = OBSERVATION_STATUS_LABELS.get(ObservationStatus(status), status)
    if value is None:
        return label
    return format_number(value, decimals, unit) + (f" ({label})" if status == ObservationStatus.PROVISIONAL else "")


def corrections_section(view: IndicatorView) -> html.Section:
    """The history of corrected values: what a figure was before a later file replaced it."""
    region = view.region_names.get(view.home_code, view.home_code)
    info = view.info
    body: html.Div | html.P
    if not view.corrections:
        body = html.P(texts.CORRECTIONS_NONE.format(region=region))
    else:
        caption = texts.CORRECTIONS_CAPTION.format(region=region)
        body = scroll_region(html.Table(className=nl.TABLE_COMPACT, children=[
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(h, scope="col") for h in (
                texts.COL_CORR_PERIOD, texts.COL_CORR_OLD, texts.COL_CORR_NEW, texts.COL_CORR_WHEN,
                texts.COL_CORR_OLD_FILE, texts.COL_CORR_NEW_FILE)])),
            html.Tbody([html.Tr([html.Td(c.period.label),
                                 html.Td(_shown(c.old_value, c.old_status, info.decimals, info.unit)),
                                 html.Td(_shown(c.new_value, c.new_status, info.decimals, info.unit)),
                                 html.Td(format_datetime(c.replaced_at)), html.Td(c.old_file), html.Td(c.new_file)])
                        for c in view.corrections]),
        ]), caption)
    return html.Section(**{"aria-labelledby": "indicator-correcties"}, children=[
        nl.H2(texts.CORRECTIONS_TITLE, id="indicator-correcties"), body])


INDICATOR_REVIEW_BANNER = texts.INDICATOR_REVIEW


def not_found(code: str) -> html.Div:
    return html.Div(className="container", children=[
        nl.H1(texts.NOT_FOUND_TITLE), html.P(texts.INDICATOR_NOT_FOUND.format(code=code)),
        nl.Link(texts.BACK_TO_OVERVIEW, href="/"),
    ])


def _kind(text: str | None) -> PeriodKind | None:
    try:
        return PeriodKind(text) if text else None
    except ValueError:
        return None


def layout(code: str | None = None, regio: str | None = None, vergelijk: str | None = None,
           periode: str | None = None, **_query: str) -> html.Div:
    if not code:
        return not_found("")
    home = (parse_codes(regio) or [None])[0]
    compare = parse_codes(vergelijk) if vergelijk is not None else [COUNTRY]
    asked = len(compare)
    compare = limit_regions(compare)[0]  # MAX_COMPARE_REGIONS
    with read_session() as session:
        view = indicator_view(session, code, home, compare, _kind(periode))
    return page(view, actuality_max_age(), asked) if view else not_found(code)


VALIDATION_STUBS = [dcc.Store(id="indicator-code"), dcc.Store(id="indicator-regio"), dcc.Store(id=SHOWN),
                    html.Div(id="indicator-figuren"), dcc.RadioItems(id="indicator-periode")]


def update_figures(groups: list[list[str] | None], kind: str | None, code: str | None, home: str | None,
                   showing: list | None = None) -> tuple[list, str, list]:
    """New comparison or period kind: rebuild chart and table, and record the choice in the URL. Nothing while
    the controls report what the page shows (`showing`, see controls.shown)."""
    if not code:
        raise PreventUpdate
    compare = flatten(groups)
    asked = len(compare)
    compare = limit_regions(compare)[0]  # MAX_COMPARE_REGIONS: a forged request cannot ask for thousands
    if showing == shown(compare, kind) and asked == len(compare):
        raise PreventUpdate
    with read_session() as session:
        view = indicator_view(session, code, home, compare, _kind(kind))
    if view is None:
        raise PreventUpdate
    return (figures(view, actuality_max_age(), asked),
            build_search(regio=home, vergelijk=compare or ["geen"], periode=view.period_kind.value),
            shown(compare, kind))


callback(
    Output("indicator-figuren", "children"),
    Output("url", "search", allow_duplicate=True),
    Output(SHOWN, "data"),
    Input({"type": "indicator-vergelijk", "group": ALL}, "value"),
    Input("indicator-periode", "value"),
    State("indicator-code", "data"),
    State("indicator-regio", "data"),
    State(SHOWN, "data"),
    prevent_initial_call=True,
)(update_figures)
