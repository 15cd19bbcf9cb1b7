"""The money line of a programme card on the overview: the newest budget and the last known realisation."""

from __future__ import annotations

from dash import html

from dashboard import texts
from indicators.finance import ProgrammeFinance, format_money, headline


def card_lines(finance: ProgrammeFinance | None) -> list[str]:
    """'Begroot 2025: € 74,1 mln', 'Gerealiseerd 2023: € 67,9 mln (begroot € 65,8 mln)' (empty: no taakvelden)."""
    if finance is None or not finance.groups:
        return []
    h = headline(finance)
    lines = []
    if h.latest_budget:
        lines.append(texts.CARD_FINANCE_BUDGET.format(year=h.latest_budget.year,
                                                   amount=format_money(h.latest_budget_amount)))
    if h.latest_actual:
        template = texts.CARD_FINANCE_ACTUAL if h.actual_year_budget is not None else texts.CARD_FINANCE_ACTUAL_ONLY
        lines.append(template.format(year=h.latest_actual.year, amount=format_money(h.latest_actual_amount),
                                     budget=format_money(h.actual_year_budget)))
    return lines or [texts.CARD_FINANCE_NONE]


def finance_lines(finance: ProgrammeFinance | None) -> html.P | None:
    """The card's money in words, one line each (nothing for a programme without taakvelden)."""
    lines = card_lines(finance)
    if not lines:
        return None
    return html.P(className="part-words",
                  children=[x for i, line in enumerate(lines) for x in ((html.Br(),) if i else ()) + (line,)])
