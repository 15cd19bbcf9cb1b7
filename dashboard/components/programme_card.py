"""A programme on the overview: the state of its three parts at a glance – per trend a sparkline with its verdict
icon (and "niet actueel" where it is), the results as status badges with icons and a bar of their shares, the
stories by medium – each also in words – with its actualiteit score and, where it has taakvelden, its money."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.actuality import badge
from dashboard.components.badges import VERDICT_NAME, status_badge
from dashboard.components.finance_card import finance_lines
from dashboard.components.icons import icon_uri
from dashboard.components.outdated import outdated
from dashboard.components.summary import programme_summary
from dashboard.theme import current_theme
from indicators.actuality import Actuality
from indicators.enums import MeasurementStatus, StoryKind
from indicators.finance import ProgrammeFinance
from indicators.formatting import STORY_KIND_LABELS, format_date, format_number, plural
from indicators.sparkline import data_uri, sparkline_svg
from indicators.trends import ICONS, Verdict
from indicators.views import ProgrammeCard, TrendGlance

STATUS_ORDER = [MeasurementStatus.ON_TRACK, MeasurementStatus.ATTENTION, MeasurementStatus.OFF_TRACK,
                MeasurementStatus.UNKNOWN]


def _sparkline(t: TrendGlance) -> html.Img | html.Span:
    values = [v for v in t.values if v is not None]
    svg = sparkline_svg(list(t.values), [], width=64, height=24, colour=current_theme().colour("chart-1"))
    last = format_number(values[-1], t.decimals, t.unit) if values else "–"
    period = t.latest.label if t.latest else "–"
    if svg is None:
        return html.Span(className="trend-glance-empty", **{"aria-hidden": "true"})
    alt = texts.CARD_SPARKLINE_ALT.format(name=t.name, first=format_number(values[0], t.decimals, t.unit),
                                          first_period=t.first.label if t.first else "–", last=last, last_period=period,
                                          verdict=t.verdict.value)
    return html.Img(src=data_uri(svg), alt=alt, width=64, height=24, className="trend-glance-line")


def trends_part(c: ProgrammeCard, today: date, max_age: int) -> html.Section:
    if not c.trends:
        return _part(c, "trends", texts.CARD_TRENDS, html.P(texts.CARD_TRENDS_NONE, className="part-visual"))
    items = []
    for t in c.trends:
        stale = outdated(t.latest, today, max_age)
        items.append(html.Li(className=f"trend-glance {VERDICT_NAME[t.verdict]}", children=[
            _sparkline(t),
            html.Span(ICONS[t.verdict], className="trend-glance-icon", title=t.verdict.value,
                      **{"aria-hidden": "true"}),
            html.Span(t.name, className="trend-glance-name"),
            html.Span(texts.OUTDATED_LABEL.lower(), className="trend-glance-outdated") if stale else None,
        ]))
    stale = sum(outdated(t.latest, today, max_age) for t in c.trends)
    words = [plural(c.verdicts.get(v, 0), texts.CARD_VERDICT_COUNTS[v.value]) for v in Verdict]
    words.append(plural(stale, texts.CARD_OUTDATED))
    return _part(c, "trends", texts.CARD_TRENDS, html.Ul(items, className="trend-glances part-visual"),
                 html.P(" · ".join(w for w in words if w), className="part-words"))


def results_part(c: ProgrammeCard) -> html.Section:
    counts = {s: c.result_statuses.get(s, 0) for s in STATUS_ORDER}
    total = sum(counts.values())
    if not total:
        return _part(c, "results", texts.CARD_RESULTS, html.P(plural(0, texts.CARD_RESULTS_OF),
                                                               className="part-visual part-words"))
    bar = html.Div(className="status-bar", **{"aria-hidden": "true"}, children=[
        html.Span(className=f"status-bar-part status-{s.value}", style={"flexGrow": n})
        for s, n in counts.items() if n])
    badges = html.Ul(className="status-counts", children=[
        html.Li(status_badge(s, plural(n, texts.CARD_STATUS_COUNTS[s.value]))) for s, n in counts.items() if n])
    return _part(c, "results", texts.CARD_RESULTS, html.Div([bar, badges], className="part-visual"),
                 html.P(plural(total, texts.CARD_RESULTS_OF), className="part-words"))


def stories_part(c: ProgrammeCard) -> html.Section:
    if not c.story_count:
        return _part(c, "stories", texts.CARD_STORIES, html.P(texts.CARD_STORIES_NONE, className="part-visual"))
    kinds = html.Ul(className="story-kinds part-visual", children=[
        html.Li([html.Img(src=icon_uri(kind.value, 20, current_theme().colour(f"story-{kind.value}")), alt="",
                          width=20, height=20, className="story-kind-icon"),
                 plural(c.story_kinds[kind.value], texts.CARD_STORY_KINDS[kind.value])])
        for kind in StoryKind if c.story_kinds.get(kind.value)])
    newest = c.newest_stories[0] if c.newest_stories else None
    return _part(c, "stories", texts.CARD_STORIES, kinds, html.P(className="part-words", children=[
        f"{texts.CARD_NEWEST}: ", nl.Link(newest.title, href=f"/verhaal/{newest.id}"), " (",
        texts.CARD_NEWEST_META.format(kind=STORY_KIND_LABELS[newest.kind].lower(),
                                      date=format_date(newest.story_date)), ")"]) if newest else None)


def _part(c: ProgrammeCard, part: str, title: str, *children) -> html.Section:  # noqa: ANN002 - Dash children
    heading = f"kaart-{c.slug}-{part}"
    return html.Section(className=f"card-part part-{part}", **{"aria-labelledby": heading},
                        children=[nl.H3(title, id=heading, className="card-part-title"), *children])


def programme_card(c: ProgrammeCard, today: date, max_age: int, finance: ProgrammeFinance | None = None,
                   actuality: Actuality | None = None) -> html.Article:
    money = finance_lines(finance)
    stale = sum(outdated(t.latest, today, max_age) for t in c.trends)
    return html.Article(className="programme-card", id=f"programma-{c.slug}", children=[
        nl.H2(className="card-title", children=[
            nl.Link(c.name, href=f"/programma/{c.slug}"),
            html.Span(texts.DEMO_BADGE, className="demo-badge") if c.is_demo else None,
        ]),
        html.P(f"{c.region_name} · {c.period}", className="card-meta"),
        html.P(programme_summary(c.verdicts, c.trend_count, c.result_statuses, c.story_count, stale),
               className="card-summary"),
        html.P(badge(actuality), className="card-actuality") if actuality is not None else None,
        trends_part(c, today, max_age),
        results_part(c),
        stories_part(c),
        _part(c, "finance", texts.CARD_FINANCE, money) if money is not None else None,
    ])
