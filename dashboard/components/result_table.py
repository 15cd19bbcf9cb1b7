"""Part 2 – Resultaten: results grouped by programme line and project, latest quarter first-class,
every quarter one click away."""

from __future__ import annotations

from itertools import groupby

from dash import dcc, html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.badges import example_label, status_badge
from dashboard.components.controls import scroll_region
from dashboard.components.story_links import story_links
from dashboard.theme import current_theme
from indicators.formatting import MEASUREMENT_STATUS_LABELS, RESULT_KIND_LABELS, format_date, format_number
from indicators.results_view import ALL, SORT_ORDER, ResultQuery, apply
from indicators.sparkline import data_uri, sparkline_svg
from indicators.views import MeasurementView, ResultView

HEAD = [texts.COL_MEASURE, texts.COL_KIND, texts.COL_QUARTER, texts.COL_TARGET, texts.COL_REALISED,
        texts.COL_STATUS, texts.COL_EXPLANATION]
NUMERIC = {texts.COL_TARGET, texts.COL_REALISED}


def explanation_cell(m: MeasurementView | None) -> list:
    """The measurement's explanation and its dated notes ("why this figure?"), as text."""
    if m is None:
        return [""]
    notes = html.Ul(className="measurement-notes", children=[html.Li(texts.MEASUREMENT_NOTE_ITEM.format(
        date=format_date(n.note_date), author=f" ({n.author})" if n.author else "", text=n.text))
        for n in m.notes]) if m.notes else None
    return [m.explanation, " ", example_label() if m.is_example else None, notes]


def _history(result: ResultView) -> html.Details:
    rows = [html.Tr([
        html.Td(m.period.label), html.Td(format_number(m.target, result.decimals, result.unit), className="num"),
        html.Td(format_number(m.realised, result.decimals, result.unit), className="num"),
        html.Td(status_badge(m.status)), html.Td(explanation_cell(m)),
    ]) for m in result.measurements]
    return html.Details(className="result-history", children=[
        html.Summary(texts.RESULT_HISTORY.format(name=result.name)),
        html.Table(className=nl.TABLE_COMPACT, children=[
            html.Thead(html.Tr([html.Th(h, scope="col") for h in (texts.COL_QUARTER, texts.COL_TARGET,
                                                                   texts.COL_REALISED, texts.COL_STATUS,
                                                                   texts.COL_EXPLANATION)])),
            html.Tbody(rows),
        ]),
    ])


def sparkline(result: ResultView) -> html.Img | None:
    """Realised against target over the quarters; the alt text says the same in words."""
    ms = result.measurements
    theme = current_theme()
    svg = sparkline_svg([m.realised for m in ms], [m.target for m in ms], colour=theme.colour("chart-1"),
                        target_colour=theme.colour("muted"))
    if svg is None:
        return None
    with_value = [m for m in ms if m.realised is not None]
    first, last = with_value[0], with_value[-1]

    def fmt(v: float | None) -> str:
        return format_number(v, result.decimals, result.unit)

    return html.Img(src=data_uri(svg), className="sparkline", width=120, height=32, alt=texts.SPARKLINE_ALT.format(
        count=len(ms), first=fmt(first.realised), first_period=first.period.label, last=fmt(last.realised),
        last_period=last.period.label, target=fmt(last.target)))


def result_row(result: ResultView) -> html.Tr:
    m = result.latest
    return html.Tr(id=f"resultaat-{result.id}", className="result-row", children=[
        html.Th(scope="row", children=[result.name, sparkline(result), story_links(result.stories), _history(result)]),
        html.Td(RESULT_KIND_LABELS[result.kind]),
        html.Td(m.period.label if m else "–"),
        html.Td(format_number(m.target if m else None, result.decimals, result.unit), className="num"),
        html.Td(format_number(m.realised if m else None, result.decimals, result.unit), className="num"),
        html.Td(status_badge(m.status) if m else "–"),
        html.Td(explanation_cell(m)),
    ])


def _select(name: str, label: str, options: list[tuple[str, str]], value: str) -> html.Div:
    return html.Div(className="result-filter", children=[
        html.Label(label, htmlFor=f"resultaten-{name}"),
        html.Select(id=f"resultaten-{name}", name=name, className=nl.SELECT, children=[
            html.Option(text, value=v, selected=v == value) for v, text in options]),
    ])


def result_controls(slug: str, query: ResultQuery, keep: dict[str, str]) -> html.Form:
    """Filter, sort and search for the result table: a plain GET form (works without scripts, keeps all
    state in the URL); `keep` holds the page's other parameters (the comparison regions)."""
    statuses = [(ALL, texts.RESULTS_ALL)] + [(s.value, label) for s, label in MEASUREMENT_STATUS_LABELS.items()]
    kinds = [(ALL, texts.RESULTS_ALL)] + [(k.value, label) for k, label in RESULT_KIND_LABELS.items()]
    return html.Form(method="get", action=f"/programma/{slug}", className="result-controls",
                     role="search", **{"aria-label": texts.RESULTS_FORM}, children=[
        *[dcc.Input(type="hidden", name=k, value=v, id=f"resultaten-{k}") for k, v in keep.items()],
        _select("status", texts.RESULTS_FILTER_STATUS, statuses, query.status),
        _select("soort", texts.RESULTS_FILTER_KIND, kinds, query.kind),
        _select("sorteer", texts.RESULTS_SORT, list(texts.RESULTS_SORT_LABELS.items()), query.sort),
        html.Div(className="result-filter result-search", children=[
            html.Label(texts.RESULTS_SEARCH, htmlFor="resultaten-tekst"),
            dcc.Input(id="resultaten-tekst", name="tekst", type="search", value=query.text, maxLength=100,
                      className=nl.TEXTBOX, autoComplete="off"),
        ]),
        html.Button(texts.RESULTS_APPLY, type="submit", className=nl.BUTTON_PRIMARY),
        nl.A(texts.RESULTS_RESET, href=f"/programma/{slug}" + ("?" + "&".join(
            f"{k}={v}" for k, v in keep.items() if v) if any(keep.values()) else "") + "#resultaten",
            className="result-reset") if not query.is_default else None,
    ])


def result_part(results: list[ResultView], programme_name: str, query: ResultQuery) -> list:
    """The table as filtered and sorted, with a live count for screen readers."""
    shown = apply(results, query)
    count = html.P(texts.RESULTS_COUNT.format(shown=len(shown), total=len(results)), className="result-count",
                   role="status", **{"aria-live": "polite"})
    if not shown:
        return [count, html.P(texts.RESULTS_NONE_MATCH)]
    return [count, result_table(shown, programme_name, query.sort)]


def result_table(results: list[ResultView], programme_name: str, sort: str = SORT_ORDER) -> html.Div:
    body = []
    for line, in_line in groupby(results, key=lambda r: r.line_name):
        body.append(html.Tbody(className="line-group", children=[
            html.Tr(html.Th(line, colSpan=len(HEAD), scope="colgroup", className="line-heading")),
            *[row for project, in_project in groupby(in_line, key=lambda r: r.project_name) for row in [
                html.Tr(html.Th(project, colSpan=len(HEAD), scope="colgroup", className="project-heading")),
                *[result_row(r) for r in in_project],
            ]],
        ]))
    caption = texts.RESULTS_CAPTION.format(name=programme_name)
    if sort != SORT_ORDER:
        caption += texts.RESULTS_SORTED.format(sort=texts.RESULTS_SORT_LABELS[sort].lower())
    return scroll_region(html.Table(className=f"{nl.TABLE} result-table", children=[
        html.Caption(caption),
        html.Thead(html.Tr([html.Th(h, scope="col", className="num" if h in NUMERIC else None) for h in HEAD])),
        *body,
    ]), caption)
