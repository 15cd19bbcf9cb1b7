"""Route `/wijken`: one indicator for every wijk of a gemeente, classed groen/oranje/rood, as a sortable table and
(once boundaries are loaded) a map.

State in the URL: `?gemeente=GM0141&indicator=wmo-clienten&periode=2018JJ00&sorteer=waarde-af&oranje=70&rood=90`."""

from __future__ import annotations

from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.components import nl
from dashboard.components.controls import radio_group, scroll_region, shown
from dashboard.components.district_map import district_map, legend
from dashboard.components.downloads import download_links
from dashboard.data import read_session
from dashboard.urlstate import build_search, parse_codes
from db.read.districts import district_view
from indicators.districts import CLASS_LABELS, SORT_KEYS, DistrictView, Thresholds, sort_rows
from indicators.formatting import OBSERVATION_STATUS_LABELS, format_number

THRESHOLD_ORIGIN = {"default": texts.DISTRICTS_THRESHOLD_SOURCE_DEFAULT,
                    "derived": texts.DISTRICTS_THRESHOLD_SOURCE_DERIVED, "url": texts.DISTRICTS_THRESHOLD_SOURCE_URL}


def _float(text: str | None) -> float | None:
    try:
        return float(str(text).replace(",", ".")) if text not in (None, "") else None
    except ValueError:
        return None


def threshold_text(t: Thresholds, decimals: int, unit: str, gemeente_value: float | None) -> str:
    def f(v: float | None) -> str:
        return format_number(v, decimals, unit)

    if t.higher_is_worse:
        green, orange = texts.DISTRICTS_BELOW.format(value=f(t.orange)), texts.DISTRICTS_FROM_TO.format(
            low=f(t.orange), high=f(t.red))
        red = texts.DISTRICTS_FROM.format(value=f(t.red))
    else:
        green, orange = texts.DISTRICTS_ABOVE.format(value=f(t.orange)), texts.DISTRICTS_FROM_TO.format(
            low=f(t.red), high=f(t.orange))
        red = texts.DISTRICTS_TO.format(value=f(t.red))
    return texts.DISTRICTS_THRESHOLDS.format(green=green, orange=orange, red=red, gemeente_value=f(gemeente_value))


def query_params(view: DistrictView, sort: str | None, orange: float | None, red: float | None) -> dict:
    """The page state as URL parameters (also used by the download links)."""
    return {"gemeente": view.gemeente_code, "indicator": view.indicator.code if view.indicator else None,
            "periode": view.period.code if view.period else None, "sorteer": sort if sort in SORT_KEYS else None,
            "oranje": None if orange is None else f"{orange:g}", "rood": None if red is None else f"{red:g}"}


def content(view: DistrictView, sort: str | None, orange: float | None, red: float | None) -> list:
    """Thresholds, map (or why there is none), table and downloads for the current selection."""
    ind = view.indicator
    if ind is None or view.period is None:
        return [html.P(texts.DISTRICTS_NONE)]
    period = view.period.label
    caption = texts.DISTRICTS_CAPTION.format(indicator=f"{ind.name} ({ind.unit})", gemeente=view.gemeente_name,
                                             period=period)
    rows = sort_rows(view.rows, sort)
    out: list = []
    if view.thresholds:
        out += [html.P(threshold_text(view.thresholds, ind.decimals, ind.unit, view.gemeente_value),
                       className="district-thresholds", id="wijken-grenzen"),
                html.P(THRESHOLD_ORIGIN[view.thresholds.origin], className=nl.DESCRIPTION)]
    out.append(nl.H2(texts.DISTRICTS_MAP, id="wijken-kaart-titel"))
    if view.geometries:
        out += [legend(), district_map(view, texts.DISTRICTS_MAP_LABEL.format(
            gemeente=view.gemeente_name, indicator=ind.name, period=period))]
        missing = sum(1 for r in view.rows if r.code not in view.geometries)
        if missing:
            out.append(html.P(texts.DISTRICTS_MAP_PARTIAL.format(missing=missing, total=len(view.rows))))
    else:
        out.append(html.P(texts.DISTRICTS_NO_MAP, className=nl.ALERT_INFO, id="wijken-geen-kaart"))
    out += [
        nl.H2(texts.DISTRICTS_TABLE),
        scroll_region(html.Table(className=f"{nl.TABLE_COMPACT} district-table", id="wijken-tabel", children=[
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(texts.DISTRICTS_COL_CODE, scope="col"),
                                html.Th(texts.DISTRICTS_COL_NAME, scope="col"),
                                html.Th(texts.COL_VALUE, scope="col", className="num"),
                                html.Th(texts.DISTRICTS_COL_CLASS, scope="col"),
                                html.Th(texts.COL_STATUS, scope="col")])),
            html.Tbody([html.Tr(className=f"district-{r.district_class.value}", children=[
                html.Td(r.code), html.Th(r.name, scope="row"),
                html.Td(format_number(r.value, ind.decimals, ind.unit), className="num"),
                html.Td([html.Span(className=f"swatch swatch-{r.district_class.value}", **{"aria-hidden": "true"}),
                         CLASS_LABELS[r.district_class]]),
                html.Td(OBSERVATION_STATUS_LABELS[r.status] if r.status else "–"),
            ]) for r in rows]),
        ]), caption),
        html.P(texts.SOURCE_LINE.format(source=view.source) + (
            f" · {texts.TABLE_LINE.format(table=view.table_id)}" if view.table_id else ""), className="provenance"),
        download_links("wijken", query_params(view, sort, orange, red), caption),
    ]
    return out


def page(view: DistrictView, sort: str | None, orange: float | None, red: float | None) -> html.Div:
    ind = view.indicator
    return html.Div(className="container page-districts", children=[
        nl.H1(texts.DISTRICTS_TITLE.format(gemeente=view.gemeente_name)),
        html.P(texts.DISTRICTS_INTRO, className=nl.LEAD),
        dcc.Store(id="wijken-staat", data={"gemeente": view.gemeente_code, "oranje": orange, "rood": red,
                                           "periode": view.period.code if view.period else None,
                                           "getoond": shown(ind.code if ind else None,
                                                            sort if sort in SORT_KEYS else "naam")}),
        html.Div(className="district-controls", children=[
            radio_group("wijken-indicator", texts.DISTRICTS_INDICATOR, view.indicator_options,
                        ind.code if ind else None),
            radio_group("wijken-sorteer", texts.DISTRICTS_SORT, list(texts.DISTRICTS_SORT_OPTIONS.items()),
                        sort if sort in SORT_KEYS else "naam"),
        ]) if ind else None,
        html.Div(id="wijken-inhoud", children=content(view, sort, orange, red)),
    ])


def not_found() -> html.Div:
    return html.Div(className="container", children=[
        nl.H1(texts.DISTRICTS_TITLE_EMPTY), html.P(texts.DISTRICTS_NONE), nl.Link(texts.BACK_TO_OVERVIEW, href="/"),
    ])


def layout(gemeente: str | None = None, indicator: str | None = None, periode: str | None = None,
           sorteer: str | None = None, oranje: str | None = None, rood: str | None = None, **_query: str) -> html.Div:
    code = (parse_codes(gemeente) or [None])[0]
    orange, red = _float(oranje), _float(rood)
    with read_session() as session:
        view = district_view(session, code, indicator, periode, orange, red)
    return page(view, sorteer, orange, red) if view else not_found()


VALIDATION_STUBS = [dcc.Store(id="wijken-staat"), html.Div(id="wijken-inhoud"),
                    dcc.RadioItems(id="wijken-indicator"), dcc.RadioItems(id="wijken-sorteer")]


def update_districts(indicator: str | None, sort: str | None, state: dict | None) -> tuple[list, str, dict]:
    """Other indicator or sort order: rebuild map and table, and record the choice in the URL. Nothing when the
    radio items report what the page shows (state["getoond"], see controls.shown)."""
    if not state or state.get("getoond") == shown(indicator, sort):
        raise PreventUpdate
    orange, red = state.get("oranje"), state.get("rood")
    with read_session() as session:
        view = district_view(session, state.get("gemeente"), indicator, state.get("periode"), orange, red)
    if view is None:
        raise PreventUpdate
    return (content(view, sort, orange, red), build_search(**query_params(view, sort, orange, red)),
            {**state, "getoond": shown(indicator, sort)})


callback(
    Output("wijken-inhoud", "children"),
    Output("url", "search", allow_duplicate=True),
    Output("wijken-staat", "data"),
    Input("wijken-indicator", "value"),
    Input("wijken-sorteer", "value"),
    State("wijken-staat", "data"),
    prevent_initial_call=True,
)(update_districts)
