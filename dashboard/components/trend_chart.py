"""A trend chart: one line per region, baseline year, target and dated notes drawn; built as a plain dict
because figures are built in hot callbacks (go/px cost 10-100x more)."""

from __future__ import annotations

import html as html_text
import textwrap
from collections.abc import Sequence

from dash import dcc, html

from dashboard import texts
from dashboard.components import nl
from dashboard.theme import current_theme
from indicators.formatting import OBSERVATION_STATUS_LABELS, format_date, format_number
from indicators.notes import NotesByPeriod, NoteView, matching_period, numbered
from indicators.periods import Period
from indicators.trends import Forecast
from indicators.views import SeriesPoint


def _colour(index: int) -> str:
    """The theme's series colours (--perspectief-chart-1…8): the home region first, then the comparisons."""
    series = current_theme().series
    return series[0] if index == 0 else series[1 + (index - 1) % (len(series) - 1)]


def _x(period: Period) -> float:
    """Position on a numeric time axis: the period's start as a decimal year."""
    return round(period.start.year + (period.start.month - 1) / 12, 4)


def _ticks(periods: list[Period], extra_years: list[int], max_ticks: int = 8) -> tuple[list[float], list[str]]:
    marks = {_x(p): p.short_label for p in periods}
    for year in extra_years:
        marks.setdefault(float(year), str(year))
    xs = sorted(marks)
    step = max(1, -(-len(xs) // max_ticks))
    chosen = xs[::step]
    if xs and xs[-1] not in chosen:
        chosen.append(xs[-1])
    return chosen, [marks[x] for x in chosen]


def note_text(note: NoteView) -> str:
    """The note as people read it, with the example label when it is invented demo content."""
    return f"{note.text} {texts.INDICATOR_NOTE_EXAMPLE}" if note.is_example else note.text


def placed_notes(series: dict[str, list[SeriesPoint]], notes: NotesByPeriod | None,
                 ) -> dict[tuple[str, Period], list[tuple[int, NoteView]]]:
    """Numbered notes on the point of their region's series they belong to: {(region, period): [(n, note)]}.
    A note without such a point is left out here (the list under the chart still has it)."""
    out: dict[tuple[str, Period], list[tuple[int, NoteView]]] = {}
    for number, note in numbered(notes or {}):
        period = matching_period(note.period, [p.period for p in series.get(note.region_code, [])])
        if period is not None:
            out.setdefault((note.region_code, period), []).append((number, note))
    return out


def _note_hover(items: list[tuple[int, NoteView]]) -> str:
    # Plotly hover text is a small subset of HTML: escape the note, break long lines.
    return "<br>".join(
        f"<b>{number}</b> " + "<br>".join(textwrap.wrap(html_text.escape(
            texts.INDICATOR_NOTE_ITEM.format(period=note.period.label, text=note_text(note))), 60))
        for number, note in items)


def _note_annotations(series: dict[str, list[SeriesPoint]], notes: NotesByPeriod | None) -> list[dict]:
    """A numbered flag above each noted point (its number is the one in the list under the chart)."""
    values = {(code, p.period): p.value for code, pts in series.items() for p in pts}
    theme = current_theme()
    flag, on_flag, edge = theme.colour("chart-1"), theme.colour("on-primary"), theme.colour("chart-background")
    annotations = []
    for (code, period), items in placed_notes(series, notes).items():
        y = values.get((code, period))
        if y is None:  # a missing value has no point to flag; the table and the list keep the note
            continue
        annotations.append({
            "name": "toelichting", "x": _x(period), "y": y, "xref": "x", "yref": "y",
            "text": ", ".join(str(n) for n, _ in items), "hovertext": _note_hover(items),
            "showarrow": True, "arrowhead": 0, "arrowwidth": 1.5, "arrowcolor": flag, "ax": 0, "ay": -26,
            "bgcolor": flag, "bordercolor": edge, "borderwidth": 1, "borderpad": 3,
            "font": {"color": on_flag, "size": 11},
        })
    return annotations


def _hover_texts(points: list[SeriesPoint], labels: dict[Period, str], decimals: int, unit: str,
                 ) -> tuple[list[str], str]:
    """Hover text per point ("2023: 15,3%") and what the whole line shares ("<br>definitief · CBS"). Status and
    source go in the line's template when all its points share them (the usual case: a figure holds up to
    ~10 000 points, and repeating them per point doubled the page's size); otherwise in each point's text.
    Plotly reads hover text as a little HTML: status and source are escaped."""
    about = {(OBSERVATION_STATUS_LABELS[p.status], texts.EXAMPLE_LABEL if p.is_example else p.source)
             for p in points}
    shared = next(iter(about)) if len(about) == 1 else None
    if shared is not None and not any("%{" in part for part in shared):
        return ([f"{labels[p.period]}: {format_number(p.value, decimals, unit)}" for p in points],
                "<br>" + html_text.escape(" · ".join(shared)))
    return ([f"{labels[p.period]}: {format_number(p.value, decimals, unit)}<br>" + html_text.escape(
             f"{OBSERVATION_STATUS_LABELS[p.status]} · {texts.EXAMPLE_LABEL if p.is_example else p.source}")
             for p in points], "")


def create_figure(series: dict[str, list[SeriesPoint]], region_names: dict[str, str], unit: str, decimals: int,
                  baseline_year: int | None = None, target: tuple[float, int] | None = None,
                  height: int = 260, notes: NotesByPeriod | None = None, forecast: Forecast | None = None) -> dict:
    """Plotly figure dict for one indicator; the first series is the home region. `notes` are flagged on their
    points with the numbers of `notes_list`; `forecast` is drawn as a dashed grey line ("als er niets
    verandert")."""
    theme = current_theme()
    periods = sorted({p.period for pts in series.values() for p in pts})
    labels = {p: p.label for p in periods}
    positions = {p: _x(p) for p in periods}
    extra = [y for y in (baseline_year, target[1] if target else None) if y is not None]
    if forecast:
        extra.append(forecast.line[-1][0])
    tickvals, ticktext = _ticks(periods, extra)
    traces = []
    for i, (code, pts) in enumerate(series.items()):
        name = region_names.get(code, code)
        text, about = _hover_texts(pts, labels, decimals, unit)
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": name,
            "x": [positions[p.period] for p in pts], "y": [p.value for p in pts], "text": text,
            "hovertemplate": f"<b>%{{fullData.name}}</b><br>%{{text}}{about}<extra></extra>",
            "line": {"color": _colour(i), "width": 3 if i == 0 else 2, "dash": "solid" if i == 0 else "dot"},
            "marker": {"size": 7 if i == 0 else 5},
            "connectgaps": False,
        })
    shapes, annotations = [], []
    if baseline_year is not None and periods and periods[0].start.year <= baseline_year:
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": baseline_year, "x1": baseline_year,
                       "y0": 0, "y1": 1, "line": {"color": theme.colour("chart-forecast"), "dash": "dash"}})
        annotations.append({"x": baseline_year, "y": 1, "xref": "x", "yref": "paper", "showarrow": False,
                            "text": texts.BASELINE_MARK, "yanchor": "bottom", "font": {"size": 11}})
    if forecast:
        name = texts.FORECAST_LINE.format(first=forecast.fit_first, last=forecast.fit_last)
        traces.append({
            "type": "scatter", "mode": "lines", "name": name,
            "x": [float(y) for y, _ in forecast.line], "y": [v for _, v in forecast.line],
            "customdata": [[str(y), format_number(v, decimals, unit)] for y, v in forecast.line],
            "hovertemplate": f"<b>{name}</b><br>%{{customdata[0]}}: %{{customdata[1]}}<extra></extra>",
            "line": {"color": theme.colour("chart-forecast"), "width": 2, "dash": "dash"},
        })
    if target:
        value, year = target
        traces.append({"type": "scatter", "mode": "markers", "name": texts.TARGET.format(
            year=year, value=format_number(value, decimals, unit)), "x": [float(year)], "y": [value],
            "marker": {"symbol": "star", "size": 13, "color": theme.colour("chart-target")}, "hoverinfo": "name"})
    flags = _note_annotations(series, notes)
    annotations += flags
    return {
        "data": traces,
        "layout": {
            "height": height, "margin": {"l": 48, "r": 16, "t": 44 if flags else 24, "b": 40},
            "separators": ",.", "font": {"family": theme.font, "size": 12, "color": theme.colour("chart-text")},
            "xaxis": {"type": "linear", "tickmode": "array", "tickvals": tickvals, "ticktext": ticktext,
                      "tickangle": 0, "automargin": True, "showgrid": False, "zeroline": False},
            "yaxis": {"rangemode": "tozero", "automargin": True, "ticksuffix": "%" if unit == "%" else "",
                      "zeroline": False},
            "legend": {"orientation": "h", "y": -0.25}, "showlegend": len(traces) > 1,
            "shapes": shapes, "annotations": annotations,
            "plot_bgcolor": theme.colour("chart-background"), "paper_bgcolor": theme.colour("chart-background"),
            "hovermode": "closest",
        },
    }


def chart(graph_id: str | dict, figure: dict, label: str, described_by: str | None = None) -> html.Div:
    """The chart with an accessible name, described by the page's words about it (`described_by`: ids of the
    verdict sentence and facts); the table with the same figures is the full text alternative."""
    described = {"aria-describedby": described_by} if described_by else {}
    return html.Div(className="chart", role="img", **{"aria-label": label}, **described, children=dcc.Graph(
        id=graph_id, figure=figure, config={"displayModeBar": False, "responsive": True},
        style={"height": f"{figure['layout']['height']}px"},
    ))


def _note_cell(period: Period, items: list[tuple[int, NoteView]]) -> str:
    # The note's own period is named when it differs from the row's (a quarter note in a year row).
    return " ".join(f"{number}. " + (note_text(note) if note.period == period else texts.INDICATOR_NOTE_ITEM.format(
        period=note.period.label, text=note_text(note))) for number, note in items)


def data_table(series: dict[str, list[SeriesPoint]], region_names: dict[str, str], unit: str, decimals: int,
               caption: str, show_source: bool = True, notes: NotesByPeriod | None = None) -> html.Table:
    """Exact values with their status (and provenance) for every region and period; with `notes`, a column
    with the note of each period (numbered as on the chart)."""
    head = [texts.COL_REGION, texts.COL_PERIOD, texts.COL_VALUE, texts.COL_STATUS]
    if show_source:
        head.append(texts.COL_SOURCE)
    placed = placed_notes(series, notes)
    if notes:
        head.append(texts.COL_INDICATOR_NOTE)
    rows = []
    for code, pts in series.items():
        for p in pts:
            cells = [html.Td(region_names.get(code, code)), html.Td(p.period.label),
                     html.Td(format_number(p.value, decimals, unit), className="num"),
                     html.Td(OBSERVATION_STATUS_LABELS[p.status])]
            if show_source:
                src = texts.EXAMPLE_LABEL if p.is_example else p.source
                if p.table_id:
                    src = f"{src}, {texts.TABLE_LINE.format(table=p.table_id)}"
                if p.loaded_at:
                    src = f"{src}, {texts.LOADED_LINE.format(date=format_date(p.loaded_at))}"
                cells.append(html.Td(src))
            if notes:
                items = placed.get((code, p.period), [])
                cells.append(html.Td(_note_cell(p.period, items) if items else "", className="note-cell"))
            rows.append(html.Tr(cells))
    return html.Table(className=f"{nl.TABLE_COMPACT} data-table", children=[
        html.Caption(caption),
        html.Thead(html.Tr([html.Th(h, scope="col", className="num" if h == texts.COL_VALUE else None)
                            for h in head])),
        html.Tbody(rows),
    ])


def region_list(codes: Sequence[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(c, c) for c in codes)


def notes_list(series: dict[str, list[SeriesPoint]], notes: NotesByPeriod | None, region_names: dict[str, str],
               heading_id: str = "toelichtingen") -> html.Section | None:
    """The notes as an ordered list under the chart (same numbers as its flags), for screen readers, keyboard
    users and anyone who does not hover."""
    if not notes:
        return None
    values = {(code, p.period): p.value for code, pts in series.items() for p in pts}
    placed, on_chart = set(), set()
    for key, numbers in placed_notes(series, notes).items():
        placed.update(n for n, _ in numbers)
        if values.get(key) is not None:
            on_chart.update(n for n, _ in numbers)
    items = []
    for number, note in numbered(notes):
        text = texts.INDICATOR_NOTE_ITEM.format(period=note.period.label, text=note_text(note))
        if note.region_code != next(iter(series), note.region_code):  # a note on a comparison region
            text = f"{text} ({region_names.get(note.region_code, note.region_code)})"
        if number not in on_chart:
            why = texts.INDICATOR_NOTE_NOT_ON_CHART if number in placed else texts.INDICATOR_NOTE_NOT_IN_TABLE
            text = f"{text} {why}"
        items.append(html.Li(text, value=number))
    return html.Section(className="trend-notes", **{"aria-labelledby": heading_id}, children=[
        nl.H2(texts.INDICATOR_NOTES_TITLE, id=heading_id, className=nl.HEADING_5),
        html.Ol(items, className="trend-notes-list"),
    ])
