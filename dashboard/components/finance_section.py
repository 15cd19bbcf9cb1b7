""""Financiën" on the programme page, without touching its three parts: a band under the programme header (the newest
realisation against its budget, the newest budget, per inwoner beside Nederland) and a section after the three parts
with a text summary, the chart, the tables (begroot against gerealiseerd per year and taakveldgroep; per inwoner
beside Nederland and comparable gemeenten), the downloads and the source."""

from __future__ import annotations

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.controls import scroll_region
from dashboard.components.downloads import download_links
from dashboard.components.finance_chart import chart_alt, finance_svg
from dashboard.components.svg_chart import data_uri
from indicators.finance import (
    TOTAL,
    ProgrammeFinance,
    Statement,
    format_euros,
    format_money,
    format_money_change,
    format_percent,
    headline,
)
from indicators.formatting import format_number

SECTION_ID = "financien"


def band(finance: ProgrammeFinance | None) -> html.Section | None:
    """The money at a glance, under the programme header (None for a programme without taakvelden)."""
    if finance is None or not finance.groups:
        return None
    h = headline(finance)
    items = []
    if h.latest_actual:
        text = texts.FIN_BAND_ACTUAL.format(year=h.latest_actual.year, actual=format_money(h.latest_actual_amount))
        diff, pct = h.diff
        if diff is not None:
            text += texts.FIN_BAND_VS_BUDGET.format(budget=format_money(h.actual_year_budget),
                                                 diff_words=_diff_words(diff, pct))
        items.append(text)
        bench = finance.benchmark(h.latest_actual)
        if bench.home is not None and bench.country is not None:
            items.append(texts.FIN_BAND_PER_INHABITANT.format(
                amount=format_euros(bench.home), year=h.latest_actual.year, country=format_euros(bench.country)))
    if h.latest_budget and (not h.latest_actual or h.latest_budget.year > h.latest_actual.year):
        items.append(texts.FIN_BAND_BUDGET.format(year=h.latest_budget.year,
                                                  budget=format_money(h.latest_budget_amount)))
    groups = ", ".join(g.name for g in finance.groups)
    label = {"aria-label": texts.FIN_BAND_LABEL}
    return html.Section(className="finance-band", id="financien-band", **label, children=[
        html.P([html.Strong(f"{texts.FIN_TITLE} "), html.Span(f"({groups})", className="finance-band-groups")],
               className="finance-band-title"),
        html.Ul([html.Li(i) for i in items], className="finance-band-list") if items
        else html.P(texts.FIN_BAND_NONE),
        html.P(nl.A(texts.FIN_BAND_LINK, href=f"#{SECTION_ID}"), className="finance-band-link") if items else None,
    ])


def _diff_words(diff: float, pct: float | None) -> str:
    if abs(diff) < 0.5:
        return texts.FIN_EQUAL
    template = texts.FIN_MORE if diff > 0 else texts.FIN_LESS
    return template.format(amount=format_money(abs(diff)), pct=format_percent(abs(pct) if pct is not None else None,
                                                                                signed=False))


def summary_sentences(finance: ProgrammeFinance) -> list[str]:
    """The text summary of the section: the newest realisation against its budget, per inwoner beside Nederland and
    the comparable gemeenten, the newest budget, and the share of the whole sociaal domein."""
    h = headline(finance)
    out = []
    if h.latest_actual:
        year, region = h.latest_actual.year, finance.region_name
        diff, pct = h.diff
        if diff is not None:
            out.append(texts.FIN_SUMMARY_ACTUAL.format(
                year=year, region=region, budget=format_money(h.actual_year_budget),
                actual=format_money(h.latest_actual_amount), diff_words=_diff_words(diff, pct)))
        else:
            out.append(texts.FIN_SUMMARY_ONLY_ACTUAL.format(year=year, region=region,
                                                         actual=format_money(h.latest_actual_amount)))
        bench = finance.benchmark(h.latest_actual)
        if bench.home is not None:
            peers = texts.FIN_SUMMARY_PEERS.format(peers=format_euros(bench.peers)) if bench.peers is not None else ""
            out.append(texts.FIN_SUMMARY_PER_INHABITANT.format(
                home=format_euros(bench.home), inhabitants=format_number(finance.inhabitants[h.latest_actual]),
                country=format_euros(bench.country), peers=peers))
        share = finance.share_of_domain(h.latest_actual)
        if finance.in_social_domain and share is not None:
            whole = finance.domain[h.latest_actual]
            out.append(texts.FIN_SUMMARY_DOMAIN.format(
                region=region, year=year, amount=format_money(whole),
                per_inhabitant=format_euros(whole * 1_000 / finance.inhabitants[h.latest_actual])
                if finance.inhabitants.get(h.latest_actual) else "–",
                share=format_percent(share, 0, signed=False)))
    if h.latest_budget and (not h.latest_actual or h.latest_budget.year > h.latest_actual.year):
        per = finance.benchmark(h.latest_budget).home
        out.append(texts.FIN_SUMMARY_BUDGET.format(year=h.latest_budget.year,
                                                   budget=format_money(h.latest_budget_amount),
                                                   per_inhabitant=format_euros(per)))
    return out


def _row_head(text: str, cols: int) -> html.Tr:
    return html.Tr(html.Th(text, colSpan=cols, scope="colgroup", className="finance-rowgroup"))


def _actual_cell(r) -> list | str:  # noqa: ANN001 - an indicators.finance.YearRow
    """Gerealiseerd with its difference from the budget under it, in € and %: three columns fit a phone."""
    if r.actual is None:
        return "–"
    if r.diff is None:
        return format_money(r.actual)
    return [format_money(r.actual), html.Br(),
            html.Span(f"{format_money_change(r.diff)} ({format_percent(r.diff_pct)})", className="finance-diff")]


def year_table(finance: ProgrammeFinance) -> html.Div:
    caption = texts.FIN_YEAR_CAPTION.format(region=finance.region_name, name=finance.name)
    head = [texts.FIN_COL_GROUP, texts.FIN_COL_BUDGET, texts.FIN_COL_ACTUAL_DIFF]
    bodies = []
    rows = finance.year_rows()
    for year in sorted({r.year for r in rows}, reverse=True):
        body = [_row_head(str(year), len(head))]
        for r in (r for r in rows if r.year == year):
            body.append(html.Tr(className="finance-total" if r.group == TOTAL else None, children=[
                html.Th(texts.FIN_TOTAL if r.group == TOTAL else r.group_name, scope="row"),
                html.Td(format_money(r.budget), className="num"),
                html.Td(_actual_cell(r), className="num")]))
        bodies.append(html.Tbody(body))
    return scroll_region(html.Table(className=f"{nl.TABLE_COMPACT} finance-table", id="financien-jaren", children=[
        html.Caption([caption, html.Span(texts.FIN_NOT_YET_NOTE, className="finance-caption-note")]),
        html.Thead(html.Tr([html.Th(h, scope="col", className=None if i == 0 else "num")
                            for i, h in enumerate(head)])), *bodies]), caption)


def per_inhabitant_table(finance: ProgrammeFinance) -> html.Div:
    caption = texts.FIN_PER_CAPTION.format(region=finance.region_name)
    head = [texts.FIN_COL_GROUP, finance.region_name, texts.FIN_COL_COUNTRY, texts.FIN_COL_PEERS]
    bodies = []
    current: Statement | None = None
    body: list = []
    for b in finance.benchmark_rows():
        if b.statement != current:
            if body:
                bodies.append(html.Tbody(body))
            current, body = b.statement, [_row_head(b.statement.label.capitalize(), len(head))]
        body.append(html.Tr(className="finance-total" if b.group == TOTAL else None, children=[
            html.Th(texts.FIN_TOTAL if b.group == TOTAL else b.group_name, scope="row"),
            html.Td(format_euros(b.home), className="num"), html.Td(format_euros(b.country), className="num"),
            html.Td(format_euros(b.peers), className="num")]))
    if body:
        bodies.append(html.Tbody(body))
    table_class = f"{nl.TABLE_COMPACT} finance-table"
    return scroll_region(html.Table(className=table_class, id="financien-per-inwoner", children=[
        html.Caption(caption), html.Thead(html.Tr([html.Th(h, scope="col", className=None if i == 0 else "num")
                                                   for i, h in enumerate(head)])), *bodies]), caption)


def section(finance: ProgrammeFinance | None) -> html.Section | None:
    """The "Financiën" section after the three parts (None for an unknown programme)."""
    if finance is None:
        return None
    children: list = [nl.H2(texts.FIN_TITLE, id=f"{SECTION_ID}-titel"),
                      html.P(texts.FIN_INTRO, className="part-intro")]
    if not finance.groups:
        children.append(html.P(texts.FIN_NO_GROUPS))
    elif not finance.has_data:
        children.append(html.P(texts.FIN_NO_DATA.format(region=finance.region_name)))
    else:
        children += [
            html.P([texts.FIN_GROUPS, " ", *[x for i, g in enumerate(finance.groups) for x in (
                ", " if i else "", html.Strong(g.name), f" ({g.explanation})" if g.explanation else "")]],
                className="finance-groups"),
            html.Div(className="summary-box finance-summary", children=[
                html.P(" ".join(summary_sentences(finance)), id="financien-samenvatting")]),
            html.Figure(className="finance-figure", children=[
                html.Img(src=data_uri(finance_svg(finance)), alt=chart_alt(finance), width=560, height=320,
                         className="finance-chart"),
                html.Figcaption(texts.FIN_CHART_TITLE)]),
            year_table(finance),
            per_inhabitant_table(finance),
            html.P(texts.FIN_PEERS_HELP.format(label=finance.peer_label, region=finance.region_name,
                                            names=", ".join(finance.peer_names)), className=nl.SMALL_TEXT)
            if finance.peer_names else None,
            html.P([texts.FIN_SOURCE, html.Br(), *[x for line in finance.sources for x in (line, html.Br())]],
                   className="provenance"),
            download_links("financien", {"programma": finance.slug}, texts.FIN_DOWNLOAD.format(name=finance.name)),
        ]
    return html.Section(id=SECTION_ID, className="programme-finance", **{"aria-labelledby": f"{SECTION_ID}-titel"},
                        children=children)
