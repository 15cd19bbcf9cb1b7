"""Projectfinanciën in the quarter report: each project's budget against its spending per quarter of the report's
year (the `financien` template) – as a Dash table (report page), plain HTML (PDF) and rows (Excel)."""

from __future__ import annotations

from html import escape

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.badges import example_label
from dashboard.components.controls import scroll_region
from indicators.finance import NBSP, format_percent
from indicators.formatting import MINUS, format_number
from indicators.periods import Period
from indicators.quarter import ProgrammeReport

# on screen and in print the difference and the share spent stand under the amount spent: five columns fit a phone
HEAD = [texts.PROJ_COL_PROJECT, texts.PROJ_COL_QUARTER, texts.PROJ_COL_BUDGET, texts.PROJ_COL_SPENT_DIFF,
        texts.PROJ_COL_NOTE]
NUMERIC = {2, 3}


def euros(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    text = f"€{NBSP}{format_number(abs(value) if signed else value, 0)}"
    if signed and round(value) != 0:
        return ("+" if value > 0 else MINUS) + text
    return text


def rows(p: ProgrammeReport) -> list[tuple[list[str], bool]]:
    """Display rows (cells, is example) plus a total row for the year."""
    out = []
    items = p.project_money or []
    for m in items:
        out.append(([m.project, Period.parse(m.period).short_label, euros(m.budget), euros(m.spent),
                     euros(m.diff, True), format_percent(m.spent_pct, 0, signed=False), m.explanation],
                    m.is_example))
    if items:
        budget = sum(m.budget or 0 for m in items)
        spent = sum(m.spent or 0 for m in items)
        year = Period.parse(items[0].period).start.year
        out.append(([texts.PROJ_TOTAL.format(year=year), "", euros(budget), euros(spent), euros(spent - budget, True),
                     format_percent(spent / budget * 100 if budget else None, 0, signed=False), ""], False))
    return out


def caption(p: ProgrammeReport, label: str, year: int) -> str:
    return texts.PROJ_CAPTION.format(name=p.name, year=year, label=label)


def _cells(cells: list[str]) -> tuple[str, str, str, str, str, str]:
    """(project, quarter, budget, spent, 'difference · % spent', note) of a display row."""
    project, quarter, budget, spent, diff, pct, note = cells
    return project, quarter, budget, spent, f"{diff} · {pct}", note


def money_table(p: ProgrammeReport, quarter: Period) -> html.Div | html.P:
    if not p.project_money:
        return html.P(texts.PROJ_NONE)
    cap = caption(p, quarter.label, quarter.start.year)
    body = []
    table_rows = rows(p)
    for n, (cells, example) in enumerate(table_rows):
        project, period, budget, spent, diff, note = _cells(cells)
        body.append(html.Tr(className="finance-total" if n == len(table_rows) - 1 else None, children=[
            html.Th(project, scope="row"), html.Td(period), html.Td(budget, className="num"),
            html.Td([spent, html.Br(), html.Span(diff, className="finance-diff")], className="num"),
            html.Td([note, " ", example_label() if example else None])]))
    return scroll_region(html.Table(className=f"{nl.TABLE_COMPACT} quarter-table project-money", children=[
        html.Caption(cap), html.Thead(html.Tr([html.Th(h, scope="col", className="num" if i in NUMERIC else None)
                                               for i, h in enumerate(HEAD)])), html.Tbody(body)]), cap)


def money_html(p: ProgrammeReport, quarter: Period, example_text: str) -> str:
    if not p.project_money:
        return f"<p>{escape(texts.PROJ_NONE)}</p>"
    out = [f"<table><caption>{escape(caption(p, quarter.label, quarter.start.year))}</caption><thead><tr>",
           "".join(f'<th scope="col">{escape(h)}</th>' for h in HEAD), "</tr></thead><tbody>"]
    for cells, example in rows(p):
        project, period, budget, spent, diff, note = _cells(cells)
        marker = f' <span class="example">{escape(example_text)}</span>' if example else ""
        out.append(f'<tr><th scope="row">{escape(project)}</th><td>{escape(period)}</td>'
                   f'<td class="num">{escape(budget)}</td><td class="num">{escape(spent)}<br>{escape(diff)}</td>'
                   f"<td>{escape(note)}{marker}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def money_sheet_rows(report_programmes: list[ProgrammeReport]) -> list[list]:
    """Excel rows with numbers as numbers: programme, project, quarter, budget, spent, difference, % spent, note,
    example."""
    out = []
    for p in report_programmes:
        for m in p.project_money or []:
            out.append([p.name, m.project, Period.parse(m.period).label, m.budget, m.spent, m.diff,
                        round(m.spent_pct, 1) if m.spent_pct is not None else None, m.explanation,
                        "ja" if m.is_example else "nee"])
    return out
