"""Status per kwartaal: results × quarters, a status word and icon in every cell and "niet gemeten" in the gaps – as a
Dash table (Resultaten part, quarter report page) and as plain HTML (the quarter report's PDF)."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from dash import html

from dashboard import texts
from dashboard.components import nl
from dashboard.components.controls import scroll_region
from indicators.formatting import format_number
from indicators.periods import Period
from indicators.status_matrix import Cell, ResultPath, StatusMatrix, build_matrix


def paths_from_views(results: list) -> list[ResultPath]:  # list[indicators.views.ResultView]
    return [ResultPath(str(r.id), r.name, r.project_name, r.unit, r.decimals,
                       [(m.period, m.realised, m.status.value if hasattr(m.status, "value") else str(m.status),
                         m.target) for m in r.measurements]) for r in results]


def paths_from_report(results: list) -> list[ResultPath]:  # list[indicators.quarter.ResultItem]
    return [ResultPath(str(r.id), r.name, r.project_name, r.unit, r.decimals,
                       [(Period.parse(m.period), m.realised, m.status, m.target) for m in r.history]) for r in results]


def report_matrix(p, quarter: Period) -> StatusMatrix:  # noqa: ANN001 - an indicators.quarter.ProgrammeReport
    """The matrix of a programme in the quarter report: its results up to the report's quarter."""
    return build_matrix(paths_from_report(p.results), quarter)


def word(cell: Cell) -> str:
    return texts.MATRIX_STATUS_WORDS.get(cell.status, cell.status)


def icon(cell: Cell) -> str:
    return texts.MATRIX_ICONS.get(cell.status, "?")


def cell_title(cell: Cell, unit: str, decimals: int) -> str | None:
    if not cell.measured:
        return None
    parts = [f"gerealiseerd {format_number(cell.realised, decimals, unit)}"]
    if cell.target is not None:
        parts.append(f"doel {format_number(cell.target, decimals, unit)}")
    return ", ".join(parts)


def _quarter_head(q: Period) -> html.Th:
    return html.Th(scope="col", className="matrix-quarter", children=[
        html.Span(f"K{q.number}", **{"aria-hidden": "true"}), html.Span(q.label, className="visually-hidden")])


def matrix_table(matrix: StatusMatrix, caption: str, table_id: str) -> html.Div:
    if not matrix.quarters:
        return html.P(texts.MATRIX_EMPTY)
    head = [
        html.Tr([html.Td(className="matrix-corner"),
                 *[html.Th(str(year), colSpan=n, scope="colgroup", className="matrix-year")
                   for year, n in matrix.years]]),
        html.Tr([html.Th(texts.MATRIX_COL_RESULT, scope="col"), *[_quarter_head(q) for q in matrix.quarters]]),
    ]
    rows = [html.Tr(id=f"{table_id}-{r.key}", className="matrix-row", children=[
        html.Th(scope="row", className="matrix-result", children=[
            r.name, html.Br(), html.Span(r.project, className="matrix-project")]),
        # the icon is drawn by CSS from data-icon (no text for screen readers, which read the word): one component
        # per cell instead of three keeps a long path cheap to build
        *[html.Td(word(c), className=f"matrix-cell matrix-{c.status or 'niet_gemeten'}",
                  title=cell_title(c, r.unit, r.decimals), **{"data-icon": icon(c)}) for c in r.cells],
    ]) for r in matrix.rows]
    return scroll_region(html.Table(className=f"{nl.TABLE_COMPACT} status-matrix", id=table_id, children=[
        html.Caption(caption), html.Thead(head), html.Tbody(rows)]), caption)


PRINT_QUARTERS = 8  # quarters per printed table: two years fit the width of an A4 page


def matrix_html(matrix: StatusMatrix, caption: str) -> str:
    """The same table as HTML for the printed report (weasyprint): at most PRINT_QUARTERS quarters per table, so
    a long path is printed as consecutive tables instead of running off the page."""
    if not matrix.quarters:
        return f"<p>{escape(texts.MATRIX_EMPTY)}</p>"
    n = len(matrix.quarters)
    parts = [range(i, min(i + PRINT_QUARTERS, n)) for i in range(0, n, PRINT_QUARTERS)]
    out = []
    for part in parts:
        quarters = tuple(matrix.quarters[i] for i in part)
        rows = tuple(replace(r, cells=tuple(r.cells[i] for i in part)) for r in matrix.rows)
        title = caption if len(parts) == 1 else texts.MATRIX_PRINT_PART.format(
            caption=caption, first=quarters[0].label, last=quarters[-1].label)
        out.append(_matrix_html(StatusMatrix(quarters, rows), title))
    return "".join(out)


def _matrix_html(matrix: StatusMatrix, caption: str) -> str:
    out = [f'<table class="matrix"><caption>{escape(caption)}</caption><thead><tr><td></td>']
    out += [f'<th scope="colgroup" colspan="{n}">{year}</th>' for year, n in matrix.years]
    out.append(f'</tr><tr><th scope="col">{escape(texts.MATRIX_COL_RESULT)}</th>')
    out += [f'<th scope="col" title="{escape(q.label)}">K{q.number}</th>' for q in matrix.quarters]
    out.append("</tr></thead><tbody>")
    for r in matrix.rows:
        out.append(f'<tr><th scope="row">{escape(r.name)}<br><span class="meta">{escape(r.project)}</span></th>')
        out += [f'<td class="m-{c.status or "niet_gemeten"}"><span aria-hidden="true">{escape(icon(c))}</span> '
                f"{escape(word(c))}</td>" for c in r.cells]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)
