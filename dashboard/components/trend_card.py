"""One small multiple of the Trends part: figures, verdict in words, chart, table and provenance."""

from __future__ import annotations

from datetime import date

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.badges import example_label, verdict_badge
from dashboard.components.controls import scroll_region
from dashboard.components.downloads import download_links
from dashboard.components.outdated import outdated_label
from dashboard.components.story_links import story_links
from dashboard.components.trend_chart import chart, chart_spec, data_table, region_list
from indicators.actuality import DEFAULT_MAX_AGE_YEARS
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


def forecast_note(trend: TrendView, ident: str | None = None) -> html.P | None:
    """The comparison with the line of before the programme: a second observation, apart from the verdict."""
    if trend.forecast is None:
        return None
    return html.P(className="trend-forecast", id=ident, children=[
        html.Span(texts.FORECAST_HEADING, className="trend-forecast-heading"), " ", trend.forecast.sentence])


def trend_card(trend: TrendView, baseline_year: int, download: dict[str, str | None] | None = None,
               today: date | None = None, max_age: int = DEFAULT_MAX_AGE_YEARS) -> html.Article:
    """One trend: a single headline verdict (badge and sentence), then the separate observations – the basisjaar
    as an outlier, the line of before the programme – the figures, the chart and its table."""
    ind, s = trend.indicator, trend.summary
    target = (trend.target_value, trend.target_year) if trend.target_value is not None and trend.target_year else None
    spec = chart_spec(trend.series, trend.region_names, ind.unit, ind.decimals, ind.name, baseline_year, target,
                      notes=trend.notes, forecast=trend.forecast, outlier=trend.outlier)
    regions = region_list(list(trend.series), trend.region_names)
    facts = [
        (texts.DIRECTION, DIRECTION_LABELS[ind.desired_direction]),
        (texts.LATEST, f"{format_number(s.latest.value, ind.decimals, ind.unit)} ({s.latest.period.label})"
         if s.latest else "–"),
        (texts.CHANGE_PREVIOUS, format_change(s.change_previous, ind.decimals, ind.unit)),
        (texts.CHANGE_BASELINE.format(year=baseline_year), format_change(s.change_baseline, ind.decimals, ind.unit)),
    ]
    if trend.target_value is not None:
        facts.append((texts.COL_TARGET, texts.TARGET_FACT.format(
            year=trend.target_year, value=format_number(trend.target_value, ind.decimals, ind.unit))))
    card_id = f"trend-{ind.code}"
    return html.Article(className="trend-card", id=card_id, children=[
        nl.H3(nl.Link(ind.name, href=f"/indicator/{ind.code}"), className="trend-title"),
        example_label() if trend.has_example else None,
        outdated_label(s.latest.period if s.latest else None, today or date.today(), max_age),
        verdict_badge(s),
        html.P(s.sentence, className="trend-sentence", id=f"{card_id}-uitspraak"),
        html.P(trend.outlier.sentence, className="trend-outlier", id=f"{card_id}-uitschieter")
        if trend.outlier else None,
        html.Dl(className="trend-facts", id=f"{card_id}-feiten",
                children=[x for k, v in facts for x in (html.Dt(k), html.Dd(v))]),
        chart(spec, texts.CHART_LABEL.format(name=ind.name, unit=ind.unit, regions=regions),
              described_by=" ".join(f"{card_id}-{part}" for part, shown in (
                  ("uitspraak", True), ("uitschieter", trend.outlier), ("feiten", True), ("lijn", trend.forecast))
                  if shown)),
        forecast_note(trend, f"{card_id}-lijn"),
        notes_link(trend),
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
