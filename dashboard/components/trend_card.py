"""One small multiple of the Trends part: figures, verdict in words, chart, table and provenance."""

from __future__ import annotations

from dash import dcc, html

from dashboard import texts
from dashboard.components.badges import example_label, verdict_badge
from dashboard.components.controls import scroll_region
from dashboard.components.downloads import download_links
from dashboard.components.story_links import story_links
from dashboard.components.trend_chart import chart, create_figure, data_table, region_list
from indicators.formatting import DIRECTION_LABELS, format_change, format_date, format_number
from indicators.queries import TrendView


def provenance_line(source: str, table_id: str | None, loaded) -> str:  # noqa: ANN001 - datetime | None
    parts = [texts.SOURCE_LINE.format(source=source)]
    if table_id:
        parts.append(texts.TABLE_LINE.format(table=table_id))
    if loaded:
        parts.append(texts.LOADED_LINE.format(date=format_date(loaded)))
    return " · ".join(parts)


def trend_card(trend: TrendView, baseline_year: int, download: dict[str, str | None] | None = None,
               ) -> html.Article:
    ind, s = trend.indicator, trend.summary
    figure = create_figure(trend.series, trend.region_names, ind.unit, ind.decimals, baseline_year,
                           (trend.target_value, trend.target_year) if trend.target_value is not None else None)
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
        html.H3(dcc.Link(ind.name, href=f"/indicator/{ind.code}"), className="trend-title"),
        example_label() if trend.has_example else None,
        verdict_badge(s),
        html.P(s.sentence, className="trend-sentence"),
        html.Dl(className="trend-facts", children=[x for k, v in facts for x in (html.Dt(k), html.Dd(v))]),
        chart({"type": "programma-trend-graph", "code": ind.code}, figure,
              texts.CHART_LABEL.format(name=ind.name, unit=ind.unit, regions=regions)),
        html.Details(className="table-toggle", children=[
            html.Summary(texts.SHOW_TABLE),
            scroll_region(data_table(trend.series, trend.region_names, ind.unit, ind.decimals, caption=ind.name,
                                     show_source=True), texts.TABLE_REGION.format(name=ind.name)),
        ]),
        html.P(provenance_line(ind.source, ind.cbs_table_id, trend.last_loaded), className="provenance"),
        download_links("trend", {**download, "indicator": ind.code}, ind.name) if download is not None else None,
        story_links(trend.stories),
    ])
