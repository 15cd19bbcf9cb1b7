"""Route `/kwartaal/<YYYY>-Q<n>/presentatie`: the quarter report as slides for the meeting room – a title slide, then
per programme what changed, Trends, Resultaten, Rijkere verantwoording and the meeting's decisions and action items.
Large type, fits 1920×1080 (a part too long for one slide continues on the next: "(2/3)"); arrow keys,
PageUp/PageDown (presenter remotes), Home/End and buttons (assets/40-presentation.js)."""

from __future__ import annotations

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.quarter_parts import (
    changes_list,
    notes_list,
    results_table,
    stories_list,
    trend_figures,
)
from dashboard.exports.report_html import status_line
from dashboard.pages.quarter import load, not_found
from indicators.quarter import ProgrammeReport, QuarterReport

MAX_CHANGES = 8  # more do not fit on a slide in large type; the rest is in the report
# What fits one 1920×1080 slide in large type; a longer part continues on the next slides ("(2/3)").
TRENDS_PER_SLIDE = 4  # two rows of two charts
RESULTS_PER_SLIDE = 8
STORIES_PER_SLIDE = 4
NOTES_PER_SLIDE = 6


def chunks(items: list, size: int) -> list[list]:
    """`items` in slides of at most `size`; one empty chunk for no items (the slide then says there are none)."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


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

    def add_part(p: ProgrammeReport, part: str, pages: list, build) -> None:  # noqa: ANN001 - a function
        title = texts.PRESENT_PROGRAMME_PART.format(programme=p.name, part=part)
        for n, items in enumerate(pages, start=1):
            add(title if len(pages) == 1 else texts.PRESENT_PART_PAGE.format(title=title, n=n, total=len(pages)),
                *build(items))

    for p in report.programmes:
        add(texts.PRESENT_PROGRAMME_PART.format(programme=p.name, part=texts.QUARTER_CHANGES.format(
            previous=previous)), changes_list(p, limit=MAX_CHANGES))
        add_part(p, texts.SECTION_TRENDS, chunks(p.trends, TRENDS_PER_SLIDE),
                 lambda items, p=p: [trend_figures(p.model_copy(update={"trends": items}), width=640, height=270)])
        add_part(p, texts.SECTION_RESULTS, chunks(p.results, RESULTS_PER_SLIDE),
                 lambda items, p=p: [results_table(p.model_copy(update={"results": items}), label,
                                                   explanations=False)])
        add_part(p, texts.SECTION_STORIES, chunks(p.stories, STORIES_PER_SLIDE),
                 lambda items, p=p: [stories_list(p.model_copy(update={"stories": items}), heading_level=3)])
        if p.notes:  # decisions and action items on slides of their own: they grow during the meeting
            add_part(p, texts.QUARTER_NOTES, chunks(p.notes, NOTES_PER_SLIDE),
                     lambda items: [notes_list(items, who=False)])
    return out


def page(report: QuarterReport) -> html.Div:
    deck = slides(report)
    total = len(deck)
    return html.Div(className="presentation", **{
        "data-slide": "0", "data-status-template": texts.PRESENT_STATUS}, children=[
        html.Div(className="slides", children=deck),
        html.Div(className="presentation-controls", children=[
            html.Button(texts.PRESENT_PREVIOUS, type="button", className=nl.BUTTON_SECONDARY,
                        **{"data-action": "previous"}),
            html.P(texts.PRESENT_STATUS.format(n=1, total=total), className="slide-status", role="status"),
            html.Button(texts.PRESENT_NEXT, type="button", className=nl.BUTTON_PRIMARY, **{"data-action": "next"}),
            html.Button(texts.PRESENT_FULLSCREEN, type="button", className=nl.BUTTON_SECONDARY,
                        **{"data-action": "fullscreen"}),
            nl.Link(texts.PRESENT_BACK, href=f"/kwartaal/{report.quarter}"),
            html.P(texts.PRESENT_HELP, className="presentation-help"),
        ]),
    ])


def layout(quarter: str | None = None, **_query: str) -> html.Div:
    found = load(quarter or "")
    if found is None:
        return not_found(quarter or "")
    return page(found[0])
