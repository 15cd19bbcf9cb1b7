"""Route `/kwartaal/<YYYY>-Q<n>/presentatie`: the quarter report as slides for the meeting room – a title slide, then
per programme what changed, Trends, Resultaten, and stories with decisions and action items. Large type, fits
1920×1080; arrow keys, PageUp/PageDown (presenter remotes), Home/End and buttons (assets/40-presentation.js)."""

from __future__ import annotations

from dash import dcc, html

from dashboard import texts
from dashboard.components.quarter_parts import (
    changes_list,
    notes_list,
    results_table,
    stories_list,
    trend_figures,
)
from dashboard.exports.report_html import status_line
from dashboard.pages.quarter import load, not_found
from indicators.quarter import QuarterReport

MAX_CHANGES = 8  # more do not fit on a slide in large type; the rest is in the report


def _slide(n: int, title: str, *children, level: int = 2) -> html.Section:  # noqa: ANN002 - Dash children
    heading = html.H1 if level == 1 else html.H2
    return html.Section(className="slide", id=f"dia-{n + 1}", hidden=n > 0,
                        **{"aria-labelledby": f"dia-{n + 1}-titel", "aria-roledescription": texts.PRESENT_SLIDE},
                        children=[heading(title, id=f"dia-{n + 1}-titel", tabIndex="-1"), *children])


def slides(report: QuarterReport) -> list[html.Section]:
    label, previous = report.period.label, report.previous_period.label
    out = [_slide(0, texts.QUARTER_TITLE.format(label=label),
                  html.P(status_line(report), className="slide-lead"),
                  html.Ul([html.Li(p.name) for p in report.programmes], className="slide-programmes"), level=1)]

    def add(title: str, *children) -> None:  # noqa: ANN002
        out.append(_slide(len(out), title, *children))

    for p in report.programmes:
        add(texts.PRESENT_PROGRAMME_PART.format(programme=p.name, part=texts.QUARTER_CHANGES.format(
            previous=previous)), changes_list(p, limit=MAX_CHANGES))
        add(texts.PRESENT_PROGRAMME_PART.format(programme=p.name, part=texts.SECTION_TRENDS),
            trend_figures(p, width=640, height=270))
        add(texts.PRESENT_PROGRAMME_PART.format(programme=p.name, part=texts.SECTION_RESULTS),
            results_table(p, label, explanations=False))
        add(texts.PRESENT_PROGRAMME_PART.format(programme=p.name, part=texts.SECTION_STORIES),
            stories_list(p, heading_level=3), html.H3(texts.QUARTER_NOTES), notes_list(p.notes, who=False))
    return out


def page(report: QuarterReport) -> html.Div:
    deck = slides(report)
    total = len(deck)
    return html.Div(className="presentation", **{
        "data-slide": "0", "data-status-template": texts.PRESENT_STATUS}, children=[
        html.Div(className="slides", children=deck),
        html.Div(className="presentation-controls", children=[
            html.Button(texts.PRESENT_PREVIOUS, type="button", className="btn btn-outline-primary",
                        **{"data-action": "previous"}),
            html.P(texts.PRESENT_STATUS.format(n=1, total=total), className="slide-status", role="status"),
            html.Button(texts.PRESENT_NEXT, type="button", className="btn btn-primary", **{"data-action": "next"}),
            html.Button(texts.PRESENT_FULLSCREEN, type="button", className="btn btn-outline-secondary",
                        **{"data-action": "fullscreen"}),
            dcc.Link(texts.PRESENT_BACK, href=f"/kwartaal/{report.quarter}"),
            html.P(texts.PRESENT_HELP, className="presentation-help"),
        ]),
    ])


def layout(quarter: str | None = None, **_query: str) -> html.Div:
    found = load(quarter or "")
    if found is None:
        return not_found(quarter or "")
    return page(found[0])
