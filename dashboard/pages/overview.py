"""Route `/`: one card per programme with the state of its three parts at a glance."""

from __future__ import annotations

from dash import dcc, html

from dashboard import texts
from dashboard.components.quarter_link import latest_quarter_link
from dashboard.components.summary import programme_summary
from dashboard.data import read_session
from db.models import MeasurementStatus
from indicators.formatting import STORY_KIND_LABELS, format_date
from indicators.queries import ProgrammeCard, programme_cards
from indicators.trends import Verdict

TITLE = texts.OVERVIEW_TITLE


def card(c: ProgrammeCard) -> html.Article:
    v, r = c.verdicts, c.result_statuses
    newest = c.newest_stories[0] if c.newest_stories else None
    return html.Article(className="programme-card", id=f"programma-{c.slug}", children=[
        html.H2(className="card-title", children=[
            dcc.Link(c.name, href=f"/programma/{c.slug}"),
            html.Span(texts.DEMO_BADGE, className="demo-badge") if c.is_demo else None,
        ]),
        html.P(f"{c.region_name} · {c.period}", className="card-meta"),
        html.P(programme_summary(v, c.trend_count, r, c.story_count), className="card-summary"),
        html.Dl(className="card-parts", children=[
            html.Dt(texts.CARD_TRENDS),
            html.Dd(texts.CARD_TRENDS_LINE.format(
                desired=v.get(Verdict.DESIRED, 0), undesired=v.get(Verdict.UNDESIRED, 0),
                flat=v.get(Verdict.NO_CHANGE, 0), total=c.trend_count), className="part-trends"),
            html.Dt(texts.CARD_RESULTS),
            html.Dd(texts.CARD_RESULTS_LINE.format(
                on=r.get(MeasurementStatus.ON_TRACK, 0), attention=r.get(MeasurementStatus.ATTENTION, 0),
                off=r.get(MeasurementStatus.OFF_TRACK, 0), total=c.result_count), className="part-results"),
            html.Dt(texts.CARD_STORIES),
            html.Dd(className="part-stories", children=[
                texts.CARD_STORIES_LINE.format(count=c.story_count),
                html.Br() if newest else None,
                f"{texts.CARD_NEWEST}: {STORY_KIND_LABELS[newest.kind].lower()} ‘{newest.title}’ "
                f"({format_date(newest.story_date)})" if newest else None,
            ]),
        ]),
    ])


def layout(**_query: str) -> html.Div:
    try:
        with read_session() as session:
            cards = programme_cards(session)
    except RuntimeError:  # no app context: Dash validating the layout
        cards = []
    return html.Div(className="container page-overview", children=[
        html.H1(texts.OVERVIEW_TITLE),
        html.P(texts.OVERVIEW_INTRO, className="lead"),
        latest_quarter_link(),
        html.Div(className="card-grid", children=[card(c) for c in cards]),
    ])
