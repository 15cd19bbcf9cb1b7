"""Route `/`: one card per programme with the state of its three parts at a glance, a search across indicators,
projects, results and stories, and filters by programme, theme or wijk.

State in the URL: `?zoek=eenzaam&programma=sociaal-en-vitaal&thema=preventie-en-innovatie&wijk=WK014110`. The
form is a plain GET form (works without scripts, every state can be bookmarked); submitting it reloads the page."""

from __future__ import annotations

from dash import Input, Output, clientside_callback, dcc, html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.quarter_link import latest_quarter_link
from dashboard.components.summary import programme_summary
from dashboard.data import read_session
from db.read.programmes import programme_cards
from db.read.search import filter_options, programmes_matching, search
from indicators.enums import HitKind, MeasurementStatus, Verdict
from indicators.formatting import STORY_KIND_LABELS, format_date
from indicators.search import (
    MAX_QUERY_LENGTH,
    MIN_QUERY_LENGTH,
    FilterOptions,
    OverviewFilter,
    SearchHit,
    clean_query,
    filter_cards,
    highlight,
    is_searchable,
)
from indicators.views import ProgrammeCard

TITLE = texts.OVERVIEW_TITLE
MAX_HITS = 50


def card(c: ProgrammeCard) -> html.Article:
    v, r = c.verdicts, c.result_statuses
    newest = c.newest_stories[0] if c.newest_stories else None
    return html.Article(className="programme-card", id=f"programma-{c.slug}", children=[
        nl.H2(className="card-title", children=[
            nl.Link(c.name, href=f"/programma/{c.slug}"),
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


def _select(name: str, label: str, all_label: str, options: list[tuple[str, str]], value: str | None
            ) -> html.Div:
    return html.Div(className="perspectief-form-col", children=[
        html.Label(label, htmlFor=f"overzicht-{name}", className=nl.LABEL),
        html.Select(id=f"overzicht-{name}", name=name, className=nl.SELECT, children=[
            html.Option(all_label, value="", selected=not value),
            *[html.Option(text, value=v, selected=v == value) for v, text in options]]),
    ])


def search_form(query: str, flt: OverviewFilter, options: FilterOptions) -> html.Form:
    """The search field and, folded away unless one is set, the three filters: one GET form, so searching keeps
    the filters and filtering keeps the search."""
    return html.Form(method="get", action="/", role="search", className="overview-search mb-4",
                     **{"aria-label": texts.OVERVIEW_SEARCH_FORM}, children=[
        html.Label(texts.OVERVIEW_SEARCH_LABEL, htmlFor="overzicht-zoek", className=nl.LABEL),
        # dcc.Input takes no aria-describedby: the help stands between label and field, read in that order
        html.P(texts.OVERVIEW_SEARCH_HELP, id="overzicht-zoek-uitleg", className=f"{nl.DESCRIPTION} mt-0 mb-1"),
        html.Div(className="perspectief-input-group", children=[
            dcc.Input(id="overzicht-zoek", name="zoek", type="search", value=query, maxLength=MAX_QUERY_LENGTH,
                      className=nl.TEXTBOX, autoComplete="off"),
            html.Button(texts.OVERVIEW_SEARCH_BUTTON, type="submit", className=nl.BUTTON_PRIMARY,
                        id="overzicht-zoekknop"),
        ]),
        html.Details(className="overview-filters", open=flt.active, children=[
            html.Summary(texts.OVERVIEW_FILTER_SUMMARY_ACTIVE if flt.active else texts.OVERVIEW_FILTER_SUMMARY),
            html.Div(className="perspectief-form-row mt-1", children=[
                _select("programma", texts.OVERVIEW_FILTER_PROGRAMME, texts.OVERVIEW_FILTER_ALL_PROGRAMMES,
                        options.programmes, flt.programme),
                _select("thema", texts.OVERVIEW_FILTER_THEME, texts.OVERVIEW_FILTER_ALL_THEMES, options.themes,
                        flt.theme),
                _select("wijk", texts.OVERVIEW_FILTER_WIJK, texts.OVERVIEW_FILTER_ALL_WIJKEN, options.wijken,
                        flt.wijk),
            ]),
            html.P(texts.OVERVIEW_FILTER_WIJK_HELP, className=nl.DESCRIPTION),
            html.Button(texts.OVERVIEW_FILTER_APPLY, type="submit", className=nl.BUTTON_SECONDARY),
        ]),
        html.P(nl.A(texts.OVERVIEW_RESET, href="/"), className="mt-2") if query or flt.active else None,
    ])


def announcement(query: str, hits: list[SearchHit] | None) -> str:
    """What the live region says after a search: "3 resultaten voor ‘eenzaam’"."""
    if not query:
        return ""
    if hits is None:
        return texts.OVERVIEW_QUERY_TOO_SHORT.format(n=MIN_QUERY_LENGTH)
    if len(hits) == 1:
        return texts.OVERVIEW_RESULTS_ONE.format(query=query)
    return texts.OVERVIEW_RESULTS_MANY.format(n=len(hits), query=query)


def _marked(text: str, query: str) -> list:
    return [html.Mark(piece) if hit else piece for piece, hit in highlight(text, query)]


def hit_item(hit: SearchHit, query: str) -> html.Li:
    """One hit: its kind in words, the link, where it belongs, and the context of the match."""
    if hit.programme_name:
        where = texts.OVERVIEW_HIT_PROGRAMME.format(name=hit.programme_name)
    else:
        where = texts.OVERVIEW_HIT_NO_PROGRAMME
    context = texts.OVERVIEW_HIT_RESULT_OF.format(project=hit.snippet) if hit.kind is HitKind.RESULT else hit.snippet
    return html.Li(className=f"search-hit search-hit-{hit.kind.value} mb-3", children=[
        html.Span(texts.OVERVIEW_HIT_KINDS[hit.kind.value], className=f"{nl.DATA_BADGE} search-hit-kind"),
        " ",
        nl.Link(_marked(hit.title, query), href=hit.href, className="search-hit-link"),
        html.Br(),
        html.Small(where, className="search-hit-programme"),
        html.P(_marked(context, query), className="search-hit-context mb-0") if context else None,
    ])


def search_results(query: str, hits: list[SearchHit] | None, flt: OverviewFilter) -> html.Section | None:
    if not query or hits is None:
        return None
    if not hits:
        body = [html.P(texts.OVERVIEW_RESULTS_NONE.format(query=query), className="search-empty")]
    else:
        body = [html.Ul(className="search-hits list-unstyled", children=[hit_item(h, query) for h in hits[:MAX_HITS]]),
                html.P(texts.OVERVIEW_RESULTS_LIMITED.format(shown=MAX_HITS), className=nl.DESCRIPTION)
                if len(hits) > MAX_HITS else None]
    title = texts.OVERVIEW_RESULTS_TITLE + (texts.OVERVIEW_RESULTS_FILTERED if flt.active else "")
    return html.Section(id="zoekresultaten", className="search-results mb-4",
                        **{"aria-labelledby": "zoekresultaten-titel"},
                        children=[nl.H2(title, id="zoekresultaten-titel", className=nl.HEADING_4), *body])


def filter_note(flt: OverviewFilter, options: FilterOptions, shown: int, total: int) -> list:
    """Which filter is set and how many programmes pass; the empty state when none does."""
    if not flt.active:
        return []
    names = {"programme": dict(options.programmes), "theme": dict(options.themes), "wijk": dict(options.wijken)}
    parts = [texts.OVERVIEW_FILTERED_PROGRAMME.format(name=names["programme"][flt.programme]) if flt.programme
             else None,
             texts.OVERVIEW_FILTERED_THEME.format(name=names["theme"][flt.theme]) if flt.theme else None,
             texts.OVERVIEW_FILTERED_WIJK.format(name=names["wijk"][flt.wijk]) if flt.wijk else None]
    note = [html.P(texts.OVERVIEW_FILTERED_COUNT.format(shown=shown, total=total,
                                                        filters=", ".join(p for p in parts if p)),
                   className="filter-note", id="overzicht-filter-stand")]
    if shown == 0:
        empty = (texts.OVERVIEW_NO_CARDS_WIJK.format(name=names["wijk"][flt.wijk]) if flt.wijk
                 else texts.OVERVIEW_NO_CARDS)
        note.append(html.P([empty, " ", nl.Link(texts.OVERVIEW_WIJK_PAGE_LINK, href="/wijken")
                            if flt.wijk else None], className="filter-empty"))
    return note


def layout(zoek: str | None = None, programma: str | None = None, thema: str | None = None,
           wijk: str | None = None, **_query: str) -> html.Div:
    query = clean_query(zoek)
    options, flt, hits = FilterOptions([], [], []), OverviewFilter(), None
    try:
        with read_session() as session:
            all_cards = programme_cards(session)
            options = filter_options(session)
            flt = options.clean(programma, thema, wijk)
            cards = filter_cards(all_cards, programmes_matching(session, flt))
            hits = search(session, query, flt) if is_searchable(query) else None
    except RuntimeError:  # no app context: Dash validating the layout
        all_cards = cards = []
    return html.Div(className="container page-overview", children=[
        nl.H1(texts.OVERVIEW_TITLE),
        html.P(texts.OVERVIEW_INTRO, className=nl.LEAD),
        latest_quarter_link(),
        search_form(query, flt, options),
        # Filled by the callback below once the page is on screen, so screen readers announce it.
        dcc.Store(id="overzicht-zoekmelding", data=announcement(query, hits)),
        html.P(id="overzicht-zoekstatus", className="search-status fw-semibold", role="status",
               **{"aria-live": "polite"}),
        search_results(query, hits, flt),
        *filter_note(flt, options, len(cards), len(all_cards)),
        html.Div(className="card-grid", children=[card(c) for c in cards]),
    ])


clientside_callback(
    """function(message) { return message || ''; }""",
    Output("overzicht-zoekstatus", "children"),
    Input("overzicht-zoekmelding", "data"),
)
