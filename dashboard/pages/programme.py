"""Route `/programma/<slug>`: the programme in three parts – Trends, Resultaten, Rijkere verantwoording.

The comparison regions live in the URL (`?vergelijk=NL01,GM0153`)."""

from __future__ import annotations

from datetime import date

from dash import ALL, MATCH, Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import texts
from dashboard.components import finance_section, nl
from dashboard.components.actuality import programme_block as actuality_block
from dashboard.components.controls import flatten, region_checklists, shown
from dashboard.components.downloads import download_links
from dashboard.components.outdated import outdated
from dashboard.components.result_table import result_controls, result_part
from dashboard.components.status_matrix import matrix_table, paths_from_views
from dashboard.components.story_tile import story_tile
from dashboard.components.summary import programme_summary
from dashboard.components.trend_card import TABLE_BODY, TABLE_TOGGLE, trend_card, trend_table
from dashboard.data import actuality_max_age, read_session
from dashboard.limits import limit_regions, too_many_regions
from dashboard.urlstate import merge_search, parse_codes, parse_query
from db.read.actuality import programme_actuality
from db.read.finance import programme_finance
from db.read.programmes import programme_trend_views, programme_view
from indicators.actuality import DEFAULT_MAX_AGE_YEARS, Actuality, oldest_actual_year
from indicators.enums import COUNTRY
from indicators.finance import ProgrammeFinance
from indicators.formatting import DIRECTION_LABELS
from indicators.periods import last_ended_quarter
from indicators.results_view import ResultQuery
from indicators.results_view import apply as apply_results
from indicators.status_matrix import build_matrix
from indicators.trends import count_verdicts
from indicators.views import ProgrammeView, TrendView
from indicators.views import result_status_counts as status_counts

DEFAULT_COMPARE = [COUNTRY]
SHOWN = "programma-getoond"


def trends_grid(trends: list[TrendView], baseline_year: int, slug: str | None = None,
                compare: list[str] | None = None, max_age: int = DEFAULT_MAX_AGE_YEARS, asked: int = 0) -> list:
    """The trend cards; first a message when more comparison regions were asked (`asked`) than may be shown."""
    limit = [warning] if (warning := too_many_regions(asked)) is not None else []
    if not trends:
        return [*limit, html.P(texts.NO_TRENDS)]
    download = {"programma": slug, "vergelijk": ",".join(compare or []) or "geen"} if slug else None
    today = date.today()
    return [*limit, *(trend_card(t, baseline_year, download, today, max_age) for t in trends)]


def _section(section_id: str, title: str, intro: str, *children) -> html.Section:  # noqa: ANN002
    return html.Section(id=section_id, className="programme-part", **{"aria-labelledby": f"{section_id}-titel"},
                        children=[nl.H2(title, id=f"{section_id}-titel"), html.P(intro, className="part-intro"),
                                  *children])


def page(view: ProgrammeView, compare: list[str], results_query: ResultQuery | None = None,
         max_age: int = DEFAULT_MAX_AGE_YEARS, finance: ProgrammeFinance | None = None,
         actuality: Actuality | None = None, oldest_year: int | None = None, asked: int = 0) -> html.Div:
    results_query = results_query or ResultQuery()
    statuses = status_counts(view.results)
    today = date.today()
    stale = sum(outdated(t.summary.latest.period if t.summary.latest else None, today, max_age) for t in view.trends)
    summary = programme_summary(count_verdicts([t.summary for t in view.trends]), len(view.trends),
                                dict(statuses), len(view.stories), stale)
    return html.Div(className="container page-programme", children=[
        dcc.Store(id="programma-slug", data=view.slug),
        dcc.Store(id=SHOWN, data=shown(compare)),  # the comparison these cards show (see update_trends)
        nl.H1(view.name),
        html.P(texts.PROGRAMME_PERIOD.format(start=view.start_year, end=view.end_year,
                                             baseline=view.baseline_year, region=view.region_name),
               className="programme-meta"),
        html.P(view.vision, className=nl.LEAD),
        finance_section.band(finance),
        html.Div(className="summary-box", role="status", children=[
            nl.H2(texts.SUMMARY_TITLE, className=nl.HEADING_5), html.P(summary, id="programma-samenvatting")]),
        actuality_block(actuality, oldest_year or date.today().year) if actuality else None,
        html.Details(className="programme-lines", children=[
            html.Summary(texts.LINES_TITLE),
            html.Ul([html.Li([html.Strong(name), f" – {goal} ",
                              html.Span(texts.GOAL_DIRECTION.format(direction=DIRECTION_LABELS[direction]),
                                        className="goal-direction")])
                     for name, goal, direction in view.lines]),
        ]),
        _section("trends", texts.SECTION_TRENDS, texts.TRENDS_INTRO.format(baseline=view.baseline_year),
                 region_checklists("programma-vergelijk", view.comparison_options, compare),
                 html.Div(id="programma-trends", className="trend-grid", children=trends_grid(
                     view.trends, view.baseline_year, view.slug, compare, max_age, asked))),
        _section("resultaten", texts.SECTION_RESULTS, texts.RESULTS_INTRO,
                 result_controls(view.slug, results_query, {"vergelijk": ",".join(compare) or "geen"})
                 if view.results else dcc.Input(type="hidden", id="resultaten-vergelijk", value=""),
                 html.Div(id="programma-resultaten", children=result_part(view.results, view.name, results_query))
                 if view.results else html.P(texts.NO_RESULTS),
                 html.Div(id="programma-resultaten-download", children=_results_download(view.slug, view.name,
                                                                                          results_query))
                 if view.results else None,
                 _status_matrix(view, results_query) if view.results else None),
        _section("verhalen", texts.SECTION_STORIES, texts.STORIES_INTRO,
                 html.Div(className="story-grid", children=[story_tile(s) for s in view.stories])
                 if view.stories else html.P(texts.NO_STORIES)),
        finance_section.section(finance),
    ])


def _status_matrix(view: ProgrammeView, query: ResultQuery) -> html.Div:
    """Status per kwartaal of the results shown (same filter as the table), up to the last closed quarter."""
    shown_results = apply_results(view.results, query)
    matrix = build_matrix(paths_from_views(shown_results), last_ended_quarter(date.today()))
    return html.Div(className="status-matrix-part", children=[
        nl.H3(texts.MATRIX_TITLE, id="status-per-kwartaal"), html.P(texts.MATRIX_INTRO, className="part-intro"),
        matrix_table(matrix, texts.MATRIX_CAPTION.format(name=view.name), "statusmatrix")])


def _results_download(slug: str, name: str, query: ResultQuery) -> html.P:
    """Downloads with the table's own filter and sort: the file holds what is shown."""
    params = {"programma": slug, "status": None if query.status == "alle" else query.status,
              "soort": None if query.kind == "alle" else query.kind, "tekst": query.text or None,
              "sorteer": None if query.sort == "volgorde" else query.sort}
    return download_links("resultaten", params, texts.RESULTS_CAPTION.format(name=name))


def not_found(slug: str) -> html.Div:
    return html.Div(className="container", children=[
        nl.H1(texts.NOT_FOUND_TITLE), html.P(texts.PROGRAMME_NOT_FOUND.format(slug=slug)),
        nl.Link(texts.BACK_TO_OVERVIEW, href="/"),
    ])


def layout(slug: str | None = None, vergelijk: str | None = None, status: str | None = None,
           soort: str | None = None, tekst: str | None = None, sorteer: str | None = None,
           **_query: str) -> html.Div:
    if not slug:
        return not_found("")
    compare = parse_codes(vergelijk) if vergelijk is not None else DEFAULT_COMPARE
    today = date.today()
    asked = len(compare)
    compare, _cut = limit_regions(compare)
    with read_session() as session:
        view = programme_view(session, slug, compare)
        if view is None:
            return not_found(slug)
        finance = programme_finance(session, slug)
        actuality = programme_actuality(session, today, actuality_max_age(), [slug]).get(slug)
    allowed = {o.code for o in view.comparison_options}
    return page(view, [c for c in compare if c in allowed], ResultQuery.from_params(status, soort, tekst, sorteer),
                actuality_max_age(), finance, actuality, oldest_actual_year(today, actuality_max_age()), asked)


# Stand-ins for the ids this page's callbacks use, so Dash can validate them (see dashboard.router).
VALIDATION_STUBS = [dcc.Store(id="programma-slug"), dcc.Store(id=SHOWN), html.Div(id="programma-trends"),
                    html.Div(id="programma-vergelijk-samenvatting"), dcc.Input(id="resultaten-vergelijk")]


def update_trends(groups: list[list[str] | None], slug: str | None, search: str | None = None,
                  showing: list | None = None) -> tuple[list, str, str, list]:
    """New comparison regions: rebuild the small multiples and record the choice in the URL (and in the result
    form, so filtering the results keeps the comparison). Nothing while the checklists report what the cards
    show (`showing`, see controls.shown)."""
    if not slug:
        raise PreventUpdate
    compare = flatten(groups)
    asked = len(compare)
    compare, _cut = limit_regions(compare)  # MAX_COMPARE_REGIONS: a forged request cannot ask for thousands
    if showing == shown(compare) and asked == len(compare):
        raise PreventUpdate
    with read_session() as session:
        found = programme_trend_views(session, slug, compare)
    if found is None:
        raise PreventUpdate
    baseline, trends = found
    return (trends_grid(trends, baseline, slug, compare, actuality_max_age(), asked),
            merge_search(search, vergelijk=compare or ["geen"]), ",".join(compare) or "geen", shown(compare))


callback(
    Output("programma-trends", "children"),
    Output("url", "search"),
    Output("resultaten-vergelijk", "value"),
    Output(SHOWN, "data"),
    Input({"type": "programma-vergelijk", "group": ALL}, "value"),
    State("programma-slug", "data"),
    State("url", "search"),
    State(SHOWN, "data"),
    prevent_initial_call=True,
)(update_trends)



def show_trend_table(n_clicks: int | None, toggle_id: dict, slug: str | None, search: str | None) -> html.Div:
    """A trend card's table, built the first time it is opened, for the comparison regions in the URL."""
    if n_clicks != 1 or not slug:  # later clicks only fold it; the card is rebuilt (closed) on a new comparison
        raise PreventUpdate
    vergelijk = parse_query(search).get("vergelijk")
    compare = limit_regions(parse_codes(vergelijk) if vergelijk is not None else DEFAULT_COMPARE)[0]
    with read_session() as session:
        found = programme_trend_views(session, slug, compare, toggle_id["code"])
    if not found or not found[1]:
        raise PreventUpdate
    return trend_table(found[1][0])


callback(
    Output({"type": TABLE_BODY, "code": MATCH}, "children"),
    Input({"type": TABLE_TOGGLE, "code": MATCH}, "n_clicks"),
    State({"type": TABLE_TOGGLE, "code": MATCH}, "id"),
    State("programma-slug", "data"),
    State("url", "search"),
    prevent_initial_call=True,
)(show_trend_table)
