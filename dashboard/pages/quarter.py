"""Route `/kwartaal/<YYYY>-Q<n>`: the quarter report – per programme what changed since the previous quarter, then
Trends, Resultaten, Rijkere verantwoording and the meeting's decisions and action items, as at the quarter's end.

A published quarter is shown from its frozen snapshot; a draft from today's figures. No callbacks: the page is
static, the downloads are Flask routes (dashboard.exports.routes)."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard import texts
from dashboard.auth import current_user
from dashboard.components import nl
from dashboard.components.project_money import money_table
from dashboard.components.quarter_parts import (
    anchor,
    changes_list,
    notes_list,
    results_table,
    stories_list,
    trend_figures,
    trends_table,
)
from dashboard.components.status_matrix import matrix_table, report_matrix
from dashboard.data import actuality_max_age, read_session
from dashboard.exports.report_html import status_line
from dashboard.pages import quarter_meeting
from db.read.lookups import quarter_exists
from db.read.quarter import notes_recorded_after_publication, report_for
from indicators.actuality import DEFAULT_MAX_AGE_YEARS
from indicators.enums import Action
from indicators.periods import Period, PeriodError, last_ended_quarter, parse_quarter
from indicators.quarter import NoteItem, ProgrammeReport, QuarterReport


def not_found(code: str) -> html.Div:
    try:
        parse_quarter(code)
        text = texts.QUARTER_OUT_OF_RANGE.format(code=code)
    except PeriodError:
        text = texts.QUARTER_NOT_FOUND.format(code=code)
    return html.Div(className="container", children=[
        nl.H1(texts.NOT_FOUND_TITLE), html.P(text),
        nl.Link(texts.BACK_TO_OVERVIEW, href="/"),
    ])


def _part(slug: str, part: str, title: str, *children) -> html.Section:  # noqa: ANN002 - Dash children
    heading_id = anchor(slug, part)
    return html.Section(className=f"quarter-part quarter-{part}", **{"aria-labelledby": heading_id},
                        children=[nl.H3(title, id=heading_id), *children])


def programme_section(p: ProgrammeReport, report: QuarterReport, late_notes: list[NoteItem],
                      max_age: int = DEFAULT_MAX_AGE_YEARS) -> html.Section:
    label, previous = report.period.label, report.previous_period.label
    as_of = report.period.end
    heading_id = anchor(p.slug, "programma")
    return html.Section(className="quarter-programme", **{"aria-labelledby": heading_id}, children=[
        nl.H2(nl.Link(p.name, href=f"/programma/{p.slug}"), id=heading_id),
        html.P(f"{p.region_name} · {texts.QUARTER_COL_BASELINE.format(year=p.baseline_year)}", className="card-meta"),
        _part(p.slug, "veranderd", texts.QUARTER_CHANGES.format(previous=previous), changes_list(p)),
        _part(p.slug, "trends", texts.SECTION_TRENDS, trend_figures(p, as_of=as_of, max_age=max_age),
              trends_table(p, label, as_of, max_age)),
        _part(p.slug, "resultaten", texts.SECTION_RESULTS, results_table(p, label),
              nl.H4(texts.MATRIX_TITLE),
              matrix_table(report_matrix(p, report.period), texts.MATRIX_CAPTION.format(name=p.name),
                           anchor(p.slug, "statusmatrix"))),
        _part(p.slug, "financien", texts.PROJ_TITLE, money_table(p, report.period))
        if p.project_money is not None else None,
        _part(p.slug, "verhalen", texts.SECTION_STORIES, stories_list(p)),
        _part(p.slug, "besluiten", texts.QUARTER_NOTES, notes_list(p.notes),
              html.Div(className="late-notes", children=[html.P(texts.NOTE_CHANGED_AFTER, className=nl.DESCRIPTION),
                                                         notes_list(late_notes)]) if late_notes else None),
    ])


def quarter_nav(report: QuarterReport, today: date) -> html.Nav:
    q = report.period
    links = [nl.Link(texts.QUARTER_PREVIOUS.format(label=q.previous().label), href=f"/kwartaal/{q.previous().code}")]
    if q.next() <= last_ended_quarter(today):
        links.append(nl.Link(texts.QUARTER_NEXT.format(label=q.next().label), href=f"/kwartaal/{q.next().code}"))
    links += [
        nl.Link(texts.QUARTER_PRESENT, href=f"/kwartaal/{q.code}/presentatie"),
        # a draft's PDF is made on request for signed-in accounts only (it costs a worker seconds)
        nl.A(texts.QUARTER_PDF, href=f"/kwartaal/{q.code}.pdf") if report.published_at or current_user()
        else html.Span(texts.QUARTER_PDF_AFTER_PUBLICATION, className="quarter-pdf-later"),
        nl.A(texts.QUARTER_XLSX, href=f"/kwartaal/{q.code}.xlsx"),
    ]
    return html.Nav(className="quarter-nav", **{"aria-label": texts.QUARTER_NAV},
                    children=html.Ul([html.Li(link) for link in links]))


def meeting_link(code: str) -> html.P | None:
    """For signed-in approvers and admins: where to record this quarter's decisions (and, for admins, publish)."""
    user = current_user()
    if not quarter_meeting.may_hold_meeting(user):
        return None
    publish = texts.MEETING_MANAGE_PUBLISH if user.can(Action.ADMIN) else ""
    return html.P(nl.Link(texts.MEETING_MANAGE_LINK.format(publish=publish), href=f"/beheer/kwartaal/{code}"),
                  className="quarter-meeting-link")


def page(report: QuarterReport, late_notes: dict[str, list[NoteItem]], today: date,
         max_age: int = DEFAULT_MAX_AGE_YEARS) -> html.Div:
    label, previous = report.period.label, report.previous_period.label
    compared = texts.QUARTER_COMPARED_PUBLISHED if report.previous_published else texts.QUARTER_COMPARED_LIVE
    return html.Div(className="container page-quarter", children=[
        nl.H1(texts.QUARTER_TITLE.format(label=label)),
        html.P(status_line(report), className="quarter-status" + (
            "quarter-published" if report.published_at else "quarter-draft")),
        html.P([texts.QUARTER_INTRO.format(label=label, previous=previous), " ", compared.format(previous=previous)],
               className=nl.LEAD),
        quarter_nav(report, today),
        meeting_link(report.quarter),
        html.Nav(className="quarter-contents", **{"aria-labelledby": "kw-inhoud"}, children=[
            nl.H2(texts.QUARTER_CONTENTS, id="kw-inhoud", className=nl.HEADING_5),
            html.Ul([html.Li(nl.A(p.name, href=f"#{anchor(p.slug, 'programma')}")) for p in report.programmes]),
        ]),
        *[programme_section(p, report, late_notes.get(p.slug, []), max_age) for p in report.programmes],
    ])


def load(code: str) -> tuple[QuarterReport, dict[str, list[NoteItem]]] | None:
    """The report and the notes recorded after its publication; None when `code` is not a quarter."""
    try:
        quarter: Period = parse_quarter(code)
    except PeriodError:
        return None
    with read_session() as session:
        if not quarter_exists(session, quarter):
            return None  # 1990-Q1, 2090-Q1: no report (and HTTP 404, dashboard.http_status)
        report = report_for(session, quarter)
        late = notes_recorded_after_publication(session, report) if report.published_at else {}
    return report, late


def layout(quarter: str | None = None, **_query: str) -> html.Div:
    found = load(quarter or "")
    if found is None:
        return not_found(quarter or "")
    return page(*found, date.today(), actuality_max_age())
