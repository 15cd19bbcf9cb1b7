"""Parts of the quarter report shared by the report page and the presentation: Dutch texts for changes and notes,
in-report anchors, and Dash builders for the "what changed" list, trends, results, stories and notes."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.badges import example_label, status_badge
from dashboard.components.controls import scroll_region
from dashboard.components.svg_chart import data_uri, trend_svg
from indicators.enums import ChangeKind, MeasurementStatus, StoryKind
from indicators.formatting import (
    MEASUREMENT_STATUS_LABELS,
    STORY_KIND_LABELS,
    format_change,
    format_date,
    format_number,
)
from indicators.periods import Period
from indicators.quarter import Change, NoteItem, ProgrammeReport, QuarterReport, ResultItem, StoryItem, TrendItem

_PART = {
    ChangeKind.NEW_MEASUREMENT: "resultaat", ChangeKind.CORRECTED_MEASUREMENT: "resultaat",
    ChangeKind.STATUS_CHANGE: "resultaat", ChangeKind.NEW_FIGURE: "trend", ChangeKind.CORRECTED_FIGURE: "trend",
    ChangeKind.TREND_TURNED: "trend", ChangeKind.CROSSED_BASELINE: "trend", ChangeKind.NEW_STORY: "verhaal",
}


def period_label(code: str | None) -> str:
    return Period.parse(code).label if code else "–"


def anchor(slug: str, part: str, ref: str | int = "") -> str:
    """The id of an item in the report (page and PDF): kw-<programme>-<part>[-<ref>]."""
    return f"kw-{slug}-{part}-{ref}" if ref != "" else f"kw-{slug}-{part}"


def change_anchor(slug: str, change: Change) -> str:
    return anchor(slug, _PART[change.kind], change.ref)


def _status(value: object) -> str:
    return MEASUREMENT_STATUS_LABELS[MeasurementStatus(str(value))].lower()


def change_text(change: Change) -> str:
    """One line of "what changed" in plain Dutch, e.g. 'Casussen …: op koers → niet op koers (3e kwartaal 2026)'."""
    def num(v: object) -> str:
        return format_number(v if isinstance(v, int | float) else None, change.decimals, change.unit)

    kind = change.kind
    if kind is ChangeKind.NEW_STORY:  # a story's period is its date
        when = format_date(date.fromisoformat(change.period)) if change.period else "–"
    else:
        when = period_label(change.period)
    values = {"subject": change.subject, "period": when, "before": num(change.before),
              "after": num(change.after), "target": num(change.target)}
    if kind is ChangeKind.STATUS_CHANGE:
        values.update(before=_status(change.before), after=_status(change.after))
    elif kind is ChangeKind.TREND_TURNED:
        values.update(before=texts.MOVEMENT_LABELS[str(change.before)], after=texts.MOVEMENT_LABELS[str(change.after)])
    elif kind is ChangeKind.NEW_STORY:
        values["after"] = STORY_KIND_LABELS[StoryKind(str(change.after))].lower()
    elif kind is ChangeKind.NEW_MEASUREMENT:
        values["target"] = texts.QUARTER_TARGET_SHORT.format(value=num(change.target))
    return texts.CHANGE_TEXTS[kind.value].format(**values)


def note_meta(note: NoteItem, who: bool = True) -> str:
    """Owner, due date, state and origin of a note; `who`: also who marked it done and who recorded it when (left
    out on the slides, whose type is large and whose room is tight)."""
    parts = []
    if note.owner:
        parts.append(texts.NOTE_OWNER.format(owner=note.owner))
    if note.due_date:
        parts.append(texts.NOTE_DUE.format(date=format_date(note.due_date)))
    if note.kind == "actiepunt":
        by = texts.NOTE_DONE_BY.format(name=note.done_by) if who and note.done_by else ""
        parts.append((texts.NOTE_DONE.format(date=format_date(note.done_on)) + by) if note.done_on else texts.NOTE_OPEN)
    if note.carried:
        parts.append(texts.NOTE_CARRIED.format(label=period_label(note.recorded_in)))
    if who and note.created_on:  # empty in content frozen before who and when were kept: that renders as it always did
        by = texts.NOTE_RECORDED_BY.format(name=note.created_by) if note.created_by else ""
        parts.append(texts.NOTE_RECORDED.format(by=by, date=format_date(note.created_on)))
    return " · ".join(parts)


def chart_alt(trend: TrendItem) -> str:
    compare = texts.QUARTER_CHART_COMPARE.format(name=trend.compare_name) if trend.compare_points else ""
    return texts.QUARTER_CHART_ALT.format(name=trend.name, region=trend.region_name, compare=compare,
                                          period=period_label(trend.latest_period))


def chart_svg(trend: TrendItem, baseline_year: int, width: int = 520, height: int = 240) -> str:
    target = (trend.target_value, trend.target_year) if trend.target_value is not None and trend.target_year else None
    return trend_svg(trend.points, trend.compare_points, trend.region_name, trend.compare_name, trend.unit,
                     trend.decimals, baseline_year, target, chart_alt(trend), width, height)


def latest_text(trend: TrendItem) -> str:
    if trend.latest_value is None:
        return "–"
    return f"{format_number(trend.latest_value, trend.decimals, trend.unit)} ({period_label(trend.latest_period)})"


def trend_change(trend: TrendItem) -> str:
    if trend.latest_value is None or trend.baseline_value is None:
        return "–"
    return format_change(trend.latest_value - trend.baseline_value, trend.decimals, trend.unit)


def measurement_cells(result: ResultItem) -> tuple[str, str, str]:
    m = result.current
    if m is None:
        return "–", "–", texts.QUARTER_NO_MEASUREMENT
    return (format_number(m.target, result.decimals, result.unit),
            format_number(m.realised, result.decimals, result.unit), m.explanation)


def story_href(story: StoryItem, slug: str) -> str:
    """Where the story lives on the dashboard (its own page, /verhaal/<id>)."""
    return f"/verhaal/{story.id}"


# --- Dash builders --------------------------------------------------------------------------------------------
def changes_list(p: ProgrammeReport, limit: int | None = None) -> html.Div:
    shown = p.changes if limit is None else p.changes[:limit]
    if not p.changes:
        return html.P(texts.QUARTER_NO_CHANGES)
    items = [html.Li(className=f"change change-{c.kind.value}", children=[
        html.Span(texts.CHANGE_KIND_LABELS[c.kind.value], className="change-kind"), " ",
        nl.A(change_text(c), href=f"#{change_anchor(p.slug, c)}"),
    ]) for c in shown]
    more = len(p.changes) - len(shown)
    return html.Div([html.Ul(items, className="change-list"),
                     html.P(texts.PRESENT_MORE.format(n=more), className="change-more") if more > 0 else None])


def trend_figures(p: ProgrammeReport, width: int = 520, height: int = 240) -> html.Div:
    if not p.trends:
        return html.P(texts.QUARTER_NO_TRENDS)
    return html.Div(className="quarter-trend-grid", children=[html.Figure(
        id=anchor(p.slug, "trend", t.code), className="quarter-trend", children=[
            html.Img(src=data_uri(chart_svg(t, p.baseline_year, width, height)), alt=chart_alt(t),
                     width=width, height=height, className="quarter-chart"),
            html.Figcaption([html.Strong(t.name), " ", example_label() if t.has_example else None,
                             html.Br(), t.sentence]),
        ]) for t in p.trends])


def trends_table(p: ProgrammeReport, label: str) -> html.Div:
    caption = texts.QUARTER_TRENDS_CAPTION.format(name=p.name, label=label)
    head = [texts.QUARTER_COL_TREND, texts.QUARTER_COL_LATEST, texts.QUARTER_COL_BASELINE.format(year=p.baseline_year),
            texts.QUARTER_COL_CHANGE, texts.QUARTER_COL_VERDICT]
    rows = [html.Tr([html.Th(t.name, scope="row"), html.Td(latest_text(t), className="num"),
                     html.Td(format_number(t.baseline_value, t.decimals, t.unit), className="num"),
                     html.Td(trend_change(t), className="num"), html.Td(t.verdict)]) for t in p.trends]
    return scroll_region(html.Table(className=f"{nl.TABLE_COMPACT} quarter-table", children=[
        html.Caption(caption), html.Thead(html.Tr([html.Th(h, scope="col") for h in head])), html.Tbody(rows),
    ]), caption)


def results_table(p: ProgrammeReport, label: str, explanations: bool = True) -> html.Div:
    if not p.results:
        return html.P(texts.QUARTER_NO_RESULTS)
    caption = texts.QUARTER_RESULTS_CAPTION.format(name=p.name, label=label)
    head = [texts.COL_PROJECT, texts.COL_MEASURE, texts.COL_TARGET, texts.COL_REALISED, texts.COL_STATUS]
    if explanations:
        head.append(texts.COL_EXPLANATION)
    rows = []
    for r in p.results:
        target, realised, note = measurement_cells(r)
        cells = [html.Td(r.project_name), html.Th(r.name, scope="row"), html.Td(target, className="num"),
                 html.Td(realised, className="num"),
                 html.Td(status_badge(r.current.status) if r.current else "–")]
        if explanations:
            cells.append(html.Td([note, " ", example_label() if r.current and r.current.is_example else None]))
        rows.append(html.Tr(cells, id=anchor(p.slug, "resultaat", r.id)))
    return scroll_region(html.Table(className=f"{nl.TABLE_COMPACT} quarter-table", children=[
        html.Caption(caption), html.Thead(html.Tr([html.Th(h, scope="col") for h in head])), html.Tbody(rows),
    ]), caption)


def stories_list(p: ProgrammeReport, heading_level: int = 4) -> html.Div:
    if not p.stories:
        return html.P(texts.QUARTER_NO_STORIES)
    heading = html.H4 if heading_level == 4 else html.H3
    return html.Div(className="quarter-stories", children=[html.Article(
        id=anchor(p.slug, "verhaal", s.id), className="quarter-story", children=[
            heading(nl.A(s.title, href=story_href(s, p.slug)), className="story-title"),
            html.P([STORY_KIND_LABELS[StoryKind(s.kind)], " · ",
                    html.Time(format_date(s.story_date), dateTime=s.story_date.isoformat()), " ",
                    example_label(texts.EXAMPLE_STORY) if s.is_example else None], className="story-meta"),
            html.P(s.summary, className="story-summary"),
        ]) for s in p.stories])


def notes_list(notes: list[NoteItem], who: bool = True) -> html.Div:
    if not notes:
        return html.P(texts.QUARTER_NO_NOTES)
    return html.Ul(className="note-list", children=[html.Li(className=f"note note-{n.kind}", children=[
        html.Strong(texts.NOTE_KIND_LABELS[n.kind] + ": "), n.text,
        html.Span(f" ({note_meta(n, who)})", className="note-meta") if note_meta(n, who) else None,
    ]) for n in notes])


def report_label(report: QuarterReport) -> str:
    return report.period.label
