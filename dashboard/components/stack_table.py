"""An NL Design System table (nl.TABLE) that becomes a pile of cards on a narrow screen (assets/45-raadslid.css,
`.stack-table`): below 992 px every row is a card and every cell shows its column's name (data-label) before its
value, so a phone never has to scroll sideways. The ARIA roles are explicit, because browsers drop a table's
semantics once CSS changes its display."""

from __future__ import annotations

from dash import html

from dashboard.components import nl


def table(*children, caption: str, class_name: str = "", **props) -> html.Table:  # noqa: ANN002, ANN003
    return html.Table(className=f"{nl.TABLE} stack-table {class_name}".strip(), role="table", **props,
                      children=[html.Caption(caption), *children])


def head(labels: list[str], numeric: set[str] | frozenset[str] = frozenset()) -> html.Thead:
    return html.Thead(role="rowgroup", children=html.Tr(role="row", children=[
        html.Th(label, scope="col", role="columnheader", className="num" if label in numeric else None)
        for label in labels]))


def body(rows: list, class_name: str | None = None) -> html.Tbody:
    return html.Tbody(rows, role="rowgroup", className=class_name)


def row(cells: list, **props) -> html.Tr:  # noqa: ANN003
    return html.Tr(cells, role="row", **props)


def row_header(children, **props) -> html.Th:  # noqa: ANN001, ANN003 - Dash children
    return html.Th(children, scope="row", role="rowheader", **props)


def cell(label: str, children, class_name: str | None = None, **props) -> html.Td:  # noqa: ANN001, ANN003
    """A cell that names its column when the row is shown as a card."""
    return html.Td(children, role="cell", className=class_name, **{"data-label": label}, **props)


def group_row(text: str, span: int, class_name: str) -> html.Tr:
    """A heading row inside the table (a programme line, a project): one cell across all columns."""
    return html.Tr(role="row", className=f"group-row {class_name}", children=html.Th(
        text, colSpan=span, scope="colgroup", role="columnheader", className=class_name))
