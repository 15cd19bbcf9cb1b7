"""One small multiple of the Trends part: figures, verdict in words, chart, table and provenance."""

from __future__ import annotations

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.badges import example_label, verdict_badge
from dashboard.components.controls import scroll_region
from dashboard.components.downloads import download_links
from dashboard.components.story_links import story_links
from dashboard.components.trend_chart import chart, create_figure, data_table, region_list
from indicators.formatting import DIRECTION_LABELS, format_change, format_date, format_number
from indicators.notes import note_count
from indicators.views import TrendView


def provenance_line(source: str, table_id: str | None, loaded) -> str:  # noqa: ANN001 - datetime | None
    parts = [texts.SOURCE_LINE.format(source=source)]
    if table_id:
        parts.append(texts.TABLE_LINE.format(table=table_id))
    if loaded:
        parts.append(texts.LOADED_LINE.format(date=format_date(loaded)))
    return " · ".join(parts)


def notes_link(trend: TrendView) -> html.P | None:
    """"n toelichtingen": a small link to the indicator page, where the notes are on the chart and listed."""
    n = note_count(trend.notes)
    if not n:
        return None
    count = texts.INDICATOR_NOTES_LINK_ONE if n == 1 else texts.INDICATOR_NOTES_LINK_MANY.format(n=n)
    name = trend.indicator.name
    region = next(note.region_code for notes in trend.notes.values() for note in notes)
    return html.P(className="trend-notes-link", children=nl.Link(
        [count, html.Span(texts.INDICATOR_NOTES_LINK_HIDDEN.format(name=name), className="visually-hidden")],
        href=f"/indicator/{trend.indicator.code}?regio={region}#indicator-figuren",
        title=texts.INDICATOR_NOTES_LINK_LABEL.format(count=count, name=name)))


TABLE_TOGGLE = "trend-tabel-knop"
TABLE_BODY = "trend-tabel"


def trend_table(trend: TrendView) -> html.Div:
    """Exact values of a trend card with status, source and notes: what opening "Toon de cijfers" shows."""
    ind = trend.indicator
    return scroll_region(data_table(trend.series, trend.region_names, ind.unit, ind.decimals, caption=ind.name,
                                    show_source=True, notes=trend.notes or None),
                         texts.TABLE_REGION.format(name=ind.name))


def trend_card(trend: TrendView, baseline_year: int, download: dict[str, str | None] | None = None,
               ) -> html.Article:
    ind, s = trend.indicator, trend.summary
    figure = create_figure(trend.series, trend.region_names, ind.unit, ind.decimals, baseline_year,
                           (trend.target_value, trend.target_year) if trend.target_value is not None else None,
                           notes=trend.notes, forecast=trend.forecast)
    regions = region_list(list(trend.series), trend.region_names)
    facts = [
        (texts.DIRECTION, DIRECTION_LABELS[ind.desired_direction]),
        (texts.LATEST, f"{format_number(s.latest.value, ind.decimals, ind.unit)} ({s.latest.period.label})"
         if s.latest else "–"),
        (texts.CHANGE_PREVIOUS, format_change(s.change_previous, ind.decimals, ind.unit)),
        (texts.CHANGE_BASELINE.format(year=baseline_year), format_change(s.change_baseline, ind.decimals, ind.unit)),
    ]
    if trend.target_value is not None:
        facts.append((texts.COL_TARGET, texts.TARGET.format(
            year=trend.target_year, value=format_number(trend.target_value, ind.decimals, ind.unit))))
    return html.Article(className="trend-card", id=f"trend-{ind.code}", children=[
        nl.H3(nl.Link(ind.name, href=f"/indicator/{ind.code}"), className="trend-title"),
        example_label() if trend.has_example else None,
        verdict_badge(s),
        html.P(s.sentence, className="trend-sentence", id=f"trend-{ind.code}-uitspraak"),
        html.P(trend.forecast.sentence, className="trend-forecast", id=f"trend-{ind.code}-lijn") if trend.forecast
        else None,
        notes_link(trend),
        html.Dl(className="trend-facts", id=f"trend-{ind.code}-feiten",
                children=[x for k, v in facts for x in (html.Dt(k), html.Dd(v))]),
        chart({"type": "programma-trend-graph", "code": ind.code}, figure,
              texts.CHART_LABEL.format(name=ind.name, unit=ind.unit, regions=regions),
              " ".join(f"trend-{ind.code}-{part}" for part in ("uitspraak", "lijn", "feiten")
                       if part != "lijn" or trend.forecast)),
        # The table is built when it is first opened (show_trend_table): a programme's tables hold thousands of
        # cells that few readers open, and building and sending them made every page and comparison slow.
        html.Details(className="table-toggle", children=[
            html.Summary(texts.SHOW_TABLE, id={"type": TABLE_TOGGLE, "code": ind.code}),
            html.Div(id={"type": TABLE_BODY, "code": ind.code}, **{"aria-live": "polite"},
                     children=html.P(texts.TABLE_LOADING, className="table-loading")),
        ]),
        html.P(provenance_line(ind.source, ind.cbs_table_id, trend.last_loaded), className="provenance"),
        download_links("trend", {**download, "indicator": ind.code}, ind.name) if download is not None else None,
        story_links(trend.stories),
    ])
