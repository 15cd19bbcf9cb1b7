"""A trend chart: one line per region, basisjaar, target, the "als er niets verandert" line and numbered dated
notes, drawn on the server as SVG (dashboard.components.svg_lines) – no plotly.js on the raad's pages – with its
table and the list of notes as the text alternative."""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.svg_lines import ChartSpec, Line, data_uri, render
from indicators.formatting import OBSERVATION_STATUS_LABELS, format_date, format_number
from indicators.notes import NotesByPeriod, NoteView, matching_period, numbered
from indicators.periods import Period, PeriodKind
from indicators.trends import BaselineOutlier, Forecast
from indicators.views import SeriesPoint

STEP = {PeriodKind.YEAR: 1.0, PeriodKind.HALF_YEAR: 0.5, PeriodKind.QUARTER: 0.25, PeriodKind.MONTH: 1 / 12}
NARROW = (340, 260)  # phones (the <source> below 576 px): fewer year labels, end labels wrapped
CARD = (480, 300)
WIDE = (960, 380)


def _x(period: Period) -> float:
    """Position on a numeric time axis: the period's start as a decimal year."""
    return round(period.start.year + (period.start.month - 1) / 12, 4)


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


def note_flags(series: dict[str, list[SeriesPoint]], notes: NotesByPeriod | None) -> list[tuple[float, float, str]]:
    """(x, y, "1, 2"): a numbered flag above each noted point that has a value (numbers as in the list)."""
    values = {(code, p.period): p.value for code, pts in series.items() for p in pts}
    flags = []
    for (code, period), items in placed_notes(series, notes).items():
        y = values.get((code, period))
        if y is not None:  # a missing value has no point to flag; the table and the list keep the note
            flags.append((_x(period), y, ", ".join(str(n) for n, _ in items)))
    return flags


def chart_spec(series: dict[str, list[SeriesPoint]], region_names: dict[str, str], unit: str, decimals: int,
               title: str, baseline_year: int | None = None, target: tuple[float, int] | None = None,
               notes: NotesByPeriod | None = None, forecast: Forecast | None = None,
               outlier: BaselineOutlier | None = None) -> ChartSpec:
    """What the chart shows: one line per region (home first), the basisjaar (ringed when it is an outlier), the
    target, the "als er niets verandert" line and the numbered notes."""
    lines = []
    for code, pts in series.items():
        step = STEP.get(pts[0].period.kind, 1.0) if pts else 1.0
        lines.append(Line(region_names.get(code, code), [(_x(p.period), p.value) for p in pts], step))
    periods = [p.period for pts in series.values() for p in pts]
    show_baseline = baseline_year is not None and bool(periods) and min(periods).start.year <= baseline_year
    return ChartSpec(
        title=title, lines=lines, unit=unit, decimals=decimals,
        baseline_year=baseline_year if show_baseline else None,
        baseline_label=texts.BASELINE_OUTLIER_MARK if outlier else texts.BASELINE_MARK,
        baseline_point=(float(outlier.year), outlier.value) if outlier else None,
        target=(float(target[1]), target[0], texts.TARGET_MARK.format(
            year=target[1], value=format_number(target[0], decimals, unit))) if target else None,
        forecast=[(float(y), v) for y, v in forecast.line] if forecast else (),
        forecast_label=texts.FORECAST_MARK, notes=note_flags(series, notes))


def chart(spec: ChartSpec, label: str, wide: tuple[int, int] = CARD, chart_id: str | None = None,
          described_by: str | None = None) -> html.Figure:
    """The chart as a picture: a narrow drawing for phones, a wide one from 576 px. Its accessible name is `label`;
    `described_by` names the ids of the page's words about it (the verdict sentence, the facts); the table next to
    it has every value."""
    narrow_svg, wide_svg = render(spec, *NARROW), render(spec, *wide)
    ident = {"id": chart_id} if chart_id else {}
    described = {"aria-describedby": described_by} if described_by else {}
    return html.Figure(className="chart", role="img", **{"aria-label": label}, **ident, **described,
                       children=html.Picture([
        html.Source(media="(max-width: 575.98px)", srcSet=data_uri(narrow_svg)),
        html.Img(src=data_uri(wide_svg), alt=label, width=wide[0], height=wide[1], className="chart-image"),
    ]))


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
