"""Part 2 – Resultaten: results grouped by programme line and project, latest quarter first-class,
every quarter one click away."""

from __future__ import annotations

from itertools import groupby

from dash import dcc, html

from dashboard import texts
from dashboard.components import nl
from dashboard.components import stack_table as st
from dashboard.components.badges import example_label, status_badge
from dashboard.components.story_links import story_links
from dashboard.theme import current_theme
from indicators.enums import MeasurementStatus
from indicators.formatting import MEASUREMENT_STATUS_LABELS, RESULT_KIND_LABELS, format_date, format_number, plural
from indicators.periods import Period
from indicators.results_view import ALL, SORT_ORDER, ResultQuery, apply, quarter_series
from indicators.sparkline import data_uri, sparkline_svg
from indicators.views import MeasurementView, ResultView

HEAD = [texts.COL_MEASURE, texts.COL_KIND, texts.COL_QUARTER, texts.COL_TARGET, texts.COL_REALISED,
        texts.COL_STATUS, texts.COL_EXPLANATION]
NUMERIC = {texts.COL_TARGET, texts.COL_REALISED}


def explanation_cell(m: MeasurementView | None) -> list:
    """The measurement's explanation and its dated notes ("why this figure?"), as text."""
    if m is None:
        return [html.Span(texts.NOT_MEASURED, className="not-measured")]
    notes = html.Ul(className="measurement-notes", children=[html.Li(texts.MEASUREMENT_NOTE_ITEM.format(
        date=format_date(n.note_date), author=f" ({n.author})" if n.author else "", text=n.text))
        for n in m.notes]) if m.notes else None
    missing = not m.explanation and m.status in (MeasurementStatus.ATTENTION, MeasurementStatus.OFF_TRACK)
    text = html.Span(texts.NO_EXPLANATION, className="not-measured") if missing else m.explanation
    return [text, " ", example_label() if m.is_example else None, notes]


def _history_row(result: ResultView, period: Period, m: MeasurementView | None) -> html.Tr:
    if m is None:  # a quarter in between without a measurement: a gap, said in words
        return st.row([st.row_header(period.label), st.cell(texts.COL_TARGET, "–", "num"),
                       st.cell(texts.COL_REALISED, "–", "num"), st.cell(texts.COL_STATUS, "–"),
                       st.cell(texts.COL_EXPLANATION, html.Span(texts.NOT_MEASURED, className="not-measured"))],
                      className="not-measured-row")
    return st.row([
        st.row_header(period.label),
        st.cell(texts.COL_TARGET, format_number(m.target, result.decimals, result.unit), "num"),
        st.cell(texts.COL_REALISED, format_number(m.realised, result.decimals, result.unit)
                if m.realised is not None else html.Span(texts.NOT_MEASURED, className="not-measured"), "num"),
        st.cell(texts.COL_STATUS, status_badge(m.status)), st.cell(texts.COL_EXPLANATION, explanation_cell(m)),
    ])


def _history(result: ResultView) -> html.Details:
    rows = [_history_row(result, period, m) for period, m in quarter_series(result.measurements)]
    return html.Details(className="result-history", children=[
        html.Summary(texts.RESULT_HISTORY.format(name=result.name)),
        st.table(st.head([texts.COL_QUARTER, texts.COL_TARGET, texts.COL_REALISED, texts.COL_STATUS,
                          texts.COL_EXPLANATION], NUMERIC), st.body(rows),
                 caption=texts.RESULT_HISTORY_CAPTION.format(name=result.name),
                 class_name=f"{nl.COMPACT} history-table"),
    ])


def sparkline(result: ResultView) -> html.Img | None:
    """Realised against target over the quarters; the alt text says the same in words."""
    series = quarter_series(result.measurements)
    theme = current_theme()
    svg = sparkline_svg([m.realised if m else None for _, m in series], [m.target if m else None for _, m in series],
                        colour=theme.colour("chart-1"), target_colour=theme.colour("muted"))
    if svg is None:
        return None
    ms = [m for _, m in series if m is not None]
    with_value = [m for m in ms if m.realised is not None]
    first, last = with_value[0], with_value[-1]

    def fmt(v: float | None) -> str:
        return format_number(v, result.decimals, result.unit)

    gaps = sum(1 for _, m in series if m is None or m.realised is None)
    alt = texts.SPARKLINE_ALT.format(count=len(series), first=fmt(first.realised), first_period=first.period.label,
                                     last=fmt(last.realised), last_period=last.period.label, target=fmt(last.target))
    if gaps:
        alt += " " + plural(gaps, texts.SPARKLINE_GAPS)
    return html.Img(src=data_uri(svg), className="sparkline", width=120, height=32, alt=alt)


def result_row(result: ResultView) -> html.Tr:
    """One result: on a phone a card (measure, kind, target, realised with its quarter, status, toelichting)."""
    m = result.latest
    status = m.status.value if m else "onbekend"
    return st.row(id=f"resultaat-{result.id}", className=f"result-row status-row-{status}", cells=[
        st.row_header([html.Span(result.name, className="result-name"), sparkline(result)]),
        st.cell(texts.COL_KIND, RESULT_KIND_LABELS[result.kind], "kind-cell"),
        st.cell(texts.COL_QUARTER, m.period.label if m else "–", "quarter-cell"),
        st.cell(texts.COL_TARGET, format_number(m.target if m else None, result.decimals, result.unit),
                "num target-cell"),
        st.cell(texts.COL_REALISED, format_number(m.realised if m else None, result.decimals, result.unit),
                "num realised-cell"),
        st.cell(texts.COL_STATUS, status_badge(m.status) if m else "–", "status-cell"),
        st.cell(texts.COL_EXPLANATION, [*explanation_cell(m), story_links(result.stories), _history(result)],
                "explanation-cell"),
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
    """The results grouped by programme line and project: a table on a laptop, a card per result on a phone."""
    groups = []
    for line, in_line in groupby(results, key=lambda r: r.line_name):
        groups.append(st.body(class_name="line-group", rows=[
            st.group_row(line, len(HEAD), "line-heading"),
            *[row for project, in_project in groupby(in_line, key=lambda r: r.project_name) for row in [
                st.group_row(project, len(HEAD), "project-heading"),
                *[result_row(r) for r in in_project],
            ]],
        ]))
    caption = texts.RESULTS_CAPTION.format(name=programme_name)
    if sort != SORT_ORDER:
        caption += texts.RESULTS_SORTED.format(sort=texts.RESULTS_SORT_LABELS[sort].lower())
    return html.Div(className="result-table-wrap", children=st.table(
        st.head(HEAD, NUMERIC), *groups, caption=caption, class_name="result-table"))
